package plots

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Sample is one series of values for [ECDF] and [Violin], for example a
// metric across all runs of one scenario. Values are in the unit of the
// chart's value axis.
type Sample struct {
	Label  string
	Values []float64
}

func validateSamples(chart string, series []Sample) error {
	c := &check{chart: chart}
	if len(series) == 0 {
		c.add("", "series", -1, ErrNoData, "")
		return c.err()
	}
	for i, s := range series {
		if s.Label == "" && len(series) > 1 {
			c.add("", "Label", i, ErrNoData, "several series need labels")
		}
		c.finite(s.Label, "Values", s.Values, true)
	}
	return c.err()
}

// ECDF draws the empirical cumulative distribution function of each
// sample as a right-continuous step function: F(x) is the fraction of
// values ≤ x, rising by 1/n at each value. The y axis is the cumulative
// probability (0–1); series take palette colours and dash patterns, so
// they stay apart in grey print.
func ECDF(th Theme, title, xLabel string, series ...Sample) (*plot.Plot, error) {
	if err := validateSamples("ECDF", series); err != nil {
		return nil, err
	}
	th = th.norm()
	p := th.newPlot(title, xLabel, "cumulative probability (0–1)")
	p.Add(grid{th: th, vert: true, horz: true})
	p.Y.Min, p.Y.Max = 0, 1

	xmin, xmax := math.Inf(1), math.Inf(-1)
	for _, s := range series {
		lo, hi := minMax(s.Values)
		xmin, xmax = math.Min(xmin, lo), math.Max(xmax, hi)
	}
	// Flat run-ins and run-outs of 3 % of the range show where F is 0 and 1.
	x0, x1 := pad(xmin, xmax, 0.03)

	k := &key{th: th}
	dashes := [][]vg.Length{nil, dashLong(), dashShort(), dashDot()}
	for i, s := range series {
		v := sortedCopy(s.Values)
		// Post-step points: (x0, 0), then (v_i, i/n) for the last of each
		// run of ties, then (x1, 1).
		xs, ys := ecdfSteps(v, x0, x1)
		sty := draw.LineStyle{Color: th.Color(i), Width: th.LineWidth, Dashes: dashes[i%len(dashes)]}
		p.Add(&polyline{x: xs, y: ys, style: sty, step: true})
		label := s.Label
		if len(series) > 1 || label != "" {
			k.entries = append(k.entries, keyEntry{label: fmt.Sprintf("%s (n = %d)", label, len(v)), thumb: thumbLine(sty)})
		}
	}
	p.Add(k)
	return p, nil
}

// ecdfMaxSteps is the most steps an ECDF draws one by one. Beyond it, the
// steps that fall in the same 1/ecdfMaxSteps of the x range merge into
// their last: narrower than a printed line, so the chart looks the same,
// while its size (and the report's) stops growing with the number of runs.
const ecdfMaxSteps = 2000

// ecdfSteps returns the post-step points of the ECDF of the sorted values
// v: (x0, 0), then (v_j, (j+1)/n) for the last of each run of ties (and,
// past ecdfMaxSteps values, for the last value in each x column), then
// (x1, 1).
func ecdfSteps(v []float64, x0, x1 float64) (xs, ys []float64) {
	n := float64(len(v))
	width := 0.0 // x column width; 0 keeps every step
	if len(v) > ecdfMaxSteps {
		width = (x1 - x0) / ecdfMaxSteps
	}
	xs, ys = []float64{x0}, []float64{0}
	for j := 0; j < len(v); j++ {
		if j+1 < len(v) && (v[j+1] == v[j] || width > 0 && math.Floor((v[j+1]-x0)/width) == math.Floor((v[j]-x0)/width)) {
			continue
		}
		xs = append(xs, v[j])
		ys = append(ys, float64(j+1)/n)
	}
	return append(xs, x1), append(ys, 1)
}
