package agents

import (
	"math"
	"math/rand/v2"
	"testing"

	"pgregory.net/rapid"
)

// unlockSellParams is shared/bench/unlock-sell.md in the model's terms
// (experiments/bench-unlock-sell.toml is the same, as a file).
func unlockSellParams() Params {
	p := DefaultParams()
	p.Supply = Supply{InitialTokens: 1.05e9, LaunchPriceUSD: 1}
	p.Allocations = []Allocation{
		{Name: "holders", Share: 1 / 1.05, Holder: HolderTeam, Agents: 1000, Weight: constDist(1), CliffDays: 365, CliffUnlock: 0.25, VestingDays: 1095, VestingStepDays: 1},
		{Name: "pool", Share: 0.05 / 1.05, Holder: HolderTreasury, Weight: constDist(1), TGEUnlock: 1, VestingStepDays: 1},
	}
	p.Holders.Team = Behaviour{SellProbability: constDist(0.3), SellFraction: betaDist(2, 5), ReservationYield: uniformDist(0, 0.2)}
	p.Emission.Kind = "none"
	p.Market.PoolUSD, p.Market.ArbSpeed, p.Market.TradingRounds, p.Market.PermanentImpact = 5e7, 0, 1, 0
	p.Market.OutsideBuyUSDPerDay = lognormalDist(math.Log(2e5), 0.5)
	p.Fees.AnnualRevenueUSD = 0
	p.Staking.CooldownDays, p.Staking.ReviewDays = 0, 1
	p.Staking.APRModel, p.Staking.APRBudgetTokensPerYear, p.Staking.APRFloorStakeTokens, p.Staking.MaxAPRSignal = "budget", 5e7, 1e7, 0.5
	p.Treasury.MonthlyBudgetUSD = 0
	p.Sequencers.Operators, p.Sequencers.MaxOperators = 0, 0
	return p
}

// TestFastPathAllocatesNothing: the unlock-sell workload's day allocates
// nothing once the world is warm.
func TestFastPathAllocatesNothing(t *testing.T) {
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
	row := make([]float64, numSeries)
	if n := testing.AllocsPerRun(200, func() { w.Step(); w.record(row) }); n != 0 {
		t.Errorf("a day of the unlock-sell workload allocates %v times", n)
	}
}

// TestFastPathEqualsGeneralPass: the fast path gives bit for bit the days
// of the general holder pass, on random plain-staking designs with
// pre-sellers, several trading rounds, arbitrage and a treasury budget.
func TestFastPathEqualsGeneralPass(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := unlockSellParams()
		p.Allocations[0].Agents = rapid.IntRange(1, 60).Draw(t, "agents")
		p.Allocations[0].CliffDays = rapid.IntRange(0, 40).Draw(t, "cliff")
		p.Allocations[0].VestingDays = rapid.IntRange(1, 60).Draw(t, "vesting")
		p.Holders.Team.SellProbability = constDist(rapid.Float64Range(0, 1).Draw(t, "sell probability"))
		p.Holders.Team.PresellShare = rapid.Float64Range(0, 1).Draw(t, "presell share")
		p.Holders.Team.PresellDays = rapid.IntRange(0, 20).Draw(t, "presell days")
		p.Market.TradingRounds = rapid.IntRange(1, 4).Draw(t, "rounds")
		p.Market.ArbSpeed = rapid.Float64Range(0, 1).Draw(t, "arb speed")
		p.Treasury.MonthlyBudgetUSD = rapid.Float64Range(0, 1e6).Draw(t, "treasury budget")
		seed := rapid.Uint64().Draw(t, "seed")
		var fast, general World
		general.generalPassOnly = true
		for _, w := range []*World{&fast, &general} {
			if err := w.Reset(&p, rand.New(rand.NewPCG(seed, 7))); err != nil {
				t.Skip(err)
			}
		}
		if !fast.plainStaking {
			t.Fatal("the design should use plain staking")
		}
		a, b := make([]float64, numSeries), make([]float64, numSeries)
		for day := 1; day <= 120; day++ {
			fast.Step()
			general.Step()
			fast.record(a)
			general.record(b)
			for j := range a {
				if math.Float64bits(a[j]) != math.Float64bits(b[j]) {
					t.Fatalf("day %d, series %d: fast path %v, general pass %v", day, j, a[j], b[j])
				}
			}
		}
	})
}
