package experiments

import (
	"fmt"
	"math"

	"github.com/seqsim/seqsim/experiments/field"
)

// validateStudy checks the scenario, sweep and sensitivity blocks.
func validateStudy(c *field.Checker, e *Experiment) {
	seen := map[string]bool{}
	for i, s := range e.Scenarios {
		k := fmt.Sprintf("scenarios.%d", i)
		if s.Name == "" {
			c.Errorf(k+".name", "every scenario needs a name")
		} else if seen[s.Name] {
			c.Errorf(k+".name", "scenario name %q used twice", s.Name)
		}
		seen[s.Name] = true
		point := *e // the scenario's point, as Plan.Point builds it
		for j, set := range s.Set {
			kj := fmt.Sprintf("%s.set.%d", k, j)
			path, val, ok := cut(set)
			if !ok {
				c.Errorf(kj, "want path=value, got %q", set)
				continue
			}
			if _, err := e.getParam(path); err != nil {
				c.Errorf(kj, "%v", err)
				continue
			}
			// A value of the wrong type or bad TOML is found here, at the
			// entry's line, rather than by Plan.
			err := point.setParam(path, val)
			for _, fe := range field.Errors(err) {
				c.Errorf(kj, "%s", fe)
			}
			if err != nil && len(field.Errors(err)) == 0 {
				c.Errorf(kj, "%v", err)
			}
		}
	}
	validateSearch(c, e)
	sw := e.Sweep
	if sw.Method != SweepNone { // a scenario's override of a swept path would be silently lost
		for i, s := range e.Scenarios {
			for j, set := range s.Set {
				path, _, _ := cut(set)
				for _, p := range sw.Params {
					if p.Path == path {
						c.Errorf(fmt.Sprintf("scenarios.%d.set.%d", i, j), "scenario %q sets %s, which the sweep varies", s.Name, path)
					}
				}
			}
		}
	}
	if sw.Method != SweepNone {
		if len(sw.Params) == 0 {
			c.Errorf("sweep.params", "a sweep needs at least one parameter")
		}
		if sw.Method == SweepLHS {
			c.IntRange("sweep.points", sw.Points, 2, 1_000_000)
		}
		for i, p := range sw.Params {
			k := fmt.Sprintf("sweep.params.%d", i)
			checkPath(c, e, k+".path", p.Path)
			switch sw.Method {
			case SweepGrid:
				if len(p.Values) == 0 {
					c.Errorf(k+".values", "a grid needs values")
				}
				for j, v := range p.Values {
					c.Finite(fmt.Sprintf("%s.values.%d", k, j), v)
				}
			case SweepLHS:
				if c.Finite(k+".lo", p.Lo) && c.Finite(k+".hi", p.Hi) && !(p.Lo < p.Hi) {
					c.Errorf(k+".hi", "must be above lo (%g), got %g", p.Lo, p.Hi)
				}
				if c.OneOf(k+".scale", orDefault(p.Scale, "linear"), "linear", "log") && p.Scale == "log" && p.Lo <= 0 {
					c.Errorf(k+".lo", "log scale needs lo > 0, got %g", p.Lo)
				}
			}
		}
	}
	se := e.Sensitivity
	if se.Method == SensitivityNone {
		return
	}
	if sw.Method != SweepNone || len(e.Scenarios) > 0 {
		c.Errorf("sensitivity.method", "a sensitivity analysis cannot be combined with a sweep or scenarios in one experiment")
	}
	c.IntRange("sensitivity.replicates", se.Replicates, 1, 1_000_000)
	c.IntRange("sensitivity.bootstrap", se.Bootstrap, 10, 1_000_000)
	switch se.Method {
	case SensitivitySobol:
		c.IntRange("sensitivity.n", se.N, 2, 1<<24)
	case SensitivityMorris:
		c.IntRange("sensitivity.trajectories", se.Trajectories, 2, 1_000_000)
		if c.IntRange("sensitivity.levels", se.Levels, 2, 1000) && se.Levels%2 != 0 {
			c.Errorf("sensitivity.levels", "must be even, got %d", se.Levels)
		}
	}
	if len(se.Params) == 0 {
		c.Errorf("sensitivity.params", "a sensitivity analysis needs at least one parameter")
	}
	for i, p := range se.Params {
		k := fmt.Sprintf("sensitivity.params.%d", i)
		checkPath(c, e, k+".path", p.Path)
		if _, err := p.marginal(); err != nil {
			c.Errorf(k, "%v", err)
		}
	}
}

// checkPath reports a path that names no numeric parameter.
func checkPath(c *field.Checker, e *Experiment, key, path string) {
	v, err := e.getParam(path)
	if err != nil {
		c.Errorf(key, "%v", err)
		return
	}
	switch v.(type) {
	case float64, int, int64:
	default:
		c.Errorf(key, "%s is not a numeric parameter (it is %T)", path, v)
	}
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

func validateTestModel(c *field.Checker, e *Experiment) {
	c.Finite("ishigami.a", e.Ishigami.A)
	c.Finite("ishigami.b", e.Ishigami.B)
	if len(e.SobolG.A) == 0 || len(e.SobolG.A) != len(e.SobolG.X) {
		c.Errorf("sobol_g.x", "sobol_g.a and sobol_g.x need the same, non-zero length (got %d and %d)", len(e.SobolG.A), len(e.SobolG.X))
	}
	for i, a := range e.SobolG.A {
		c.Range(fmt.Sprintf("sobol_g.a.%d", i), a, 0, math.MaxFloat64)
	}
}
