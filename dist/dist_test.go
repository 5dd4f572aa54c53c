package dist

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

func TestDistString(t *testing.T) {
	for _, tt := range []struct {
		d    Dist
		want string
	}{
		{must(Beta(2, 5)), `{ dist = "beta", a = 2, b = 5 }`},
		{must(Uniform(0, 0.2)), `{ dist = "uniform", lo = 0, hi = 0.2 }`},
		{must(Triangular(0, 0.1, 0.5)), `{ dist = "triangular", lo = 0, mode = 0.1, hi = 0.5 }`},
		{must(Const(3)), "3"},
		{must(Const(0.25)), "0.25"},
		{must(Const(0)), "0"},
		{must(Const(math.Copysign(0, -1))), "-0.0"},
		{must(Const(1e20)), "100000000000000000000.0"}, // past 1e15 a number is written as a TOML float
	} {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("%+v: String = %s, want %s", tt.d, got, tt.want)
		}
	}
	if (Dist{}) != must(Const(0)) {
		t.Error("zero Dist is not Const(0)")
	}
}

// must unwraps a constructor's result in tests whose parameters are valid.
func must(d Dist, err error) Dist {
	if err != nil {
		panic(err)
	}
	return d
}

func TestDistValidate(t *testing.T) {
	for _, tt := range []struct {
		d    Dist
		want string // "" = valid
	}{
		{Dist{Kind: KindConst, Params: [3]float64{1}}, ""},
		{Dist{}, ""},
		{Dist{Kind: KindUniform, Params: [3]float64{1, 1}}, ""},
		{Dist{Kind: KindNormal}, ""},
		{Dist{Kind: KindTriangular, Params: [3]float64{0, 0, 1}}, ""},
		{Dist{Kind: KindBeta, Params: [3]float64{0, 1}}, "dist: beta distribution: a: must be > 0, got 0"},
		{Dist{Kind: KindBeta, Params: [3]float64{1, -1}}, "dist: beta distribution: b: must be > 0, got -1"},
		{Dist{Kind: KindGamma, Params: [3]float64{-1, 0}}, "dist: gamma distribution: k: must be > 0, got -1\ndist: gamma distribution: theta: must be > 0, got 0"},
		{Dist{Kind: KindUniform, Params: [3]float64{2, 1}}, "dist: uniform distribution: hi: must be >= lo (2), got 1"},
		{Dist{Kind: KindNormal, Params: [3]float64{0, -1}}, "dist: normal distribution: sigma: must be >= 0, got -1"},
		{Dist{Kind: KindLogNormal, Params: [3]float64{math.NaN(), 1}}, "dist: lognormal distribution: mu: must be finite, got NaN"},
		{Dist{Kind: KindConst, Params: [3]float64{math.Inf(-1)}}, "dist: const distribution: value: must be finite, got -Inf"},
		{Dist{Kind: KindTriangular, Params: [3]float64{0, 2, 1}}, "dist: triangular distribution: hi: must be >= mode (2), got 1"},
		{Dist{Kind: KindBeta, Params: [3]float64{1, 1, 7}}, "dist: beta distribution: unused parameter slot 2 must be 0, got 7"},
		{Dist{Kind: 42}, "dist: dist: unknown distribution Kind(42) (valid: const, uniform, normal, lognormal, beta, gamma, triangular)"},
	} {
		err := tt.d.Validate()
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("%+v: got %q, want %q", tt.d, got, tt.want)
		}
		if _, err := tt.d.Sampler(); (err == nil) != (tt.want == "") {
			t.Errorf("%+v: Sampler error %v", tt.d, err)
		}
		// A constructor given the same parameters agrees with Validate.
		if tt.d.Kind < numKinds {
			n := len(tt.d.Kind.ParamNames())
			d, err := New(tt.d.Kind, tt.d.Params[:n]...)
			if !slices.ContainsFunc(tt.d.Params[n:], func(p float64) bool { return p != 0 }) {
				if (err == nil) != (tt.want == "") || (err == nil && d != tt.d) {
					t.Errorf("New(%v, %v) = %+v, %v", tt.d.Kind, tt.d.Params[:n], d, err)
				}
			}
		}
	}
}

func TestConstructorErrors(t *testing.T) {
	_, err := Beta(2, -1)
	var pe *ParamError
	if !errors.As(err, &pe) || pe.Kind != KindBeta || pe.Param != "b" {
		t.Fatalf("Beta(2, -1): %v, want a *ParamError for b", err)
	}
	if d, err := Beta(2, -1); d != (Dist{}) || err == nil {
		t.Errorf("Beta(2, -1) = %+v, %v: want the zero Dist and an error", d, err)
	}
	if _, err := New(KindGamma, 1); err == nil || err.Error() != "dist: gamma distribution takes 2 parameters (k, theta), got 1" {
		t.Errorf("New(gamma, 1): %v", err)
	}
	if _, err := New(Kind(9), 1); !errors.As(err, &pe) || pe.Param != "dist" {
		t.Errorf("New(Kind(9)): %v", err)
	}
	for name, k := range map[string]Kind{"beta": KindBeta, "triangular": KindTriangular} {
		if got, ok := ParseKind(name); !ok || got != k {
			t.Errorf("ParseKind(%q) = %v, %v", name, got, ok)
		}
	}
	if _, ok := ParseKind("cauchy"); ok {
		t.Error("ParseKind(cauchy) found a kind")
	}
}

func TestDistParams(t *testing.T) {
	d := must(Triangular(1, 2, 3))
	if v, ok := d.Param("mode"); !ok || v != 2 {
		t.Error("Param(mode)")
	}
	if _, ok := d.Param("a"); ok {
		t.Error("Param(a)")
	}
	if !slices.Equal(KindGamma.ParamNames(), []string{"k", "theta"}) || KindGamma.String() != "gamma" {
		t.Error("kind names")
	}
}

// testDists covers every kind, including small shapes for gamma and beta.
var testDists = []struct {
	d   Dist
	cdf func(float64) float64
}{
	{must(Const(2.5)), nil},
	{must(Uniform(-1, 3)), distuv.Uniform{Min: -1, Max: 3}.CDF},
	{must(Normal(1, 2)), distuv.Normal{Mu: 1, Sigma: 2}.CDF},
	{must(LogNormal(0.5, 0.4)), distuv.LogNormal{Mu: 0.5, Sigma: 0.4}.CDF},
	{must(Beta(2, 5)), distuv.Beta{Alpha: 2, Beta: 5}.CDF},
	{must(Beta(0.5, 0.3)), distuv.Beta{Alpha: 0.5, Beta: 0.3}.CDF},
	{must(Gamma(3, 2)), distuv.Gamma{Alpha: 3, Beta: 0.5}.CDF},
	{must(Gamma(0.3, 1)), distuv.Gamma{Alpha: 0.3, Beta: 1}.CDF},
	{must(Triangular(0, 0.1, 0.5)), distuv.NewTriangle(0, 0.5, 0.1, rand.NewPCG(9, 9)).CDF},
}

// TestSamplerDistribution checks each sampler against gonum's CDF with a
// Kolmogorov–Smirnov test, and its sample mean against Mean.
func TestSamplerDistribution(t *testing.T) {
	const n = 20000
	r := rand.New(rand.NewPCG(1, 2))
	for _, tt := range testDists {
		s, err := tt.d.Sampler()
		if err != nil {
			t.Fatal(err)
		}
		xs := make([]float64, n)
		sum := 0.0
		for i := range xs {
			xs[i] = s.Rand(r)
			sum += xs[i]
		}
		mean := sum / n
		if tt.cdf == nil {
			if mean != tt.d.Mean() {
				t.Errorf("%v: mean %v", tt.d, mean)
			}
			continue
		}
		v := 0.0
		for _, x := range xs {
			v += (x - mean) * (x - mean)
		}
		se := math.Sqrt(v/n) / math.Sqrt(n)
		if math.Abs(mean-s.Mean()) > 5*se {
			t.Errorf("%v: sample mean %v, Mean %v (se %v)", tt.d, mean, s.Mean(), se)
		}
		slices.Sort(xs)
		ks := 0.0
		for i, x := range xs {
			f := tt.cdf(x)
			ks = max(ks, math.Abs(f-float64(i)/n), math.Abs(f-float64(i+1)/n))
		}
		if crit := 1.95 / math.Sqrt(n); ks > crit { // alpha = 0.001
			t.Errorf("%v: KS statistic %v > %v", tt.d, ks, crit)
		}
	}
}

func TestSamplerAllocs(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, tt := range testDists {
		s, _ := tt.d.Sampler()
		if a := testing.AllocsPerRun(100, func() { s.Rand(r) }); a != 0 {
			t.Errorf("%v: %v allocs per Rand", tt.d, a)
		}
	}
}

func TestSamplerDeterministic(t *testing.T) {
	s, _ := must(Gamma(0.7, 2)).Sampler()
	a := rand.New(rand.NewPCG(5, 6))
	b := rand.New(rand.NewPCG(5, 6))
	for range 100 {
		if s.Rand(a) != s.Rand(b) {
			t.Fatal("same seed, different draws")
		}
	}
	var zero Sampler
	if zero.Rand(a) != 0 || zero.Mean() != 0 {
		t.Error("zero sampler")
	}
	if !strings.Contains(s.Dist().String(), "gamma") {
		t.Error("Dist()")
	}
}
