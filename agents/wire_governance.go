package agents

// The wiring of governance, the capture meter, the council, effective governance and the attacker: the World hands each component
// its parameters, its stream and itself (the interfaces the component
// needs) at reset, and other parts reach it through these methods
// (internal/archtest allows calls of a component's methods only from
// model.go and wire_*.go).

import "github.com/seqsim/seqsim/agents/protocol"

// resetCapture, measureCapture, recordCapture and summariseCapture run
// the capture meter: reset with governance, measured at governance's
// measurements, reported with governance's metrics.
func (w *World) resetCapture()               { w.capt.reset(w.p, &w.prices) } // the route prices themselves: no call through the World per route
func (w *World) measureCapture()             { w.capt.measure(w.day) }
func (w *World) recordCapture(row []float64) { w.capt.record(row, &w.col) }
func (w *World) summariseCapture(settled int, out []float64) {
	w.capt.summarise(out, &w.col, w.day, settled)
}

// resetCouncil, compromiseKeys, gatekeeper, vetoProbability and
// councilCaptured run the security council for governance: reset with
// it, a key-compromise event on governance's calendar, and what the
// proposals and the capture prices ask of it.
func (w *World) resetCouncil()                 { w.council.reset(w.p, w.streams.governance, w) }
func (w *World) compromiseKeys()               { w.council.compromiseKeys(w.day) }
func (w *World) gatekeeper(d int) bool         { return w.council.gatekeeper(d) }
func (w *World) vetoProbability(d int) float64 { return w.council.vetoProbability(d) }
func (w *World) councilCaptured() bool         { return w.council.captured() }

// resetEffectiveness, recordClose and summariseEffectiveness run the
// effective-governance tracker for governance: reset with it, an ordinary
// proposal's close today (proposals.go), and its outcome.
func (w *World) resetEffectiveness()                  { w.eff.reset(w.p) }
func (w *World) recordClose(decided bool)             { w.eff.recordClose(w.day, decided) }
func (w *World) summariseEffectiveness(out []float64) { w.eff.summarise(out, &w.col) }

// The attacker, for governance, the proposals, the voting-power count,
// the capture prices, the operators and the ledgers: its reset (with the
// governance stream, in governance's reset), its daily trading and stake
// check, its reviews, its votes on its proposal, what a capture pays it,
// what it holds, its outcome and its accounts.
func (w *World) resetAttacker() error {
	return w.att.reset(w.p, w.streams.governance, w, w.day)
}
func (w *World) attackerDaily()                             { w.att.daily() }
func (w *World) attackerNextReview() int                    { return w.att.nextReviewDay() }
func (w *World) attackerReview()                            { w.att.review(w.day) }
func (w *World) attackerAtSnapshot(pr *proposal)            { w.att.atSnapshot(pr) }
func (w *World) attackerAtClose(pr *proposal)               { w.att.atClose(pr) }
func (w *World) attackerDone()                              { w.att.done() }
func (w *World) attackerReceives(tokens int64, usd float64) { w.att.receive(tokens, usd) }
func (w *World) attackerPaid(usd float64)                   { w.att.receiveValue(usd) }
func (w *World) attackerHoldings() (int64, int)             { return w.att.holdings() }
func (w *World) attackerOperator() int                      { _, op := w.att.holdings(); return op }
func (w *World) attackerTokens() *int64                     { return w.att.tokens() }
func (w *World) attackerCapital() *float64                  { return w.att.capitalUSD() }

// Governance, for the World's reset, records and summaries, the capture
// prices, the attacker, the council, the treasury, the voters' interest,
// the governed parameters' outcomes and the ledger. Its reset comes in
// two parts around the council's and the attacker's, which draw from the
// governance stream after the voters and before the first event days.
// A call that may read the day passes today's (at).
func (w *World) resetGovernance() error {
	w.resetEffectiveness()
	w.resetCapture()
	if err := w.gov.reset(w.p, w.streams.governance, w, w.day); err != nil {
		return err
	}
	w.resetCouncil()
	if err := w.resetAttacker(); err != nil {
		return err
	}
	w.gov.start()
	return nil
}
func (w *World) recordGovernance(row []float64) { w.gov.record(row, &w.col); w.recordCapture(row) }
func (w *World) summariseGovernance(settled int, out []float64) {
	w.gov.summarise(out, &w.col)
	w.summariseCapture(settled, out)
	w.att.summarise(out, &w.col)
	w.summariseEffectiveness(out)
}
func (w *World) capture(kind int)              { w.gov.capture(w.day, kind) }
func (w *World) captured() bool                { return w.gov.isCaptured() }
func (w *World) countVotes(shares bool)        { w.gov.at(w.day).countVotes(shares) }
func (w *World) ownVotes() int64               { return w.gov.ownVotes() }
func (w *World) propose(kind propKind)         { w.gov.at(w.day).submit(proposal{kind: kind, byAttack: true}) }
func (w *World) governor() protocol.Governor   { return w.gov.governor() }
func (w *World) thresholdVotes() int64         { return w.gov.thresholdVotes() }
func (w *World) votesNeeded(own int64) int64   { return w.gov.votesNeeded(own) }
func (w *World) voteSuccess(start int) float64 { return w.gov.voteSuccess(start) }
func (w *World) markBribed(n int)              { w.gov.markBribed(n) }
func (w *World) grantees() []int32             { return w.gov.granteeList() }
func (w *World) proposalDeposits() *int64      { return w.gov.depositAccount() }
func (w *World) finalQuorum() float64          { return w.gov.quorum() }
func (w *World) cheapestBribe(kind propKind, own int64) (float64, int, bool) {
	return w.gov.at(w.day).cheapestBribe(kind, own)
}

// drainTreasury records a capture of kind and moves attacker.drain_share
// of the treasury to the attacker, who then sells the tokens.
func (w *World) drainTreasury(kind int) {
	w.capture(kind)
	x, usd := w.tr.drain(w.p.Attacker.DrainShare)
	w.attackerReceives(x, usd)
}
