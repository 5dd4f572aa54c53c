package search

import "fmt"

// Searcher is a search driven by ask and tell: [NSGA2] and [CMAES].
type Searcher interface {
	// Ask returns the runs still to be told of the current batch, or the
	// next batch when it is complete; nil when the search is done.
	Ask() []Eval
	// Tell records the outcome vector of one run asked for.
	Tell(candidate, replicate int, outcome []float64) error
	// Done reports whether the search and its final re-evaluation are over.
	Done() bool
	// Result returns the candidates evaluated and the chosen designs.
	Result() *Result
}

var (
	_ Searcher = (*NSGA2)(nil)
	_ Searcher = (*CMAES)(nil)
)

// Run drives s to the end on one goroutine: eval(x, replicate, dst) must
// write the outcome vector of one run of design x with seed index
// replicate into dst. It is the reference driver for tests and small
// problems; a study asks for a batch, runs it on its workers and tells the
// outcomes back in any order.
func Run(s Searcher, eval func(x []float64, replicate int, dst []float64) error, outcomes int) (*Result, error) {
	dst := make([]float64, outcomes)
	for !s.Done() {
		for _, e := range s.Ask() {
			if err := eval(e.X, e.Replicate, dst); err != nil {
				return nil, fmt.Errorf("search: candidate %d replicate %d: %w", e.Candidate, e.Replicate, err)
			}
			if err := s.Tell(e.Candidate, e.Replicate, dst); err != nil {
				return nil, err
			}
		}
	}
	return s.Result(), nil
}
