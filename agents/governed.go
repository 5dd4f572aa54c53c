package agents

import (
	"math"

	"github.com/seqsim/seqsim/agents/protocol"
)

// The parameters governance can change (applyProposal): the shares of
// fees (the stakers' against the treasury's or the burn's, interest.go), the
// size of the emission (EmissionSchedule.Level), the operators' minimum
// self-stake, the fraud bond, the slashing penalties of an invalid root and
// of a liveness offence, the quorum, the proposal threshold, the
// treasury's monthly budgets, the operators' commission cap and the active
// set's size. Their values on the last day are
// outcomes, so a study can see where governance took them; with
// governance.freeze_parameters no parameter proposal is made and they stay
// as the experiment set them, which a sensitivity study of a governed
// parameter needs.

// governedKind reports whether proposals of kind k change a parameter
// (every ordinary kind but grants).
func governedKind(k propKind) bool { return k < numOrdinaryKinds && k != propGrant }

// declareGovernedMetrics declares the governed parameters' final values.
func declareGovernedMetrics(m *Model, c *columns) {
	c.oFinalStakersShare = m.Outcome(Metric{Name: "final_fee_share_stakers", Unit: "fraction", Doc: "the stakers' share of fees on the last day, as governance left it (fees.split[0] at launch)", Section: "capture"})
	c.oFinalTreasuryShare = m.Outcome(Metric{Name: "final_fee_share_treasury", Unit: "fraction", Doc: "the treasury's share of fees on the last day (fees.split[1] at launch)", Section: "capture"})
	c.oFinalBurnShare = m.Outcome(Metric{Name: "final_fee_share_burn", Unit: "fraction", Doc: "the burn's share of fees on the last day (fees.split[2] at launch)", Section: "capture"})
	c.oFinalEmissionLevel = m.Outcome(Metric{Name: "final_emission_level", Unit: "as the emission kind's parameter", Doc: "the emission's size on the last day: annual_rate (constant, decay), starknet_c, espresso_r0 or ethereum_k as governance left it; empty for none and halving", MayBeEmpty: true, Section: "capture"})
	c.oFinalMinStake = m.Outcome(Metric{Name: "final_min_stake_tokens", Unit: "tokens", Doc: "the operators' minimum self-stake on the last day (sequencers.min_stake at launch)", Section: "capture"})
	c.oFinalFraudBond = m.Outcome(Metric{Name: "final_fraud_bond_usd", Unit: "USD", Doc: "the fraud bond on the last day (fraud.slash at launch)", Section: "capture"})
	c.oFinalInvalidRootPenalty = m.Outcome(Metric{Name: "final_invalid_root_penalty", Unit: "fraction of stake", Doc: "the slash of a caught invalid root on the last day (slashing.invalid_root.penalty at launch)", Section: "capture"})
	c.oFinalLivenessPenalty = m.Outcome(Metric{Name: "final_liveness_penalty", Unit: "fraction of stake", Doc: "the slash of a liveness offence on the last day (slashing.liveness.penalty at launch)", Section: "capture"})
	c.oFinalQuorum = m.Outcome(Metric{Name: "final_quorum", Unit: "fraction of votable supply", Doc: "the quorum on the last day (governance.quorum at launch)", Section: "capture"})
	c.oFinalThreshold = m.Outcome(Metric{Name: "final_proposal_threshold", Unit: "fraction of votable supply", Doc: "the proposal threshold on the last day (governance.proposal_threshold at launch)", Section: "capture"})
	c.oFinalBudgetUSD = m.Outcome(Metric{Name: "final_monthly_budget_usd", Unit: "USD/month", Doc: "the treasury's USD budget on the last day (treasury.monthly_budget_usd at launch; budget proposals scale both budgets together)", Section: "capture"})
	c.oFinalBudgetTokens = m.Outcome(Metric{Name: "final_monthly_budget_tokens", Unit: "tokens/month", Doc: "the treasury's token budget on the last day (treasury.monthly_budget_tokens at launch)", Section: "capture"})
	c.oFinalCommissionCap = m.Outcome(Metric{Name: "final_commission_cap", Unit: "fraction", Doc: "the operators' commission cap on the last day (sequencers.commission_cap at launch)", Section: "capture"})
	c.oUnproposed = m.Outcome(Metric{Name: "proposals_unmade", Unit: "count", Doc: "ordinary proposals that arrived but were not made: no voter held the proposal threshold, or the proposer could not lock the deposit", Section: "capture"})
	c.oDepositsBurned = m.Outcome(Metric{Name: "deposits_burned_tokens", Unit: "tokens", Doc: "proposal deposits burned with proposals rejected by a majority against", Section: "capture"})
	c.oFinalMaxActive = m.Outcome(Metric{Name: "final_max_active", Unit: "count", Doc: "the active set's size on the last day (sequencers.max_active at launch)", Section: "capture"})
}

// summariseGoverned writes the governed parameters' final values.
func (w *World) summariseGoverned(out []float64) {
	out[w.col.oFinalStakersShare] = w.feeSplit.Stakers
	out[w.col.oFinalTreasuryShare] = w.feeSplit.Treasury
	out[w.col.oFinalBurnShare] = w.feeSplit.Burn
	out[w.col.oFinalEmissionLevel] = math.NaN()
	if x, _ := w.emission.Level(); x != nil {
		out[w.col.oFinalEmissionLevel] = *x
	}
	out[w.col.oFinalMinStake] = protocol.Tokens(w.live.minStake)
	out[w.col.oFinalFraudBond] = w.live.fraudSlash
	l := &w.live
	out[w.col.oFinalInvalidRootPenalty] = l.invalidRootPenalty
	out[w.col.oFinalLivenessPenalty] = l.livenessPenalty
	out[w.col.oFinalQuorum] = w.gov.gov.Quorum
	out[w.col.oFinalThreshold] = l.threshold
	out[w.col.oFinalBudgetUSD], out[w.col.oFinalBudgetTokens] = w.budgets()
	out[w.col.oFinalCommissionCap] = l.commissionCap
	out[w.col.oFinalMaxActive] = float64(l.maxActive)
	out[w.col.oUnproposed] = float64(w.gov.unproposed)
	out[w.col.oDepositsBurned] = protocol.Tokens(w.gov.depositsBurned)
}
