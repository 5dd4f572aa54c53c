package plots

import (
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// categoryX labels the x axis with names at 0, 1, 2, ... and spans
// [-0.5, n-0.5]. A name too wide for its slot at the theme's width is
// broken into up to three lines at spaces, underscores, hyphens or
// slashes; if that is not enough, every name is set at 30° instead, so
// neighbours never overlap.
func categoryX(th Theme, p *plot.Plot, names []string) {
	p.X.Min, p.X.Max = -0.5, float64(len(names))-0.5
	sty := p.X.Tick.Label
	slot := 0.92 * (th.Width - 0.6*vg.Inch) / vg.Length(len(names)) // less the y axis
	labels := make([]string, len(names))
	fits := true
	for i, s := range names {
		lines, ok := wrapName(sty, s, slot, 3)
		labels[i] = strings.Join(lines, "\n")
		fits = fits && ok
	}
	ticks := make([]plot.Tick, len(names))
	for i := range names {
		ticks[i] = plot.Tick{Value: float64(i), Label: labels[i]}
	}
	p.X.Tick.Marker = plot.ConstantTicks(ticks)
	if fits {
		return
	}
	// gonum/plot places rotated tick labels loosely (too low, and the
	// first may leave the canvas), so draw them here instead and keep the
	// axis for the tick marks only.
	for i := range ticks {
		ticks[i].Label = " "
	}
	p.X.Tick.Label.Font.Size = 0.1
	p.Add(&slantedLabels{sty: sty, names: names})
}

// wrapName breaks s into lines no wider than w, at most max of them,
// breaking after '_', '-' or '/' or at a space. ok is false when that is
// impossible; lines then holds s unbroken.
func wrapName(sty text.Style, s string, w vg.Length, max int) (lines []string, ok bool) {
	if sty.Width(s) <= w {
		return []string{s}, true
	}
	// Split into pieces that each end at a break opportunity.
	var pieces []string
	start := 0
	for i, r := range s {
		switch r {
		case ' ':
			pieces = append(pieces, s[start:i])
			start = i + 1
		case '_', '-', '/':
			pieces = append(pieces, s[start:i+1])
			start = i + 1
		}
	}
	pieces = append(pieces, s[start:])
	var cur string
	for _, pc := range pieces {
		if pc == "" {
			continue
		}
		next := pc
		if cur != "" {
			sep := " "
			if strings.HasSuffix(cur, "_") || strings.HasSuffix(cur, "-") || strings.HasSuffix(cur, "/") {
				sep = ""
			}
			next = cur + sep + pc
		}
		if cur != "" && sty.Width(next) > w {
			lines = append(lines, cur)
			cur = pc
			continue
		}
		cur = next
	}
	lines = append(lines, cur)
	for _, l := range lines {
		if sty.Width(l) > w {
			return []string{s}, false
		}
	}
	if len(lines) > max {
		return []string{s}, false
	}
	return lines, true
}

// slantedLabels draws category names at 30° below the data area, each
// ending under its tick, and reserves room for them through glyph boxes.
type slantedLabels struct {
	sty   text.Style
	names []string
}

const slantGap = vg.Length(4) // data area (or axis) to the top of a name

func (l *slantedLabels) style() text.Style {
	s := l.sty
	s.Rotation = math.Pi / 6
	s.XAlign, s.YAlign = draw.XRight, draw.YCenter
	return s
}

// box is the name's extent relative to the tick position on the data
// area's lower edge.
func (l *slantedLabels) box(i int) vg.Rectangle {
	s := l.style()
	r := s.Rectangle(l.names[i])
	// Put the rectangle's top slantGap below the edge.
	return r.Add(vg.Point{Y: -slantGap - r.Max.Y})
}

// GlyphBoxes reserves room below the data area. A name may reach left
// under the y axis (below its tick labels there is only blank space), so
// the left extent is shortened by the y axis width: otherwise the first
// long name would squeeze the whole data area to the right.
func (l *slantedLabels) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	under := yAxisWidth(p)
	bs := make([]plot.GlyphBox, len(l.names))
	for i := range l.names {
		r := l.box(i)
		r.Min.X = min(0, r.Min.X+under)
		bs[i] = plot.GlyphBox{X: p.X.Norm(float64(i)), Y: 0, Rectangle: r}
	}
	return bs
}

// yAxisWidth estimates the width gonum/plot gives the y axis: tick labels,
// tick marks and the rotated label (plot/axis.go, verticalAxis.size).
func yAxisWidth(p *plot.Plot) vg.Length {
	var w vg.Length
	for _, t := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
		if t.Label != "" {
			w = max(w, p.Y.Tick.Label.Width(t.Label))
		}
	}
	w += p.Y.Tick.Length
	if p.Y.Label.Text != "" {
		w += p.Y.Label.TextStyle.Height(p.Y.Label.Text) + p.Y.Label.Padding
	}
	return w
}

func (l *slantedLabels) Plot(c draw.Canvas, p *plot.Plot) {
	s := l.style()
	for i, name := range l.names {
		x := c.X(p.X.Norm(float64(i)))
		c.FillText(s, vg.Point{X: x, Y: c.Min.Y - slantGap - s.Rectangle(name).Max.Y}, name)
	}
}

// categoryY labels the y axis with names at 0, 1, 2, ... (bottom to top).
func categoryY(p *plot.Plot, names []string) {
	ticks := make([]plot.Tick, len(names))
	for i, s := range names {
		ticks[i] = plot.Tick{Value: float64(i), Label: s}
	}
	p.Y.Tick.Marker = plot.ConstantTicks(ticks)
	p.Y.Tick.Length = 0
	p.Y.Min, p.Y.Max = -0.5, float64(len(names))-0.5
}
