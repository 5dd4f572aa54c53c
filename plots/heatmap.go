package plots

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// HeatMap draws a 2-D parameter sweep: z[i][j] is the result at
// (xs[j], ys[i]), so z has one row per y value and one column per x value,
// as a matrix is printed (the first row at the bottom of the chart).
//
// Cells are equal in size whatever the spacing of xs and ys (a sweep
// grid is often logarithmic), and the axes are labelled with the swept
// values. Colours follow the theme's sequential map (viridis) from the
// smallest to the largest z; a colour bar at the right gives the scale
// under zLabel. Each cell prints its value when it is large enough to
// hold it, in black or white, whichever contrasts more with the cell.
// NaN cells (runs that failed, points not swept) are left blank with a
// thin outline; ±Inf is an error.
func HeatMap(th Theme, title, xLabel, yLabel, zLabel string, xs, ys []float64, z [][]float64) (*plot.Plot, error) {
	c := &check{chart: "HeatMap"}
	okx := c.finite("", "xs", xs, true)
	oky := c.finite("", "ys", ys, true)
	if len(z) != len(ys) {
		c.add("", "z", -1, ErrLength, fmt.Sprintf("%d rows, ys has %d", len(z), len(ys)))
	}
	zmin, zmax := math.Inf(1), math.Inf(-1)
	for i, row := range z {
		if len(row) != len(xs) {
			c.add("", fmt.Sprintf("z[%d]", i), -1, ErrLength, fmt.Sprintf("%d columns, xs has %d", len(row), len(xs)))
			continue
		}
		for j, v := range row {
			if math.IsInf(v, 0) {
				c.add("", fmt.Sprintf("z[%d]", i), j, ErrInf, "")
			}
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				zmin, zmax = math.Min(zmin, v), math.Max(zmax, v)
			}
		}
	}
	if okx && oky && len(z) > 0 && math.IsInf(zmin, 1) && len(c.errs) == 0 {
		c.add("", "z", -1, ErrNoData, "every cell is NaN")
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	th = th.norm()
	p := th.newPlot(title, xLabel, yLabel)
	p.X.Tick.Marker = valueTicks(xs)
	p.Y.Tick.Marker = valueTicks(ys)
	p.X.Tick.Length, p.Y.Tick.Length = 0, 0
	// The cells frame the data; axis lines beside them read as a double edge.
	p.X.Width, p.Y.Width = 0, 0
	p.X.Min, p.X.Max = -0.5, float64(len(xs))-0.5
	p.Y.Min, p.Y.Max = -0.5, float64(len(ys))-0.5

	h := &heat{th: th, z: z, zmin: zmin, zmax: zmax, nx: len(xs), ny: len(ys)}
	p.Add(h)
	p.Add(&colorBar{th: th, label: zLabel, zmin: zmin, zmax: zmax})
	return p, nil
}

// valueTicks labels index positions with the swept values, thinning to
// at most 8 labels so they stay apart.
func valueTicks(vals []float64) plot.ConstantTicks {
	every := (len(vals) + 7) / 8
	ticks := make([]plot.Tick, 0, len(vals))
	for i, v := range vals {
		t := plot.Tick{Value: float64(i)}
		if i%every == 0 {
			// Swept values are set by hand (0.001, 90): no padding zeros.
			t.Label = trimZeros(FormatValue(v))
		}
		ticks = append(ticks, t)
	}
	return ticks
}

// heat draws the cells of a heat map in index space.
type heat struct {
	th         Theme
	z          [][]float64
	zmin, zmax float64
	nx, ny     int
}

// frac maps z to [0, 1] across the data range (0.5 for constant data).
func (h *heat) frac(v float64) float64 {
	if h.zmax == h.zmin {
		return 0.5
	}
	return (v - h.zmin) / (h.zmax - h.zmin)
}

func (h *heat) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	sty := h.th.textStyle(h.th.AnnotationSize)
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YCenter
	cellW := trX(0.5) - trX(-0.5)
	cellH := trY(0.5) - trY(-0.5)
	// Print values only when the widest label fits its cell with room.
	labels := make([][]string, len(h.z))
	fits := sty.Font.Size*1.3 <= cellH
	for i, row := range h.z {
		labels[i] = make([]string, len(row))
		for j, v := range row {
			if math.IsNaN(v) {
				continue
			}
			labels[i][j] = FormatValue(v)
			if sty.Width(labels[i][j])+4 > cellW {
				fits = false
			}
		}
	}
	nanEdge := draw.LineStyle{Color: color.Gray{Y: 0xB0}, Width: 0.4, Dashes: []vg.Length{1.5, 1.5}}
	for i, row := range h.z {
		for j, v := range row {
			r := vg.Rectangle{
				Min: vg.Point{X: trX(float64(j) - 0.5), Y: trY(float64(i) - 0.5)},
				Max: vg.Point{X: trX(float64(j) + 0.5), Y: trY(float64(i) + 0.5)},
			}
			if math.IsNaN(v) {
				in := vg.Rectangle{Min: r.Min.Add(vg.Point{X: 1, Y: 1}), Max: r.Max.Sub(vg.Point{X: 1, Y: 1})}
				pts := rectPts(in)
				c.StrokeLines(nanEdge, append(pts, pts[0]))
				continue
			}
			col := h.th.Sequential(h.frac(v))
			// Grow each cell by 0.3 pt up and right: anti-aliased edges of
			// abutting cells otherwise leave light seams in raster output.
			grown := r
			if j < h.nx-1 {
				grown.Max.X += 0.3
			}
			if i < h.ny-1 {
				grown.Max.Y += 0.3
			}
			c.FillPolygon(col, rectPts(grown))
			if fits {
				ts := sty
				ts.Color = contrastInk(col)
				c.FillText(ts, vg.Point{X: (r.Min.X + r.Max.X) / 2, Y: (r.Min.Y + r.Max.Y) / 2}, labels[i][j])
			}
		}
	}
}

// contrastInk returns black or white, whichever has the higher WCAG
// contrast ratio against bg.
func contrastInk(bg color.Color) color.Color {
	l := luminance(bg)
	if (l+0.05)/0.05 >= 1.05/(l+0.05) {
		return color.Black
	}
	return color.White
}

// colorBar draws the z scale to the right of the data area. It reserves
// its room through a glyph box, which shrinks the data area.
type colorBar struct {
	th         Theme
	label      string
	zmin, zmax float64
}

const (
	barGap   = vg.Length(8) // data area to bar
	barWidth = vg.Length(9) // bar
	barTick  = vg.Length(2) // tick mark length
	barPad   = vg.Length(2) // tick label to z label
	barSteps = 64           // colour steps in the bar
)

func (b *colorBar) styles() (tick, lab text.Style) {
	tick = b.th.textStyle(b.th.TickSize)
	tick.XAlign, tick.YAlign = draw.XLeft, draw.YCenter
	lab = b.th.textStyle(b.th.LabelSize)
	lab.XAlign, lab.YAlign = draw.XCenter, draw.YTop
	lab.Rotation = math.Pi / 2 // reads bottom to top, like the y label; its top faces the bar
	return
}

func (b *colorBar) ticks() []plot.Tick {
	if b.zmax == b.zmin {
		return []plot.Tick{{Value: b.zmin, Label: FormatValue(b.zmin)}}
	}
	return numTicks{}.Ticks(b.zmin, b.zmax)
}

func (b *colorBar) width() vg.Length {
	tick, lab := b.styles()
	var tw vg.Length
	for _, t := range b.ticks() {
		tw = max(tw, tick.Width(t.Label))
	}
	w := barGap + barWidth + barTick + 1 + tw
	if b.label != "" {
		w += barPad + lab.FontExtents().Height
	}
	return w
}

func (b *colorBar) GlyphBoxes(*plot.Plot) []plot.GlyphBox {
	return []plot.GlyphBox{{X: 1, Y: 0.5, Rectangle: vg.Rectangle{Max: vg.Point{X: b.width()}}}}
}

func (b *colorBar) Plot(c draw.Canvas, _ *plot.Plot) {
	tick, lab := b.styles()
	x0 := c.Max.X + barGap
	y0, y1 := c.Min.Y, c.Max.Y
	for k := range barSteps {
		f0, f1 := float64(k)/barSteps, float64(k+1)/barSteps
		r := vg.Rectangle{
			Min: vg.Point{X: x0, Y: y0 + (y1-y0)*vg.Length(f0)},
			Max: vg.Point{X: x0 + barWidth, Y: y0 + (y1-y0)*vg.Length(f1) + 0.3}, // overlap hides seams
		}
		if k == barSteps-1 {
			r.Max.Y = y0 + (y1 - y0)
		}
		c.FillPolygon(b.th.Sequential((f0+f1)/2), rectPts(r))
	}
	edge := b.th.inkLine()
	edge.Width = 0.4
	c.StrokeLines(edge, append(rectPts(vg.Rectangle{Min: vg.Point{X: x0, Y: y0}, Max: vg.Point{X: x0 + barWidth, Y: y1}}), vg.Point{X: x0, Y: y0}))
	var tw vg.Length
	for _, t := range b.ticks() {
		f := 0.5
		if b.zmax > b.zmin {
			f = (t.Value - b.zmin) / (b.zmax - b.zmin)
		}
		y := y0 + (y1-y0)*vg.Length(f)
		c.StrokeLine2(edge, x0+barWidth, y, x0+barWidth+barTick, y)
		c.FillText(tick, vg.Point{X: x0 + barWidth + barTick + 1, Y: y}, t.Label)
		tw = max(tw, tick.Width(t.Label))
	}
	if b.label != "" {
		x := x0 + barWidth + barTick + 1 + tw + barPad
		c.FillText(lab, vg.Point{X: x, Y: (y0 + y1) / 2}, b.label)
	}
}
