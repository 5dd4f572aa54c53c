package agents

import (
	"math"
	"math/rand/v2"
	"testing"
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
