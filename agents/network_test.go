package agents

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/seqsim/seqsim/agents/protocol"
)

// newWorld resets a world for p at day 0.
func newWorld(t *testing.T, p *Params) *World {
	t.Helper()
	var w World
	if err := w.Reset(p, rand.New(rand.NewPCG(3, 4))); err != nil {
		t.Fatal(err)
	}
	return &w
}

// richest returns the n holders with the most liquid tokens, richest first.
func richest(w *World, n int) []int {
	var out []int
	for len(out) < n {
		best := -1
		for i := range w.h.len() {
			taken := false
			for _, j := range out {
				taken = taken || j == i
			}
			if !taken && (best < 0 || w.h.liquid[i] > w.h.liquid[best]) {
				best = i
			}
		}
		out = append(out, best)
	}
	return out
}

// TestSlashWorkedExample slashes one operator at 2% (liveness) and then at
// 100% (an invalid root) with the split [burn 0.5, treasury 0.3, challenger
// 0.2], checking every amount in micro-tokens. The operator has 100,000
// tokens of self-stake; holder A delegates 333,333.333333 tokens to it and
// holder B has 50,000 tokens in cooldown from it (still slashable).
func TestSlashWorkedExample(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	p.Sequencers.Operators, p.Sequencers.MaxOperators = 1, 1
	p.Slashing.Split = []float64{0.5, 0.3, 0.2}
	p.Slashing.SlashDelegators = true
	w := newWorld(t, &p)
	o := &w.seq.ops
	h := &w.h

	// Set the balances by moving tokens between places, so conservation holds.
	self := protocol.ToMicro(100_000)
	w.tr.tokens -= self - o.self[0]
	o.totSelf += self - o.self[0]
	o.self[0] = self
	ab := richest(w, 2)
	a, b := ab[0], ab[1]
	const stakeA, unbondB = int64(333_333_333_333), int64(50_000_000_000)
	h.liquid[a] -= stakeA
	pa, pb := a*h.npos, b*h.npos // the agents' first positions
	h.staked[a], h.posStaked[pa], h.op[pa], h.rewardSnap[pa] = stakeA, stakeA, 0, o.index[0].Acc
	o.deleg[0] += stakeA
	h.liquid[b] -= unbondB
	h.unbonding[b], h.posUnbond[pb], h.unbondOp[pb], h.unbondEnd[pb] = unbondB, unbondB, 0, int32(p.Staking.CooldownDays)
	w.totLiquid -= stakeA + unbondB
	w.totStaked += stakeA
	w.totUnbonding += unbondB
	w.checkConservation()
	w.recount()

	type snap struct{ burned, treasury, challenger int64 }
	take := func() snap { return snap{w.burned, w.tr.tokens, w.challengerTokens} }

	// Liveness, 2%: self 100,000 * 0.02 = 2,000 tokens; A floor(333,333,333,333
	// * 0.02) = 6,666,666,666 micro; B 50,000 * 0.02 = 1,000 tokens.
	// Total 9,666,666,666. Treasury floor(0.3 * total) = 2,899,999,999,
	// challenger floor(0.2 * total) = 1,933,333,333, burn the rest
	// 4,833,333,334.
	before := take()
	total, chal := w.slash(0, 0.02, 1, false)
	after := take()
	checkEq(t, "liveness total", total, 9_666_666_666)
	checkEq(t, "liveness challenger (returned)", chal, 1_933_333_333)
	checkEq(t, "liveness burn", after.burned-before.burned, 4_833_333_334)
	checkEq(t, "liveness treasury", after.treasury-before.treasury, 2_899_999_999)
	checkEq(t, "liveness challenger", after.challenger-before.challenger, 1_933_333_333)
	checkEq(t, "self after liveness", o.self[0], 98_000_000_000)
	checkEq(t, "A after liveness", h.staked[a], 326_666_666_667)
	checkEq(t, "B after liveness", h.unbonding[b], 49_000_000_000)
	if int(o.jailUntil[0]) != w.day+1 || o.status[0] != opBonded {
		t.Errorf("after a liveness slash: jailed until %d (day %d), status %d", o.jailUntil[0], w.day, o.status[0])
	}
	w.checkConservation()
	w.recount()

	// Invalid root, 100%: everything left, 98e9 + 326,666,666,667 + 49e9 =
	// 473,666,666,667. Treasury floor(0.3x) = 142,100,000,000, challenger
	// floor(0.2x) = 94,733,333,333, burn 236,833,333,334.
	before = take()
	total, chal = w.slash(0, 1, 0, true)
	after = take()
	checkEq(t, "fraud total", total, 473_666_666_667)
	checkEq(t, "fraud challenger (returned)", chal, 94_733_333_333)
	checkEq(t, "fraud burn", after.burned-before.burned, 236_833_333_334)
	checkEq(t, "fraud treasury", after.treasury-before.treasury, 142_100_000_000)
	checkEq(t, "fraud challenger", after.challenger-before.challenger, 94_733_333_333)
	checkEq(t, "self after fraud", o.self[0]+o.unbond[0], 0)
	checkEq(t, "A after fraud", h.staked[a], 0)
	checkEq(t, "B after fraud", h.unbonding[b], 0)
	checkEq(t, "total slashed", w.seq.tot.slashed, 9_666_666_666+473_666_666_667)
	if o.status[0] != opRemoved || h.op[pa] != -1 || h.unbondOp[pb] != -1 {
		t.Errorf("after a 100%% slash with removal: status %d, A's operator %d, B's %d", o.status[0], h.op[pa], h.unbondOp[pb])
	}
	w.checkConservation()
	w.recount()
}

func checkEq(t *testing.T, what string, got, want int64) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %d micro-tokens, want %d", what, got, want)
	}
}

// TestSlashDuringCooldown unbonds a delegator through the normal path,
// slashes its operator during the cooldown and checks that the delegator
// gets back exactly the slashed remainder when the cooldown ends; without
// slash_delegators its tokens are untouched.
func TestSlashDuringCooldown(t *testing.T) {
	t.Parallel()
	for _, slashDelegators := range []bool{true, false} {
		p := DefaultParams()
		p.Slashing.SlashDelegators = slashDelegators
		p.Staking.CooldownDays = 10
		p.Staking.ReviewDays = 1000 // no reviews: nobody moves on its own
		p.Staking.Positions = 1     // the agent's stake and unbonding are its one position's
		w := newWorld(t, &p)
		i := richest(w, 1)[0]
		// Stake with some operator k through review, then unbond.
		w.aprSignal = 10
		w.reviewNow(i, false)
		k := int(w.h.op[i])
		if k < 0 {
			t.Fatal("the agent did not stake")
		}
		w.unstakeNow(i)
		u := w.h.unbonding[i]
		if u == 0 || int(w.h.unbondOp[i]) != k {
			t.Fatalf("unbonding %d from operator %d, want > 0 from %d", u, w.h.unbondOp[i], k)
		}
		liquid := w.h.liquid[i]
		for range 5 {
			w.Step()
		}
		w.slash(k, 0.1, 0, false)
		want := u
		if slashDelegators {
			want = u - protocol.FracOf(u, 0.1)
		}
		if w.h.unbonding[i] != want {
			t.Errorf("slash_delegators=%v: unbonding %d after a 10%% slash, want %d", slashDelegators, w.h.unbonding[i], want)
		}
		for range 5 {
			w.Step()
		}
		if w.h.unbonding[i] != 0 || w.h.unbondOp[i] != -1 {
			t.Errorf("cooldown did not end: unbonding %d from %d", w.h.unbonding[i], w.h.unbondOp[i])
		}
		// The agent may have sold some liquid tokens meanwhile; it cannot
		// have received more than its unbonded tokens plus its rewards.
		if got := w.h.liquid[i] - liquid; got > want+protocol.ToMicro(1e6) {
			t.Errorf("liquid grew by %d, more than the %d released", got, want)
		}
		w.recount()
	}
}

// TestRewardsThroughCommission follows one day's emission through an
// operator: it keeps its commission, and its delegator's claim plus the
// self-stake's claim plus the dust left in the reward pool add up to the
// operator's share exactly.
func TestRewardsThroughCommission(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	p.Sequencers.Operators, p.Sequencers.MaxOperators = 1, 1
	p.Sequencers.Commission = constDist(0.1)
	p.Staking.Positions = 1 // the agent's whole stake with the one operator, settled by settle(i)
	w := newWorld(t, &p)
	i := richest(w, 1)[0]
	w.aprSignal = 10
	w.reviewNow(i, false)
	pool0 := w.rewardPool
	w.sch.mintedToday = protocol.ToMicro(1_000_000)
	w.sch.emitStakers = w.sch.mintedToday
	w.rewardPool += w.sch.mintedToday
	w.minted += w.sch.mintedToday
	w.seq.net.nBatches = 24
	w.seq.ops.batches[0] = 24
	liq0 := w.seq.ops.liquid[0]
	w.distributeRewards(0)
	com := w.seq.ops.liquid[0] - liq0
	checkEq(t, "commission", com, protocol.ToMicro(100_000)) // 10% of 1M tokens
	before := w.h.liquid[i]
	w.settleNow(i)
	w.seq.at(w.day).settleOperator(0)
	paid := (w.h.liquid[i] - before) + (w.seq.ops.liquid[0] - liq0 - com)
	dust := w.rewardPool - pool0
	checkEq(t, "delegator + self + dust", paid+dust, protocol.ToMicro(900_000))
	if dust < 0 || dust > 2 {
		t.Errorf("rounding dust %d micro-tokens, want 0-2", dust)
	}
	w.checkConservation()
	w.recount()
}

// TestDelegatorsLeaveRemovedOperator removes the largest operator and
// checks that its delegators unbond at their next review (or, for one
// already unbonding other tokens, at the first review after that cooldown),
// so its stake drains within two review periods and a cooldown.
func TestDelegatorsLeaveRemovedOperator(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	p.Simulation.HorizonDays = 200
	p.Slashing.Liveness.RatePerYear = constDist(0)
	p.Slashing.DoubleSign.RatePerYear = constDist(0)
	p.Slashing.Withholding.RatePerYear = constDist(0)
	p.Fraud.Gain = 0
	w := newWorld(t, &p)
	for range 60 {
		w.Step()
	}
	k := w.seq.net.act[0]
	if w.seq.ops.deleg[k] == 0 {
		t.Fatal("the largest operator has no delegations")
	}
	d0 := w.seq.ops.deleg[k]
	w.seq.at(w.day).leave(k, opRemoved)
	for range p.Staking.ReviewDays {
		w.Step()
	}
	if d := w.seq.ops.deleg[k]; d >= d0 {
		t.Errorf("no delegator left a removed operator within a review period (%d micro-tokens before, %d after)", d0, d)
	}
	for range p.Staking.ReviewDays + p.Staking.CooldownDays {
		w.Step()
	}
	if d := w.seq.ops.deleg[k]; d != 0 {
		t.Errorf("%d micro-tokens still delegated to a removed operator after two review periods and a cooldown", d)
	}
	w.recount()
}

// TestAuctionGivesTheDayToTheHighestBidder runs the auction mode: the
// operator with the highest bid posts every batch and pays the
// second-highest bid to the treasury (Vickrey).
func TestAuctionGivesTheDayToTheHighestBidder(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	p.Sequencers.Mode = ModeAuction
	w := newWorld(t, &p)
	for range 30 {
		w.Step()
		usd := w.tr.usd
		w.seq.at(w.day).assignBatches() // replay today's auction
		if len(w.seq.net.online) < 2 {
			continue
		}
		winner := int(w.seq.net.batchOp[0])
		for _, k := range w.seq.net.batchOp[:w.seq.net.nBatches] {
			if int(k) != winner {
				t.Fatalf("day %d: batches split between %d and %d", w.day, winner, k)
			}
		}
		second := 0.0
		for _, k := range w.seq.net.online {
			if k != winner {
				second = max(second, w.seq.ops.edge[k]*w.dem.feeUSD)
			}
			if w.seq.ops.edge[k] > w.seq.ops.edge[winner] {
				t.Fatalf("day %d: operator %d bid more than the winner %d", w.day, k, winner)
			}
		}
		if got := w.tr.usd - usd; math.Abs(got-second) > 1e-6*second {
			t.Fatalf("day %d: the treasury received %v, want the second bid %v", w.day, got, second)
		}
	}
}

// TestConcentrationMetrics checks the series of the active set against a
// direct computation on one day.
func TestConcentrationMetrics(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	w := newWorld(t, &p)
	for range 40 {
		w.Step()
	}
	row := make([]float64, numSeries())
	w.record(row)
	var total, top int64
	for _, s := range w.seq.net.actStake {
		total += s
	}
	want := 0
	for want < len(w.seq.net.actStake) && 3*top <= total {
		top += w.seq.net.actStake[want]
		want++
	}
	if int(row[int(core().cols.sNakamoto)]) != want || row[int(core().cols.sActiveSequencers)] != float64(len(w.seq.net.act)) {
		t.Errorf("nakamoto %v active %v, want %d and %d", row[int(core().cols.sNakamoto)], row[int(core().cols.sActiveSequencers)], want, len(w.seq.net.act))
	}
	if h := row[int(core().cols.sHHIStake)]; !(h >= 1/float64(len(w.seq.net.act))-1e-12 && h <= 1) {
		t.Errorf("HHI %v outside [1/n, 1]", h)
	}
}

// reviewNow, unstakeNow and settleNow call review, unstake and settle
// with the operators' columns taken now, as a holder pass does.
func (w *World) reviewNow(i int, presell bool) {
	o := w.operatorColumns()
	w.review(i, presell, &o)
}

func (w *World) unstakeNow(p int) {
	o := w.operatorColumns()
	w.unstake(p, &o)
}

func (w *World) settleNow(p int) {
	o := w.operatorColumns()
	w.settle(p, &o)
}

func (w *World) operatorInterestNow(pr *proposal, k int) float64 {
	o := w.operatorColumns()
	return w.operatorInterest(pr, k, &o)
}
