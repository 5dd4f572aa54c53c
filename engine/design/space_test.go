package design

import (
	"errors"
	"strings"
	"testing"
)

func unitSpace(t testing.TB, names ...string) Space {
	t.Helper()
	qs := make([]Quantiler, len(names))
	for k := range qs {
		u, err := Uniform(0, 1)
		if err != nil {
			t.Fatal(err)
		}
		qs[k] = u
	}
	return Space{Names: names, Marginals: qs}
}

func TestSpaceValidate(t *testing.T) {
	t.Parallel()
	u, _ := Uniform(0, 1)
	for _, tc := range []struct {
		name  string
		space Space
		nErr  int    // number of joined errors: Validate reports all at once
		param string // Param of the first error
	}{
		{"ok", Space{Names: []string{"a", "b"}, Marginals: []Quantiler{u, u}}, 0, ""},
		{"empty", Space{}, 1, "Names"},
		{"length", Space{Names: []string{"a", "b"}, Marginals: []Quantiler{u}}, 1, "len(Marginals)"},
		{"blank and dup", Space{Names: []string{"", "a", "a"}, Marginals: []Quantiler{u, u, u}}, 2, "Names[0]"},
		{"nil marginal", Space{Names: []string{"a", "b"}, Marginals: []Quantiler{u, nil}}, 1, "Marginals[1]"},
	} {
		err := tc.space.Validate()
		if tc.nErr == 0 {
			if err != nil {
				t.Errorf("%s: Validate() = %v, want nil", tc.name, err)
			}
			continue
		}
		var pe *ParamError
		if !errors.Is(err, ErrParam) || !errors.As(err, &pe) || pe.Param != tc.param {
			t.Errorf("%s: Validate() = %v, want a *ParamError on %s", tc.name, err, tc.param)
			continue
		}
		if got := len(strings.Split(err.Error(), "\n")); got != tc.nErr {
			t.Errorf("%s: %d errors (%v), want %d", tc.name, got, err, tc.nErr)
		}
	}
}

func TestSpaceMap(t *testing.T) {
	t.Parallel()
	u, _ := Uniform(10, 20)
	d, _ := Discrete(1, 2)
	s := Space{Names: []string{"u", "d"}, Marginals: []Quantiler{u, d}}
	x := []float64{0.5, 0.75}
	s.Map(x, x)
	if x[0] != 15 || x[1] != 2 { // 10 + 0.5·10; values[floor(0.75·2)]
		t.Errorf("Map = %v, want [15 2]", x)
	}
}
