package plots

import (
	"cmp"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Charts of a design search. They take plain values (the columns of
// search.csv and front.csv), not engine/search types, so plots stays below
// the engine (internal/archtest).

// FrontPoint is one evaluated design on a Pareto-front chart: its two
// objectives with their intervals.
type FrontPoint struct {
	Label    string  // drawn beside a chosen design; "" draws none
	X, Y     float64 // the two objectives, in the units of the axis labels
	XLo, XHi float64 // the interval of X (XLo <= X <= XHi); equal to X when there is none
	YLo, YHi float64 // the interval of Y
	Chosen   bool    // a chosen design (on the front): drawn in colour with both interval bars
	Feasible bool    // satisfies every constraint at its confidence: a filled point, else a cross
}

// ParetoFront draws the front of a two-objective search: every chosen
// design as a point in colour with its interval bars on both axes, joined
// in order of X by a thin line, and every other candidate evaluated as a
// faint point without bars, so the front stands out against what the
// search tried. A feasible design is a filled point, an infeasible one a
// cross, in colour and in grey print alike. At least one point must be
// chosen.
func ParetoFront(th Theme, title, xLabel, yLabel string, pts []FrontPoint) (*plot.Plot, error) {
	c := &check{chart: "ParetoFront"}
	if len(pts) == 0 {
		c.add("", "points", -1, ErrNoData, "")
	}
	var chosen int
	for i, q := range pts {
		v := []float64{q.X, q.XLo, q.XHi, q.Y, q.YLo, q.YHi}
		if !c.finite(q.Label, "X, XLo, XHi, Y, YLo, YHi", v, true) {
			continue
		}
		if q.XLo > q.X || q.X > q.XHi || q.YLo > q.Y || q.Y > q.YHi {
			c.add(q.Label, "intervals", i, ErrOrder, "want XLo <= X <= XHi and YLo <= Y <= YHi")
		}
		if q.Chosen {
			chosen++
		}
	}
	if len(pts) > 0 && chosen == 0 {
		c.add("", "Chosen", -1, ErrNoData, "no chosen design")
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	th = th.norm()
	p := th.newPlot(title, xLabel, yLabel)
	p.Add(grid{th: th, vert: true, horz: true})

	xmin, xmax, ymin, ymax := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	var front []FrontPoint
	for _, q := range pts {
		xmin, xmax = math.Min(xmin, q.XLo), math.Max(xmax, q.XHi)
		ymin, ymax = math.Min(ymin, q.YLo), math.Max(ymax, q.YHi)
		if q.Chosen {
			front = append(front, q)
		}
	}
	// Sorted by X (ties by Y), the line runs along the front whatever the
	// order of the rows.
	slices.SortStableFunc(front, func(a, b FrontPoint) int {
		if a.X != b.X {
			return cmp.Compare(a.X, b.X)
		}
		return cmp.Compare(a.Y, b.Y)
	})
	p.X.Min, p.X.Max = pad(xmin, xmax, 0.06)
	p.Y.Min, p.Y.Max = pad(ymin, ymax, 0.08)

	col := th.Color(0)
	faint := withAlpha(th.Ink, 0.28)
	p.Add(drawFunc(func(cv draw.Canvas, p *plot.Plot) {
		trX, trY := p.Transforms(&cv)
		for _, q := range pts {
			if q.Chosen {
				continue
			}
			cv.DrawGlyph(frontGlyph(faint, 1.6, q.Feasible), vg.Point{X: trX(q.X), Y: trY(q.Y)})
		}
		line := draw.LineStyle{Color: withAlpha(col, 0.6), Width: th.AxisWidth}
		var path []vg.Point
		for _, q := range front {
			path = append(path, vg.Point{X: trX(q.X), Y: trY(q.Y)})
		}
		if len(path) > 1 {
			cv.StrokeLines(line, path)
		}
		bar := draw.LineStyle{Color: col, Width: th.AxisWidth * 1.5}
		tick := vg.Points(2.5)
		for _, q := range front {
			x, y := trX(q.X), trY(q.Y)
			l, r, b, t := trX(q.XLo), trX(q.XHi), trY(q.YLo), trY(q.YHi)
			cv.StrokeLine2(bar, l, y, r, y)
			cv.StrokeLine2(bar, x, b, x, t)
			cv.StrokeLine2(bar, l, y-tick, l, y+tick)
			cv.StrokeLine2(bar, r, y-tick, r, y+tick)
			cv.StrokeLine2(bar, x-tick, b, x+tick, b)
			cv.StrokeLine2(bar, x-tick, t, x+tick, t)
			cv.DrawGlyph(frontGlyph(th.Background, 3.4, true), vg.Point{X: x, Y: y})
			cv.DrawGlyph(frontGlyph(col, 2.6, q.Feasible), vg.Point{X: x, Y: y})
		}
	}))
	var xs, ys []float64
	var names []string
	for _, q := range front {
		if q.Label != "" {
			xs, ys, names = append(xs, q.X), append(ys, q.Y), append(names, q.Label)
		}
	}
	if len(names) > 0 {
		p.Add(&pointLabels{th: th, x: xs, y: ys, names: names})
	}
	p.Add(&key{th: th, entries: []keyEntry{
		{label: "chosen (95% CI)", thumb: thumbGlyph(frontGlyph(col, 2.6, true))},
		{label: "other candidates", thumb: thumbGlyph(frontGlyph(faint, 1.6, true))},
		{label: "infeasible", thumb: thumbGlyph(frontGlyph(th.Ink, 2.6, false))},
	}})
	return p, nil
}

// frontGlyph is a filled circle for a feasible design, a cross for an
// infeasible one.
func frontGlyph(col color.Color, r vg.Length, feasible bool) draw.GlyphStyle {
	g := draw.GlyphStyle{Color: col, Radius: r, Shape: draw.CircleGlyph{}}
	if !feasible {
		g.Shape = draw.CrossGlyph{}
	}
	return g
}

// thumbGlyph is a legend thumbnail of one glyph.
func thumbGlyph(g draw.GlyphStyle) func(*draw.Canvas) {
	return func(c *draw.Canvas) {
		c.DrawGlyphNoClip(g, vg.Point{X: (c.Min.X + c.Max.X) / 2, Y: (c.Min.Y + c.Max.Y) / 2})
	}
}

// pointLabels places names beside points without drawing the points (the
// caller drew them), by placeLabel's rules.
type pointLabels struct {
	th    Theme
	x, y  []float64
	names []string
}

func (l *pointLabels) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	sty := l.th.textStyle(l.th.AnnotationSize)
	var taken []vg.Rectangle
	for i := range l.x {
		pt := vg.Point{X: trX(l.x[i]), Y: trY(l.y[i])}
		taken = append(taken, vg.Rectangle{Min: pt.Sub(vg.Point{X: 3, Y: 3}), Max: pt.Add(vg.Point{X: 3, Y: 3})})
	}
	for i := range l.x {
		taken = drawName(c, l.th, sty, vg.Point{X: trX(l.x[i]), Y: trY(l.y[i])}, l.names[i], taken)
	}
}

// ParallelAxis is one vertical axis of a parallel-coordinates chart: a
// decision variable scaled to its bounds, or an objective scaled to the
// range the caller gives.
type ParallelAxis struct {
	Name   string  // the axis title, with its unit ("cliff (days)")
	Lo, Hi float64 // the values at the bottom and the top of the axis, Lo < Hi
}

// ParallelLine is one design across the axes.
type ParallelLine struct {
	Label  string    // in the legend
	Values []float64 // one per axis, each in [Lo, Hi] of its axis
}

// ParallelCoordinates draws designs across several axes, one vertical
// axis per variable or objective, each scaled from its Lo (bottom) to its
// Hi (top) and labelled with both ends: a design is a line through its
// values, so designs that choose alike run together and a trade-off shows
// as lines that cross. Lines take the palette's colours in order (after
// the palette runs out they repeat with dashes).
func ParallelCoordinates(th Theme, title string, axes []ParallelAxis, lines []ParallelLine) (*plot.Plot, error) {
	c := &check{chart: "ParallelCoordinates"}
	if len(axes) < 2 {
		c.add("", "axes", -1, ErrNoData, fmt.Sprintf("%d axes, want at least 2", len(axes)))
	}
	if len(lines) == 0 {
		c.add("", "lines", -1, ErrNoData, "")
	}
	for i, a := range axes {
		if c.finite(a.Name, "Lo, Hi", []float64{a.Lo, a.Hi}, true) && !(a.Lo < a.Hi) {
			c.add(a.Name, "Lo, Hi", i, ErrDegenerate, fmt.Sprintf("Lo %g must be below Hi %g", a.Lo, a.Hi))
		}
	}
	for _, l := range lines {
		if !c.sameLen(l.Label, "Values", l.Values, len(axes), "axes") || !c.finite(l.Label, "Values", l.Values, true) {
			continue
		}
		for j, v := range l.Values {
			// A value off its axis would be drawn outside the frame.
			if a := axes[j]; v < a.Lo || v > a.Hi {
				c.add(l.Label, "Values", j, ErrRange, fmt.Sprintf("%g outside %s's [%g, %g]", v, a.Name, a.Lo, a.Hi))
			}
		}
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	th = th.norm()
	p := th.newPlot(title, "", plotsShareLabel)
	ticks := make([]plot.Tick, len(axes))
	for i, a := range axes {
		ticks[i] = plot.Tick{Value: float64(i), Label: a.Name}
	}
	p.X.Tick.Marker = plot.ConstantTicks(ticks)
	p.X.Tick.Length = 0
	p.X.Min, p.X.Max = -0.35, float64(len(axes)-1)+0.35
	p.Y.Min, p.Y.Max = -0.1, 1.1
	p.Y.Tick.Marker = plot.ConstantTicks([]plot.Tick{{Value: 0, Label: "lo"}, {Value: 1, Label: "hi"}})

	norm := func(j int, v float64) float64 { return (v - axes[j].Lo) / (axes[j].Hi - axes[j].Lo) }
	p.Add(drawFunc(func(cv draw.Canvas, p *plot.Plot) {
		trX, trY := p.Transforms(&cv)
		sty := th.textStyle(th.AnnotationSize)
		sty.XAlign = draw.XCenter
		for j, a := range axes {
			x := trX(float64(j))
			cv.StrokeLine2(th.inkLine(), x, trY(0), x, trY(1))
			top, bottom := sty, sty
			top.YAlign, bottom.YAlign = draw.YBottom, draw.YTop
			cv.FillText(top, vg.Point{X: x, Y: trY(1) + 2}, FormatValue(a.Hi))
			cv.FillText(bottom, vg.Point{X: x, Y: trY(0) - 2}, FormatValue(a.Lo))
		}
		for i, l := range lines {
			st := parallelStyle(th, i)
			pts := make([]vg.Point, len(axes))
			for j, v := range l.Values {
				pts[j] = vg.Point{X: trX(float64(j)), Y: trY(norm(j, v))}
			}
			cv.StrokeLines(st, pts)
			g := draw.GlyphStyle{Color: st.Color, Radius: 2, Shape: draw.CircleGlyph{}}
			for _, pt := range pts {
				cv.DrawGlyphNoClip(g, pt)
			}
		}
	}))
	entries := make([]keyEntry, len(lines))
	for i, l := range lines {
		entries[i] = keyEntry{label: l.Label, thumb: thumbLine(parallelStyle(th, i))}
	}
	p.Add(&key{th: th, entries: entries})
	return p, nil
}

// plotsShareLabel is the y axis of a parallel-coordinates chart: each
// axis's own range, bottom to top.
const plotsShareLabel = "position within each axis's range"

// parallelStyle is line i's style: the palette's colours, dashed once
// they repeat, so two lines never look the same.
func parallelStyle(th Theme, i int) draw.LineStyle {
	st := draw.LineStyle{Color: th.Color(i), Width: th.LineWidth}
	if n := len(th.Palette); n > 0 && i >= n {
		st.Dashes = dashLong()
	}
	return st
}

// Convergence draws a search's progress: the best objective (or any value
// that should settle, such as the front's hypervolume) after each
// generation, as a line with markers and an optional interval band, with
// the model runs the search had used by then on a second axis along the
// top, so the reader sees what each improvement cost. Generation g is
// value[g]; runs[g] is the cumulative run count, non-decreasing. lo and
// hi are nil (no band) or bound value. line names the line in the legend
// ("best objective so far", "hypervolume").
func Convergence(th Theme, title, yLabel, line string, runs []int, value, lo, hi []float64) (*plot.Plot, error) {
	c := &check{chart: "Convergence"}
	c.finite("", "value", value, true)
	rf := make([]float64, len(runs))
	for i, r := range runs {
		rf[i] = float64(r)
	}
	if c.sameLen("", "runs", rf, len(value), "value") {
		c.nonNegative("", "runs", rf)
		for i := 1; i < len(rf); i++ {
			if rf[i] < rf[i-1] {
				c.add("", "runs", i, ErrOrder, "must not decrease")
				break
			}
		}
	}
	band := lo != nil || hi != nil
	if band {
		okLo := c.sameLen("", "lo", lo, len(value), "value") && c.finite("", "lo", lo, len(value) > 0)
		okHi := c.sameLen("", "hi", hi, len(value), "value") && c.finite("", "hi", hi, len(value) > 0)
		if okLo && okHi {
			c.ordered("", "lo", "hi", lo, hi)
		}
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	th = th.norm()
	p := th.newPlot(title, "generation", yLabel)
	p.Add(grid{th: th, vert: true, horz: true})
	gens := make([]float64, len(value))
	for i := range gens {
		gens[i] = float64(i)
	}
	col := th.Color(0)
	ylo, yhi := minMax(value)
	if band {
		p.Add(&area{x: gens, lo: lo, hi: hi, color: withAlpha(col, th.InnerAlpha*0.8)})
		ylo, _ = minMax(lo)
		_, yhi = minMax(hi)
	}
	p.Add(&polyline{x: gens, y: value, style: draw.LineStyle{Color: col, Width: th.LineWidth}})
	p.X.Min, p.X.Max = pad(0, math.Max(float64(len(value)-1), 1), 0.03)
	p.Y.Min, p.Y.Max = pad(ylo, yhi, 0.06)
	// The runs axis along the top: at the generations the bottom axis
	// ticks, the runs used by then.
	// Added before the key, which lifts itself above this axis's strip.
	ax := &runsAxis{th: th, runs: runs}
	p.Add(ax)
	p.Add(drawFunc(func(cv draw.Canvas, p *plot.Plot) {
		trX, trY := p.Transforms(&cv)
		g := draw.GlyphStyle{Color: col, Radius: 1.8, Shape: draw.CircleGlyph{}}
		if len(value) <= 60 {
			for i := range value {
				cv.DrawGlyphNoClip(g, vg.Point{X: trX(gens[i]), Y: trY(value[i])})
			}
		}
	}))
	entries := []keyEntry{{label: line, thumb: thumbLine(draw.LineStyle{Color: col, Width: th.LineWidth})}}
	if band {
		entries = append(entries, keyEntry{label: "95% CI", thumb: thumbFill(withAlpha(col, th.InnerAlpha*0.8))})
	}
	p.Add(&key{th: th, entries: entries, lift: ax.height()})
	return p, nil
}

// runsAxis is a second x axis along the top of the data area: tick marks
// at the generations the bottom axis ticks, labelled with the runs used by
// then, and a title. It reserves its strip above the data area (and
// below a legend, which stacks above it) through a glyph box.
type runsAxis struct {
	th   Theme
	runs []int
}

func (a *runsAxis) height() vg.Length { return a.th.TickSize*2.6 + a.th.LabelSize*1.2 }

func (a *runsAxis) GlyphBoxes(*plot.Plot) []plot.GlyphBox {
	return []plot.GlyphBox{{X: 0, Y: 1, Rectangle: vg.Rectangle{Max: vg.Point{Y: a.height()}}}}
}

func (a *runsAxis) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	top := c.Max.Y
	c.StrokeLine2(a.th.inkLine(), c.Min.X, top, c.Max.X, top)
	sty := a.th.textStyle(a.th.TickSize)
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YBottom
	for _, t := range p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max) {
		g := int(math.Round(t.Value))
		if t.Label == "" || float64(g) != t.Value || g < 0 || g >= len(a.runs) {
			continue
		}
		x := trX(t.Value)
		c.StrokeLine2(a.th.inkLine(), x, top, x, top+3)
		c.FillText(sty, vg.Point{X: x, Y: top + 4}, runsLabel(a.runs[g]))
	}
	lab := a.th.textStyle(a.th.LabelSize)
	lab.XAlign, lab.YAlign = draw.XCenter, draw.YBottom
	c.FillText(lab, vg.Point{X: (c.Min.X + c.Max.X) / 2, Y: top + a.th.TickSize*1.6 + 4}, "model runs used")
}

// runsLabel writes a run count in full below 10,000 ("480", not "480.0")
// and with FormatValue's suffixes above.
func runsLabel(n int) string {
	if n < 10000 {
		return strconv.Itoa(n)
	}
	return FormatValue(float64(n))
}
