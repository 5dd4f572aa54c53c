package agents

// The wiring of the sequencer network and operator churn: the World hands each component
// its parameters, its stream and itself (the interfaces the component
// needs) at reset, and other parts reach it through these methods
// (internal/archtest allows calls of a component's methods only from
// model.go and wire_*.go).

// resetChurn, bookChurn, bookBonded, recordChurn and summariseChurn run
// the operator churn count for the operators: reset with them, an exit,
// removal or entry today, the day's count of operators in the network.
func (w *World) resetChurn()                  { w.churn.reset() }
func (w *World) bookChurn(status opStatus)    { w.churn.add(w.day, status) }
func (w *World) bookBonded(n int)             { w.churn.bookBonded(n) }
func (w *World) recordChurn(row []float64)    { w.churn.record(row, &w.col, w.day) }
func (w *World) summariseChurn(out []float64) { w.churn.summarise(out, &w.col) }

// The sequencer network, for the World's reset, records and summaries,
// the ledger, the verification game, governance, the attacker, the
// holders' delegations (their columns, once a pass), the voters' interest
// and the capture prices. Its reset comes after the holders' and the
// pool's (launch operators take their stake from the treasury) and
// resets churn and the challengers' account with it.
func (w *World) resetNetwork() error {
	w.resetChurn()
	w.challengerTokens = 0
	return w.seq.reset(w.p, w.streams.network, w, w.day)
}
func (w *World) recordNetwork(row []float64)     { w.seq.record(row, &w.col) }
func (w *World) summariseSlashing(out []float64) { w.seq.summarise(out, &w.col) }
func (w *World) operatorAccounts() (self, unbond, liquid *int64) {
	return w.seq.accounts()
}
func (w *World) operatorSelfStake() int64         { return w.seq.selfStake() }
func (w *World) operatorUnbonding() int64         { return w.seq.unbonding() }
func (w *World) operatorColumns() opColumns       { return w.seq.columns() }
func (w *World) recountBuffer() []int64           { return w.seq.recountBuffer() }
func (w *World) recountOperators(deleg []int64)   { w.seq.at(w.day).recountOperators(deleg) }
func (w *World) sequencerView() seqView           { return w.seq.view() }
func (w *World) operatorVotes() operatorVotes     { return w.seq.votes() }
func (w *World) operatorEarns(k int, usd float64) { w.seq.earn(k, usd) }
func (w *World) operatorSlotFree() bool           { return w.seq.slotFree() }
func (w *World) openOperator() int                { return w.seq.at(w.day).openOperator() }
func (w *World) bond(k int, x int64)              { w.seq.at(w.day).bond(k, x) }
func (w *World) stakeShare(k int) (float64, bool) { return w.seq.stakeShare(k) }
func (w *World) operatorStake(k int) int64        { return w.seq.stakeOf(k) }
func (w *World) operatorTotalStake(k int) int64   { return w.seq.stake(k) }
func (w *World) capCommission(c float64)          { w.seq.capCommission(c) }
func (w *World) payOperators(m int64, stakerUSD, price float64) (int64, float64, bool) {
	return w.seq.payRewards(m, stakerUSD, price)
}
func (w *World) slash(k int, frac float64, jailDays int, remove bool) (total, toChallenger int64) {
	return w.seq.at(w.day).slash(k, frac, jailDays, remove)
}
func (w *World) stakeAgainst(fresh bool) int64 {
	return w.seq.at(w.day).stakeAgainst(fresh, w.attackerOperator(), w.minStake(), w.maxActive())
}
