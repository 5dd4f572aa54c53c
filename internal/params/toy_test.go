package params

import (
	"math"
	"reflect"
	"testing"

	"github.com/seqsim/seqsim/dist"
)

// The toy schema has every shape the real one may use: nested tables,
// arrays of tables (with a nested table), float lists, ints, bools,
// strings, an enum kept as a string, maps of tables and distributions.

type toyVesting struct {
	CliffDays int  `toml:"cliff_days" unit:"days" range:"[0,3650]" doc:"days from launch until the cliff"`
	Linear    bool `toml:"linear" doc:"vest linearly after the cliff"`
}

type toyAllocation struct {
	Name    string     `toml:"name" doc:"holder group name"`
	Share   float64    `toml:"share" unit:"fraction 0-1" range:"[0,1]" doc:"share of total supply"`
	Vesting toyVesting `toml:"vesting"`
	Sell    dist.Dist  `toml:"sell_fraction" unit:"fraction 0-1" range:"[0,1]" doc:"fraction sold at each unlock"`
}

type toySupply struct {
	Total     float64   `toml:"total" unit:"tokens" range:"(0,)" doc:"total supply"`
	Emissions []float64 `toml:"emissions" unit:"tokens/year" doc:"emission schedule by year"`
	Decimals  uint8     `toml:"decimals" doc:"token decimals"`
}

type toyMode string

type toyFees struct {
	Mode   toyMode   `toml:"mode" doc:"fee curve: flat or decay"`
	Burn   float64   `toml:"burn" unit:"fraction 0-1" range:"[0,1]" doc:"share of fees burned"`
	Split  []float64 `toml:"split" unit:"fractions" range:"[0,1]" doc:"split of the rest between pools"`
	Growth dist.Dist `toml:"growth" unit:"1/day" doc:"daily fee growth"`
}

type toyHolder struct {
	SellFraction dist.Dist `toml:"sell_fraction" unit:"fraction 0-1" range:"[0,)" doc:"fraction sold per period"`
	Active       bool      `toml:"active" doc:"whether the holder trades"`
}

type toyScenario struct {
	Name        string               `toml:"name" doc:"scenario name"`
	Seed        int64                `toml:"seed" doc:"random seed"`
	Runs        int                  `toml:"runs" unit:"runs" range:"[1,1000000]" doc:"Monte Carlo runs"`
	Supply      toySupply            `toml:"supply"`
	Allocations []toyAllocation      `toml:"allocations"`
	Fees        toyFees              `toml:"fees"`
	Holders     map[string]toyHolder `toml:"holders"`
	Tags        []string             `toml:"tags" doc:"free-form labels"`
	Note        string               `toml:"note" doc:"a plain key declared after tables"`
}

func toyDefaults() toyScenario {
	return toyScenario{
		Name: "baseline",
		Seed: 1,
		Runs: 1000,
		Supply: toySupply{
			Total:     1e9,
			Emissions: []float64{0.1, 0.05},
			Decimals:  18,
		},
		Allocations: []toyAllocation{
			{Name: "team", Share: 0.2, Vesting: toyVesting{CliffDays: 365, Linear: true}, Sell: mustDist(dist.Beta(2, 5))},
			{Name: "public", Share: 0.8, Sell: mustDist(dist.Const(0.1))},
		},
		Fees: toyFees{
			Mode:   "flat",
			Burn:   0.5,
			Split:  []float64{0.5, 0.3, 0.2},
			Growth: mustDist(dist.LogNormal(0, 0.1)),
		},
		Holders: map[string]toyHolder{
			"team": {SellFraction: mustDist(dist.Uniform(0, 0.2)), Active: true},
		},
		Tags: []string{"base"},
	}
}

// equalExact compares like reflect.DeepEqual but floats by bits (NaN equals
// NaN, -0 differs from 0) and treats nil and empty slices/maps as equal.
func equalExact(a, b reflect.Value) bool {
	if a.Type() != b.Type() {
		return false
	}
	switch a.Kind() {
	case reflect.Float32, reflect.Float64:
		x, y := a.Float(), b.Float()
		if math.IsNaN(x) && math.IsNaN(y) {
			return true
		}
		return math.Float64bits(x) == math.Float64bits(y)
	case reflect.Struct:
		for i := range a.NumField() {
			if !equalExact(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !equalExact(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.Len() != b.Len() {
			return false
		}
		for _, k := range a.MapKeys() {
			bv := b.MapIndex(k)
			if !bv.IsValid() || !equalExact(a.MapIndex(k), bv) {
				return false
			}
		}
		return true
	case reflect.String:
		return a.String() == b.String()
	case reflect.Bool:
		return a.Bool() == b.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return a.Int() == b.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return a.Uint() == b.Uint()
	}
	panic("equalExact: unhandled kind " + a.Kind().String())
}

func mustEqual(t testing.TB, got, want any) {
	t.Helper()
	if !equalExact(reflect.ValueOf(got), reflect.ValueOf(want)) {
		t.Fatalf("values differ:\n got: %+v\nwant: %+v", got, want)
	}
}

func valueOf(v any) reflect.Value { return reflect.ValueOf(v) }
