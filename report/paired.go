package report

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/seqsim/seqsim/internal/stats"
)

// Paired comparisons. Scenarios and sweep points of one experiment share
// their runs' seeds by default (common random numbers), and so may two
// experiments compared: run r of one design then differs from run r of the
// other by the design alone, and the difference of their means is
// estimated from the per-run differences, with an interval that is
// narrower than two marginal intervals side by side by as much as the
// runs are correlated. Two columns pair when they have the same number of
// runs and run r has the same seed in both (checked, not assumed).

// pairs reports whether columns a and b pair run by run.
func pairs(a, b *column) bool {
	return len(a.seeds) > 1 && slices.Equal(a.seeds, b.seeds)
}

// diff is quantity q in column c less the same in column ref: the paired
// difference when the columns pair, else the difference of the marginal
// estimates with an unpaired interval (Welch's normal interval for means,
// Newcombe's method 10 for independent proportions).
type diff struct {
	ok       bool    // both columns have the quantity
	paired   bool    // the columns pair run by run
	d        float64 // c − ref
	lo, hi   float64 // its 95% interval
	unpaired float64 // the width of the unpaired interval, for contrast
	better   float64 // share of paired runs in which c is better (NaN unpaired)
	sd       float64 // standard deviation of the per-run differences (NaN unpaired)
}

// resolved reports whether the interval excludes zero.
func (x diff) resolved() bool { return x.ok && (x.lo > 0 || x.hi < 0) }

// diffOf computes quantity q in column c against column ref.
func diffOf(v *view, q quantity, ref, c *column) diff {
	m := q.metric
	if ref.values == nil || c.values == nil || ref.values[m] == nil || c.values[m] == nil || ref.stats[m] == nil || c.stats[m] == nil {
		return diff{}
	}
	a, b := ref.values[m], c.values[m]
	if q.risk {
		a, b = indicator(a, q.thr), indicator(b, q.thr)
	}
	better := func(worse, better float64) float64 {
		if q.higherBetter(v) {
			return better
		}
		return worse
	}
	if pairs(ref, c) {
		p := stats.Paired(a, b)
		x := diff{ok: p.N > 1, paired: true, d: p.Diff, unpaired: 2 * p.Unpaired, sd: p.SD,
			better: better(p.WorseB, p.BetterB)}
		x.lo, x.hi = p.Diff-p.Half, p.Diff+p.Half
		if q.risk {
			pp := stats.PairedProportions(a, b)
			x.d, x.lo, x.hi = pp.Diff, pp.Lo, pp.Hi
			x.unpaired = pp.UnpairedHi - pp.UnpairedLo
		}
		return x
	}
	x := diff{ok: true, better: math.NaN(), sd: math.NaN()}
	if q.risk {
		ra, rb := ref.stats[m].Risk(q.thr), c.stats[m].Risk(q.thr)
		x.d = rb.P - ra.P
		x.lo = x.d - math.Hypot(rb.P-rb.Lo, ra.Hi-ra.P)
		x.hi = x.d + math.Hypot(rb.Hi-rb.P, ra.P-ra.Lo)
	} else {
		sa, sb := ref.stats[m], c.stats[m]
		h := math.Hypot(sa.Half, sb.Half)
		x.d, x.lo, x.hi = sb.Mean-sa.Mean, sb.Mean-sa.Mean-h, sb.Mean-sa.Mean+h
	}
	x.unpaired = x.hi - x.lo
	x.ok = !math.IsNaN(x.lo) && !math.IsNaN(x.hi)
	return x
}

// indicator is 1 where a value exceeds thr, 0 where it does not, NaN where
// there is none: the event of a risk, run by run.
func indicator(values []float64, thr float64) []float64 {
	out := make([]float64, len(values))
	for i, x := range values {
		switch {
		case math.IsNaN(x):
			out[i] = math.NaN()
		case x > thr:
			out[i] = 1
		}
	}
	return out
}

// diffTable is the differences of every column from the first (the
// reference: the first scenario, sweep point or experiment) on the key
// quantities qs: each difference with its interval, paired where the runs
// pair, and a note saying which method each used and how many runs an
// unresolved paired difference would need.
func diffTable(v *view, qs []quantity, what string) (table, bool) {
	if len(v.cols) < 2 || len(v.cols) > maxCompared {
		return table{}, false
	}
	ref := &v.cols[0]
	t := table{Caption: "Differences from " + ref.label, Head: heads("", "unit")}
	for _, c := range v.cols[1:] {
		t.Head = append(t.Head, head{Lines: c.parts})
	}
	nPaired, nUnpaired := 0, 0
	var need []string
	for _, q := range qs {
		m := v.outcomes[q.metric]
		if !isKey(m) {
			continue
		}
		label, unit := "mean "+m.Name, m.Unit
		f := num
		if q.risk {
			label, unit, f = riskLabel(m.Name, q.thr), "probability", prob
		}
		row := tableRow{Label: label, Cells: []tableCell{{Value: unit, Text: true}}}
		// the share of paired runs in which the column is better: its own
		// row under a mean, shown where the runs pair
		share := tableRow{Label: "runs in which better", Sub: m.Name, Cells: []tableCell{{Value: "share", Text: true}}}
		anyShare := false
		for i := range v.cols[1:] {
			c := &v.cols[i+1]
			x := diffOf(v, q, ref, c)
			shareCell := tableCell{Value: "–"}
			if x.ok && x.paired && !q.risk && !math.IsNaN(x.better) {
				shareCell.Value = fmt.Sprintf("%.0f%%", 100*x.better)
				anyShare = true
			}
			share.Cells = append(share.Cells, shareCell)
			if !x.ok {
				row.Cells = append(row.Cells, tableCell{Value: "–"})
				continue
			}
			cell := tableCell{Value: signed(x.d, f), Interval: interval(x.lo, x.hi, f)}
			if !x.paired {
				cell.Value += " ‡"
				nUnpaired++
			} else {
				nPaired++
			}
			if x.resolved() {
				if (x.d > 0) == q.higherBetter(v) {
					cell.Mark = "best"
				} else {
					cell.Mark = "worst"
				}
			} else if x.paired && x.d != 0 {
				if n := stats.RunsToResolve(x.sd, x.d); n > 0 {
					need = append(need, fmt.Sprintf("%s, %s: about %d runs", label, c.label, n))
				}
			}
			row.Cells = append(row.Cells, cell)
		}
		t.Rows = append(t.Rows, row)
		if anyShare {
			t.Rows = append(t.Rows, share)
		}
	}
	if len(t.Rows) == 0 {
		return table{}, false
	}
	t.Wide = len(t.Head) > 7
	var method string
	switch {
	case nUnpaired == 0:
		method = "Every difference is paired: the " + what + "s share their runs' seeds, so run r of each differs by the design alone. Means: the mean of the per-run differences with its normal 95% interval; probabilities: Newcombe's (1998) interval for paired proportions."
	case nPaired == 0:
		method = "The runs do not pair (their seeds differ): differences with unpaired intervals (‡: Welch's normal interval for means, Newcombe's method 10 for proportions)."
	default:
		method = "Paired where the runs share their seeds (mean of per-run differences; Newcombe's paired interval for probabilities); ‡ unpaired where they do not."
	}
	t.Notes = []string{method, "Marked: the interval excludes 0, better (green) or worse (red) than " + ref.label + "."}
	if len(need) > 0 {
		const most = 6
		more := ""
		if len(need) > most {
			more = fmt.Sprintf("; and %d more", len(need)-most)
			need = need[:most]
		}
		t.Notes = append(t.Notes, "Not resolved; the runs per "+what+" that would resolve the observed difference at its observed paired spread: "+strings.Join(need, "; ")+more+".")
	}
	return t, true
}

// signed formats x with an explicit sign.
func signed(x float64, f func(float64) string) string {
	s := f(x)
	if x > 0 {
		return "+" + s
	}
	return s
}
