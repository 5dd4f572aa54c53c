package plots

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// The small plotters below draw straight from the caller's (validated)
// slices. They stand in for gonum/plot's plotter package where that one
// reads package-level defaults or lacks a shape (a band between two
// curves, a mirrored density).

// area fills the region between lo(x) and hi(x).
type area struct {
	x, lo, hi []float64
	color     color.Color
	step      bool // post-step edges instead of straight segments
}

func (a *area) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	n := len(a.x)
	pts := make([]vg.Point, 0, 4*n)
	for i := 0; i < n; i++ {
		if a.step && i > 0 {
			pts = append(pts, vg.Point{X: trX(a.x[i]), Y: trY(a.hi[i-1])})
		}
		pts = append(pts, vg.Point{X: trX(a.x[i]), Y: trY(a.hi[i])})
	}
	for i := n - 1; i >= 0; i-- {
		pts = append(pts, vg.Point{X: trX(a.x[i]), Y: trY(a.lo[i])})
		if a.step && i > 0 {
			pts = append(pts, vg.Point{X: trX(a.x[i]), Y: trY(a.lo[i-1])})
		}
	}
	c.FillPolygon(a.color, pts)
}

func (a *area) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = minMax(a.x)
	lo, _ := minMax(a.lo)
	_, hi := minMax(a.hi)
	return xmin, xmax, lo, hi
}

// polyline strokes y(x).
type polyline struct {
	x, y  []float64
	style draw.LineStyle
	step  bool // post-step
}

func (l *polyline) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	pts := make([]vg.Point, 0, 2*len(l.x))
	for i := range l.x {
		if l.step && i > 0 {
			pts = append(pts, vg.Point{X: trX(l.x[i]), Y: trY(l.y[i-1])})
		}
		pts = append(pts, vg.Point{X: trX(l.x[i]), Y: trY(l.y[i])})
	}
	c.StrokeLines(l.style, c.ClipLinesXY(pts)...)
}

func (l *polyline) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = minMax(l.x)
	ymin, ymax = minMax(l.y)
	return
}

// polygon fills (and optionally strokes) a closed shape in data coordinates.
type polygon struct {
	x, y   []float64
	fill   color.Color
	stroke draw.LineStyle // zero Width: no outline
}

func (g *polygon) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	pts := make([]vg.Point, len(g.x))
	for i := range g.x {
		pts[i] = vg.Point{X: trX(g.x[i]), Y: trY(g.y[i])}
	}
	if g.fill != nil {
		c.FillPolygon(g.fill, pts)
	}
	if g.stroke.Width > 0 && len(pts) > 0 {
		c.StrokeLines(g.stroke, c.ClipLinesXY(append(pts, pts[0]))...)
	}
}

func (g *polygon) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = minMax(g.x)
	ymin, ymax = minMax(g.y)
	return
}

// drawFunc adapts a closure to plot.Plotter.
type drawFunc func(c draw.Canvas, p *plot.Plot)

func (f drawFunc) Plot(c draw.Canvas, p *plot.Plot) { f(c, p) }

func minMax(v []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, x := range v {
		if math.IsNaN(x) {
			continue
		}
		lo = math.Min(lo, x)
		hi = math.Max(hi, x)
	}
	return lo, hi
}

// Dash patterns in points that stay distinct in grey print. Functions, not
// package variables, so no caller can change a shared slice.
func dashLong() []vg.Length  { return []vg.Length{4, 2} }
func dashShort() []vg.Length { return []vg.Length{1.2, 1.5} }
func dashDot() []vg.Length   { return []vg.Length{4, 1.5, 1.2, 1.5} }

// pad widens [lo, hi] by frac of its span on each side (a zero span by
// frac of |lo|, or by 1).
func pad(lo, hi, frac float64) (float64, float64) {
	span := hi - lo
	if span == 0 {
		span = math.Abs(lo)
		if span == 0 {
			span = 1
		}
	}
	return lo - frac*span, hi + frac*span
}

func vgPoint(x, y vg.Length) vg.Point { return vg.Point{X: x, Y: y} }
