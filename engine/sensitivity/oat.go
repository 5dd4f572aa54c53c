package sensitivity

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/stat"

	"github.com/seqsim/seqsim/engine/design"
	"github.com/seqsim/seqsim/internal/stats"
)

// OATBar is one bar of a tornado chart: the output at a factor's low and high
// values with every other factor at base.
type OATBar struct {
	Name   string  // factor name
	Factor int     // factor index in the design
	Lo, Hi float64 // the factor's low and high parameter values
	YLo    float64 // output with the factor at Lo
	YHi    float64 // output with the factor at Hi
	Swing  float64 // |YHi − YLo|, the bar's length
	Half   float64 // half-width of the 95% interval of YHi − YLo ([OATReplicated]; NaN from [OAT])
	Paired bool    // the interval is of paired differences (common random numbers)
}

// OATResult is a one-at-a-time analysis ready for a tornado chart.
type OATResult struct {
	Base float64  // output at the base point
	Bars []OATBar // one per factor, longest swing first (ties in factor order)
}

// OAT reads the outputs y of the one-at-a-time design d, in design row order,
// into tornado bars sorted by swing. It returns a *LengthError if
// len(y) != d.Len(), a *NonFiniteError if any output is NaN or ±Inf, and
// ErrNoVariance if every output is equal (no bar would have length).
func OAT(d *design.OAT, y []float64) (*OATResult, error) {
	if d == nil {
		return nil, &ParamError{Op: "OAT", Param: "d", Value: nil, Want: "a *design.OAT"}
	}
	if err := checkOutputs(d, d.Len(), y); err != nil {
		return nil, err
	}
	res := &OATResult{Base: y[0], Bars: make([]OATBar, d.Dim())}
	for k := range res.Bars {
		lo, hi := d.Range(k)
		yLo, yHi := y[2*k+1], y[2*k+2]
		res.Bars[k] = OATBar{Name: d.Names()[k], Factor: k, Lo: lo, Hi: hi, YLo: yLo, YHi: yHi, Swing: math.Abs(yHi - yLo), Half: math.NaN()}
	}
	slices.SortStableFunc(res.Bars, func(a, b OATBar) int { return -cmpFloat(a.Swing, b.Swing) })
	return res, nil
}

// OATReplicated is [OAT] with the interval of each bar: y[i] is design row
// i's output (the mean of its replicates, as the caller computes it) and
// reps[i] the replicates' outputs. Each bar gets the 95% interval of
// YHi − YLo. With paired (replicate r of every row ran on the same seed:
// common random numbers, and both rows have the same number of
// replicates) it is the Student t interval of the per-replicate
// differences, t·s_d/√n with n − 1 degrees of freedom; otherwise the
// unpaired t·√(s_lo²/n_lo + s_hi²/n_hi) with min(n_lo, n_hi) − 1 degrees of
// freedom (conservative). One replicate gives a NaN half-width. Errors are
// those of OAT, and a *LengthError when reps and y differ in length.
func OATReplicated(d *design.OAT, y []float64, reps [][]float64, paired bool) (*OATResult, error) {
	res, err := OAT(d, y)
	if err != nil {
		return nil, err
	}
	if len(reps) != len(y) {
		return nil, &LengthError{Got: len(reps), Want: len(y)}
	}
	for b := range res.Bars {
		bar := &res.Bars[b]
		lo, hi := reps[2*bar.Factor+1], reps[2*bar.Factor+2]
		bar.Paired = paired && len(lo) == len(hi)
		bar.Half = diffHalf(lo, hi, bar.Paired)
	}
	return res, nil
}

// diffHalf is the half-width of the 95% Student t interval of mean(hi) −
// mean(lo), paired or not.
func diffHalf(lo, hi []float64, paired bool) float64 {
	if paired {
		d := stats.Paired(lo, hi) // s_d of the per-replicate differences
		n := float64(d.N)
		return StudentT(0.95, n-1) * d.SD / math.Sqrt(n)
	}
	nl, nh := float64(len(lo)), float64(len(hi))
	return StudentT(0.95, min(nl, nh)-1) * math.Sqrt(stat.Variance(lo, nil)/nl+stat.Variance(hi, nil)/nh)
}
