package agents

import "github.com/seqsim/seqsim/agents/protocol"

// The wiring of the governed parameters (governed.go): the World hands
// them the parameters and itself at reset, governance changes them, and
// the operators, the verification game, the treasury, governance, the
// voters' interest and the records read them through these methods
// (internal/archtest allows calls of a component's methods only from
// model.go and wire_*.go).

// resetGoverned sets the governed parameters at launch: after the
// schedules' reset (the emission level at launch) and before the
// network's (the launch operators' commission cap and set size).
func (w *World) resetGoverned() { w.live.reset(w, w.p) }

// changeOf is what the governed parameters read of proposal pr.
func changeOf(pr *proposal) paramChange {
	return paramChange{kind: pr.kind, value: pr.value, burnSide: pr.burnSide}
}

// applyParameter makes a parameter proposal pr take effect (governance,
// proposals.go; grants and the quorum are governance's own).
func (w *World) applyParameter(pr *proposal) { w.live.apply(changeOf(pr)) }

// The governed values today, for the operators (sequencingEnv), the
// verification game (verificationEnv), governance (governanceEnv), the
// treasury (treasuryEnv), the capture prices, the voters' interest and
// the records.
func (w *World) minStake() int64                { return w.live.minStakeNow() }
func (w *World) maxActive() int                 { return w.live.maxActiveNow() }
func (w *World) commissionCap() float64         { return w.live.commissionCapNow() }
func (w *World) livenessPenalty() float64       { return w.live.livenessPenaltyNow() }
func (w *World) fraudBond() float64             { return w.live.fraudBondNow() }
func (w *World) invalidRootPenalty() float64    { return w.live.invalidRootPenaltyNow() }
func (w *World) proposalThreshold() float64     { return w.live.thresholdNow() }
func (w *World) launchQuorum() float64          { return w.live.launchQuorum() }
func (w *World) budgets() (usd, tokens float64) { return w.live.budgets() }
func (w *World) summariseGoverned(out []float64) {
	w.live.summarise(out, &w.col)
}

// What a parameter proposal pr would make its parameter, for the voters'
// interest (interest.go).
func (w *World) feeSplitAfter(pr *proposal) protocol.FeeSplit {
	return w.live.feeSplitAfter(changeOf(pr))
}
func (w *World) emissionAfter(pr *proposal) float64 { return w.live.emissionAfter(changeOf(pr)) }
func (w *World) minStakeAfter(pr *proposal) float64 { return w.live.minStakeAfter(changeOf(pr)) }
func (w *World) bondAfter(pr *proposal) float64     { return w.live.bondAfter(changeOf(pr)) }
func (w *World) penaltyAfter(pr *proposal) float64  { return w.live.penaltyAfter(changeOf(pr)) }
func (w *World) budgetChange(pr *proposal) float64  { return w.live.budgetChange(changeOf(pr)) }
func (w *World) commissionCapAfter(pr *proposal) float64 {
	return w.live.commissionCapAfter(changeOf(pr))
}
func (w *World) maxActiveAfter(pr *proposal) int { return w.live.maxActiveAfter(changeOf(pr)) }
