package study

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/seqsim/seqsim/internal/filetest"
	"github.com/seqsim/seqsim/report"
	"github.com/seqsim/seqsim/study/folder"
)

// TestWriteNewRemovesWhatItMade: a write that fails takes the folders
// writeNew made with it (the output folder and its missing parents, lock
// file and partial output included), and leaves a folder that existed
// before as it was, but for what the write wrote.
func TestWriteNewRemovesWhatItMade(t *testing.T) {
	t.Parallel()
	boom := errors.New("boom")
	failing := func(dir string) func() error {
		return func() error {
			os.WriteFile(filepath.Join(dir, folder.Report), []byte("half"), 0o644)
			return boom
		}
	}

	root := t.TempDir()
	out := filepath.Join(root, "a", "b", "cmp")
	if err := writeNew(out, []string{"seqsim", "compare"}, failing(out)); !errors.Is(err, boom) {
		t.Fatalf("writeNew: %v, want the write's error", err)
	}
	if ents, _ := os.ReadDir(root); len(ents) != 0 {
		t.Errorf("left behind in %s: %v", root, ents)
	}

	// A folder that existed (a previous comparison) stays, and so does
	// what it held.
	old := filepath.Join(t.TempDir(), "cmp")
	os.Mkdir(old, 0o755)
	os.WriteFile(filepath.Join(old, "keep.txt"), []byte("previous"), 0o644)
	if err := writeNew(old, nil, failing(old)); !errors.Is(err, boom) {
		t.Fatalf("writeNew into an existing folder: %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(old, "keep.txt")); err != nil || string(b) != "previous" {
		t.Errorf("the existing folder lost its file: %q, %v", b, err)
	}

	// A write that succeeds keeps the folders it made.
	ok := filepath.Join(t.TempDir(), "x", "cmp")
	if err := writeNew(ok, nil, func() error { return os.WriteFile(filepath.Join(ok, folder.Report), nil, 0o644) }); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(ok, folder.Report)); err != nil {
		t.Error(err)
	}
}

// TestMkdirNew: the topmost folder made is reported, not the ones that
// were there; a path through a file is an error that leaves nothing.
func TestMkdirNew(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	made, err := mkdirNew(filepath.Join(root, "a", "b"))
	if err != nil || made != filepath.Join(root, "a") {
		t.Errorf("new a/b: made %q, %v; want %s", made, err, filepath.Join(root, "a"))
	}
	if made, err := mkdirNew(filepath.Join(root, "a", "b", "c")); err != nil || made != filepath.Join(root, "a", "b", "c") {
		t.Errorf("a/b/c under an existing a/b: made %q, %v", made, err)
	}
	if made, err := mkdirNew(root); err != nil || made != "" {
		t.Errorf("an existing folder: made %q, %v; want none", made, err)
	}
	os.WriteFile(filepath.Join(root, "file"), nil, 0o644)
	if made, err := mkdirNew(filepath.Join(root, "file", "sub", "cmp")); err == nil || made != "" {
		t.Errorf("a path through a file: made %q, %v; want an error", made, err)
	}
}

// TestCompareChecksInputsFirst: a comparison with a bad input (no such
// folder, no runs.csv, another model) creates no output folder, no lock
// file in it, and no lock file in a folder that is no output folder;
// a good one makes the folder, its parents included.
func TestCompareChecksInputsFirst(t *testing.T) {
	t.Parallel()
	single := filetest.CopyDir(t, filepath.Join("..", "report", "testdata", "single"))
	noRuns := filetest.CopyDir(t, filepath.Join("..", "report", "testdata", "single"))
	os.Remove(filepath.Join(noRuns, folder.Runs))
	plain := t.TempDir() // not an output folder
	root := t.TempDir()
	out := filepath.Join(root, "new", "cmp")
	for _, dirs := range [][]string{{single, filepath.Join(root, "missing")}, {single, noRuns}, {single, plain}} {
		if err := Compare(out, dirs, nil); !errors.Is(err, report.ErrBadFolder) {
			t.Errorf("%v: %v, want a bad folder", dirs, err)
		}
		if ents, _ := os.ReadDir(root); len(ents) != 0 {
			t.Errorf("%v: left behind %v", dirs, ents)
		}
	}
	if ents, _ := os.ReadDir(plain); len(ents) != 0 {
		t.Errorf("a lock file in a folder that is no output folder: %v", ents)
	}
	if err := Compare(out, []string{single}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, folder.Report)); err != nil {
		t.Error(err)
	}
}
