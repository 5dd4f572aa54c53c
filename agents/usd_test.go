package agents

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
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
	w.phases[SlotTrade] = append(w.phases[SlotTrade], func(int) { w.tr.usd++ })
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
		fees += w.dem.feeUSD
		staker += w.dem.stakerUSD
		if w.dem.paidToday == 0 {
			idle += w.dem.stakerUSD
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
