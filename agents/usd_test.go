package agents

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/seqsim/seqsim/agents/protocol"
)

// A dollar created without a flow fails the day's check, naming USD.
func TestUSDLeakFails(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	p.Simulation.HorizonDays = 10
	var w World
	if err := w.Reset(&p, rand.New(rand.NewPCG(1, 2))); err != nil {
		t.Fatal(err)
	}
	w.Step() // balanced
	w.phases[SlotTrade] = append(w.phases[SlotTrade], func(int) { w.treasuryUSD++ })
	defer func() {
		msg, _ := recover().(string)
		if !strings.Contains(msg, "USD conservation broken on day 2") || !strings.Contains(msg, "treasury USD") || !strings.Contains(msg, "fee revenue") {
			t.Fatalf("recovered %q, want the USD check to fail on day 2", msg)
		}
	}()
	w.Step()
	t.Fatal("a leaked dollar passed the check")
}

// The fee revenue booked in the ledger is the day's net sequencer profit
// rounded down to the micro-dollar, every day; the stakers' share of it is
// paid out in full: commission to the operators, the rest to the stake, and
// on a day when no operator worked, to the treasury.
func TestUSDFlowsOfFees(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	p.Simulation.HorizonDays = 200
	// A passed proposal may change the fee split, and the test checks the
	// split of the configured one: no proposals.
	p.Governance.ProposalsPerYear = 0
	var w World
	if err := w.Reset(&p, rand.New(rand.NewPCG(3, 4))); err != nil {
		t.Fatal(err)
	}
	var fees, staker, idle float64
	for range p.Simulation.HorizonDays {
		w.Step()
		fees += w.feeUSD
		staker += w.stakerUSDToday
		if w.paidUSDToday == 0 {
			idle += w.stakerUSDToday
		}
	}
	got := w.usd.flows[flowFeeRevenue]
	if d := fees - got; d < 0 || d > float64(p.Simulation.HorizonDays)*1e-6+1e-6*fees*1e-9 {
		t.Fatalf("fee revenue booked %v, sum of the days' revenue %v", got, fees)
	}
	if want := p.Fees.Split[0] * fees; math.Abs(staker-want) > 1e-6*want {
		t.Fatalf("stakers' share %v, want %v of %v", staker, p.Fees.Split[0], fees)
	}
	paid, com := -w.usd.flows[flowStakers], -w.usd.flows[flowCommission]
	if math.Abs(paid+com+idle-staker) > 1e-6*staker || !(com > 0) || paid <= com {
		t.Fatalf("stakers' share %v booked as %v to the stake + %v commission + %v to the treasury", staker, paid, com, idle)
	}
}

// Tokens and dollars balance every day of every run over random designs:
// network, governance, staking, emission kind and liquidity mining drawn
// at random. The checks are the model's own (checkConservation panics on
// the day a token or a dollar goes astray; recount checks every agent at
// the end); this property test makes them run over the design space, and
// TestUSDLeakFails shows that a leak does not pass them.
func TestConservationOverRandomDesigns(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		p := DefaultParams()
		p.Simulation.HorizonDays = rapid.IntRange(30, 400).Draw(t, "horizon")
		p.Staking.CooldownDays = rapid.IntRange(0, 20).Draw(t, "cooldown")
		p.Emission.Kind = rapid.SampledFrom(emissionNames()).Draw(t, "emission")
		p.Treasury.MonthlyBudgetUSD = rapid.Float64Range(0, 2e7).Draw(t, "budget")
		p.Treasury.MonthlyBudgetTokens = rapid.Float64Range(0, 5e7).Draw(t, "token budget")
		p.Fees.AnnualRevenueUSD = rapid.Float64Range(0, 3e8).Draw(t, "revenue")
		p.Market.RequiredReturn = rapid.Float64Range(0.05, 1).Draw(t, "required return")
		p.Market.CashFlowGrowth = rapid.Float64Range(-0.2, p.Market.RequiredReturn-0.01).Draw(t, "growth")
		p.Market.OutsideCapitalUSDPerDay = rapid.Float64Range(0, 1e8).Draw(t, "outside capital")
		for i := range p.Allocations {
			p.Allocations[i].Agents = rapid.IntRange(1, 30).Draw(t, "agents")
			p.Allocations[i].CliffDays = min(p.Allocations[i].CliffDays, p.Simulation.HorizonDays)
		}
		drawNetwork(t, &p)
		drawGovernance(t, &p)
		drawLiquidityMining(t, &p, 400)
		oc, _ := OutcomeColumns(&p)
		sc, _ := SeriesColumns(&p)
		sim := NewSim(func(int) *Params { return &p })
		seed := rapid.Uint64().Draw(t, "seed")
		if err := sim.Run(0, 0, rand.New(rand.NewPCG(seed, 1)), make([]float64, len(oc)), make([]float64, Steps(&p)*len(sc))); err != nil {
			t.Skip(err) // a design the model refuses at reset (e.g. a pool larger than the treasury)
		}
		if g := sim.world.usd.gross; !(g > 0) {
			t.Fatalf("no dollar moved in %d days", p.Simulation.HorizonDays)
		}
	})
}

func emissionNames() []protocol.EmissionKind {
	return []protocol.EmissionKind{protocol.EmissionNone, protocol.EmissionConstant, protocol.EmissionDecay,
		protocol.EmissionStarknet, protocol.EmissionEspresso, protocol.EmissionEthereum}
}
