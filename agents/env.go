package agents

// The World's side of the interfaces between the built-in parts
// (shared.go): each method reads or changes the state of the part that
// owns it, so a component reaches it only through these.

import (
	"math"

	"github.com/seqsim/seqsim/agents/protocol"
)

var (
	_ verificationEnv = (*World)(nil)
	_ capturePrices   = (*World)(nil)
	_ councilEnv      = (*World)(nil)
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
