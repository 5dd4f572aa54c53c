package experiments

import (
	"strings"
	"testing"
)

// TestPlanErrors: a bad scenario or sweep point is reported at the line of
// the study key that made it, with the parameter's key and the point named,
// one problem per line. Before, a scenario's override of the wrong type
// was found only by Plan and blamed on "--set" ("experiments: point 0
// scenario=a: experiments: scenario "a": --set: fees.split: ..."), a bad
// point's problems had no line, and the second problem of a sampled
// design's bound lost its prefix; found by FuzzLoadExperiment.
func TestPlanErrors(t *testing.T) {
	t.Parallel()
	load := func(src string) (string, string) {
		e, err := Load("x.toml", []byte(src), nil)
		if err != nil {
			return err.Error(), ""
		}
		_, err = e.Plan()
		if err == nil {
			return "", ""
		}
		return "", err.Error()
	}
	cases := []struct{ name, src, loadErr, planErr string }{
		{"scenario value of the wrong type", "[[scenarios]]\nname = \"a\"\nset = [\"fees.split=[1, \\\"x\\\"]\"]\n",
			`x.toml:3: scenarios.0.set.0: fees.split.1: wrong type: expected float, got string "x"`, ""},
		{"scenario value out of range", "[[scenarios]]\nname = \"a\"\nset = [\n  \"experiment.runs=3\",\n  \"fees.split=[0.5, 0.5, 0.5]\",\n]\n",
			"", "x.toml:5: fees.split: point 0 scenario=a: must sum to 1 (±1e-09), got 1.5"},
		{"grid point", "[sweep]\nmethod = \"grid\"\n[[sweep.params]]\npath = \"staking.cooldown_days\"\nvalues = [1, -5]\n",
			"", "x.toml:3: staking.cooldown_days: point 1 staking.cooldown_days=-5: must be in [0, 3650], got -5"},
		{"lhs bounds", "[sweep]\nmethod = \"lhs\"\npoints = 4\n[[sweep.params]]\npath = \"market.pool_depth\"\nlo = 0.5\nhi = 3\n",
			"", "x.toml:4: market.pool_depth: market.pool_depth = 1.010773456304052 (the smallest value of the design): must be in [0, 1], got 1.010773456304052\n" +
				"x.toml:4: market.pool_depth: market.pool_depth = 2.7660786705309484 (the largest value of the design): must be in [0, 1], got 2.7660786705309484\n" +
				"x.toml:4: market.pool_depth: market.pool_depth = 2.7660786705309484 (the largest value of the design): the pool needs 0.3665 of supply from the treasury at launch but treasury allocations release only 0.3528 at day 0"},
	}
	for _, c := range cases {
		l, p := load(c.src)
		if l != c.loadErr || p != c.planErr {
			t.Errorf("%s:\nLoad: %q\nwant  %q\nPlan: %q\nwant  %q", c.name, l, c.loadErr, p, c.planErr)
		}
	}
	// A problem the override does not name is blamed on its scenario.
	_, p := load("[[scenarios]]\nname = \"short\"\nset = [\"simulation.horizon_days=300\"]\n")
	if want := "x.toml:1: allocations.1.cliff_days: point 0 scenario=short: cliff on day 365"; !strings.HasPrefix(p, want) {
		t.Errorf("Plan: %q, want it to start %q", p, want)
	}
}
