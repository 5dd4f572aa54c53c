package study

import (
	"math/rand/v2"
	"testing"

	"github.com/seqsim/seqsim/engine"
)

func BenchmarkWriteSeries(b *testing.B) {
	s := engine.Schema{Series: make([]string, 12), Steps: 1461, SeriesEvery: 1}
	for i := range s.Series {
		s.Series[i] = "metric"
	}
	bands := engine.NewBands(s)
	rng := rand.New(rand.NewPCG(1, 2))
	series := make([]float64, s.Steps*len(s.Series))
	for range 100 {
		for i := range series {
			series[i] = rng.ExpFloat64()
		}
		bands.Add(0, series)
	}
	dir := b.TempDir()
	for b.Loop() {
		if err := writeSeriesCSV(dir+"/series.csv", bands); err != nil {
			b.Fatal(err)
		}
	}
}
