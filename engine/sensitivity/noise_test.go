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

// TestNoiseShareWorked checks examples worked by hand from the ANOVA
// formulas of NoiseShare.
func TestNoiseShareWorked(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		reps [][]float64
		want float64
	}{
		// Means 0 and 2, grand mean 1; SSW = 2+2 = 4, MSW = 4/(2·1) = 2;
		// MSB = 2·(1+1)/1 = 4; σ²_between = (4−2)/2 = 1: share 2/3. (The
		// former W/(W+B), with B = 2 the variance of the means, gave 0.5.)
		{"two points", [][]float64{{-1, 1}, {1, 3}}, 2.0 / 3},
		// Means 2, 5, 9, grand 16/3; SSW = 2+2+8 = 12, MSW = 12/3 = 4;
		// SSB = 4+25+81 − 3·(16/3)² = 74/3, MSB = 2·(74/3)/2 = 74/3;
		// σ²_between = (74/3 − 4)/2 = 31/3: share 4/(4 + 31/3) = 12/43.
		{"three points", [][]float64{{1, 3}, {4, 6}, {7, 11}}, 12.0 / 43},
		// Equal means: MSB = 0 < MSW = 1, σ²_between clamps to 0: share 1.
		{"between clamped", [][]float64{{0, 2}, {1, 1}}, 1},
		// No replicate noise (pure signal): share 0.
		{"pure signal", [][]float64{{1, 1}, {3, 3}, {2, 2}}, 0},
	} {
		got, err := NoiseShare(tc.reps)
		if err != nil || math.Abs(got-tc.want) > 1e-15 {
			t.Errorf("%s: share %.17g, %v, want %.17g", tc.name, got, err, tc.want)
		}
	}
}

// TestNoiseSharePureNoise: with no point effect at all, every output
// N(0, 1), seed noise is the whole variance and the share's target is 1.
// Over many simulated data sets, the between component averages 0 and the
// within one 1 (both unbiased: tolerance 4 standard errors of the mean of
// D estimates, from their sampling variances under normality, Searle et
// al. 1992, ch. 3), and the share averages 1 less the clamp's bias
// s/√(2π) (see NoiseShare; tolerance 4 standard errors plus 10% of the
// bias for its first-order approximation). The former estimator W/(W+B)
// averages m/(m+1) = 0.8 here, about 30 tolerances away.
func TestNoiseSharePureNoise(t *testing.T) {
	t.Parallel()
	const n, m, d = 20, 4, 2000
	rng := rand.New(rand.NewPCG(13, 6))
	var sumShare, sumShare2, sumW, sumB float64
	reps := make([][]float64, n)
	for i := range reps {
		reps[i] = make([]float64, m)
	}
	for range d {
		for _, r := range reps {
			for k := range r {
				r[k] = rng.NormFloat64()
			}
		}
		share, err := NoiseShare(reps)
		if err != nil || share < 0 || share > 1 {
			t.Fatalf("share %g, %v", share, err)
		}
		w, b, e, _ := varianceComponents(reps)
		sumW += math.Ldexp(w, 2*e)
		sumB += math.Ldexp(b, 2*e)
		sumShare += share
		sumShare2 += share * share
	}
	fn, fm, fd := float64(n), float64(m), float64(d)
	sdW := math.Sqrt(2 / (fn * (fm - 1)))           // of one within estimate
	s := math.Sqrt(2*(1/(fn-1)+1/(fn*(fm-1)))) / fm // of one between estimate
	if got := sumW / fd; math.Abs(got-1) > 4*sdW/math.Sqrt(fd) {
		t.Errorf("mean within component %.4f, want 1 ± %.4f", got, 4*sdW/math.Sqrt(fd))
	}
	if got := sumB / fd; math.Abs(got) > 4*s/math.Sqrt(fd) {
		t.Errorf("mean between component %.4f, want 0 ± %.4f", got, 4*s/math.Sqrt(fd))
	}
	mean := sumShare / fd
	se := math.Sqrt((sumShare2/fd - mean*mean) / fd)
	bias := s / math.Sqrt(2*math.Pi)
	if tol := 4*se + 0.1*bias; math.Abs(mean-(1-bias)) > tol {
		t.Errorf("mean share %.4f, want 1 − %.4f (clamp) ± %.4f", mean, bias, tol)
	}
}

// TestNoiseShareScale: the share does not depend on the unit or the
// origin of the output, and values whose squares overflow a float64 (or
// its former fixed-point sums, |v| ≥ 3.4e10) give the same share.
func TestNoiseShareScale(t *testing.T) {
	t.Parallel()
	base := [][]float64{{1, 3}, {4, 6}, {7, 11}} // share 12/43 (TestNoiseShareWorked)
	transform := func(f func(float64) float64) [][]float64 {
		out := make([][]float64, len(base))
		for i, r := range base {
			for _, v := range r {
				out[i] = append(out[i], f(v))
			}
		}
		return out
	}
	for _, tc := range []struct {
		name string
		f    func(float64) float64
		tol  float64
	}{
		{"1e12 units", func(v float64) float64 { return 1e12 * v }, 1e-15},
		{"-1e12 units", func(v float64) float64 { return -1e12 * v }, 1e-15},
		{"1e300 units", func(v float64) float64 { return 1e300 * v }, 1e-15},
		{"1e-300 units", func(v float64) float64 { return 1e-300 * v }, 1e-15},
		// Around 1e9 with unit spread: the one-pass Σv² − (Σv)²/m would
		// cancel sums near 2e18 (spaced 256 apart) and keep no digit.
		{"shifted by 1e9", func(v float64) float64 { return 1e9 + v }, 1e-9},
		{"1e12 units shifted by 1e14", func(v float64) float64 { return 1e14 + 1e12*v }, 1e-6},
	} {
		got, err := NoiseShare(transform(tc.f))
		if err != nil || math.IsNaN(got) || math.Abs(got-12.0/43) > tc.tol {
			t.Errorf("%s: share %.17g, %v, want 12/43 = %.17g", tc.name, got, err, 12.0/43)
		}
	}
	// The largest finite values: 2^exp is then +Inf, but the share is not.
	huge := [][]float64{{math.MaxFloat64, -math.MaxFloat64}, {math.MaxFloat64, math.MaxFloat64}}
	if got, err := NoiseShare(huge); err != nil || math.IsNaN(got) || got < 0 || got > 1 {
		t.Errorf("±MaxFloat64: share %g, %v", got, err)
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
