package experiments

import (
	"fmt"
	"math"
	"slices"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/experiments/field"
)

// TargetCI is experiment.target_ci: run each point until every listed
// outcome's 95% interval is as narrow as asked, or until MaxRuns. It is
// off while MaxRuns is 0. Runs go in batches of Batch; after each whole
// batch the rule is checked on the point's runs so far, in run order, so
// the run count, hence every byte written, is the same whatever the worker
// count (docs/statistics.md, "Adaptive run counts").
type TargetCI struct {
	MaxRuns  int             `toml:"max_runs" unit:"count" doc:"cap on the runs of each point; 0 turns target_ci off (experiment.runs then applies); when on, experiment.runs is not used"`
	Batch    int             `toml:"batch" unit:"count" doc:"runs added to a point at a time: the rule is checked after each batch (default 100)"`
	Outcomes []TargetOutcome `toml:"outcomes" doc:"the outcomes whose intervals must be narrow enough; all of them must be"`
}

// TargetOutcome is one outcome of [TargetCI] and the half-width its 95%
// interval must not exceed.
type TargetOutcome struct {
	Name      string  `toml:"name" doc:"outcome metric (a column of runs.csv)"`
	Stat      string  `toml:"stat" doc:"mean (normal 95% interval of the mean) or probability (Wilson 95% interval of P(outcome > above))"`
	Above     float64 `toml:"above" unit:"outcome's unit" doc:"stat = probability: the threshold of P(outcome > above)"`
	HalfWidth float64 `toml:"half_width" unit:"outcome's unit (a probability for stat = probability)" doc:"the 95% interval's half-width must be below this; 0: use relative"`
	Relative  float64 `toml:"relative" unit:"fraction of |estimate|" doc:"the half-width must be below relative x |mean| (or x the probability); 0: use half_width"`
}

// Statistics a [TargetOutcome] can ask for.
const (
	TargetMean        = "mean"
	TargetProbability = "probability"
)

// DefaultTargetBatch is the default batch of [TargetCI]: 100
// runs, so a point's interval is first judged on 100 runs (enough for the
// normal interval of a mean to be trusted, the usual rule of thumb being
// 30) and the cap wastes at most 99 runs a point.
const DefaultTargetBatch = 100

// On reports whether target_ci is on.
func (t TargetCI) On() bool { return t.MaxRuns > 0 }

// normalise fills the default statistic of each outcome (a new array
// element has no defaults of its own).
func (t *TargetCI) normalise() {
	for i := range t.Outcomes {
		if t.Outcomes[i].Stat == "" {
			t.Outcomes[i].Stat = TargetMean
		}
	}
}

// validateTargetCI checks experiment.target_ci against the outcomes the
// experiment's model reports (outcomes nil: not known, names unchecked).
func validateTargetCI(c *field.Checker, e *Experiment, outcomes []string) {
	t := e.Experiment.TargetCI
	const k = "experiment.target_ci"
	if !t.On() {
		if t.MaxRuns < 0 {
			c.Errorf(k+".max_runs", "must be >= 0 (0: off), got %d", t.MaxRuns)
		}
		if len(t.Outcomes) > 0 {
			c.Errorf(k+".max_runs", "outcomes are listed but max_runs is 0: give the cap on runs per point")
		}
		return
	}
	c.IntRange(k+".max_runs", t.MaxRuns, 1, 10_000_000)
	if c.IntRange(k+".batch", t.Batch, 2, 10_000_000) && t.Batch > t.MaxRuns {
		c.Errorf(k+".batch", "the batch (%d) is larger than max_runs (%d)", t.Batch, t.MaxRuns)
	}
	if len(t.Outcomes) == 0 {
		c.Errorf(k+".outcomes", "list at least one outcome whose interval must be narrow enough")
	}
	if e.Sensitivity.Method != SensitivityNone {
		c.Errorf(k+".max_runs", "not with a sensitivity study: its estimators need the same replicates at every design point")
	}
	for i, o := range t.Outcomes {
		ko := fmt.Sprintf("%s.outcomes.%d", k, i)
		if outcomes != nil && !slices.Contains(outcomes, o.Name) {
			c.Errorf(ko+".name", "no outcome %q (see the columns of runs.csv)", o.Name)
		}
		c.OneOf(ko+".stat", o.Stat, TargetMean, TargetProbability)
		if o.Stat == TargetProbability {
			c.Finite(ko+".above", o.Above)
		} else if o.Above != 0 {
			c.Errorf(ko+".above", "only for stat = %q", TargetProbability)
		}
		h := c.NonNegative(ko+".half_width", o.HalfWidth)
		r := c.NonNegative(ko+".relative", o.Relative)
		if h && r && (o.HalfWidth == 0) == (o.Relative == 0) {
			c.Errorf(ko+".half_width", "give exactly one of half_width (absolute) and relative, above 0")
		}
	}
}

// Met reports whether the 95% interval of o's statistic, with estimate est
// and half-width half, is as narrow as o asks. For a probability the
// half-width is half the Wilson interval's width (the interval is not
// symmetric about the estimate). A NaN half-width (one run,
// or no run with a value) never meets it.
func (o TargetOutcome) Met(est, half float64) bool {
	if math.IsNaN(half) {
		return false
	}
	if o.HalfWidth > 0 {
		return half < o.HalfWidth
	}
	return half < o.Relative*math.Abs(est)
}

// outcomeNames lists the outcomes the experiment's model reports, or nil
// when they cannot be known (a mechanism section that does not declare
// itself: its own error is reported elsewhere).
func (e *Experiment) outcomeNames() []string {
	var ms []agents.Metric
	if e.Experiment.Model != ModelToken {
		ms = e.Schema().Outcomes
	} else {
		var err error
		if ms, err = agents.OutcomeColumns(&e.Params); err != nil {
			return nil
		}
	}
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Name
	}
	return out
}
