package params

import (
	"errors"
	"slices"
	"testing"

	"github.com/seqsim/seqsim/dist"
	"github.com/seqsim/seqsim/experiments/field"
)

func TestSetGet(t *testing.T) {
	s := toyDefaults()
	for _, tt := range []struct {
		path, value string
		want        any
	}{
		{"allocations.0.vesting.cliff_days", "180", 180},
		{"fees.split", "[0.5,0.3,0.2]", []float64{0.5, 0.3, 0.2}},
		{"fees.split.1", "0.25", 0.25},
		{"fees.mode", `"decay"`, toyMode("decay")},
		{"fees.growth", `{ dist = "beta", a = 2, b = 5 }`, mustDist(dist.Beta(2, 5))},
		{"fees.growth.b", "7", 7.0},
		{"fees.burn", "1", 1.0}, // integers are accepted for floats
		{"allocations.1.vesting.linear", "true", true},
		{"supply.decimals", "6", uint8(6)},
		{"holders.team.sell_fraction", "0.3", mustDist(dist.Const(0.3))},
		{"holders.team.active", "false", false},
		{"holders.newbie", "{ active = true }", toyHolder{Active: true}}, // creates the entry
		{"allocations.1", `{ share = 0.75 }`, toyAllocation{Name: "public", Share: 0.75, Vesting: toyVesting{Linear: true}, Sell: mustDist(dist.Const(0.1))}}, // merges
		{"tags", `[]`, []string(nil)},
	} {
		if err := Set(&s, tt.path, tt.value); err != nil {
			t.Errorf("Set(%s, %s): %v", tt.path, tt.value, err)
			continue
		}
		got, err := Get(s, tt.path)
		if err != nil {
			t.Errorf("Get(%s): %v", tt.path, err)
			continue
		}
		mustEqual(t, got, tt.want)
	}
	if got, _ := Get(&s, "fees.growth"); got != mustDist(dist.Beta(2, 7)) {
		t.Errorf("growth = %v", got)
	}
}

func TestSetCopiesSharedStorage(t *testing.T) {
	base := toyDefaults()
	s := base // shallow copy: shares slices and maps with base
	for _, kv := range [][2]string{
		{"fees.split.0", "0.9"},
		{"allocations.0.share", "0.9"},
		{"allocations.0.vesting.cliff_days", "1"},
		{"holders.team.active", "false"},
		{"holders.other", "{}"},
	} {
		if err := Set(&s, kv[0], kv[1]); err != nil {
			t.Fatal(err)
		}
	}
	mustEqual(t, base, toyDefaults())
	if s.Fees.Split[0] != 0.9 || s.Allocations[0].Share != 0.9 || s.Holders["team"].Active || len(s.Holders) != 2 {
		t.Errorf("Set did not apply: %+v", s)
	}
}

func TestSetErrors(t *testing.T) {
	for _, tt := range []struct {
		path, value, want string
	}{
		{"alocations.0.share", "1", `params: unknown path "alocations.0.share" (did you mean "allocations.0.share"?)`},
		{"fees.burnn", "1", `params: unknown path "fees.burnn" (did you mean "fees.burn"?)`},
		{"allocations.5.share", "1", `params: path "allocations.5.share": index 5 out of range (allocations has length 2)`},
		{"allocations.x.share", "1", `params: unknown path "allocations.x.share" (did you mean "allocations.0.share"?)`},
		{"allocations.-1.share", "1", `params: unknown path "allocations.-1.share" (did you mean "allocations.1.share"?)`},
		{"fees.split.3", "1", `params: path "fees.split.3": index 3 out of range (fees.split has length 3)`},
		{"fees.burn.x", "1", `params: unknown path "fees.burn.x" (did you mean "fees.burn"?)`},
		{"holders.nobody.active", "true", `params: unknown path "holders.nobody.active" (did you mean "holders.team.active"?)`},
		{"fees.growth.alpha", "1", `params: unknown path "fees.growth.alpha" (did you mean "fees.growth.sigma"?)`},
		{"fees.burn", `"high"`, `fees.burn: wrong type: expected float, got string "high"`},
		{"runs", "1.5", `runs: wrong type: expected integer, got float 1.5`},
		{"supply.decimals", "256", `supply.decimals: 256 is out of range for uint8`},
		{"fees.growth", `{ dist = "beta", a = 2 }`, `fees.growth: beta distribution needs "b" (parameters: a, b)`},
		{"fees.growth.sigma", "-1", `fees.growth.sigma: must be >= 0, got -1`},
		{"fees.growth.sigma", `"x"`, `fees.growth.sigma: wrong type: expected float, got string "x"`},
		{"allocations.0", `{ shar = 1, name = 2 }`, "allocations.0.name: wrong type: expected string, got integer 2\nallocations.0.shar: unknown key (did you mean \"share\"?)"},
		{"fees.burn", "1 2", `params: Set fees.burn: invalid TOML value "1 2": expected a top-level item to end with a newline, comment, or EOF, but got '2' instead`},
		{"fees.burn", "1\nruns = 2", `params: Set fees.burn: "1\nruns = 2" is not a single TOML value`},
		{"", "1", `params: Set: empty path`},
	} {
		s := toyDefaults()
		err := Set(&s, tt.path, tt.value)
		if err == nil || err.Error() != tt.want {
			t.Errorf("Set(%s, %s):\n got %v\nwant %s", tt.path, tt.value, err, tt.want)
		}
		mustEqual(t, s, toyDefaults())
	}
	var s toyScenario
	if err := Set(s, "runs", "1"); err == nil {
		t.Error("Set on non-pointer accepted")
	}
	if err := Set(&s, "runs", "x"); err == nil {
		t.Error("bad value accepted")
	}
	var fe *field.Error
	if err := Set(&s, "runs", `"x"`); !errors.As(err, &fe) || fe.Key != "runs" || !errors.Is(err, field.ErrWrongType) {
		t.Errorf("not a field.Error: %v", err)
	}
}

func TestGetErrors(t *testing.T) {
	s := toyDefaults()
	for _, tt := range []struct{ path, want string }{
		{"fees.burnt", `params: unknown path "fees.burnt" (did you mean "fees.burn"?)`},
		{"allocations.2", `params: path "allocations.2": index 2 out of range (allocations has length 2)`},
		{"holders.x", `params: unknown path "holders.x" (did you mean "holders"?)`},
		{"", "params: Get: empty path"},
	} {
		if _, err := Get(s, tt.path); err == nil || err.Error() != tt.want {
			t.Errorf("Get(%s): got %v, want %s", tt.path, err, tt.want)
		}
	}
	if _, err := Get(3, "x"); err == nil {
		t.Error("Get on non-struct")
	}
}

func TestPaths(t *testing.T) {
	want := []string{
		"name", "seed", "runs",
		"supply.total", "supply.emissions.0", "supply.emissions.1", "supply.decimals",
		"allocations.0.name", "allocations.0.share", "allocations.0.vesting.cliff_days", "allocations.0.vesting.linear", "allocations.0.sell_fraction",
		"allocations.1.name", "allocations.1.share", "allocations.1.vesting.cliff_days", "allocations.1.vesting.linear", "allocations.1.sell_fraction",
		"fees.mode", "fees.burn", "fees.split.0", "fees.split.1", "fees.split.2", "fees.growth",
		"holders.team.sell_fraction", "holders.team.active",
		"tags.0", "note",
	}
	if got := Paths(toyDefaults()); !slices.Equal(got, want) {
		t.Errorf("Paths:\n got %q\nwant %q", got, want)
	}
	if Paths(3) != nil {
		t.Error("Paths(3)")
	}
	// Every float/int leaf is addressable by Get and Set.
	s := toyDefaults()
	for _, p := range Paths(&s) {
		v, err := Get(s, p)
		if err != nil {
			t.Fatal(err)
		}
		switch v.(type) {
		case float64, int, int64, uint8:
			if err := Set(&s, p, "1"); err != nil {
				t.Errorf("Set(%s): %v", p, err)
			}
		}
	}
}
