package plots

import (
	"fmt"
	"math"

	"github.com/seqsim/seqsim/internal/stats"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// DistOptions changes how [Distribution] draws. The zero value gives
// Freedman–Diaconis bins, Silverman's bandwidth and upper-tail risk
// markers.
type DistOptions struct {
	// Bins is the number of histogram bins; 0 chooses by Freedman–Diaconis
	// (Sturges when the IQR is 0), clamped to [5, 200].
	Bins int
	// Bandwidth of the Gaussian KDE in the unit of the values; 0 uses
	// [SilvermanBandwidth].
	Bandwidth float64
	// LowerTail puts the risk markers in the lower tail, for metrics where
	// low is bad (price, treasury runway): VaR at p5 and p1, ES the mean
	// below p5. By default values are losses and high is bad: VaR at p95
	// and p99, ES the mean at or above p95.
	LowerTail bool
	// NoRisk hides the VaR and ES markers.
	NoRisk bool
}

// Risk holds the tail measures [Distribution] marks, in the unit of the
// values. For the upper tail VaR95 = p95, VaR99 = p99 and ES95 is the mean
// of the values ≥ p95; for the lower tail p5, p1 and the mean of the
// values ≤ p5. Quantiles are type 7 (Hyndman and Fan 1996).
type Risk struct {
	VaR95, VaR99, ES95 float64
}

// TailRisk computes [Risk] for values (which must be finite and non-empty).
func TailRisk(values []float64, lowerTail bool) Risk {
	s := sortedCopy(values)
	if lowerTail {
		q := stats.QuantileSorted(s, 0.05)
		var tail []float64
		for _, v := range s {
			if v > q {
				break
			}
			tail = append(tail, v)
		}
		return Risk{VaR95: q, VaR99: stats.QuantileSorted(s, 0.01), ES95: mean(tail)}
	}
	q := stats.QuantileSorted(s, 0.95)
	var tail []float64
	for i := len(s) - 1; i >= 0 && s[i] >= q; i-- {
		tail = append(tail, s[i])
	}
	return Risk{VaR95: q, VaR99: stats.QuantileSorted(s, 0.99), ES95: mean(tail)}
}

// Distribution draws the distribution of one metric across runs: a
// histogram normalised to density (bins by Freedman–Diaconis unless
// opts.Bins is set), a Gaussian KDE curve with Silverman's bandwidth, and
// vertical markers for VaR 95 %, VaR 99 % and ES 95 % (see [Risk]), each
// labelled with its value. The y axis is density, in 1/unit of xLabel's
// unit ("price (USD)" gives "density (1/USD)"). It needs at least two
// values that are not all equal.
func Distribution(th Theme, title, xLabel string, values []float64, opts DistOptions) (*plot.Plot, error) {
	c := &check{chart: "Distribution"}
	if c.finite("", "values", values, true) {
		if len(values) < 2 {
			c.add("", "values", -1, ErrNoData, "need at least 2 values")
		} else if s := sortedCopy(values); s[0] == s[len(s)-1] {
			c.add("", "values", -1, ErrDegenerate, fmt.Sprintf("every value is %g", s[0]))
		}
	}
	if opts.Bins < 0 {
		c.add("", "opts.Bins", -1, ErrRange, "must be ≥ 0")
	}
	if opts.Bandwidth < 0 || math.IsNaN(opts.Bandwidth) || math.IsInf(opts.Bandwidth, 0) {
		c.add("", "opts.Bandwidth", -1, ErrRange, "must be finite and ≥ 0")
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	th = th.norm()
	s := sortedCopy(values)
	n := len(s)

	k, rule := opts.Bins, fixedBins
	if k == 0 {
		k, rule = binCount(s)
	}
	bw, bwRule := opts.Bandwidth, "fixed"
	if bw == 0 {
		bw, bwRule = SilvermanBandwidth(s), "Silverman"
	}

	// KDE over the data range plus three bandwidths each side (seaborn's
	// default cut), so the tails close.
	const gridN = 256
	xs := make([]float64, gridN)
	a, b := s[0]-3*bw, s[n-1]+3*bw
	for i := range xs {
		xs[i] = a + (b-a)*float64(i)/(gridN-1)
	}
	ys := KDE(s, bw, xs)

	// A density over USD in the millions is ~1e-6 per USD, which no reader
	// parses from tick labels. When the x axis counts in thousands,
	// millions or more, the density is given per that many units instead,
	// matching the x tick labels ("2M" and "per million USD").
	_, unit := SplitUnit(xLabel)
	div, word := densityScale(math.Max(math.Abs(a), math.Abs(b)))
	yLabel := WithUnit("density", perUnit(unit))
	if div > 1 {
		per := "per " + word
		if unit != "" && !isDimensionless(unit) {
			per += " " + unit
		}
		yLabel = WithUnit("density", per)
		for i := range ys {
			ys[i] *= div
		}
	}
	p := th.newPlot(title, xLabel, yLabel)
	p.Add(grid{th: th, horz: true})

	// Histogram as density: count / (n · width), so its area is 1 like the KDE's.
	lo, hi := s[0], s[n-1]
	width := (hi - lo) / float64(k)
	counts := make([]int, k)
	for _, v := range s {
		i := int((v - lo) / width)
		if i >= k {
			i = k - 1 // the maximum falls in the last bin
		}
		counts[i]++
	}
	// Histogram and KDE share a hue (both are the distribution); the risk
	// markers take the second colour.
	histFill := withAlpha(th.Color(0), 0.25)
	histEdge := draw.LineStyle{Color: withAlpha(th.Color(0), 0.6), Width: 0.4}
	peak := 0.0
	for i, cnt := range counts {
		d := div * float64(cnt) / (float64(n) * width)
		peak = math.Max(peak, d)
		x0, x1 := lo+float64(i)*width, lo+float64(i+1)*width
		if cnt == 0 {
			continue
		}
		p.Add(&polygon{x: []float64{x0, x1, x1, x0}, y: []float64{0, 0, d, d}, fill: histFill, stroke: histEdge})
	}

	_, kmax := minMax(ys)
	peak = math.Max(peak, kmax)
	kdeStyle := draw.LineStyle{Color: th.Color(0), Width: th.LineWidth}
	p.Add(&polyline{x: xs, y: ys, style: kdeStyle})

	p.Y.Min = 0
	// Headroom above the peak for the marker labels.
	p.Y.Max = peak * 1.3

	k2 := &key{th: th, entries: []keyEntry{
		{label: fmt.Sprintf("histogram (%s rule, %d bins)", rule, k), thumb: thumbs(thumbFill(histFill), func(c *draw.Canvas) {
			c.StrokeLines(histEdge, rectPts(c.Rectangle), []vg.Point{c.Rectangle.Min, {X: c.Min.X, Y: c.Max.Y}})
		})},
		{label: fmt.Sprintf("KDE (Gaussian, h = %s, %s)", FormatValue(bw), bwRule), thumb: thumbLine(kdeStyle)},
	}}
	if !opts.NoRisk {
		r := TailRisk(s, opts.LowerTail)
		q95, q99 := "95%", "99%"
		p.Add(&markers{th: th, items: []marker{
			{x: r.VaR95, label: "VaR " + q95 + " = " + FormatValue(r.VaR95), style: draw.LineStyle{Color: th.Color(1), Width: 1, Dashes: dashLong()}},
			{x: r.VaR99, label: "VaR " + q99 + " = " + FormatValue(r.VaR99), style: draw.LineStyle{Color: th.Color(1), Width: 1, Dashes: dashShort()}},
			{x: r.ES95, label: "ES " + q95 + " = " + FormatValue(r.ES95), style: draw.LineStyle{Color: th.Ink, Width: 1, Dashes: dashDot()}},
		}, right: !opts.LowerTail})
	}
	p.Add(k2)
	return p, nil
}

// marker is a labelled vertical line.
type marker struct {
	x     float64
	label string
	style draw.LineStyle
}

// markers draws vertical lines across the data area with their labels in
// separate rows at the top, so labels of close lines never overlap. A label
// sits on the tail side of its line (right for the upper tail) unless it
// would leave the plot, and has a white backing so it stays readable over
// bars and curves.
type markers struct {
	th    Theme
	items []marker
	right bool
}

func (m *markers) Plot(c draw.Canvas, p *plot.Plot) {
	sty := m.th.textStyle(m.th.AnnotationSize)
	sty.YAlign = draw.YCenter
	row := m.th.AnnotationSize * 1.45
	// All lines first, then all labels, so no line crosses a label.
	for _, it := range m.items {
		x := c.X(p.X.Norm(it.x))
		c.StrokeLine2(it.style, x, c.Min.Y, x, c.Max.Y)
	}
	for i, it := range m.items {
		x := c.X(p.X.Norm(it.x))
		y := c.Max.Y - row*(vg.Length(i)+0.6)
		m.label(&c, sty, x, y, it.label)
	}
}

func (m *markers) label(c *draw.Canvas, sty text.Style, x, y vg.Length, s string) {
	w := sty.Width(s)
	gap := vg.Length(2)
	lx := x + gap
	if !m.right || lx+w > c.Max.X {
		lx = x - gap - w
	}
	if lx < c.Min.X {
		lx = x + gap
	}
	h := m.th.AnnotationSize
	box := vg.Rectangle{Min: vg.Point{X: lx - 1, Y: y - h*0.6}, Max: vg.Point{X: lx + w + 1, Y: y + h*0.6}}
	c.FillPolygon(m.th.Background, rectPts(box))
	c.FillText(sty, vg.Point{X: lx, Y: y}, s)
}

func (m *markers) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = math.Inf(1), math.Inf(-1)
	for _, it := range m.items {
		xmin, xmax = math.Min(xmin, it.x), math.Max(xmax, it.x)
	}
	return xmin, xmax, math.Inf(1), math.Inf(-1)
}

// densityScale returns the factor a density is multiplied by, and its
// name, when x values reach amax: 1e6 and "million" for an axis in the
// millions (the same thresholds as the tick suffixes).
func densityScale(amax float64) (float64, string) {
	div, suffix := scaleFor(amax, 1e4)
	switch suffix {
	case "k":
		return div, "thousand"
	case "M":
		return div, "million"
	case "B":
		return div, "billion"
	case "T":
		return div, "trillion"
	}
	return 1, ""
}
