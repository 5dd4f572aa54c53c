package study

import (
	"fmt"
	"slices"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/internal/manifest"
	"github.com/seqsim/seqsim/internal/stats"
)

// Why a point of an experiment with target_ci stopped, as manifest.json
// spells it.
const (
	stopTarget = "target" // every listed outcome's interval was narrow enough
	stopCap    = "cap"    // max_runs ran out first
)

// targetRule is experiment.target_ci read against the statistics sink: the
// rows a point has delivered, in run order, are exactly its first runs
// (engine.Plan.Stop), so the rule sees the same values whatever the worker
// count, and after a resume (which replays runs.csv into the sink).
type targetRule struct {
	t    experiments.TargetCI
	cols []int // the runs.csv outcome index of each listed outcome
	sink *statsSink
}

// newTargetRule returns the rule, or nil when target_ci is off.
func (st *spec) newTargetRule(sink *statsSink) *targetRule {
	t := st.exp.Experiment.TargetCI
	if !t.On() {
		return nil
	}
	r := &targetRule{t: t, sink: sink}
	for _, o := range t.Outcomes {
		// Validation checked the names against the same schema.
		r.cols = append(r.cols, slices.IndexFunc(st.sch.Outcomes, func(m agents.Metric) bool { return m.Name == o.Name }))
	}
	return r
}

// met reports whether every listed outcome's 95% interval over the
// point's runs so far is as narrow as asked: the normal interval of the
// mean, or the Wilson interval of P(value > above), from the same
// functions as the summary's numbers (internal/stats).
func (r *targetRule) met(point int) bool {
	for i, o := range r.t.Outcomes {
		vs := r.sink.values[point][r.cols[i]]
		var est, half float64
		if o.Stat == experiments.TargetProbability {
			out := stats.NewOutcome(vs, nil)
			rk := out.Risk(o.Above)
			est, half = rk.P, (rk.Hi-rk.Lo)/2
		} else {
			est, half = stats.MeanCI(vs)
		}
		if !o.Met(est, half) {
			return false
		}
	}
	return true
}

// stop is engine.Plan.Stop.
func (r *targetRule) stop(point, _ int) bool { return r.met(point) }

// stops records, per point, the runs it used and why it stopped, for
// manifest.json.
func (r *targetRule) stops() []manifest.PointStop {
	out := make([]manifest.PointStop, len(r.sink.values))
	for p, vs := range r.sink.values {
		n := 0
		if len(vs) > 0 {
			n = len(vs[0])
		}
		why := stopCap
		if r.met(p) {
			why = stopTarget
		}
		out[p] = manifest.PointStop{Point: p, Runs: n, Stopped: why}
	}
	return out
}

// rows is the number of runs the sink holds, over every point: the runs
// that ran and gave a row (a resume's replayed rows included).
func (r *targetRule) rows() int {
	n := 0
	for _, vs := range r.sink.values {
		if len(vs) > 0 {
			n += len(vs[0])
		}
	}
	return n
}

// runsPerPoint says how many runs each point ran, for the summaries: "1000
// runs", or with target_ci the range the points used and the cap, "70-200
// runs (target_ci, at most 400)".
func runsPerPoint(rr *runResult) string {
	if len(rr.stops) == 0 {
		return fmt.Sprintf("%d runs", rr.plan.Runs)
	}
	lo, hi := rr.stops[0].Runs, rr.stops[0].Runs
	for _, s := range rr.stops {
		lo, hi = min(lo, s.Runs), max(hi, s.Runs)
	}
	n := fmt.Sprintf("%d", lo)
	if lo != hi {
		n = fmt.Sprintf("%d-%d", lo, hi)
	}
	return fmt.Sprintf("%s runs (target_ci, at most %d)", n, rr.plan.Runs)
}
