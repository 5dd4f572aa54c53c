package study

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/internal/filetest"
	"github.com/seqsim/seqsim/study/folder"
)

// TestRunRefusesFolderInUse: Run, Merge, Plot, Replay and Compare (of
// the folder, or into it) on a folder another holder has locked fail at
// once with an InputError wrapping the LockedError, Force or not, and
// leave the folder as it was.
func TestRunRefusesFolderInUse(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, folder.Runs), []byte("theirs\n"), 0o644)
	lock, err := folder.TryLock(dir, []string{"someone", "else"})
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Unlock()
	exp, err := experiments.LoadFile("", []string{"experiment.runs=2"})
	if err != nil {
		t.Fatal(err)
	}
	_, runErr := Run(context.Background(), exp, Options{Dir: dir, Force: true})
	_, mergeErr := Merge([]string{t.TempDir()}, Options{Dir: dir, Force: true})
	plotErr := Plot(dir, nil)
	_, replayErr := Replay(dir, 0, 0, filepath.Join(t.TempDir(), "trace.csv"), nil)
	compareErr := Compare(t.TempDir(), []string{dir}, nil)
	// Its inputs are checked first: a good one, so the lock refuses it.
	compareIntoErr := Compare(dir, []string{filetest.CopyDir(t, filepath.Join("..", "report", "testdata", "single"))}, nil)
	for name, err := range map[string]error{"Run": runErr, "Plot": plotErr, "Replay": replayErr,
		"Compare": compareErr, "Compare into": compareIntoErr} {
		var ie *InputError
		var le *folder.LockedError
		if !errors.As(err, &ie) || !errors.As(err, &le) || le.Holder == "" {
			t.Errorf("%s: %v, want an InputError wrapping a LockedError with its holder", name, err)
		}
	}
	// A merge checks its shards first: an empty folder is not one.
	var ie *InputError
	if !errors.As(mergeErr, &ie) {
		t.Errorf("Merge: %v", mergeErr)
	}
	ents, _ := os.ReadDir(dir)
	b, _ := os.ReadFile(filepath.Join(dir, folder.Runs))
	if len(ents) != 2 || string(b) != "theirs\n" { // runs.csv and the lock file
		t.Errorf("the folder changed: %d entries, runs.csv %q", len(ents), b)
	}
}

// TestReadersShareAFolder: while another reader holds a folder, a replay
// into the folder and a plot of it are refused, naming the reader, while
// a replay that writes its trace elsewhere and a comparison that reads the
// folder get past the lock (and fail only because the folder is empty).
func TestReadersShareAFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	lock, err := folder.TryRLock(dir, []string{"a", "reader"})
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Unlock()
	_, into := Replay(dir, 0, 0, "", nil)
	plotErr := Plot(dir, nil)
	for name, err := range map[string]error{"Replay into": into, "Plot": plotErr} {
		var le *folder.LockedError
		if !errors.As(err, &le) || !strings.HasSuffix(le.Holder, ": a reader") {
			t.Errorf("%s: %v, want a LockedError naming the reader", name, err)
		}
	}
	_, elsewhere := Replay(dir, 0, 0, filepath.Join(t.TempDir(), "trace.csv"), nil)
	compareErr := Compare(t.TempDir(), []string{dir}, nil)
	for name, err := range map[string]error{"Replay elsewhere": elsewhere, "Compare": compareErr} {
		var le *folder.LockedError
		if err == nil || errors.As(err, &le) {
			t.Errorf("%s: %v, want the error of an empty folder", name, err)
		}
	}
}
