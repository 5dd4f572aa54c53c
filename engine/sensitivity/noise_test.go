package sensitivity

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"
)

// TestNoiseShare draws y_ir = μ_i + ε_ir with μ_i ~ N(0, σb²) between points
// and ε_ir ~ N(0, σw²) within, so the true share is σw²/(σw² + σb²). The
// tolerance is 4 standard deviations of the estimator by the delta method,
// from the sampling variances of the ANOVA mean squares under normality
// (Searle et al. 1992, ch. 3): Var(MSW) = 2σw⁴/(n(m−1)) and
// Var(MSB) = 2(mσb² + σw²)²/(n−1).
func TestNoiseShare(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name           string
		n, m           int
		sigmaB, sigmaW float64
	}{
		{"mixed", 500, 10, 2, 1},         // share 1/5
		{"mostly noise", 400, 8, 0.5, 2}, // share 4/4.25
		{"pure noise", 400, 8, 0, 1},     // share 1
	} {
		rng := rand.New(rand.NewPCG(uint64(tc.n), uint64(tc.m)))
		reps := make([][]float64, tc.n)
		for i := range reps {
			mu := tc.sigmaB * rng.NormFloat64()
			reps[i] = make([]float64, tc.m)
			for r := range reps[i] {
				reps[i][r] = mu + tc.sigmaW*rng.NormFloat64()
			}
		}
		got, err := NoiseShare(reps)
		if err != nil {
			t.Fatal(err)
		}
		w, b := tc.sigmaW*tc.sigmaW, tc.sigmaB*tc.sigmaB
		n, m := float64(tc.n), float64(tc.m)
		want := w / (w + b)
		sdW := math.Sqrt(2 * w * w / (n * (m - 1)))
		sdB := math.Sqrt(2*(m*b+w)*(m*b+w)/(n-1)) / m
		dW, dB := b/((w+b)*(w+b)), w/((w+b)*(w+b)) // |∂share/∂w|, |∂share/∂b|
		tol := 4 * math.Hypot(dW*sdW, dB*sdB)
		if tc.sigmaB == 0 {
			// At the boundary the delta method degenerates (dW = 0); use the
			// first-order effect of the between estimate, which the clamp at 0
			// can only pull towards the true value 1.
			tol = 4 * sdB / w
		}
		if math.Abs(got-want) > tol || got < 0 || got > 1 {
			t.Errorf("%s: share %.4f, want %.4f ± %.4f", tc.name, got, want, tol)
		}
	}
}

func TestNoiseShareEdges(t *testing.T) {
	t.Parallel()
	// No replicate noise: every point repeats its value, so the share is 0.
	if got, err := NoiseShare([][]float64{{1, 1}, {3, 3}, {2, 2}}); err != nil || got != 0 {
		t.Errorf("no noise: %g, %v, want 0", got, err)
	}
	for _, tc := range []struct {
		name string
		reps [][]float64
		want error
	}{
		{"one point", [][]float64{{1, 2}}, ErrParam},
		{"one replicate", [][]float64{{1}, {2}}, ErrParam},
		{"unequal", [][]float64{{1, 2}, {2, 3, 4}}, ErrParam},
		{"NaN", [][]float64{{1, 2}, {2, math.NaN()}}, ErrNonFinite},
		{"constant", [][]float64{{5, 5}, {5, 5}}, ErrNoVariance},
	} {
		if _, err := NoiseShare(tc.reps); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
}
