package engine

import (
	"context"
	"io"
	"math/rand/v2"
	"testing"
)

// emptySim does nothing: what is left is the engine's own cost per unit
// (seeding, feeding, reordering, delivery).
type emptySim struct{}

func (emptySim) Run(_, _ int, _ *rand.Rand, summary, _ []float64) error {
	summary[0] = 1
	return nil
}

func BenchmarkEngineOverhead(b *testing.B) {
	for _, w := range []int{1, 2} {
		b.Run("workers="+string(rune('0'+w)), func(b *testing.B) {
			p := Plan{Seed: 1, Points: 1, Runs: 10000, Workers: w, Schema: Schema{Summary: []string{"y"}}}
			units := 0
			for b.Loop() {
				res, err := Run(context.Background(), p, func() (Sim, error) { return emptySim{}, nil }, sinkFunc(func(Unit, []float64) error { return nil }))
				if err != nil {
					b.Fatal(err)
				}
				units += res.Done
			}
			b.ReportMetric(b.Elapsed().Seconds()*1e9/float64(units), "ns/unit")
		})
	}
}

// BenchmarkBandsAdd folds one run of a baseline-sized series (1,461 days x
// 12 metrics) into the bands.
func BenchmarkBandsAdd(b *testing.B) {
	s := Schema{Series: make([]string, 12), Steps: 1461, SeriesEvery: 1}
	bands := NewBands(s)
	rng := rand.New(rand.NewPCG(1, 2))
	series := make([]float64, s.Steps*len(s.Series))
	for i := range series {
		series[i] = rng.ExpFloat64() * 1e6
	}
	for b.Loop() {
		bands.Add(0, series)
	}
	b.ReportMetric(b.Elapsed().Seconds()*1e9/float64(b.N*len(series)), "ns/value")
}

func BenchmarkBandsSerialise(b *testing.B) {
	_, _, res := runToyB(b)
	for b.Loop() {
		res.Bands.WriteTo(io.Discard)
	}
}

func runToyB(b *testing.B) (Plan, Sink, *Result) {
	p := toyPlan(2)
	res, err := Run(context.Background(), p, func() (Sim, error) { return &toySim{failRun: -1}, nil }, sinkFunc(func(Unit, []float64) error { return nil }))
	if err != nil {
		b.Fatal(err)
	}
	return p, nil, res
}
