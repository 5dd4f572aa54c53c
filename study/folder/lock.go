package folder

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// A Lock is an exclusive flock(2) on a folder's lock file, held by one
// process while it writes the folder: a run, a resume, a merge or a plot.
// The kernel releases it when the process exits, even by SIGKILL, so a
// crashed run never leaves a folder locked. The lock file stays in the
// folder: removing it on release would let a process that opened it just
// before lock a file no one else can see, and two writers would share the
// folder again.
type Lock struct {
	f *os.File
}

// LockedError says a folder is in use by another process.
type LockedError struct {
	Dir    string // the folder
	Holder string // "pid N: command", as the holder recorded it ("" when not yet written)
}

// Error names the folder, its holder and the lock file.
func (e *LockedError) Error() string {
	h := e.Holder
	if h == "" {
		h = "another process"
	}
	return fmt.Sprintf("%s is in use by %s (lock file %s); wait for it to finish, or use another --out", e.Dir, h, filepath.Join(e.Dir, LockFile))
}

// TryLock takes the lock of the existing folder dir at once, or fails
// with a [*LockedError] naming the holder. It records this process's pid
// and command in the lock file, for the next one to name.
func TryLock(dir string, command []string) (*Lock, error) {
	path := filepath.Join(dir, LockFile)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("folder: locking %s: %w", dir, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			b, _ := os.ReadFile(path)
			return nil, &LockedError{Dir: dir, Holder: strings.TrimSpace(string(b))}
		}
		return nil, fmt.Errorf("folder: locking %s: %w", path, err)
	}
	holder := "pid " + strconv.Itoa(os.Getpid()) + ": " + strings.Join(command, " ") + "\n"
	err = f.Truncate(0)
	if err == nil {
		_, err = f.WriteAt([]byte(holder), 0)
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("folder: %s: %w", path, err)
	}
	return &Lock{f: f}, nil
}

// Unlock releases the lock; a nil Lock is fine.
func (l *Lock) Unlock() error {
	if l == nil || l.f == nil {
		return nil
	}
	// Closing the file releases the flock.
	err := l.f.Close()
	l.f = nil
	return err
}
