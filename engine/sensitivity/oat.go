package sensitivity

import (
	"math"
	"slices"

	"github.com/seqsim/seqsim/engine/design"
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
		res.Bars[k] = OATBar{Name: d.Names()[k], Factor: k, Lo: lo, Hi: hi, YLo: yLo, YHi: yHi, Swing: math.Abs(yHi - yLo)}
	}
	slices.SortStableFunc(res.Bars, func(a, b OATBar) int { return -cmpFloat(a.Swing, b.Swing) })
	return res, nil
}
