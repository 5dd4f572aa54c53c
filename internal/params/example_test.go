package params_test

import (
	"fmt"

	"github.com/seqsim/seqsim/dist"
	"github.com/seqsim/seqsim/experiments/field"
	"github.com/seqsim/seqsim/internal/params"
)

type Slashing struct {
	LivenessPenalty float64 `toml:"liveness_penalty" unit:"fraction 0-1" doc:"stake slashed for downtime"`
	Jail            bool    `toml:"jail" doc:"jail the validator too"`
}

type Tranche struct {
	Name      string    `toml:"name" doc:"tranche name"`
	CliffDays int       `toml:"cliff_days" unit:"days" doc:"days from launch until the cliff"`
	Sell      dist.Dist `toml:"sell_fraction" unit:"fraction 0-1" doc:"fraction sold at unlock"`
}

type Experiment struct {
	Runs     int       `toml:"runs" doc:"Monte Carlo runs"`
	Slashing Slashing  `toml:"slashing"`
	Tranches []Tranche `toml:"tranches"`
}

func defaults() Experiment {
	sell, err := dist.Beta(2, 5)
	if err != nil {
		panic(err)
	}
	return Experiment{
		Runs:     100,
		Slashing: Slashing{LivenessPenalty: 0.01},
		Tranches: []Tranche{{Name: "team", CliffDays: 365, Sell: sell}},
	}
}

// validate is how a schema validator uses field.Checker with the lines of
// the source.
func validate(file string, src []byte, e Experiment) error {
	c := field.NewChecker(file, params.KeyLines(src))
	c.Range("slashing.liveness_penalty", e.Slashing.LivenessPenalty, 0, 1)
	for i, t := range e.Tranches {
		c.IntRange(fmt.Sprintf("tranches.%d.cliff_days", i), t.CliffDays, 0, 3650)
	}
	return c.Err()
}

func ExampleDecode() {
	src := []byte(`runs = 500

[slashing]
liveness_penalty = 1.5
jial = true

[[tranches]]
name = "team"
cliff_days = "soon"
sell_fraction = { dist = "beta", alpha = 2, b = 5 }
`)
	e := defaults()
	err := params.Decode("baseline.toml", src, &e)
	fmt.Println(err)

	// After a successful Decode the schema's validator reports with lines too.
	src = []byte("[slashing]\nliveness_penalty = 1.5\n")
	if err := params.Decode("baseline.toml", src, &e); err == nil {
		fmt.Println(validate("baseline.toml", src, e))
	}
	// Output:
	// baseline.toml:5: slashing.jial: unknown key (did you mean "jail"?)
	// baseline.toml:9: tranches.0.cliff_days: wrong type: expected integer, got string "soon"
	// baseline.toml:10: tranches.0.sell_fraction: beta distribution needs "a" (parameters: a, b)
	// baseline.toml:10: tranches.0.sell_fraction.alpha: unknown key (did you mean "a"?)
	// baseline.toml:2: slashing.liveness_penalty: must be in [0, 1], got 1.5
}

func ExampleSet() {
	e := defaults()
	for _, kv := range [][2]string{
		{"runs", "1000"},
		{"tranches.0.cliff_days", "180"},
		{"tranches.0.sell_fraction", `{ dist = "uniform", lo = 0, hi = 0.2 }`},
		{"tranches.0.sell_fraction.hi", "0.3"},
		{"tranches.1.cliff_days", "90"},
		{"slashing.livenes_penalty", "0.5"},
	} {
		if err := params.Set(&e, kv[0], kv[1]); err != nil {
			fmt.Println(err)
		}
	}
	v, _ := params.Get(e, "tranches.0.sell_fraction")
	fmt.Println(e.Runs, e.Tranches[0].CliffDays, v)
	fmt.Println(params.Paths(e))
	// Output:
	// params: path "tranches.1.cliff_days": index 1 out of range (tranches has length 1)
	// params: unknown path "slashing.livenes_penalty" (did you mean "slashing.liveness_penalty"?)
	// 1000 180 { dist = "uniform", lo = 0, hi = 0.3 }
	// [runs slashing.liveness_penalty slashing.jail tranches.0.name tranches.0.cliff_days tranches.0.sell_fraction]
}

func ExampleEncode() {
	b, err := params.Encode(defaults())
	if err != nil {
		panic(err)
	}
	fmt.Print(string(b))
	// Output:
	// # Monte Carlo runs
	// runs = 100
	//
	// [slashing]
	// # fraction 0-1 — stake slashed for downtime
	// liveness_penalty = 0.01
	// # jail the validator too
	// jail = false
	//
	// [[tranches]]
	// # tranche name
	// name = "team"
	// # days — days from launch until the cliff
	// cliff_days = 365
	// # fraction 0-1 — fraction sold at unlock
	// sell_fraction = { dist = "beta", a = 2, b = 5 }
}

func ExampleDescribe() {
	for _, d := range params.Describe(defaults()) {
		fmt.Printf("%-26s %-6s %-32s %-13s %s\n", d.Path, d.Type, d.Default, d.Unit, d.Doc)
	}
	fmt.Println(params.MissingDocs(defaults()))
	// Output:
	// runs                       int    100                                            Monte Carlo runs
	// slashing.liveness_penalty  float  0.01                             fraction 0-1  stake slashed for downtime
	// slashing.jail              bool   false                                          jail the validator too
	// tranches.N.name            string "team"                                         tranche name
	// tranches.N.cliff_days      int    365                              days          days from launch until the cliff
	// tranches.N.sell_fraction   dist   { dist = "beta", a = 2, b = 5 }  fraction 0-1  fraction sold at unlock
	// []
}
