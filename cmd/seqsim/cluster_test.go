package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestClusterScriptsQuotePaths runs the generated Slurm and Kubernetes
// scripts, and the printed commands, with a stand-in seqsim that prints
// its arguments: a folder named "a b'c;touch X" and a --set value with a
// quote reach seqsim as single, unchanged arguments, and nothing runs X.
// (TestSlurmArrayJob runs the same on a real cluster.)
func TestClusterScriptsQuotePaths(t *testing.T) {
	t.Parallel()
	root := filepath.Join(t.TempDir(), "a b'c;touch X")
	os.Mkdir(root, 0o755)
	exp := filepath.Join(root, "it's.toml")
	os.WriteFile(exp, []byte("[experiment]\nname = \"q\"\n"), 0o644)
	out := filepath.Join(root, "out $HOME")
	// The stand-in prints one argument per line, between brackets.
	bin := filepath.Join(t.TempDir(), "seqsim")
	os.WriteFile(bin, []byte("#!/bin/sh\nfor a in \"$@\"; do printf '[%s]\\n' \"$a\"; done\n"), 0o755)
	set := `experiment.description="it's; here"`
	scratch := t.TempDir()
	sh := func(env []string, script string) string {
		t.Helper()
		cmd := exec.Command("bash", "-c", script)
		cmd.Dir = scratch
		cmd.Env = append(append(os.Environ(), "PATH="+filepath.Dir(bin)+":"+os.Getenv("PATH")), env...)
		b, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", script, err, b)
		}
		return string(b)
	}
	want := func(got string, args ...string) {
		t.Helper()
		var w strings.Builder
		for _, a := range args {
			w.WriteString("[" + a + "]\n")
		}
		if got != w.String() {
			t.Errorf("arguments:\n%s\nwant\n%s", got, w.String())
		}
	}

	stdout, _, err := runCLI(t, "slurm", exp, "--shards", "2", "--seqsim", bin, "--out", out, "--set", set)
	if err != nil {
		t.Fatal(err)
	}
	shardDir := filepath.Join(out, "shards", "shard-1")
	got := sh([]string{"SLURM_ARRAY_TASK_ID=1", "SLURM_CPUS_PER_TASK=3"}, "bash "+shellQuoteTest(filepath.Join(out, "slurm", "array.sbatch")))
	want(got, "run", exp, "--set", set, "--quiet", "--workers", "3", "--out", shardDir, "--force")
	got = sh(nil, "bash "+shellQuoteTest(filepath.Join(out, "slurm", "merge.sbatch")))
	want(got, "merge", "--quiet", "--force", "--out", out, filepath.Join(out, "shards", "shard-0"), shardDir)
	// The printed submit command names submit.sh as one word.
	_, submit, _ := strings.Cut(strings.TrimSpace(stdout), "submit with: ")
	got = sh(nil, strings.Replace(submit, "bash ", "printf '[%s]\\n' ", 1))
	want(got, filepath.Join(out, "slurm", "submit.sh"))

	stdout, _, err = runCLI(t, "k8s", exp, "--shards", "2", "--out", out, "--set", set)
	if err != nil {
		t.Fatal(err)
	}
	yaml, _ := os.ReadFile(filepath.Join(out, "k8s-job.yaml"))
	_, rest, _ := strings.Cut(string(yaml), "args:\n            - ")
	line, _, _ := strings.Cut(rest, "\n")
	script, err := strconv.Unquote(line) // a YAML double-quoted string
	if err != nil {
		t.Fatalf("args %s: %v", line, err)
	}
	got = sh([]string{"JOB_COMPLETION_INDEX=1"}, script)
	want(got, "run", exp, "--set", set, "--quiet", "--shards", "2", "--workers", "2", "--out", shardDir, "--force")
	if !strings.Contains(string(yaml), "mountPath: "+strconv.Quote(out)+"}") {
		t.Errorf("k8s-job.yaml does not mount %s quoted:\n%s", out, yaml)
	}
	// The printed merge command, with the glob left to the shell.
	_, merge, _ := strings.Cut(stdout, "merge with:\n  ")
	os.MkdirAll(filepath.Join(out, "shards", "shard-0"), 0o755)
	os.MkdirAll(shardDir, 0o755)
	got = sh(nil, strings.TrimSpace(merge))
	want(got, "merge", "--out", out, filepath.Join(out, "shards", "shard-0"), shardDir)

	for _, d := range []string{scratch, root, filepath.Dir(root), out} {
		if _, err := os.Stat(filepath.Join(d, "X")); err == nil {
			t.Errorf("%s/X exists: a path ran as a command", d)
		}
	}
}

// shellQuoteTest quotes s for the test's own commands, independently of
// the code under test.
func shellQuoteTest(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "$", `\$`, "`", "\\`").Replace(s) + `"`
}
