package agents

import (
	"math"

	"github.com/seqsim/seqsim/agents/protocol"
)

// The parameters governance can change (applyParameter; grants and the quorum in governance.apply): the shares of
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
	fs := w.feeSplitNow()
	out[w.col.oFinalStakersShare] = fs.Stakers
	out[w.col.oFinalTreasuryShare] = fs.Treasury
	out[w.col.oFinalBurnShare] = fs.Burn
	out[w.col.oFinalEmissionLevel] = math.NaN()
	if x, _ := w.emissionLevel(); x != nil {
		out[w.col.oFinalEmissionLevel] = *x
	}
	out[w.col.oFinalMinStake] = protocol.Tokens(w.live.minStake)
	out[w.col.oFinalFraudBond] = w.live.fraudSlash
	l := &w.live
	out[w.col.oFinalInvalidRootPenalty] = l.invalidRootPenalty
	out[w.col.oFinalLivenessPenalty] = l.livenessPenalty
	out[w.col.oFinalQuorum] = w.finalQuorum()
	out[w.col.oFinalThreshold] = l.threshold
	out[w.col.oFinalBudgetUSD], out[w.col.oFinalBudgetTokens] = w.budgets()
	out[w.col.oFinalCommissionCap] = l.commissionCap
	out[w.col.oFinalMaxActive] = float64(l.maxActive)
}

// liveParams are the parameters governance can change, copied per run from
// the point's Params (shared read-only by all workers of a point): the
// copy is the run's, so a passed proposal changes this run only. The fee
// split and the emission rate live in World.feeSplit and World.emission.
type liveParams struct {
	minStake   int64   // micro-tokens
	fraudSlash float64 // USD
	// slashing penalties (fractions of the slashable stake)
	invalidRootPenalty, livenessPenalty float64
	threshold                           float64 // proposal threshold, fraction of votable supply (the quorum is governance's, governance.go)
	budgetScale                         float64 // factor on both monthly treasury budgets (1 at launch)
	commissionCap                       float64 // the operators' commission is at most this
	maxActive                           int     // the active set's size
	// launch values, for the clamps of parameter proposals
	stakers0, emission0, minStake0, fraudSlash0 float64
	invalidRootPenalty0, livenessPenalty0       float64
	quorum0, threshold0, commissionCap0         float64
	maxActive0                                  int
}

func (w *World) resetLive() {
	p := w.p
	var emission0 float64 // the launch level of the emission (EmissionSchedule.Level)
	if x, _ := w.emissionLevel(); x != nil {
		emission0 = *x
	}
	w.live = liveParams{
		minStake: protocol.ToMicro(p.Sequencers.MinStake), fraudSlash: p.Fraud.Slash,
		stakers0: p.Fees.Split[0], emission0: emission0,
		minStake0: p.Sequencers.MinStake, fraudSlash0: p.Fraud.Slash,
		invalidRootPenalty: p.Slashing.InvalidRoot.Penalty, livenessPenalty: p.Slashing.Liveness.Penalty,
		threshold: p.Governance.ProposalThreshold, budgetScale: 1,
		commissionCap: p.Sequencers.CommissionCap, maxActive: p.Sequencers.MaxActive,
		invalidRootPenalty0: p.Slashing.InvalidRoot.Penalty, livenessPenalty0: p.Slashing.Liveness.Penalty,
		quorum0: p.Governance.Quorum, threshold0: p.Governance.ProposalThreshold,
		commissionCap0: p.Sequencers.CommissionCap, maxActive0: p.Sequencers.MaxActive,
	}
}

// budgets are the treasury's live monthly budgets, in USD and in tokens:
// the experiment's, scaled by what budget proposals passed.
func (w *World) budgets() (usd, tokens float64) {
	t := &w.p.Treasury
	return w.live.budgetScale * t.MonthlyBudgetUSD, w.live.budgetScale * t.MonthlyBudgetTokens
}

// applyParameter makes a parameter proposal pr take effect: it changes
// the run's governed parameter (grants and the quorum are governance's,
// proposals.go).
func (w *World) applyParameter(pr *proposal) {
	l := &w.live
	f := pr.value
	switch pr.kind {
	case propFeeSplit:
		w.setFeeSplit(w.feeSplitAfter(pr))
	case propEmission:
		if x, hi := w.emissionLevel(); x != nil {
			*x = scaleWithin(*x, f, l.emission0, hi)
		}
	case propMinStake:
		l.minStake = protocol.ToMicro(scaleWithin(protocol.Tokens(l.minStake), f, l.minStake0, math.Inf(1)))
	case propBond:
		l.fraudSlash = scaleWithin(l.fraudSlash, f, l.fraudSlash0, math.Inf(1))
	case propInvalidRootPenalty:
		l.invalidRootPenalty = w.penaltyAfter(pr)
	case propLivenessPenalty:
		l.livenessPenalty = w.penaltyAfter(pr)
	case propThreshold:
		l.threshold = scaleWithin(l.threshold, f, l.threshold0, 1)
	case propBudget:
		l.budgetScale = w.budgetAfter(pr)
	case propCommissionCap:
		l.commissionCap = w.commissionCapAfter(pr)
		w.capCommission(l.commissionCap) // an operator above the new cap charges the cap
	case propActiveSet:
		l.maxActive = w.maxActiveAfter(pr)
	}
}

// penaltyAfter is the slashing penalty pr governs once it executes.
func (w *World) penaltyAfter(pr *proposal) float64 {
	l := &w.live
	if pr.kind == propLivenessPenalty {
		return scaleWithin(l.livenessPenalty, pr.value, l.livenessPenalty0, 1)
	}
	return scaleWithin(l.invalidRootPenalty, pr.value, l.invalidRootPenalty0, 1)
}

// budgetAfter is the scale of the treasury's monthly budgets once pr
// executes (1 at launch).
func (w *World) budgetAfter(pr *proposal) float64 {
	return scaleWithin(w.live.budgetScale, pr.value, 1, math.Inf(1))
}

// commissionCapAfter is the commission cap once pr executes.
func (w *World) commissionCapAfter(pr *proposal) float64 {
	l := &w.live
	return scaleWithin(l.commissionCap, pr.value, l.commissionCap0, 1)
}

// maxActiveAfter is the active set's size once pr executes: the factor
// applied as to any parameter, rounded to the nearest count, kept within
// a quarter (at least 1) and four times the launch size.
func (w *World) maxActiveAfter(pr *proposal) int {
	l := &w.live
	x0 := float64(l.maxActive0)
	n := int(math.Round(scaleWithin(float64(l.maxActive), pr.value, x0, math.Inf(1))))
	return min(max(n, int(math.Ceil(x0/4)), 1), 4*l.maxActive0)
}

// grantTokens is the treasury tokens a grant of share f pays, micro-tokens.
func (w *World) grantTokens(f float64) int64 { return protocol.FracOf(w.treasuryTokens(), f) }

// proposalThreshold is the proposal threshold today, a fraction of the
// votable supply; launchQuorum the quorum at launch.
func (w *World) proposalThreshold() float64 { return w.live.threshold }
func (w *World) launchQuorum() float64      { return w.live.quorum0 }
