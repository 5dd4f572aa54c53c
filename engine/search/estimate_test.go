package search

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestEstimate(t *testing.T) {
	t.Parallel()
	c95 := newCritical(0.95)
	seq := make([]float64, 100)
	for i := range seq {
		seq[i] = float64(100 - i) // unsorted: the quantile sorts a copy's worth in place
	}
	inf := math.Inf(1)
	for _, tc := range []struct {
		name string
		v    []float64
		s    Stat
		want Estimate
		tol  float64
	}{
		// t(3) at 0.975 = 3.182446305 (R: qt(0.975, 3)); s = √(5/3).
		{"mean", []float64{1, 2, 3, 4}, Mean(), Estimate{2.5, 2.5 - 3.182446305*math.Sqrt(5.0/3)/2, 2.5 + 3.182446305*math.Sqrt(5.0/3)/2}, 1e-8},
		{"mean of one run", []float64{3}, Mean(), Estimate{3, -inf, inf}, 0},
		{"constant mean", []float64{2, 2, 2}, Mean(), Estimate{2, 2, 2}, 0},
		// Wilson 0/10 at 95%: [0, 0.2775] (Brown, Cai and DasGupta 2001, and R's prop.test without correction).
		{"probability 0/10", make([]float64, 10), Probability(0.5), Estimate{0, 0, 0.27753}, 1e-5},
		// Wilson 5/10: 0.5 ± 0.2635 → [0.2366, 0.7634].
		{"probability 5/10", []float64{0, 1, 0, 1, 0, 1, 0, 1, 0, 1}, Probability(0.5), Estimate{0.5, 0.23659, 0.76341}, 1e-5},
		// Median of 1…100 (type 7: 50.5); ranks 50 ∓ 1.96·5 → x(40), x(60).
		{"quantile", seq, Quantile(0.5), Estimate{50.5, 40, 60}, 0},
		{"extreme quantile", []float64{1, 2, 3}, Quantile(0.99), Estimate{2.98, 2, inf}, 1e-12},
	} {
		got := estimate(append([]float64(nil), tc.v...), tc.s, c95)
		if math.Abs(got.Value-tc.want.Value) > tc.tol || !near(got.Lo, tc.want.Lo, tc.tol) || !near(got.Hi, tc.want.Hi, tc.tol) {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
	// A constraint at 95% uses one-sided bounds: the two-sided 90% interval.
	if z := newCritical(2*0.95 - 1).z; math.Abs(z-1.6448536) > 1e-6 {
		t.Errorf("z at 90%%: %v, want 1.6448536", z)
	}
}

func near(a, b, tol float64) bool {
	return a == b || math.Abs(a-b) <= tol
}

func TestSortFrontsAndCrowding(t *testing.T) {
	t.Parallel()
	mk := func(viol float64, f ...float64) *cand { return &cand{f: f, violation: viol} }
	cs := []*cand{
		mk(0, 0, 1), mk(0, 0.5, 0.5), mk(0, 1, 0), // first front
		mk(0, 1, 1),      // dominated by all three
		mk(0.5, 0, 0),    // infeasible: behind every feasible one
		mk(0.2, 5, 5),    // less infeasible than the one above
		mk(0, 0.5, 0.75), // dominated by (0.5, 0.5) only
	}
	fronts := sortFronts(cs)
	wantRank := []int{0, 0, 0, 2, 4, 3, 1}
	for i, c := range cs {
		if c.rank != wantRank[i] {
			t.Errorf("candidate %d: rank %d, want %d", i, c.rank, wantRank[i])
		}
	}
	crowding(fronts[0])
	// The middle point's neighbours span the whole range in both
	// objectives: (1−0)/1 + (1−0)/1 = 2.
	if !math.IsInf(cs[0].crowd, 1) || !math.IsInf(cs[2].crowd, 1) || cs[1].crowd != 2 {
		t.Errorf("crowding %v %v %v, want +Inf 2 +Inf", cs[0].crowd, cs[1].crowd, cs[2].crowd)
	}
}

// TestVariationStaysInBounds: SBX and polynomial mutation never leave the
// bounds, integers stay integers once snapped, and index mutation always
// picks another value.
func TestVariationStaysInBounds(t *testing.T) {
	t.Parallel()
	vars := []Variable{Real("a", -1, 2), Int("b", 0, 3), OneOf("c", 10, 20, 30)}
	rng := rand.New(rand.NewPCG(1, 2))
	p1, p2 := []float64{-1, 0, 0}, []float64{2, 3, 2}
	c1, c2 := make([]float64, 3), make([]float64, 3)
	changed := 0
	for range 10000 {
		sbx(rng, 20, vars, p1, p2, c1, c2)
		before := c1[2]
		mutate(rng, 1, 20, vars, c1)
		if c1[2] == before {
			t.Fatalf("index mutation kept index %v", before)
		}
		for _, c := range [][]float64{c1, c2} {
			for k, v := range vars {
				lo, hi := v.geneBounds()
				if s := v.snap(c[k]); !(s >= lo && s <= hi) || (v.Kind != Continuous && s != math.Round(s)) {
					t.Fatalf("%s: gene %v snaps to %v outside [%v, %v]", v.Name, c[k], s, lo, hi)
				}
				if !(c[k] >= lo && c[k] <= hi) {
					t.Fatalf("%s: gene %v outside [%v, %v]", v.Name, c[k], lo, hi)
				}
			}
		}
		if c1[0] != p1[0] && c1[0] != p2[0] {
			changed++
		}
	}
	if changed < 5000 {
		t.Errorf("SBX or mutation changed the real gene in %d of 10000 children", changed)
	}
}
