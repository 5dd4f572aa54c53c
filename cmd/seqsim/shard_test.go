package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/internal/filetest"
)

// sweepFile writes a small scenarios-by-sweep experiment.
func sweepFile(t *testing.T) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "sweep.toml")
	os.WriteFile(f, []byte(`[experiment]
name = "sweep"
runs = 5
[simulation]
horizon_days = 400
[[scenarios]]
name = "base"
[[scenarios]]
name = "no burn, more stakers"
set = ["fees.split=[0.6,0.4,0.0]"]
[sweep]
method = "grid"
[[sweep.params]]
path = "market.pool_depth"
values = [0.005, 0.02]
`), 0o644)
	return f
}

// hashes lists the SHA-256 of every table and summary an output folder
// holds, one "file=hash" a line: two folders give the same string when
// those files are byte for byte the same.
func hashes(t *testing.T, dir string) string {
	t.Helper()
	var out []string
	for _, f := range []string{"runs.csv", "series.csv", "runs.parquet", "series.parquet", "sensitivity.csv", "summary.md"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			out = append(out, f+"="+filetest.Hash(t, filepath.Join(dir, f)))
		}
	}
	return strings.Join(out, "\n")
}

// TestShardsMergeToOneMachineRun: shards 0..N-1 then merge give the bytes
// of a one-machine run, for N = 1, 3, 7, on a sweep with scenarios and on a
// sensitivity design.
func TestShardsMergeToOneMachineRun(t *testing.T) {
	t.Parallel()
	experiments := [][]string{
		{sweepFile(t)},
		{filepath.Join("..", "..", "experiments", "ishigami.toml"), "--set", "sensitivity.n=32", "--set", "sensitivity.bootstrap=50"},
	}
	for _, exp := range experiments {
		whole := filepath.Join(t.TempDir(), "whole")
		if _, _, err := runCLI(t, append([]string{"run", "--quiet", "--out", whole}, exp...)...); err != nil {
			t.Fatal(err)
		}
		want := hashes(t, whole)
		for _, n := range []int{1, 3, 7} {
			var shardDirs []string
			for i := range n {
				d := filepath.Join(t.TempDir(), "shard"+strconv.Itoa(i))
				if _, _, err := runCLI(t, append([]string{"run", "--quiet", "--out", d, "--shard", strconv.Itoa(i) + "/" + strconv.Itoa(n)}, exp...)...); err != nil {
					t.Fatal(err)
				}
				shardDirs = append(shardDirs, d)
			}
			// Give the shards in a scrambled order: merge sorts them.
			for i, j := 0, len(shardDirs)-1; i < j; i, j = i+1, j-1 {
				shardDirs[i], shardDirs[j] = shardDirs[j], shardDirs[i]
			}
			merged := filepath.Join(t.TempDir(), "merged")
			if _, _, err := runCLI(t, append([]string{"merge", "--quiet", "--out", merged}, shardDirs...)...); err != nil {
				t.Fatalf("N=%d: %v", n, err)
			}
			if got := hashes(t, merged); got != want {
				t.Errorf("%v N=%d: merged outputs differ from a one-machine run:\n%s\nwant\n%s", exp, n, got, want)
			}
		}
	}
}

func TestMergeRefusesBadShards(t *testing.T) {
	t.Parallel()
	f := sweepFile(t)
	shard := func(spec string, extra ...string) string {
		d := filepath.Join(t.TempDir(), "s")
		if _, _, err := runCLI(t, append([]string{"run", f, "--quiet", "--out", d, "--shard", spec}, extra...)...); err != nil {
			t.Fatal(err)
		}
		return d
	}
	s0, s1, s2 := shard("0/3"), shard("1/3"), shard("2/3")
	other := shard("2/3", "--seed", "9")
	cases := []struct {
		name string
		dirs []string
		want string
	}{
		{"missing", []string{s0, s2}, "missing shards 1 of 3"},
		{"duplicate", []string{s0, s1, s2, s1}, "shard 1 given twice"},
		{"mismatched seed", []string{s0, s1, other}, "seed 9"},
		{"not a shard", []string{s0, t.TempDir()}, "not a finished shard folder"},
	}
	for _, c := range cases {
		_, _, err := runCLI(t, append([]string{"merge", "--quiet", "--out", filepath.Join(t.TempDir(), "m")}, c.dirs...)...)
		if err == nil || exitCode(err) != 2 || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err %v, want exit 2 and %q", c.name, err, c.want)
		}
	}
}
