package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSlurmArrayJob runs a real 4-shard Slurm array job plus its dependent
// merge job on a single-node cluster on localhost (scripts/slurm-cluster.sh
// installs and starts it; CI runs this), and checks the merged folder is
// byte-identical to a local run. The experiment file and the output folder
// are under a folder named "a b'c;touch X": a space, a single quote and a
// ; that the generated scripts must keep as text (no file X may appear).
// Every wait is bounded; on failure the Slurm logs are printed.
func TestSlurmArrayJob(t *testing.T) {
	t.Parallel()
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	script := filepath.Join(root, "scripts", "slurm-cluster.sh")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, "bash", script, "start").CombinedOutput()
	if err != nil {
		t.Fatalf("starting the Slurm cluster (needs root, Debian's slurmctld/slurmd/munge): %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "already running") {
		t.Cleanup(func() { exec.Command("bash", script, "stop").Run() })
	}
	bin := buildSeqsim(t)
	tricky := filepath.Join(t.TempDir(), "a b'c;touch X")
	if err := os.Mkdir(tricky, 0o755); err != nil {
		t.Fatal(err)
	}
	exp := filepath.Join(tricky, "sweep's file.toml")
	if err := os.Rename(sweepFile(t), exp); err != nil {
		t.Fatal(err)
	}
	whole := filepath.Join(t.TempDir(), "whole")
	if out, err := exec.CommandContext(ctx, bin, "run", exp, "--quiet", "--out", whole).CombinedOutput(); err != nil {
		t.Fatalf("local run: %v\n%s", err, out)
	}
	dir := filepath.Join(tricky, "cluster out")
	slurmOut, err := exec.CommandContext(ctx, bin, "slurm", exp, "--shards", "4", "--cpus", "1", "--mem", "500M", "--time", "00:10:00", "--out", dir).CombinedOutput()
	if err != nil {
		t.Fatalf("seqsim slurm: %v\n%s", err, slurmOut)
	}
	// Submit with the printed command, as a user would paste it, from a
	// scratch folder where an unquoted ; would create X.
	scratch := t.TempDir()
	_, submit, ok := strings.Cut(strings.TrimSpace(string(slurmOut)), "submit with: ")
	if !ok {
		t.Fatalf("seqsim slurm prints no submit command:\n%s", slurmOut)
	}
	start := time.Now()
	cmd := exec.CommandContext(ctx, "sh", "-c", submit)
	cmd.Dir = scratch
	out, err = cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("submit: %v\n%s", err, out)
	}
	array, _ := os.ReadFile(filepath.Join(dir, "slurm", "array.jobid"))
	merge, _ := os.ReadFile(filepath.Join(dir, "slurm", "merge.jobid"))
	jobs := strings.TrimSpace(string(array)) + "," + strings.TrimSpace(string(merge))
	logs := func() string {
		var b strings.Builder
		l, _ := exec.Command("bash", script, "logs").CombinedOutput()
		b.Write(l)
		files, _ := filepath.Glob(filepath.Join(dir, "slurm", "*.log"))
		for _, f := range files {
			c, _ := os.ReadFile(f)
			b.WriteString("\n== " + f + "\n" + string(c))
		}
		return b.String()
	}
	deadline := time.Now().Add(3 * time.Minute)
	for {
		q, err := exec.CommandContext(ctx, "squeue", "-h", "-j", jobs).Output()
		if err == nil && strings.TrimSpace(string(q)) == "" {
			break
		}
		if time.Now().After(deadline) {
			exec.Command("scancel", strings.Split(jobs, ",")...).Run()
			t.Fatalf("Slurm jobs %s still queued after 3 minutes:\n%s\n%s", jobs, q, logs())
		}
		time.Sleep(300 * time.Millisecond)
	}
	t.Logf("Slurm array (4 shards) and merge: %.1f s from submit to merged", time.Since(start).Seconds())
	if _, err := os.Stat(filepath.Join(dir, "manifest.json")); err != nil {
		t.Fatalf("no merged result in %s:\n%s", dir, logs())
	}
	if got, want := hashes(t, dir), hashes(t, whole); got != want {
		t.Errorf("Slurm-merged outputs differ from a local run:\n%s\nwant\n%s\n%s", got, want, logs())
	}
	for _, d := range []string{scratch, filepath.Dir(tricky), tricky, dir, filepath.Join(dir, "slurm"), filepath.Join(dir, "shards")} {
		if _, err := os.Stat(filepath.Join(d, "X")); err == nil {
			t.Errorf("a path in a generated script ran as a command: %s exists", filepath.Join(d, "X"))
		}
	}
	for i := range 4 {
		if _, err := os.Stat(filepath.Join(dir, "slurm", fmt.Sprintf("shard-%d.log", i))); err != nil {
			t.Errorf("task %d's log is not in the output folder: %v", i, err)
		}
	}
}
