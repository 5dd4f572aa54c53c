package study

import (
	"errors"
	"os"

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
	if st, err := os.Stat(dir); err == nil && st.IsDir() {
		lock, err := folder.TryLock(dir, command)
		if err != nil {
			var le *folder.LockedError
			if errors.As(err, &le) {
				return &InputError{err}
			}
			return err
		}
		defer lock.Unlock()
	}
	return report.Build(dir)
}
