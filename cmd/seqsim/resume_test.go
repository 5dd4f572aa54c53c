package main

import (
	"errors"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildSeqsim builds the real binary, for tests that send it signals.
func buildSeqsim(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "seqsim")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestInterruptAndResume interrupts a real seqsim process at random points
// (SIGINT, SIGTERM, and SIGKILL, which leaves no chance to save anything
// beyond the periodic checkpoints), resumes it, and checks the outputs are
// byte-identical to an uninterrupted run.
func TestInterruptAndResume(t *testing.T) {
	t.Parallel()
	bin := buildSeqsim(t)
	args := []string{"run", "--quiet", "--runs", "120", "--set", "simulation.horizon_days=500", "--workers", "2", "--checkpoint-every", "30ms"}
	whole := filepath.Join(t.TempDir(), "whole")
	if out, err := exec.Command(bin, append(args, "--out", whole)...).CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	want := hashes(t, whole)
	start := time.Now()
	exec.Command(bin, append(args, "--out", filepath.Join(t.TempDir(), "timing"))...).Run()
	full := time.Since(start)
	rng := rand.New(rand.NewPCG(7, 7)) // the random points are reproducible
	for i, sig := range []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGKILL, syscall.SIGINT, syscall.SIGKILL} {
		dir := filepath.Join(t.TempDir(), "run")
		cmd := exec.Command(bin, append(args, "--out", dir)...)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration((0.2 + 0.6*rng.Float64()) * float64(full)))
		cmd.Process.Signal(sig)
		err := cmd.Wait()
		var ee *exec.ExitError
		switch {
		case err == nil: // finished before the signal: nothing to resume
		case sig != syscall.SIGKILL && errors.As(err, &ee):
			if !strings.Contains(stderr.String(), "--resume") {
				t.Errorf("trial %d: interrupted run does not say how to resume:\n%s", i, stderr.String())
			}
			if _, err := os.Stat(filepath.Join(dir, "runs.csv")); err == nil {
				t.Errorf("trial %d: an interrupted run left a runs.csv that looks complete", i)
			}
		}
		if err != nil {
			resume := exec.Command(bin, append(args, "--out", dir, "--resume")...)
			if out, err := resume.CombinedOutput(); err != nil {
				if sig == syscall.SIGKILL && strings.Contains(string(out), "no checkpoint") {
					continue // killed before the first checkpoint: a fresh run is the only option
				}
				t.Fatalf("trial %d (%v): resume: %v\n%s", i, sig, err, out)
			}
		}
		if got := hashes(t, dir); got != want {
			t.Errorf("trial %d (%v): resumed outputs differ from an uninterrupted run:\n%s\nwant\n%s", i, sig, got, want)
		}
	}
}

// TestResumeRefusesOtherExperiment: a checkpoint of another experiment is
// not continued.
func TestResumeRefusesOtherExperiment(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "checkpoint.json"), []byte(`{"experiment_hash":"abc","seed":1,"shard_index":0,"shard_count":1}`), 0o644)
	_, _, err := runCLI(t, append([]string{"run", "--out", dir, "--resume"}, small...)...)
	if err == nil || exitCode(err) != 2 || !strings.Contains(err.Error(), "different experiment") {
		t.Errorf("err %v", err)
	}
}
