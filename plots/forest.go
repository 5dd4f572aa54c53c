package plots

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Difference is one row of a forest chart: an estimated difference
// against a reference with its interval.
type Difference struct {
	Label  string  // the design compared with the reference
	Est    float64 // the difference
	Lo, Hi float64 // its interval (Lo <= Est <= Hi)
	Paired bool    // the interval is paired (common random numbers); else unpaired
}

// Forest draws a forest chart of differences against a reference: a row
// per difference, top to bottom in the caller's order, each a point at
// its estimate with a horizontal bar over its interval, and a vertical
// line at 0 (no difference). A difference whose interval excludes 0 is
// drawn in the palette's first colour, one whose interval holds 0 in the
// muted ink, so resolved differences stand out in colour and in grey
// print (a filled point against a hollow one). Unpaired intervals are
// dashed. Values are in the unit of xLabel.
func Forest(th Theme, title, xLabel string, rows []Difference) (*plot.Plot, error) {
	c := &check{chart: "Forest"}
	if len(rows) == 0 {
		c.add("", "rows", -1, ErrNoData, "")
	}
	est, lo, hi := make([]float64, len(rows)), make([]float64, len(rows)), make([]float64, len(rows))
	for i, r := range rows {
		est[i], lo[i], hi[i] = r.Est, r.Lo, r.Hi
	}
	c.finite("", "Est", est, len(rows) > 0)
	c.finite("", "Lo", lo, len(rows) > 0)
	c.finite("", "Hi", hi, len(rows) > 0)
	for i, r := range rows {
		if r.Lo > r.Est || r.Est > r.Hi {
			c.add(r.Label, "Lo, Est, Hi", i, ErrOrder, "want Lo <= Est <= Hi")
		}
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	th = th.norm()

	// Row 0 is at the bottom: reverse so the first difference is on top.
	names := make([]string, len(rows))
	for i, r := range rows {
		names[len(rows)-1-i] = r.Label
	}
	p := th.newPlot(title, xLabel, "")
	p.Add(grid{th: th, vert: true})
	categoryY(p, names)

	resolved := th.Color(0)
	muted := withAlpha(th.Ink, 0.55)
	xmin, xmax := 0.0, 0.0
	for i, r := range rows {
		y := float64(len(rows) - 1 - i)
		col := muted
		if r.Lo > 0 || r.Hi < 0 {
			col = resolved
		}
		line := draw.LineStyle{Color: col, Width: 2 * th.AxisWidth}
		if !r.Paired {
			line.Dashes = []vg.Length{vg.Points(4), vg.Points(2)}
		}
		filled := col == resolved
		p.Add(drawFunc(func(c draw.Canvas, p *plot.Plot) {
			trX, trY := p.Transforms(&c)
			yy := trY(y)
			c.StrokeLine2(line, trX(r.Lo), yy, trX(r.Hi), yy)
			tick := vg.Points(4)
			c.StrokeLine2(line, trX(r.Lo), yy-tick, trX(r.Lo), yy+tick)
			c.StrokeLine2(line, trX(r.Hi), yy-tick, trX(r.Hi), yy+tick)
			dot := draw.GlyphStyle{Color: col, Radius: vg.Points(4), Shape: draw.CircleGlyph{}}
			if !filled {
				dot.Shape = draw.RingGlyph{}
			}
			c.DrawGlyph(dot, vg.Point{X: trX(r.Est), Y: yy})
		}))
		xmin, xmax = math.Min(xmin, r.Lo), math.Max(xmax, r.Hi)
	}
	p.Add(drawFunc(func(c draw.Canvas, p *plot.Plot) {
		x := c.X(p.X.Norm(0))
		c.StrokeLine2(th.inkLine(), x, c.Min.Y, x, c.Max.Y)
	}))
	if xmin == xmax {
		xmin, xmax = -1, 1
	}
	p.X.Min, p.X.Max = pad(xmin, xmax, 0.06)
	p.Y.Min, p.Y.Max = -0.5, float64(len(rows))-0.5

	dash := draw.LineStyle{Color: muted, Width: 2 * th.AxisWidth, Dashes: []vg.Length{vg.Points(4), vg.Points(2)}}
	p.Add(&key{th: th, entries: []keyEntry{
		{label: "interval excludes 0", thumb: thumbLine(draw.LineStyle{Color: resolved, Width: 2 * th.AxisWidth})},
		{label: "holds 0: not resolved", thumb: thumbLine(draw.LineStyle{Color: muted, Width: 2 * th.AxisWidth})},
		{label: "unpaired interval", thumb: thumbLine(dash)},
	}})
	return p, nil
}
