package report

import (
	"math"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/internal/stats"
)

// pairedView is a view of two columns of one outcome (lower is better,
// risk above 1.5) with the given values and seeds.
func pairedView(a, b []float64, seedsA, seedsB []uint64) *view {
	v := &view{outcomes: []metric{{Name: "x", Unit: "USD", Chart: true, RiskAbove: []float64{1.5}}}}
	for i, vals := range [][]float64{a, b} {
		st := stats.NewOutcome(vals, []float64{1.5})
		seeds := seedsA
		if i == 1 {
			seeds = seedsB
		}
		v.cols = append(v.cols, column{label: []string{"A", "B"}[i], parts: []string{[]string{"A", "B"}[i]},
			stats: []*stats.Outcome{&st}, values: [][]float64{vals}, seeds: seeds})
	}
	return v
}

// TestDiffPairsBySeed: columns whose runs have the same seeds pair, and
// the difference of means is the mean of per-run differences with its
// own interval (here B = A + 1, 0 or 2 alternately: 1 ± Z95·s/√n); with
// different seeds (or none) the runs do not pair, and the difference
// falls back to the unpaired interval, sqrt(hA² + hB²).
func TestDiffPairsBySeed(t *testing.T) {
	a := []float64{1, 2, 3, 4, 5, 6}
	b := []float64{2, 2, 5, 5, 6, 8} // differences 1, 0, 2, 1, 1, 2
	same := []uint64{11, 12, 13, 14, 15, 16}
	other := []uint64{21, 22, 23, 24, 25, 26}
	q := quantity{metric: 0}

	v := pairedView(a, b, same, same)
	x := diffOf(v, q, &v.cols[0], &v.cols[1])
	want := stats.Paired(a, b)
	if !x.paired || x.d != want.Diff || math.Abs(x.hi-x.d-want.Half) > 1e-15 {
		t.Fatalf("same seeds: %+v, want paired %g ± %g", x, want.Diff, want.Half)
	}
	if !x.resolved() || x.better != 0 {
		t.Errorf("same seeds: resolved %v, better share %g; want resolved, and B never better (lower is better)", x.resolved(), x.better)
	}

	for name, seeds := range map[string][]uint64{"different seeds": other, "no seeds": nil} {
		v = pairedView(a, b, same, seeds)
		x = diffOf(v, q, &v.cols[0], &v.cols[1])
		ha, hb := v.cols[0].stats[0].Half, v.cols[1].stats[0].Half
		if x.paired || math.Abs((x.hi-x.lo)/2-math.Hypot(ha, hb)) > 1e-12 || !math.IsNaN(x.better) {
			t.Errorf("%s: %+v, want the unpaired half-width %g", name, x, math.Hypot(ha, hb))
		}
	}

	// The table says which method it used.
	v = pairedView(a, b, same, other)
	tab, ok := diffTable(v, v.quantities([]int{0}), "scenario")
	if !ok || !strings.Contains(tab.Notes[0], "do not pair") || !strings.HasSuffix(tab.Rows[0].Cells[1].Value, "‡") {
		t.Errorf("unpaired table: notes %q, first cell %q", tab.Notes, tab.Rows[0].Cells[1].Value)
	}
	v = pairedView(a, b, same, same)
	tab, _ = diffTable(v, v.quantities([]int{0}), "scenario")
	if !strings.Contains(tab.Notes[0], "Every difference is paired") || tab.Rows[0].Cells[1].Mark != "worst" {
		t.Errorf("paired table: notes %q, mark %q (B is higher: worse)", tab.Notes, tab.Rows[0].Cells[1].Mark)
	}
	// B is never lower (better) in a pair: 0% of runs.
	if len(tab.Rows) < 2 || tab.Rows[1].Label != "runs in which better" || tab.Rows[1].Cells[1].Value != "0%" {
		t.Errorf("paired table: no share row of 0%%: %+v", tab.Rows)
	}
}

// TestMarksUsePairedInterval: two columns whose marginal intervals
// overlap widely but whose runs pair and differ by a constant: the paired
// difference is resolved, so the best and worst marks carry no †.
func TestMarksUsePairedInterval(t *testing.T) {
	a := []float64{10, 20, 30, 40, 50, 60, 70, 80}
	b := make([]float64, len(a))
	for i := range a {
		b[i] = a[i] + 1 + 0.01*float64(i%2)
	}
	seeds := []uint64{1, 2, 3, 4, 5, 6, 7, 8}
	v := pairedView(a, b, seeds, seeds)
	if _, overlap := marks(v, quantity{metric: 0}); overlap {
		t.Errorf("paired columns differing by about 1 on values spread over 70: marked unresolved")
	}
	v = pairedView(a, b, seeds, nil)
	if _, overlap := marks(v, quantity{metric: 0}); !overlap {
		t.Errorf("the same values unpaired: marked resolved, but their intervals overlap")
	}
}
