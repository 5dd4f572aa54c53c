package main

import (
	"context"
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
// byte-identical to a local run. Every wait is bounded; on failure the
// Slurm logs are printed.
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
	exp := sweepFile(t)
	whole := filepath.Join(t.TempDir(), "whole")
	if out, err := exec.CommandContext(ctx, bin, "run", exp, "--quiet", "--out", whole).CombinedOutput(); err != nil {
		t.Fatalf("local run: %v\n%s", err, out)
	}
	dir := filepath.Join(t.TempDir(), "cluster")
	if out, err := exec.CommandContext(ctx, bin, "slurm", exp, "--shards", "4", "--cpus", "1", "--mem", "500M", "--time", "00:10:00", "--out", dir).CombinedOutput(); err != nil {
		t.Fatalf("seqsim slurm: %v\n%s", err, out)
	}
	start := time.Now()
	out, err = exec.CommandContext(ctx, "bash", filepath.Join(dir, "slurm", "submit.sh")).CombinedOutput()
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
}
