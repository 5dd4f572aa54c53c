package sensitivity

import (
	"fmt"
	"math"
)

// NoiseShare returns the share of the total output variance of a stochastic
// model that is replicate (seed) noise rather than the effect of the design
// point: σ²_within / (σ²_within + σ²_between).
//
// reps[i] holds the outputs of m ≥ 2 replicates (different seeds) at design
// point i; all points need the same m, and there must be n ≥ 2 points. The
// components are the one-way random-effects ANOVA (method of moments)
// estimates (Searle, Casella and McCulloch, "Variance Components", 1992,
// ch. 3, balanced one-way classification):
//
//	MSW = Σ_i Σ_r (y_ir − ȳ_i)² / (n(m−1))    σ²_within  = MSW
//	MSB = m Σ_i (ȳ_i − ȳ)² / (n−1)            σ²_between = max(0, (MSB − MSW)/m)
//
// Both are unbiased before the clamp, because E[MSW] = σ²_within and
// E[MSB] = σ²_within + m σ²_between: a point mean ȳ_i still carries
// σ²_within/m of seed noise, which (MSB − MSW)/m takes out. The plain
// variance of the point means would count that noise as signal; the share
// W/(W+B) built from it (what seqsim's sensitivity.csv reported before)
// tends to m/(m+1) under pure noise, 0.8 at 4 replicates, instead of 1.
//
// Truncating σ²_between at zero keeps the share in [0, 1]; under pure noise
// it lowers the share by about s/√(2π), s being the standard deviation of
// the between estimate in units of σ²_within, s² = 2(1/(n−1) +
// 1/(n(m−1)))/m². A share near 1 means the design's factors explain little
// beyond seed noise, and per-point means over more replicates (or common
// random numbers) are needed before a sensitivity analysis of them is
// meaningful. When points are means over R replicates, the noise left in
// each mean is σ²_within/R.
//
// The sums are two-pass (deviations from the point and grand means, with
// the compensating term of Chan, Golub and LeVeque 1983) on values scaled
// exactly by a power of two to at most 1 in magnitude: the share does not
// depend on the scale, no square can overflow whatever the finite inputs,
// and values far from 0 keep their variance.
//
// NoiseShare returns a *ParamError for fewer than 2 points or replicates or
// unequal counts, ErrNonFinite (wrapped, with the point index) for NaN or
// ±Inf, and ErrNoVariance when all outputs are equal (0/0: no variance to
// share). For any other finite input it returns a share in [0, 1], never
// NaN.
func NoiseShare(reps [][]float64) (share float64, err error) {
	within, between, _, err := varianceComponents(reps)
	if err != nil {
		return 0, err
	}
	between = max(0, between)
	if within+between == 0 {
		return 0, ErrNoVariance
	}
	return within / (within + between), nil
}

// varianceComponents returns the ANOVA estimates of NoiseShare before the
// clamp, in units of 2^(2·exp): σ²_within = within·2^(2·exp) and
// σ²_between = between·2^(2·exp) (which may be negative). 2^exp is no
// smaller than the largest |value|, so within and between cannot overflow
// (the components themselves may not fit a float64 when the values are
// near its limit).
func varianceComponents(reps [][]float64) (within, between float64, exp int, err error) {
	const op = "NoiseShare"
	n := len(reps)
	if n < 2 {
		return 0, 0, 0, &ParamError{Op: op, Param: "len(reps)", Value: n, Want: ">= 2 design points"}
	}
	m := len(reps[0])
	if m < 2 {
		return 0, 0, 0, &ParamError{Op: op, Param: "len(reps[0])", Value: m, Want: ">= 2 replicates"}
	}
	var largest float64
	for i, r := range reps {
		if len(r) != m {
			return 0, 0, 0, &ParamError{Op: op, Param: fmt.Sprintf("len(reps[%d])", i), Value: len(r), Want: fmt.Sprintf("%d, as reps[0]", m)}
		}
		for _, v := range r {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return 0, 0, 0, fmt.Errorf("%w at design point %d: %v", ErrNonFinite, i, v)
			}
			largest = max(largest, math.Abs(v))
		}
	}
	if largest == 0 {
		return 0, 0, 0, nil
	}
	// largest = f·2^e with f in [0.5, 1): v·2^-e is exact (short of
	// underflow for values below 2^-1074 of the largest, which cannot move
	// the components) and within [-1, 1].
	_, e := math.Frexp(largest)
	scaled := func(v float64) float64 { return math.Ldexp(v, -e) }
	fm, fn := float64(m), float64(n)
	means := make([]float64, n)
	var ssw, sumMeans float64
	for i, r := range reps {
		var s float64
		for _, v := range r {
			s += scaled(v)
		}
		mean := s / fm
		var ss, c float64 // Σd², Σd: c is 0 but for rounding
		for _, v := range r {
			d := scaled(v) - mean
			ss += d * d
			c += d
		}
		ssw += max(0, ss-c*c/fm)
		means[i] = mean
		sumMeans += mean
	}
	grand := sumMeans / fn
	var ssb, c float64
	for _, mean := range means {
		d := mean - grand
		ssb += d * d
		c += d
	}
	ssb = max(0, ssb-c*c/fn)
	msw := ssw / (fn * (fm - 1))
	msb := fm * ssb / (fn - 1)
	return msw, (msb - msw) / fm, e, nil
}
