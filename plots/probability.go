package plots

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// ProbSeries is one design's probability over time: P at each X with its
// confidence interval [Lo, Hi] (e.g. Wilson 95%), all of the length of X.
type ProbSeries struct {
	Label        string
	X, P, Lo, Hi []float64
}

// Probability draws probabilities over time, one line per series with its
// interval as a translucent band: for example P(captured by day t) for each
// governance model. The y axis is [0, 1].
func Probability(th Theme, title, xLabel, yLabel string, series ...ProbSeries) (*plot.Plot, error) {
	c := &check{chart: "Probability"}
	if len(series) == 0 {
		c.add("", "series", -1, ErrNoData, "")
	}
	for _, s := range series {
		n := len(s.X)
		if n < 2 {
			c.add(s.Label, "X", -1, ErrNoData, "fewer than 2 points")
			continue
		}
		c.sameLen(s.Label, "P", s.P, n, "X")
		c.sameLen(s.Label, "Lo", s.Lo, n, "X")
		c.sameLen(s.Label, "Hi", s.Hi, n, "X")
		c.finite(s.Label, "X", s.X, true)
		c.finite(s.Label, "P", s.P, true)
		c.finite(s.Label, "Lo", s.Lo, true)
		c.finite(s.Label, "Hi", s.Hi, true)
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	th = th.norm()
	p := th.newPlot(title, xLabel, yLabel)
	p.Add(grid{th: th, vert: true, horz: true})
	p.Y.Min, p.Y.Max = 0, 1
	xmin, xmax := series[0].X[0], series[0].X[0]
	for _, s := range series {
		lo, hi := minMax(s.X)
		xmin, xmax = min(xmin, lo), max(xmax, hi)
	}
	p.X.Min, p.X.Max = xmin, xmax
	var entries []keyEntry
	for i, s := range series {
		col := th.Color(i)
		line := draw.LineStyle{Color: col, Width: th.LineWidth}
		band := withAlpha(col, th.OuterAlpha)
		p.Add(drawFunc(func(cv draw.Canvas, p *plot.Plot) {
			pts := make([]vg.Point, 0, 2*len(s.X))
			for k := range s.X {
				pts = append(pts, vg.Point{X: cv.X(p.X.Norm(s.X[k])), Y: cv.Y(p.Y.Norm(s.Hi[k]))})
			}
			for k := len(s.X) - 1; k >= 0; k-- {
				pts = append(pts, vg.Point{X: cv.X(p.X.Norm(s.X[k])), Y: cv.Y(p.Y.Norm(s.Lo[k]))})
			}
			cv.FillPolygon(band, cv.ClipPolygonXY(pts))
			ln := make([]vg.Point, len(s.X))
			for k := range s.X {
				ln[k] = vg.Point{X: cv.X(p.X.Norm(s.X[k])), Y: cv.Y(p.Y.Norm(s.P[k]))}
			}
			cv.StrokeLines(line, cv.ClipLinesXY(ln)...)
		}))
		label := s.Label
		if label == "" {
			label = "probability"
		}
		entries = append(entries, keyEntry{label: label, thumb: thumbs(thumbFill(band), thumbLine(line))})
	}
	entries = append(entries, keyEntry{label: "95% interval (band)", thumb: thumbFill(withAlpha(th.Ink, th.OuterAlpha))})
	p.Add(&key{th: th, entries: entries})
	return p, nil
}
