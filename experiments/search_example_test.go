package experiments_test

import (
	"fmt"

	"github.com/seqsim/seqsim/experiments"
)

// A search's plan: the search problem for engine/search, and a batch of
// designs turned into points whose parameters are set as a sweep's are.
// The stakers' fee share carries the rest of the split in the baseline's
// 2:1 proportion.
func ExamplePlan_SearchBatch() {
	e, err := experiments.Load("design-search.toml", experiments.Embedded("design-search"), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	pl, err := e.Plan()
	if err != nil {
		fmt.Println(err)
		return
	}
	sp := pl.Search
	fmt.Println(pl.Kind, sp.Method, len(sp.Problem.Variables), "variables")
	for _, o := range sp.Problem.Objectives {
		fmt.Println("minimise", sp.Problem.Outcomes[o.Outcome], o.Stat)
	}
	c := sp.Problem.Constraints[0]
	fmt.Println("subject to", sp.Problem.Outcomes[c.Outcome], c.Stat, c.Op, c.Limit, "at", c.Level)

	// cliff days, cliff share, stakers' share, bond, quorum, C
	x := []float64{180, 0.2, 0.55, 2e7, 0.05, 1}
	p, err := pl.SearchBatch([][]float64{x}).Point(0)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("split %.2f, cliffs %d and %d days\n", p.Fees.Split, p.Allocations[1].CliffDays, p.Allocations[2].CliffDays)
	// Output:
	// search nsga2 6 variables
	// minimise max_drawdown_after_unlock P(>0.5)
	// minimise captured P(>0.5)
	// subject to frauds_undetected P(>0) <= 0.05 at 0.8
	// split [0.55 0.30 0.15], cliffs 180 and 180 days
}
