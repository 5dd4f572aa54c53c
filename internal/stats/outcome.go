package stats

import (
	"math"
	"slices"
)

// Outcome is one outcome's row of a summary at one design point, computed
// exactly from every run's value: what summary.md, the terminal summary
// and report.html show. Only [NewOutcome] fills it.
type Outcome struct {
	Sorted        []float64 // the values that are not NaN, sorted
	Missing       int       // runs without a value (NaN)
	Mean, Half    float64   // normal 95% interval: Mean ± Half ([MeanCI])
	P05, P50, P95 float64   // percentiles ([Percentile]: whole numbers stay whole)
	Risks         []Risk    // one per threshold given to NewOutcome
}

// Risk is P(value > Threshold) among the runs with a value: K of N, with
// its Wilson 95% interval.
type Risk struct {
	Threshold float64
	K, N      int
	P, Lo, Hi float64
}

// NewOutcome summarises the runs' values of one outcome (NaN: the run has
// no value) with the exceedance probability of each threshold. The mean is
// summed in the order of values, so callers that pass the runs in the same
// order (unit order, as runs.csv holds them) get the same bits.
func NewOutcome(values, thresholds []float64) Outcome {
	// Sorted is made for every value at once: grown by append it would
	// hold up to a quarter more, and allocate several times its size.
	o := Outcome{Sorted: make([]float64, 0, len(values))}
	for _, v := range values {
		if math.IsNaN(v) {
			o.Missing++
		} else {
			o.Sorted = append(o.Sorted, v)
		}
	}
	o.Mean, o.Half = MeanCI(o.Sorted) // before sorting: in the callers' order
	slices.Sort(o.Sorted)
	o.P05, o.P50, o.P95 = Percentile(o.Sorted, 0.05), Percentile(o.Sorted, 0.5), Percentile(o.Sorted, 0.95)
	for _, t := range thresholds {
		o.Risks = append(o.Risks, o.Risk(t))
	}
	return o
}

// N returns the number of runs with a value.
func (o *Outcome) N() int { return len(o.Sorted) }

// Risk returns P(value > t) with its Wilson interval; a value equal to t
// does not count. It reuses the risk of a threshold given to NewOutcome.
func (o *Outcome) Risk(t float64) Risk {
	for _, r := range o.Risks {
		if r.Threshold == t {
			return r
		}
	}
	// The values are sorted: the count above t is what lies past the
	// last value ≤ t.
	n := len(o.Sorted)
	i, found := slices.BinarySearch(o.Sorted, t)
	for found && i < n && o.Sorted[i] == t {
		i++
	}
	r := Risk{Threshold: t, K: n - i, N: n}
	r.P, r.Lo, r.Hi = Wilson(r.K, r.N)
	return r
}
