package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/internal/filetest"
	"github.com/seqsim/seqsim/internal/stats"
)

// TestComparePairedFeeSplit is issue 17's two-folder example: two 200-run
// baselines with the same seed, one with fees.split = [0.2, 0.3, 0.5].
// Run r of each has the same seed, so seqsim compare pairs them: the
// comparison opens with fees.split as what differs, labels its columns by
// it, and says every difference is paired; and the paired interval of
// final_price is at least 10 times narrower than the unpaired one (the
// draws of each holder and voter are made whether used or not, so the two
// designs stay in step: docs/model.md §19).
func TestComparePairedFeeSplit(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	if _, _, err := runCLI(t, "run", "--runs", "200", "--quiet", "--out", a); err != nil {
		t.Fatal(err)
	}
	if _, _, err := runCLI(t, "run", "--runs", "200", "--quiet", "--set", "fees.split=[0.2,0.3,0.5]", "--out", b); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "cmp")
	if _, _, err := runCLI(t, "compare", "--quiet", a, b, "--out", out); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(out, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(raw)
	// The first table of the report is the "What differs" section's.
	first := regexp.MustCompile(`(?s)<table.*?</table>`).FindString(html)
	if !strings.Contains(first, "fees.split") || strings.Count(first, "<tr") != 2 {
		t.Errorf("the first table does not name fees.split alone:\n%s", first)
	}
	for _, s := range []string{"baseline (fees.split=[0.2, 0.3, 0.5])", "Every difference is paired"} {
		if !strings.Contains(html, s) {
			t.Errorf("the comparison lacks %q", s)
		}
	}
	pa, pb := runsColumn(t, a, "final_price"), runsColumn(t, b, "final_price")
	d := stats.Paired(pa, pb)
	t.Logf("final_price: paired %+.4f ± %.4f, unpaired ± %.4f: %.1fx narrower", d.Diff, d.Half, d.Unpaired, d.Unpaired/d.Half)
	if !(d.Unpaired >= 10*d.Half) {
		t.Errorf("paired half-width %.4f, unpaired %.4f: less than 10x narrower", d.Half, d.Unpaired)
	}
}

// runsColumn reads one outcome of runs.csv in run order.
func runsColumn(t *testing.T, dir, name string) []float64 {
	t.Helper()
	rows := filetest.ReadCSV(t, filepath.Join(dir, "runs.csv"))
	j := slices.Index(rows[0], name)
	if j < 0 {
		t.Fatalf("%s: no column %s", dir, name)
	}
	var out []float64
	for _, r := range rows[1:] {
		x, err := strconv.ParseFloat(r[j], 64)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, x)
	}
	return out
}
