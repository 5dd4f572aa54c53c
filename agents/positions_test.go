package agents

import (
	"math/rand/v2"
	"testing"

	"github.com/seqsim/seqsim/agents/protocol"
)

// positionsWorld is a world of launch operators with the given commissions
// and clean records, its active set chosen, whose holder agents hold npos
// delegation positions each; it returns the richest agent too, with its
// reservation yield set to 0 so that any positive APR signal makes it stake.
func positionsWorld(t *testing.T, npos int, commissions []float64) (*World, int) {
	t.Helper()
	p := DefaultParams()
	p.Sequencers.Operators, p.Sequencers.MaxOperators, p.Sequencers.MaxActive = len(commissions), len(commissions), len(commissions)
	p.Staking.Positions = npos
	w := newWorld(t, &p)
	for k, c := range commissions {
		w.seq.ops.commission[k], w.seq.ops.record[k] = c, 0
	}
	w.seq.at(w.day).selectActive()
	i := richest(w, 1)[0]
	w.h.resYield[i] = 0
	w.aprSignal = 1
	return w, i
}

// setLiquid sets agent i's liquid tokens to l, moving the difference to or
// from the treasury so that tokens stay conserved.
func setLiquid(w *World, i int, l int64) {
	d := w.h.liquid[i] - l
	w.h.liquid[i] = l
	w.totLiquid -= d
	w.tr.tokens += d
}

// stakePosition moves s of agent i's liquid tokens into its position j,
// delegated to operator k, as review does.
func stakePosition(w *World, i, j, k int, s int64) {
	h := &w.h
	p := i*h.npos + j
	h.op[p], h.rewardSnap[p] = int16(k), w.seq.ops.index[k].Acc
	h.posStaked[p] += s
	h.staked[i] += s
	h.liquid[i] -= s
	w.seq.ops.deleg[k] += s
	w.totStaked += s
	w.totLiquid -= s
}

// TestSplitStakeWorkedExample: an agent of 4 positions holding 10 tokens
// and 3 micro-tokens, none of them staked, stakes on its review day. Each
// position gets floor(10,000,003 / 4) = 2,500,000 micro-tokens and the first
// the remainder 3 too (2,500,003). Each position is empty, so each draws its
// operator: four uniforms of the market stream, in position order, read
// against the cumulative logit weights of three operators alike (1, 2, 3:
// operator act[floor(3u)]), so that the positions of one agent land on
// different operators (this seed's draws do: the test checks it). Nothing
// else
// draws: the stream is exactly four draws ahead afterwards.
func TestSplitStakeWorkedExample(t *testing.T) {
	t.Parallel()
	w, i := positionsWorld(t, 4, []float64{0.10, 0.10, 0.10})
	h, o := &w.h, &w.seq.ops
	setLiquid(w, i, protocol.ToMicro(10)+3)
	deleg0 := append([]int64(nil), o.deleg[:o.n]...)

	// Equal scores: weights 1, 1, 1 whatever the order.
	cum := []float64{1, 2, 3}
	for j, c := range cum {
		if got := w.seq.net.choiceCum[j]; got != c {
			t.Fatalf("cumulative weight %d = %v, want %v", j, got, c)
		}
	}
	pcg := w.streams.marketPCG // a copy: the draws review will take
	r := rand.New(&pcg)
	var want [4]int
	for j := range want {
		u := r.Float64() * 3
		want[j] = w.seq.net.act[2]
		for a := range cum {
			if u < cum[a] {
				want[j] = w.seq.net.act[a]
				break
			}
		}
	}

	if want[0] == want[1] && want[1] == want[2] && want[2] == want[3] {
		t.Fatalf("the four draws all pick operator %d: the example shows nothing; pick another seed", want[0])
	}
	w.reviewNow(i, false)
	shares := [4]int64{2_500_003, 2_500_000, 2_500_000, 2_500_000}
	wantDeleg := append([]int64(nil), deleg0...)
	for j, s := range shares {
		p := i*4 + j
		if int(h.op[p]) != want[j] || h.posStaked[p] != s || h.rewardSnap[p] != o.index[want[j]].Acc {
			t.Errorf("position %d: operator %d, stake %d, want operator %d, stake %d", j, h.op[p], h.posStaked[p], want[j], s)
		}
		wantDeleg[want[j]] += s
	}
	checkEq(t, "agent's stake", h.staked[i], 10_000_003)
	checkEq(t, "agent's liquid", h.liquid[i], 0)
	for k := range wantDeleg {
		checkEq(t, "operator's delegations", o.deleg[k], wantDeleg[k])
	}
	if got, next := w.streams.market.Uint64(), r.Uint64(); got != next {
		t.Errorf("the market stream is not exactly four draws ahead: next %d, want %d", got, next)
	}
	w.checkConservation()
	w.recount()
}

// TestPositionsLeaveIndependently: an agent's positions 0 and 2 are with
// operator 0, positions 1 and 3 with operator 1. Operator 0 exits: on the
// agent's review only positions 0 and 2 unbond (their stake, remembering
// operator 0, until the cooldown ends); positions 1 and 3 stay and take
// their shares of the agent's liquid tokens (a quarter each); the shares of
// the leaving positions, the remainder included, stay liquid. When the
// cooldown ends the unbonded tokens are liquid.
func TestPositionsLeaveIndependently(t *testing.T) {
	t.Parallel()
	w, i := positionsWorld(t, 4, []float64{0.10, 0.10})
	h, o := &w.h, &w.seq.ops
	setLiquid(w, i, protocol.ToMicro(20_000)+7)
	stakes := [4]int64{1_000_000_001, 2_000_000_002, 3_000_000_003, 4_000_000_004}
	ops := [4]int{0, 1, 0, 1}
	for j, s := range stakes {
		stakePosition(w, i, j, ops[j], s)
	}
	liquid := h.liquid[i]
	checkEq(t, "liquid left", liquid, 9_999_999_997) // shares of 2,499,999,999, remainder 1
	w.seq.at(w.day).leave(0, opExited)
	w.seq.at(w.day).selectActive()

	share := liquid / 4
	w.reviewNow(i, false)
	cd := w.p.Staking.CooldownDays
	for _, j := range []int{0, 2} {
		p := i*4 + j
		if h.op[p] != -1 || h.posStaked[p] != 0 || h.posUnbond[p] != stakes[j] || h.unbondOp[p] != 0 || int(h.unbondEnd[p]) != w.day+cd {
			t.Errorf("position %d: operator %d, stake %d, unbonding %d from %d until %d; want unbonding %d from 0 until %d",
				j, h.op[p], h.posStaked[p], h.posUnbond[p], h.unbondOp[p], h.unbondEnd[p], stakes[j], w.day+cd)
		}
	}
	for _, j := range []int{1, 3} {
		p := i*4 + j
		if h.op[p] != 1 || h.posStaked[p] != stakes[j]+share || h.posUnbond[p] != 0 {
			t.Errorf("position %d: operator %d, stake %d, unbonding %d; want operator 1, stake %d",
				j, h.op[p], h.posStaked[p], h.posUnbond[p], stakes[j]+share)
		}
	}
	checkEq(t, "agent's liquid", h.liquid[i], liquid-2*share)
	checkEq(t, "agent's stake", h.staked[i], stakes[1]+stakes[3]+2*share)
	checkEq(t, "agent's unbonding", h.unbonding[i], stakes[0]+stakes[2])
	checkEq(t, "operator 0's delegations", o.deleg[0], 0)
	checkEq(t, "operator 1's delegations", o.deleg[1], stakes[1]+stakes[3]+2*share)
	w.checkConservation()
	w.recount()

	w.day += cd
	w.completeUnbonding()
	checkEq(t, "liquid after the cooldown", h.liquid[i], liquid-2*share+stakes[0]+stakes[2])
	checkEq(t, "unbonding after the cooldown", h.unbonding[i], 0)
	w.checkConservation()
	w.recount()
}

// TestSlashHitsOnlyItsPositions: an agent's position 0 is staked with
// operator 0 and position 1 with operator 1; position 2 is unbonding from
// operator 0 and position 3 from operator 1. A 10% slash of operator 0
// takes floor(10%) of positions 0 and 2 only: 1,000,000,007 micro-tokens
// lose 100,000,000 and 3,000,000,009 lose 300,000,000; positions 1 and 3
// keep everything.
func TestSlashHitsOnlyItsPositions(t *testing.T) {
	t.Parallel()
	w, i := positionsWorld(t, 4, []float64{0.10, 0.10})
	h := &w.h
	w.p.Slashing.SlashDelegators = true
	setLiquid(w, i, protocol.ToMicro(20_000))
	stakePosition(w, i, 0, 0, 1_000_000_007)
	stakePosition(w, i, 1, 1, 2_000_000_008)
	stakePosition(w, i, 2, 0, 3_000_000_009)
	stakePosition(w, i, 3, 1, 4_000_000_010)
	w.unstakeNow(i*4 + 2)
	w.unstakeNow(i*4 + 3)
	self := w.seq.ops.self[0]
	before := [4]int64{h.posStaked[i*4], h.posStaked[i*4+1], h.posUnbond[i*4+2], h.posUnbond[i*4+3]}
	checkEq(t, "position 2's unbonding before", before[2], 3_000_000_009)

	total, _ := w.slash(0, 0.1, 0, false)
	checkEq(t, "position 0's stake", h.posStaked[i*4], 1_000_000_007-100_000_000)
	checkEq(t, "position 1's stake", h.posStaked[i*4+1], 2_000_000_008)
	checkEq(t, "position 2's unbonding", h.posUnbond[i*4+2], 3_000_000_009-300_000_000)
	checkEq(t, "position 3's unbonding", h.posUnbond[i*4+3], 4_000_000_010)
	checkEq(t, "agent's stake", h.staked[i], 900_000_007+2_000_000_008)
	checkEq(t, "agent's unbonding", h.unbonding[i], 2_700_000_009+4_000_000_010)
	// Other agents have no stake yet: the total is operator 0's self-stake
	// share and the agent's two positions.
	checkEq(t, "total slashed", total, protocol.FracOf(self, 0.1)+400_000_000)
	if h.op[i*4] != 0 || h.unbondOp[i*4+2] != 0 || h.op[i*4+1] != 1 || h.unbondOp[i*4+3] != 1 {
		t.Errorf("the positions' operators changed: %d %d %d %d", h.op[i*4], h.op[i*4+1], h.unbondOp[i*4+2], h.unbondOp[i*4+3])
	}
	w.checkConservation()
	w.recount()
}
