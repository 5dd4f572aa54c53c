package stats

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

// TestZ95 checks the constant against an independent computation of
// Φ⁻¹(0.975) (gonum's inverse normal CDF) and its defining property.
func TestZ95(t *testing.T) {
	t.Parallel()
	if q := distuv.UnitNormal.Quantile(0.975); math.Abs(q-Z95) > 1e-15 {
		t.Errorf("Z95 = %.16g, gonum's Φ⁻¹(0.975) = %.16g", Z95, q)
	}
	if c := distuv.UnitNormal.CDF(Z95); math.Abs(c-0.975) > 1e-15 {
		t.Errorf("Φ(Z95) = %.16g, want 0.975", c)
	}
}

func TestMeanCI(t *testing.T) {
	t.Parallel()
	// 1..5: mean 3, sd √2.5, half-width 1.959964 · √2.5/√5 = 1.385904
	m, h := MeanCI([]float64{1, 2, math.NaN(), 3, 4, 5})
	if m != 3 || math.Abs(h-1.385904) > 1e-6 {
		t.Errorf("MeanCI = %g ± %g", m, h)
	}
	if m, h := MeanCI([]float64{7}); m != 7 || !math.IsNaN(h) {
		t.Errorf("one value: %g ± %g", m, h)
	}
	if m, _ := MeanCI(nil); !math.IsNaN(m) {
		t.Error("no value is not NaN")
	}
	// Two-pass: values far from 0 with a small spread keep their variance
	// (one-pass Σv² − n·mean² loses every digit here): 1e9 + {1,2,3,4,5}
	// has the same half-width as 1..5.
	_, h = MeanCI([]float64{1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4, 1e9 + 5})
	if math.Abs(h-1.385904) > 1e-6 {
		t.Errorf("shifted by 1e9: half-width %g, want 1.385904", h)
	}
	// 40 runs of the same value: the sum over n is 1.8007112619604325e9,
	// 3 ulps off, and the plain two-pass Σd² gives a half-width of 2.2e-7
	// from that rounding alone; corrected, 0.
	same := make([]float64, 40)
	for i := range same {
		same[i] = 1.8007112619604318e+09
	}
	ulp := math.Nextafter(same[0], math.Inf(1)) - same[0]
	if m, h := MeanCI(same); math.Abs(m-same[0]) > 4*ulp || h != 0 {
		t.Errorf("constant: %.17g ± %g, want %.17g ± 0", m, h, same[0])
	}
}

func TestMean(t *testing.T) {
	t.Parallel()
	if m := Mean([]float64{1, 2, 6}); m != 3 {
		t.Errorf("Mean = %g, want 3", m)
	}
	// A single value is its own mean, to the bit.
	if m := Mean([]float64{0.1}); m != 0.1 {
		t.Errorf("Mean(0.1) = %.17g", m)
	}
	for _, vs := range [][]float64{{1, math.NaN()}, nil} {
		if m := Mean(vs); !math.IsNaN(m) {
			t.Errorf("Mean(%v) = %g, want NaN", vs, m)
		}
	}
}
