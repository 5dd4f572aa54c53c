package search_test

// Determinism of the searches: a search is a pure function of (problem,
// configuration, seed, outcomes told), so the order of tells, workers,
// sittings and a cache replay give the same Result to the bit. The golden
// hashes below pin the streams: do NOT change them casually; a change
// means a saved search no longer replays, and the commit must say why the
// stream moved.

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"

	"github.com/seqsim/seqsim/engine/search"
)

// hashResult hashes every number of r in a fixed order.
func hashResult(r *search.Result) string {
	h := sha256.New()
	put := func(v float64) {
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], math.Float64bits(v))
		h.Write(b[:])
	}
	ests := func(es []search.Estimate) {
		for _, e := range es {
			put(e.Value)
			put(e.Lo)
			put(e.Hi)
		}
	}
	put(float64(r.Best))
	put(float64(r.Generations))
	put(float64(r.Runs))
	put(float64(r.FinalRuns))
	for _, id := range r.Chosen {
		put(float64(id))
	}
	for _, g := range r.Progress {
		put(float64(g.Runs))
		for _, id := range g.Parents {
			put(float64(id))
		}
	}
	for _, c := range r.Candidates {
		put(float64(c.ID))
		put(float64(c.Generation))
		put(float64(c.Replicates))
		for _, x := range c.X {
			put(x)
		}
		ests(c.Objectives)
		ests(c.Constraints)
		put(c.Violation)
		if f := c.Final; f != nil {
			put(float64(f.Replicates))
			put(float64(f.Rank))
			ests(f.Objectives)
			ests(f.Constraints)
			put(f.Violation)
		}
	}
	return fmt.Sprintf("%x", h.Sum(nil)[:8])
}

// mixedProblem has every kind of variable, statistic and constraint: a
// noisy ZDT1 over two reals, an integer and a discrete variable, with a
// probability constraint and a quantile objective.
func mixedProblem() (search.Problem, func(x []float64, j int, dst []float64) error) {
	p := search.Problem{
		Variables: []search.Variable{
			search.Real("a", 0, 1), search.Real("b", 0, 1), search.Int("c", 0, 5), search.OneOf("d", 0.5, 0, 0.25),
		},
		Outcomes: []string{"f1", "f2", "loss"},
		Objectives: []search.Objective{
			{Name: "f1", Outcome: 0, Stat: search.Mean()},
			{Name: "f2 q90", Outcome: 1, Stat: search.Quantile(0.9)},
		},
		Constraints: []search.Constraint{
			{Name: "P(loss>1)", Outcome: 2, Stat: search.Probability(1), Op: search.AtMost, Limit: 0.3},
		},
	}
	zdt := noisy(func(x, f []float64) {
		search.ZDT1([]float64{x[0], x[1], x[2] / 5, x[3]}, f)
		f[2] = 2 * x[0] // loss > 1 when a > 0.5, then noise
	}, 3, 0.05, 0.5)
	return p, zdt
}

type driver func(t *testing.T, s search.Searcher, eval func([]float64, int, []float64) error, outcomes int)

// shuffled tells each batch in a random order, in two sittings: half,
// then Ask again for what is left; it takes a Result between the two (as
// a study's checkpoint would), which must not change the search.
func shuffled(t *testing.T, s search.Searcher, eval func([]float64, int, []float64) error, m int) {
	rng := rand.New(rand.NewPCG(99, 99))
	dst := make([]float64, m)
	for !s.Done() {
		batch := s.Ask()
		rng.Shuffle(len(batch), func(i, j int) { batch[i], batch[j] = batch[j], batch[i] })
		if len(batch) > 1 {
			batch = batch[:len(batch)/2]
		}
		for _, e := range batch {
			if err := eval(e.X, e.Replicate, dst); err != nil {
				t.Fatal(err)
			}
			if err := s.Tell(e.Candidate, e.Replicate, dst); err != nil {
				t.Fatal(err)
			}
		}
		s.Result()
	}
}

// workers runs each batch on 7 goroutines and tells the outcomes in the
// order they finish.
func workers(t *testing.T, s search.Searcher, eval func([]float64, int, []float64) error, m int) {
	type done struct {
		e   search.Eval
		out []float64
	}
	for !s.Done() {
		batch := s.Ask()
		jobs, results := make(chan search.Eval), make(chan done)
		var wg sync.WaitGroup
		for range 7 {
			wg.Go(func() {
				for e := range jobs {
					out := make([]float64, m)
					if err := eval(e.X, e.Replicate, out); err != nil {
						panic(err)
					}
					results <- done{e, out}
					runtime.Gosched()
				}
			})
		}
		go func() {
			for _, e := range batch {
				jobs <- e
			}
			close(jobs)
			wg.Wait()
			close(results)
		}()
		for d := range results {
			if err := s.Tell(d.e.Candidate, d.e.Replicate, d.out); err != nil {
				t.Error(err)
			}
		}
	}
}

func sequential(t *testing.T, s search.Searcher, eval func([]float64, int, []float64) error, m int) {
	if _, err := search.Run(s, eval, m); err != nil {
		t.Fatal(err)
	}
}

// caching wraps eval to record every run by (x, replicate).
type cache map[string][]float64

func key(x []float64, j int) string { return fmt.Sprint(x, j) }

func (c cache) record(eval func([]float64, int, []float64) error) func([]float64, int, []float64) error {
	return func(x []float64, j int, dst []float64) error {
		err := eval(x, j, dst)
		c[key(x, j)] = append([]float64(nil), dst...)
		return err
	}
}

func (c cache) replay(x []float64, j int, dst []float64) error {
	v, ok := c[key(x, j)]
	if !ok {
		return fmt.Errorf("run %v replicate %d not in the cache", x, j)
	}
	copy(dst, v)
	return nil
}

func TestSameResultWhateverTheTells(t *testing.T) {
	t.Parallel()
	p, eval := mixedProblem()
	newNSGA := func() search.Searcher {
		s, err := search.NewNSGA2(p, search.NSGA2Config{Population: 20, Generations: 15, Replicates: search.Replicates{Start: 3, Cap: 12}}, 5)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	single := p
	single.Objectives = p.Objectives[1:]
	newCMA := func() search.Searcher {
		s, err := search.NewCMAES(single, search.CMAESConfig{Generations: 30}, 5)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	for name, mk := range map[string]func() search.Searcher{"NSGA2": newNSGA, "CMAES": newCMA} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c := cache{}
			ref := mk()
			sequential(t, ref, c.record(eval), 3)
			want := hashResult(ref.Result())
			for dname, d := range map[string]driver{"shuffled": shuffled, "7 workers": workers, "sequential": sequential} {
				s := mk()
				d(t, s, eval, 3)
				if got := hashResult(s.Result()); got != want {
					t.Errorf("%s: hash %s, want %s", dname, got, want)
				}
			}
			s := mk()
			sequential(t, s, c.replay, 3)
			if got := hashResult(s.Result()); got != want {
				t.Errorf("cache replay: hash %s, want %s", got, want)
			}
			r := ref.Result()
			t.Logf("%d candidates, %d chosen, %d runs + %d final, hash %s", len(r.Candidates), len(r.Chosen), r.Runs, r.FinalRuns, want)
		})
	}
}

// TestGoldenHashes pins the output of each test problem for its seed.
// Outcomes go through math.Pow, Sqrt and the gonum quantile functions, and
// the compiler may fuse multiply-adds on other architectures (STYLE.md,
// "Floating-point caveats"), so the hashes are checked on amd64 only.
func TestGoldenHashes(t *testing.T) {
	t.Parallel()
	if runtime.GOARCH != "amd64" {
		t.Skip("golden hashes are recorded for amd64")
	}
	p, eval := mixedProblem()
	nsga, err := search.NewNSGA2(p, search.NSGA2Config{Population: 20, Generations: 15, Replicates: search.Replicates{Start: 3, Cap: 12}}, 5)
	if err != nil {
		t.Fatal(err)
	}
	insp, err := search.NewNSGA2(inspectionProblem(), inspectionConfig, 1)
	if err != nil {
		t.Fatal(err)
	}
	cma, err := search.NewCMAES(sphereProblem(), search.CMAESConfig{Generations: 300}, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		s    search.Searcher
		eval func([]float64, int, []float64) error
		m    int
		want string
	}{
		{"mixed NSGA2", nsga, eval, 3, "46378c6b7eec8a7d"},
		{"inspection NSGA2", insp, inspectionRun, 2, "debb29740da466ff"},
		{"sphere CMAES", cma, noisy(sphere, 1, 0.1, 0.5), 1, "a2bb2c950ba8b074"},
	} {
		res, err := search.Run(tc.s, tc.eval, tc.m)
		if err != nil {
			t.Fatal(err)
		}
		if got := hashResult(res); got != tc.want {
			t.Errorf("%s: hash %s, want %s", tc.name, got, tc.want)
		}
	}
}
