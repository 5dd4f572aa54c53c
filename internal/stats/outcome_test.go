package stats

import (
	"math"
	"testing"
)

// TestNewOutcome works one row by hand: values 4, NaN, 1, 3, 2, 10 are five
// runs with a value (1 2 3 4 10 sorted) and one without.
func TestNewOutcome(t *testing.T) {
	t.Parallel()
	o := NewOutcome([]float64{4, math.NaN(), 1, 3, 2, 10}, []float64{3, 100})
	if o.N() != 5 || o.Missing != 1 {
		t.Fatalf("n %d, missing %d, want 5 and 1", o.N(), o.Missing)
	}
	// mean 4; s² = (9+4+1+0+36)/4 = 12.5; half = Z95·√(12.5/5) = 3.098975
	if o.Mean != 4 || math.Abs(o.Half-Z95*math.Sqrt(2.5)) > 1e-12 || math.Abs(o.Half-3.098975) > 1e-6 {
		t.Errorf("mean %g ± %g, want 4 ± 3.098975", o.Mean, o.Half)
	}
	// Whole numbers: order statistics (type 1), as R's
	// quantile(c(1, 2, 3, 4, 10), c(0.05, 0.5, 0.95), type = 1):
	// k = ⌈5·0.05⌉ = 1, ⌈2.5⌉ = 3, ⌈4.75⌉ = 5.
	if o.P05 != 1 || o.P50 != 3 || o.P95 != 10 {
		t.Errorf("p5 %g p50 %g p95 %g, want 1 3 10", o.P05, o.P50, o.P95)
	}
	// With 4.5 for 4 the sample is not whole: type 7, as R's
	// quantile(c(1, 2, 3, 4.5, 10), c(0.05, 0.5, 0.95)) = 1.2 3 8.9.
	if o7 := NewOutcome([]float64{4.5, 1, 3, 2, 10}, nil); math.Abs(o7.P05-1.2) > 1e-12 || o7.P50 != 3 || math.Abs(o7.P95-8.9) > 1e-12 {
		t.Errorf("p5 %g p50 %g p95 %g, want 1.2 3 8.9", o7.P05, o7.P50, o7.P95)
	}
	// P(> 3): 4 and 10, 2 of 5; P(> 100): 0 of 5.
	if len(o.Risks) != 2 {
		t.Fatalf("%d risks", len(o.Risks))
	}
	for i, want := range []int{2, 0} {
		r := o.Risks[i]
		p, lo, hi := Wilson(want, 5)
		if r.K != want || r.N != 5 || r.P != p || r.Lo != lo || r.Hi != hi {
			t.Errorf("risk %d: %+v, want %d of 5 [%g, %g]", i, r, want, lo, hi)
		}
	}
}

// TestRiskCountsStrictlyAbove: P(value > t) counts values above t only,
// with ties at t below, for given and for new thresholds.
func TestRiskCountsStrictlyAbove(t *testing.T) {
	t.Parallel()
	o := NewOutcome([]float64{0.5, 0.5, 0.2, math.NaN(), 0.9, 0.5}, []float64{0.5})
	if r := o.Risks[0]; r.K != 1 || r.N != 5 || o.Missing != 1 {
		t.Errorf("risk %+v, missing %d", r, o.Missing)
	}
	if r := o.Risk(0.3); r.K != 4 || r.N != 5 {
		t.Errorf("P(> 0.3): %d of %d", r.K, r.N)
	}
}

// TestNewOutcomeEmpty: no run with a value gives NaN statistics and NaN
// risks, not a panic.
func TestNewOutcomeEmpty(t *testing.T) {
	t.Parallel()
	o := NewOutcome([]float64{math.NaN(), math.NaN()}, []float64{1})
	if o.N() != 0 || o.Missing != 2 || !math.IsNaN(o.Mean) || !math.IsNaN(o.P50) || !math.IsNaN(o.Risks[0].P) {
		t.Errorf("%+v", o)
	}
}
