package stats

import (
	"math"
	"testing"
)

func TestQuantileType7(t *testing.T) {
	t.Parallel()
	// Reference values from R: quantile(c(1, 2, 3, 4, 10), p, type = 7).
	v := []float64{10, 1, 3, 2, 4}
	for _, tc := range []struct{ p, want float64 }{
		{0, 1}, {0.25, 2}, {0.5, 3}, {0.9, 7.6}, {1, 10}, {0.1, 1.4},
	} {
		if got := Quantile(v, tc.p); math.Abs(got-tc.want) > 1e-15*tc.want {
			t.Errorf("Quantile(%g) = %g, want %g", tc.p, got, tc.want)
		}
	}
	if v[0] != 10 || v[1] != 1 {
		t.Errorf("Quantile sorted its input in place: %v", v)
	}
	if !math.IsNaN(Quantile(nil, 0.5)) {
		t.Error("Quantile of no values is not NaN")
	}
}

// TestQuantileSortedEdges: no value gives NaN, one value is every quantile, and p outside
// [0, 1] is clamped to the extremes (numpy.percentile would refuse it; the
// callers never pass one, but a bootstrap level of exactly 0 or 1 would).
func TestQuantileSortedEdges(t *testing.T) {
	t.Parallel()
	for _, p := range []float64{0, 0.3, 1} {
		if got := QuantileSorted([]float64{7}, p); got != 7 {
			t.Errorf("QuantileSorted([7], %g) = %g, want 7", p, got)
		}
	}
	if got := QuantileSorted(nil, 0.5); !math.IsNaN(got) {
		t.Errorf("QuantileSorted(nil) = %g, want NaN", got)
	}
	s := []float64{1, 2, 4}
	if got := QuantileSorted(s, -0.5); got != 1 {
		t.Errorf("p = −0.5: %g, want the minimum 1", got)
	}
	if got := QuantileSorted(s, 1.5); got != 4 {
		t.Errorf("p = 1.5: %g, want the maximum 4", got)
	}
	// h = 2·0.75 = 1.5: halfway between 2 and 4.
	if got := QuantileSorted(s, 0.75); got != 3 {
		t.Errorf("p = 0.75: %g, want 3", got)
	}
}

// TestPercentileWholeNumbers: a sample of whole numbers gets order
// statistics (type 1), worked by hand; any other sample gets type 7.
func TestPercentileWholeNumbers(t *testing.T) {
	t.Parallel()
	// 99 ones and one zero: type 7 would give a p05 of 0.95·1 = 0.95
	// (h = 4.95 between s[4] = 1 and s[5] = 1 is 1; take the p01 instead:
	// h = 0.99 between 0 and 1 is 0.99). Type 1 gives k = ⌈100·0.01⌉ = 1,
	// the first value, 0; and the median k = 50, a 1.
	ind := make([]float64, 100)
	for i := 1; i < 100; i++ {
		ind[i] = 1
	}
	if got := QuantileSorted(ind, 0.01); got != 0.99 {
		t.Fatalf("type 7 p01 = %g, want 0.99 (the case this guards against)", got)
	}
	for _, tc := range []struct{ p, want float64 }{{0.01, 0}, {0.011, 1}, {0.5, 1}, {0, 0}, {1, 1}} {
		if got := Percentile(ind, tc.p); got != tc.want {
			t.Errorf("Percentile(indicator, %g) = %g, want %g", tc.p, got, tc.want)
		}
	}
	// Counts 1..10: the median is the 5th value (k = ⌈10·0.5⌉ = 5), not
	// 5.5; p95 is the 10th (k = ⌈9.5⌉ = 10), not 9.55.
	counts := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	for _, tc := range []struct{ p, want float64 }{{0.5, 5}, {0.95, 10}, {0.05, 1}, {0.25, 3}} {
		if got := Percentile(counts, tc.p); got != tc.want {
			t.Errorf("Percentile(counts, %g) = %g, want %g", tc.p, got, tc.want)
		}
	}
	// One value that is not whole: type 7 for the whole sample.
	mixed := []float64{1, 2, 3, 4.5}
	if got, want := Percentile(mixed, 0.5), QuantileSorted(mixed, 0.5); got != want || got != 2.5 {
		t.Errorf("Percentile(mixed, 0.5) = %g, want type 7's 2.5", got)
	}
	if !math.IsNaN(Percentile(nil, 0.5)) {
		t.Error("Percentile of no values is not NaN")
	}
}
