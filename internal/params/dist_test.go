package params

import (
	"testing"

	"github.com/seqsim/seqsim/dist"
	"github.com/seqsim/seqsim/experiments/field"
)

// mustDist unwraps a constructor's result in tests whose parameters are
// valid.
func mustDist(d dist.Dist, err error) dist.Dist {
	if err != nil {
		panic(err)
	}
	return d
}

// TestDistDecodeForms reads each TOML form of a distribution through Set,
// and its String form back.
func TestDistDecodeForms(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want dist.Dist
	}{
		{`3`, mustDist(dist.Const(3))},
		{`0.25`, mustDist(dist.Const(0.25))},
		{`{ dist = "const", value = 3 }`, mustDist(dist.Const(3))},
		{`{ dist = "uniform", lo = 0, hi = 0.2 }`, mustDist(dist.Uniform(0, 0.2))},
		{`{ dist = "normal", mu = -1, sigma = 2 }`, mustDist(dist.Normal(-1, 2))},
		{`{ dist = "lognormal", mu = 0, sigma = 1 }`, mustDist(dist.LogNormal(0, 1))},
		{`{ dist = "beta", a = 2, b = 5 }`, mustDist(dist.Beta(2, 5))},
		{`{ dist = "gamma", k = 2, theta = 3.5 }`, mustDist(dist.Gamma(2, 3.5))},
		{`{ dist = "triangular", lo = 0, mode = 0.1, hi = 0.5 }`, mustDist(dist.Triangular(0, 0.1, 0.5))},
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
}

// TestCheckDist: each bad parameter of a distribution is its own problem,
// at its own key and with the line of the key's table.
func TestCheckDist(t *testing.T) {
	src := "[fees]\nburn = 1.5\n"
	c := field.NewChecker("b.toml", KeyLines([]byte(src)))
	if CheckDist(c, "fees.growth", dist.Dist{Kind: dist.KindBeta, Params: [3]float64{-1, 0}}) {
		t.Error("a beta(-1, 0) passed")
	}
	if !CheckDist(c, "fees.growth", mustDist(dist.Beta(1, 2))) {
		t.Error("a beta(1, 2) failed")
	}
	want := "b.toml:1: fees.growth.a: must be > 0, got -1\nb.toml:1: fees.growth.b: must be > 0, got 0"
	if got := c.Err(); got == nil || got.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", got, want)
	}
}
