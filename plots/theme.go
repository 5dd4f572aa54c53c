package plots

import (
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Theme holds every visual choice of a chart. Builders read it and never
// touch gonum/plot's package-level defaults (plot.DefaultFont,
// plotter.DefaultLineStyle, ...), so two goroutines may build charts with
// different themes at once.
//
// A zero field takes the value [Litepaper] gives it, so Theme{} is usable.
// A Theme is a value: its slices are never written by this package.
type Theme struct {
	// Palette holds the categorical colours, used in order for scenarios,
	// groups and series. It needs at least one colour; series beyond its
	// length reuse it cyclically.
	Palette []color.Color

	// Sequential maps a fraction in [0, 1] to a colour for heat maps.
	// It must be perceptually uniform and readable in grey scale.
	Sequential func(frac float64) color.Color

	// Fonts is the font cache text is measured and drawn with.
	Fonts *font.Cache
	// Font names the typeface and variant; its Size is ignored.
	Font font.Font

	// Text sizes in points: title, axis labels, tick labels, legend
	// entries and annotations (marker labels, cell values, point names).
	TitleSize, LabelSize, TickSize, LegendSize, AnnotationSize vg.Length

	// Ink is the colour of text, axes and whiskers.
	Ink color.Color
	// Background fills the whole chart.
	Background color.Color
	// Transparent leaves the background unpainted (for slides).
	Transparent bool
	// Grid is the colour of the light grid at the labelled ticks.
	Grid color.Color
	// NoGrid hides the grid.
	NoGrid bool

	// Line widths: axes and ticks, grid lines, data lines.
	AxisWidth, GridWidth, LineWidth vg.Length

	// OuterAlpha and InnerAlpha are the opacities (0..1) of the outer
	// (p5–p95) and inner (p25–p75) fan bands and of single bands.
	OuterAlpha, InnerAlpha float64

	// Width and Height are the size the chart is laid out for: legend rows
	// wrap and category labels turn to fit it. Save it at this size.
	Width, Height vg.Length
}

// Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008, "Color Universal
// Design"; the hex values as listed by Wong 2011, Nature Methods 8:441).
// Yellow (#F0E442) is kept last but one because it is weak on white paper.
var okabeIto = [...]color.RGBA{
	{0xE6, 0x9F, 0x00, 0xFF}, // orange
	{0x56, 0xB4, 0xE9, 0xFF}, // sky blue
	{0x00, 0x9E, 0x73, 0xFF}, // bluish green
	{0xF0, 0xE4, 0x42, 0xFF}, // yellow
	{0x00, 0x72, 0xB2, 0xFF}, // blue
	{0xD5, 0x5E, 0x00, 0xFF}, // vermillion
	{0xCC, 0x79, 0xA7, 0xFF}, // reddish purple
	{0x00, 0x00, 0x00, 0xFF}, // black
}

// litepaperOrder is the order scenarios take colours in: the most
// distinct, strong pairs first (blue, vermillion, bluish green, orange),
// yellow late because it is faint on white.
var litepaperOrder = [...]int{4, 5, 2, 0, 1, 6, 7, 3}

// OkabeIto returns the eight Okabe–Ito colours in their published order:
// orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple,
// black.
func OkabeIto() []color.Color {
	out := make([]color.Color, len(okabeIto))
	for i, c := range okabeIto {
		out[i] = c
	}
	return out
}

// Litepaper returns the house style for charts printed at column width
// in the litepaper: 4.5 in × 3 in, Liberation Sans (embedded in gonum/plot,
// no font files needed), title 10 pt, labels 9 pt, ticks 8 pt, a light
// grid, Okabe–Ito colours (strongest first: blue, vermillion, bluish
// green, orange, sky blue, reddish purple, black, yellow) and viridis
// for heat maps.
func Litepaper() Theme {
	pal := make([]color.Color, len(litepaperOrder))
	for i, k := range litepaperOrder {
		pal[i] = okabeIto[k]
	}
	return Theme{
		Palette:        pal,
		Sequential:     Viridis,
		Fonts:          font.NewCache(liberation.Collection()),
		Font:           font.Font{Typeface: "Liberation", Variant: "Sans"},
		TitleSize:      10,
		LabelSize:      9,
		TickSize:       8,
		LegendSize:     8,
		AnnotationSize: 7,
		Ink:            color.Gray{Y: 0x1A},
		Background:     color.White,
		Grid:           color.Gray{Y: 0xE3},
		AxisWidth:      0.6,
		GridWidth:      0.4,
		LineWidth:      1.2,
		OuterAlpha:     0.18,
		InnerAlpha:     0.38,
		Width:          DefaultWidth,
		Height:         DefaultHeight,
	}
}

// norm fills zero fields from Litepaper.
func (th Theme) norm() Theme {
	d := Litepaper()
	if len(th.Palette) == 0 {
		th.Palette = d.Palette
	}
	if th.Sequential == nil {
		th.Sequential = d.Sequential
	}
	if th.Fonts == nil {
		th.Fonts = d.Fonts
	}
	if th.Font.Typeface == "" {
		th.Font = d.Font
	}
	setLen := func(v *vg.Length, def vg.Length) {
		if *v <= 0 {
			*v = def
		}
	}
	setLen(&th.TitleSize, d.TitleSize)
	setLen(&th.LabelSize, d.LabelSize)
	setLen(&th.TickSize, d.TickSize)
	setLen(&th.LegendSize, d.LegendSize)
	setLen(&th.AnnotationSize, d.AnnotationSize)
	setLen(&th.AxisWidth, d.AxisWidth)
	setLen(&th.GridWidth, d.GridWidth)
	setLen(&th.LineWidth, d.LineWidth)
	setLen(&th.Width, d.Width)
	setLen(&th.Height, d.Height)
	if th.Ink == nil {
		th.Ink = d.Ink
	}
	if th.Background == nil {
		th.Background = d.Background
	}
	if th.Grid == nil {
		th.Grid = d.Grid
	}
	if th.OuterAlpha <= 0 || th.OuterAlpha > 1 {
		th.OuterAlpha = d.OuterAlpha
	}
	if th.InnerAlpha <= 0 || th.InnerAlpha > 1 {
		th.InnerAlpha = d.InnerAlpha
	}
	return th
}

// Color returns the i-th categorical colour, cycling through the palette.
func (th Theme) Color(i int) color.Color {
	th = th.norm()
	return th.Palette[i%len(th.Palette)]
}

func (th Theme) handler() text.Handler { return text.Plain{Fonts: th.Fonts} }

// textStyle returns a text style of the given size in the theme's font.
func (th Theme) textStyle(size vg.Length) text.Style {
	return text.Style{
		Color:   th.Ink,
		Font:    font.From(th.Font, size),
		XAlign:  draw.XLeft,
		YAlign:  draw.YBottom,
		Handler: th.handler(),
	}
}

// inkLine is the style of axes, whiskers and reference lines.
func (th Theme) inkLine() draw.LineStyle {
	return draw.LineStyle{Color: th.Ink, Width: th.AxisWidth}
}

// newPlot returns an empty plot with every style taken from th.
func (th Theme) newPlot(title, xLabel, yLabel string) *plot.Plot {
	p := plot.New()
	h := th.handler()
	p.TextHandler = h
	p.BackgroundColor = th.Background
	if th.Transparent {
		p.BackgroundColor = nil
	}

	p.Title.Text = title
	// Regular weight: gonum/plot v0.17.0's PDF backend registers a bold
	// face under the wrong key and fails with "undefined font".
	p.Title.TextStyle = th.textStyle(th.TitleSize)
	p.Title.TextStyle.XAlign = draw.XCenter
	p.Title.TextStyle.YAlign = draw.YTop
	p.Title.Padding = th.TitleSize * 0.5

	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.LineStyle = th.inkLine()
		a.Padding = 0
		a.Label.TextStyle = th.textStyle(th.LabelSize)
		a.Label.TextStyle.XAlign = draw.XCenter
		a.Label.Padding = th.TickSize * 0.4
		a.Tick.Label = th.textStyle(th.TickSize)
		a.Tick.LineStyle = th.inkLine()
		a.Tick.Length = 3
		a.Tick.Marker = numTicks{}
	}
	p.X.Label.Text = xLabel
	p.X.Label.TextStyle.YAlign = draw.YBottom
	p.X.Tick.Label.XAlign = draw.XCenter
	p.X.Tick.Label.YAlign = draw.YTop
	p.Y.Label.Text = yLabel
	p.Y.Tick.Label.XAlign = draw.XRight
	p.Y.Tick.Label.YAlign = draw.YCenter

	p.Legend = plot.NewLegend()
	p.Legend.TextStyle = th.textStyle(th.LegendSize)
	p.Add(margin{right: th.TickSize})
	return p
}

// margin keeps data off the right edge of the chart, which gonum/plot
// otherwise draws flush against it.
type margin struct{ right vg.Length }

func (margin) Plot(draw.Canvas, *plot.Plot) {}

func (m margin) GlyphBoxes(*plot.Plot) []plot.GlyphBox {
	return []plot.GlyphBox{{X: 1, Y: 0, Rectangle: vg.Rectangle{Max: vg.Point{X: m.right}}}}
}

// WithUnit formats an axis label as "name (unit)". An empty unit gives the
// name alone, which is only right for counts; use [Dimensionless] for
// ratios and probabilities so the reader sees that the axis has no unit.
func WithUnit(name, unit string) string {
	if unit == "" {
		return name
	}
	return name + " (" + unit + ")"
}

// Dimensionless is the unit string for ratios, fractions and indices: an
// en dash, so "index (–)" tells the reader the axis has no unit.
const Dimensionless = "–"

// SplitUnit splits a label made by [WithUnit] into its name and unit:
// "price (USD)" gives ("price", "USD"). A label without a trailing
// parenthesised part gives (label, "").
func SplitUnit(label string) (name, unit string) {
	s := strings.TrimSpace(label)
	if !strings.HasSuffix(s, ")") {
		return s, ""
	}
	depth := 0
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				if i == 0 {
					return s, ""
				}
				return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1 : len(s)-1])
			}
		}
	}
	return s, ""
}

func isDimensionless(u string) bool { return u == Dimensionless || u == "-" }

// perUnit returns the unit of a density over a variable with unit u:
// "1/USD", "1/(USD/day)".
func perUnit(u string) string {
	switch {
	case u == "" || isDimensionless(u):
		return Dimensionless
	case strings.ContainsAny(u, "/* ·^"):
		return "1/(" + u + ")"
	}
	return "1/" + u
}

// withAlpha returns c with its opacity scaled by a (0..1), premultiplied
// as color.NRGBA requires nothing: we convert to NRGBA first.
func withAlpha(c color.Color, a float64) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = uint8(math.Round(float64(n.A) * a))
	return n
}

// luminance returns the relative luminance (0 black .. 1 white) of c,
// after WCAG 2.x (sRGB linearised, Rec. 709 weights).
func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
}
