package agents

import "github.com/seqsim/seqsim/agents/protocol"

// The wiring of the demand side (demand.go, fees.go): the World hands it
// the parameters, the demand stream and itself at reset, moves the money
// it splits, hands it the market's log value for the value process's
// steps, publishes its APR signal, and the rest of the model reads the fee revenue, the fee
// level and the fee split through these methods (internal/archtest allows
// calls of a component's methods only from model.go and wire_*.go).

// resetDemand starts the demand side of a run, and the market's log value
// at 0 and the APR signal the holders read.
func (w *World) resetDemand() {
	w.dem.reset(w, w.p, w.streams.demand)
	w.logValue = 0
	w.aprSignal = 0 // nothing has been paid to stake yet
}

// runDemand is the day's work of SlotDemand: the fee revenue, and the
// steps of the demand-side value (the market's log value, handed over).
func (w *World) runDemand() { w.dem.demand(&w.logValue) }

// distributeFees splits today's net sequencer profit: the stakers' share is
// paid out in USD through the operators (it feeds the APR signal, and
// operators keep their commission), the treasury keeps its share, and the
// burn share buys tokens on the pool and destroys them. It returns the
// stakers' share.
func (w *World) distributeFees() float64 {
	micro, _, t, b := w.dem.splitFees()
	w.usd.in(flowFeeRevenue, float64(micro)/1e6)
	w.toTreasuryUSD(float64(t) / 1e6)
	if b > 0 {
		got := w.buy(float64(b) / 1e6)
		w.burned += got
		// The bought tokens leave the pool and are destroyed: conservation
		// holds because pool.Tokens fell by exactly got.
	}
	return w.dem.stakersUSD()
}

// distributeRewards pays today's emission left for stakers and the
// stakers' fee share (USD) to the active operators, through their
// commission (sequencing.go): the commission leaves the reward pool now,
// the rest when each stake settles, and the USD is paid out to the same
// stake the same day (flowCommission, flowStakers). Emission is minted
// into the reward pool in emit; without active operators it waits there,
// and the stakers' fee share, which nobody earned, goes to the treasury.
func (w *World) distributeRewards(stakerUSD float64) {
	price := w.price()
	w.dem.rewardsAt(price)
	m := min(w.stakersEmission(), w.rewardPool)
	com, comUSD, ok := w.payOperators(m, stakerUSD, price)
	if !ok {
		w.toTreasuryUSD(stakerUSD)
		return
	}
	w.rewardPool -= com
	w.usd.out(flowCommission, comUSD)
	w.usd.out(flowStakers, stakerUSD-comUSD)
	w.dem.paid(stakerUSD + protocol.Tokens(m)*price)
}

// updateAPR is the day's work of SlotSignals: the APR signal for
// tomorrow, at the stake bonded (the holders' and the operators' own),
// published to the World once (the holder pass reads it per agent).
func (w *World) updateAPR() {
	w.aprSignal = w.dem.updateAPR(w.totStaked + w.operatorSelfStake())
}

// recordDemand and summariseDemand have the demand side write its metrics.
func (w *World) recordDemand(row []float64)    { w.dem.record(row, &w.col) }
func (w *World) summariseDemand(out []float64) { w.dem.summarise(out, &w.col) }

// The fees, for the valuation and arbitrage, the operators, the
// verification game, governance, the voters' interest, the records and
// the outcomes.
func (w *World) holderCashFlow() float64          { return w.dem.holderCashFlow() }
func (w *World) feeRevenue() float64              { return w.dem.revenue() }
func (w *World) feeLevel() float64                { return w.dem.feeLevel() }
func (w *World) shiftFeeLevel(jump float64)       { w.dem.shiftFee(jump) }
func (w *World) feeSplitNow() protocol.FeeSplit   { return w.dem.feeSplit() }
func (w *World) setFeeSplit(fs protocol.FeeSplit) { w.dem.setFeeSplit(fs) }
