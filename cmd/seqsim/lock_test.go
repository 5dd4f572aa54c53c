package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestConcurrentRunsOnOneFolder: while `seqsim run --out X --force` (seed
// 1) runs, a second run of X (seed 2, --force), a merge into X, a resume
// of X, a plot of X, a replay of X (its trace in X or elsewhere), a
// comparison of X and a comparison into X are each refused at once with
// exit status 2, naming the first's pid and command; the first completes,
// its files are byte-identical to a run of seed 1 alone, and the replay
// and the comparisons then work.
func TestConcurrentRunsOnOneFolder(t *testing.T) {
	t.Parallel()
	bin := buildSeqsim(t)
	args := []string{"run", "--quiet", "--runs", "200", "--set", "simulation.horizon_days=400", "--workers", "1", "--force"}
	lone := filepath.Join(t.TempDir(), "lone")
	if out, err := exec.Command(bin, append(args, "--seed", "1", "--out", lone)...).CombinedOutput(); err != nil {
		t.Fatalf("lone run: %v\n%s", err, out)
	}
	dir := filepath.Join(t.TempDir(), "shared")
	first := exec.Command(bin, append(args, "--seed", "1", "--out", dir)...)
	var firstErr bytes.Buffer
	first.Stderr = &firstErr
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- first.Wait() }()
	holder := "pid " + strconv.Itoa(first.Process.Pid) + ": seqsim run"
	// Wait until the first holds the folder: its lock file names it.
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(5 * time.Millisecond) {
		if b, _ := os.ReadFile(filepath.Join(dir, ".seqsim.lock")); strings.HasPrefix(string(b), holder) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the first run never took the lock; stderr:\n%s", firstErr.String())
		}
	}
	shard := filepath.Join(t.TempDir(), "shard")
	if out, err := exec.Command(bin, "run", "--quiet", "--runs", "2", "--set", "simulation.horizon_days=400", "--shard", "0/1", "--out", shard).CombinedOutput(); err != nil {
		t.Fatalf("shard run: %v\n%s", err, out)
	}
	attempts := [][]string{
		append(args, "--seed", "2", "--out", dir),
		append(args, "--seed", "1", "--out", dir, "--resume"),
		{"merge", "--quiet", "--force", "--out", dir, shard},
		{"plot", "--quiet", dir},
		{"replay", dir, "--point", "0", "--run", "3"},
		{"replay", dir, "--point", "0", "--run", "3", "--out", filepath.Join(t.TempDir(), "trace.csv")},
		{"compare", "--quiet", dir, lone, "--out", filepath.Join(t.TempDir(), "cmp")},
		{"compare", "--quiet", lone, "--out", dir},
	}
	for _, a := range attempts {
		start := time.Now()
		out, err := exec.Command(bin, a...).CombinedOutput()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 2 || !strings.Contains(string(out), "in use by "+holder) {
			// (If the first run had already ended, it was too short.)
			t.Errorf("seqsim %s: %v, want exit 2 naming %q:\n%s", strings.Join(a, " "), err, holder, out)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("seqsim %s took %v to be refused, want at once", a[0], d)
		}
	}
	if err := <-done; err != nil {
		t.Fatalf("the first run failed: %v\n%s", err, firstErr.String())
	}
	if got, want := hashes(t, dir), hashes(t, lone); got != want {
		t.Errorf("the first run's outputs differ from a lone run's:\n%s\nwant\n%s", got, want)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "manifest.json")); !bytes.Contains(b, []byte(`"seed": 1,`)) {
		t.Errorf("manifest.json is not the first run's:\n%s", b)
	}
	for _, a := range attempts[4:6] {
		if out, err := exec.Command(bin, a...).CombinedOutput(); err != nil || !strings.Contains(string(out), "outcomes equal the row in runs.csv") {
			t.Errorf("seqsim %s after the run: %v\n%s", strings.Join(a, " "), err, out)
		}
	}
	if out, err := exec.Command(bin, attempts[6]...).CombinedOutput(); err != nil {
		t.Errorf("seqsim %s after the run: %v\n%s", strings.Join(attempts[6], " "), err, out)
	}
}
