package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/experiments/field"
	"github.com/seqsim/seqsim/internal/filetest"
	"github.com/seqsim/seqsim/internal/manifest"
	"github.com/seqsim/seqsim/study"
)

func runCLI(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var o, e bytes.Buffer
	err = run(context.Background(), args, &o, &e)
	return o.String(), e.String(), err
}

// small is a quick version of the baseline used by the CLI tests.
var small = []string{"--runs", "24", "--set", "simulation.horizon_days=400", "--quiet"}

func TestVersion(t *testing.T) {
	t.Parallel()
	out, _, err := runCLI(t, "version")
	if err != nil || out != "seqsim "+study.Version+"\n" {
		t.Errorf("version: %q %v", out, err)
	}
}

func TestParamsListsEveryParameter(t *testing.T) {
	t.Parallel()
	out, _, err := runCLI(t, "params")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range experiments.Describe() {
		if !strings.Contains(out, d.Path) {
			t.Errorf("seqsim params lacks %s", d.Path)
		}
	}
}

func TestRunDeterministicAcrossWorkers(t *testing.T) {
	t.Parallel()
	var want [2]string
	for i, w := range []string{"1", "2", "7"} {
		dir := filepath.Join(t.TempDir(), "out")
		if _, _, err := runCLI(t, append([]string{"run", "--workers", w, "--out", dir}, small...)...); err != nil {
			t.Fatal(err)
		}
		got := [2]string{filetest.Hash(t, filepath.Join(dir, "runs.csv")), filetest.Hash(t, filepath.Join(dir, "series.csv"))}
		if i == 0 {
			want = got
		} else if got != want {
			t.Errorf("--workers %s: runs.csv/series.csv differ from --workers 1", w)
		}
	}
}

func TestRunWritesEveryOutput(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	if _, _, err := runCLI(t, append([]string{"run", "--out", dir}, small...)...); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"manifest.json", "experiment.toml", "runs.csv", "series.csv", "summary.md",
		"plots/fan_price.svg", "plots/fan_price.png", "plots/fan_circulating_supply.svg", "plots/fan_staking_ratio.svg",
		"plots/fan_treasury_balance.svg", "plots/dist_max_drawdown.svg", "plots/dist_final_price.png", "plots/ecdf_final_price.svg"} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
			t.Errorf("%s missing or empty", f)
		}
	}
	var m manifest.Manifest
	b, _ := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if !m.Complete || m.RunsDone != 24 || m.Seed != 1 || len(m.ExperimentHash) != 64 {
		t.Errorf("manifest: %+v", m)
	}
	// Running the resolved experiment.toml again gives the same bytes.
	dir2 := filepath.Join(t.TempDir(), "again")
	if _, _, err := runCLI(t, "run", filepath.Join(dir, "experiment.toml"), "--out", dir2, "--quiet"); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"runs.csv", "series.csv", "experiment.toml"} {
		if filetest.Hash(t, filepath.Join(dir, f)) != filetest.Hash(t, filepath.Join(dir2, f)) {
			t.Errorf("rerunning experiment.toml changed %s", f)
		}
	}
}

func TestRunRefusesNonEmptyOutput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	keep := filepath.Join(dir, "notes.txt")
	os.WriteFile(keep, []byte("mine"), 0o644)
	_, _, err := runCLI(t, append([]string{"run", "--out", dir}, small...)...)
	if err == nil || exitCode(err) != 2 || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("err %v (exit %d)", err, exitCode(err))
	}
	if b, _ := os.ReadFile(keep); string(b) != "mine" {
		t.Error("existing file changed")
	}
}

// TestBadInputChangesNothing: a bad experiment exits 2 with every problem
// named by file, line and key, and the output folder is untouched.
func TestBadInputChangesNothing(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	if _, _, err := runCLI(t, append([]string{"run", "--out", dir}, small...)...); err != nil {
		t.Fatal(err)
	}
	before := filetest.Hash(t, filepath.Join(dir, "runs.csv"))
	bad := filepath.Join(t.TempDir(), "bad.toml")
	os.WriteFile(bad, []byte("[fees]\nsplit = [0.5, 0.5, 0.5]\n\n[staking]\ncooldown_days = -1\n"), 0o644)
	_, _, err := runCLI(t, "run", bad, "--out", dir, "--force", "--quiet")
	if err == nil || exitCode(err) != 2 {
		t.Fatalf("err %v", err)
	}
	for _, w := range []string{"bad.toml:2: fees.split", "bad.toml:5: staking.cooldown_days"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error lacks %q: %v", w, err)
		}
	}
	if len(field.Errors(err)) != 2 {
		t.Errorf("want both problems at once: %v", err)
	}
	if filetest.Hash(t, filepath.Join(dir, "runs.csv")) != before {
		t.Error("bad input changed runs.csv")
	}
}

func TestValidate(t *testing.T) {
	t.Parallel()
	f := filepath.Join(t.TempDir(), "x.toml")
	os.WriteFile(f, []byte("[experiment]\nname = \"x\"\nruns = 50\n"), 0o644)
	out, errOut, err := runCLI(t, "validate", f)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "runs = 50") || !strings.Contains(out, "[[allocations]]") || !strings.Contains(errOut, "estimate:") {
		t.Errorf("validate output:\n%s\n%s", out, errOut)
	}
	_, _, err = runCLI(t, "validate", f, "--set", "market.pool_depth=-1")
	if exitCode(err) != 2 {
		t.Errorf("bad --set: %v", err)
	}
}

func TestUsageErrors(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{}, {"frobnicate"}, {"run", "a.toml", "b.toml"}, {"run", "--nope"}, {"validate"}} {
		if _, _, err := runCLI(t, args...); exitCode(err) != 2 {
			t.Errorf("%v: err %v, want exit 2", args, err)
		}
	}
	if _, _, err := runCLI(t, "run", "/does/not/exist.toml"); err == nil {
		t.Error("missing file accepted")
	}
}

// TestProportionWarnings: issue 18's small design validates (exit 0) with
// warnings naming the treasury budget and the attacker budget, and its
// run's manifest and report carry them; the baseline gets none.
func TestProportionWarnings(t *testing.T) {
	t.Parallel()
	small := filepath.Join("..", "..", "experiments", "testdata", "small-token.toml")
	_, errOut, err := runCLI(t, "validate", small)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"warning: small-token.toml: treasury.monthly_budget_usd, treasury.monthly_budget_tokens: the yearly budget over the treasury's value at launch is 0.46",
		"warning: small-token.toml: attacker.budget_usd: the attacker's mean budget over the market cap of the launch circulating supply is 0.28",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("validate lacks %q:\n%s", want, errOut)
		}
	}
	dir := filepath.Join(t.TempDir(), "out")
	_, errOut, err = runCLI(t, "run", small, "--runs", "4", "--set", "simulation.horizon_days=400", "--out", dir, "--quiet")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut, "warning: small-token.toml: attacker.budget_usd") {
		t.Errorf("run prints no warning:\n%s", errOut)
	}
	for _, f := range []string{"manifest.json", "report.html"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), "treasury.monthly_budget_tokens") {
			t.Errorf("%s does not carry the treasury warning", f)
		}
	}
	if _, errOut, err := runCLI(t, "validate", filepath.Join("..", "..", "experiments", "baseline.toml")); err != nil || strings.Contains(errOut, "warning:") {
		t.Errorf("baseline: %v\n%s", err, errOut)
	}
}
