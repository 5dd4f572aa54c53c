package plots

import (
	"image/color"
	"math"

	"github.com/seqsim/seqsim/internal/stats"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Violin draws one violin per group side by side: the Gaussian KDE of the
// group's values (Silverman's bandwidth), mirrored about the group's
// centre, with a box for the interquartile range and a white dot at the
// median. All violins share one density scale, so each has the same area
// and a narrow distribution shows as tall and slim. Each violin ends at
// its group's smallest and largest value: it never suggests values that
// no run produced. A group whose values are all equal is drawn as a
// horizontal bar at that value.
func Violin(th Theme, title, yLabel string, groups ...Sample) (*plot.Plot, error) {
	if err := validateSamples("Violin", groups); err != nil {
		return nil, err
	}
	th = th.norm()
	p := th.newPlot(title, "", yLabel)
	p.Add(grid{th: th, horz: true})
	names := make([]string, len(groups))
	for i, g := range groups {
		names[i] = g.Label
	}
	categoryX(th, p, names)

	type shape struct {
		s      []float64 // sorted values
		ys, ds []float64 // KDE grid and densities
	}
	shapes := make([]shape, len(groups))
	var dmax float64
	for i, g := range groups {
		s := sortedCopy(g.Values)
		sh := shape{s: s}
		if bw := SilvermanBandwidth(s); bw > 0 {
			const gridN = 128
			sh.ys = make([]float64, gridN)
			for j := range sh.ys {
				sh.ys[j] = s[0] + (s[len(s)-1]-s[0])*float64(j)/(gridN-1)
			}
			sh.ds = KDE(s, bw, sh.ys)
			_, m := minMax(sh.ds)
			dmax = math.Max(dmax, m)
		}
		shapes[i] = sh
	}
	const halfWidth = 0.42 // of the category slot, for the densest violin

	for i, sh := range shapes {
		col := th.Color(i)
		cx := float64(i)
		if sh.ds == nil {
			v := sh.s[0]
			p.Add(&polyline{x: []float64{cx - halfWidth, cx + halfWidth}, y: []float64{v, v}, style: draw.LineStyle{Color: col, Width: th.LineWidth * 1.5}})
			continue
		}
		n := len(sh.ys)
		xs := make([]float64, 0, 2*n)
		ys := make([]float64, 0, 2*n)
		for j := range n {
			xs = append(xs, cx+halfWidth*sh.ds[j]/dmax)
			ys = append(ys, sh.ys[j])
		}
		for j := n - 1; j >= 0; j-- {
			xs = append(xs, cx-halfWidth*sh.ds[j]/dmax)
			ys = append(ys, sh.ys[j])
		}
		p.Add(&polygon{x: xs, y: ys, fill: withAlpha(col, 0.55), stroke: draw.LineStyle{Color: col, Width: 0.8}})
	}
	dot := draw.GlyphStyle{Color: color.White, Radius: 1.6, Shape: draw.CircleGlyph{}}
	// Inner boxes last, so every violin's outline stays under them.
	p.Add(drawFunc(func(c draw.Canvas, p *plot.Plot) {
		trX, trY := p.Transforms(&c)
		box := vg.Length(3.5) // box width, points
		for i, sh := range shapes {
			x := trX(float64(i))
			q1, med, q3 := stats.Percentile(sh.s, 0.25), stats.Percentile(sh.s, 0.5), stats.Percentile(sh.s, 0.75)
			// Whisker over the full range, box over the IQR.
			c.StrokeLine2(draw.LineStyle{Color: th.Ink, Width: 0.6}, x, trY(sh.s[0]), x, trY(sh.s[len(sh.s)-1]))
			c.FillPolygon(th.Ink, rectPts(vg.Rectangle{Min: vg.Point{X: x - box/2, Y: trY(q1)}, Max: vg.Point{X: x + box/2, Y: trY(q3)}}))
			c.DrawGlyphNoClip(dot, vg.Point{X: x, Y: trY(med)})
		}
	}))
	// Say what the inner marks are; readers of a paper cannot hover.
	p.Add(&key{th: th, entries: []keyEntry{
		{label: "median", thumb: func(c *draw.Canvas) {
			c.FillPolygon(th.Ink, rectPts(vg.Rectangle{Min: vg.Point{X: c.Center().X - 3.5, Y: c.Min.Y}, Max: vg.Point{X: c.Center().X + 3.5, Y: c.Max.Y}}))
			c.DrawGlyphNoClip(dot, c.Center())
		}},
		{label: "p25–p75", thumb: func(c *draw.Canvas) {
			c.FillPolygon(th.Ink, rectPts(vg.Rectangle{Min: vg.Point{X: c.Center().X - 1.75, Y: c.Min.Y}, Max: vg.Point{X: c.Center().X + 1.75, Y: c.Max.Y}}))
		}},
		{label: "min–max", thumb: func(c *draw.Canvas) {
			x := c.Center().X
			c.StrokeLine2(draw.LineStyle{Color: th.Ink, Width: 0.6}, x, c.Min.Y-1, x, c.Max.Y+1)
		}},
		{label: "density (KDE, Silverman)", thumb: thumbFill(withAlpha(th.Ink, 0.25))},
	}})
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, sh := range shapes {
		lo, hi = math.Min(lo, sh.s[0]), math.Max(hi, sh.s[len(sh.s)-1])
	}
	lo, hi = pad(lo, hi, 0.04)
	p.Y.Min, p.Y.Max = math.Min(p.Y.Min, lo), math.Max(p.Y.Max, hi)
	p.X.Min, p.X.Max = -0.5, float64(len(groups))-0.5
	return p, nil
}
