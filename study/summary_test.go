package study

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/internal/stats"
	"github.com/seqsim/seqsim/study/folder"
)

// TestSummaryIsExact: every outcome row and risk of summary.md and of the
// terminal summary is stats.NewOutcome over the runs.csv values of its
// point, which is what report.html computes too: the three show the same
// numbers (exact percentiles, not the sketches'); and each paired
// difference of summary.md is stats.Paired over the runs of the first
// point and its own.
func TestSummaryIsExact(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	in, err := experiments.LoadFile(filepath.Join("..", "report", "testdata", "scenarios.toml"), nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), in, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	var term strings.Builder
	res.WriteSummary(&term)
	stdout := term.String()
	exp, err := experiments.LoadFile(filepath.Join(dir, "experiment.toml"), nil)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := exp.Plan()
	if err != nil {
		t.Fatal(err)
	}
	outs := exp.Schema().Outcomes
	values := make([][][]float64, pl.Points) // point x outcome x run
	for p := range values {
		values[p] = make([][]float64, len(outs))
	}
	f, rows, err := folder.OpenRuns(filepath.Join(dir, folder.Runs), len(pl.Columns))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for {
		row, err := rows.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		for i, v := range row.Summary {
			values[row.Point][i] = append(values[row.Point][i], v)
		}
	}
	md, err := os.ReadFile(filepath.Join(dir, folder.Summary))
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for p := range values {
		for i, m := range outs {
			o := stats.NewOutcome(values[p][i], m.RiskAbove)
			row := fmt.Sprintf("| %s | %s | ±%s | %s | %s | %s | %s |\n", m.Name, num(o.Mean), num(o.Half), pct(o.P05), pct(o.P50), pct(o.P95), m.Unit)
			if !strings.Contains(string(md), row) {
				t.Errorf("point %d: summary.md lacks %q", p, row)
			}
			want := []string{m.Name, num(o.Mean), "±" + num(o.Half), pct(o.P05), pct(o.P50), pct(o.P95)}
			if got := terminalRow(stdout, pointLabel(pl, p), m.Name); !slices.Equal(got, want) {
				t.Errorf("point %d: the terminal summary shows %q, want %q", p, got, want)
			}
			for _, r := range o.Risks {
				line := fmt.Sprintf("P(%s > %g) = %.3f  [%.3f, %.3f]  (%d of %d runs)\n", m.Name, r.Threshold, r.P, r.Lo, r.Hi, r.K, r.N)
				if !strings.Contains(stdout, line) {
					t.Errorf("point %d: the terminal summary lacks %q", p, line)
				}
			}
			if d := stats.Paired(values[0][i], values[p][i]); p > 0 && d.N >= 2 {
				// the paired difference from the first point (common
				// random numbers are on in the fixture)
				prefix := fmt.Sprintf("| %s | %s | ±%s | %.0f%% |", m.Name, num(d.Diff), num(d.Half), 100*d.BetterB)
				if !strings.Contains(string(md), prefix) {
					t.Errorf("point %d: summary.md lacks the paired row %q", p, prefix)
				}
			}
			checked++
		}
	}
	if !strings.Contains(string(md), "## Differences from "+pointLabel(pl, 0)+" (paired)") {
		t.Errorf("summary.md has no paired differences section")
	}
	if checked < 2*len(outs) {
		t.Errorf("checked %d rows over %d points", checked, pl.Points)
	}
}

// terminalRow returns the first six fields of outcome name's row in the
// terminal summary's table of the point labelled label.
func terminalRow(stdout, label, name string) []string {
	_, block, ok := strings.Cut(stdout, "\n["+label+"]\n")
	if !ok {
		return nil
	}
	for _, line := range strings.Split(block, "\n") {
		if f := strings.Fields(line); len(f) >= 6 && f[0] == name {
			return f[:6]
		}
	}
	return nil
}
