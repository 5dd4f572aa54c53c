package params

import (
	"bytes"
	"math"
	"reflect"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/seqsim/seqsim/dist"
	"github.com/seqsim/seqsim/experiments/field"
)

const toyDefaultsTOML = `# scenario name
name = "baseline"
# random seed
seed = 1
# runs — Monte Carlo runs
runs = 1000
# free-form labels
tags = ["base"]
# a plain key declared after tables
note = ""

[supply]
# tokens — total supply
total = 1000000000.0
# tokens/year — emission schedule by year
emissions = [0.1, 0.05]
# token decimals
decimals = 18

[[allocations]]
# holder group name
name = "team"
# fraction 0-1 — share of total supply
share = 0.2
# fraction 0-1 — fraction sold at each unlock
sell_fraction = { dist = "beta", a = 2, b = 5 }

[allocations.vesting]
# days — days from launch until the cliff
cliff_days = 365
# vest linearly after the cliff
linear = true

[[allocations]]
name = "public"
share = 0.8
sell_fraction = 0.1

[allocations.vesting]
cliff_days = 0
linear = false

[fees]
# fee curve: flat or decay
mode = "flat"
# fraction 0-1 — share of fees burned
burn = 0.5
# fractions — split of the rest between pools
split = [0.5, 0.3, 0.2]
# 1/day — daily fee growth
growth = { dist = "lognormal", mu = 0, sigma = 0.1 }

[holders.team]
# fraction 0-1 — fraction sold per period
sell_fraction = { dist = "uniform", lo = 0, hi = 0.2 }
# whether the holder trades
active = true
`

func TestEncodeGolden(t *testing.T) {
	got, err := Encode(toyDefaults())
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != toyDefaultsTOML {
		t.Errorf("got:\n%s", got)
	}
	var back toyScenario
	if err := Decode("enc.toml", got, &back); err != nil {
		t.Fatal(err)
	}
	mustEqual(t, back, toyDefaults())
}

func TestEncodeErrors(t *testing.T) {
	type big struct {
		U uint64 `toml:"u"`
	}
	if _, err := Encode(big{U: math.MaxUint64}); err == nil || !strings.HasPrefix(err.Error(), "params: encode u:") {
		t.Errorf("uint64 overflow: %v", err)
	}
	type str struct {
		S string `toml:"s"`
	}
	if _, err := Encode(str{S: "\xff"}); err == nil {
		t.Error("invalid UTF-8 accepted")
	}
	if _, err := Encode(3); err == nil {
		t.Error("non-struct accepted")
	}
}

// Edge shapes: empty collections, odd keys, special floats and strings.
func TestEncodeEdgeCases(t *testing.T) {
	x := toyScenario{
		Name:    "quote \" backslash \\ newline \n tab \t nul \x00 del \x7f é ☃",
		Supply:  toySupply{Emissions: []float64{math.NaN(), math.Inf(1), math.Copysign(0, -1), 5e-324}},
		Holders: map[string]toyHolder{"": {}, "a.b": {Active: true}, "with space": {SellFraction: mustDist(dist.Gamma(1, 2))}},
		Fees:    toyFees{Split: []float64{}},
	}
	b, err := Encode(x)
	if err != nil {
		t.Fatal(err)
	}
	var y toyScenario
	if err := Decode("edge.toml", b, &y); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	mustEqual(t, y, x)
}

func genFloat() *rapid.Generator[float64] {
	return rapid.OneOf(rapid.Float64(), rapid.SampledFrom([]float64{
		0, math.Copysign(0, -1), math.NaN(), math.Inf(1), math.Inf(-1), 5e-324, math.MaxFloat64,
		1e21, 1e-5, 9.999999999999999e-6, 0.1, 1 << 53, -1e15,
	}))
}

func genPositive() *rapid.Generator[float64] {
	return rapid.OneOf(rapid.Float64Range(1e-300, 1e300), rapid.SampledFrom([]float64{0.5, 1, 2, 1e-9}))
}

func genDist() *rapid.Generator[dist.Dist] {
	return rapid.Custom(func(t *rapid.T) dist.Dist {
		fin := rapid.Float64Range(-1e300, 1e300)
		switch dist.Kind(rapid.IntRange(0, len(dist.Kinds())-1).Draw(t, "kind")) {
		case dist.KindUniform:
			lo := fin.Draw(t, "lo")
			return mustDist(dist.Uniform(lo, lo+rapid.Float64Range(0, 1e300).Draw(t, "w")))
		case dist.KindNormal:
			return mustDist(dist.Normal(fin.Draw(t, "mu"), rapid.Float64Range(0, 1e300).Draw(t, "sigma")))
		case dist.KindLogNormal:
			return mustDist(dist.LogNormal(fin.Draw(t, "mu"), rapid.Float64Range(0, 1e300).Draw(t, "sigma")))
		case dist.KindBeta:
			return mustDist(dist.Beta(genPositive().Draw(t, "a"), genPositive().Draw(t, "b")))
		case dist.KindGamma:
			return mustDist(dist.Gamma(genPositive().Draw(t, "k"), genPositive().Draw(t, "theta")))
		case dist.KindTriangular:
			lo := rapid.Float64Range(-1e100, 1e100).Draw(t, "lo")
			mode := lo + rapid.Float64Range(0, 1e100).Draw(t, "dm")
			return mustDist(dist.Triangular(lo, mode, mode+rapid.Float64Range(0, 1e100).Draw(t, "dh")))
		}
		return mustDist(dist.Const(fin.Draw(t, "value")))
	})
}

func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}

func genToy() *rapid.Generator[toyScenario] {
	return rapid.Custom(func(t *rapid.T) toyScenario {
		alloc := rapid.Custom(func(t *rapid.T) toyAllocation {
			return toyAllocation{
				Name:    rapid.String().Draw(t, "name"),
				Share:   genFloat().Draw(t, "share"),
				Vesting: toyVesting{CliffDays: rapid.Int().Draw(t, "cliff"), Linear: rapid.Bool().Draw(t, "linear")},
				Sell:    genDist().Draw(t, "sell"),
			}
		})
		holder := rapid.Custom(func(t *rapid.T) toyHolder {
			return toyHolder{SellFraction: genDist().Draw(t, "sell"), Active: rapid.Bool().Draw(t, "active")}
		})
		s := toyScenario{
			Name: rapid.String().Draw(t, "name"),
			Seed: rapid.Int64().Draw(t, "seed"),
			Runs: rapid.Int().Draw(t, "runs"),
			Supply: toySupply{
				Total:     genFloat().Draw(t, "total"),
				Emissions: nilIfEmpty(rapid.SliceOfN(genFloat(), 0, 5).Draw(t, "emissions")),
				Decimals:  rapid.Uint8().Draw(t, "decimals"),
			},
			Allocations: nilIfEmpty(rapid.SliceOfN(alloc, 0, 4).Draw(t, "allocations")),
			Fees: toyFees{
				Mode:   toyMode(rapid.SampledFrom([]string{"flat", "decay", ""}).Draw(t, "mode")),
				Burn:   genFloat().Draw(t, "burn"),
				Split:  nilIfEmpty(rapid.SliceOfN(genFloat(), 0, 4).Draw(t, "split")),
				Growth: genDist().Draw(t, "growth"),
			},
			Tags: nilIfEmpty(rapid.SliceOfN(rapid.String(), 0, 3).Draw(t, "tags")),
			Note: rapid.String().Draw(t, "note"),
		}
		if m := rapid.MapOfN(rapid.String(), holder, 0, 3).Draw(t, "holders"); len(m) > 0 {
			s.Holders = m
		}
		return s
	})
}

// Decode(Encode(x)) == x for arbitrary values of the toy schema, and
// encoding is deterministic.
func TestEncodeDecodeRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		x := genToy().Draw(t, "x")
		b, err := Encode(x)
		if err != nil {
			t.Fatal(err)
		}
		var y toyScenario
		if err := Decode("rt.toml", b, &y); err != nil {
			t.Fatalf("%v\n%s", err, b)
		}
		if !equalExact(valueOf(y), valueOf(x)) {
			t.Fatalf("round trip differs\nencoded:\n%s\n got: %+v\nwant: %+v", b, y, x)
		}
		b2, err := Encode(&y)
		if err != nil || !bytes.Equal(b, b2) {
			t.Fatalf("Encode not stable: %v\n%s\n---\n%s", err, b, b2)
		}
		// Every listed path is readable, and setting it to its own value
		// (written as TOML) changes nothing.
		dotted := false
		for k := range y.Holders {
			dotted = dotted || strings.Contains(k, ".")
		}
		for _, p := range Paths(&y) {
			v, err := Get(y, p)
			if err != nil {
				if dotted {
					continue // map keys containing "." are not addressable
				}
				t.Fatalf("Get(%q): %v", p, err)
			}
			e := &encoder{}
			e.inline(p, reflect.ValueOf(v))
			z := y
			if err := Set(&z, p, e.buf.String()); err != nil {
				t.Fatalf("Set(%q, %s): %v", p, e.buf.String(), err)
			}
			if !equalExact(valueOf(z), valueOf(y)) {
				t.Fatalf("Set(%q, %s) changed the value", p, e.buf.String())
			}
		}
	})
}

// FuzzDecodeEncode: Decode never panics; whatever decodes is a fixed point
// of Encode followed by Decode.
func FuzzDecodeEncode(f *testing.F) {
	f.Add([]byte(goodTOML))
	f.Add([]byte(toyDefaultsTOML))
	f.Add([]byte("name = \"x\"\n[fees]\nsplit = []\ngrowth = { dist = \"gamma\", k = 0.5, theta = 2 }\n"))
	f.Add([]byte("allocations = [{ name = \"a\", vesting = { cliff_days = 3 } }]\n[holders.\"q.k\"]\nactive = true\n"))
	f.Add([]byte("[supply]\nemissions = [nan, inf, -0.0, 1e300]\ndecimals = 255\n"))
	f.Add([]byte("note = \"\"\"\nmulti\nline\"\"\"\ntags = ['a', \"\\u00e9\"]\n"))
	f.Add([]byte("nmae = 1\n[fees]\nburnn = 2\nsplit = [1, \"x\"]\n[[allocations]]\n[[allocations]]\nshre = 1\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		KeyLines(src)
		var x toyScenario
		if err := Decode("fuzz.toml", src, &x); err != nil {
			fes := field.Errors(err)
			if len(fes) == 0 {
				t.Fatalf("error without field.Error: %v", err)
			}
			// The line index knows every key that an error names.
			lines := KeyLines(src)
			for _, fe := range fes {
				if _, ok := lines[fe.Key]; fe.Key != "" && !ok {
					t.Fatalf("no line for %q (%v)", fe.Key, fe)
				}
			}
			return
		}
		b, err := Encode(x)
		if err != nil {
			t.Fatalf("Encode: %v", err)
		}
		var y toyScenario
		if err := Decode("enc.toml", b, &y); err != nil {
			t.Fatalf("re-decode: %v\n%s", err, b)
		}
		if !equalExact(valueOf(y), valueOf(x)) {
			t.Fatalf("not a fixed point\n%s\n got: %+v\nwant: %+v", b, y, x)
		}
		for _, p := range Paths(x) {
			Get(x, p) //nolint:errcheck // must not panic; map keys with dots are not addressable
		}
	})
}
