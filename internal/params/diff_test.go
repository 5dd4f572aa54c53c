package params

import (
	"reflect"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/dist"
)

// TestDiff works a change of each shape by hand: a plain key, a nested
// table's key, a list, a map entry the defaults have and one they lack,
// and an array of tables, which is replaced whole.
func TestDiff(t *testing.T) {
	t.Parallel()
	def := toyDefaults()
	x := toyDefaults()
	x.Runs = 50
	x.Supply.Total = 2e9
	x.Fees.Split = []float64{0.4, 0.4, 0.2}
	x.Holders = map[string]toyHolder{
		"team":  {SellFraction: mustDist(dist.Uniform(0, 0.3)), Active: true},
		"whale": {SellFraction: mustDist(dist.Const(0)), Active: false},
	}
	got, err := Diff(&x, &def)
	if err != nil {
		t.Fatal(err)
	}
	want := []Change{
		{Path: "runs", Value: "50", Default: "1000"},
		{Path: "supply.total", Value: "2000000000.0", Default: "1000000000.0"},
		{Path: "fees.split", Value: "[0.4, 0.4, 0.2]", Default: "[0.5, 0.3, 0.2]"},
		{Path: "holders.team.sell_fraction", Value: `{ dist = "uniform", lo = 0, hi = 0.3 }`, Default: `{ dist = "uniform", lo = 0, hi = 0.2 }`},
		{Path: "holders.whale.sell_fraction", Value: "0"},
		{Path: "holders.whale.active", Value: "false"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Diff:\n got %q\nwant %q", got, want)
	}
	if same, err := Diff(&def, &def); err != nil || len(same) != 0 {
		t.Errorf("the defaults differ from themselves: %v %v", same, err)
	}
	// One element of an array of tables changed: the array is replaced
	// whole, so every key of every element is set, with no default.
	y := toyDefaults()
	y.Allocations = []toyAllocation{def.Allocations[0], {Name: "public", Share: 0.7, Sell: mustDist(dist.Const(0.1))}}
	got, err = Diff(&y, &def)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, c := range got {
		if c.Default != "" {
			t.Errorf("%s has a default in a replaced array: %q", c.Path, c.Default)
		}
		paths = append(paths, c.Path)
	}
	if len(got) != 10 || paths[0] != "allocations.0.name" || paths[9] != "allocations.1.vesting.linear" {
		t.Errorf("replaced array: %q", paths)
	}
}

// TestEncodeMarked: the marks sit at the end of the changed keys' lines,
// and decoding the marked text gives what the unmarked text gives.
func TestEncodeMarked(t *testing.T) {
	t.Parallel()
	def := toyDefaults()
	x := toyDefaults()
	x.Runs = 50
	x.Holders["whale"] = toyHolder{SellFraction: mustDist(dist.Const(0))}
	cs, err := Diff(&x, &def)
	if err != nil {
		t.Fatal(err)
	}
	marked, err := EncodeMarked(&x, cs)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := Encode(&x)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\nruns = 50  # set (default: 1000)\n", "\nsell_fraction = 0  # set\n", "\nactive = false  # set\n"} {
		if !strings.Contains(string(marked), want) {
			t.Errorf("marked text lacks %q:\n%s", want, marked)
		}
	}
	if n := strings.Count(string(marked), "# set"); n != len(cs) {
		t.Errorf("%d marks for %d changes", n, len(cs))
	}
	var a, b toyScenario
	if err := Decode("marked.toml", marked, &a); err != nil {
		t.Fatal(err)
	}
	if err := Decode("plain.toml", plain, &b); err != nil {
		t.Fatal(err)
	}
	if !equalExact(reflect.ValueOf(a), reflect.ValueOf(b)) {
		t.Error("the marked text decodes to another value")
	}
}
