package sensitivity

import (
	"errors"
	"math"
	"testing"

	"github.com/seqsim/seqsim/engine/design"
)

func TestOAT(t *testing.T) {
	t.Parallel()
	d, err := design.NewOAT([]string{"a", "b", "c", "d"},
		[]float64{1, 1, 0, 5}, []float64{0, 0, -3, 4}, []float64{2, 2, 1, 6})
	if err != nil {
		t.Fatal(err)
	}
	// y = 2a − 5b + c² + 0·d: swings |2·2| = 4, |−5·2| = 10, |1 − 9| = 8, 0.
	y := evaluate(d, func(x []float64) float64 { return 2*x[0] - 5*x[1] + x[2]*x[2] })
	res, err := OAT(d, y)
	if err != nil {
		t.Fatal(err)
	}
	if res.Base != -3 { // 2 − 5 + 0
		t.Errorf("Base = %g, want -3", res.Base)
	}
	want := []OATBar{
		{Name: "b", Factor: 1, Lo: 0, Hi: 2, YLo: 2, YHi: -8, Swing: 10},
		{Name: "c", Factor: 2, Lo: -3, Hi: 1, YLo: 6, YHi: -2, Swing: 8},
		{Name: "a", Factor: 0, Lo: 0, Hi: 2, YLo: -5, YHi: -1, Swing: 4},
		{Name: "d", Factor: 3, Lo: 4, Hi: 6, YLo: -3, YHi: -3, Swing: 0},
	}
	for i, w := range want {
		if res.Bars[i] != w {
			t.Errorf("bar %d = %+v, want %+v", i, res.Bars[i], w)
		}
	}
}

func TestOATErrors(t *testing.T) {
	t.Parallel()
	d, err := design.NewOAT([]string{"a"}, []float64{1}, []float64{0}, []float64{2})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := OAT(nil, []float64{1, 2, 3}); !errors.Is(err, ErrParam) {
		t.Errorf("nil design: %v", err)
	}
	if _, err := OAT(d, []float64{1, 2}); !errors.Is(err, ErrLength) {
		t.Errorf("short y: %v, want ErrLength", err)
	}
	var nf *NonFiniteError
	if _, err := OAT(d, []float64{1, math.Inf(1), 3}); !errors.As(err, &nf) || nf.Rows[0] != 1 || nf.Points[0][0] != 0 {
		t.Errorf("Inf: %v, want *NonFiniteError at row 1 (a = lo = 0)", err)
	}
	if _, err := OAT(d, []float64{4, 4, 4}); err != ErrNoVariance {
		t.Errorf("constant: %v, want ErrNoVariance", err)
	}
}
