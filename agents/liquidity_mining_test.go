package agents_test

import (
	"math"
	"testing"

	"github.com/seqsim/seqsim/agents"
)

func withLM(t *testing.T, p agents.Params, lm agents.LiquidityMining) agents.Params {
	t.Helper()
	info, err := agents.Describe(agents.NewLiquidityMining)
	if err != nil {
		t.Fatal(err)
	}
	p.Sections = p.Sections.With(info, &lm)
	return p
}

// Providers who sell every reward never hold a position, and receive all
// of the emission when its whole share is theirs.
func TestLiquidityMiningSellAll(t *testing.T) {
	t.Parallel()
	p := agents.DefaultParams()
	p.Simulation.HorizonDays = 300
	p = withLM(t, p, agents.LiquidityMining{EmissionShare: 1, SellFraction: 1, ExitDays: 1})
	out, _, on, _ := runOnce(t, &p, 9)
	if paid, emitted := out[col(on, "lp_rewards_tokens")], out[col(on, "total_emitted")]; paid != emitted || paid <= 0 {
		t.Fatalf("paid %v of %v emitted", paid, emitted)
	}
	if s := out[col(on, "max_lp_share_of_pool")]; s != 0 {
		t.Fatalf("max share %v, want 0: nothing was deposited", s)
	}
	if out[col(on, "lp_sold_usd")] <= 0 {
		t.Fatal("the providers sold nothing")
	}
}

// After the programme ends on day 100 the providers withdraw a tenth of
// their units a day: on day 105 they hold half, and their share of the
// pool's units is s/(2-s) for their share s on day 100 (the other units
// do not move); on day 110 they hold none.
func TestLiquidityMiningExit(t *testing.T) {
	t.Parallel()
	p := agents.DefaultParams()
	p.Simulation.HorizonDays = 120
	p = withLM(t, p, agents.LiquidityMining{EmissionShare: 0.5, EndDay: 100, SellFraction: 0, RequiredAPR: 0, ExitDays: 10})
	_, series, _, sn := runOnce(t, &p, 4)
	w, c := len(sn), col(sn, "lp_share_of_pool")
	share := func(d int) float64 { return series[d*w+c] }
	s := share(100)
	if !(s > 0.01) {
		t.Fatalf("share on day 100 = %v, want a position", s)
	}
	if got, want := share(105), s/(2-s); math.Abs(got-want) > 1e-9 {
		t.Fatalf("share on day 105 = %v, want s/(2-s) = %v", got, want)
	}
	if share(110) != 0 || share(120) != 0 {
		t.Fatalf("share after the exit: day 110 %v, day 120 %v", share(110), share(120))
	}
	for d := 1; d < 100; d++ {
		if share(d+1) < share(d) {
			t.Fatalf("the position shrank on day %d while the programme ran with no required yield", d+1)
		}
	}
}
