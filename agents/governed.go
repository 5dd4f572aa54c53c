package agents

import (
	"math"

	"github.com/seqsim/seqsim/agents/protocol"
)

// The parameters governance can change (apply; grants and the quorum are governance's, proposals.go): the shares of
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
func declareGovernedMetrics(d *coreDecls, c *columns) {
	d.Outcome(&c.oFinalStakersShare, Metric{Name: "final_fee_share_stakers", Unit: "fraction", Doc: "the stakers' share of fees on the last day, as governance left it (fees.split[0] at launch)", Section: "capture"})
	d.Outcome(&c.oFinalTreasuryShare, Metric{Name: "final_fee_share_treasury", Unit: "fraction", Doc: "the treasury's share of fees on the last day (fees.split[1] at launch)", Section: "capture"})
	d.Outcome(&c.oFinalBurnShare, Metric{Name: "final_fee_share_burn", Unit: "fraction", Doc: "the burn's share of fees on the last day (fees.split[2] at launch)", Section: "capture"})
	d.Outcome(&c.oFinalEmissionLevel, Metric{Name: "final_emission_level", Unit: "as the emission kind's parameter", Doc: "the emission's size on the last day: annual_rate (constant, decay), starknet_c, espresso_r0 or ethereum_k as governance left it; empty for none and halving", MayBeEmpty: true, Section: "capture"})
	d.Outcome(&c.oFinalMinStake, Metric{Name: "final_min_stake_tokens", Unit: "tokens", Doc: "the operators' minimum self-stake on the last day (sequencers.min_stake at launch)", Section: "capture"})
	d.Outcome(&c.oFinalFraudBond, Metric{Name: "final_fraud_bond_usd", Unit: "USD", Doc: "the fraud bond on the last day (fraud.slash at launch)", Section: "capture"})
	d.Outcome(&c.oFinalInvalidRootPenalty, Metric{Name: "final_invalid_root_penalty", Unit: "fraction of stake", Doc: "the slash of a caught invalid root on the last day (slashing.invalid_root.penalty at launch)", Section: "capture"})
	d.Outcome(&c.oFinalLivenessPenalty, Metric{Name: "final_liveness_penalty", Unit: "fraction of stake", Doc: "the slash of a liveness offence on the last day (slashing.liveness.penalty at launch)", Section: "capture"})
	d.Outcome(&c.oFinalQuorum, Metric{Name: "final_quorum", Unit: "fraction of votable supply", Doc: "the quorum on the last day (governance.quorum at launch)", Section: "capture"})
	d.Outcome(&c.oFinalThreshold, Metric{Name: "final_proposal_threshold", Unit: "fraction of votable supply", Doc: "the proposal threshold on the last day (governance.proposal_threshold at launch)", Section: "capture"})
	d.Outcome(&c.oFinalBudgetUSD, Metric{Name: "final_monthly_budget_usd", Unit: "USD/month", Doc: "the treasury's USD budget on the last day (treasury.monthly_budget_usd at launch; budget proposals scale both budgets together)", Section: "capture"})
	d.Outcome(&c.oFinalBudgetTokens, Metric{Name: "final_monthly_budget_tokens", Unit: "tokens/month", Doc: "the treasury's token budget on the last day (treasury.monthly_budget_tokens at launch)", Section: "capture"})
	d.Outcome(&c.oFinalCommissionCap, Metric{Name: "final_commission_cap", Unit: "fraction", Doc: "the operators' commission cap on the last day (sequencers.commission_cap at launch)", Section: "capture"})
	d.Outcome(&c.oFinalMaxActive, Metric{Name: "final_max_active", Unit: "count", Doc: "the active set's size on the last day (sequencers.max_active at launch)", Section: "capture"})
}

// governed is the component of the parameters governance can change,
// copied per run from the point's Params (shared read-only by all workers
// of a point): the copy is the run's, so a passed proposal changes this
// run only. The fee split and the emission level are the demand side's
// and the schedules' (fees.go, emission.go): it reads and changes them
// through its env.
type governed struct {
	env governedEnv
	p   *Params // the point's, read only: the treasury's budgets at launch

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

// reset sets the governed parameters at their launch values, after the
// schedules' reset (the emission's level at launch is theirs).
func (g *governed) reset(env governedEnv, p *Params) {
	var emission0 float64 // the launch level of the emission (EmissionSchedule.Level)
	if x, _ := env.emissionLevel(); x != nil {
		emission0 = *x
	}
	*g = governed{
		env: env, p: p,
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

// The governed values today (the wiring hands them to the operators, the
// verification game, governance and the voters' interest), and the
// quorum at launch (its clamp; the quorum itself is governance's).
func (g *governed) minStakeNow() int64             { return g.minStake }
func (g *governed) fraudBondNow() float64          { return g.fraudSlash }
func (g *governed) invalidRootPenaltyNow() float64 { return g.invalidRootPenalty }
func (g *governed) livenessPenaltyNow() float64    { return g.livenessPenalty }
func (g *governed) thresholdNow() float64          { return g.threshold }
func (g *governed) commissionCapNow() float64      { return g.commissionCap }
func (g *governed) maxActiveNow() int              { return g.maxActive }
func (g *governed) launchQuorum() float64          { return g.quorum0 }

// budgets are the treasury's live monthly budgets, in USD and in tokens:
// the experiment's, scaled by what budget proposals passed.
func (g *governed) budgets() (usd, tokens float64) {
	t := &g.p.Treasury
	return g.budgetScale * t.MonthlyBudgetUSD, g.budgetScale * t.MonthlyBudgetTokens
}

// apply makes the parameter proposal c take effect: it changes the run's
// governed parameter, or the fee split or the emission level through the
// env (grants and the quorum are governance's, proposals.go).
func (g *governed) apply(c paramChange) {
	switch c.kind {
	case propFeeSplit:
		g.env.setFeeSplit(g.feeSplitAfter(c))
	case propEmission:
		if x, _ := g.env.emissionLevel(); x != nil {
			*x = g.emissionAfter(c)
		}
	case propMinStake:
		g.minStake = protocol.ToMicro(g.minStakeAfter(c))
	case propBond:
		g.fraudSlash = g.bondAfter(c)
	case propInvalidRootPenalty:
		g.invalidRootPenalty = g.penaltyAfter(c)
	case propLivenessPenalty:
		g.livenessPenalty = g.penaltyAfter(c)
	case propThreshold:
		g.threshold = scaleWithin(g.threshold, c.value, g.threshold0, 1)
	case propBudget:
		g.budgetScale = g.budgetAfter(c)
	case propCommissionCap:
		g.commissionCap = g.commissionCapAfter(c)
		g.env.capCommission(g.commissionCap) // an operator above the new cap charges the cap
	case propActiveSet:
		g.maxActive = g.maxActiveAfter(c)
	}
}

// What a parameter proposal c would make its parameter once it executes:
// apply sets these, and the voters' interest (interest.go) weighs them
// against the values now.

// feeSplitAfter is the run's fee split once c executes.
func (g *governed) feeSplitAfter(c paramChange) protocol.FeeSplit {
	fs := g.env.feeSplitNow()
	s0 := g.stakers0
	if c.burnSide {
		fs.Stakers = scaleWithin(fs.Stakers, c.value, s0, 1-fs.Treasury)
		fs.Burn = max(1-fs.Treasury-fs.Stakers, 0)
		return fs
	}
	fs.Stakers = scaleWithin(fs.Stakers, c.value, s0, 1-fs.Burn)
	fs.Treasury = max(1-fs.Burn-fs.Stakers, 0)
	return fs
}

// emissionAfter is the emission's level once c executes (0 for the
// emission kinds without one: none and halving).
func (g *governed) emissionAfter(c paramChange) float64 {
	x, hi := g.env.emissionLevel()
	if x == nil {
		return 0
	}
	return scaleWithin(*x, c.value, g.emission0, hi)
}

// minStakeAfter is the operators' minimum self-stake once c executes, in
// tokens; bondAfter the fraud bond, USD.
func (g *governed) minStakeAfter(c paramChange) float64 {
	return scaleWithin(protocol.Tokens(g.minStake), c.value, g.minStake0, math.Inf(1))
}
func (g *governed) bondAfter(c paramChange) float64 {
	return scaleWithin(g.fraudSlash, c.value, g.fraudSlash0, math.Inf(1))
}

// penaltyAfter is the slashing penalty c governs once it executes.
func (g *governed) penaltyAfter(c paramChange) float64 {
	if c.kind == propLivenessPenalty {
		return scaleWithin(g.livenessPenalty, c.value, g.livenessPenalty0, 1)
	}
	return scaleWithin(g.invalidRootPenalty, c.value, g.invalidRootPenalty0, 1)
}

// budgetAfter is the scale of the treasury's monthly budgets once c
// executes (1 at launch); budgetChange the budgets' relative change.
func (g *governed) budgetAfter(c paramChange) float64 {
	return scaleWithin(g.budgetScale, c.value, 1, math.Inf(1))
}
func (g *governed) budgetChange(c paramChange) float64 { return g.budgetAfter(c)/g.budgetScale - 1 }

// commissionCapAfter is the commission cap once c executes.
func (g *governed) commissionCapAfter(c paramChange) float64 {
	return scaleWithin(g.commissionCap, c.value, g.commissionCap0, 1)
}

// maxActiveAfter is the active set's size once c executes: the factor
// applied as to any parameter, rounded to the nearest count, kept within
// a quarter (at least 1) and four times the launch size.
func (g *governed) maxActiveAfter(c paramChange) int {
	x0 := float64(g.maxActive0)
	n := int(math.Round(scaleWithin(float64(g.maxActive), c.value, x0, math.Inf(1))))
	return min(max(n, int(math.Ceil(x0/4)), 1), 4*g.maxActive0)
}

// summarise writes the governed parameters' final values, with the fee
// split, the emission level and the quorum as their parts left them.
func (g *governed) summarise(out []float64, col *columns) {
	fs := g.env.feeSplitNow()
	out[col.oFinalStakersShare] = fs.Stakers
	out[col.oFinalTreasuryShare] = fs.Treasury
	out[col.oFinalBurnShare] = fs.Burn
	out[col.oFinalEmissionLevel] = math.NaN()
	if x, _ := g.env.emissionLevel(); x != nil {
		out[col.oFinalEmissionLevel] = *x
	}
	out[col.oFinalMinStake] = protocol.Tokens(g.minStake)
	out[col.oFinalFraudBond] = g.fraudSlash
	out[col.oFinalInvalidRootPenalty] = g.invalidRootPenalty
	out[col.oFinalLivenessPenalty] = g.livenessPenalty
	out[col.oFinalQuorum] = g.env.finalQuorum()
	out[col.oFinalThreshold] = g.threshold
	out[col.oFinalBudgetUSD], out[col.oFinalBudgetTokens] = g.budgets()
	out[col.oFinalCommissionCap] = g.commissionCap
	out[col.oFinalMaxActive] = float64(g.maxActive)
}
