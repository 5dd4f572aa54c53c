package agents

// The World's side of the interfaces between the built-in parts
// (shared_parts.go): each method reads or changes the state of the part that
// owns it, so a component reaches it only through these.

import (
	"math"

	"github.com/seqsim/seqsim/agents/protocol"
)

var (
	_ verificationEnv = (*World)(nil)
	_ capturePrices   = (*World)(nil)
	_ councilEnv      = (*World)(nil)
	_ attackerEnv     = (*World)(nil)
	_ governanceEnv   = (*World)(nil)
	_ ballot          = (*proposal)(nil)
)

func (w *World) sequencerView() seqView {
	o, n := &w.ops, &w.net
	return seqView{online: n.online, batchOp: n.batchOp[:n.nBatches], batches: o.batches,
		benched: o.benched, self: o.self, deleg: o.deleg, profit: o.profit}
}

func (w *World) operatorEarns(k int, usd float64) { w.ops.usdToday[k] += usd }
func (w *World) fraudBond() float64               { return w.live.fraudSlash }
func (w *World) invalidRootPenalty() float64      { return w.live.invalidRootPenalty }

func (w *World) feeLevel() float64 { return math.Exp(w.logFee) }

func (w *World) shiftFeeLevel(jump float64) {
	w.logFee += jump
	w.feeUSD *= math.Exp(jump)
}

func (w *World) shiftValue(jump float64) { w.logValue += jump }

func (w *World) bankFraudBonds(usd float64) {
	w.treasuryUSD += usd
	w.usd.in(flowFraudBonds, usd)
}

func (w *World) tracing() bool                         { return w.trace != nil }
func (w *World) price() float64                        { return w.pool.Price() }
func (w *World) cashFlowValuation() protocol.Valuation { return w.valuation }

func (w *World) costToBuy(x int64) (float64, error) { return w.pool.CostToBuy(x) }

func (w *World) buy(usd float64) int64 {
	got := w.pool.Buy(usd)
	w.netSellUSD -= usd
	return got
}

func (w *World) sell(x int64) float64 {
	usd := w.pool.Sell(x)
	w.netSellUSD += usd
	return usd
}

func (w *World) stakingPlain() bool     { return w.plainStaking }
func (w *World) operatorSlotFree() bool { return w.ops.n < len(w.ops.self) }

func (w *World) bond(k int, x int64) {
	w.settleOperator(k)
	w.ops.self[k] += x
	w.ops.totSelf += x
}

func (w *World) stakeShare(k int) (float64, bool) {
	o := &w.ops
	if !o.active[k] {
		return 0, false
	}
	var total int64
	for _, s := range w.net.actStake {
		total += s
	}
	if total <= 0 {
		return 0, false
	}
	return float64(o.stake(k)) / float64(total), true
}

func (w *World) operatorStake(k int) int64 { return w.ops.self[k] + w.ops.unbond[k] }

func (w *World) fundAttacker(usd float64)    { w.usd.in(flowLaunch, usd) }
func (w *World) attackerFlowIn(usd float64)  { w.usd.in(flowAttacker, usd) }
func (w *World) attackerFlowOut(usd float64) { w.usd.out(flowAttacker, usd) }

func (pr *proposal) kindOf() propKind { return pr.kind }

func (pr *proposal) addAttackVotes(n int64) {
	pr.tally.For += n
	pr.attVotes += n
	pr.cast += n
}

func (pr *proposal) votesToPass() int64 { return pr.tally.VotesToPass() }
func (pr *proposal) noteAttackVotes()   { pr.noteVote(pr.attVotes) }

func (w *World) holderView() holderView {
	h := &w.h
	n := h.len()
	return holderView{kind: h.kind[:n], liquid: h.liquid[:n], staked: h.staked[:n], unbonding: h.unbonding[:n]}
}

func (w *World) operatorVotes() operatorVotes {
	o := &w.ops
	return operatorVotes{n: o.n, status: o.status, self: o.self}
}

func (w *World) outsideTokens() int64 { return w.arbTokens }

func (w *World) debitHolder(i int, to Account, n int64)    { holderTable{w}.Debit(i, to, n) }
func (w *World) creditHolder(i int, from Account, n int64) { holderTable{w}.Credit(i, from, n) }

func (w *World) burn(from Account, n int64) {
	debit(from, n)
	w.burned += n
}
