package plots

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// MorrisScatter draws the Morris screening plane: one point per parameter
// at (µ*, σ), the mean of the absolute elementary effects and their
// standard deviation (Campolongo, Cariboni & Saltelli 2007), each named
// next to its point. Parameters far right matter; high on the chart they
// act non-linearly or through interactions. The dotted line σ = µ* is
// drawn for reference: points above it are dominated by non-linear or
// interaction effects (Garcia Sanchez et al. 2014 draw the same ratio
// lines).
//
// µ* and σ are in the unit of the model output (the elementary effects
// are taken over inputs scaled to [0, 1]); unit names it, for example
// "USD" or [Dimensionless].
func MorrisScatter(th Theme, title, unit string, names []string, muStar, sigma []float64) (*plot.Plot, error) {
	c := &check{chart: "MorrisScatter"}
	if len(names) == 0 {
		c.add("", "names", -1, ErrNoData, "")
	}
	if c.sameLen("", "muStar", muStar, len(names), "names") && c.finite("", "muStar", muStar, len(names) > 0) {
		c.nonNegative("", "muStar", muStar)
	}
	if c.sameLen("", "sigma", sigma, len(names), "names") && c.finite("", "sigma", sigma, len(names) > 0) {
		c.nonNegative("", "sigma", sigma)
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	th = th.norm()
	p := th.newPlot(title,
		// Greek σ is not in the cp1252 the PDF fonts use (see Render), so
		// the y label spells it out; µ* uses the micro sign, which is.
		WithUnit("mean |elementary effect|, µ*", unit),
		WithUnit("sd of elementary effects", unit))
	p.Add(grid{th: th, vert: true, horz: true})

	_, xmax := minMax(muStar)
	_, ymax := minMax(sigma)
	if xmax == 0 {
		xmax = 1
	}
	if ymax == 0 {
		ymax = 1
	}
	// Room on the right and top for the names of the outermost points.
	p.X.Min, p.X.Max = 0, xmax*1.12
	p.Y.Min, p.Y.Max = 0, ymax*1.12
	// Points on µ* = 0 or sd = 0 would sit on an axis line, their names on
	// the other axis: offset the axes a little from the data.
	p.X.Padding, p.Y.Padding = 5, 5
	p.Add(drawFunc(func(c draw.Canvas, p *plot.Plot) {
		// σ = µ* from the origin to where it leaves the data area.
		m := math.Min(p.X.Max, p.Y.Max)
		sty := draw.LineStyle{Color: th.Ink, Width: 0.5, Dashes: dashShort()}
		c.StrokeLines(sty, c.ClipLinesXY([]vg.Point{{X: c.X(p.X.Norm(0)), Y: c.Y(p.Y.Norm(0))}, {X: c.X(p.X.Norm(m)), Y: c.Y(p.Y.Norm(m))}})...)
	}))
	p.Add(&labelledPoints{th: th, x: muStar, y: sigma, names: names})
	p.Add(&key{th: th, entries: []keyEntry{{label: "sd = µ*", thumb: thumbLine(draw.LineStyle{Color: th.Ink, Width: 0.5, Dashes: dashShort()})}}})
	return p, nil
}

// labelledPoints draws points and places each name at the first of eight
// positions around its point that overlaps no point, no earlier name and
// stays inside the plot. Names are placed in order of decreasing x, the
// most important parameters first, so they get the best spots. If no
// position is free the name goes to the right anyway: a crowded cluster
// is then visible as such rather than silently unlabelled.
type labelledPoints struct {
	th    Theme
	x, y  []float64
	names []string
}

func (l *labelledPoints) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	glyph := draw.GlyphStyle{Color: l.th.Color(0), Radius: 2.4, Shape: draw.CircleGlyph{}}
	ring := draw.GlyphStyle{Color: l.th.Background, Radius: 2.9, Shape: draw.CircleGlyph{}}
	pts := make([]vg.Point, len(l.x))
	var taken []vg.Rectangle
	for i := range l.x {
		pts[i] = vg.Point{X: trX(l.x[i]), Y: trY(l.y[i])}
		r := glyph.Radius + 0.5
		taken = append(taken, vg.Rectangle{Min: pts[i].Sub(vg.Point{X: r, Y: r}), Max: pts[i].Add(vg.Point{X: r, Y: r})})
	}
	for i := range pts {
		c.DrawGlyphNoClip(ring, pts[i])
		c.DrawGlyphNoClip(glyph, pts[i])
	}

	sty := l.th.textStyle(l.th.AnnotationSize)
	order := make([]int, len(pts))
	for i := range order {
		order[i] = i
	}
	// Decreasing µ*, ties by index: deterministic.
	for a := 1; a < len(order); a++ {
		for b := a; b > 0 && l.x[order[b]] > l.x[order[b-1]]; b-- {
			order[b], order[b-1] = order[b-1], order[b]
		}
	}
	for _, i := range order {
		taken = drawName(c, l.th, sty, pts[i], l.names[i], taken)
	}
}

// drawName places txt beside pt by placeLabel's rules, clear of the
// rectangles taken, draws it on a light backing that keeps it readable
// over grid and reference lines, and returns taken with its rectangle.
func drawName(c draw.Canvas, th Theme, sty text.Style, pt vg.Point, txt string, taken []vg.Rectangle) []vg.Rectangle {
	r, ts := placeLabel(c, sty, pt, txt, taken)
	back := vg.Rectangle{Min: r.Min.Sub(vg.Point{X: 0.8, Y: -0.8}), Max: r.Max.Add(vg.Point{X: 0.8, Y: -0.8})}
	c.FillPolygon(withAlpha(th.Background, 0.8), rectPts(back))
	c.FillText(ts, r.Min, txt)
	return append(taken, r)
}

// placeLabel returns the rectangle for txt near pt and the style to draw it
// with (anchored at the rectangle's lower-left corner).
func placeLabel(c draw.Canvas, sty text.Style, pt vg.Point, txt string, taken []vg.Rectangle) (vg.Rectangle, text.Style) {
	w := sty.Width(txt)
	ext := sty.FontExtents()
	h := ext.Ascent + ext.Descent
	const off = 4
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
	// Beside a point, centre the lower-case letters on it rather than the
	// full ascent-to-descent box, which reads as sitting low.
	mid := pt.Y - h/2 + 0.18*sty.Font.Size
	cands := []vg.Point{
		{X: pt.X + off, Y: mid},                // right
		{X: pt.X - off - w, Y: mid},            // left
		{X: pt.X - w/2, Y: pt.Y + off},         // above
		{X: pt.X - w/2, Y: pt.Y - off - h},     // below
		{X: pt.X + off*0.7, Y: pt.Y + off*0.7}, // upper right
		{X: pt.X + off*0.7, Y: pt.Y - off*0.7 - h},
		{X: pt.X - off*0.7 - w, Y: pt.Y + off*0.7},
		{X: pt.X - off*0.7 - w, Y: pt.Y - off*0.7 - h},
	}
	for _, m := range cands {
		r := vg.Rectangle{Min: m, Max: m.Add(vg.Point{X: w, Y: h})}
		if r.Min.X < c.Min.X || r.Max.X > c.Max.X+8 || r.Min.Y < c.Min.Y || r.Max.Y > c.Max.Y {
			continue
		}
		free := true
		for _, t := range taken {
			if overlaps(r, t) {
				free = false
				break
			}
		}
		if free {
			return r, sty
		}
	}
	m := cands[0]
	return vg.Rectangle{Min: m, Max: m.Add(vg.Point{X: w, Y: h})}, sty
}

func overlaps(a, b vg.Rectangle) bool {
	return a.Min.X < b.Max.X && b.Min.X < a.Max.X && a.Min.Y < b.Max.Y && b.Min.Y < a.Max.Y
}
