package plots

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg/draw"
)

// Band is one scenario of a fan chart: percentiles of a metric across
// Monte Carlo runs at each X (for example the day). All slices have the
// length of X, and at each index P05 ≤ P25 ≤ P50 ≤ P75 ≤ P95. Values are in
// the unit of the chart's y label.
type Band struct {
	Label string    // scenario name for the legend; may be empty for a single band
	X     []float64 // strictly increasing
	P05   []float64 // 5th percentile
	P25   []float64 // 25th percentile
	P50   []float64 // median
	P75   []float64 // 75th percentile
	P95   []float64 // 95th percentile
	Mean  []float64 // optional: nil, or one value per X (dashed line)
}

// FanOptions changes how [FanChartWith] draws. The zero value is the
// default of [FanChart].
type FanOptions struct {
	// LogY draws the y axis on a log scale; every value must then be > 0.
	LogY bool
}

// FanChart draws percentile fans, one per band: the p5–p95 range light,
// p25–p75 darker, the median as a solid line and, if given, the mean
// dashed. Several bands (scenarios) overlay in palette colours; every
// band is drawn before any line so no median is hidden. The legend above
// the plot names the scenarios and says what the shading means.
func FanChart(th Theme, title, xLabel, yLabel string, bands ...Band) (*plot.Plot, error) {
	return FanChartWith(th, FanOptions{}, title, xLabel, yLabel, bands...)
}

// FanChartWith is [FanChart] with options.
func FanChartWith(th Theme, opts FanOptions, title, xLabel, yLabel string, bands ...Band) (*plot.Plot, error) {
	if err := validateFan(opts, bands); err != nil {
		return nil, err
	}
	th = th.norm()
	p := th.newPlot(title, xLabel, yLabel)
	if opts.LogY {
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = logTicks{}
	}
	p.Add(grid{th: th, vert: true, horz: true})

	type colours struct {
		outer, inner color.Color
		line         draw.LineStyle
	}
	multi := len(bands) > 1
	// Overlapping scenarios blend their fills; lighter fills and a thin
	// outline on each p5–p95 band keep every band's extent readable.
	fade := 1.0
	if multi {
		fade = 0.7
	}
	cs := make([]colours, len(bands))
	for i := range bands {
		c := th.Color(i)
		cs[i] = colours{
			outer: withAlpha(c, th.OuterAlpha*fade),
			inner: withAlpha(c, th.InnerAlpha*fade),
			line:  draw.LineStyle{Color: c, Width: th.LineWidth},
		}
	}
	// Bands first, then lines, so no scenario's band covers another's median.
	for i, b := range bands {
		p.Add(&area{x: b.X, lo: b.P05, hi: b.P95, color: cs[i].outer})
	}
	for i, b := range bands {
		p.Add(&area{x: b.X, lo: b.P25, hi: b.P75, color: cs[i].inner})
	}
	if multi {
		for i, b := range bands {
			edge := draw.LineStyle{Color: withAlpha(th.Color(i), 0.75), Width: 0.5}
			p.Add(&polyline{x: b.X, y: b.P05, style: edge}, &polyline{x: b.X, y: b.P95, style: edge})
		}
	}
	hasMean := false
	for i, b := range bands {
		p.Add(&polyline{x: b.X, y: b.P50, style: cs[i].line})
		if len(b.Mean) > 0 {
			hasMean = true
			ms := cs[i].line
			ms.Width = th.LineWidth * 0.8
			ms.Dashes = dashLong()
			p.Add(&polyline{x: b.X, y: b.Mean, style: ms})
		}
	}

	k := &key{th: th}
	if multi || bands[0].Label != "" {
		for i, b := range bands {
			k.entries = append(k.entries, keyEntry{label: b.Label, thumb: thumbFan(cs[i].outer, cs[i].inner, cs[i].line)})
		}
	}
	// What the shading means: in the band's colour for one band, in grey
	// when the colours already stand for scenarios.
	ref := cs[0]
	if multi {
		g := color.Gray{Y: 0x55}
		ref = colours{outer: withAlpha(g, th.OuterAlpha), inner: withAlpha(g, th.InnerAlpha), line: draw.LineStyle{Color: g, Width: th.LineWidth}}
	}
	k.entries = append(k.entries,
		keyEntry{label: "median", thumb: thumbLine(ref.line), newRow: multi},
		keyEntry{label: "p25–p75", thumb: thumbFill(ref.inner)},
		keyEntry{label: "p5–p95", thumb: thumbFill(ref.outer)},
	)
	if hasMean {
		ms := ref.line
		ms.Width = th.LineWidth * 0.8
		ms.Dashes = dashLong()
		k.entries = append(k.entries, keyEntry{label: "mean", thumb: thumbLine(ms)})
	}
	p.Add(k)

	// A little headroom so the outermost curves do not run along the frame.
	ylo, yhi := math.Inf(1), math.Inf(-1)
	for _, b := range bands {
		for _, v := range [][]float64{b.P05, b.P95, b.Mean} {
			lo, hi := minMax(v)
			ylo, yhi = math.Min(ylo, lo), math.Max(yhi, hi)
		}
	}
	if opts.LogY {
		p.Y.Min, p.Y.Max = ylo/1.04, yhi*1.04
	} else {
		p.Y.Min, p.Y.Max = pad(ylo, yhi, 0.03)
	}
	return p, nil
}

func validateFan(opts FanOptions, bands []Band) error {
	c := &check{chart: "FanChart"}
	if len(bands) == 0 {
		c.add("", "bands", -1, ErrNoData, "")
		return c.err()
	}
	for bi, b := range bands {
		name := b.Label
		if name == "" && len(bands) > 1 {
			c.add("", "Label", bi, ErrNoData, "several bands need labels for the legend")
		}
		if !c.finite(name, "X", b.X, true) {
			continue
		}
		c.increasing(name, "X", b.X)
		n := len(b.X)
		qs := []struct {
			f string
			v []float64
		}{{"P05", b.P05}, {"P25", b.P25}, {"P50", b.P50}, {"P75", b.P75}, {"P95", b.P95}}
		ok := true
		for _, q := range qs {
			if !c.sameLen(name, q.f, q.v, n, "X") || !c.finite(name, q.f, q.v, true) {
				ok = false
				continue
			}
			if opts.LogY {
				ok = c.positive(name, q.f, q.v, "log y axis needs values > 0") && ok
			}
		}
		if len(b.Mean) > 0 && c.sameLen(name, "Mean", b.Mean, n, "X") && c.finite(name, "Mean", b.Mean, false) && opts.LogY {
			c.positive(name, "Mean", b.Mean, "log y axis needs values > 0")
		}
		if !ok {
			continue
		}
		for j := 1; j < len(qs); j++ {
			lo, hi := qs[j-1], qs[j]
			for i := range n {
				if lo.v[i] > hi.v[i] {
					c.add(name, hi.f, i, ErrOrder, lo.f+" > "+hi.f)
					break
				}
			}
		}
	}
	return c.err()
}
