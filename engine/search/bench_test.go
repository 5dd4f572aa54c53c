package search_test

import (
	"testing"

	"github.com/seqsim/seqsim/engine/search"
)

// BenchmarkNSGA2Generation measures one NSGA-II generation on ZDT1 with 30
// variables, N = 100 and the default replicates, from asking for the
// offspring to the selection of the next parents, including the racing
// rounds and the noisy ZDT1 runs (a few µs each): the search's overhead
// per generation for a study whose model runs take far longer.
func BenchmarkNSGA2Generation(b *testing.B) {
	s, err := search.NewNSGA2(zdtProblem(30), search.NSGA2Config{Generations: 1 << 30}, 1)
	if err != nil {
		b.Fatal(err)
	}
	eval := noisy(search.ZDT1, 2, 0.02, 0.5)
	dst := make([]float64, 2)
	runs := 0
	step := func() {
		for g := s.Generation(); s.Generation() == g; {
			for _, e := range s.Ask() {
				if err := eval(e.X, e.Replicate, dst); err != nil {
					b.Fatal(err)
				}
				if err := s.Tell(e.Candidate, e.Replicate, dst); err != nil {
					b.Fatal(err)
				}
				runs++
			}
		}
	}
	for range 50 { // past the first generations, where racing is rarer
		step()
	}
	runs = 0
	for b.Loop() {
		step()
	}
	b.ReportMetric(float64(runs)/float64(b.N), "runs/op")
}
