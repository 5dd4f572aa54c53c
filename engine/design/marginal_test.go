package design

import (
	"errors"
	"math"
	"testing"

	"pgregory.net/rapid"
)

// z975 is Φ⁻¹(0.975), the two-sided 95% normal quantile
// (scipy.stats.norm.ppf(0.975) = 1.959963984540054).
const z975 = 1.959963984540054

func mustMarginal(t *testing.T, m Marginal, err error) Marginal {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestMarginalQuantile(t *testing.T) {
	t.Parallel()
	u, err := Uniform(-2, 6)
	mustMarginal(t, u, err)
	lu, err := LogUniform(1e-3, 10)
	mustMarginal(t, lu, err)
	n, err := Normal(3, 2)
	mustMarginal(t, n, err)
	half, err := TruncatedNormal(0, 1, 0, math.Inf(1))
	mustMarginal(t, half, err)
	sym, err := TruncatedNormal(5, 2, 3, 7)
	mustMarginal(t, sym, err)
	disc, err := Discrete(10, 20, 40)
	mustMarginal(t, disc, err)
	ints, err := IntRange(-1, 2)
	mustMarginal(t, ints, err)

	for _, tc := range []struct {
		name string
		q    Quantiler
		p    float64
		want float64
		tol  float64 // absolute; source in the comment of each row
	}{
		// Uniform: lo + p(hi-lo), exact in binary for these p.
		{"uniform 0", u, 0, -2, 0},
		{"uniform 1/4", u, 0.25, 0, 0},
		{"uniform 1", u, 1, 6, 0},
		// LogUniform: 10^(-3 + 4p); p = 0.75 gives 10^0 = 1. Tolerance: a few ulps of exp/log.
		{"loguniform 0", lu, 0, 1e-3, 0},
		{"loguniform 3/4", lu, 0.75, 1, 1e-14},
		{"loguniform 1", lu, 1, 10, 0},
		// Normal(3, 2): 3 + 2Φ⁻¹(p); median exact, 97.5% uses z975.
		{"normal median", n, 0.5, 3, 0},
		{"normal 97.5%", n, 0.975, 3 + 2*z975, 1e-12},
		// Half-normal (truncated to [0, ∞)): Φ⁻¹((1+p)/2), so p = 0.95 gives z975.
		{"half-normal 95%", half, 0.95, z975, 1e-12},
		{"half-normal 0", half, 0, 0, 0},
		// Symmetric truncation: median = mu, endpoints = bounds.
		{"trunc median", sym, 0.5, 5, 1e-12},
		{"trunc 0", sym, 0, 3, 0},
		{"trunc 1", sym, 1, 7, 0},
		// Discrete: values[floor(p*3)], last value at p = 1.
		{"discrete 0", disc, 0, 10, 0},
		{"discrete 0.34", disc, 0.34, 20, 0},
		{"discrete 0.999", disc, 0.999, 40, 0},
		{"discrete 1", disc, 1, 40, 0},
		// IntRange(-1, 2): four integers, -1 + floor(4p).
		{"int 0", ints, 0, -1, 0},
		{"int 0.5", ints, 0.5, 1, 0},
		{"int 1", ints, 1, 2, 0},
	} {
		if got := tc.q.Quantile(tc.p); math.Abs(got-tc.want) > tc.tol {
			t.Errorf("%s: Quantile(%g) = %.17g, want %.17g ± %g", tc.name, tc.p, got, tc.want, tc.tol)
		}
	}
}

// TestTruncatedNormalUpperTail checks the mirrored branch far in the upper
// tail, where Φ(a) rounds to 1: for a normal truncated to [5, ∞) the median z
// satisfies Q(z) = Q(5)/2 with Q the survival function (definition of the
// conditional distribution). The relative tolerance is for erfc's accuracy.
// TestNormalEndpoints checks the clamp of p into [2^-53, 1-2^-53]: the
// endpoints map to finite values whose normal CDF is 2^-53 (and symmetric),
// checked through Φ(z) = erfc(−z/√2)/2; the relative tolerance is for erfc's
// and NormalQuantile's accuracy in the far tail.
func TestNormalEndpoints(t *testing.T) {
	t.Parallel()
	n, err := Normal(3, 2)
	if err != nil {
		t.Fatal(err)
	}
	lo, hi := n.Quantile(0), n.Quantile(1)
	z := (lo - 3) / 2
	if p := 0.5 * math.Erfc(-z/math.Sqrt2); math.Abs(p/normalTailP-1) > 1e-6 {
		t.Errorf("Φ((Quantile(0)-mu)/sigma) = %g, want 2^-53 = %g", p, normalTailP)
	}
	if math.Abs((hi-3)+(lo-3)) > 1e-6 {
		t.Errorf("Quantile(0) = %g and Quantile(1) = %g are not symmetric about 3", lo, hi)
	}
}

func TestTruncatedNormalUpperTail(t *testing.T) {
	t.Parallel()
	tail, err := TruncatedNormal(0, 1, 5, math.Inf(1))
	if err != nil {
		t.Fatal(err)
	}
	q := func(z float64) float64 { return 0.5 * math.Erfc(z/math.Sqrt2) }
	z := tail.Quantile(0.5)
	if r := q(z) / q(5); math.Abs(r-0.5) > 1e-9 {
		t.Errorf("Q(median)/Q(5) = %g, want 0.5 (median %g)", r, z)
	}
	if got := tail.Quantile(0); got != 5 {
		t.Errorf("Quantile(0) = %g, want 5", got)
	}
}

func TestMarginalErrors(t *testing.T) {
	t.Parallel()
	nan, inf := math.NaN(), math.Inf(1)
	for _, tc := range []struct {
		name string
		f    func() (Marginal, error)
	}{
		{"Uniform lo=hi", func() (Marginal, error) { return Uniform(1, 1) }},
		{"Uniform NaN", func() (Marginal, error) { return Uniform(nan, 1) }},
		{"Uniform Inf", func() (Marginal, error) { return Uniform(0, inf) }},
		{"LogUniform lo=0", func() (Marginal, error) { return LogUniform(0, 1) }},
		{"LogUniform hi<lo", func() (Marginal, error) { return LogUniform(2, 1) }},
		{"Normal sigma=0", func() (Marginal, error) { return Normal(0, 0) }},
		{"Normal mu=Inf", func() (Marginal, error) { return Normal(inf, 1) }},
		{"TruncatedNormal empty", func() (Marginal, error) { return TruncatedNormal(0, 1, 1, 1) }},
		{"TruncatedNormal no mass", func() (Marginal, error) { return TruncatedNormal(0, 1, 40, 50) }},
		{"TruncatedNormal lo=+Inf", func() (Marginal, error) { return TruncatedNormal(0, 1, inf, inf) }},
		{"Discrete none", func() (Marginal, error) { return Discrete() }},
		{"Discrete NaN", func() (Marginal, error) { return Discrete(1, nan) }},
		{"IntRange hi<lo", func() (Marginal, error) { return IntRange(2, 1) }},
		{"IntRange huge", func() (Marginal, error) { return IntRange(math.MinInt, math.MaxInt) }},
	} {
		m, err := tc.f()
		var pe *ParamError
		if err == nil || m != nil || !errors.Is(err, ErrParam) || !errors.As(err, &pe) {
			t.Errorf("%s: got (%v, %v), want a *ParamError", tc.name, m, err)
		}
	}
}

func TestMarginalString(t *testing.T) {
	t.Parallel()
	mk := func(m Marginal, err error) Marginal { return mustMarginal(t, m, err) }
	for _, tc := range []struct {
		m    Marginal
		want string
	}{
		{mk(Uniform(0, 1.5)), "Uniform(0, 1.5)"},
		{mk(LogUniform(0.001, 10)), "LogUniform(0.001, 10)"},
		{mk(Normal(-1, 0.25)), "Normal(-1, 0.25)"},
		{mk(TruncatedNormal(0, 1, -2, math.Inf(1))), "TruncatedNormal(0, 1, -2, +Inf)"},
		{mk(Discrete(1, 2.5, 100)), "Discrete(1, 2.5, 100)"},
		{mk(IntRange(3, 9)), "IntRange(3, 9)"},
	} {
		if got := tc.m.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
	}
}

// TestMarginalProperties: for any valid parameters, Quantile is
// non-decreasing on [0, 1], finite, and stays within the support.
func TestMarginalProperties(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		lo := rapid.Float64Range(-1e6, 1e6).Draw(t, "lo")
		width := rapid.Float64Range(1e-6, 1e6).Draw(t, "width")
		hi := lo + width
		var m Marginal
		var err error
		minV, maxV := lo, hi
		kind := rapid.IntRange(0, 5).Draw(t, "kind")
		switch kind {
		case 0:
			m, err = Uniform(lo, hi)
		case 1:
			lo = math.Abs(lo) + 1e-9
			hi = lo + width
			minV, maxV = lo, hi
			m, err = LogUniform(lo, hi)
		case 2:
			m, err = Normal(lo, width)
			minV, maxV = math.Inf(-1), math.Inf(1)
		case 3:
			m, err = TruncatedNormal(rapid.Float64Range(-1e6, 1e6).Draw(t, "mu"), width, lo, hi)
		case 4:
			vs := rapid.SliceOfN(rapid.Float64Range(-1e6, 1e6), 1, 20).Draw(t, "values")
			m, err = Discrete(vs...)
			minV, maxV = math.Inf(-1), math.Inf(1) // Discrete keeps caller order
		case 5:
			a := rapid.IntRange(-1000, 1000).Draw(t, "a")
			b := a + rapid.IntRange(0, 1000).Draw(t, "n")
			m, err = IntRange(a, b)
			minV, maxV = float64(a), float64(b)
		}
		if err != nil {
			// Only the far-tail truncated normal may be rejected.
			if kind != 3 || !errors.Is(err, ErrParam) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		ps := rapid.SliceOfN(rapid.Float64Range(0, 1), 2, 10).Draw(t, "ps")
		ps = append(ps, 0, 1)
		_, isDisc := m.(discrete)
		for _, p := range ps {
			x := m.Quantile(p)
			if math.IsNaN(x) || math.IsInf(x, 0) || x < minV || x > maxV {
				t.Fatalf("%v.Quantile(%g) = %g, want finite in [%g, %g]", m, p, x, minV, maxV)
			}
			for _, p2 := range ps {
				if p2 > p && m.Quantile(p2) < x && !isDisc {
					t.Fatalf("%v: Quantile(%g) = %g < Quantile(%g) = %g", m, p2, m.Quantile(p2), p, x)
				}
			}
		}
	})
}
