package report

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/seqsim/seqsim/internal/stats"
	"github.com/seqsim/seqsim/plots"
	layout "github.com/seqsim/seqsim/study/folder"
	"gonum.org/v1/plot"
)

// chart is one chart of the report: a file in plots/ (name.svg, .png,
// .pdf) and a figure in the section of its metric.
type chart struct {
	name    string // file name without extension
	section string // section id
	caption string
	build   func(th plots.Theme) (*plot.Plot, error)

	// filled by render
	svg  []byte
	err  error  // the chart could not be drawn from this data
	note string // a format that could not be written
}

// render draws every chart, writes its files and keeps its inline SVG.
// Charts are drawn by a few workers, each with its own theme, and results
// land at their own index, so the output does not depend on scheduling.
// A chart whose data cannot be drawn (too few values, all equal) keeps the
// reason in err and the report says so; a failure to write is returned.
func render(charts []*chart, dir string, formats []string) error {
	workers := min(runtime.GOMAXPROCS(0), 4, len(charts))
	jobs := make(chan int)
	errs := make([]error, len(charts))
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			th := plots.Litepaper()
			for i := range jobs {
				c := charts[i]
				p, err := c.build(th)
				if err != nil {
					c.err = err
					continue
				}
				err = plots.Save(p, dir, c.name, th.Width, th.Height, formats...)
				if errors.Is(err, plots.ErrRange) && slices.Contains(formats, "pdf") {
					// Text outside the PDF fonts' code page (a Greek
					// letter, "≥" in a metric's doc): keep the other
					// formats and say so under the chart.
					c.note = "No PDF: " + err.Error()
					err = plots.Save(p, dir, c.name, th.Width, th.Height, slices.DeleteFunc(slices.Clone(formats), func(f string) bool { return f == "pdf" })...)
				}
				if err != nil {
					errs[i] = fmt.Errorf("report: chart %s: %w", c.name, err)
					continue
				}
				if c.svg, err = plots.SVGBytes(p, th.Width, th.Height); err != nil {
					errs[i] = fmt.Errorf("report: chart %s: %w", c.name, err)
				}
			}
		})
	}
	for i := range charts {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return errors.Join(errs...)
}

// sectionOf is the section id of a metric: its section, or health.
func sectionOf(m metric) string {
	if m.Section == "" {
		return "health"
	}
	return m.Section
}

// fanBand returns a copy of b without the steps where any quantile is
// missing (a series with no value that day), and how many were dropped.
func fanBand(b *plots.Band, label string, mean bool) (plots.Band, int) {
	out := plots.Band{Label: label}
	dropped := 0
	for k := range b.X {
		row := []float64{b.X[k], b.P05[k], b.P25[k], b.P50[k], b.P75[k], b.P95[k]}
		if mean {
			row = append(row, b.Mean[k])
		}
		if slices.ContainsFunc(row, func(x float64) bool { return math.IsNaN(x) || math.IsInf(x, 0) }) {
			dropped++
			continue
		}
		out.X = append(out.X, b.X[k])
		out.P05, out.P25, out.P50 = append(out.P05, b.P05[k]), append(out.P25, b.P25[k]), append(out.P50, b.P50[k])
		out.P75, out.P95 = append(out.P75, b.P75[k]), append(out.P95, b.P95[k])
		if mean {
			out.Mean = append(out.Mean, b.Mean[k])
		}
	}
	return out, dropped
}

// fanCharts overlays, for every charted series, the fans of the columns
// that have it: one fan with its mean for a single column, one per column
// (at most the palette's eight) otherwise.
func fanCharts(v *view, steps string) []*chart {
	var out []*chart
	for j, m := range v.series {
		if !m.Chart {
			continue
		}
		if m.Unit == "0/1" { // an indicator: its mean is a probability
			if c := probabilityChart(v, j, steps); c != nil {
				out = append(out, c)
			}
			continue
		}
		var bands []plots.Band
		dropped, skipped := 0, 0
		for i := range v.cols {
			b := v.cols[i].bands[j]
			if b == nil {
				continue
			}
			if len(bands) == 8 {
				skipped++
				continue
			}
			band, d := fanBand(b, v.cols[i].label, len(v.cols) == 1)
			if len(v.cols) == 1 {
				band.Label = ""
			}
			bands = append(bands, band)
			dropped = max(dropped, d)
		}
		if len(bands) == 0 {
			continue
		}
		var cap strings.Builder
		fmt.Fprintf(&cap, "%s over %s", plots.WithUnit(m.Name, m.Unit), steps)
		if len(bands) == 1 {
			cap.WriteString(": median (line), mean (dashed), 25–75% and 5–95% of the runs each day.")
		} else {
			fmt.Fprintf(&cap, ", %d fans: median (line), 25–75%% and 5–95%% of the runs each day.", len(bands))
		}
		cap.WriteString(" Quantiles from sketches, within 1% of the exact ones.")
		if dropped > 0 {
			fmt.Fprintf(&cap, " %d recorded days without a value are left out.", dropped)
		}
		if skipped > 0 {
			fmt.Fprintf(&cap, " %d more fans are not drawn: the palette has eight colours.", skipped)
		}
		out = append(out, &chart{name: layout.FanChart(m.Name), section: sectionOf(m), caption: cap.String(),
			build: func(th plots.Theme) (*plot.Plot, error) {
				return plots.FanChart(th, chartTitle(th, m.Doc, m.Name), "day", plots.WithUnit(m.Name, m.Unit), bands...)
			}})
	}
	return out
}

// probabilityChart draws an indicator series (unit "0/1", e.g.
// captured_by_day) as the probability per day, its mean across runs, with
// a Wilson 95% interval from the run count, one line per column.
func probabilityChart(v *view, j int, steps string) *chart {
	m := v.series[j]
	var series []plots.ProbSeries
	for i := range v.cols {
		b := v.cols[i].bands[j]
		if b == nil || len(series) == 8 {
			continue
		}
		s := plots.ProbSeries{Label: v.cols[i].label}
		if len(v.cols) == 1 {
			s.Label = ""
		}
		for k := range b.X {
			p := b.Mean[k]
			if math.IsNaN(p) {
				continue
			}
			lo, hi := p, p
			if v.runs > 0 {
				_, lo, hi = stats.Wilson(int(math.Round(p*float64(v.runs))), v.runs)
			}
			s.X, s.P, s.Lo, s.Hi = append(s.X, b.X[k]), append(s.P, p), append(s.Lo, lo), append(s.Hi, hi)
		}
		if len(s.X) >= 2 {
			series = append(series, s)
		}
	}
	if len(series) == 0 {
		return nil
	}
	title := "P(" + m.Name + ")"
	return &chart{name: "prob_" + m.Name, section: sectionOf(m),
		caption: fmt.Sprintf("Share of runs with %s = 1 over %s: the probability, with its Wilson 95%% interval (from the run count).", m.Name, steps),
		build: func(th plots.Theme) (*plot.Plot, error) {
			return plots.Probability(th, title, "day", "probability", series...)
		}}
}

// distCharts draws, for a single point, the distribution and the ECDF of
// every charted outcome with at least two values.
func distCharts(v *view) []*chart {
	var out []*chart
	for i, m := range v.outcomes {
		s := v.cols[0].stats[i]
		if !m.Chart || s == nil || s.N() < 2 || s.Sorted[0] == s.Sorted[s.N()-1] {
			continue // no shape to draw: the section's table says why
		}
		label := plots.WithUnit(m.Name, m.Unit)
		vals := s.Sorted
		tail := "upper tail: VaR at p95 and p99, ES the mean at or above p95"
		if m.LowerTail {
			tail = "lower tail: VaR at p5 and p1, ES the mean at or below p5"
		}
		some := fmt.Sprintf("%d runs", s.N())
		if s.Missing > 0 {
			some += fmt.Sprintf(" (%d more without a value)", s.Missing)
		}
		out = append(out,
			&chart{name: layout.DistChart(m.Name), section: sectionOf(m),
				caption: fmt.Sprintf("Distribution of %s over %s: density histogram, kernel density (Silverman's bandwidth) and risk markers in the %s.", m.Name, some, tail),
				build: func(th plots.Theme) (*plot.Plot, error) {
					return plots.Distribution(th, chartTitle(th, m.Doc, m.Name), label, vals, plots.DistOptions{LowerTail: m.LowerTail})
				}},
			&chart{name: "ecdf_" + m.Name, section: sectionOf(m),
				caption: fmt.Sprintf("Empirical distribution function of %s over %s: the share of runs at or below each value.", m.Name, some),
				build: func(th plots.Theme) (*plot.Plot, error) {
					return plots.ECDF(th, "ECDF of "+m.Name, label, plots.Sample{Values: vals})
				}})
	}
	return out
}

// compareCharts draws, across columns, the mean of every charted outcome
// and the probability of every risk, with their intervals.
func compareCharts(v *view, what string) []*chart {
	var out []*chart
	for i, m := range v.outcomes {
		if !m.Chart {
			continue
		}
		q := quantity{metric: i}
		cats, g := barsOf(v, q, "mean, 95% CI")
		if len(cats) < len(v.cols) && what != "experiment" || len(cats) == 0 {
			continue // a point without a value: nothing honest to draw
		}
		out = append(out, &chart{name: "compare_" + m.Name, section: sectionOf(m),
			caption: fmt.Sprintf("Mean %s per %s, with its normal 95%% confidence interval.", m.Name, what),
			build: func(th plots.Theme) (*plot.Plot, error) {
				return plots.Bars(th, chartTitle(th, m.Doc, m.Name), plots.WithUnit(m.Name, m.Unit), cats, g)
			}})
	}
	if c := tradeOffChart(v); c != nil {
		out = append(out, c)
	}
	out = append(out, violinCharts(v)...)
	out = append(out, forestCharts(v, what)...)
	for i, m := range v.outcomes {
		for _, t := range m.RiskAbove {
			q := quantity{metric: i, risk: true, thr: t}
			cats, g := barsOf(v, q, "probability, Wilson 95%")
			if len(cats) == 0 {
				continue
			}
			title := riskLabel(m.Name, t)
			out = append(out, &chart{name: "risk_" + m.Name + "_gt_" + fmtThr(t), section: sectionOf(m),
				caption: fmt.Sprintf("Probability that %s exceeds %s per %s, among runs with a value, with its Wilson 95%% interval.", m.Name, thrLabel(t), what),
				build: func(th plots.Theme) (*plot.Plot, error) {
					return plots.Bars(th, title, "probability", cats, g)
				}})
		}
	}
	return out
}

// forestCharts draw, for every charted outcome, each column's difference
// of means from the first column's with its interval, paired where the
// runs pair (paired.go): the differences table as a chart.
func forestCharts(v *view, what string) []*chart {
	if len(v.cols) < 2 || len(v.cols) > maxCompared {
		return nil
	}
	ref := &v.cols[0]
	var out []*chart
	for i, m := range v.outcomes {
		if !m.Chart {
			continue
		}
		var rows []plots.Difference
		paired := true
		for c := range v.cols[1:] {
			col := &v.cols[c+1]
			x := diffOf(v, quantity{metric: i}, ref, col)
			if !x.ok || math.IsNaN(x.d) {
				continue
			}
			paired = paired && x.paired
			rows = append(rows, plots.Difference{Label: col.label, Est: x.d, Lo: x.lo, Hi: x.hi, Paired: x.paired})
		}
		if len(rows) == 0 {
			continue
		}
		method := "the mean of the per-run differences with its normal 95% interval (the runs pair: same seeds)"
		if !paired {
			method = "paired where the runs share seeds, else (dashed) the unpaired normal 95% interval"
		}
		title := "Difference in mean " + m.Name + " from " + ref.label
		out = append(out, &chart{name: "diff_" + m.Name, section: sectionOf(m),
			caption: fmt.Sprintf("Mean %s of each %s less that of %s: %s. In colour where the interval excludes 0.", m.Name, what, ref.label, method),
			build: func(th plots.Theme) (*plot.Plot, error) {
				return plots.Forest(th, title, plots.WithUnit("difference in "+m.Name, m.Unit), rows)
			}})
	}
	return out
}

// violinCharts draw, for every charted outcome, the distribution of its
// per-run values in each column side by side (shape, not just the mean):
// e.g. the distribution of the cost to capture per governance model.
func violinCharts(v *view) []*chart {
	if len(v.cols) < 2 || len(v.cols) > 8 {
		return nil
	}
	var out []*chart
	for i, m := range v.outcomes {
		if !m.Chart {
			continue
		}
		var groups []plots.Sample
		varies, first := false, math.NaN()
		for c := range v.cols {
			st := v.cols[c].stats[i]
			if st == nil || len(st.Sorted) < 2 {
				continue
			}
			vals := st.Sorted // sorted
			if math.IsNaN(first) {
				first = vals[0]
			}
			varies = varies || vals[0] != first || vals[len(vals)-1] != first
			groups = append(groups, plots.Sample{Label: v.cols[c].label, Values: vals})
		}
		if len(groups) < 2 || !varies {
			continue
		}
		out = append(out, &chart{name: "violin_" + m.Name, section: sectionOf(m),
			caption: fmt.Sprintf("Distribution of %s per column: a mirrored kernel density (Silverman bandwidth) of the per-run values.", m.Name),
			build: func(th plots.Theme) (*plot.Plot, error) {
				return plots.Violin(th, chartTitle(th, m.Doc, m.Name), plots.WithUnit(m.Name, m.Unit), groups...)
			}})
	}
	return out
}

// tradeOffChart plots, one point per column, the first capture risk
// against the first dump risk (for the distribution mechanisms: does a
// design that spreads tokens widely trade capture risk for dump risk?).
func tradeOffChart(v *view) *chart {
	ci, ct, okc := firstRisk(v, "capture")
	di, dt, okd := firstRisk(v, "dump")
	if !okc || !okd || len(v.cols) < 2 {
		return nil
	}
	cq, dq := quantity{metric: ci, risk: true, thr: ct}, quantity{metric: di, risk: true, thr: dt}
	var names []string
	var x, xlo, xhi, y, ylo, yhi []float64
	for i := range v.cols {
		a, alo, ahi := dq.value(&v.cols[i])
		b, blo, bhi := cq.value(&v.cols[i])
		if math.IsNaN(a) || math.IsNaN(b) {
			continue
		}
		if math.IsNaN(alo) {
			alo, ahi = a, a
		}
		if math.IsNaN(blo) {
			blo, bhi = b, b
		}
		names = append(names, v.cols[i].label)
		x, xlo, xhi = append(x, a), append(xlo, alo), append(xhi, ahi)
		y, ylo, yhi = append(y, b), append(ylo, blo), append(yhi, bhi)
	}
	if len(names) < 2 {
		return nil
	}
	xl, yl := riskLabel(v.outcomes[di].Name, dt), riskLabel(v.outcomes[ci].Name, ct)
	return &chart{name: "tradeoff_" + v.outcomes[ci].Name + "_vs_" + v.outcomes[di].Name, section: "capture",
		caption: fmt.Sprintf("Capture risk against dump risk: %s against %s for each design, with Wilson 95%% intervals both ways.", yl, xl),
		build: func(th plots.Theme) (*plot.Plot, error) {
			return plots.TradeOff(th, "Capture risk vs dump risk", xl, yl, names, x, xlo, xhi, y, ylo, yhi)
		}}
}

// firstRisk returns the first outcome of a section with risk thresholds,
// at the threshold whose probabilities are the most informative (mean
// across columns closest to 1/2: a risk that is 1 everywhere says nothing).
func firstRisk(v *view, section string) (metric int, thr float64, ok bool) {
	for i, m := range v.outcomes {
		if sectionOf(m) != section || len(m.RiskAbove) == 0 {
			continue
		}
		best, bestDist := m.RiskAbove[0], math.Inf(1)
		for _, t := range m.RiskAbove {
			q := quantity{metric: i, risk: true, thr: t}
			var sum float64
			var n int
			for c := range v.cols {
				if p, _, _ := q.value(&v.cols[c]); !math.IsNaN(p) {
					sum, n = sum+p, n+1
				}
			}
			if n > 0 && math.Abs(sum/float64(n)-0.5) < bestDist {
				best, bestDist = t, math.Abs(sum/float64(n)-0.5)
			}
		}
		return i, best, true
	}
	return 0, 0, false
}

// barsOf collects a quantity over the columns that have it.
func barsOf(v *view, q quantity, label string) ([]string, plots.BarGroup) {
	var cats []string
	g := plots.BarGroup{Label: label}
	for i := range v.cols {
		x, lo, hi := q.value(&v.cols[i])
		if math.IsNaN(x) {
			continue
		}
		if math.IsNaN(lo) { // one run: no interval
			lo, hi = x, x
		}
		cats = append(cats, v.cols[i].label)
		g.Values, g.Lo, g.Hi = append(g.Values, x), append(g.Lo, lo), append(g.Hi, hi)
	}
	return cats, g
}

func fmtThr(t float64) string { return strconv.FormatFloat(t, 'g', -1, 64) }

// thrLabel shows a threshold to readers: as written for ordinary numbers,
// with the axes' k/M/B suffixes for large ones (10M, not 1e+07).
func thrLabel(t float64) string {
	if math.Abs(t) >= 1e4 {
		s := plots.FormatValue(t) // "10.0M": the zeros say nothing about a threshold
		if i := strings.IndexAny(s, "kMBT"); i > 0 && strings.Contains(s[:i], ".") {
			s = strings.TrimRight(strings.TrimRight(s[:i], "0"), ".") + s[i:]
		}
		return s
	}
	return fmtThr(t)
}

func riskLabel(name string, t float64) string { return "P(" + name + " > " + thrLabel(t) + ")" }

// sweepCharts draws, per scenario, a line with its interval for a 1-D grid
// sweep and a heat map for a 2-D one, for every charted outcome mean and
// every risk. Other designs (Latin hypercube, more dimensions) get none.
func sweepCharts(f *folder, v *view) []*chart {
	st := f.man.Study
	dims := len(st.SweepPaths)
	if dims == 0 || dims > 2 || st.SweepMethod != "grid" {
		return nil
	}
	pathCol := make([]int, dims)
	for k, p := range st.SweepPaths {
		if pathCol[k] = slices.Index(st.Columns, p); pathCol[k] < 0 {
			return nil
		}
	}
	scenCol := slices.Index(st.Columns, "scenario")
	groups := []string{""}
	if scenCol >= 0 && len(st.Scenarios) > 0 {
		groups = st.Scenarios
	}
	var qs []quantity
	for i, m := range v.outcomes {
		if m.Chart {
			qs = append(qs, quantity{metric: i})
		}
	}
	for i, m := range v.outcomes {
		for _, t := range m.RiskAbove {
			qs = append(qs, quantity{metric: i, risk: true, thr: t})
		}
	}
	var out []*chart
	for _, scen := range groups {
		var pts []int
		coords := map[int][]float64{}
		for p := range f.points {
			cols := f.points[p].cols
			if cols == nil || scenCol >= 0 && scen != "" && cols[scenCol] != scen {
				continue
			}
			x := make([]float64, dims)
			ok := true
			for k := range dims {
				var err error
				if x[k], err = strconv.ParseFloat(cols[pathCol[k]], 64); err != nil {
					ok = false
				}
			}
			if ok {
				pts = append(pts, p)
				coords[p] = x
			}
		}
		if len(pts) == 0 {
			continue
		}
		suffix, of := "", ""
		if scen != "" {
			suffix, of = "_"+sanitize(scen), " in scenario "+scen
		}
		for _, q := range qs {
			m := v.outcomes[q.metric]
			name, title, label := "sweep_"+m.Name, "mean "+m.Name, plots.WithUnit(m.Name, m.Unit)
			what := "mean with its normal 95% confidence interval"
			if q.risk {
				name = "sweep_risk_" + m.Name + "_gt_" + fmtThr(q.thr)
				title, label = riskLabel(m.Name, q.thr), "probability"
				what = "probability with its Wilson 95% interval"
			}
			vals := make([][3]float64, len(pts))
			for k, p := range pts {
				vals[k][0], vals[k][1], vals[k][2] = q.value(&v.cols[p])
			}
			c := &chart{name: name + suffix, section: sectionOf(m)}
			if dims == 1 {
				c.caption = fmt.Sprintf("%s against %s%s: %s.", title, st.SweepPaths[0], of, what)
				c.build = func(th plots.Theme) (*plot.Plot, error) {
					x, mean, lo, hi := lineData(pts, coords, vals)
					return plots.LineBand(th, title, st.SweepPaths[0], label, x, mean, lo, hi)
				}
			} else {
				c.caption = fmt.Sprintf("%s over the grid of %s and %s%s (cell values: the %s).", title, st.SweepPaths[0], st.SweepPaths[1], of, strings.SplitN(what, " with", 2)[0])
				c.build = func(th plots.Theme) (*plot.Plot, error) {
					xs, ys, z := gridData(pts, coords, vals)
					return plots.HeatMap(th, title, st.SweepPaths[1], st.SweepPaths[0], label, xs, ys, z)
				}
			}
			out = append(out, c)
		}
	}
	return out
}

// lineData sorts the points of a 1-D sweep by their swept value. A point
// with one run has no interval: its band is the value itself.
func lineData(pts []int, coords map[int][]float64, vals [][3]float64) (x, mean, lo, hi []float64) {
	idx := make([]int, len(pts))
	for i := range idx {
		idx[i] = i
	}
	// Grid values: no NaN, so cmp.Compare orders them as < does.
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(coords[pts[a]][0], coords[pts[b]][0]) })
	for _, i := range idx {
		v := vals[i]
		if math.IsNaN(v[1]) {
			v[1], v[2] = v[0], v[0]
		}
		x, mean, lo, hi = append(x, coords[pts[i]][0]), append(mean, v[0]), append(lo, v[1]), append(hi, v[2])
	}
	return x, mean, lo, hi
}

// gridData lays the points of a 2-D grid into z[y][x] with sorted axes:
// y is the first swept path, x the second.
func gridData(pts []int, coords map[int][]float64, vals [][3]float64) (xs, ys []float64, z [][]float64) {
	for _, p := range pts {
		c := coords[p]
		if !slices.Contains(ys, c[0]) {
			ys = append(ys, c[0])
		}
		if !slices.Contains(xs, c[1]) {
			xs = append(xs, c[1])
		}
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
	for k, p := range pts {
		c := coords[p]
		z[slices.Index(ys, c[0])][slices.Index(xs, c[1])] = vals[k][0]
	}
	return xs, ys, z
}

// sanitize makes a scenario name safe in a file name.
func sanitize(s string) string {
	b := []byte(s)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			b[i] = '_'
		}
	}
	return string(b)
}

// sensCharts draws the indices of every analysed outcome: Sobol S1 and ST
// as bars with intervals, Morris µ* against σ, one-at-a-time swings as a
// tornado.
func sensCharts(f *folder) []*chart {
	var out []*chart
	for _, sm := range f.sens {
		if len(sm.rows) == 0 {
			continue
		}
		unit := ""
		mi := slices.IndexFunc(f.man.Outcomes, func(m metric) bool { return m.Name == sm.metric })
		if mi >= 0 {
			unit = f.man.Outcomes[mi].Unit
		}
		rows := sm.rows
		c := &chart{name: "sensitivity_" + sm.metric, section: "sensitivity"}
		names := make([]string, len(rows))
		for i, r := range rows {
			names[i] = r.param
		}
		col := func(get func(sensRow) float64) []float64 {
			out := make([]float64, len(rows))
			for i, r := range rows {
				out[i] = get(r)
			}
			return out
		}
		switch sm.method {
		case "sobol":
			s1, s1lo, s1hi := col(func(r sensRow) float64 { return r.s1 }), col(func(r sensRow) float64 { return r.s1Lo }), col(func(r sensRow) float64 { return r.s1Hi })
			st, stlo, sthi := col(func(r sensRow) float64 { return r.st }), col(func(r sensRow) float64 { return r.stLo }), col(func(r sensRow) float64 { return r.stHi })
			c.caption = fmt.Sprintf("Sobol indices of %s: first order S1 (the share of its variance each parameter explains alone) and total ST (with interactions), with bootstrap 95%% intervals.", sm.metric)
			c.build = func(th plots.Theme) (*plot.Plot, error) {
				return plots.Bars(th, "Sobol indices of "+sm.metric, "index", names,
					plots.BarGroup{Label: "S1 (first order)", Values: s1, Lo: s1lo, Hi: s1hi},
					plots.BarGroup{Label: "ST (total)", Values: st, Lo: stlo, Hi: sthi})
			}
		case "morris":
			mu, sigma := col(func(r sensRow) float64 { return r.muStar }), col(func(r sensRow) float64 { return r.sigma })
			c.caption = fmt.Sprintf("Morris screening of %s: µ* (mean absolute elementary effect: how much a parameter matters) against σ (how non-linear or interacting it is).", sm.metric)
			c.build = func(th plots.Theme) (*plot.Plot, error) {
				return plots.MorrisScatter(th, "Morris screening of "+sm.metric, unit, names, mu, sigma)
			}
		case "oat":
			lo, hi := col(func(r sensRow) float64 { return r.oatYLo }), col(func(r sensRow) float64 { return r.oatYHi })
			base := math.NaN()
			if mi >= 0 && len(f.points) > 0 && f.points[0].stats != nil {
				base = f.points[0].stats[mi].Mean // the design's row 0 is the base point
			}
			c.caption = fmt.Sprintf("One at a time: %s with each parameter at the low and the high end of its range, the others at their base values; the line is the base point.", sm.metric)
			c.build = func(th plots.Theme) (*plot.Plot, error) {
				return plots.Tornado(th, "One at a time: "+sm.metric, plots.WithUnit(sm.metric, unit), base, names, lo, hi)
			}
		default:
			continue
		}
		out = append(out, c)
	}
	return out
}

// chartTitle is a chart's title: the metric's doc when it fits the
// chart's width, else its longest leading clause that fits (cut before
// " (", ", " or "; "), else the metric's name. Long docs would otherwise
// run off both edges of a column-wide chart.
func chartTitle(th plots.Theme, doc, name string) string {
	if doc == "" {
		return name
	}
	fnt := th.Font
	fnt.Size = th.TitleSize
	face := th.Fonts.Lookup(fnt, th.TitleSize)
	avail := th.Width - 24 // the 4 pt outer margin and some air on both sides
	if face.Width(doc) <= avail {
		return doc
	}
	best := ""
	for i := range doc {
		for _, sep := range []string{" (", ", ", "; ", " — "} {
			if strings.HasPrefix(doc[i:], sep) && len(doc[:i]) > len(best) && face.Width(doc[:i]) <= avail {
				best = doc[:i]
			}
		}
	}
	if best != "" {
		return best
	}
	return name
}
