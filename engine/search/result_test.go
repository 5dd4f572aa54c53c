package search_test

import (
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
