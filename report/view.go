package report

import (
	"math"

	"github.com/seqsim/seqsim/internal/stats"
	"github.com/seqsim/seqsim/plots"
)

// maxCompared is the most points (or experiments) a report compares in
// tables and headline cards; beyond it a table would not fit a page, and
// the report shows the best and worst only.
const maxCompared = 12

// column is one point of one experiment: a column of the comparison
// tables and one fan of the overlaid fan charts.
type column struct {
	label  string           // in legends and bar categories
	parts  []string         // label in parts for table headers: experiment, scenario, swept values
	stats  []*stats.Outcome // by the view's outcome index; nil: the experiment has no such outcome
	values [][]float64      // the runs' values, by the view's outcome index and run; nil as stats
	seeds  []uint64         // run r's seed (paired.go); nil: the runs cannot be paired
	bands  []*plots.Band    // by the view's series index; nil: no such series
}

// view is what the metric sections are built from: metrics and the
// columns that have values for them. A folder's report has one column per
// point; a comparison one per point of every experiment.
type view struct {
	outcomes []metric
	series   []metric
	cols     []column
	runs     int // runs per point when all columns agree, else 0
}

// folderView is the view of one folder: its points as columns.
func folderView(f *folder) *view {
	v := &view{outcomes: f.man.Outcomes, series: f.man.Series, runs: f.man.Study.Runs}
	for p := range f.points {
		pt := &f.points[p]
		c := column{label: f.label(p), parts: f.labelParts(p, lastSegment), stats: make([]*stats.Outcome, len(pt.stats)), values: pt.values, seeds: pt.seeds, bands: pt.bands}
		for i := range pt.stats {
			c.stats[i] = &pt.stats[i]
		}
		if c.bands == nil {
			c.bands = make([]*plots.Band, len(f.man.Series))
		}
		v.cols = append(v.cols, c)
	}
	return v
}

// quantity is one number per column: an outcome's mean, or the
// probability that it exceeds a threshold.
type quantity struct {
	metric int     // outcome index in the view
	risk   bool    // probability of exceeding threshold, else the mean
	thr    float64 // threshold when risk
}

// value returns the quantity in column c with its 95% interval; NaN when
// the column has no value.
func (q quantity) value(c *column) (v, lo, hi float64) {
	s := c.stats[q.metric]
	if s == nil {
		return math.NaN(), math.NaN(), math.NaN()
	}
	if q.risk {
		r := s.Risk(q.thr)
		return r.P, r.Lo, r.Hi
	}
	return s.Mean, s.Mean - s.Half, s.Mean + s.Half
}

// higherBetter says which way is better: for lower-tail outcomes (low is
// the risk) higher; for everything else, and every exceedance
// probability, lower.
func (q quantity) higherBetter(v *view) bool {
	return !q.risk && v.outcomes[q.metric].LowerTail
}

// quantities lists the outcome means and risks of the outcomes idx, each
// outcome's mean followed by its risks.
func (v *view) quantities(idx []int) []quantity {
	var qs []quantity
	for _, i := range idx {
		qs = append(qs, quantity{metric: i})
		for _, t := range v.outcomes[i].RiskAbove {
			qs = append(qs, quantity{metric: i, risk: true, thr: t})
		}
	}
	return qs
}

// headline picks the two or three numbers a section opens with, from
// metadata alone: the first risk of every outcome with thresholds, then
// the means of charted outcomes, then of the others in manifest order.
func (v *view) headline(idx []int) []quantity {
	const most = 3
	var qs []quantity
	for _, i := range idx {
		if m := v.outcomes[i]; len(m.RiskAbove) > 0 && len(qs) < most {
			qs = append(qs, quantity{metric: i, risk: true, thr: m.RiskAbove[0]})
		}
	}
	for _, pass := range []bool{true, false} {
		for _, i := range idx {
			if len(qs) < most && v.outcomes[i].Chart == pass && len(v.outcomes[i].RiskAbove) == 0 {
				qs = append(qs, quantity{metric: i})
			}
		}
	}
	return qs
}

// marks returns, per column, "best", "worst" or "" for a quantity, and
// whether the difference of the best and the worst is not resolved at
// 95%: by its paired interval when their runs pair (paired.go), else by
// the overlap of their intervals. Every column tied for best (or worst) is
// marked; columns without a value never are. Fewer than two values, or
// all equal, give no marks.
func marks(v *view, q quantity) (m []string, overlap bool) {
	m = make([]string, len(v.cols))
	sign := 1.0 // lower is better
	if q.higherBetter(v) {
		sign = -1
	}
	x := make([]float64, len(v.cols))
	bv, wv := math.Inf(1), math.Inf(-1)
	n := 0
	for i := range v.cols {
		x[i], _, _ = q.value(&v.cols[i])
		x[i] *= sign
		if math.IsNaN(x[i]) {
			continue
		}
		n++
		bv, wv = min(bv, x[i]), max(wv, x[i])
	}
	if n < 2 || bv == wv {
		return m, false
	}
	// The widest pair of intervals decides the overlap: if any best's and
	// any worst's intervals overlap, the ranking is not resolved.
	for i := range v.cols {
		switch x[i] {
		case bv:
			m[i] = "best"
		case wv:
			m[i] = "worst"
		}
	}
	for i := range v.cols {
		for j := range v.cols {
			if m[i] != "best" || m[j] != "worst" {
				continue
			}
			if pairs(&v.cols[i], &v.cols[j]) {
				// Runs that pair resolve the difference by its own
				// interval (paired.go), not by two marginal ones.
				overlap = overlap || !diffOf(v, q, &v.cols[j], &v.cols[i]).resolved()
				continue
			}
			_, blo, bhi := q.value(&v.cols[i])
			_, wlo, whi := q.value(&v.cols[j])
			overlap = overlap || blo <= whi && wlo <= bhi
		}
	}
	return m, overlap
}
