package folder

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// A Lock is a flock(2) on a folder's lock file: exclusive ([TryLock]),
// held by the one process that writes the folder (a run, a resume, a
// merge, a plot, a replay into it, a comparison into its --out), or
// shared ([TryRLock]), held by each process that only reads it (the
// folders a comparison reads, a replay that writes its trace elsewhere).
// Any number of readers may hold a folder together, and no writer while
// one does, so a reader never sees one run's manifest with another's rows.
// The kernel releases a lock when its process exits, even by SIGKILL, so
// a crashed run never leaves a folder locked. The lock file stays in the
// folder: removing it on release would let a process that opened it just
// before lock a file no one else can see, and two writers would share the
// folder again. (A run does not count it when it checks that a folder is
// empty.) Only a folder's removal takes its lock file along: a comparison
// that fails removes the folder it made, while holding its lock, so each
// lock checks, once held, that the file it locked is still the folder's.
type Lock struct {
	f *os.File
}

// LockedError says a folder is in use by another process.
type LockedError struct {
	Dir    string // the folder
	Holder string // "pid N: command", as the holder recorded it ("" when not yet written)
	// reading is set when the refused process only reads the folder: a
	// different --out would not help it.
	reading bool
}

// Error names the folder, its holder and the lock file.
func (e *LockedError) Error() string {
	h := e.Holder
	if h == "" {
		h = "another process"
	}
	hint := "wait for it to finish, or use another --out"
	if e.reading {
		hint = "wait for it to finish"
	}
	return fmt.Sprintf("%s is in use by %s (lock file %s); %s", e.Dir, h, filepath.Join(e.Dir, LockFile), hint)
}

// TryLock takes the exclusive lock of the existing folder dir at once, or
// fails with a [*LockedError] naming the holder (a writer or a reader).
// It records this process's pid and command in the lock file, for the
// next one to name.
func TryLock(dir string, command []string) (*Lock, error) {
	path := filepath.Join(dir, LockFile)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("folder: locking %s: %w", dir, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, lockedError(dir, path, err, false)
	}
	if err := stillThere(f, dir, path); err != nil {
		f.Close()
		return nil, err
	}
	holder := holderLine(command)
	err = f.Truncate(0)
	if err == nil {
		_, err = f.WriteAt(holder, 0)
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("folder: %s: %w", path, err)
	}
	return &Lock{f: f}, nil
}

// TryRLock takes a shared lock of the existing folder dir at once, for a
// process that only reads it, or fails with a [*LockedError] naming the
// writer that holds it. It records this process's pid and command over
// the start of the lock file without truncating it: readers may do so
// together, and as the holder is the file's first line, the last reader
// to start is named whole whatever follows (a writer, alone, truncates).
// That reader may have ended while earlier ones go on: a refused writer
// names it all the same, as one reader among those that held the folder.
// A folder this process may not write (an archive, a read-only mount) is
// locked through its lock file opened read-only, without recording; if it
// has no lock file, which this process cannot create, it is read
// unlocked: the nil Lock returned is fine to Unlock.
func TryRLock(dir string, command []string) (*Lock, error) {
	path := filepath.Join(dir, LockFile)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	record := err == nil
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		f, err = os.Open(path)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
	}
	if err != nil {
		return nil, fmt.Errorf("folder: locking %s: %w", dir, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, lockedError(dir, path, err, true)
	}
	if err := stillThere(f, dir, path); err != nil {
		f.Close()
		return nil, err
	}
	if record {
		if _, err := f.WriteAt(holderLine(command), 0); err != nil {
			f.Close()
			return nil, fmt.Errorf("folder: %s: %w", path, err)
		}
	}
	return &Lock{f: f}, nil
}

// holderLine is what a holder records in the lock file.
func holderLine(command []string) []byte {
	return []byte("pid " + strconv.Itoa(os.Getpid()) + ": " + strings.Join(command, " ") + "\n")
}

// lockedError is the error of a flock on path that failed with err: a
// [*LockedError] naming the holder (the lock file's first line) when the
// folder is in use, else err itself.
func lockedError(dir, path string, err error, reading bool) error {
	if !errors.Is(err, syscall.EWOULDBLOCK) {
		return fmt.Errorf("folder: locking %s: %w", path, err)
	}
	b, _ := os.ReadFile(path)
	first, _, _ := strings.Cut(string(b), "\n")
	return &LockedError{Dir: dir, Holder: strings.TrimSpace(first), reading: reading}
}

// stillThere checks, once the flock on f is held, that path still names
// f: a process that opened the lock file of a folder that was then
// removed would otherwise hold a lock no other process can see, and share
// the folder with whoever makes it again.
func stillThere(f *os.File, dir, path string) error {
	held, err1 := f.Stat()
	now, err2 := os.Stat(path)
	if err1 != nil || err2 != nil || !os.SameFile(held, now) {
		return fmt.Errorf("folder: %s was removed as it was being locked; try again", dir)
	}
	return nil
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
