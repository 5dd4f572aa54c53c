package plots

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// TradeOff draws one named point per design at (x, y) with its interval
// whiskers in both directions, for reading two risks against each other:
// for example P(capture) against P(max drawdown > 50%) for each initial
// distribution mechanism (the dump-risk versus capture-risk trade-off).
// lo and hi bound each coordinate (equal to the value when there is no
// interval); the axes start at zero when every value is non-negative.
func TradeOff(th Theme, title, xLabel, yLabel string, names []string, x, xlo, xhi, y, ylo, yhi []float64) (*plot.Plot, error) {
	c := &check{chart: "TradeOff"}
	if len(names) == 0 {
		c.add("", "names", -1, ErrNoData, "")
	}
	for _, s := range []struct {
		name string
		v    []float64
	}{{"x", x}, {"xlo", xlo}, {"xhi", xhi}, {"y", y}, {"ylo", ylo}, {"yhi", yhi}} {
		if c.sameLen("", s.name, s.v, len(names), "names") {
			c.finite("", s.name, s.v, len(names) > 0)
		}
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	th = th.norm()
	p := th.newPlot(title, xLabel, yLabel)
	p.Add(grid{th: th, vert: true, horz: true})
	xmin, _ := minMax(xlo)
	_, xmax := minMax(xhi)
	ymin, _ := minMax(ylo)
	_, ymax := minMax(yhi)
	pad := func(lo, hi float64) (float64, float64) {
		span := math.Max(hi-lo, 1e-9)
		lo, hi = lo-0.08*span, hi+0.15*span // room for the names
		if lo < 0 && lo+0.08*span >= 0 {
			lo = 0
		}
		return lo, hi
	}
	p.X.Min, p.X.Max = pad(xmin, xmax)
	p.Y.Min, p.Y.Max = pad(ymin, ymax)
	p.X.Padding, p.Y.Padding = 5, 5
	p.Add(drawFunc(func(cv draw.Canvas, p *plot.Plot) {
		sty := draw.LineStyle{Color: th.Ink, Width: 0.6}
		cap := vg.Length(2.5)
		for i := range names {
			px, py := cv.X(p.X.Norm(x[i])), cv.Y(p.Y.Norm(y[i]))
			l, r := cv.X(p.X.Norm(xlo[i])), cv.X(p.X.Norm(xhi[i]))
			b, t := cv.Y(p.Y.Norm(ylo[i])), cv.Y(p.Y.Norm(yhi[i]))
			cv.StrokeLines(sty, []vg.Point{{X: l, Y: py}, {X: r, Y: py}})
			cv.StrokeLines(sty, []vg.Point{{X: px, Y: b}, {X: px, Y: t}})
			cv.StrokeLines(sty, []vg.Point{{X: l, Y: py - cap}, {X: l, Y: py + cap}}, []vg.Point{{X: r, Y: py - cap}, {X: r, Y: py + cap}})
			cv.StrokeLines(sty, []vg.Point{{X: px - cap, Y: b}, {X: px + cap, Y: b}}, []vg.Point{{X: px - cap, Y: t}, {X: px + cap, Y: t}})
		}
	}))
	p.Add(&labelledPoints{th: th, x: x, y: y, names: names})
	return p, nil
}
