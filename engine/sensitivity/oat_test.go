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
	nan := math.NaN() // OAT alone gives no interval
	want := []OATBar{
		{Name: "b", Factor: 1, Lo: 0, Hi: 2, YLo: 2, YHi: -8, Swing: 10, Half: nan},
		{Name: "c", Factor: 2, Lo: -3, Hi: 1, YLo: 6, YHi: -2, Swing: 8, Half: nan},
		{Name: "a", Factor: 0, Lo: 0, Hi: 2, YLo: -5, YHi: -1, Swing: 4, Half: nan},
		{Name: "d", Factor: 3, Lo: 4, Hi: 6, YLo: -3, YHi: -3, Swing: 0, Half: nan},
	}
	for i, w := range want {
		got := res.Bars[i]
		if !math.IsNaN(got.Half) {
			t.Errorf("bar %d: half-width %g, want NaN", i, got.Half)
		}
		got.Half, w.Half = 0, 0
		if got != w {
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

// TestOATReplicated is a worked example of a bar's interval: one factor,
// four replicates at its low end (1, 2, 3, 4) and at its high end (3, 3,
// 6, 8). Paired, the per-replicate differences 2, 1, 3, 4 have mean 2.5
// and variance 5/3, so the half-width is t(0.975, 3)·sqrt(5/3/4) =
// 3.182446·0.645497 = 2.0543; unpaired, the variances 5/3 and 6 give
// t(0.975, 3)·sqrt(5/12 + 6/4) = 4.4059. One replicate has no interval.
func TestOATReplicated(t *testing.T) {
	t.Parallel()
	d, err := design.NewOAT([]string{"a"}, []float64{1}, []float64{0}, []float64{2})
	if err != nil {
		t.Fatal(err)
	}
	reps := [][]float64{{2, 2, 2, 2}, {1, 2, 3, 4}, {3, 3, 6, 8}}
	y := []float64{2, 2.5, 5}
	t3 := StudentT(0.95, 3)
	for _, tc := range []struct {
		paired bool
		want   float64
	}{
		{true, t3 * math.Sqrt(5.0/3/4)}, {false, t3 * math.Sqrt(5.0/12+6.0/4)},
	} {
		res, err := OATReplicated(d, y, reps, tc.paired)
		if err != nil {
			t.Fatal(err)
		}
		b := res.Bars[0]
		if b.Swing != 2.5 || b.Paired != tc.paired || math.Abs(b.Half-tc.want) > 1e-12 {
			t.Errorf("paired %v: swing %g ± %.6f (paired %v), want 2.5 ± %.6f", tc.paired, b.Swing, b.Half, b.Paired, tc.want)
		}
	}
	if math.Abs(t3*math.Sqrt(5.0/3/4)-2.0543) > 5e-4 || math.Abs(t3*math.Sqrt(5.0/12+6.0/4)-4.4059) > 5e-4 {
		t.Errorf("the worked numbers: %.4f and %.4f", t3*math.Sqrt(5.0/3/4), t3*math.Sqrt(5.0/12+6.0/4))
	}
	res, err := OATReplicated(d, y, [][]float64{{2}, {2.5}, {5}}, true)
	if err != nil || !math.IsNaN(res.Bars[0].Half) {
		t.Errorf("one replicate: %v, half %g, want NaN", err, res.Bars[0].Half)
	}
	if _, err := OATReplicated(d, y, reps[:2], true); err == nil {
		t.Error("reps shorter than y: no error")
	}
}
