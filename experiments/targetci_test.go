package experiments

import (
	"math"
	"strings"
	"testing"
)

func TestTargetCILoadsAndPlans(t *testing.T) {
	t.Parallel()
	src := `[experiment]
name = "adaptive"
[experiment.target_ci]
max_runs = 500
batch = 50
[[experiment.target_ci.outcomes]]
name = "final_price"
relative = 0.05
[[experiment.target_ci.outcomes]]
name = "max_drawdown_after_unlock"
stat = "probability"
above = 0.5
half_width = 0.02
`
	e, err := Load("a.toml", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	tc := e.Experiment.TargetCI
	if !tc.On() || tc.MaxRuns != 500 || tc.Batch != 50 || len(tc.Outcomes) != 2 || tc.Outcomes[0].Stat != TargetMean {
		t.Fatalf("target_ci %+v", tc)
	}
	pl, err := e.Plan()
	if err != nil {
		t.Fatal(err)
	}
	if pl.Runs != 500 {
		t.Errorf("plan runs %d, want the cap 500", pl.Runs)
	}
	// The resolved file loads back to the same experiment.
	b, err := e.Resolved()
	if err != nil {
		t.Fatal(err)
	}
	back, err := Load("r.toml", b, nil)
	if err != nil {
		t.Fatal(err)
	}
	h1, _ := e.Hash()
	h2, _ := back.Hash()
	if h1 != h2 {
		t.Error("resolved target_ci does not load back to the same hash")
	}
	// Off by default: the plan keeps experiment.runs.
	d := Default()
	if d.Experiment.TargetCI.On() {
		t.Error("target_ci on by default")
	}
}

func TestTargetCIMessages(t *testing.T) {
	t.Parallel()
	src := `[experiment]
name = "bad"
[experiment.target_ci]
max_runs = 40
batch = 50
[[experiment.target_ci.outcomes]]
name = "no_such_outcome"
half_width = 0.1
relative = 0.1
[[experiment.target_ci.outcomes]]
name = "final_price"
stat = "median"
above = 2
[sensitivity]
method = "oat"
[[sensitivity.params]]
path = "market.pool_depth"
lo = 0.01
hi = 0.02
`
	_, err := Load("bad.toml", []byte(src), nil)
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		"bad.toml:5: experiment.target_ci.batch: the batch (50) is larger than max_runs (40)",
		"bad.toml:4: experiment.target_ci.max_runs: not with a sensitivity study",
		`bad.toml:7: experiment.target_ci.outcomes.0.name: no outcome "no_such_outcome"`,
		"bad.toml:8: experiment.target_ci.outcomes.0.half_width: give exactly one of half_width (absolute) and relative",
		`bad.toml:12: experiment.target_ci.outcomes.1.stat:`,
		`bad.toml:13: experiment.target_ci.outcomes.1.above: only for stat = "probability"`,
		"experiment.target_ci.outcomes.1.half_width: give exactly one of",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

func TestTargetOutcomeMet(t *testing.T) {
	t.Parallel()
	abs := TargetOutcome{HalfWidth: 0.1}
	rel := TargetOutcome{Relative: 0.05}
	for _, c := range []struct {
		o         TargetOutcome
		est, half float64
		want      bool
	}{
		{abs, 3, 0.099, true},
		{abs, 3, 0.1, false}, // narrower than asked: strictly
		{abs, 3, math.NaN(), false},
		{rel, -2, 0.099, true}, // 5% of |−2| = 0.1
		{rel, -2, 0.101, false},
		{rel, 0, 0, false}, // a mean of 0 cannot meet a relative target
	} {
		if got := c.o.Met(c.est, c.half); got != c.want {
			t.Errorf("%+v.Met(%g, %g) = %v, want %v", c.o, c.est, c.half, got, c.want)
		}
	}
}
