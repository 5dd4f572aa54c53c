package params

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/dist"
	"github.com/seqsim/seqsim/experiments/field"
)

// Validate is the toy fee section's cross-field rule: its split sums to 1.
func (f *toyFees) Validate(c *field.Checker) { c.SumsTo("split", f.Split, 1, 1e-9) }

// Validate is a rule of a map entry's type (called on a copy: map entries
// are not addressable).
func (h *toyHolder) Validate(c *field.Checker) {
	if h.Active && h.SellFraction.Mean() == 0 {
		c.Errorf("active", "an active holder must sell")
	}
}

// Validate is a rule across sections, on the root: the allocations' shares
// sum to 1.
func (s *toyScenario) Validate(c *field.Checker) {
	shares := make([]float64, len(s.Allocations))
	for i, a := range s.Allocations {
		shares[i] = a.Share
	}
	c.SumsTo("allocations.share", shares, 1, 1e-9)
}

// TestCheckTags: every form of range tag and every place one can be (a
// field, a slice element, an array-of-tables element, a map entry, a
// distribution's mean) calls the checker's rule at the field's path; the
// Validate of each section follows its fields, and the root's comes last.
func TestCheckTags(t *testing.T) {
	s := toyDefaults()
	s.Runs = 0
	s.Supply.Total = -1
	s.Allocations[0].Vesting.CliffDays = 4000
	s.Allocations[1].Share = 1.5
	s.Allocations[1].Sell = mustDist(dist.Uniform(2, 3))
	s.Fees.Burn = math.NaN()
	s.Fees.Split = []float64{0.5, 2, 0.2}
	s.Fees.Growth = dist.Dist{Kind: dist.KindBeta, Params: [3]float64{-1, 2}}
	s.Holders = map[string]toyHolder{
		"whale": {SellFraction: mustDist(dist.Const(0)), Active: true},
		"team":  {SellFraction: mustDist(dist.Const(-1))},
	}
	src := "runs = 0\n[fees]\nsplit = [0.5, 2, 0.2]\n"
	c := field.NewChecker("b.toml", KeyLines([]byte(src)))
	CheckTags(c, &s)
	want := `b.toml:1: runs: must be in [1, 1000000], got 0
b.toml: supply.total: must be > 0, got -1
b.toml: allocations.0.vesting.cliff_days: must be in [0, 3650], got 4000
b.toml: allocations.1.share: must be in [0, 1], got 1.5
b.toml: allocations.1.sell_fraction: mean must be in [0, 1], got 2.5
b.toml:2: fees.burn: must be in [0, 1], got NaN
b.toml:3: fees.split.1: must be in [0, 1], got 2
b.toml:2: fees.growth.a: must be > 0, got -1
b.toml:3: fees.split: must sum to 1 (±1e-09), got 2.7
b.toml: holders.team.sell_fraction: mean must be finite and >= 0, got -1
b.toml: holders.whale.active: an active holder must sell
b.toml: allocations.share: must sum to 1 (±1e-09), got 1.7`
	if err := c.Err(); err == nil || err.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", err, want)
	}

	// Under a checker's prefix every key moves down, Validate's too.
	c = field.NewChecker("", nil)
	CheckTags(c.Sub("model"), &s)
	es := field.Errors(c.Err())
	if len(es) != 12 || es[0].Key != "model.runs" || es[8].Key != "model.fees.split" || es[11].Key != "model.allocations.share" {
		t.Errorf("under a prefix: %v", c.Err())
	}

	// The defaults pass, and CheckTags changes nothing.
	d, before := toyDefaults(), toyDefaults()
	c = field.NewChecker("", nil)
	CheckTags(c, &d)
	if c.Err() != nil {
		t.Errorf("defaults: %v", c.Err())
	}
	mustEqual(t, d, before)
}

// TestCheckTagsForms: each tag form calls the checker's rule of that name,
// with its message, and lets the values inside pass.
func TestCheckTagsForms(t *testing.T) {
	type schema struct {
		Closed   float64   `toml:"closed" range:"[-50,1e-6]"`
		Pos      float64   `toml:"pos" range:"(0,)"`
		NonNeg   float64   `toml:"nonneg" range:"[0,)"`
		Finite   float64   `toml:"finite" range:"(,)"`
		Int      int       `toml:"int" range:"[0,2147483647]"`
		Int64    int64     `toml:"int64" range:"[1,2]"`
		Floats   []float64 `toml:"floats" range:"[0,1]"`
		Ints     []int     `toml:"ints" range:"[1,10]"`
		Unit     dist.Dist `toml:"unit" range:"[0,1]"`
		Cost     dist.Dist `toml:"cost" range:"[0,)"`
		Untagged float64   `toml:"untagged"`
	}
	good := schema{Closed: -50, Pos: 1e-300, NonNeg: 0, Finite: -1e300, Int: math.MaxInt32, Int64: 2,
		Floats: []float64{0, 1}, Ints: []int{1, 10}, Unit: mustDist(dist.Beta(1, 1)), Cost: mustDist(dist.Const(0)), Untagged: math.NaN()}
	c := field.NewChecker("", nil)
	CheckTags(c, &good)
	if c.Err() != nil {
		t.Errorf("values inside refused: %v", c.Err())
	}
	inf := math.Inf(1)
	bad := schema{Closed: 2e-6, Pos: 0, NonNeg: inf, Finite: -inf, Int: -1, Int64: 3,
		Floats: []float64{0.5, math.NaN()}, Ints: []int{0, 11}, Unit: mustDist(dist.Uniform(0.5, 2)), Cost: mustDist(dist.Normal(-1, 1))}
	c = field.NewChecker("", nil)
	CheckTags(c, &bad)
	want := `closed: must be in [-50, 1e-06], got 2e-06
pos: must be > 0, got 0
nonneg: must be >= 0, got +Inf
finite: must be finite, got -Inf
int: must be in [0, 2147483647], got -1
int64: must be in [1, 2], got 3
floats.1: must be in [0, 1], got NaN
ints.0: must be in [1, 10], got 0
ints.1: must be in [1, 10], got 11
unit: mean must be in [0, 1], got 1.25
cost: mean must be finite and >= 0, got -1`
	if err := c.Err(); err == nil || err.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", err, want)
	}
}

// TestMalformedRangeTag: a range tag that does not parse, or sits on a
// field it cannot bound, makes the schema unsupported: Decode (like every
// other entry point) says which tag at which path, and CheckTags panics.
func TestMalformedRangeTag(t *testing.T) {
	floatT, intT, distT := reflect.TypeFor[float64](), reflect.TypeFor[int](), reflect.TypeFor[dist.Dist]()
	for _, tt := range []struct {
		tag string
		typ reflect.Type
	}{
		{"[0,1", floatT}, {"0,1", floatT}, {"[0,1)", floatT}, {"(0,1)", floatT}, {"[1,0]", floatT},
		{"[0,inf]", floatT}, {"[nan,1]", floatT}, {"[a,1]", floatT}, {"[,1]", floatT}, {"[0,]", floatT},
		{"[0,1,2]", floatT}, {"(1,)", floatT}, {"[1,)", floatT}, {"(0,]", floatT}, {"[]", floatT},
		{"[ 0,1]", floatT}, {"(,)", distT}, {"(0,)", distT}, {"[0,)", intT}, {"(0,)", intT},
		{"[0.5,1]", intT}, {"[1e3,2e3]", intT}, {"[2,1]", intT},
		{"[0,1]", reflect.TypeFor[string]()}, {"[0,1]", reflect.TypeFor[bool]()},
		{"[0,1]", reflect.TypeFor[uint]()}, {"[0,1]", reflect.TypeFor[struct{ A float64 }]()},
		{"[0,1]", reflect.TypeFor[[]struct{ A float64 }]()}, {"[0,1]", reflect.TypeFor[map[string]float64]()},
	} {
		st := reflect.StructOf([]reflect.StructField{{Name: "X", Type: tt.typ, Tag: reflect.StructTag(`toml:"x" range:"` + tt.tag + `"`)}})
		outer := reflect.StructOf([]reflect.StructField{{Name: "Sec", Type: st, Tag: `toml:"sec"`}})
		v := reflect.New(outer).Interface()
		err := Decode("t.toml", nil, v)
		if err == nil || !strings.Contains(err.Error(), `range tag "`+tt.tag+`" at sec.x`) {
			t.Errorf("%q on %v: Decode error %v", tt.tag, tt.typ, err)
		}
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%q on %v: CheckTags did not panic", tt.tag, tt.typ)
				}
			}()
			CheckTags(field.NewChecker("", nil), v)
		}()
	}
}
