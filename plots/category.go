package plots

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// categoryX labels the x axis with names at 0, 1, 2, ... and spans
// [-0.5, n-0.5]. Names too wide for their slot at the theme's width are
// set at 30° so neighbours never overlap.
func categoryX(th Theme, p *plot.Plot, names []string) {
	ticks := make([]plot.Tick, len(names))
	for i, s := range names {
		ticks[i] = plot.Tick{Value: float64(i), Label: s}
	}
	p.X.Tick.Marker = plot.ConstantTicks(ticks)
	p.X.Min, p.X.Max = -0.5, float64(len(names))-0.5

	sty := p.X.Tick.Label
	slot := (th.Width - 0.6*vg.Inch) / vg.Length(len(names)) // less the y axis
	var widest vg.Length
	for _, s := range names {
		widest = max(widest, sty.Width(s))
	}
	if widest > slot*0.92 {
		p.X.Tick.Label.Rotation = math.Pi / 6
		// Anchor the top-right corner under the tick: the whole name
		// then hangs below the axis.
		p.X.Tick.Label.XAlign = draw.XRight
		p.X.Tick.Label.YAlign = draw.YTop
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
