package params

import "testing"

func TestSetNumberMatchesSet(t *testing.T) {
	t.Parallel()
	type leaf struct {
		F float64 `toml:"f"`
		I int     `toml:"i"`
	}
	type root struct {
		L  leaf      `toml:"l"`
		Xs []float64 `toml:"xs"`
		Ls []leaf    `toml:"ls"`
	}
	base := root{Xs: []float64{1, 2}, Ls: []leaf{{1, 2}}}
	a := base
	for _, c := range []struct {
		path string
		v    float64
	}{{"l.f", 2.5}, {"l.f", 3}, {"l.i", 7}, {"xs.1", 0.25}, {"ls.0.i", 9}} {
		if err := SetNumber(&a, c.path, c.v); err != nil {
			t.Fatalf("%s: %v", c.path, err)
		}
	}
	if a.L.F != 3 || a.L.I != 7 || a.Xs[1] != 0.25 || a.Ls[0].I != 9 {
		t.Errorf("got %+v", a)
	}
	if base.Xs[1] != 2 || base.Ls[0].I != 2 {
		t.Error("SetNumber wrote into the shared slice of the original")
	}
	if err := SetNumber(&a, "l.i", 1.5); err == nil {
		t.Error("1.5 accepted for an integer")
	}
	if err := SetNumber(&a, "l.nope", 1); err == nil {
		t.Error("unknown path accepted")
	}
}
