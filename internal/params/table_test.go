package params

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/dist"
	"github.com/seqsim/seqsim/experiments/field"
	"github.com/seqsim/seqsim/ordered"
)

// The kinds schema has an ordered table of struct entries, as the holder
// types of the token model are.

type kindBehaviour struct {
	Sell  dist.Dist `toml:"sell" unit:"1/day" doc:"daily sell probability"`
	Stake float64   `toml:"stake" unit:"1/year" doc:"reservation yield"`
	Days  int       `toml:"days" unit:"days" doc:"pre-sell days"`
}

type kindSchema struct {
	Name  string                       `toml:"name" doc:"name"`
	Kinds ordered.Table[kindBehaviour] `toml:"kinds" doc:"behaviour of each kind"`
}

func kindDefaults() kindSchema {
	return kindSchema{Name: "x", Kinds: ordered.New(
		ordered.Entry[kindBehaviour]{Key: "team", Doc: "the team", Value: kindBehaviour{Sell: dist.Dist{Params: [3]float64{0.02}}, Stake: 0.1}},
		ordered.Entry[kindBehaviour]{Key: "investor", Doc: "investors", Value: kindBehaviour{Sell: dist.Dist{Params: [3]float64{0.05}}, Stake: 0.2, Days: 30}},
	)}
}

func decodeKinds(t *testing.T, src string) (kindSchema, error) {
	t.Helper()
	s := kindDefaults()
	err := Decode("k.toml", []byte(src), &s)
	return s, err
}

func TestTableMergesKeyByKey(t *testing.T) {
	t.Parallel()
	s, err := decodeKinds(t, "[kinds.team]\nstake = 0.5\n")
	if err != nil {
		t.Fatal(err)
	}
	team, _ := s.Kinds.Get("team")
	inv, _ := s.Kinds.Get("investor")
	// team keeps its sell default; investor is untouched.
	if team.Stake != 0.5 || team.Sell.Params[0] != 0.02 || inv.Stake != 0.2 || inv.Days != 30 {
		t.Errorf("after merge: team %+v, investor %+v", team, inv)
	}
	if got := s.Kinds.Keys(); !slices.Equal(got, []string{"team", "investor"}) {
		t.Errorf("keys = %v", got)
	}
	// The defaults are not written through.
	if d, _ := kindDefaults().Kinds.Get("team"); d.Stake != 0.1 {
		t.Errorf("defaults changed: %+v", d)
	}
}

func TestTableNewEntries(t *testing.T) {
	t.Parallel()
	// zeta comes first in the file, so it goes first among the new
	// entries; alpha starts as a copy of zeta, defined above it.
	src := `[kinds.zeta]
like = "investor"
sell = 0

[kinds.alpha]
like = "zeta"
days = 7

[kinds.full]
sell = 0.3
stake = 1.5
days = 2
`
	s, err := decodeKinds(t, src)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Kinds.Keys(); !slices.Equal(got, []string{"team", "investor", "zeta", "alpha", "full"}) {
		t.Fatalf("keys = %v", got)
	}
	zeta, _ := s.Kinds.Get("zeta")
	alpha, _ := s.Kinds.Get("alpha")
	full, _ := s.Kinds.Get("full")
	want := kindBehaviour{Stake: 0.2, Days: 30} // investor's, with sell 0
	if zeta != want {
		t.Errorf("zeta = %+v, want %+v", zeta, want)
	}
	if want.Days = 7; alpha != want {
		t.Errorf("alpha = %+v, want %+v", alpha, want)
	}
	if (full != kindBehaviour{Sell: dist.Dist{Params: [3]float64{0.3}}, Stake: 1.5, Days: 2}) {
		t.Errorf("full = %+v", full)
	}
	// The resolved form lists every key of every entry (no like): it
	// loads back to the same table and the same bytes.
	b, err := Encode(&s)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "like") {
		t.Errorf("resolved form holds a like:\n%s", b)
	}
	back := kindDefaults() // as an experiment loads: over the defaults
	if err := Decode("resolved.toml", b, &back); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	b2, _ := Encode(&back)
	if string(b2) != string(b) {
		t.Errorf("round trip changed the bytes:\n%s\nvs\n%s", b, b2)
	}
}

func TestTableEncode(t *testing.T) {
	t.Parallel()
	s := kindDefaults()
	s.Kinds = s.Kinds.With("mm", kindBehaviour{Stake: 3})
	b, err := Encode(&s)
	if err != nil {
		t.Fatal(err)
	}
	want := `# name
name = "x"

# the team
[kinds.team]
# 1/day — daily sell probability
sell = 0.02
# 1/year — reservation yield
stake = 0.1
# days — pre-sell days
days = 0

# investors
[kinds.investor]
# 1/day — daily sell probability
sell = 0.05
# 1/year — reservation yield
stake = 0.2
# days — pre-sell days
days = 30

[kinds.mm]
# 1/day — daily sell probability
sell = 0
# 1/year — reservation yield
stake = 3.0
# days — pre-sell days
days = 0
`
	if string(b) != want {
		t.Errorf("Encode:\n%s\nwant\n%s", b, want)
	}
}

func TestTableErrors(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		src, want string
	}{
		{"[kinds.mm]\nsell = 0.1\n", "k.toml:1: kinds.mm: a new entry sets every key (missing: stake, days) or starts as a copy of another with like = \"team\""},
		{"[kinds.mm]\nlike = \"fund\"\n", "k.toml:2: kinds.mm.like: no entry \"fund\" to start from (defined: team, investor)"},
		{"[kinds.mm]\nlike = 3\n", "k.toml:2: kinds.mm.like: wrong type: expected string, got integer 3"},
		{"[kinds.team]\nlike = \"investor\"\n", "k.toml:2: kinds.team.like: \"team\" is already defined: like only starts a new entry"},
		{"[kinds.mm]\nlike = \"team\"\nsel = 1\n", "k.toml:3: kinds.mm.sel: unknown key (did you mean \"sell\"?)"},
		{"kinds = 3\n", "k.toml:1: kinds: wrong type: expected table, got integer 3"},
		{"kinds = { \"\" = { like = \"team\" } }\n", "k.toml:1: kinds.\"\": an entry needs a non-empty key"},
	} {
		_, err := decodeKinds(t, c.src)
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: got %v\nwant %s", c.src, err, c.want)
		}
		if err != nil && len(field.Errors(err)) != 1 {
			t.Errorf("%q: %d field errors, want 1", c.src, len(field.Errors(err)))
		}
	}
}

func TestTablePaths(t *testing.T) {
	t.Parallel()
	s := kindDefaults()
	orig := s
	if err := Set(&s, "kinds.investor.stake", "0.7"); err != nil {
		t.Fatal(err)
	}
	if err := SetNumber(&s, "kinds.team.sell", 0.25); err != nil {
		t.Fatal(err)
	}
	if err := Set(&s, "kinds.mm", `{ like = "team", days = 9 }`); err != nil {
		t.Fatal(err)
	}
	if err := Set(&s, "kinds.mm.stake", "4"); err != nil {
		t.Fatal(err)
	}
	inv, _ := s.Kinds.Get("investor")
	team, _ := s.Kinds.Get("team")
	mm, _ := s.Kinds.Get("mm")
	if inv.Stake != 0.7 || team.Sell.Params[0] != 0.25 || mm != (kindBehaviour{Sell: dist.Dist{Params: [3]float64{0.25}}, Stake: 4, Days: 9}) {
		t.Errorf("after Set: team %+v, investor %+v, mm %+v", team, inv, mm)
	}
	// Set never writes into the copy it was made from.
	if o, _ := orig.Kinds.Get("investor"); o.Stake != 0.2 || orig.Kinds.Len() != 2 {
		t.Errorf("Set changed the original: %+v", orig.Kinds)
	}
	if got, err := Get(&s, "kinds.mm.days"); err != nil || got != 9 {
		t.Errorf("Get(kinds.mm.days) = %v, %v", got, err)
	}
	err := Set(&s, "kinds.fund.stake", "1")
	if err == nil || !strings.Contains(err.Error(), `unknown path "kinds.fund.stake"`) {
		t.Errorf("Set on an undefined entry: %v", err)
	}
	err = Set(&s, "kinds.fund", "{ stake = 1 }")
	var fe *field.Error
	if !errors.As(err, &fe) || fe.Key != "kinds.fund" {
		t.Errorf("Set of an incomplete new entry: %v", err)
	}
	paths := Paths(&s)
	if !slices.Contains(paths, "kinds.mm.days") || slices.Index(paths, "kinds.team.sell") > slices.Index(paths, "kinds.investor.sell") {
		t.Errorf("Paths = %v", paths)
	}
}

func TestTableDescribe(t *testing.T) {
	t.Parallel()
	var got []string
	for _, d := range Describe(kindDefaults()) {
		got = append(got, d.Path+" "+d.Type+" "+d.Default+" "+d.Unit)
	}
	want := []string{
		"name string \"x\" ",
		"kinds.team.sell dist 0.02 1/day",
		"kinds.team.stake float 0.1 1/year",
		"kinds.team.days int 0 days",
		"kinds.investor.sell dist 0.05 1/day",
		"kinds.investor.stake float 0.2 1/year",
		"kinds.investor.days int 30 days",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Describe:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTableReservesLike: an entry type with a key named like cannot be an
// ordered table's entry (like names the entry a new one starts from).
func TestTableReservesLike(t *testing.T) {
	t.Parallel()
	type entry struct {
		Like string `toml:"like"`
	}
	type schema struct {
		T ordered.Table[entry] `toml:"t"`
	}
	var s schema
	err := Decode("x.toml", nil, &s)
	if err == nil || !strings.Contains(err.Error(), `has a key "like", which an ordered table reserves`) {
		t.Errorf("Decode: %v", err)
	}
}
