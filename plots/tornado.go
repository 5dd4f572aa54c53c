package plots

import (
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg/draw"
)

// Tornado draws a one-at-a-time sensitivity chart: for each parameter a
// horizontal bar from base (the output with every parameter at its base
// value) to low[i] (the output with parameter i at the low end of its
// range) and another to high[i] (at the high end), in two palette
// colours. Parameters are sorted by swing |high[i] − low[i]|, largest on
// top; ties keep the caller's order. A vertical line marks base. Values
// are in the unit of xLabel.
func Tornado(th Theme, title, xLabel string, base float64, names []string, low, high []float64) (*plot.Plot, error) {
	c := &check{chart: "Tornado"}
	if len(names) == 0 {
		c.add("", "names", -1, ErrNoData, "")
	}
	c.finite("", "base", []float64{base}, true)
	if c.sameLen("", "low", low, len(names), "names") {
		c.finite("", "low", low, len(names) > 0)
	}
	if c.sameLen("", "high", high, len(names), "names") {
		c.finite("", "high", high, len(names) > 0)
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	th = th.norm()

	// Largest swing first; the stable sort keeps ties in the caller's order.
	order := make([]int, len(names))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		sa, sb := math.Abs(high[a]-low[a]), math.Abs(high[b]-low[b])
		switch {
		case sa > sb:
			return -1
		case sa < sb:
			return 1
		}
		return 0
	})
	// Row 0 is at the bottom of the chart: reverse so the largest swing
	// (and, among ties, the first name) is on top.
	slices.Reverse(order)
	sorted := make([]string, len(order))
	for r, i := range order {
		sorted[r] = names[i]
	}

	p := th.newPlot(title, xLabel, "")
	p.Add(grid{th: th, vert: true})
	categoryY(p, sorted)

	lowCol, highCol := th.Color(0), th.Color(1)
	const half = 0.36 // bar half-height, of the row
	xmin, xmax := base, base
	for r, i := range order {
		y0, y1 := float64(r)-half, float64(r)+half
		p.Add(&polygon{x: []float64{base, low[i], low[i], base}, y: []float64{y0, y0, y1, y1}, fill: withAlpha(lowCol, 0.9)})
		p.Add(&polygon{x: []float64{base, high[i], high[i], base}, y: []float64{y0, y0, y1, y1}, fill: withAlpha(highCol, 0.9)})
		xmin = math.Min(xmin, math.Min(low[i], high[i]))
		xmax = math.Max(xmax, math.Max(low[i], high[i]))
	}
	p.Add(drawFunc(func(c draw.Canvas, p *plot.Plot) {
		x := c.X(p.X.Norm(base))
		c.StrokeLine2(th.inkLine(), x, c.Min.Y, x, c.Max.Y)
	}))
	p.X.Min, p.X.Max = pad(xmin, xmax, 0.04)
	p.Y.Min, p.Y.Max = -0.5, float64(len(names))-0.5

	k := &key{th: th, entries: []keyEntry{
		{label: "parameter at low end", thumb: thumbFill(lowCol)},
		{label: "parameter at high end", thumb: thumbFill(highCol)},
		{label: "base = " + FormatValue(base), thumb: func(c *draw.Canvas) {
			x := c.Center().X
			c.StrokeLine2(th.inkLine(), x, c.Min.Y-1, x, c.Max.Y+1)
		}},
	}}
	p.Add(k)
	return p, nil
}
