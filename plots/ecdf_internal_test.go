package plots

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestECDFStepsThin: up to ecdfMaxSteps values every step is drawn; past
// it at most one step per x column is, and the drawn curve is within one
// column of the exact ECDF: at every kept point F is exact, and no value
// lies strictly between a kept x and the previous column's kept x with F
// left unaccounted.
func TestECDFStepsThin(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{10, ecdfMaxSteps, 10_000, 50_000} {
		v := make([]float64, n)
		for i := range v {
			v[i] = math.Round(100*rng.ExpFloat64()) / 100 // ties too
		}
		slices.Sort(v)
		x0, x1 := v[0]-0.1, v[n-1]+0.1
		xs, ys := ecdfSteps(v, x0, x1)
		distinct := 0
		for j := range v {
			if j+1 == n || v[j+1] != v[j] {
				distinct++
			}
		}
		if n <= ecdfMaxSteps && len(xs) != distinct+2 {
			t.Errorf("n=%d: %d points, want every step (%d + 2)", n, len(xs), distinct)
		}
		if len(xs) > ecdfMaxSteps+3 {
			t.Errorf("n=%d: %d points, want at most %d", n, len(xs), ecdfMaxSteps+3)
		}
		if xs[0] != x0 || ys[0] != 0 || xs[len(xs)-1] != x1 || ys[len(ys)-1] != 1 {
			t.Errorf("n=%d: ends (%v, %v) (%v, %v)", n, xs[0], ys[0], xs[len(xs)-1], ys[len(ys)-1])
		}
		width := (x1 - x0) / ecdfMaxSteps
		for k := 1; k < len(xs)-1; k++ {
			// F at a kept x is the exact share of values <= x.
			le, _ := slices.BinarySearch(v, math.Nextafter(xs[k], math.Inf(1)))
			if want := float64(le) / float64(n); ys[k] != want {
				t.Fatalf("n=%d: F(%v) = %v, want %v", n, xs[k], ys[k], want)
			}
			// Consecutive kept steps are at most a column apart in x, or
			// nothing lies between them.
			if k > 1 && xs[k]-xs[k-1] > width {
				lo, _ := slices.BinarySearch(v, math.Nextafter(xs[k-1], math.Inf(1)))
				hi, _ := slices.BinarySearch(v, xs[k])
				for _, x := range v[lo:hi] {
					if math.Floor((x-x0)/width) != math.Floor((xs[k]-x0)/width) {
						t.Fatalf("n=%d: value %v dropped between kept %v and %v outside their column", n, x, xs[k-1], xs[k])
					}
				}
			}
		}
	}
}
