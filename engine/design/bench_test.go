package design

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkSobolPoint measures random access to one point of a scrambled
// 16-dimensional Sobol sequence (a Saltelli base sample for 8 factors).
func BenchmarkSobolPoint(b *testing.B) {
	s, err := NewSobol(16, rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		b.Fatal(err)
	}
	x := make([]float64, 16)
	var i uint64
	for b.Loop() {
		s.Point(i, x)
		i = (i + 1) & (1<<20 - 1)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "points/s")
}

// BenchmarkNewSobol measures parsing the embedded table and scrambling, for
// the largest Saltelli base sample (1110 dimensions).
func BenchmarkNewSobol(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	for b.Loop() {
		if _, err := NewSobol(1110, rng); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSaltelliPoint measures one mapped design row of an 8-factor
// second-order Saltelli design.
func BenchmarkSaltelliPoint(b *testing.B) {
	s, err := NewSaltelli(unitSpace(b, "a", "b", "c", "d", "e", "f", "g", "h"), 4096, true, 1)
	if err != nil {
		b.Fatal(err)
	}
	x := make([]float64, s.Dim())
	i := 0
	for b.Loop() {
		s.Point(i, x)
		i = (i + 1) % s.Len()
	}
}
