package agents

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/seqsim/seqsim/agents/protocol"
	"pgregory.net/rapid"
)

// Tokens and dollars balance every day of every run over random designs:
// staking, emission (every kind), the fee split, the market, both
// budgets, the valuation, the network (drawNetwork: slashing, jails,
// removals, exits, entries, auctions, fraud, the verifier population),
// governance (drawGovernance: drains, stake capture, the attacker's
// trading) and liquidity mining. The checks are the model's own
// (checkConservation panics on the day a token or a dollar goes astray;
// the recount checks every agent at the end); this property test makes
// them run over the design space, and TestUSDLeakFails shows that a leak
// does not pass them. Every built-in outcome is finite, or empty where it
// may be.
func TestConservationOverRandomDesigns(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		p := DefaultParams()
		drawDesign(t, &p, 500)
		oc, _ := OutcomeColumns(&p)
		sc, _ := SeriesColumns(&p)
		sim := NewSim(func(int) *Params { return &p })
		seed := rapid.Uint64().Draw(t, "seed")
		sum := make([]float64, len(oc))
		if err := sim.Run(0, 0, rand.New(rand.NewPCG(seed, 1)), sum, make([]float64, Steps(&p)*len(sc))); err != nil {
			t.Skip(err) // a design the model refuses at reset (e.g. a pool larger than the treasury)
		}
		if g := sim.world.usd.gross; !(g > 0) {
			t.Fatalf("no dollar moved in %d days", p.Simulation.HorizonDays)
		}
		for i, m := range core().outcomes {
			if v := sum[i]; math.IsInf(v, 0) || (math.IsNaN(v) && !m.MayBeEmpty) {
				t.Fatalf("%s = %v", m.Name, v)
			}
		}
	})
}

// drawDesign draws a random design over p (the defaults): a horizon up to
// maxHorizon days, staking and its APR model, emission (every kind), the
// fee split and revenue, the market and the valuation, both budgets, the
// allocations' agents and cliffs, the network (drawNetwork), governance
// (drawGovernance) and liquidity mining. The property tests of
// conservation and of reset draw their designs here.
func drawDesign(t *rapid.T, p *Params, maxHorizon int) {
	p.Simulation.HorizonDays = rapid.IntRange(30, maxHorizon).Draw(t, "horizon")
	p.Staking.CooldownDays = rapid.IntRange(0, 30).Draw(t, "cooldown")
	p.Staking.ReviewDays = rapid.IntRange(1, 14).Draw(t, "review")
	p.Staking.Positions = rapid.IntRange(1, 16).Draw(t, "positions")
	if rapid.Bool().Draw(t, "budget apr") {
		p.Staking.APRModel = APRBudget
		p.Staking.APRBudgetTokensPerYear = rapid.Float64Range(1e3, 1e9).Draw(t, "budget tokens")
		p.Staking.APRFloorStakeTokens = rapid.Float64Range(1, 1e8).Draw(t, "floor")
	}
	p.Emission.Kind = rapid.SampledFrom([]protocol.EmissionKind{protocol.EmissionNone, protocol.EmissionConstant, protocol.EmissionDecay,
		protocol.EmissionHalving, protocol.EmissionStarknet, protocol.EmissionEspresso, protocol.EmissionEthereum}).Draw(t, "emission")
	p.Emission.AnnualRate = rapid.Float64Range(0, 0.2).Draw(t, "rate")
	p.Emission.CapTokens = p.Supply.InitialTokens * rapid.Float64Range(1.01, 2).Draw(t, "cap")
	p.Emission.HalvingDays = rapid.IntRange(30, 400).Draw(t, "halving")
	s := rapid.Float64Range(0, 1).Draw(t, "stakers")
	tr := rapid.Float64Range(0, 1-s).Draw(t, "treasury")
	p.Fees.Split = []float64{s, tr, 1 - s - tr}
	p.Fees.AnnualRevenueUSD = rapid.Float64Range(0, 3e8).Draw(t, "revenue")
	p.Market.TradingRounds = rapid.IntRange(1, 12).Draw(t, "rounds")
	p.Market.ArbSpeed = rapid.Float64Range(0, 1).Draw(t, "arb")
	p.Market.RequiredReturn = rapid.Float64Range(0.05, 1).Draw(t, "required return")
	p.Market.CashFlowGrowth = rapid.Float64Range(-0.2, p.Market.RequiredReturn-0.01).Draw(t, "growth")
	p.Market.OutsideCapitalUSDPerDay = rapid.Float64Range(0, 1e8).Draw(t, "outside capital")
	p.Treasury.MonthlyBudgetUSD = rapid.SampledFrom([]float64{0, 1e-300, 1, 1e6, 2e7, 5e7}).Draw(t, "budget")
	p.Treasury.MonthlyBudgetTokens = rapid.Float64Range(0, 5e7).Draw(t, "token budget")
	for i := range p.Allocations {
		p.Allocations[i].Agents = rapid.IntRange(1, 30).Draw(t, "agents")
		p.Allocations[i].CliffDays = min(p.Allocations[i].CliffDays, p.Simulation.HorizonDays)
	}
	drawNetwork(t, p)
	drawGovernance(t, p)
	drawLiquidityMining(t, p, maxHorizon) // a mechanism's state must reset too
}
