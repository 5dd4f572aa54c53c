package search_test

import (
	"math"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/engine/search"
)

// TestTables: search.csv has one row per candidate and front.csv one per
// chosen design, each as wide as its header, and a CMA-ES mean design
// without search runs has empty estimate cells.
func TestTables(t *testing.T) {
	t.Parallel()
	p, eval := mixedProblem()
	s, err := search.NewNSGA2(p, search.NSGA2Config{Population: 8, Generations: 3}, 2)
	if err != nil {
		t.Fatal(err)
	}
	res, err := search.Run(s, eval, 3)
	if err != nil {
		t.Fatal(err)
	}
	h, rows := res.SearchTable()
	if got := strings.Join(h, ","); got != "candidate,generation,replicates,a,b,c,d,f1,f1_lo,f1_hi,f2 q90,f2 q90_lo,f2 q90_hi,P(loss>1),P(loss>1)_lo,P(loss>1)_hi,violation,feasible,chosen" {
		t.Errorf("search header %s", got)
	}
	if len(rows) != len(res.Candidates) {
		t.Errorf("%d search rows for %d candidates", len(rows), len(res.Candidates))
	}
	chosen := 0
	for _, r := range rows {
		if len(r) != len(h) {
			t.Fatalf("search row %v: %d cells for %d columns", r, len(r), len(h))
		}
		if r[len(r)-1] == "true" {
			chosen++
		}
	}
	fh, front := res.FrontTable()
	if len(front) != len(res.Chosen) || chosen != len(res.Chosen) || len(front) == 0 {
		t.Errorf("%d front rows, %d chosen in search.csv, %d chosen", len(front), chosen, len(res.Chosen))
	}
	for _, r := range front {
		if len(r) != len(fh) {
			t.Fatalf("front row %v: %d cells for %d columns", r, len(r), len(fh))
		}
	}

	c, err := search.NewCMAES(sphereProblem(), search.CMAESConfig{Generations: 2}, 1)
	if err != nil {
		t.Fatal(err)
	}
	res, err = search.Run(c, noisy(sphere, 1, 0.1, 0.5), 1)
	if err != nil {
		t.Fatal(err)
	}
	h, rows = res.SearchTable()
	mean := rows[len(rows)-1] // the design at the mean, made last
	if mean[2] != "0" || mean[len(h)-2] != "" || mean[len(h)-1] != "true" {
		t.Errorf("CMA-ES mean design row %v", mean)
	}
	if _, front := res.FrontTable(); len(front) != 2 || (front[0][len(front[0])-1] == "true") == (front[1][len(front[1])-1] == "true") {
		t.Errorf("CMA-ES front %v: want two designs, one best", front)
	}
}

// TestMaxRuns: the budget stops racing rounds and generations before they
// would exceed it; the final re-evaluation is on top.
func TestMaxRuns(t *testing.T) {
	t.Parallel()
	for _, max := range []int{100, 1000, 5000} {
		s, err := search.NewNSGA2(zdtProblem(5), search.NSGA2Config{Population: 20, MaxRuns: max}, 1)
		if err != nil {
			t.Fatal(err)
		}
		res, err := search.Run(s, noisy(search.ZDT1, 2, 0.02, 0.5), 2)
		if err != nil {
			t.Fatal(err)
		}
		if res.Runs > max || res.Runs < max/2 || res.FinalRuns != 16*len(res.Chosen) {
			t.Errorf("MaxRuns %d: %d runs in %d generations, %d final for %d chosen", max, res.Runs, res.Generations, res.FinalRuns, len(res.Chosen))
		}
		c, err := search.NewCMAES(sphereProblem(), search.CMAESConfig{MaxRuns: max}, 1)
		if err != nil {
			t.Fatal(err)
		}
		if res, err = search.Run(c, noisy(sphere, 1, 0.1, 0.5), 1); err != nil {
			t.Fatal(err)
		}
		if res.Runs > max || res.Runs < max/2 {
			t.Errorf("CMA-ES MaxRuns %d: %d runs", max, res.Runs)
		}
	}
}

// TestProgress: one entry per generation, the initial one included, with
// a full parent population (NSGA-II) or μ parents (CMA-ES) and runs that
// never decrease.
func TestProgress(t *testing.T) {
	t.Parallel()
	s, err := search.NewNSGA2(zdtProblem(5), search.NSGA2Config{Population: 12, Generations: 6}, 3)
	if err != nil {
		t.Fatal(err)
	}
	res, err := search.Run(s, noisy(search.ZDT1, 2, 0.02, 0.5), 2)
	if err != nil {
		t.Fatal(err)
	}
	c, err := search.NewCMAES(sphereProblem(), search.CMAESConfig{Generations: 6}, 3)
	if err != nil {
		t.Fatal(err)
	}
	cres, err := search.Run(c, noisy(sphere, 1, 0.1, 0.5), 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		r       *search.Result
		parents int
	}{{"NSGA2", res, 12}, {"CMAES", cres, 5}} { // μ = ⌊λ/2⌋, λ = 4 + ⌊3 ln 10⌋ = 10
		if len(tc.r.Progress) != 7 || tc.r.Generations != 6 {
			t.Errorf("%s: %d progress entries for %d generations, want 7 and 6", tc.name, len(tc.r.Progress), tc.r.Generations)
		}
		last := 0
		for i, g := range tc.r.Progress {
			if len(g.Parents) != tc.parents || g.Runs < last || g.Runs > tc.r.Runs {
				t.Errorf("%s generation %d: %d parents, runs %d after %d", tc.name, i, len(g.Parents), g.Runs, last)
			}
			last = g.Runs
		}
	}
}

// TestMixedVariables: integer and discrete variables reach a known
// optimum: f = (a − 0.3)² + (b − 2)² + (c − 20)²/100 over a real a ∈ [0, 1],
// an integer b ∈ [−5, 5] and c ∈ {40, 10, 20, 30}, minimum 0 at
// (0.3, 2, 20), by both searches, without noise.
func TestMixedVariables(t *testing.T) {
	t.Parallel()
	p := search.Problem{
		Variables:  []search.Variable{search.Real("a", 0, 1), search.Int("b", -5, 5), search.OneOf("c", 40, 10, 20, 30)},
		Outcomes:   []string{"f"},
		Objectives: []search.Objective{{Name: "f", Stat: search.Mean()}},
	}
	f := func(x []float64, _ int, dst []float64) error {
		dst[0] = (x[0]-0.3)*(x[0]-0.3) + (x[1]-2)*(x[1]-2) + (x[2]-20)*(x[2]-20)/100
		return nil
	}
	one := search.Replicates{Start: 1, Cap: 1}
	n, err := search.NewNSGA2(p, search.NSGA2Config{Population: 20, Generations: 60, Replicates: one}, 1)
	if err != nil {
		t.Fatal(err)
	}
	c, err := search.NewCMAES(p, search.CMAESConfig{Replicates: one}, 1)
	if err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]search.Searcher{"NSGA2": n, "CMAES": c} {
		res, err := search.Run(s, f, 1)
		if err != nil {
			t.Fatal(err)
		}
		id := res.Best
		if id < 0 {
			id = res.Chosen[0]
		}
		x := res.Candidates[id].X
		if math.Abs(x[0]-0.3) > 1e-3 || x[1] != 2 || x[2] != 20 {
			t.Errorf("%s: best %v, want [0.3 2 20]", name, x)
		}
	}
}

// TestNoFinal: Replicates.Final < 0 skips the re-evaluation; the chosen
// designs are still marked, and front.csv is empty.
func TestNoFinal(t *testing.T) {
	t.Parallel()
	s, err := search.NewCMAES(sphereProblem(), search.CMAESConfig{Generations: 5, Replicates: search.Replicates{Final: -1}}, 1)
	if err != nil {
		t.Fatal(err)
	}
	res, err := search.Run(s, noisy(sphere, 1, 0.1, 0.5), 1)
	if err != nil {
		t.Fatal(err)
	}
	if _, front := res.FrontTable(); res.FinalRuns != 0 || len(res.Chosen) == 0 || len(front) != 0 || res.Best < 0 {
		t.Errorf("final runs %d, chosen %v, best %d, %d front rows", res.FinalRuns, res.Chosen, res.Best, len(front))
	}
}
