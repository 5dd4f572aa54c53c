package agents

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/seqsim/seqsim/agents/protocol"

	"pgregory.net/rapid"
)

// unlockSellParams is shared/bench/unlock-sell.md in the model's terms
// (experiments/bench-unlock-sell.toml is the same, as a file).
func unlockSellParams() Params {
	p := DefaultParams()
	p.Supply = Supply{InitialTokens: 1.05e9, LaunchPriceUSD: 1}
	p.Allocations = []Allocation{
		{Name: "holders", Share: 1 / 1.05, Holder: "team", Agents: 1000, Weight: constDist(1), CliffDays: 365, CliffUnlock: 0.25, VestingDays: 1095, VestingStepDays: 1},
		{Name: "pool", Share: 0.05 / 1.05, Holder: HolderTreasury, Weight: constDist(1), TGEUnlock: 1, VestingStepDays: 1},
	}
	p.Holders = p.Holders.With("team", Behaviour{SellProbability: constDist(0.3), SellFraction: betaDist(2, 5), ReservationYield: uniformDist(0, 0.2)})
	p.Emission.Kind = protocol.EmissionNone
	p.Market.PoolUSD, p.Market.ArbSpeed, p.Market.TradingRounds, p.Market.PermanentImpact = 5e7, 0, 1, 0
	p.Market.OutsideBuyUSDPerDay = lognormalDist(math.Log(2e5), 0.5)
	p.Fees.AnnualRevenueUSD = 0
	p.Staking.CooldownDays, p.Staking.ReviewDays = 0, 1
	p.Staking.APRModel, p.Staking.APRBudgetTokensPerYear, p.Staking.APRFloorStakeTokens, p.Staking.MaxAPRSignal = APRBudget, 5e7, 1e7, 0.5
	p.Treasury.MonthlyBudgetUSD = 0
	p.Sequencers.Operators, p.Sequencers.MaxOperators = 0, 0
	return p
}

// TestUnlockSellAllocatesNothing: the unlock-sell workload's day allocates
// nothing once the world is warm.
func TestUnlockSellAllocatesNothing(t *testing.T) {
	p := unlockSellParams()
	var w World
	if err := w.Reset(&p, rand.New(rand.NewPCG(1, 2))); err != nil {
		t.Fatal(err)
	}
	if !w.plainStaking {
		t.Fatal("the workload should use plain staking")
	}
	for range 400 { // past the cliff: sells, stakes and releases every day
		w.Step()
	}
	row := make([]float64, numSeries())
	if n := testing.AllocsPerRun(200, func() { w.Step(); w.record(row) }); n != 0 {
		t.Errorf("a day of the unlock-sell workload allocates %v times", n)
	}
}

// plainPass is the holder pass as the rules read, without actHolders'
// speed-ups: each agent draws its coin (every round, used or not: common
// random numbers stay in step), sells into the pool at once (when its
// coin says so, or daily ahead of a cliff), then reviews through
// World.review. It is the reference the test below holds actHolders to.
func (w *World) plainPass(round, rounds int) {
	h := &w.h
	review := max(w.p.Staking.ReviewDays, 1)
	inPresell := w.inPresellWindow()
	for i := round; i < h.len(); i += rounds {
		presell := inPresell && h.presell[i]
		u := w.streams.market.Float64()
		if h.liquid[i] > 0 && (presell || u < h.sellProb[i]) {
			if dx := int64(h.sellFrac[i] * float64(h.liquid[i])); dx > 0 {
				usd := w.mk.pool.Sell(dx)
				h.liquid[i] -= dx
				w.totLiquid -= dx
				w.mk.soldToday += usd
				w.mk.netSellUSD += usd
				w.usd.out(flowHolders, usd)
			}
		}
		if (w.day+i)%review == 0 {
			w.reviewNow(i, presell)
		}
	}
}

// TestHolderPassEqualsRules: actHolders leaves bit for bit the state the
// plain reading of the rules (plainPass) leaves, on random designs with and
// without sequencer operators, cooldowns, review periods, pre-sellers,
// several trading rounds, arbitrage and a treasury budget. Two worlds run
// the same days; on each checked day both take one more round, one through
// each pass, and every balance, total, the pool and the market stream must
// agree.
func TestHolderPassEqualsRules(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		p := unlockSellParams()
		if rapid.Bool().Draw(t, "operators") {
			p = DefaultParams()
			drawNetwork(t, &p)
		}
		a := &p.Allocations[0]
		for i := range p.Allocations {
			if p.Allocations[i].Holder == "team" {
				a = &p.Allocations[i] // the first team allocation
				break
			}
		}
		a.Agents = rapid.IntRange(1, 60).Draw(t, "agents")
		a.TGEUnlock = rapid.SampledFrom([]float64{0, 0.1}).Draw(t, "tge") // pre-sellers with tokens before the cliff
		a.CliffDays = rapid.IntRange(0, 40).Draw(t, "cliff")
		a.VestingDays = rapid.IntRange(1, 60).Draw(t, "vesting")
		b, _ := p.Holders.Get("team")
		b.SellProbability = constDist(rapid.Float64Range(0, 1).Draw(t, "sell probability"))
		b.PresellShare = rapid.Float64Range(0, 1).Draw(t, "presell share")
		b.PresellDays = rapid.IntRange(0, 20).Draw(t, "presell days")
		p.Holders = p.Holders.With("team", b)
		p.Staking.CooldownDays = rapid.IntRange(0, 5).Draw(t, "cooldown")
		p.Staking.ReviewDays = rapid.IntRange(1, 4).Draw(t, "review")
		p.Market.TradingRounds = rapid.IntRange(1, 4).Draw(t, "rounds")
		p.Market.ArbSpeed = rapid.Float64Range(0, 1).Draw(t, "arb speed")
		p.Treasury.MonthlyBudgetUSD = rapid.Float64Range(0, 1e6).Draw(t, "treasury budget")
		seed := rapid.Uint64().Draw(t, "seed")
		var fast, plain World
		for _, w := range []*World{&fast, &plain} {
			if err := w.Reset(&p, rand.New(rand.NewPCG(seed, 7))); err != nil {
				t.Skip(err)
			}
		}
		rounds := max(p.Market.TradingRounds, 1)
		for day := 1; day <= 60; day++ {
			fast.Step()
			plain.Step()
			r := rapid.IntRange(0, rounds-1).Draw(t, "round")
			fast.tradeOps = fast.operatorColumns()
			fast.actHolders(r, rounds)
			plain.plainPass(r, rounds)
			if diff := holderStateDiff(&fast, &plain); diff != "" {
				t.Fatalf("day %d, round %d of %d: actHolders and the rules differ in %s", day, r, rounds, diff)
			}
		}
	})
}

// holderStateDiff names the first piece of state the holder pass writes
// that differs between a and b, or returns "".
func holderStateDiff(a, b *World) string {
	balances := []struct {
		name string
		a, b []int64
	}{
		{"liquid", a.h.liquid, b.h.liquid}, {"staked", a.h.staked, b.h.staked},
		{"unbonding", a.h.unbonding, b.h.unbonding}, {"operator delegations", a.seq.ops.deleg, b.seq.ops.deleg},
		{"positions' stake", a.h.posStaked, b.h.posStaked}, {"positions' unbonding", a.h.posUnbond, b.h.posUnbond},
	}
	for _, s := range balances {
		if !slices.Equal(s.a, s.b) {
			return s.name
		}
	}
	for i := range a.h.op {
		if a.h.op[i] != b.h.op[i] || a.h.unbondOp[i] != b.h.unbondOp[i] || a.h.unbondEnd[i] != b.h.unbondEnd[i] || a.h.rewardSnap[i] != b.h.rewardSnap[i] {
			return fmt.Sprintf("position %d's operator, cooldown or reward snapshot", i)
		}
	}
	for d := range a.unbondQueue {
		if fmt.Sprint(a.unbondQueue[d]) != fmt.Sprint(b.unbondQueue[d]) {
			return "the unbonding queue"
		}
	}
	floats := []struct {
		name string
		a, b float64
	}{
		{"soldUSDToday", a.mk.soldToday, b.mk.soldToday}, {"netSellUSD", a.mk.netSellUSD, b.mk.netSellUSD}, {"pool USD", a.mk.pool.USD, b.mk.pool.USD},
	}
	for _, f := range floats {
		if math.Float64bits(f.a) != math.Float64bits(f.b) {
			return fmt.Sprintf("%s (%v, %v)", f.name, f.a, f.b)
		}
	}
	switch {
	case a.mk.pool.Tokens != b.mk.pool.Tokens:
		return "pool tokens"
	case a.totLiquid != b.totLiquid || a.totStaked != b.totStaked || a.totUnbonding != b.totUnbonding:
		return "the totals"
	case a.rewardPool != b.rewardPool:
		return "the reward pool"
	case a.streams.marketPCG != b.streams.marketPCG:
		return "the market stream's state"
	}
	return ""
}
