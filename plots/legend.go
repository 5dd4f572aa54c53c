package plots

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// keyEntry is one legend entry: a thumbnail drawn into a small box and a text.
type keyEntry struct {
	label  string
	thumb  func(c *draw.Canvas)
	newRow bool // start a new row with this entry
}

// key is a legend laid out in rows above the data area, between the title
// and the plot. gonum/plot's own legend sits inside the data area, where it
// covers fan bands and curves; this one reserves its own strip through a
// glyph box, so it can never hide data.
//
// Rows wrap at the theme's chart width (less room for the y axis), so the
// layout does not depend on the size a chart is saved at.
type key struct {
	th      Theme
	entries []keyEntry
	lift    vg.Length // a strip kept free between the data area and the legend (a second x axis)
}

const (
	keyThumbW = vg.Length(16) // thumbnail width, points
	keyGap    = vg.Length(3)  // thumbnail to text
	keySep    = vg.Length(10) // between entries
)

// rows assigns entries to rows that fit the theme's width.
func (k *key) rows() [][]int {
	budget := k.th.Width - 0.8*vg.Inch
	sty := k.th.textStyle(k.th.LegendSize)
	var rows [][]int
	var w vg.Length
	for i, e := range k.entries {
		ew := keyThumbW + keyGap + sty.Width(e.label)
		if len(rows) == 0 || e.newRow || (w+keySep+ew > budget && len(rows[len(rows)-1]) > 0) {
			rows = append(rows, nil)
			w = -keySep
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], i)
		w += keySep + ew
	}
	return rows
}

func (k *key) rowHeight() vg.Length { return k.th.LegendSize * 1.35 }

// height is the strip the legend needs above the data area, gap included.
func (k *key) height() vg.Length {
	if len(k.entries) == 0 {
		return 0
	}
	return vg.Length(len(k.rows()))*k.rowHeight() + k.th.LegendSize*0.6
}

// GlyphBoxes reserves the strip above the data area. The box has no width,
// so it does not change the horizontal layout.
func (k *key) GlyphBoxes(*plot.Plot) []plot.GlyphBox {
	if len(k.entries) == 0 {
		return nil
	}
	return []plot.GlyphBox{{
		X: 0, Y: 1,
		Rectangle: vg.Rectangle{Min: vg.Point{Y: 0}, Max: vg.Point{Y: k.lift + k.height()}},
	}}
}

func (k *key) Plot(c draw.Canvas, _ *plot.Plot) {
	if len(k.entries) == 0 {
		return
	}
	sty := k.th.textStyle(k.th.LegendSize)
	sty.YAlign = draw.YCenter
	rh := k.rowHeight()
	top := c.Max.Y + k.lift + k.height()
	for r, row := range k.rows() {
		yc := top - rh*(vg.Length(r)+0.5)
		x := c.Min.X
		for _, i := range row {
			e := k.entries[i]
			tc := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
				Min: vg.Point{X: x, Y: yc - k.th.LegendSize*0.42},
				Max: vg.Point{X: x + keyThumbW, Y: yc + k.th.LegendSize*0.42},
			}}
			e.thumb(&tc)
			x += keyThumbW + keyGap
			c.FillText(sty, vg.Point{X: x, Y: yc}, e.label)
			x += sty.Width(e.label) + keySep
		}
	}
}

// Thumbnails.

func thumbLine(sty draw.LineStyle) func(*draw.Canvas) {
	return func(c *draw.Canvas) {
		y := c.Center().Y
		c.StrokeLine2(sty, c.Min.X, y, c.Max.X, y)
	}
}

func thumbFill(col color.Color) func(*draw.Canvas) {
	return func(c *draw.Canvas) {
		c.FillPolygon(col, rectPts(c.Rectangle))
	}
}

// thumbFan draws an outer band, an inner band and a centre line.
func thumbFan(outer, inner color.Color, line draw.LineStyle) func(*draw.Canvas) {
	return func(c *draw.Canvas) {
		r := c.Rectangle
		c.FillPolygon(outer, rectPts(r))
		h := r.Size().Y
		in := vg.Rectangle{Min: vg.Point{X: r.Min.X, Y: r.Min.Y + h*0.25}, Max: vg.Point{X: r.Max.X, Y: r.Max.Y - h*0.25}}
		c.FillPolygon(inner, rectPts(in))
		y := c.Center().Y
		c.StrokeLine2(line, r.Min.X, y, r.Max.X, y)
	}
}

func thumbs(fs ...func(*draw.Canvas)) func(*draw.Canvas) {
	return func(c *draw.Canvas) {
		for _, f := range fs {
			f(c)
		}
	}
}

func rectPts(r vg.Rectangle) []vg.Point {
	return []vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}}
}
