package experiments

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/engine/search"
	"github.com/seqsim/seqsim/experiments/field"
	"github.com/seqsim/seqsim/internal/enum"
)

// KindSearch is the kind of an experiment with a [search] section: a
// design search (engine/search) whose candidates are the points.
const KindSearch Kind = "search"

// SearchMethod is the algorithm of a design search.
type SearchMethod uint8

// Search methods.
const (
	SearchNone  SearchMethod = iota // no search
	SearchNSGA2                     // NSGA-II: one or more objectives, a front (search.NSGA2)
	SearchCMAES                     // CMA-ES: one objective (search.CMAES)
)

var searchMethodNames = enum.Table[SearchMethod]{"none", "nsga2", "cmaes"}

// String is the method's TOML name.
func (m SearchMethod) String() string { return searchMethodNames.String(m) }

// MarshalText writes the TOML name.
func (m SearchMethod) MarshalText() ([]byte, error) { return searchMethodNames.MarshalText(m) }

// UnmarshalText reads a TOML name; an unknown one lists the allowed names.
func (m *SearchMethod) UnmarshalText(b []byte) error { return searchMethodNames.UnmarshalText(m, b) }

// EnumNames lists the allowed names, for `seqsim params`.
func (SearchMethod) EnumNames() []string { return searchMethodNames.Names() }

// SearchVariable is one decision variable of a search: a numeric
// parameter by its dotted path, as sweeps and sensitivity name them.
type SearchVariable struct {
	Path   string    `toml:"path" unit:"dotted path" doc:"the parameter to choose"`
	Kind   string    `toml:"kind" unit:"real|int|discrete" doc:"real: any value in [min, max]; int: the integers in [min, max]; discrete: one of values (empty: int for an integer parameter, real otherwise)"`
	Min    float64   `toml:"min" doc:"real, int: lower bound"`
	Max    float64   `toml:"max" doc:"real, int: upper bound"`
	Values []float64 `toml:"values" doc:"discrete: the values to choose from"`
	Also   []string  `toml:"also" unit:"dotted paths" doc:"other parameters set to the same value (e.g. the investors' cliff with the team's)"`
	Rest   string    `toml:"rest" unit:"none|proportional" doc:"for an element of a list that sums to 1 (fees.split.0): proportional sets the other elements to their values in the experiment scaled by (1 - value)/(1 - its value in the experiment), so the list still sums to 1"`
}

// SearchStat is the statistic of an outcome that an objective or a
// constraint estimates over a candidate's replicate runs.
type SearchStat struct {
	Outcome   string  `toml:"outcome" unit:"outcome column" doc:"an outcome of the model (a column of runs.csv)"`
	Statistic string  `toml:"statistic" unit:"mean|quantile|probability" doc:"mean (the default), the q-quantile, or the probability of the event (outcome above or below threshold)"`
	Q         float64 `toml:"q" unit:"fraction" doc:"quantile: the level, in (0, 1)"`
	Threshold float64 `toml:"threshold" doc:"probability: the threshold of the event"`
	Event     string  `toml:"event" unit:"above|below" doc:"probability: the event is outcome > threshold (above, the default) or outcome < threshold (below)"`
	Name      string  `toml:"name" doc:"the label of its columns in search.csv and front.csv (empty: outcome_statistic, e.g. captured_P(>0.5))"`
}

// SearchObjective is a statistic to minimise or maximise.
type SearchObjective struct {
	SearchStat
	Goal string `toml:"goal" unit:"minimize|maximize" doc:"which way is better (empty: minimize)"`
}

// SearchConstraint is a statistic that must stay on one side of a limit
// with a stated confidence.
type SearchConstraint struct {
	SearchStat
	Op         string  `toml:"op" unit:"<=|>=" doc:"the side of limit the statistic must be on"`
	Limit      float64 `toml:"limit" doc:"the limit, in the statistic's unit"`
	Confidence float64 `toml:"confidence" unit:"probability" doc:"one-sided confidence that the statistic is on the right side, in [0.5, 1) (0: 0.95)"`
}

// Search is a design search: the values of the variables that minimise or
// maximise the objectives subject to the constraints (engine/search).
// Replicate j of every candidate runs with the seed of run j (common
// random numbers); see docs/search.md.
type Search struct {
	Method          SearchMethod       `toml:"method" doc:"nsga2: NSGA-II, a front of one or more objectives; cmaes: CMA-ES, one objective"`
	Population      int                `toml:"population" unit:"count" doc:"candidates per generation (nsga2: even, >= 4; cmaes: lambda >= 2)"`
	Generations     int                `toml:"generations" unit:"count" doc:"generations after the initial one"`
	Replicates      int                `toml:"replicates" unit:"count" doc:"runs of a new candidate (nsga2 adds as many at a time to undecided candidates, racing)"`
	ReplicatesCap   int                `toml:"replicates_cap" unit:"count" doc:"most runs of one candidate during the search (>= replicates)"`
	ReplicatesFinal int                `toml:"replicates_final" unit:"count" doc:"runs of each chosen design's re-evaluation with fresh seeds (run indices from replicates_cap on)"`
	Confidence      float64            `toml:"confidence" unit:"probability" doc:"two-sided confidence of the objectives' intervals, in (0, 1)"`
	MaxRuns         int                `toml:"max_runs" unit:"runs" doc:"budget of search runs (the final re-evaluation not counted): no generation starts that would pass it (0: none)"`
	ShardWait       int                `toml:"shard_wait_seconds" unit:"s" doc:"sharded search: how long a shard waits for the other shards' runs of a batch before it gives up"`
	Variables       []SearchVariable   `toml:"variables" doc:"the decision variables"`
	Objectives      []SearchObjective  `toml:"objectives" doc:"the statistics to minimise or maximise"`
	Constraints     []SearchConstraint `toml:"constraints" doc:"the statistics that must stay within a limit"`
}

// defaultSearch is the [search] section's defaults: sized for the token
// model (about 9 runs/s a core) to search in about half an hour on two
// cores; Replicates, ReplicatesCap, ReplicatesFinal and Confidence are
// engine/search's DefaultStart, DefaultCap and DefaultLevel.
func defaultSearch() Search {
	return Search{Method: SearchNone, Population: 40, Generations: 30, Replicates: search.DefaultStart,
		ReplicatesCap: search.DefaultCap, ReplicatesFinal: search.DefaultCap, Confidence: search.DefaultLevel, ShardWait: 3600}
}

// SearchPlan is a search's problem for engine/search and how a model run
// maps to it.
type SearchPlan struct {
	Method  SearchMethod
	Problem search.Problem
	// Config of the chosen method (the other is zero).
	NSGA2 search.NSGA2Config
	CMAES search.CMAESConfig

	outcome []int  // Problem.Outcomes[k] is the model's outcome outcome[k]
	negate  []bool // … negated (for an event below a threshold)
	vars    []SearchVariable
	base    []float64 // each variable's value in the experiment
	// Columns of a point: column c is Plan.SweepPaths[c], set from
	// variable colVar[c]: its value, or restOf[c]'s share of the rest.
	colVar []int
	restOf []float64 // NaN: the value itself; else the base share b_c/(1 - b_v)
}

// NewSearcher returns the search, its draws seeded with seed.
func (sp *SearchPlan) NewSearcher(seed uint64) (search.Searcher, error) {
	if sp.Method == SearchCMAES {
		return search.NewCMAES(sp.Problem, sp.CMAES, seed)
	}
	return search.NewNSGA2(sp.Problem, sp.NSGA2, seed)
}

// Outcome writes into dst (len(Problem.Outcomes)) the search's outcome
// vector of a run whose model outcomes are summary.
func (sp *SearchPlan) Outcome(summary, dst []float64) {
	for k, i := range sp.outcome {
		dst[k] = summary[i]
		if sp.negate[k] {
			dst[k] = -dst[k]
		}
	}
}

// MaxRuns is the budget of search runs (0: none).
func (sp *SearchPlan) MaxRuns() int { return max(sp.NSGA2.MaxRuns, sp.CMAES.MaxRuns) }

// Generations is the generations asked for after the initial one.
func (sp *SearchPlan) Generations() int { return max(sp.NSGA2.Generations, sp.CMAES.Generations) }

// MostRuns is the most runs the search may take, its final
// re-evaluation included: every candidate at the cap (NSGA-II) or at the
// start (CMA-ES, which does not race), or the budget, plus the final runs
// of every design it may choose (NSGA-II's front is at most the
// population; CMA-ES chooses two).
func (sp *SearchPlan) MostRuns() int {
	var n, chosen int
	var rep search.Replicates
	if sp.Method == SearchCMAES {
		c := sp.CMAES
		rep, chosen = c.Replicates, 2
		n = c.Lambda * (c.Generations + 1) * rep.Start
	} else {
		c := sp.NSGA2
		rep, chosen = c.Replicates, c.Population
		n = 2 * c.Population * (c.Generations + 1) * rep.Cap // parents and offspring of every generation
	}
	if m := sp.MaxRuns(); m > 0 {
		n = min(n, m)
	}
	return n + chosen*max(rep.Final, 0)
}

// searchPoints are the points of a search plan: each a candidate's
// variable values, spread over the plan's columns.
type searchPoints struct {
	sp *SearchPlan
	xs [][]float64
}

func (s searchPoints) Len() int { return len(s.xs) }

func (s searchPoints) Point(i int, dst []float64) {
	x := s.xs[i]
	for c, v := range s.sp.colVar {
		if r := s.sp.restOf[c]; !math.IsNaN(r) {
			dst[c] = r * (1 - x[v])
		} else {
			dst[c] = x[v]
		}
	}
}

// SearchBatch returns the plan whose points are the designs xs (each in
// Problem.Variables order), for the engine to run: Point(p) is the
// experiment with xs[p] set through the same dotted-path setter as a
// sweep's points.
func (pl *Plan) SearchBatch(xs [][]float64) *Plan {
	b := *pl
	b.sweep = searchPoints{sp: pl.Search, xs: xs}
	b.sweepN = len(xs)
	b.Points = len(xs)
	return &b
}

// searchDesign sets up a search plan: the problem, the method's
// configuration and the columns each variable sets.
func (pl *Plan) searchDesign(e *Experiment) error {
	pl.Kind = KindSearch
	s := e.Search
	sp := &SearchPlan{Method: s.Method}
	key := func(i int, what string) string { return fmt.Sprintf("search.%s.%d", what, i) }
	var errs []*field.Error
	bad := func(k string, format string, args ...any) {
		errs = append(errs, &field.Error{File: e.File, Line: e.lines.Line(k), Key: k, Err: fmt.Errorf(format, args...)})
	}
	for i, v := range s.Variables {
		sp.vars = append(sp.vars, v)
		bv, _ := e.getParam(v.Path)
		b, _ := toFloat(bv)
		sp.base = append(sp.base, b)
		switch searchKind(e, v) {
		case "int":
			sp.Problem.Variables = append(sp.Problem.Variables, search.Int(v.Path, int(v.Min), int(v.Max)))
		case "discrete":
			sp.Problem.Variables = append(sp.Problem.Variables, search.OneOf(v.Path, v.Values...))
		default:
			sp.Problem.Variables = append(sp.Problem.Variables, search.Real(v.Path, v.Min, v.Max))
		}
		pl.SweepPaths = append(pl.SweepPaths, v.Path)
		sp.colVar, sp.restOf = append(sp.colVar, i), append(sp.restOf, math.NaN())
		for _, a := range v.Also {
			pl.SweepPaths = append(pl.SweepPaths, a)
			sp.colVar, sp.restOf = append(sp.colVar, i), append(sp.restOf, math.NaN())
		}
		if v.Rest == "proportional" {
			parent, idx := splitIndex(v.Path)
			list, _ := e.getParam(parent)
			xs, _ := list.([]float64)
			for j, bj := range xs {
				if j != idx {
					pl.SweepPaths = append(pl.SweepPaths, fmt.Sprintf("%s.%d", parent, j))
					sp.colVar, sp.restOf = append(sp.colVar, i), append(sp.restOf, bj/(1-b))
				}
			}
		}
	}
	outcomes := e.Schema().Outcomes
	type ref struct {
		name string
		neg  bool
	}
	var refs []ref
	stat := func(k string, st SearchStat) (outcome int, s search.Stat, name string, ok bool) {
		i := slices.IndexFunc(outcomes, func(m agents.Metric) bool { return m.Name == st.Outcome })
		if i < 0 {
			bad(k+".outcome", "no outcome %q in this model (the outcomes are the columns of runs.csv after the parameters)", st.Outcome)
			return 0, s, "", false
		}
		r := ref{st.Outcome, st.Statistic == "probability" && st.Event == "below"}
		name = st.Name
		switch st.Statistic {
		case "quantile":
			s = search.Quantile(st.Q)
		case "probability":
			s = search.Probability(st.Threshold)
			if r.neg { // P(y < t) = P(-y > -t)
				s = search.Probability(-st.Threshold)
				if name == "" {
					name = fmt.Sprintf("%s_P(<%g)", st.Outcome, st.Threshold)
				}
			}
		default:
			s = search.Mean()
		}
		outcome = slices.Index(refs, r)
		if outcome < 0 {
			outcome = len(refs)
			refs = append(refs, r)
			sp.outcome, sp.negate = append(sp.outcome, i), append(sp.negate, r.neg)
			n := r.name
			if r.neg {
				n = "-" + n
			}
			sp.Problem.Outcomes = append(sp.Problem.Outcomes, n)
		}
		return outcome, s, name, true
	}
	for i, o := range s.Objectives {
		if out, st, name, ok := stat(key(i, "objectives"), o.SearchStat); ok {
			sp.Problem.Objectives = append(sp.Problem.Objectives, search.Objective{Name: name, Outcome: out, Stat: st, Maximize: o.Goal == "maximize"})
		}
	}
	for i, c := range s.Constraints {
		if out, st, name, ok := stat(key(i, "constraints"), c.SearchStat); ok {
			op := search.AtMost
			if c.Op == ">=" {
				op = search.AtLeast
			}
			sp.Problem.Constraints = append(sp.Problem.Constraints, search.Constraint{Name: name, Outcome: out, Stat: st, Op: op, Limit: c.Limit, Level: c.Confidence})
		}
	}
	if len(errs) > 0 {
		return joinFieldErrors(errs)
	}
	rep := search.Replicates{Start: s.Replicates, Cap: s.ReplicatesCap, Final: s.ReplicatesFinal}
	if s.ReplicatesFinal == 0 {
		rep.Final = -1 // 0 in the file means none; engine/search reads 0 as Cap
	}
	if s.Method == SearchCMAES {
		sp.CMAES = search.CMAESConfig{Lambda: s.Population, Generations: s.Generations, MaxRuns: s.MaxRuns, Replicates: rep, Level: s.Confidence}
	} else {
		sp.NSGA2 = search.NSGA2Config{Population: s.Population, Generations: s.Generations, MaxRuns: s.MaxRuns, Replicates: rep, Level: s.Confidence}
	}
	// The engine's own checks (labels unique among variables, objectives
	// and constraints, a method's limits) under the section's key.
	if _, err := sp.NewSearcher(0); err != nil {
		return &field.Error{File: e.File, Line: e.lines.Line("search"), Key: "search", Err: err}
	}
	pl.Search = sp
	pl.Runs = sp.MostRuns()
	pl.sweep = searchPoints{sp: sp, xs: [][]float64{sp.base}}
	pl.sweepN = 1
	return nil
}

// searchKind is a variable's kind with its default.
func searchKind(e *Experiment, v SearchVariable) string {
	if v.Kind != "" {
		return v.Kind
	}
	if bv, err := e.getParam(v.Path); err == nil {
		if _, isFloat := bv.(float64); !isFloat {
			return "int"
		}
	}
	return "real"
}

// splitIndex splits "fees.split.0" into "fees.split" and 0 (-1 when the
// path does not end in an index).
func splitIndex(path string) (string, int) {
	i := strings.LastIndexByte(path, '.')
	var n int
	if _, err := fmt.Sscanf(path[i+1:], "%d", &n); i < 0 || err != nil || fmt.Sprint(n) != path[i+1:] {
		return path, -1
	}
	return path[:i], n
}

// checkSearch validates every variable at its smallest and largest value
// (the others at their values in the experiment), reporting a problem at
// the variable's line: a search does not fail half-way on a bad design.
func (pl *Plan) checkSearch() error {
	sp := pl.Search
	var errs []*field.Error
	for i, v := range sp.Problem.Variables {
		lo, hi := v.Lo, v.Hi
		if v.Kind == search.Discrete {
			lo, hi = slices.Min(v.Values), slices.Max(v.Values)
		}
		where := fmt.Sprintf("search.variables.%d", i)
		for j, val := range []float64{lo, hi} {
			x := slices.Clone(sp.base)
			x[i] = val
			e, err := pl.SearchBatch([][]float64{x}).Point(0)
			if err == nil {
				err = e.Validate()
			}
			which := [2]string{"smallest", "largest"}[j]
			for _, fe := range field.Errors(err) {
				errs = append(errs, &field.Error{File: pl.exp.File, Line: pl.exp.lines.Line(where), Key: fe.Key,
					Err: fmt.Errorf("%s = %g (its %s value): %w", v.Name, val, which, fe.Err)})
			}
			if err != nil && len(field.Errors(err)) == 0 {
				errs = append(errs, &field.Error{File: pl.exp.File, Line: pl.exp.lines.Line(where), Key: where, Err: err})
			}
		}
	}
	return joinFieldErrors(errs)
}

// validateSearch checks the [search] section.
func validateSearch(c *field.Checker, e *Experiment) {
	s := e.Search
	if s.Method == SearchNone {
		if len(s.Variables)+len(s.Objectives)+len(s.Constraints) > 0 {
			c.Errorf("search.method", "the search has variables, objectives or constraints but no method: set nsga2 or cmaes")
		}
		return
	}
	if e.Sweep.Method != SweepNone || e.Sensitivity.Method != SensitivityNone || len(e.Scenarios) > 0 {
		c.Errorf("search.method", "a search cannot be combined with a sweep, a sensitivity analysis or scenarios in one experiment")
	}
	if s.Method == SearchNSGA2 {
		if c.IntRange("search.population", s.Population, 4, 100_000) && s.Population%2 != 0 {
			c.Errorf("search.population", "must be even for nsga2, got %d", s.Population)
		}
	} else {
		c.IntRange("search.population", s.Population, 2, 100_000)
	}
	c.IntRange("search.generations", s.Generations, 1, 1_000_000)
	c.IntRange("search.replicates", s.Replicates, 1, 1_000_000)
	c.IntRange("search.replicates_cap", s.ReplicatesCap, max(s.Replicates, 1), 1_000_000)
	c.IntRange("search.replicates_final", s.ReplicatesFinal, 0, 1_000_000)
	if !(s.Confidence > 0 && s.Confidence < 1) {
		c.Errorf("search.confidence", "must be in (0, 1), got %g", s.Confidence)
	}
	c.IntRange("search.max_runs", s.MaxRuns, 0, math.MaxInt32)
	c.IntRange("search.shard_wait_seconds", s.ShardWait, 1, 7*24*3600)
	if len(s.Variables) == 0 {
		c.Errorf("search.variables", "a search needs at least one variable")
	}
	seen := map[string]bool{}
	for i, v := range s.Variables {
		k := fmt.Sprintf("search.variables.%d", i)
		for j, p := range append([]string{v.Path}, v.Also...) {
			pk := k + ".path"
			if j > 0 {
				pk = fmt.Sprintf("%s.also.%d", k, j-1)
			}
			checkPath(c, e, pk, p)
			if seen[p] {
				c.Errorf(pk, "%s is set by another variable too", p)
			}
			seen[p] = true
		}
		if c.Reported(k + ".path") {
			continue // one mistake, one message: the bounds of no parameter
		}
		if !c.OneOf(k+".kind", searchKind(e, v), "real", "int", "discrete") {
			continue
		}
		switch searchKind(e, v) {
		case "discrete":
			if len(v.Values) == 0 {
				c.Errorf(k+".values", "a discrete variable needs values")
			}
			for j, x := range v.Values {
				if c.Finite(fmt.Sprintf("%s.values.%d", k, j), x) && slices.Index(v.Values, x) != j {
					c.Errorf(fmt.Sprintf("%s.values.%d", k, j), "%g is listed twice", x)
				}
			}
		case "int":
			if c.Finite(k+".min", v.Min) && c.Finite(k+".max", v.Max) {
				if v.Min != math.Round(v.Min) || v.Max != math.Round(v.Max) || !(v.Min <= v.Max) {
					c.Errorf(k+".max", "an int variable needs integer min <= max, got [%g, %g]", v.Min, v.Max)
				}
			}
		default:
			if c.Finite(k+".min", v.Min) && c.Finite(k+".max", v.Max) && !(v.Min < v.Max) {
				c.Errorf(k+".max", "must be above min (%g), got %g", v.Min, v.Max)
			}
		}
		if !c.OneOf(k+".rest", orDefault(v.Rest, "none"), "none", "proportional") || v.Rest != "proportional" {
			continue
		}
		parent, idx := splitIndex(v.Path)
		list, err := e.getParam(parent)
		xs, isList := list.([]float64)
		switch {
		case idx < 0 || err != nil || !isList:
			c.Errorf(k+".rest", "proportional needs a path to an element of a list of shares (like fees.split.0), got %s", v.Path)
		case xs[idx] >= 1:
			c.Errorf(k+".rest", "%s is %g in the experiment: the rest has no proportion to keep", v.Path, xs[idx])
		case searchKind(e, v) == "discrete" && (slices.Min(v.Values) < 0 || slices.Max(v.Values) > 1),
			searchKind(e, v) != "discrete" && (v.Min < 0 || v.Max > 1):
			c.Errorf(k+".rest", "a share with proportional rest must stay in [0, 1]")
		default:
			for j := range xs {
				if sib := fmt.Sprintf("%s.%d", parent, j); j != idx && seen[sib] {
					c.Errorf(k+".rest", "proportional sets %s, which another variable sets too", sib)
				} else {
					seen[sib] = true
				}
			}
		}
	}
	if len(s.Objectives) == 0 {
		c.Errorf("search.objectives", "a search needs at least one objective")
	}
	if s.Method == SearchCMAES && len(s.Objectives) > 1 {
		c.Errorf("search.objectives", "cmaes takes one objective, got %d (use nsga2 for a front)", len(s.Objectives))
	}
	for i, o := range s.Objectives {
		k := fmt.Sprintf("search.objectives.%d", i)
		validateSearchStat(c, k, o.SearchStat)
		c.OneOf(k+".goal", orDefault(o.Goal, "minimize"), "minimize", "maximize")
	}
	for i, o := range s.Constraints {
		k := fmt.Sprintf("search.constraints.%d", i)
		validateSearchStat(c, k, o.SearchStat)
		c.OneOf(k+".op", o.Op, "<=", ">=")
		c.Finite(k+".limit", o.Limit)
		if o.Confidence != 0 && !(o.Confidence >= 0.5 && o.Confidence < 1) {
			c.Errorf(k+".confidence", "must be in [0.5, 1) (0: 0.95), got %g", o.Confidence)
		}
	}
}

func validateSearchStat(c *field.Checker, k string, s SearchStat) {
	if s.Outcome == "" {
		c.Errorf(k+".outcome", "needs an outcome")
	}
	if !c.OneOf(k+".statistic", orDefault(s.Statistic, "mean"), "mean", "quantile", "probability") {
		return
	}
	switch s.Statistic {
	case "quantile":
		if !(s.Q > 0 && s.Q < 1) {
			c.Errorf(k+".q", "must be in (0, 1), got %g", s.Q)
		}
	case "probability":
		c.Finite(k+".threshold", s.Threshold)
		c.OneOf(k+".event", orDefault(s.Event, "above"), "above", "below")
	}
}
