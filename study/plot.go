package study

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/seqsim/seqsim/report"
	"github.com/seqsim/seqsim/study/folder"
)

// Plot rebuilds the charts and report.html of the finished output folder
// dir from its files (see [report.Build]), holding the folder's lock so
// that no run writes it meanwhile; command is recorded in the lock file.
// A folder that is not a readable output folder gives an error matching
// [report.ErrBadFolder]; one in use, an [*InputError] wrapping a
// [*folder.LockedError].
func Plot(dir string, command []string) error {
	lock, err := holdFolder(dir, command, true)
	if err != nil {
		return err
	}
	defer lock.Unlock()
	return report.Build(dir)
}

// Compare writes a comparison of the finished output folders dirs into
// the folder out (see [report.Compare]), holding out's lock and a shared
// lock on each of dirs, so that no run writes them meanwhile; command is
// recorded in the lock files. Folders that are not readable output
// folders give an error matching [report.ErrBadFolder]; one in use (out by
// anyone, one of dirs by a writer), an [*InputError] wrapping a
// [*folder.LockedError].
func Compare(out string, dirs []string, command []string) error {
	for _, d := range dirs {
		if within(out, d) && within(d, out) {
			continue // report.Compare refuses it; out's lock would, less clearly
		}
		lock, err := holdFolder(d, command, false)
		if err != nil {
			return err
		}
		defer lock.Unlock()
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	lock, err := holdFolder(out, command, true)
	if err != nil {
		return err
	}
	defer lock.Unlock()
	return report.Compare(out, dirs)
}

// holdFolder takes the lock of the existing folder dir: exclusive when
// the caller writes into it, shared when it only reads it. A folder in use
// is an [*InputError] wrapping the [*folder.LockedError]. A path that is
// not a folder is not locked: reading it gives the error that explains.
func holdFolder(dir string, command []string, write bool) (*folder.Lock, error) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, nil
	}
	take := folder.TryRLock
	if write {
		take = folder.TryLock
	}
	lock, err := take(dir, command)
	if err != nil {
		var le *folder.LockedError
		if errors.As(err, &le) {
			return nil, &InputError{err}
		}
		return nil, err
	}
	return lock, nil
}

// within reports whether path is dir or inside it, as far as their
// absolute paths tell (symbolic links are not followed).
func within(path, dir string) bool {
	p, err1 := filepath.Abs(path)
	d, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(d, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
