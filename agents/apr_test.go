package agents

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/seqsim/seqsim/agents/protocol"
)

// mean_staking_apr is what was paid to stake over the value staked. With
// no fees, no holder staking, and operators whose self-stake S never
// changes (no offences, no costs, no entries, no governance, no attacker),
// Starknet's minting pays M = N·C·sqrt(S/N)/100 tokens a year to S, so
// the yield is C/100·sqrt(N/S) whatever the price: 1.6% × sqrt(10B/1.5M) =
// 130.6% a year for ten operators of 150,000 tokens each. The supply N
// grows by the minting (under 0.01% in 100 days), hence the tolerance.
func TestMeanStakingAPRIsWhatIsPaid(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	p.Simulation.HorizonDays = 100
	p.Fees.AnnualRevenueUSD = 0
	for _, k := range p.Holders.Keys() {
		b, _ := p.Holders.Get(k)
		b.ReservationYield = constDist(1e6) // nobody delegates
		p.Holders = p.Holders.With(k, b)
	}
	p.Sequencers.SelfStake = constDist(150_000)
	p.Sequencers.OperatingCostUSD = constDist(0)
	p.Sequencers.MaxOperators = p.Sequencers.Operators
	for _, o := range []*Offence{&p.Slashing.Liveness, &p.Slashing.DoubleSign, &p.Slashing.Withholding} {
		o.RatePerYear = constDist(0)
	}
	p.Fraud.Gain = 0
	p.Governance.ProposalsPerYear = 0
	p.Attacker.Enabled = false
	var w World
	if err := w.Reset(&p, rand.New(rand.NewPCG(5, 6))); err != nil {
		t.Fatal(err)
	}
	self0 := w.seq.ops.totSelf
	for range p.Simulation.HorizonDays {
		w.Step()
	}
	if w.seq.ops.totSelf != self0 || w.totStaked != 0 {
		t.Fatalf("self-stake %d → %d, delegations %d: the set-up is not at rest", self0, w.seq.ops.totSelf, w.totStaked)
	}
	got := w.dem.paidTotal * 365 / w.dem.stakeTotal
	want := p.Emission.StarknetC / 100 * math.Sqrt(p.Supply.InitialTokens/protocol.Tokens(self0))
	if math.Abs(got-want) > 2e-4*want || math.Abs(want-1.306) > 1e-3 {
		t.Fatalf("mean staking APR %v, want C/100·sqrt(N/S) = %v", got, want)
	}
}

// The treasury's executable value is what selling all its tokens into the
// last day's pool pays, Y·g·T/(X + g·T) for T tokens into reserves (X, Y)
// with g = 1 − fee, plus its USD; marked at the margin it is T·Y/X plus
// its USD, always more. Its runway is protocol.RunwayAtDepth's on the
// same state and the budgets as governance left them (its worked
// examples: agents/protocol/treasury_test.go).
func TestTreasuryValuations(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	p.Simulation.HorizonDays = 200
	sim := NewSim(func(int) *Params { return &p })
	sum, series := make([]float64, numOutcomes()), make([]float64, Steps(&p)*numSeries())
	if err := sim.Run(0, 0, rand.New(rand.NewPCG(8, 1)), sum, series); err != nil {
		t.Fatal(err)
	}
	w := &sim.world
	x, y, g := protocol.Tokens(w.mk.pool.Tokens), w.mk.pool.USD, 1-w.mk.pool.FeeFrac
	tt := protocol.Tokens(w.tr.tokens)
	if !(tt > 1e8) {
		t.Fatalf("treasury holds %v tokens: not a test of selling", tt)
	}
	exec, marked := sum[w.col.oFinalTreasuryExecutable], sum[w.col.oFinalTreasuryUSD]
	if want := w.tr.usd + y*g*tt/(x+g*tt); math.Abs(exec-want) > 1e-9*want {
		t.Fatalf("executable %v, want %v", exec, want)
	}
	if want := w.tr.usd + tt*y/x; math.Abs(marked-want) > 1e-9*want || !(marked > exec) {
		t.Fatalf("marked %v, want %v (above the executable %v)", marked, want, exec)
	}
	// at the budgets governance left (the final_monthly_budget_* outcomes)
	ub, tb := sum[w.col.oFinalBudgetUSD], sum[w.col.oFinalBudgetTokens]
	days, _ := protocol.RunwayAtDepth(w.tr.usd, w.tr.tokens, w.mk.pool, ub*12/365,
		w.dem.feeUSD*w.dem.split.Treasury, protocol.ToMicro(tb*12/365), runwayCapDays)
	if got := sum[w.col.oTreasuryRunway]; got != float64(days) {
		t.Fatalf("runway %v, want %d", got, days)
	}
}

// The runway is priced on the last day's pool itself, not on the copy the
// executable value sold the treasury's tokens into: with budgets that run
// the treasury down within the cap, it is protocol.RunwayAtDepth's on the
// pool the run ended with.
func TestTreasuryRunwayOnLastPool(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	p.Simulation.HorizonDays = 200
	p.Treasury.MonthlyBudgetUSD, p.Treasury.MonthlyBudgetTokens = 2e7, 5e6
	sim := NewSim(func(int) *Params { return &p })
	sum, series := make([]float64, numOutcomes()), make([]float64, Steps(&p)*numSeries())
	if err := sim.Run(0, 0, rand.New(rand.NewPCG(8, 1)), sum, series); err != nil {
		t.Fatal(err)
	}
	w := &sim.world
	ub, tb := sum[w.col.oFinalBudgetUSD], sum[w.col.oFinalBudgetTokens]
	days, _ := protocol.RunwayAtDepth(w.tr.usd, w.tr.tokens, w.mk.pool, ub*12/365,
		w.dem.feeUSD*w.dem.split.Treasury, protocol.ToMicro(tb*12/365), runwayCapDays)
	if days <= 0 || days >= runwayCapDays {
		t.Fatalf("runway %d days: not a test of the pool it is priced on", days)
	}
	if got := sum[w.col.oTreasuryRunway]; got != float64(days) {
		t.Fatalf("runway %v, want %d", got, days)
	}
}
