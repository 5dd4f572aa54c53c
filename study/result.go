package study

import (
	"io"
	"slices"
	"time"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/engine"
	"github.com/seqsim/seqsim/internal/stats"
)

// Result is a finished (or partly failed) study: what [Run] or [Merge]
// wrote into its folder, with the per-point statistics behind the summary.
type Result struct {
	rr  *runResult
	dir string
}

// Dir is the output folder.
func (r *Result) Dir() string { return r.dir }

// Runs is the number of runs that completed (of the shard, for a shard
// run).
func (r *Result) Runs() int { return r.rr.runs }

// Wall is the time the runs took (for a merge, the merge).
func (r *Result) Wall() time.Duration { return r.rr.wall }

// Failed lists the units that failed, each with its point, run, seed and
// error: enough to [Replay] it alone.
func (r *Result) Failed() []*engine.UnitError { return slices.Clone(r.rr.failed) }

// Points is the number of scenario points.
func (r *Result) Points() int { return r.rr.plan.Points }

// Mean returns an outcome's mean at a point over the runs with a value,
// and the half-width of its 95% confidence interval (the numbers
// summary.md and report.html show); false when the study has no such point
// or outcome.
func (r *Result) Mean(point int, outcome string) (mean, half float64, ok bool) {
	if point < 0 || point >= len(r.rr.values) {
		return 0, 0, false
	}
	for i, m := range r.rr.schema.Outcomes {
		if m.Name == outcome {
			o := stats.NewOutcome(r.rr.values[point][i], nil)
			return o.Mean, o.Half, true
		}
	}
	return 0, 0, false
}

// WriteSummary writes the terminal summary: per point, each outcome's
// mean with its 95% interval and its quantiles, then the risk
// probabilities; for a sensitivity study, the indices; for a search, the
// chosen designs.
func (r *Result) WriteSummary(w io.Writer) {
	if r.rr.search != nil {
		printSearchSummary(w, r.rr)
		return
	}
	printSummary(w, r.rr)
}

// Outcomes lists the study's outcomes in column order (a copy).
func (r *Result) Outcomes() []agents.Metric { return slices.Clone(r.rr.schema.Outcomes) }

// Values returns every run's value of the outcome with column index
// outcome at point, in run order (NaN: the run has no value); a copy, nil
// when there is no such point or outcome.
func (r *Result) Values(point, outcome int) []float64 {
	if point < 0 || point >= len(r.rr.values) || outcome < 0 || outcome >= len(r.rr.values[point]) {
		return nil
	}
	return slices.Clone(r.rr.values[point][outcome])
}
