package main

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/seqsim/seqsim/engine"
	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/plots"
	"gonum.org/v1/plot"
)

// chartWriter saves charts into a plots folder in every format.
type chartWriter struct {
	dir string
	th  plots.Theme
}

func (c chartWriter) save(name string, p *plot.Plot, err error) error {
	if err != nil {
		return fmt.Errorf("chart %s: %w", name, err)
	}
	return plots.Save(p, c.dir, name, c.th.Width, c.th.Height)
}

// writePlots draws the charts that fit the study: fans and distributions
// for one point; overlays and bars for scenarios; lines or heat maps for
// sweeps; index bars, Morris scatter or tornado for sensitivity.
func writePlots(dir string, rr *runResult) error {
	cw := chartWriter{dir: dir, th: plots.Litepaper()}
	pl := rr.plan
	switch {
	case rr.sens != nil:
		return sensitivityCharts(cw, rr)
	case pl.Points == 1:
		return singlePointCharts(cw, rr)
	case pl.Kind == experiments.KindScenarios:
		return scenarioCharts(cw, rr)
	default:
		return sweepCharts(cw, rr)
	}
}

func singlePointCharts(cw chartWriter, rr *runResult) error {
	for _, m := range charted(rr.schema.Series) {
		band, err := bandOf(rr.bands, 0, m.Name)
		if err != nil {
			return err
		}
		p, err := plots.FanChart(cw.th, m.Doc, "day", plots.WithUnit(m.Name, m.Unit), band)
		if err := cw.save("fan_"+m.Name, p, err); err != nil {
			return err
		}
	}
	cols, err := readRunColumns(filepath.Join(filepath.Dir(cw.dir), "runs.csv"))
	if err != nil {
		return err
	}
	for _, m := range charted(rr.schema.Outcomes) {
		vals := finite(cols[m.Name])
		if len(vals) < 2 {
			continue // e.g. no cliff in the horizon: nothing to draw
		}
		label := plots.WithUnit(m.Name, m.Unit)
		p, err := plots.Distribution(cw.th, m.Doc, label, vals, plots.DistOptions{LowerTail: m.LowerTail})
		if err := cw.save("dist_"+m.Name, p, err); err != nil {
			return err
		}
		e, err := plots.ECDF(cw.th, "ECDF of "+m.Name, label, plots.Sample{Values: vals})
		if err := cw.save("ecdf_"+m.Name, e, err); err != nil {
			return err
		}
	}
	return nil
}

// scenarioCharts overlays the scenarios' fans and compares their outcome
// means and risk probabilities with intervals.
func scenarioCharts(cw chartWriter, rr *runResult) error {
	pl := rr.plan
	for _, m := range charted(rr.schema.Series) {
		var bands []plots.Band
		for p := range pl.Points {
			b, err := bandOf(rr.bands, p, m.Name)
			if err != nil {
				return err
			}
			b.Label, b.Mean = pointLabel(pl, p), nil
			bands = append(bands, b)
		}
		p, err := plots.FanChart(cw.th, m.Doc, "day", plots.WithUnit(m.Name, m.Unit), bands...)
		if err := cw.save("fan_"+m.Name, p, err); err != nil {
			return err
		}
	}
	cats := make([]string, pl.Points)
	for p := range cats {
		cats[p] = pointLabel(pl, p)
	}
	for i, m := range rr.schema.Outcomes {
		if !m.Chart {
			continue
		}
		g := plots.BarGroup{Label: "mean, 95% CI"}
		for p := range pl.Points {
			mean, half := rr.stats[p][i].Mean()
			g.Values, g.Lo, g.Hi = append(g.Values, mean), append(g.Lo, mean-half), append(g.Hi, mean+half)
		}
		if slices.ContainsFunc(g.Values, math.IsNaN) {
			continue
		}
		for k := range g.Lo { // one run per point: no interval
			if math.IsNaN(g.Lo[k]) || math.IsNaN(g.Hi[k]) {
				g.Lo[k], g.Hi[k] = g.Values[k], g.Values[k]
			}
		}
		p, err := plots.Bars(cw.th, m.Doc, plots.WithUnit(m.Name, m.Unit), cats, g)
		if err := cw.save("compare_"+m.Name, p, err); err != nil {
			return err
		}
	}
	for ri, r0 := range risks(rr, 0) {
		g := plots.BarGroup{Label: "probability, Wilson 95%"}
		for p := range pl.Points {
			r := risks(rr, p)[ri]
			g.Values, g.Lo, g.Hi = append(g.Values, r.p), append(g.Lo, r.lo), append(g.Hi, r.hi)
		}
		name := fmt.Sprintf("risk_%s_gt_%g", r0.metric, r0.threshold)
		p, err := plots.Bars(cw.th, fmt.Sprintf("P(%s > %g)", r0.metric, r0.threshold), "probability", cats, g)
		if err := cw.save(name, p, err); err != nil {
			return err
		}
	}
	return nil
}

// sweepCharts draws, per scenario, a line with its interval for a 1-D
// sweep and a heat map for a 2-D grid, for every charted outcome mean and
// risk probability. Other designs (LHS, more dimensions) get no chart.
func sweepCharts(cw chartWriter, rr *runResult) error {
	pl := rr.plan
	dims := len(pl.SweepPaths)
	if dims > 2 || rr.exp.Sweep.Method != "grid" {
		return nil
	}
	nScen := max(len(pl.Scenarios), 1)
	per := pl.Points / nScen
	for s := range nScen {
		suffix := ""
		if len(pl.Scenarios) > 0 {
			suffix = "_" + sanitize(pl.Scenarios[s])
		}
		pts := make([]int, per)
		for k := range pts {
			pts[k] = s*per + k
		}
		for _, q := range sweepQuantities(rr) {
			var p *plot.Plot
			var err error
			if dims == 1 {
				x, mean, lo, hi := make([]float64, per), make([]float64, per), make([]float64, per), make([]float64, per)
				for k, pt := range pts {
					x[k] = pl.Values(pt)[0]
					mean[k], lo[k], hi[k] = q.value(rr, pt)
				}
				order(x, mean, lo, hi)
				x, mean, lo, hi = dropNaN(x, mean, lo, hi)
				if len(x) < 2 {
					continue // e.g. a metric with no value at most points
				}
				p, err = plots.LineBand(cw.th, q.title, pl.SweepPaths[0], q.label, x, mean, lo, hi)
			} else {
				xs, ys, z := grid2(rr, pts, q)
				if allNaN(z) {
					continue
				}
				p, err = plots.HeatMap(cw.th, q.title, pl.SweepPaths[1], pl.SweepPaths[0], q.label, xs, ys, z)
			}
			if err := cw.save(q.name+suffix, p, err); err != nil {
				return err
			}
		}
	}
	return nil
}

// quantity is one number per point to chart: an outcome mean or a risk.
type quantity struct {
	name, title, label string
	value              func(rr *runResult, p int) (v, lo, hi float64)
}

func sweepQuantities(rr *runResult) []quantity {
	var qs []quantity
	for i, m := range rr.schema.Outcomes {
		if !m.Chart {
			continue
		}
		qs = append(qs, quantity{name: "sweep_" + m.Name, title: "mean " + m.Name, label: plots.WithUnit(m.Name, m.Unit),
			value: func(rr *runResult, p int) (float64, float64, float64) {
				mean, half := rr.stats[p][i].Mean()
				return mean, mean - half, mean + half
			}})
	}
	for ri, r := range risks(rr, 0) {
		qs = append(qs, quantity{name: fmt.Sprintf("sweep_risk_%s_gt_%g", r.metric, r.threshold),
			title: fmt.Sprintf("P(%s > %g)", r.metric, r.threshold), label: "probability",
			value: func(rr *runResult, p int) (float64, float64, float64) {
				x := risks(rr, p)[ri]
				return x.p, x.lo, x.hi
			}})
	}
	return qs
}

// grid2 lays the points of a 2-D grid into z[y][x] with sorted axes.
func grid2(rr *runResult, pts []int, q quantity) (xs, ys []float64, z [][]float64) {
	pl := rr.plan
	for _, pt := range pts {
		v := pl.Values(pt)
		ys, xs = appendUnique(ys, v[0]), appendUnique(xs, v[1])
	}
	slices.Sort(xs)
	slices.Sort(ys)
	z = make([][]float64, len(ys))
	for i := range z {
		z[i] = make([]float64, len(xs))
		for j := range z[i] {
			z[i][j] = math.NaN()
		}
	}
	for _, pt := range pts {
		v := pl.Values(pt)
		val, _, _ := q.value(rr, pt)
		z[slices.Index(ys, v[0])][slices.Index(xs, v[1])] = val
	}
	return xs, ys, z
}

func appendUnique(s []float64, v float64) []float64 {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

// order sorts parallel slices by x.
func order(x []float64, ys ...[]float64) {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case x[a] < x[b]:
			return -1
		case x[a] > x[b]:
			return 1
		}
		return 0
	})
	for _, s := range append([][]float64{x}, ys...) {
		c := slices.Clone(s)
		for i, j := range idx {
			s[i] = c[j]
		}
	}
}

func sanitize(s string) string {
	b := []byte(s)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			b[i] = '_'
		}
	}
	return string(b)
}

func sensitivityCharts(cw chartWriter, rr *runResult) error {
	for _, r := range rr.sens {
		var p *plot.Plot
		var err error
		switch {
		case r.sobol != nil:
			s := r.sobol
			p, err = plots.Bars(cw.th, "Sobol indices of "+r.metric, "index", s.Names,
				plots.BarGroup{Label: "S1 (first order)", Values: s.S1, Lo: s.S1Lo, Hi: s.S1Hi},
				plots.BarGroup{Label: "ST (total)", Values: s.ST, Lo: s.STLo, Hi: s.STHi})
		case r.morris != nil:
			m := r.morris
			p, err = plots.MorrisScatter(cw.th, "Morris screening of "+r.metric, "", m.Names, m.MuStar, m.Sigma)
		case r.oat != nil:
			names, lo, hi := []string{}, []float64{}, []float64{}
			for _, b := range r.oat.Bars {
				names, lo, hi = append(names, b.Name), append(lo, b.YLo), append(hi, b.YHi)
			}
			p, err = plots.Tornado(cw.th, "One at a time: "+r.metric, r.metric, r.oat.Base, names, lo, hi)
		default:
			continue
		}
		if err := cw.save("sensitivity_"+r.metric, p, err); err != nil {
			return err
		}
	}
	return nil
}

// bandOf extracts one metric's quantile band of a point from the bands.
func bandOf(b *engine.Bands, point int, name string) (plots.Band, error) {
	j := slices.Index(b.Schema.Series, name)
	if j < 0 {
		return plots.Band{}, fmt.Errorf("no series %q", name)
	}
	n := b.KeptSteps()
	band := plots.Band{X: make([]float64, n), P05: make([]float64, n), P25: make([]float64, n),
		P50: make([]float64, n), P75: make([]float64, n), P95: make([]float64, n), Mean: make([]float64, n)}
	for k := range n {
		st := b.Stat(point, k, j)
		band.X[k] = float64(b.KeptStep(k))
		band.P05[k], band.P25[k], band.P50[k], band.P75[k], band.P95[k] = st.Q[0], st.Q[1], st.Q[2], st.Q[3], st.Q[4]
		band.Mean[k] = st.Mean
	}
	return band, nil
}

// readRunColumns reads runs.csv into columns by header name; empty fields
// are NaN, non-numeric columns (scenario) are skipped.
func readRunColumns(path string) (map[string][]float64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: empty", path)
	}
	cols := map[string][]float64{}
	for j, name := range rows[0] {
		col := make([]float64, 0, len(rows)-1)
		for _, r := range rows[1:] {
			v := math.NaN()
			if r[j] != "" {
				if v, err = strconv.ParseFloat(r[j], 64); err != nil {
					col = nil
					break
				}
			}
			col = append(col, v)
		}
		if col != nil {
			cols[name] = col
		}
	}
	return cols, nil
}

func finite(xs []float64) []float64 {
	out := make([]float64, 0, len(xs))
	for _, x := range xs {
		if !math.IsNaN(x) && !math.IsInf(x, 0) {
			out = append(out, x)
		}
	}
	return out
}

// dropNaN keeps the indices where every slice has a number (a missing
// interval is drawn as the mean).
func dropNaN(x, mean, lo, hi []float64) (xo, mo, lob, hib []float64) {
	for i := range x {
		if math.IsNaN(x[i]) || math.IsNaN(mean[i]) {
			continue
		}
		l, h := lo[i], hi[i]
		if math.IsNaN(l) || math.IsNaN(h) {
			l, h = mean[i], mean[i]
		}
		xo, mo, lob, hib = append(xo, x[i]), append(mo, mean[i]), append(lob, l), append(hib, h)
	}
	return xo, mo, lob, hib
}

func allNaN(z [][]float64) bool {
	for _, row := range z {
		for _, v := range row {
			if !math.IsNaN(v) {
				return false
			}
		}
	}
	return true
}
