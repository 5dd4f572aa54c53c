package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReplayEqualsRecordedRow: replaying a unit from an output folder gives
// the outcomes recorded in runs.csv, and a trace with one row per day.
func TestReplayEqualsRecordedRow(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	if _, _, err := runCLI(t, "run", sweepFile(t), "--quiet", "--out", dir); err != nil {
		t.Fatal(err)
	}
	out, _, err := runCLI(t, "replay", dir, "--point", "3", "--run", "4")
	if err != nil || !strings.Contains(out, "outcomes equal the row in runs.csv") {
		t.Fatalf("replay: %v\n%s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, "replay-p3-r4.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 1+401 || !strings.HasPrefix(lines[0], "day,price,") {
		t.Errorf("trace: %d lines, header %q", len(lines), lines[0])
	}
	ev, err := os.ReadFile(filepath.Join(dir, "replay-p3-r4-events.csv"))
	if err != nil {
		t.Fatal(err)
	}
	// The team and investor cliff on day 365 is an unlock event of each.
	for _, want := range []string{"day,kind,subject,amount,unit,detail", "\n365,unlock,team,", "\n365,unlock,investors,", "\n0,unlock,airdrop_users,"} {
		if !strings.Contains(string(ev), want) {
			t.Errorf("events lack %q:\n%.600s", want, ev)
		}
	}
	if _, _, err := runCLI(t, "replay", dir, "--point", "99", "--run", "0"); exitCode(err) != 2 {
		t.Errorf("bad point: %v", err)
	}
}
