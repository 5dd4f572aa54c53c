package folder

import (
	"errors"
	"os"
	"path/filepath"
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

// TestReadersShareALock: two readers hold a folder together; a writer is
// then refused naming the reader that started last (its line is the lock
// file's first, whole, although the longer line of the first reader was
// there before); once both have released it the writer gets it, and a
// reader is then refused naming the writer, without the writer's advice
// to use another --out.
func TestReadersShareALock(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	pid := "pid " + strconv.Itoa(os.Getpid()) + ": "
	first, err := TryRLock(dir, []string{"seqsim", "compare", "a", "b", "--out", "c"})
	if err != nil {
		t.Fatal(err)
	}
	second, err := TryRLock(dir, []string{"seqsim", "replay", "a"})
	if err != nil {
		t.Fatalf("a second reader: %v", err)
	}
	_, err = TryLock(dir, []string{"seqsim", "run"})
	var le *LockedError
	if !errors.As(err, &le) || le.Holder != pid+"seqsim replay a" {
		t.Fatalf("writer among readers: %v, want a *LockedError naming %q", err, pid+"seqsim replay a")
	}
	first.Unlock()
	if _, err := TryLock(dir, []string{"seqsim", "run"}); !errors.As(err, &le) {
		t.Fatalf("writer with one reader left: %v, want a *LockedError", err)
	}
	second.Unlock()
	w, err := TryLock(dir, []string{"seqsim", "run", "--seed", "1"})
	if err != nil {
		t.Fatalf("writer after the readers: %v", err)
	}
	defer w.Unlock()
	_, err = TryRLock(dir, []string{"seqsim", "compare", "a"})
	if !errors.As(err, &le) || le.Holder != pid+"seqsim run --seed 1" {
		t.Fatalf("reader while a writer holds the folder: %v, want a *LockedError naming the writer", err)
	}
	if msg := err.Error(); !strings.HasSuffix(msg, "; wait for it to finish") || strings.Contains(msg, "--out") {
		t.Errorf("reader's error %q: want it to end \"; wait for it to finish\" and not mention --out", msg)
	}
}

// TestLockOfARemovedFolder: a lock file opened before its folder was
// removed (and made again, with a new lock file) is refused once locked:
// its holder would share the new folder with the new folder's own writer.
func TestLockOfARemovedFolder(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "cmp")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, LockFile)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := stillThere(f, dir, path); err != nil {
		t.Fatalf("the folder's own lock file: %v", err)
	}
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := stillThere(f, dir, path); err == nil || !strings.Contains(err.Error(), dir) {
		t.Errorf("removed folder: %v, want an error naming %s", err, dir)
	}
	// Made again, with a lock file of its own: a lock on the old file is
	// not a lock on it, and the new folder's lock is granted.
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	l, err := TryLock(dir, []string{"seqsim", "compare"})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Unlock()
	if err := stillThere(f, dir, path); err == nil {
		t.Error("a lock file opened before the folder was made again passes for its lock file")
	}
}
