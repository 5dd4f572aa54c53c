package params

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

func TestDistDecodeForms(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want Dist
	}{
		{`3`, Const(3)},
		{`0.25`, Const(0.25)},
		{`{ dist = "const", value = 3 }`, Const(3)},
		{`{ dist = "uniform", lo = 0, hi = 0.2 }`, Uniform(0, 0.2)},
		{`{ dist = "normal", mu = -1, sigma = 2 }`, Normal(-1, 2)},
		{`{ dist = "lognormal", mu = 0, sigma = 1 }`, LogNormal(0, 1)},
		{`{ dist = "beta", a = 2, b = 5 }`, Beta(2, 5)},
		{`{ dist = "gamma", k = 2, theta = 3.5 }`, Gamma(2, 3.5)},
		{`{ dist = "triangular", lo = 0, mode = 0.1, hi = 0.5 }`, Triangular(0, 0.1, 0.5)},
	} {
		var s toyScenario
		if err := Set(&s, "fees.growth", tt.src); err != nil {
			t.Errorf("%s: %v", tt.src, err)
			continue
		}
		if s.Fees.Growth != tt.want {
			t.Errorf("%s: got %+v", tt.src, s.Fees.Growth)
		}
		// String is the canonical TOML form and parses back.
		var s2 toyScenario
		if err := Set(&s2, "fees.growth", tt.want.String()); err != nil || s2.Fees.Growth != tt.want {
			t.Errorf("String %s: %v %+v", tt.want.String(), err, s2.Fees.Growth)
		}
	}
	if got := Beta(2, 5).String(); got != `{ dist = "beta", a = 2, b = 5 }` {
		t.Errorf("String = %s", got)
	}
	if got := Uniform(0, 0.2).String(); got != `{ dist = "uniform", lo = 0, hi = 0.2 }` {
		t.Errorf("String = %s", got)
	}
	if got := Const(0).String(); got != "0" {
		t.Errorf("String = %s", got)
	}
	if got := Const(math.Copysign(0, -1)).String(); got != "-0.0" {
		t.Errorf("String = %s", got)
	}
	if (Dist{}) != Const(0) {
		t.Error("zero Dist is not Const(0)")
	}
}

func TestDistValidate(t *testing.T) {
	for _, tt := range []struct {
		d    Dist
		want string // "" = valid
	}{
		{Const(1), ""},
		{Dist{}, ""},
		{Uniform(1, 1), ""},
		{Normal(0, 0), ""},
		{Triangular(0, 0, 1), ""},
		{Beta(0, 1), "params: beta distribution: a: must be > 0, got 0"},
		{Beta(1, -1), "params: beta distribution: b: must be > 0, got -1"},
		{Gamma(-1, 0), "params: gamma distribution: k: must be > 0, got -1\nparams: gamma distribution: theta: must be > 0, got 0"},
		{Uniform(2, 1), "params: uniform distribution: hi: must be >= lo (2), got 1"},
		{Normal(0, -1), "params: normal distribution: sigma: must be >= 0, got -1"},
		{LogNormal(math.NaN(), 1), "params: lognormal distribution: mu: must be finite, got NaN"},
		{Const(math.Inf(-1)), "params: const distribution: value: must be finite, got -Inf"},
		{Triangular(0, 2, 1), "params: triangular distribution: hi: must be >= mode (2), got 1"},
		{Dist{Kind: KindBeta, Params: [3]float64{1, 1, 7}}, "params: beta distribution: unused parameter slot 2 must be 0, got 7"},
		{Dist{Kind: 42}, "params: unknown distribution DistKind(42) (valid: const, uniform, normal, lognormal, beta, gamma, triangular)"},
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
	}
}

func TestDistParams(t *testing.T) {
	d := Triangular(1, 2, 3)
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
	{Const(2.5), nil},
	{Uniform(-1, 3), distuv.Uniform{Min: -1, Max: 3}.CDF},
	{Normal(1, 2), distuv.Normal{Mu: 1, Sigma: 2}.CDF},
	{LogNormal(0.5, 0.4), distuv.LogNormal{Mu: 0.5, Sigma: 0.4}.CDF},
	{Beta(2, 5), distuv.Beta{Alpha: 2, Beta: 5}.CDF},
	{Beta(0.5, 0.3), distuv.Beta{Alpha: 0.5, Beta: 0.3}.CDF},
	{Gamma(3, 2), distuv.Gamma{Alpha: 3, Beta: 0.5}.CDF},
	{Gamma(0.3, 1), distuv.Gamma{Alpha: 0.3, Beta: 1}.CDF},
	{Triangular(0, 0.1, 0.5), distuv.NewTriangle(0, 0.5, 0.1, rand.NewPCG(9, 9)).CDF},
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
	s, _ := Gamma(0.7, 2).Sampler()
	a := rand.New(rand.NewPCG(5, 6))
	b := rand.New(rand.NewPCG(5, 6))
	for range 100 {
		if s.Rand(a) != s.Rand(b) {
			t.Fatal("same seed, different draws")
		}
	}
	var zero DistSampler
	if zero.Rand(a) != 0 || zero.Mean() != 0 {
		t.Error("zero sampler")
	}
	if !strings.Contains(s.Dist().String(), "gamma") {
		t.Error("Dist()")
	}
}
