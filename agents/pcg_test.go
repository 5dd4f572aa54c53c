package agents

import (
	"math/rand/v2"
	"testing"
)

// TestPCGMatchesStdlib: the model's pcg gives math/rand/v2's PCG numbers,
// through rand.Rand too, so swapping it in left every output byte as it was.
func TestPCGMatchesStdlib(t *testing.T) {
	seeds := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		s1, s2 := seeds.Uint64(), seeds.Uint64()
		var mine pcg
		mine.Seed(s1, s2)
		std := rand.NewPCG(s1, s2)
		for i := range 1000 {
			if a, b := mine.Uint64(), std.Uint64(); a != b {
				t.Fatalf("seed (%d, %d), draw %d: pcg %d, rand.PCG %d", s1, s2, i, a, b)
			}
		}
		mine.Seed(s1, s2)
		std.Seed(s1, s2)
		r1, r2 := rand.New(&mine), rand.New(std)
		for i := range 1000 {
			if a, b := r1.Float64(), r2.Float64(); a != b {
				t.Fatalf("seed (%d, %d), Float64 %d: %v vs %v", s1, s2, i, a, b)
			}
			if a, b := unitFloat(mine.Uint64()), unitFloat(std.Uint64()); a != b {
				t.Fatalf("seed (%d, %d), unitFloat %d: %v vs %v", s1, s2, i, a, b)
			}
		}
	}
}
