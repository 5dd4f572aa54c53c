package plots

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// normPDF is the N(mu, sd²) density, written out independently of KDE.
func normPDF(x, mu, sd float64) float64 {
	z := (x - mu) / sd
	return math.Exp(-z*z/2) / (sd * math.Sqrt(2*math.Pi))
}

func closeRel(a, b, tol float64) bool {
	return math.Abs(a-b) <= tol*math.Max(math.Abs(a), math.Abs(b)) || math.Abs(a-b) < 1e-300
}

func TestKDESinglePointIsNormalPDF(t *testing.T) {
	t.Parallel()
	// The KDE of one value v with bandwidth h is the N(v, h²) density.
	for _, tc := range []struct{ v, h float64 }{{0, 1}, {2.5, 0.3}, {-1e6, 2e4}} {
		xs := []float64{tc.v - 5*tc.h, tc.v - tc.h, tc.v - 0.1*tc.h, tc.v, tc.v + 0.7*tc.h, tc.v + 3*tc.h}
		got := KDE([]float64{tc.v}, tc.h, xs)
		for i, x := range xs {
			if want := normPDF(x, tc.v, tc.h); !closeRel(got[i], want, 1e-13) {
				t.Errorf("KDE({%g}, %g) at %g = %.17g, want %.17g", tc.v, tc.h, x, got[i], want)
			}
		}
	}
	// At the value itself the density is 1/(h·√(2π)): 0.3989422804014327 for h = 1
	// (1/√(2π), e.g. Abramowitz & Stegun 26.1.26 or scipy.stats.norm.pdf(0)).
	if got := KDE([]float64{0}, 1, []float64{0})[0]; !closeRel(got, 0.3989422804014327, 1e-15) {
		t.Errorf("KDE peak = %.17g, want 0.3989422804014327", got)
	}
}

func TestKDEIsMixtureOfNormals(t *testing.T) {
	t.Parallel()
	vals := []float64{-1, 0.5, 0.5, 4}
	const h = 0.8
	xs := []float64{-3, -1, 0, 0.5, 2, 4, 6}
	got := KDE(vals, h, xs)
	for i, x := range xs {
		var want float64
		for _, v := range vals {
			want += normPDF(x, v, h) / float64(len(vals))
		}
		if !closeRel(got[i], want, 1e-13) {
			t.Errorf("at %g: got %.17g, want %.17g", x, got[i], want)
		}
	}
}

func TestKDEIntegratesToOneAndIgnoresOrder(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 1))
	vals := make([]float64, 300)
	for i := range vals {
		vals[i] = r.NormFloat64()*2 + 10
	}
	h := SilvermanBandwidth(vals)
	lo, hi := minMax(vals)
	const n = 4001
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = lo - 12*h + (hi-lo+24*h)*float64(i)/(n-1)
	}
	ys := KDE(vals, h, xs)
	dx := xs[1] - xs[0]
	var area float64
	for i := 1; i < n; i++ {
		area += (ys[i] + ys[i-1]) / 2 * dx
	}
	// Trapezoid error for a smooth density on this grid is far below 1e-6.
	if math.Abs(area-1) > 1e-6 {
		t.Errorf("KDE integrates to %.9f, want 1", area)
	}
	shuffled := slices.Clone(vals)
	r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	if ys2 := KDE(shuffled, h, xs); !slices.Equal(ys, ys2) {
		t.Error("KDE depends on the order of its values")
	}
}

func TestKDEPanics(t *testing.T) {
	t.Parallel()
	for name, f := range map[string]func(){
		"no values":    func() { KDE(nil, 1, []float64{0}) },
		"zero bw":      func() { KDE([]float64{1}, 0, []float64{0}) },
		"negative bw":  func() { KDE([]float64{1}, -1, []float64{0}) },
		"NaN bw":       func() { KDE([]float64{1}, math.NaN(), []float64{0}) },
		"infinite bw":  func() { KDE([]float64{1}, math.Inf(1), []float64{0}) },
		"NaN in value": func() { KDE([]float64{1, math.NaN()}, 1, []float64{0}) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: KDE did not panic", name)
				}
			}()
			f()
		}()
	}
}

func TestSilvermanBandwidth(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		v    []float64
		want float64
	}{
		// {1..5}: sd = √2.5 ≈ 1.581; type-7 quartiles 2 and 4, IQR/1.34 ≈ 1.493
		// is smaller, so h = 0.9 · (2/1.34) · 5^(−1/5).
		{"1..5", []float64{5, 1, 4, 2, 3}, 0.9 * (2 / 1.34) * math.Pow(5, -0.2)},
		// {0, 0, 0, 10}: sd = 5 (mean 2.5, SS = 75, /3 = 25); quartiles 0 and 2.5,
		// IQR/1.34 ≈ 1.866 < 5, so h = 0.9 · (2.5/1.34) · 4^(−1/5).
		{"skewed", []float64{0, 0, 0, 10}, 0.9 * (2.5 / 1.34) * math.Pow(4, -0.2)},
		// {1 ×7, 9}: IQR = 0, so sd alone (R's bw.nrd0): mean 2, SS = 7·1 + 49 = 56,
		// sd = √(56/7) = √8.
		{"IQR zero", []float64{1, 1, 1, 1, 1, 1, 1, 9}, 0.9 * math.Sqrt(8) * math.Pow(8, -0.2)},
		{"one value", []float64{3}, 0},
		{"constant", []float64{2, 2, 2}, 0},
		{"empty", nil, 0},
	} {
		if got := SilvermanBandwidth(tc.v); !closeRel(got, tc.want, 1e-14) {
			t.Errorf("%s: SilvermanBandwidth = %.17g, want %.17g", tc.name, got, tc.want)
		}
	}
	if got := SilvermanBandwidth([]float64{1, math.NaN(), 3}); !math.IsNaN(got) {
		t.Errorf("NaN input: got %g, want NaN", got)
	}
}

func TestTailRisk(t *testing.T) {
	t.Parallel()
	v := make([]float64, 100)
	for i := range v {
		v[99-i] = float64(i + 1) // 100 .. 1, unsorted on purpose
	}
	// Upper tail of 1..100: p95 = 1 + 99·0.95 = 95.05, p99 = 99.01,
	// ES = mean of 96..100 = 98.
	up := TailRisk(v, false)
	if !closeRel(up.VaR95, 95.05, 1e-14) || !closeRel(up.VaR99, 99.01, 1e-14) || up.ES95 != 98 {
		t.Errorf("upper: %+v, want {95.05 99.01 98}", up)
	}
	// Lower tail: p5 = 5.95, p1 = 1.99, ES = mean of 1..5 = 3.
	lo := TailRisk(v, true)
	if !closeRel(lo.VaR95, 5.95, 1e-14) || !closeRel(lo.VaR99, 1.99, 1e-14) || lo.ES95 != 3 {
		t.Errorf("lower: %+v, want {5.95 1.99 3}", lo)
	}
}

func TestBinCount(t *testing.T) {
	t.Parallel()
	// 0, 1, ..., 63 (n = 64): quartiles 15.75 and 47.25, IQR = 31.5;
	// FD width = 2 · 31.5 · 64^(−1/3) = 15.75; span 63 → ⌈4⌉ = 4, clamped to 5.
	s := make([]float64, 64)
	for i := range s {
		s[i] = float64(i)
	}
	if k, rule := binCount(s); k != 5 || rule != freedmanDiaconis {
		t.Errorf("0..63: %d bins by %s, want 5 by FD (4, clamped)", k, rule)
	}
	// 0..999: IQR = 499.5, width = 2·499.5/10 = 99.9, span 999 → 10 or 11
	// depending on the last bit of 999/99.9; both are the FD count.
	s = make([]float64, 1000)
	for i := range s {
		s[i] = float64(i)
	}
	if k, rule := binCount(s); (k != 10 && k != 11) || rule != freedmanDiaconis {
		t.Errorf("0..999: %d bins by %s, want 10 by FD", k, rule)
	}
	// IQR = 0: Sturges, ⌈log₂ 100⌉ + 1 = 8.
	s = make([]float64, 100)
	s[99] = 1
	if k, rule := binCount(s); k != 8 || rule != sturges {
		t.Errorf("IQR 0: %d bins by %s, want 8 by Sturges", k, rule)
	}
}
