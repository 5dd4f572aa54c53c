package protocol

import (
	"math"
	"testing"
)

// TestCostToBuyFromPool checks the cost of taking dx tokens out of a
// constant-product pool with token reserve X and USD reserve Y: Y*dx/(X-dx)
// without fee, that divided by (1-f) with fee f on the input, and
// impossible (+Inf) when dx >= X. Worked values: X = Y = 1e6, dx = 250,000:
// 1e6*0.25e6/0.75e6 = 333,333.33; with f = 0.003, 333,333.33/0.997 =
// 334,336.34.
func TestCostToBuyFromPool(t *testing.T) {
	t.Parallel()
	p, _ := NewPool(ToMicro(1e6), 1e6, 0)
	cases := []struct {
		dx   float64
		want float64
	}{{250_000, 1e6 / 3}, {500_000, 1e6}, {900_000, 9e6}}
	for _, c := range cases {
		got, err := p.CostToBuy(ToMicro(c.dx))
		if err != nil || math.Abs(got-c.want) > 1e-6*c.want {
			t.Errorf("dx %.0f: cost %.4f (%v), want %.4f", c.dx, got, err, c.want)
		}
	}
	for _, dx := range []float64{1e6, 2e6} {
		if got, err := p.CostToBuy(ToMicro(dx)); !math.IsInf(got, 1) || err == nil {
			t.Errorf("dx %.0f >= X: cost %v, err %v; want +Inf and ErrPoolDrained", dx, got, err)
		}
	}
	pf, _ := NewPool(ToMicro(1e6), 1e6, 0.003)
	if got, _ := pf.CostToBuy(ToMicro(250_000)); math.Abs(got-334_336.34) > 0.01 {
		t.Errorf("with fee: %.2f, want 334336.34", got)
	}
	// Buying for the quoted cost yields the tokens (to rounding).
	q := pf
	c, _ := q.CostToBuy(ToMicro(250_000))
	if got := q.Buy(c); math.Abs(Tokens(got)-250_000) > 1e-3 {
		t.Errorf("Buy(CostToBuy(dx)) gave %.6f tokens, want 250000", Tokens(got))
	}
}

// TestVoteCaptureCost is the capture cost of a vote with no defence but the
// vote itself: votable supply V = 10M tokens, honest turnout t, all
// against, quorum q = 4%; the attacker buys the votes it needs from a pool
// with X = Y = 1e6, no fee.
//   - t = 2.5%: the quorum binds, 400,000 tokens: 1e6*0.4/0.6 = 666,666.67.
//   - t = 5%: 500,000 tokens plus one micro-token: 1e6*0.5/0.5 = 1e6 (+1e-6).
//   - t = 10%: 1,000,000 tokens plus one: more than the pool holds, +Inf.
func TestVoteCaptureCost(t *testing.T) {
	t.Parallel()
	pool, _ := NewPool(ToMicro(1e6), 1e6, 0)
	V := ToMicro(10e6)
	cases := []struct {
		turnout  float64
		votes    float64 // tokens
		cost     float64
		infinite bool
	}{
		{0.025, 400_000, 1e6 * 0.4 / 0.6, false},
		{0.05, 500_000.000001, 1e6, false},
		{0.10, 1_000_000.000001, 0, true},
	}
	for _, c := range cases {
		need := VotesToCapture(V, c.turnout, 0.04)
		if math.Abs(Tokens(need)-c.votes) > 1e-9 {
			t.Errorf("t=%v: votes %.6f, want %.6f", c.turnout, Tokens(need), c.votes)
		}
		cost, err := pool.CostToBuy(need)
		if c.infinite {
			if !math.IsInf(cost, 1) || err == nil {
				t.Errorf("t=%v: cost %v, want +Inf", c.turnout, cost)
			}
			continue
		}
		if math.Abs(cost-c.cost) > 1e-3 {
			t.Errorf("t=%v: cost %.4f, want %.4f", c.turnout, cost, c.cost)
		}
		// The bought votes pass the proposal against every honest vote.
		tally := Tally{For: need, Against: int64(c.turnout * float64(V)), Quorum: Governor{Quorum: 0.04}.QuorumVotes(V)}
		if !tally.Passed() {
			t.Errorf("t=%v: %d votes do not pass %+v", c.turnout, need, tally)
		}
		tally.For--
		if tally.Passed() {
			t.Errorf("t=%v: one micro-token fewer still passes", c.turnout)
		}
	}
	// Buying over days from a pool restored between days is cheaper, and
	// possible even beyond the pool's reserve: 2 slices of 500,000 cost
	// 2*1e6*0.5/0.5 = 2e6.
	if got := CostToBuyOverDays(pool, ToMicro(1e6), 2); math.Abs(got-2e6) > 1e-6 {
		t.Errorf("over 2 days: %v, want 2e6", got)
	}
	if got := CostToBuyOverDays(pool, ToMicro(1e6), 1); !math.IsInf(got, 1) {
		t.Errorf("over 1 day: %v, want +Inf", got)
	}
}

// TestFlashLoanCapture is Beanstalk's attack in miniature (calibration.md:
// a flash-loaned position gave the attacker most of the votes and the
// proposal executed in the same transaction): with no snapshot delay and
// a deep enough lending market, an attacker with only the fee passes a
// malicious proposal in one step; with a snapshot delay of a day the
// flash loan does not vote, a term loan needs collateral the attacker does
// not have, and the proposal is defeated.
func TestFlashLoanCapture(t *testing.T) {
	t.Parallel()
	market := LendingMarket{DepthTokens: ToMicro(1e9), RateAnnual: 0.05, FlashFee: 0.0005, CollateralRatio: 1.5}
	honest := Tally{For: ToMicro(1e6), Against: ToMicro(30e6), Quorum: ToMicro(20e6)}
	need := honest.VotesToPass()
	if need != ToMicro(29e6)+1 {
		t.Fatalf("votes to pass %d, want 29e6 tokens plus one micro-token", need)
	}
	const price = 1.0
	budget := 1.01 * market.FlashFee * Tokens(need) * price // just the fee: 14,500 USD and change
	for _, c := range []struct {
		delay int
		want  Outcome
	}{{0, Executed}, {1, Defeated}, {3, Defeated}} {
		g := Governor{SnapshotDelayDays: c.delay, VotingDays: 0, TimelockDays: 0, Quorum: 0.02}
		tally := honest
		loan, ok := market.Borrow(need, price, 1, g, budget)
		if ok {
			tally.For += need
		}
		if got := Resolve(tally, false); got != c.want {
			t.Errorf("delay %d: outcome %v (loan %+v ok %v), want %v", c.delay, got, loan, ok, c.want)
		}
		if c.delay == 0 {
			if !loan.Flash || math.Abs(loan.CostUSD-14_500) > 1e-3 {
				t.Errorf("flash loan %+v, want fee 0.05%% of 29M = 14,500", loan)
			}
			// One step: the vote, the timelock and execution fall on the
			// day of the proposal.
			if s := g.Schedule(10); s.Execute != 10 {
				t.Errorf("schedule %+v, want execution on day 10", s)
			}
		} else if loan.Flash || loan.CapitalUSD < 1.5*29e6 {
			t.Errorf("delay %d: loan %+v, want a collateralised term loan", c.delay, loan)
		}
	}
	// Not deep enough: no loan at any budget.
	shallow := market
	shallow.DepthTokens = need - 1
	if _, ok := shallow.Borrow(need, price, 1, Governor{}, math.Inf(1)); ok {
		t.Error("borrowed more than the market's depth")
	}
}

// TestCouncilVeto checks that a council veto stops a malicious proposal
// that passed the vote, and the veto probability of a 9-of-12 council
// (Arbitrum's Security Council). With each member signing with
// probability 0.9: P(Bin(12, 0.9) >= 9) = 0.2824295 + 0.3765727 +
// 0.2301278 + 0.0852325 = 0.9743625 (the four terms j = 12, 11, 10, 9).
func TestCouncilVeto(t *testing.T) {
	t.Parallel()
	passed := Tally{For: 100, Against: 10, Quorum: 50}
	if Resolve(passed, true) != Vetoed || Resolve(passed, false) != Executed {
		t.Error("a veto must stop a passed proposal, and only a veto")
	}
	if Resolve(Tally{For: 10, Against: 100, Quorum: 5}, false) != Defeated {
		t.Error("a failed vote must be defeated")
	}
	c := Council{Members: 12, Threshold: 9}
	if got := c.VetoProbability(0, 1, 1); got != 1 {
		t.Errorf("all members sign: %v, want 1", got)
	}
	if got := c.VetoProbability(0, 0.9, 1); math.Abs(got-0.9743625) > 1e-7 {
		t.Errorf("9 of 12 at 0.9: %.7f, want 0.9743625", got)
	}
	if got := c.VetoProbability(0, 0.9, 0.5); math.Abs(got-0.9743625/2) > 1e-7 {
		t.Errorf("half the authority left: %.7f, want half", got)
	}
	// Four compromised keys leave 8 honest members: no veto is possible.
	if got := c.VetoProbability(4, 1, 1); got != 0 {
		t.Errorf("8 honest of 9 needed: %v, want 0", got)
	}
	if c.Captured(8) || !c.Captured(9) || (Council{}).Captured(0) {
		t.Error("Captured: the threshold of compromised keys captures the council; no council, no capture")
	}
	if got := BinomialTail(5, 3, 0.5); math.Abs(got-0.5) > 1e-12 {
		t.Errorf("P(Bin(5, 0.5) >= 3) = %v, want 0.5 (symmetry)", got)
	}
}
