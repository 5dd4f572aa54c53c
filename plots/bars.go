package plots

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// BarGroup is one series of a grouped bar chart, one value per category,
// for example the first-order Sobol indices S1 of every parameter. Lo and
// Hi, when given, bound an interval drawn as a whisker (a bootstrap
// confidence interval, say); give both or neither. Values are in the unit
// of the chart's y label.
type BarGroup struct {
	Label  string
	Values []float64
	Lo, Hi []float64 // optional, Lo[i] ≤ Hi[i]
}

// Bars draws grouped bars: one cluster per category, one bar per group in
// palette colours, with interval whiskers where a group has Lo and Hi.
// Bars start at 0 (negative values hang below it). Category names that do
// not fit under their cluster are set at an angle.
func Bars(th Theme, title, yLabel string, cats []string, groups ...BarGroup) (*plot.Plot, error) {
	c := &check{chart: "Bars"}
	if len(cats) == 0 {
		c.add("", "cats", -1, ErrNoData, "")
	}
	if len(groups) == 0 {
		c.add("", "groups", -1, ErrNoData, "")
	}
	for gi, g := range groups {
		if g.Label == "" && len(groups) > 1 {
			c.add("", "Label", gi, ErrNoData, "several groups need labels for the legend")
		}
		if !c.sameLen(g.Label, "Values", g.Values, len(cats), "cats") {
			continue
		}
		c.finite(g.Label, "Values", g.Values, len(cats) > 0)
		if (len(g.Lo) == 0) != (len(g.Hi) == 0) {
			c.add(g.Label, "Lo/Hi", -1, ErrLength, "give both Lo and Hi, or neither")
			continue
		}
		if len(g.Lo) == 0 {
			continue
		}
		okLo := c.sameLen(g.Label, "Lo", g.Lo, len(cats), "cats") && c.finite(g.Label, "Lo", g.Lo, false)
		okHi := c.sameLen(g.Label, "Hi", g.Hi, len(cats), "cats") && c.finite(g.Label, "Hi", g.Hi, false)
		if okLo && okHi {
			c.ordered(g.Label, "Lo", "Hi", g.Lo, g.Hi)
		}
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	th = th.norm()
	p := th.newPlot(title, "", yLabel)
	p.Add(grid{th: th, horz: true})
	categoryX(th, p, cats)

	const cluster = 0.8 // of the category slot
	bw := cluster / float64(len(groups))
	ymin, ymax := 0.0, 0.0
	k := &key{th: th}
	for gi, g := range groups {
		fill := th.Color(gi)
		for i, v := range g.Values {
			x0 := float64(i) - cluster/2 + float64(gi)*bw
			x1 := x0 + bw
			// A hairline gap between neighbouring bars keeps them apart in print.
			p.Add(&polygon{x: []float64{x0, x1, x1, x0}, y: []float64{0, 0, v, v}, fill: fill,
				stroke: draw.LineStyle{Color: th.Background, Width: 0.5}})
			ymin, ymax = math.Min(ymin, v), math.Max(ymax, v)
		}
		if len(g.Lo) > 0 {
			for i := range g.Lo {
				ymin, ymax = math.Min(ymin, g.Lo[i]), math.Max(ymax, g.Hi[i])
			}
			p.Add(&whiskers{th: th, x0: -cluster/2 + (float64(gi)+0.5)*bw, lo: g.Lo, hi: g.Hi})
		}
		if len(groups) > 1 || g.Label != "" {
			k.entries = append(k.entries, keyEntry{label: g.Label, thumb: thumbFill(fill)})
		}
	}
	if hasIntervals(groups) {
		k.entries = append(k.entries, keyEntry{label: "interval", thumb: func(c *draw.Canvas) {
			w := &whiskers{th: th}
			x := c.Center().X
			w.draw(c, x, c.Min.Y, c.Max.Y)
		}})
	}
	p.Add(k)
	lo, hi := pad(ymin, ymax, 0.05)
	if ymin >= 0 {
		lo = 0
	}
	if ymax <= 0 {
		hi = 0
	}
	p.Y.Min, p.Y.Max = lo, hi
	p.X.Min, p.X.Max = -0.5, float64(len(cats))-0.5
	// Bars stand on the zero line; an x axis line below it would double
	// it, and tick marks without their line would float. The ticks stay,
	// invisible, for the gap they keep between bars and names.
	p.X.Width = 0
	p.X.Tick.Color = color.Transparent
	p.Add(zeroLine{th: th})
	return p, nil
}

func hasIntervals(groups []BarGroup) bool {
	for _, g := range groups {
		if len(g.Lo) > 0 {
			return true
		}
	}
	return false
}

// whiskers draws vertical interval bars with caps at x = i + x0.
type whiskers struct {
	th     Theme
	x0     float64
	lo, hi []float64
}

func (w *whiskers) draw(c *draw.Canvas, x, ylo, yhi vg.Length) {
	sty := draw.LineStyle{Color: w.th.Ink, Width: 0.7}
	const capHalf = vg.Length(2.2)
	c.StrokeLine2(sty, x, ylo, x, yhi)
	c.StrokeLine2(sty, x-capHalf, ylo, x+capHalf, ylo)
	c.StrokeLine2(sty, x-capHalf, yhi, x+capHalf, yhi)
}

func (w *whiskers) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for i := range w.lo {
		w.draw(&c, trX(float64(i)+w.x0), trY(w.lo[i]), trY(w.hi[i]))
	}
}

// zeroLine draws the baseline y = 0 the bars stand on.
type zeroLine struct{ th Theme }

func (z zeroLine) Plot(c draw.Canvas, p *plot.Plot) {
	y := c.Y(p.Y.Norm(0))
	c.StrokeLine2(z.th.inkLine(), c.Min.X, y, c.Max.X, y)
}
