package sensitivity

import (
	"math"
	"testing"
)

// Published values are given to 4 decimals, so they must match the closed
// forms within half a unit in the last place.
const fourDigits = 5e-5

func TestIshigamiIndices(t *testing.T) {
	t.Parallel()
	s1, st, s13 := IshigamiIndices(7, 0.1)
	// SALib test_functions/Ishigami.py and the seqsim brief.
	wantS1 := []float64{0.3139, 0.4424, 0}
	wantST := []float64{0.5576, 0.4424, 0.2437}
	for k := range 3 {
		if math.Abs(s1[k]-wantS1[k]) > fourDigits || math.Abs(st[k]-wantST[k]) > fourDigits {
			t.Errorf("x%d: S1 %.5f ST %.5f, want %.4f %.4f", k+1, s1[k], st[k], wantS1[k], wantST[k])
		}
	}
	if math.Abs(s13-0.2437) > fourDigits {
		t.Errorf("S13 = %.5f, want 0.2437", s13)
	}
	// Consistency of the decomposition: ST1 = S1 + S13, ST3 = S13, and
	// S1 + S2 + S13 = 1 (no other terms); rounding only.
	if math.Abs(st[0]-s1[0]-s13) > 1e-15 || st[2] != s13 || math.Abs(s1[0]+s1[1]+s13-1) > 1e-15 {
		t.Errorf("inconsistent decomposition: %v %v %v", s1, st, s13)
	}
}

func TestSobolGIndices(t *testing.T) {
	t.Parallel()
	a := []float64{0, 1, 4.5, 9, 99, 99, 99, 99}
	s1, st := SobolGIndices(a)
	// The seqsim brief, for SALib's Sobol_G.py default a.
	wantS1 := []float64{0.7162, 0.1790, 0.0237, 0.0072, 0.0001, 0.0001, 0.0001, 0.0001}
	wantST := []float64{0.7871, 0.2422, 0.0343, 0.0105, 0.0001, 0.0001, 0.0001, 0.0001}
	for k := range a {
		if math.Abs(s1[k]-wantS1[k]) > fourDigits || math.Abs(st[k]-wantST[k]) > fourDigits {
			t.Errorf("x%d: S1 %.5f ST %.5f, want %.4f %.4f", k+1, s1[k], st[k], wantS1[k], wantST[k])
		}
	}
}

func TestTestFunctionValues(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		got  float64
		want float64
	}{
		// sin(π/2) + 7 sin²(π/2) + 0.1·1⁴·sin(π/2) = 1 + 7 + 0.1.
		{"ishigami", Ishigami([]float64{math.Pi / 2, math.Pi / 2, 1}, 7, 0.1), 8.1},
		{"ishigami origin", Ishigami([]float64{0, 0, 0}, 7, 0.1), 0},
		// |4·0 − 2| = 2: Π (2 + a)/(1 + a) = 2 · 1.5 = 3 for a = (0, 1).
		{"g corner", SobolG([]float64{0, 0}, []float64{0, 1}), 3},
		// |4·0.5 − 2| = 0: Π a/(1 + a) = 0 when some a = 0.
		{"g centre", SobolG([]float64{0.5, 0.5}, []float64{0, 1}), 0},
	} {
		if math.Abs(tc.got-tc.want) > 1e-14 { // a few ulps of sin at π/2
			t.Errorf("%s = %.17g, want %g", tc.name, tc.got, tc.want)
		}
	}
}
