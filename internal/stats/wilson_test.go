package stats

import (
	"fmt"
	"math"
	"testing"
)

// TestWilson checks worked values (computed from the closed form by hand
// and against R's prop.test(correct = FALSE) intervals), published ones,
// and the edges.
func TestWilson(t *testing.T) {
	t.Parallel()
	cases := []struct {
		k, n      int
		p, lo, hi float64
	}{
		{0, 10, 0, 0, 0.27753},
		{10, 10, 1, 0.72247, 1},
		{5, 10, 0.5, 0.23659, 0.76341},
		{457, 1000, 0.457, 0.42637, 0.48797},
		// Newcombe (1998), Statistics in Medicine 17:857, table I, method 3.
		{81, 263, 81.0 / 263, 0.2553, 0.3662},
		{15, 148, 15.0 / 148, 0.0624, 0.1605},
		{0, 20, 0, 0, 0.1611},
		{1, 29, 1.0 / 29, 0.0061, 0.1718},
	}
	for _, c := range cases {
		p, lo, hi := Wilson(c.k, c.n)
		if math.Abs(p-c.p) > 1e-12 || math.Abs(lo-c.lo) > 5e-5 || math.Abs(hi-c.hi) > 5e-5 {
			t.Errorf("Wilson(%d, %d) = %.5f [%.5f, %.5f], want %.5f [%.5f, %.5f]", c.k, c.n, p, lo, hi, c.p, c.lo, c.hi)
		}
	}
	for _, bad := range [][2]int{{0, 0}, {3, 2}, {-1, 5}, {0, -1}} {
		if p, lo, hi := Wilson(bad[0], bad[1]); !math.IsNaN(p) || !math.IsNaN(lo) || !math.IsNaN(hi) {
			t.Errorf("Wilson(%d, %d) = %v %v %v, want NaN", bad[0], bad[1], p, lo, hi)
		}
	}
}

func ExampleWilson() {
	p, lo, hi := Wilson(367, 1000)
	fmt.Printf("%.3f [%.3f, %.3f]\n", p, lo, hi)
	// Output: 0.367 [0.338, 0.397]
}
