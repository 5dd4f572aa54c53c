package study

import (
	"errors"
	"fmt"
	"io/fs"
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
// recorded in the lock files. Every input is checked before anything is
// created ([report.LoadComparison]): folders that are not readable output
// folders, or studies of different models, give an error matching
// [report.ErrBadFolder] and leave no out folder behind; a later failure
// removes the folders Compare made (out and any missing parent), while an
// out that existed before stays. A folder in use (out by anyone, one of
// dirs by a writer) gives an [*InputError] wrapping a [*folder.LockedError].
func Compare(out string, dirs []string, command []string) error {
	for _, d := range dirs {
		if within(out, d) && within(d, out) {
			continue // report.LoadComparison refuses it; out's lock would, less clearly
		}
		if !seqsimFolder(d) {
			continue // reading it gives the error that explains; no lock file in someone else's folder
		}
		lock, err := holdFolder(d, command, false)
		if err != nil {
			return err
		}
		defer lock.Unlock()
	}
	c, err := report.LoadComparison(out, dirs, report.Options{})
	if err != nil {
		return err
	}
	return writeNew(out, command, c.Write)
}

// seqsimFolder reports whether dir has a manifest or a lock file: a folder
// seqsim writes or wrote, whose lock a reader must take.
func seqsimFolder(dir string) bool {
	for _, f := range []string{folder.Manifest, folder.LockFile} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			return true
		}
	}
	return false
}

// writeNew calls write with the folder dir held exclusively, making dir
// (and any missing parent) first. If write fails, the folders writeNew
// made are removed, while it still holds the lock; a dir that existed
// stays, with whatever write had written (each file whole, as written
// through temporary files and renames).
func writeNew(dir string, command []string, write func() error) error {
	made, err := mkdirNew(dir)
	if err != nil {
		return err
	}
	lock, err := holdFolder(dir, command, true)
	if lock == nil && err == nil {
		err = fmt.Errorf("%s was removed or replaced as it was being locked; try again", dir)
	}
	if err != nil {
		var le *folder.LockedError
		if made != "" && !errors.As(err, &le) {
			removeEmpty(dir, made) // nobody holds it: remove what is still empty
		}
		return err
	}
	defer lock.Unlock()
	if err := write(); err != nil {
		if made != "" {
			if rerr := os.RemoveAll(made); rerr != nil {
				return errors.Join(err, fmt.Errorf("removing %s: %w", made, rerr))
			}
		}
		return err
	}
	return nil
}

// mkdirNew makes dir and any missing parent, as os.MkdirAll does, and
// returns the topmost folder it made itself ("" when it made none), so
// that a failure can remove exactly that. The folders are made one by
// one, top down: one that another process makes meanwhile is not counted
// as made here.
func mkdirNew(dir string) (made string, err error) {
	dir = filepath.Clean(dir)
	var missing []string // dir first, then its missing parents
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil {
			break
		}
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	for i := len(missing) - 1; i >= 0; i-- {
		err := os.Mkdir(missing[i], 0o755)
		if err == nil && made == "" {
			made = missing[i]
		}
		if err != nil && !errors.Is(err, fs.ErrExist) {
			break // MkdirAll below says why
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		if made != "" {
			removeEmpty(dir, made)
		}
		return "", err
	}
	return made, nil
}

// removeEmpty removes dir and its parents up to made, as long as they are
// empty: what mkdirNew made and nothing has used.
func removeEmpty(dir, made string) {
	for d := filepath.Clean(dir); os.Remove(d) == nil && d != made; d = filepath.Dir(d) {
	}
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
