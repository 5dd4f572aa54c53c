package sensitivity

import (
	"fmt"
	"math"
	"slices"

	"github.com/seqsim/seqsim/engine/design"
)

// MorrisResult holds the elementary-effects statistics of one output. Index
// k of every slice is factor Names[k]. Effects are per unit-cube step: an
// elementary effect is the output change divided by the signed step ±Δ in
// [0, 1] units (as SALib's analyze/morris.py does), so factors with different
// ranges are compared on the same footing.
type MorrisResult struct {
	Names []string

	Mu     []float64 // mean elementary effect; opposite signs can cancel
	MuStar []float64 // mean absolute effect (Campolongo et al. 2007): the ranking measure
	Sigma  []float64 // standard deviation of the effects (divisor r−1): non-linearity or interactions

	MuStarLo, MuStarHi []float64 // bootstrap confidence interval of MuStar

	R         int     // trajectories
	Level     float64 // confidence level of the intervals
	Resamples int     // bootstrap resamples used

	// Warnings lists conditions the reader should know about, such as two
	// factors whose MuStar intervals overlap (their order is uncertain).
	Warnings []string
}

// Morris computes the elementary-effects statistics of Morris (1991), with
// mu* of Campolongo, Cariboni and Saltelli ("An effective screening design for
// sensitivity analysis of large models", Environ. Model. Softw. 22 (2007)
// 1509-1518), from the outputs y of the Morris design d in design row order.
//
// For trajectory t and step k the design changes factor f by ±Δ, and the
// elementary effect is EE = (y[t(D+1)+k+1] − y[t(D+1)+k]) / (±Δ). The
// interval of mu* comes from b (see [Bootstrap]), resampling whole
// trajectories. When the intervals of two factors adjacent in the mu*
// ranking overlap, a warning says so.
//
// Morris returns a *LengthError if len(y) != d.Len(), a *NonFiniteError if
// any output is NaN or ±Inf, and ErrNoVariance if the outputs do not vary.
func Morris(d *design.Morris, y []float64, b Bootstrap) (*MorrisResult, error) {
	const op = "Morris"
	if d == nil {
		return nil, &ParamError{Op: op, Param: "d", Value: nil, Want: "a *design.Morris"}
	}
	b, err := b.resolve(op)
	if err != nil {
		return nil, err
	}
	if err := checkOutputs(d, d.Len(), y); err != nil {
		return nil, err
	}
	nd, r := d.Dim(), d.Trajectories()
	ee := make([]float64, nd*r) // ee[f*r+t]
	for t := range r {
		row := t * (nd + 1)
		for k := range nd {
			f, delta := d.Step(t, k)
			ee[f*r+t] = (y[row+k+1] - y[row+k]) / delta
		}
	}
	res := &MorrisResult{
		Names: append([]string(nil), d.Names()...),
		Mu:    make([]float64, nd), MuStar: make([]float64, nd), Sigma: make([]float64, nd),
		MuStarLo: make([]float64, nd), MuStarHi: make([]float64, nd),
		R: r, Level: b.Level, Resamples: b.Resamples,
	}
	for f := range nd {
		e := ee[f*r : (f+1)*r]
		var sum, abs float64
		for _, x := range e {
			sum += x
			abs += math.Abs(x)
		}
		mu := sum / float64(r)
		var ss float64
		for _, x := range e {
			ss += (x - mu) * (x - mu)
		}
		res.Mu[f], res.MuStar[f], res.Sigma[f] = mu, abs/float64(r), math.Sqrt(ss/float64(r-1))
	}

	boot := make([]float64, b.Resamples*nd)
	idx := make([]int, r)
	rng := b.rng()
	for s := range b.Resamples {
		for i := range idx {
			idx[i] = rng.IntN(r)
		}
		for f := range nd {
			e := ee[f*r : (f+1)*r]
			var abs float64
			for _, t := range idx {
				abs += math.Abs(e[t])
			}
			boot[s*nd+f] = abs / float64(r)
		}
	}
	percentileIntervals(boot, b.Level, res.MuStarLo, res.MuStarHi)

	order := make([]int, nd)
	for f := range order {
		order[f] = f
	}
	slices.SortStableFunc(order, func(i, j int) int { return -cmpFloat(res.MuStar[i], res.MuStar[j]) })
	for i := 1; i < nd; i++ {
		hi, lo := order[i-1], order[i]
		if res.MuStarLo[hi] <= res.MuStarHi[lo] {
			res.Warnings = append(res.Warnings, fmt.Sprintf(
				"mu* intervals of %s and %s overlap: their order is uncertain; increase r", res.Names[hi], res.Names[lo]))
		}
	}
	return res, nil
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
