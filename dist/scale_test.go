package dist

import (
	"math"
	"testing"
)

// TestScaled: the scaled distribution's mean is k times the mean, for
// every kind that has a scaled form, worked from the closed forms; a beta
// has none.
func TestScaled(t *testing.T) {
	t.Parallel()
	for _, d := range []Dist{
		must(Const(3)), must(Uniform(1, 5)), must(Normal(2, 0.5)),
		must(LogNormal(math.Log(20e6), 1)), must(Gamma(2, 3)), must(Triangular(0, 1, 4)),
	} {
		s, err := d.Scaled(100)
		if err != nil {
			t.Fatalf("%v: %v", d, err)
		}
		if got, want := s.Mean(), 100*d.Mean(); math.Abs(got-want) > 1e-9*want {
			t.Errorf("%v scaled by 100: mean %g, want %g", d, got, want)
		}
		if s.Kind != d.Kind {
			t.Errorf("%v scaled is a %v", d, s.Kind)
		}
	}
	// lognormal(ln 20M, 1) by 100: median 2e9, mu = ln 2e9.
	s, _ := must(LogNormal(math.Log(20e6), 1)).Scaled(100)
	if mu, _ := s.Param("mu"); math.Abs(mu-math.Log(2e9)) > 1e-12 {
		t.Errorf("lognormal mu %g, want ln 2e9 = %g", mu, math.Log(2e9))
	}
	if _, err := must(Beta(2, 5)).Scaled(2); err == nil {
		t.Error("a beta scaled without error")
	}
	if _, err := must(Const(1)).Scaled(0); err == nil {
		t.Error("a scale of 0 accepted")
	}
}
