package experiments_test

import (
	"errors"
	"fmt"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/dist"
	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/experiments/field"
)

// Load the embedded baseline with two overrides, as `seqsim run --set ...`
// does, and read resolved values: what the file and the overrides set, and
// a default the file leaves alone.
func ExampleLoad() {
	e, err := experiments.Load("baseline.toml", experiments.Embedded("baseline"),
		[]string{"fees.split=[0.5, 0.3, 0.2]", "experiment.runs=200"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.Experiment.Name, e.Experiment.Runs, "runs")
	fmt.Println("fee split:", e.Fees.Split)
	fmt.Println("horizon:", e.Simulation.HorizonDays, "days")
	fmt.Println("swap fee:", e.Market.SwapFee)
	// Output:
	// baseline 200 runs
	// fee split: [0.5 0.3 0.2]
	// horizon: 1460 days
	// swap fee: 0.003
}

// Bad input gets every problem at once, each naming the file, the line and
// the dotted key. A problem with an override names the flag instead of a
// line.
func ExampleLoad_errors() {
	src := []byte(`[experiment]
runs = 0

[fees]
split = [0.5, 0.4, 0.2]
`)
	_, err := experiments.Load("my.toml", src, nil)
	fmt.Println(err)

	// errors.As reads the first problem's place and cause; field.Errors
	// lists them all.
	var fe *experiments.FieldError
	if errors.As(err, &fe) {
		fmt.Printf("file %s, line %d, key %s: %v\n", fe.File, fe.Line, fe.Key, fe.Err)
	}
	fmt.Println(len(field.Errors(err)), "problems")

	_, err = experiments.Load("my.toml", nil, []string{`fees.split=[0.5, "x", 0.2]`})
	fmt.Println(err)
	fmt.Println("wrong type:", errors.Is(err, field.ErrWrongType))
	// Output:
	// my.toml:2: experiment.runs: must be in [1, 10000000], got 0
	// my.toml:5: fees.split: must sum to 1 (±1e-09), got 1.1
	// file my.toml, line 2, key experiment.runs: must be in [1, 10000000], got 0
	// 2 problems
	// --set fees.split=[0.5, "x", 0.2]: fees.split.1: wrong type: expected float, got string "x"
	// wrong type: true
}

// Validate parameters built in Go, with the checks and messages of Load.
// A distribution comes from a constructor of package dist, which checks its
// own parameters; a literal is checked here.
func ExampleValidateParams() {
	p := agents.DefaultParams()
	p.Fees.Split = []float64{0.5, 0.5, 0.5}
	p.Staking.CooldownDays = -1
	sell, err := dist.Beta(2, 5)
	if err != nil {
		panic(err)
	}
	team, _ := p.Holders.Get("team")
	team.SellFraction = sell
	investor, _ := p.Holders.Get("investor")
	investor.SellFraction = dist.Dist{Kind: dist.KindBeta, Params: [3]float64{2, -1}}
	p.Holders = p.Holders.With("team", team).With("investor", investor)
	fmt.Println(experiments.ValidateParams(&p))
	// Output:
	// holders.investor.sell_fraction.b: must be > 0, got -1
	// fees.split: must sum to 1 (±1e-09), got 1.5
	// staking.cooldown_days: must be in [0, 3650], got -1
}
