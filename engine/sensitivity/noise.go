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
// ch. 3, balanced one-way classification), both unbiased:
//
//	MSW = Σ_i Σ_r (y_ir − ȳ_i)² / (n(m−1))    σ²_within  = MSW
//	MSB = m Σ_i (ȳ_i − ȳ)² / (n−1)            σ²_between = max(0, (MSB − MSW)/m)
//
// Truncating σ²_between at zero keeps the share in [0, 1]; a share near 1
// means the design's factors explain little beyond seed noise, and per-point
// means over more replicates (or common random numbers) are needed before a
// sensitivity analysis of them is meaningful. When points are means over R
// replicates, the noise left in each mean is σ²_within/R.
//
// NoiseShare returns a *ParamError for fewer than 2 points or replicates or
// unequal counts, ErrNonFinite (wrapped, with the point index) for NaN or
// ±Inf, and ErrNoVariance when all outputs are equal.
func NoiseShare(reps [][]float64) (share float64, err error) {
	const op = "NoiseShare"
	n := len(reps)
	if n < 2 {
		return 0, &ParamError{Op: op, Param: "len(reps)", Value: n, Want: ">= 2 design points"}
	}
	m := len(reps[0])
	if m < 2 {
		return 0, &ParamError{Op: op, Param: "len(reps[0])", Value: m, Want: ">= 2 replicates"}
	}
	var grand float64
	means := make([]float64, n)
	for i, r := range reps {
		if len(r) != m {
			return 0, &ParamError{Op: op, Param: fmt.Sprintf("len(reps[%d])", i), Value: len(r), Want: fmt.Sprintf("%d, as reps[0]", m)}
		}
		var s float64
		for _, v := range r {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return 0, fmt.Errorf("%w at design point %d: %v", ErrNonFinite, i, v)
			}
			s += v
		}
		means[i] = s / float64(m)
		grand += means[i]
	}
	grand /= float64(n)
	var ssw, ssb float64
	for i, r := range reps {
		for _, v := range r {
			ssw += (v - means[i]) * (v - means[i])
		}
		ssb += (means[i] - grand) * (means[i] - grand)
	}
	msw := ssw / float64(n*(m-1))
	msb := float64(m) * ssb / float64(n-1)
	within := msw
	between := math.Max(0, (msb-msw)/float64(m))
	if within+between == 0 {
		return 0, ErrNoVariance
	}
	return within / (within + between), nil
}
