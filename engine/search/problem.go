package search

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// Kind is how a decision variable varies.
type Kind int

const (
	// Continuous variables take any value in [Lo, Hi].
	Continuous Kind = iota
	// Integer variables take the integers in [Lo, Hi]; the algorithms work
	// on real values and round them (Deb and Goyal 1996; Deb 2002, sec. V).
	Integer
	// Discrete variables take one of Values, in any order: the algorithms
	// work on the index into Values, which crossover inherits from either
	// parent and mutation redraws uniformly (index mutation), so the order
	// of Values carries no meaning.
	Discrete
)

func (k Kind) String() string {
	switch k {
	case Continuous:
		return "continuous"
	case Integer:
		return "integer"
	case Discrete:
		return "discrete"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Variable is one decision variable. Build it with [Real], [Int] or [OneOf].
type Variable struct {
	Name   string
	Kind   Kind
	Lo, Hi float64   // bounds, Lo < Hi (Continuous) or Lo ≤ Hi, both integers (Integer); unused for Discrete
	Values []float64 // the values of a Discrete variable, at least one, all finite and distinct
}

// Real is a continuous variable in [lo, hi].
func Real(name string, lo, hi float64) Variable {
	return Variable{Name: name, Kind: Continuous, Lo: lo, Hi: hi}
}

// Int is an integer variable in [lo, hi].
func Int(name string, lo, hi int) Variable {
	return Variable{Name: name, Kind: Integer, Lo: float64(lo), Hi: float64(hi)}
}

// OneOf is a discrete variable that takes one of values.
func OneOf(name string, values ...float64) Variable {
	return Variable{Name: name, Kind: Discrete, Values: slices.Clone(values)}
}

// geneBounds are the bounds of the variable's gene: its value, or for a
// Discrete variable the index into Values.
func (v Variable) geneBounds() (lo, hi float64) {
	if v.Kind == Discrete {
		return 0, float64(len(v.Values) - 1)
	}
	return v.Lo, v.Hi
}

// snap rounds a gene to a value the variable takes (clamped to its bounds).
func (v Variable) snap(g float64) float64 {
	lo, hi := v.geneBounds()
	g = min(max(g, lo), hi)
	if v.Kind != Continuous {
		g = math.Round(g)
	}
	return g
}

// value decodes a snapped gene.
func (v Variable) value(g float64) float64 {
	if v.Kind == Discrete {
		return v.Values[int(g)]
	}
	return g
}

// StatKind is what an objective or constraint estimates from an outcome's
// replicates.
type StatKind int

const (
	// StatMean is the mean of the outcome over the replicates.
	StatMean StatKind = iota
	// StatQuantile is the P-quantile of the outcome over the replicates.
	StatQuantile
	// StatProbability is the probability that the outcome is strictly above
	// Threshold (as internal/stats counts a risk).
	StatProbability
)

// Stat is an estimated statistic of one outcome. Build it with [Mean],
// [Quantile] or [Probability].
type Stat struct {
	Kind      StatKind
	P         float64 // quantile level in (0, 1), for StatQuantile
	Threshold float64 // for StatProbability: the event is outcome > Threshold
}

// Mean is the mean of the outcome.
func Mean() Stat { return Stat{Kind: StatMean} }

// Quantile is the p-quantile of the outcome, p in (0, 1).
func Quantile(p float64) Stat { return Stat{Kind: StatQuantile, P: p} }

// Probability is the probability that the outcome is strictly above
// threshold. For a 0/1 outcome (captured or not) use Probability(0.5), or
// Mean, which gives the same value with a t interval instead of Wilson's.
func Probability(threshold float64) Stat { return Stat{Kind: StatProbability, Threshold: threshold} }

func (s Stat) String() string {
	switch s.Kind {
	case StatMean:
		return "mean"
	case StatQuantile:
		return fmt.Sprintf("q%g", s.P)
	case StatProbability:
		return fmt.Sprintf("P(>%g)", s.Threshold)
	}
	return fmt.Sprintf("Stat(%d)", int(s.Kind))
}

// Objective is a statistic of one outcome to minimise, or to maximise when
// Maximize is set.
type Objective struct {
	Name     string // labels its columns; empty means outcome_stat (e.g. "loss_q0.9"); unique among variables, objectives and constraints
	Outcome  int    // index into Problem.Outcomes
	Stat     Stat
	Maximize bool
}

// Op is the side of a constraint's limit the statistic must be on.
type Op int

const (
	// AtMost requires the statistic ≤ Limit.
	AtMost Op = iota
	// AtLeast requires the statistic ≥ Limit.
	AtLeast
)

func (o Op) String() string {
	switch o {
	case AtMost:
		return "<="
	case AtLeast:
		return ">="
	}
	return fmt.Sprintf("Op(%d)", int(o))
}

// DefaultConstraintLevel is the confidence of a constraint whose Level is 0.
const DefaultConstraintLevel = 0.95

// Constraint requires a statistic of one outcome to be on one side of Limit
// with confidence Level: P(captured) <= 0.05 at 95% is
// {Stat: Probability(0.5), Op: AtMost, Limit: 0.05, Level: 0.95}.
//
// A candidate satisfies it when the one-sided Level confidence bound is on
// the right side of the limit (for AtMost, the upper bound ≤ Limit), and
// surely violates it when the bound on the other side is on the wrong side
// (for AtMost, the lower bound > Limit). In between it is undecided, and
// racing gives it more replicates. The bounds are those of a two-sided
// interval at level 2·Level − 1, which a constraint's [Estimate] reports.
type Constraint struct {
	Name    string // as Objective.Name
	Outcome int    // index into Problem.Outcomes
	Stat    Stat
	Op      Op
	Limit   float64 // finite
	Level   float64 // confidence in [0.5, 1); 0 means DefaultConstraintLevel
}

// level is the constraint's confidence with its default.
func (c Constraint) level() float64 {
	if c.Level == 0 {
		return DefaultConstraintLevel
	}
	return c.Level
}

// Problem is a design search: decision variables, the outcome vector a run
// returns, objectives and constraints on statistics of those outcomes.
type Problem struct {
	Variables   []Variable
	Outcomes    []string // names of the entries of the outcome vector a run returns
	Objectives  []Objective
	Constraints []Constraint
}

// Validate reports every invalid field at once (errors.Join of
// *ParamError), or nil.
func (p *Problem) Validate() error {
	const op = "Problem"
	var errs []error
	bad := func(param string, v any, want string) {
		errs = append(errs, &ParamError{Op: op, Param: param, Value: v, Want: want})
	}
	if len(p.Variables) == 0 {
		bad("len(Variables)", 0, "≥ 1")
	}
	names := map[string]bool{}
	for i, v := range p.Variables {
		f := fmt.Sprintf("Variables[%d]", i)
		if v.Name == "" {
			bad(f+".Name", `""`, "a name")
		} else if names[v.Name] {
			bad(f+".Name", v.Name, "a name no other variable has")
		}
		names[v.Name] = true
		finite := !math.IsNaN(v.Lo) && !math.IsInf(v.Lo, 0) && !math.IsNaN(v.Hi) && !math.IsInf(v.Hi, 0)
		switch v.Kind {
		case Continuous:
			if !finite || !(v.Lo < v.Hi) {
				bad(f+".[Lo, Hi]", [2]float64{v.Lo, v.Hi}, "finite with Lo < Hi")
			}
		case Integer:
			if !finite || !(v.Lo <= v.Hi) || v.Lo != math.Round(v.Lo) || v.Hi != math.Round(v.Hi) || math.Abs(v.Lo) > 1<<53 || math.Abs(v.Hi) > 1<<53 {
				bad(f+".[Lo, Hi]", [2]float64{v.Lo, v.Hi}, "integers with Lo ≤ Hi")
			}
		case Discrete:
			if len(v.Values) == 0 {
				bad(f+".Values", v.Values, "at least one value")
			}
			for j, x := range v.Values {
				if math.IsNaN(x) || math.IsInf(x, 0) || slices.Index(v.Values, x) != j {
					bad(fmt.Sprintf("%s.Values[%d]", f, j), x, "finite and distinct")
				}
			}
		default:
			bad(f+".Kind", v.Kind, "Continuous, Integer or Discrete")
		}
	}
	if len(p.Outcomes) == 0 {
		bad("len(Outcomes)", 0, "≥ 1")
	}
	if len(p.Objectives) == 0 {
		bad("len(Objectives)", 0, "≥ 1")
	}
	checkStat := func(f string, s Stat) {
		switch s.Kind {
		case StatMean:
		case StatQuantile:
			if !(s.P > 0 && s.P < 1) {
				bad(f+".Stat.P", s.P, "in (0, 1)")
			}
		case StatProbability:
			if math.IsNaN(s.Threshold) {
				bad(f+".Stat.Threshold", s.Threshold, "not NaN")
			}
		default:
			bad(f+".Stat.Kind", s.Kind, "StatMean, StatQuantile or StatProbability")
		}
	}
	checkOutcome := func(f string, i int) {
		if i < 0 || i >= len(p.Outcomes) {
			bad(f+".Outcome", i, fmt.Sprintf("in [0, %d)", len(p.Outcomes)))
		}
	}
	for i, o := range p.Objectives {
		f := fmt.Sprintf("Objectives[%d]", i)
		checkOutcome(f, o.Outcome)
		checkStat(f, o.Stat)
	}
	for i, c := range p.Constraints {
		f := fmt.Sprintf("Constraints[%d]", i)
		checkOutcome(f, c.Outcome)
		checkStat(f, c.Stat)
		if c.Op != AtMost && c.Op != AtLeast {
			bad(f+".Op", c.Op, "AtMost or AtLeast")
		}
		if math.IsNaN(c.Limit) || math.IsInf(c.Limit, 0) {
			bad(f+".Limit", c.Limit, "finite")
		}
		if c.Level != 0 && !(c.Level >= 0.5 && c.Level < 1) {
			bad(f+".Level", c.Level, "0 (default 0.95) or in [0.5, 1)")
		}
	}
	// The labels name the columns of search.csv and front.csv.
	labels := map[string]bool{}
	for _, v := range p.Variables {
		labels[v.Name] = true
	}
	checkLabel := func(f, name string, outcome int, s Stat) {
		if outcome < 0 || outcome >= len(p.Outcomes) {
			return
		}
		l := label(name, p.Outcomes[outcome], s)
		if labels[l] {
			bad(f+".Name", l, "a name no variable, objective or constraint has")
		}
		labels[l] = true
	}
	for i, o := range p.Objectives {
		checkLabel(fmt.Sprintf("Objectives[%d]", i), o.Name, o.Outcome, o.Stat)
	}
	for i, c := range p.Constraints {
		checkLabel(fmt.Sprintf("Constraints[%d]", i), c.Name, c.Outcome, c.Stat)
	}
	return errors.Join(errs...)
}
