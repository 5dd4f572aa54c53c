package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// smallDesign are the flags of issue 18's new user's design (a 1B-token
// token at USD 0.50), answered to `seqsim init` without prompts.
var smallDesign = []string{"--name", "small", "--supply", "1e9", "--price", "0.5", "--revenue", "5e6", "--split", "0.5,0.3,0.2",
	"--alloc", "team:0.2:team:365:1080", "--alloc", "investors:0.15:investor:365:1080", "--alloc", "public_sale:0.1",
	"--alloc", "airdrop:0.1", "--alloc", "ecosystem:0.25:grants:0:1440:0.1", "--alloc", "treasury:0.2",
	"--governance", "decentralized"}

// TestInit is issue 18's acceptance: `seqsim init` run without prompts
// writes a file that validates with no proportion warning (the USD
// defaults it writes are scaled to the design), and runs as written.
func TestInit(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	f := filepath.Join(dir, "small.toml")
	out, _, err := runCLI(t, append([]string{"init", "--out", f, "--runs", "8"}, smallDesign...)...)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "wrote "+f) {
		t.Errorf("init says: %s", out)
	}
	src, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"# USD/year — net sequencer profit at launch, annualised\nannual_revenue_usd = 5000000.0\n",
		"[governance.council]\n", "members = 0\n",
		// 7.4M·200M/3.528B of the treasury's tokens a month, 419,501.1,
		// shown and left to seqsim (the default in proportion).
		"# monthly_budget_tokens = 419501.1",
	} {
		if !strings.Contains(string(src), want) {
			t.Errorf("the file lacks %q", want)
		}
	}
	_, errOut, err := runCLI(t, "validate", f)
	if err != nil || strings.Contains(errOut, "warning:") {
		t.Errorf("validate: %v\n%s", err, errOut)
	}
	if _, _, err := runCLI(t, "run", f, "--out", filepath.Join(dir, "out"), "--quiet"); err != nil {
		t.Fatalf("the written file does not run: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "report.html")); err != nil {
		t.Error(err)
	}
	// A second init on the same file is refused without --force.
	if _, _, err := runCLI(t, append([]string{"init", "--out", f}, smallDesign...)...); exitCode(err) != 2 {
		t.Errorf("overwrite without --force: %v", err)
	}
	// --from copies an embedded experiment under a new name.
	g := filepath.Join(dir, "mine.toml")
	if _, _, err := runCLI(t, "init", "--from", "governance-models", "--name", "mine", "--out", g); err != nil {
		t.Fatal(err)
	}
	if _, errOut, err := runCLI(t, "validate", g); err != nil || !strings.Contains(errOut, "ok: mine.toml is valid") {
		t.Errorf("validate --from copy: %v\n%s", err, errOut)
	}
	for _, bad := range [][]string{{"init", "--alloc", "x"}, {"init", "--governance", "anarchy", "--out", filepath.Join(dir, "a.toml")}, {"init", "--from", "nope"}} {
		if _, _, err := runCLI(t, bad...); exitCode(err) != 2 {
			t.Errorf("%q: %v, want exit 2", bad, err)
		}
	}
}
