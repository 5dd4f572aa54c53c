package folder

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestLockIsExclusive: a second lock of a folder is refused at once,
// naming the holder's pid and command, and granted once the first is
// released. flock(2) locks belong to an open file, so two locks taken in
// one process exclude each other as two processes' would.
func TestLockIsExclusive(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	first, err := TryLock(dir, []string{"seqsim", "run", "--seed", "1"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = TryLock(dir, []string{"seqsim", "run", "--seed", "2"})
	var le *LockedError
	if !errors.As(err, &le) {
		t.Fatalf("second lock: %v, want a *LockedError", err)
	}
	want := "pid " + strconv.Itoa(os.Getpid()) + ": seqsim run --seed 1"
	if le.Holder != want || le.Dir != dir || !strings.Contains(err.Error(), want) {
		t.Errorf("holder %q (error %q), want %q", le.Holder, err, want)
	}
	if err := first.Unlock(); err != nil {
		t.Fatal(err)
	}
	again, err := TryLock(dir, []string{"seqsim", "plot"})
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	defer again.Unlock()
	b, _ := os.ReadFile(dir + "/" + LockFile)
	if got := string(b); !strings.HasSuffix(got, ": seqsim plot\n") {
		t.Errorf("lock file %q does not name the new holder alone", got)
	}
}
