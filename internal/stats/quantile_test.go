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
