package experiments

import (
	"math"
	"os"
	"strings"
	"testing"
)

// TestNewHolderType: testdata/market-maker.toml defines a holder type of
// its own, [holders.market_maker], that never sells, never stakes and
// never votes, and gives it half the supply; the treasury holds the rest.
// Its agents behave as that type: over a year no holder sells a token,
// none is staked and no vote is cast. Given the investor's behaviour back
// by --set on the new type's keys, the same agents sell, stake and vote.
func TestNewHolderType(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("testdata/market-maker.toml")
	if err != nil {
		t.Fatal(err)
	}
	e, err := Load("market-maker.toml", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	sold, staked, turnout := outcomeIndex(t, "holder_sold_usd"), outcomeIndex(t, "final_staking_ratio"), outcomeIndex(t, "mean_voter_turnout")
	unmade := outcomeIndex(t, "proposals_unmade")
	const runs = 4
	for r, out := range runExperiment(t, e, runs) {
		// No holder votes, so none holds the proposal threshold: the 24
		// proposals a year go unmade and no vote closes (an empty turnout);
		// a vote that closed would have to have none cast.
		noVote := out[turnout] == 0 || (math.IsNaN(out[turnout]) && out[unmade] > 0)
		if out[sold] != 0 || out[staked] != 0 || !noVote {
			t.Errorf("run %d: the market maker sold $%g, staked %g of the supply, turnout %g (%g proposals unmade); want 0, 0, no vote", r, out[sold], out[staked], out[turnout], out[unmade])
		}
	}

	e, err = Load("market-maker.toml", src, []string{
		"holders.market_maker.sell_probability=0.05", "holders.market_maker.reservation_yield=0",
		"governance.voters.market_maker.self_vote=0.5",
	})
	if err != nil {
		t.Fatal(err)
	}
	var total float64
	for r, out := range runExperiment(t, e, runs) {
		total += out[sold]
		if !(out[staked] > 0) || !(out[turnout] > 0) {
			t.Errorf("run %d: a market maker that stakes and votes: staked %g, turnout %g", r, out[staked], out[turnout])
		}
	}
	if !(total > 0) {
		t.Errorf("a market maker that sells sold $%g in %d runs", total, runs)
	}
}

// TestNewHolderTypeResolved: the resolved file lists the new type after
// the built-in ones with every key (no like), and loads back to the same
// bytes.
func TestNewHolderTypeResolved(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("testdata/market-maker.toml")
	if err != nil {
		t.Fatal(err)
	}
	e, err := Load("market-maker.toml", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := e.Resolved()
	if err != nil {
		t.Fatal(err)
	}
	res := string(b)
	found, mm := strings.Index(res, "[holders.foundation]"), strings.Index(res, "[holders.market_maker]\n")
	if found < 0 || mm < found {
		t.Errorf("[holders.market_maker] at %d, [holders.foundation] at %d: the new type goes after the built-in ones", mm, found)
	}
	// The investor's keys, with the file's changes.
	want := "[holders.market_maker]\n" +
		"# 1/day — daily probability that an agent sells part of its liquid tokens\nsell_probability = 0\n" +
		"# fraction — share of its liquid tokens an agent sells when it sells\nsell_fraction = { dist = \"beta\", a = 2, b = 3 }\n" +
		"# 1/year — opportunity cost: an agent stakes when the staking APR is at least this\nreservation_yield = 10\n"
	if !strings.Contains(res, want) {
		t.Errorf("resolved file lacks\n%s", want)
	}
	if strings.Contains(res, "like =") {
		t.Error("the resolved file holds a like: it should list every key")
	}
	again, err := Load("experiment.toml", b, nil)
	if err != nil {
		t.Fatal(err)
	}
	b2, _ := again.Resolved()
	if string(b2) != res {
		t.Error("loading the resolved file again changed its bytes")
	}
}

// TestBuiltinHolderTypesUnchanged: the built-in types, written in today's
// order with today's keys and values, are the bytes of the resolved
// baseline before holder types became data (testdata/builtin-holders.golden
// holds its [holders.*] and [governance.voters.*] tables, cut from the
// resolved baseline of commit de34841).
func TestBuiltinHolderTypesUnchanged(t *testing.T) {
	t.Parallel()
	e, err := LoadFile("", nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := e.Resolved()
	if err != nil {
		t.Fatal(err)
	}
	var blocks []string
	for block := range strings.SplitSeq(string(b), "\n\n") {
		for line := range strings.SplitSeq(block, "\n") {
			if strings.HasPrefix(line, "[holders.") || strings.HasPrefix(line, "[governance.voters.") {
				blocks = append(blocks, block)
				break
			}
		}
	}
	got := strings.Join(blocks, "\n\n") + "\n"
	want, err := os.ReadFile("testdata/builtin-holders.golden")
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("built-in holder types changed:\n%s\nwant\n%s", got, want)
	}
}

// TestHolderTypeMerge: a file or a --set that changes one key of a
// built-in type keeps that type's other keys and every other type.
func TestHolderTypeMerge(t *testing.T) {
	t.Parallel()
	e, err := Load("x.toml", []byte("[holders.team]\nsell_probability = 0.1\n"), []string{"holders.investor.presell_days=5"})
	if err != nil {
		t.Fatal(err)
	}
	d := Default()
	if got, want := e.Holders.Keys(), d.Holders.Keys(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("types %v, want %v", got, want)
	}
	for name, b := range e.Holders.All() {
		want, _ := d.Holders.Get(name)
		switch name {
		case "team":
			want.SellProbability.Params[0] = 0.1
		case "investor":
			want.PresellDays = 5
		}
		if b != want {
			t.Errorf("%s: %+v, want %+v", name, b, want)
		}
	}
}

// TestHolderTypeErrors: every mistake in defining or naming a holder type
// names the file, the line and the key, and an unknown name lists the
// defined types.
func TestHolderTypeErrors(t *testing.T) {
	t.Parallel()
	const types = "team, investor, airdrop, public_sale, grants, foundation"
	alloc := "[[allocations]]\nname = \"a\"\nshare = 1.0\nholder = \"%s\"\n"
	cases := []struct {
		src  string
		sets []string
		want string
	}{
		{strings.Replace(alloc, "%s", "market_maker", 1), nil,
			`x.toml:4: allocations.0.holder: no holder type "market_maker" (defined: ` + types + `; or treasury, held by the DAO treasury)`},
		{"", []string{`allocations.0.holder="mm"`},
			`--set allocations.0.holder="mm": allocations.0.holder: no holder type "mm" (defined: ` + types + `; or treasury, held by the DAO treasury)`},
		{"[holders.mm]\nlike = \"investor\"\n", nil,
			`x.toml:1: holders.mm: holder type "mm" has no voting behaviour: add [governance.voters.mm] (like = "team" copies one)`},
		{"[governance.voters.mm]\nlike = \"investor\"\n", nil,
			`x.toml:1: governance.voters.mm: no holder type "mm" (defined: ` + types + `)`},
		{"[holders.treasury]\nlike = \"investor\"\n[governance.voters.treasury]\nlike = \"investor\"\n", nil,
			`x.toml:1: holders.treasury: treasury is reserved: its allocations go to the DAO treasury, not to agents with a behaviour`},
		{"[holders.mm]\nsell_probability = 0\n", nil,
			`x.toml:1: holders.mm: a new entry sets every key (missing: sell_fraction, reservation_yield, presell_share, presell_days) or starts as a copy of another with like = "team"`},
		{"[holders.mm]\nlike = \"fund\"\n", nil,
			`x.toml:2: holders.mm.like: no entry "fund" to start from (defined: ` + types + `)`},
		{"", []string{"holders.mm.sell_probability=0"}, `unknown path "holders.mm.sell_probability"`},
	}
	for _, c := range cases {
		_, err := Load("x.toml", []byte(c.src), c.sets)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q %v:\n got %v\nwant %s", c.src, c.sets, err, c.want)
		}
	}
	// A new type defined by --set works as one defined in the file.
	e, err := Load("x.toml", nil, []string{`holders.mm={ like = "team" }`, `governance.voters.mm={ like = "team" }`, "holders.mm.sell_probability=0.5"})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := e.Holders.Get("team")
	want.SellProbability.Params[0] = 0.5
	if b, ok := e.Holders.Get("mm"); !ok || b != want {
		t.Errorf("holders.mm by --set: %+v, %v; want %+v", b, ok, want)
	}
}

// TestHolderTypeSweep: a sweep over a key of a built-in type and of a type
// the file defines sets that key at each point and nothing else.
func TestHolderTypeSweep(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("testdata/market-maker.toml")
	if err != nil {
		t.Fatal(err)
	}
	src = append(src, `
[sweep]
method = "grid"
params = [
  { path = "holders.market_maker.sell_probability.value", values = [0, 0.5] },
  { path = "holders.team.presell_days", values = [3] },
]
`...)
	e, err := Load("sweep.toml", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := e.Plan()
	if err != nil {
		t.Fatal(err)
	}
	if pl.Points != 2 {
		t.Fatalf("%d points, want 2", pl.Points)
	}
	for p, want := range []float64{0, 0.5} {
		pe, err := pl.Point(p)
		if err != nil {
			t.Fatal(err)
		}
		mm, _ := pe.Holders.Get("market_maker")
		base, _ := e.Holders.Get("market_maker")
		team, _ := pe.Holders.Get("team")
		base.SellProbability.Params[0] = want
		if mm != base || team.PresellDays != 3 || pe.Holders.Len() != 7 {
			t.Errorf("point %d: market maker %+v, team presell_days %d, %d types; want %+v, 3, 7", p, mm, team.PresellDays, pe.Holders.Len(), base)
		}
	}
	// The base experiment is not written through.
	if mm, _ := e.Holders.Get("market_maker"); mm.SellProbability.Params[0] != 0 {
		t.Errorf("the sweep changed the base experiment: %+v", mm)
	}
}
