package search_test

import (
	"fmt"
	"log"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/seqsim/seqsim/engine/search"
)

// Schaffer's problem SCH (Deb et al. 2002, Table I): minimise x² and
// (x − 2)², whose Pareto set is x ∈ [0, 2]. A deterministic model needs
// one run per candidate: Start = Cap = 1 (with one run and a larger Cap,
// racing would add runs, since one run bounds no mean).
func ExampleNewNSGA2() {
	p := search.Problem{
		Variables: []search.Variable{search.Real("x", -10, 10)},
		Outcomes:  []string{"f1", "f2"},
		Objectives: []search.Objective{
			{Name: "f1", Outcome: 0, Stat: search.Mean()},
			{Name: "f2", Outcome: 1, Stat: search.Mean()},
		},
	}
	s, err := search.NewNSGA2(p, search.NSGA2Config{Population: 20, Generations: 50, Replicates: search.Replicates{Start: 1, Cap: 1}}, 1)
	if err != nil {
		log.Fatal(err)
	}
	res, err := search.Run(s, func(x []float64, _ int, f []float64) error {
		f[0], f[1] = x[0]*x[0], (x[0]-2)*(x[0]-2)
		return nil
	}, 2)
	if err != nil {
		log.Fatal(err)
	}
	lo, hi := 10.0, -10.0
	for _, id := range res.Chosen {
		x := res.Candidates[id].X[0]
		lo, hi = min(lo, x), max(hi, x)
	}
	fmt.Printf("%d designs on the front, x from %.2f to %.2f\n", len(res.Chosen), math.Round(lo*100)/100+0, hi) // +0: no "-0.00"
	fmt.Printf("%d runs for %d candidates, %d final runs\n", res.Runs, len(res.Candidates), res.FinalRuns)
	header, _ := res.FrontTable()
	fmt.Println(strings.Join(header, ","))
	// Output:
	// 20 designs on the front, x from 0.00 to 2.00
	// 1020 runs for 1020 candidates, 20 final runs
	// candidate,x,replicates,f1,f1_lo,f1_hi,f2,f2_lo,f2_hi,violation,rank,best
}

// CMA-ES on a function with an integer variable: the minimum of
// (a − 0.3)² + (b − 7)² + 1 is at a = 0.3 and the integer b = 7.
func ExampleNewCMAES() {
	p := search.Problem{
		Variables:  []search.Variable{search.Real("a", -1, 1), search.Int("b", 0, 20)},
		Outcomes:   []string{"cost"},
		Objectives: []search.Objective{{Outcome: 0, Stat: search.Mean()}},
	}
	s, err := search.NewCMAES(p, search.CMAESConfig{Generations: 100, Replicates: search.Replicates{Start: 1}}, 1)
	if err != nil {
		log.Fatal(err)
	}
	res, err := search.Run(s, func(x []float64, _ int, f []float64) error {
		f[0] = (x[0]-0.3)*(x[0]-0.3) + (x[1]-7)*(x[1]-7) + 1
		return nil
	}, 1)
	if err != nil {
		log.Fatal(err)
	}
	best := res.Candidates[res.Best]
	fmt.Printf("%s = %.4f, %s = %.0f, %s = %.4f\n", res.Variables[0], best.X[0], res.Variables[1], best.X[1], res.Objectives[0], best.Final.Objectives[0].Value)
	// Output:
	// a = 0.3000, b = 7, cost_mean = 1.0000
}

// The ask/tell loop a study runs: ask for a batch, run it (here on one
// goroutine, in reverse order to show that order does not matter), and
// tell each outcome back. The simulator draws from a generator seeded by
// the replicate index only: common random numbers. The constraint asks
// for P(loss > 1) ≤ 10% at 95% confidence; the loss of a design with
// margin m is Normal(2 − 4m, 0.5), so P(loss > 1) = 1 − Φ((1 − 2 + 4m)/0.5)
// ≤ 10% from m = 0.410 on (Φ⁻¹(0.9) = 1.2816). The search needs the
// 95% upper bound below 10%, so it settles just above, at 0.42 (true
// probability 8.7%); the fresh seeds of the final re-evaluation estimate
// 9.0% and an upper bound above 10%: near a constraint, the design the
// search picks is the one its own seeds favoured (the winner's curse),
// which is why front.csv reports the fresh estimates.
func ExampleNSGA2_Ask() {
	p := search.Problem{
		Variables:  []search.Variable{search.Real("margin", 0, 1)},
		Outcomes:   []string{"cost", "loss"},
		Objectives: []search.Objective{{Name: "cost", Outcome: 0, Stat: search.Mean()}},
		Constraints: []search.Constraint{
			{Name: "P(loss>1)", Outcome: 1, Stat: search.Probability(1), Op: search.AtMost, Limit: 0.1, Level: 0.95},
		},
	}
	s, err := search.NewNSGA2(p, search.NSGA2Config{Population: 20, Generations: 30, Replicates: search.Replicates{Start: 50, Step: 50, Cap: 400}}, 7)
	if err != nil {
		log.Fatal(err)
	}
	out := make([]float64, 2)
	for !s.Done() {
		batch := s.Ask()
		for i := len(batch) - 1; i >= 0; i-- {
			e := batch[i]
			rng := rand.New(rand.NewPCG(uint64(e.Replicate), 0)) // the run's seed: replicate index only
			out[0] = e.X[0]
			out[1] = 2 - 4*e.X[0] + 0.5*rng.NormFloat64()
			if err := s.Tell(e.Candidate, e.Replicate, out); err != nil {
				log.Fatal(err)
			}
		}
	}
	res := s.Result()
	c := res.Candidates[res.Chosen[0]]
	fmt.Printf("margin %.2f: P(loss>1) = %.3f at most %.3f (%d runs); fresh seeds: %.3f at most %.3f (%d runs)\n",
		c.X[0], c.Constraints[0].Value, c.Constraints[0].Hi, c.Replicates,
		c.Final.Constraints[0].Value, c.Final.Constraints[0].Hi, c.Final.Replicates)
	fmt.Printf("%d runs in the search\n", res.Runs)
	// Output:
	// margin 0.42: P(loss>1) = 0.075 at most 0.100 (400 runs); fresh seeds: 0.090 at most 0.116 (400 runs)
	// 64100 runs in the search
}
