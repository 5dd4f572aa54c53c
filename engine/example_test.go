package engine_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/seqsim/seqsim/engine"
)

// walk is a custom model: a simple random walk of ±1 steps. One walk is
// made per worker and reused for every run it is given; all its randomness
// comes from the rng the engine derives from (seed, point, run).
type walk struct{ steps int }

func (w *walk) Run(point, run int, rng *rand.Rand, summary, series []float64) error {
	x := 0.0
	for s := range w.steps {
		series[s] = x // position at the start of step s
		x += float64(2*rng.IntN(2) - 1)
	}
	summary[0] = x
	summary[1] = math.Abs(x)
	return nil
}

// moments is a sink: it receives every run's summary in run order, whatever
// the number of workers, so its sums (and anything it writes) are the same
// bytes on every machine.
type moments struct {
	n, sum, sumSq, sumAbs float64
	first                 []float64
}

func (m *moments) Row(u engine.Unit, summary []float64) error {
	if u.Run < 3 {
		m.first = append(m.first, summary[0])
	}
	m.n++
	m.sum += summary[0]
	m.sumSq += summary[0] * summary[0]
	m.sumAbs += summary[1]
	return nil
}

// Run a custom Sim: 2,000 random walks of 100 steps on two workers. The
// final position has mean 0 and standard deviation sqrt(100) = 10, and
// E|x| = 7.96 (the exact binomial value for 100 steps, 100·C(100,50)/2^100);
// the sample values below are within their standard errors of these.
func ExampleRun() {
	plan := engine.Plan{
		Seed: 42, Points: 1, Runs: 2000, Workers: 2,
		SeriesPoints: true,
		Schema: engine.Schema{
			Summary: []string{"final", "abs_final"},
			Series:  []string{"position"},
			Steps:   100,
		},
	}
	sink := &moments{}
	res, err := engine.Run(context.Background(), plan, func() (engine.Sim, error) { return &walk{steps: 100}, nil }, sink)
	if err != nil {
		fmt.Println(err)
		return
	}
	mean := sink.sum / sink.n
	sd := math.Sqrt(sink.sumSq/sink.n - mean*mean)
	fmt.Printf("first runs end at %v\n", sink.first)
	fmt.Printf("%d runs: mean %.2f, sd %.2f, mean |x| %.2f\n", res.Done, mean, sd, sink.sumAbs/sink.n)
	// The bands hold per-step quantiles and means across runs.
	last := res.Bands.Stat(0, 99, 0)
	fmt.Printf("step 99: %d runs, mean %.2f, p95 %.1f\n", last.N, last.Mean, last.Q[4])
	// Output:
	// first runs end at [4 -8 4]
	// 2000 runs: mean -0.10, sd 10.03, mean |x| 8.01
	// step 99: 2000 runs, mean -0.08, p95 16.9
}
