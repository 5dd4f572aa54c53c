package plots

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg/draw"
)

// LineBand draws a 1-D sweep: the mean (or any central value) of a metric
// as a line with markers at the swept points, and the band from lo to hi
// (a confidence interval or a percentile range: say which in the title or
// caption). x must be strictly increasing; at each point lo ≤ mean ≤ hi is
// not required (a median band may exclude the mean) but lo ≤ hi is.
func LineBand(th Theme, title, xLabel, yLabel string, x, mean, lo, hi []float64) (*plot.Plot, error) {
	c := &check{chart: "LineBand"}
	if c.finite("", "x", x, true) {
		c.increasing("", "x", x)
	}
	ok := true
	for _, f := range []struct {
		name string
		v    []float64
	}{{"mean", mean}, {"lo", lo}, {"hi", hi}} {
		if !c.sameLen("", f.name, f.v, len(x), "x") || !c.finite("", f.name, f.v, len(x) > 0) {
			ok = false
		}
	}
	if ok {
		c.ordered("", "lo", "hi", lo, hi)
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	th = th.norm()
	p := th.newPlot(title, xLabel, yLabel)
	p.Add(grid{th: th, vert: true, horz: true})
	col := th.Color(0)
	p.Add(&area{x: x, lo: lo, hi: hi, color: withAlpha(col, th.InnerAlpha*0.8)})
	p.Add(&polyline{x: x, y: mean, style: draw.LineStyle{Color: col, Width: th.LineWidth}})
	// Markers show where the sweep actually ran; the line between them is
	// interpolation. Skip them when they would merge into a thick line.
	if len(x) <= 40 {
		p.Add(drawFunc(func(c draw.Canvas, p *plot.Plot) {
			trX, trY := p.Transforms(&c)
			g := draw.GlyphStyle{Color: col, Radius: 1.8, Shape: draw.CircleGlyph{}}
			for i := range x {
				c.DrawGlyphNoClip(g, vgPoint(trX(x[i]), trY(mean[i])))
			}
		}))
	}
	// Room around the data so markers and the band clear the axes and frame.
	p.X.Min, p.X.Max = pad(x[0], x[len(x)-1], 0.02)
	ylo, _ := minMax(lo)
	_, yhi := minMax(hi)
	p.Y.Min, p.Y.Max = pad(ylo, yhi, 0.04)
	return p, nil
}
