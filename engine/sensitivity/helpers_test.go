package sensitivity

import (
	"math"
	"testing"

	"github.com/seqsim/seqsim/engine/design"
)

// uniformSpace returns factors x1..xn uniform on [lo[k], hi[k]].
func uniformSpace(t testing.TB, lo, hi []float64) design.Space {
	t.Helper()
	sp := design.Space{}
	for k := range lo {
		u, err := design.Uniform(lo[k], hi[k])
		if err != nil {
			t.Fatal(err)
		}
		sp.Names = append(sp.Names, "x"+string(rune('1'+k)))
		sp.Marginals = append(sp.Marginals, u)
	}
	return sp
}

func ishigamiSpace(t testing.TB) design.Space {
	return uniformSpace(t, []float64{-math.Pi, -math.Pi, -math.Pi}, []float64{math.Pi, math.Pi, math.Pi})
}

type evaluable interface {
	Len() int
	Dim() int
	Point(i int, dst []float64)
}

// evaluate runs f at every design row.
func evaluate(d evaluable, f func(x []float64) float64) []float64 {
	y := make([]float64, d.Len())
	x := make([]float64, d.Dim())
	for i := range y {
		d.Point(i, x)
		y[i] = f(x)
	}
	return y
}

func ishigami(x []float64) float64 { return Ishigami(x, 7, 0.1) }

// checkIndex reports an estimate farther than tol from want, or an interval
// [lo, hi] that does not contain want.
func checkIndex(t *testing.T, name string, est, lo, hi, want, tol float64) {
	t.Helper()
	if math.Abs(est-want) > tol {
		t.Errorf("%s = %.4f, want %.4f ± %g", name, est, want, tol)
	}
	if !(lo <= want && want <= hi) {
		t.Errorf("%s interval [%.4f, %.4f] does not cover %.4f", name, lo, hi, want)
	}
}
