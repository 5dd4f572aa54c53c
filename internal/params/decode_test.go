package params

import (
	"errors"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/seqsim/seqsim/dist"
	"github.com/seqsim/seqsim/experiments/field"
)

const goodTOML = `# a toy experiment
name = "high-burn"
runs = 200

[supply]
total = 2e9
emissions = [
  0.2,   # year 1
  0.1,
]

[[allocations]]
name = "team"
share = 0.3
sell_fraction = { dist = "beta", a = 2, b = 5 }
[allocations.vesting]
cliff_days = 180

[[allocations]]
name = "investors"
share = 0.7
vesting.linear = true

[fees]
mode = "decay"
burn = 0.25
growth = 0.01

[holders.whale]
sell_fraction = { dist = "triangular", lo = 0, mode = 0.1, hi = 0.5 }
active = true
`

func TestDecodeMergesDefaults(t *testing.T) {
	s := toyDefaults()
	if err := Decode("good.toml", []byte(goodTOML), &s); err != nil {
		t.Fatal(err)
	}
	want := toyDefaults()
	want.Name = "high-burn"
	want.Runs = 200
	want.Supply.Total = 2e9
	want.Supply.Emissions = []float64{0.2, 0.1}
	// Arrays of tables replace the default array; new elements start at zero.
	want.Allocations = []toyAllocation{
		{Name: "team", Share: 0.3, Sell: mustDist(dist.Beta(2, 5)), Vesting: toyVesting{CliffDays: 180}},
		{Name: "investors", Share: 0.7, Vesting: toyVesting{Linear: true}},
	}
	want.Fees.Mode = "decay"
	want.Fees.Burn = 0.25
	want.Fees.Growth = mustDist(dist.Const(0.01))
	// Maps replace too.
	want.Holders = map[string]toyHolder{"whale": {SellFraction: mustDist(dist.Triangular(0, 0.1, 0.5)), Active: true}}
	mustEqual(t, s, want)
}

func TestDecodeDoesNotTouchDefaultStorage(t *testing.T) {
	def := toyDefaults()
	s := def // shallow copy shares slices and maps
	src := "[supply]\nemissions = [9.0]\n[fees]\nsplit = [1.0]\n[holders.x]\nactive = false\n"
	if err := Decode("f.toml", []byte(src), &s); err != nil {
		t.Fatal(err)
	}
	mustEqual(t, def, toyDefaults())
}

func TestDecodeBadInput(t *testing.T) {
	kinds := strings.Join(dist.Kinds(), ", ")
	tests := []struct {
		name string
		src  string
		want []string // full messages, in order
	}{
		{"unknown top-level key", "nmae = \"x\"\n",
			[]string{`t.toml:1: nmae: unknown key (did you mean "name"?)`}},
		{"unknown key far from any", "zzzzzzzzzzzzzzz = 1\n",
			[]string{`t.toml:1: zzzzzzzzzzzzzzz: unknown key (valid keys: name, seed, runs, supply, allocations, fees, holders, tags, note)`}},
		{"unknown nested key", "[fees]\nburn = 0.1\nburnn = 1\n",
			[]string{`t.toml:3: fees.burnn: unknown key (did you mean "burn"?)`}},
		{"unknown key in third array element",
			"[[allocations]]\nname = \"a\"\n\n[[allocations]]\nname = \"b\"\n\n[[allocations]]\nshre = 0.1\n",
			[]string{`t.toml:8: allocations.2.shre: unknown key (did you mean "share"?)`}},
		{"unknown key in table inside array element",
			"[[allocations]]\nname = \"a\"\n[allocations.vesting]\ncliff = 3\n",
			[]string{`t.toml:4: allocations.0.vesting.cliff: unknown key (did you mean "cliff_days"?)`}},
		{"unknown key in inline array of tables",
			"allocations = [\n  { name = \"a\", share = 0.5 },\n  { name = \"b\", shar = 0.5 },\n]\n",
			[]string{`t.toml:3: allocations.1.shar: unknown key (did you mean "share"?)`}},
		{"unknown key in map entry", "[holders.bob]\nsells = 1\n",
			[]string{`t.toml:2: holders.bob.sells: unknown key (did you mean "sell_fraction"?)`}},
		{"unknown key inside inline dist",
			"[holders.team]\nsell_fraction = { dist = \"beta\", alpha = 2, a = 2, b = 5 }\n",
			[]string{`t.toml:2: holders.team.sell_fraction.alpha: unknown key (did you mean "a"?)`}},
		{"unknown dist", "[fees]\ngrowth = { dist = \"betta\", a = 1 }\n",
			[]string{`t.toml:2: fees.growth.dist: unknown distribution "betta" (valid: ` + kinds + `)`}},
		{"dist missing parameter", "[fees]\ngrowth = { dist = \"beta\", a = 1 }\n",
			[]string{`t.toml:2: fees.growth: beta distribution needs "b" (parameters: a, b)`}},
		{"dist without dist key", "[fees]\ngrowth = { a = 1 }\n",
			[]string{`t.toml:2: fees.growth: distribution table needs a "dist" key naming one of: ` + kinds}},
		{"dist bad parameter", "[fees]\ngrowth = { dist = \"beta\", a = -1, b = 0 }\n",
			[]string{`t.toml:2: fees.growth.a: must be > 0, got -1`, `t.toml:2: fees.growth.b: must be > 0, got 0`}},
		{"dist NaN", "[fees]\ngrowth = { dist = \"normal\", mu = nan, sigma = 1 }\n",
			[]string{`t.toml:2: fees.growth.mu: must be finite, got NaN`}},
		{"dist inf as constant", "[fees]\ngrowth = inf\n",
			[]string{`t.toml:2: fees.growth.value: must be finite, got +Inf`}},
		{"dist wrong parameter type", "[fees]\ngrowth = { dist = \"uniform\", lo = 0, hi = \"1\" }\n",
			[]string{`t.toml:2: fees.growth.hi: wrong type: expected float, got string "1"`}},
		{"dist wrong type", "[fees]\ngrowth = \"beta\"\n",
			[]string{`t.toml:2: fees.growth: wrong type: expected a number or a distribution table like { dist = "beta", a = 2, b = 5 }, got string "beta"`}},
		{"string for int", "runs = \"many\"\n",
			[]string{`t.toml:1: runs: wrong type: expected integer, got string "many"`}},
		{"float for int", "runs = 1.5\n",
			[]string{`t.toml:1: runs: wrong type: expected integer, got float 1.5`}},
		{"string for float", "[fees]\nburn = \"high\"\n",
			[]string{`t.toml:2: fees.burn: wrong type: expected float, got string "high"`}},
		{"scalar for table", "fees = 3\n",
			[]string{`t.toml:1: fees: wrong type: expected table, got integer 3`}},
		{"table for scalar", "[name]\nx = 1\n",
			[]string{`t.toml:1: name: wrong type: expected string, got table`}},
		{"scalar for array of tables", "allocations = 1\n",
			[]string{`t.toml:1: allocations: wrong type: expected array, got integer 1`}},
		{"bool for string in enum", "[fees]\nmode = true\n",
			[]string{`t.toml:2: fees.mode: wrong type: expected string, got boolean true`}},
		{"bad element in multi-line list", "[supply]\nemissions = [\n  0.1,\n  \"x\", # oops\n]\n",
			[]string{`t.toml:4: supply.emissions.1: wrong type: expected float, got string "x"`}},
		{"uint out of range", "[supply]\ndecimals = 300\n",
			[]string{`t.toml:2: supply.decimals: 300 is out of range for uint8`}},
		{"negative uint", "[supply]\ndecimals = -1\n",
			[]string{`t.toml:2: supply.decimals: -1 is out of range for uint8`}},
		{"syntax error", "name = \"x\"\nruns = = 3\n",
			[]string{`t.toml:2: syntax error: expected value but found '=' instead`}},
		{"syntax error unclosed header", "name = \"x\"\n\n[fees\nburn = 1\n",
			[]string{`t.toml:4: syntax error: expected '.' or ']' to end table name, but got '\n' instead`}},
		{"duplicate key", "runs = 1\nruns = 2\n",
			[]string{`t.toml:2: syntax error: Key 'runs' has already been defined.`}},
		{"multiple problems at once",
			"nmae = \"x\"\nruns = \"many\"\n[fees]\nburnn = 0.2\n",
			[]string{
				`t.toml:1: nmae: unknown key (did you mean "name"?)`,
				`t.toml:2: runs: wrong type: expected integer, got string "many"`,
				`t.toml:4: fees.burnn: unknown key (did you mean "burn"?)`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := toyDefaults()
			err := Decode("t.toml", []byte(tt.src), &s)
			if err == nil {
				t.Fatal("no error")
			}
			fes := field.Errors(err)
			var got []string
			for _, fe := range fes {
				got = append(got, fe.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if err.Error() != strings.Join(tt.want, "\n") {
				t.Errorf("Error() = %q", err.Error())
			}
			mustEqual(t, s, toyDefaults()) // unchanged on error
		})
	}
}

func TestDecodeErrorClasses(t *testing.T) {
	s := toyDefaults()
	err := Decode("t.toml", []byte("nmae = 1\nruns = \"x\"\n"), &s)
	if !errors.Is(err, field.ErrUnknownKey) || !errors.Is(err, field.ErrWrongType) {
		t.Errorf("errors.Is failed: %v", err)
	}
	var fe *field.Error
	if !errors.As(err, &fe) || fe.Key != "nmae" || fe.Line != 1 || fe.File != "t.toml" {
		t.Errorf("errors.As: %+v", fe)
	}
	err = Decode("t.toml", []byte("a = = 1"), &s)
	var pe toml.ParseError
	if !errors.As(err, &pe) || pe.Position.Line != 1 {
		t.Errorf("ParseError not reachable: %v", err)
	}
}

func TestDecodeArgs(t *testing.T) {
	var s toyScenario
	for _, dst := range []any{s, nil, (*toyScenario)(nil), new(int)} {
		if err := Decode("x", nil, dst); err == nil || !strings.HasPrefix(err.Error(), "params: ") {
			t.Errorf("Decode(%T) = %v", dst, err)
		}
	}
	type bad struct {
		P *int `toml:"p"`
	}
	if err := Decode("x", nil, &bad{}); err == nil || err.Error() != "params: unsupported type *int at p" {
		t.Errorf("unsupported: %v", err)
	}
}
