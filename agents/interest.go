package agents

import "github.com/seqsim/seqsim/agents/protocol"

// Voters' interest in an ordinary proposal (issue 15, item 4). Every kind
// of ordinary proposal says what it changes in the yearly cash value of a
// token, per token voted, in units of the token's price per year: Δu for a
// token held liquid, for a staked token, and on top of these for a token a
// grantee holds. A voter votes tokens of several kinds (its own, or its
// delegators' for a delegate), so its change is the mix
//
//	Δu_v = liquid + σ_s·(staked − liquid) + σ_g·grantee
//
// with σ_s and σ_g the staked and the grantees' shares of the power it
// votes (counted with the power at the snapshot). An operator voting its
// self-stake (σ_s = 1) adds what the proposal changes in its own business
// (operatorInterest). The voter's chance of voting for the proposal moves
// from the proposal's support by InterestWeight·Δu_v on the logit scale.
//
// By kind (C the circulating supply, S the bonded stake, P the pool price,
// all at the snapshot):
//
//   - fee split: a token earns the burn's share of fees spread over C (a
//     buyback raises every token), a staked token also the stakers' share
//     spread over S; with R the day's fee revenue, Δu = 365·R·(Δf_b/C +
//     σ·Δf_s/S)/P (feeYieldChange). Stakers oppose cutting their share for
//     the burn (since S < C they lose more than the burn gives them);
//     holders who do not stake support it; the treasury's share reaches no
//     holder's yield, so moving it moves only stakers.
//   - emission: ΔN more new tokens a year dilute every token by ΔN/C; the
//     stakers' part of them, ΔN_s, pays a staked token ΔN_s/S
//     (emissionYieldChange): stakers support a rise, liquid holders
//     oppose it.
//   - grant: x tokens leave the treasury for a grantee, a one-off counted
//     as a one-year value (the same units as the yearly changes): every
//     token is diluted by x/C; a grantee's token gains x/G, G the tokens the
//     grantees hold (the grant's expected value per grantee token, treating
//     the grantees as one group).
//   - treasury budget: the monthly budgets move ΔB tokens a year out of the
//     treasury (the token budget, and the USD budget at today's price,
//     since the treasury sells tokens to pay it): every token is diluted
//     by ΔB/C, and the grantees, who are paid the token budget, gain its
//     change over G.
//   - commission cap: a lower cap raises a delegated token's yield by the
//     cut in commission, weighted by the operators' delegations, times the
//     stakers' yearly yield Y (stakerYield).
//   - liveness penalty: with slash_delegators a staked token loses the
//     expected yearly slash, rate·detection·Δpenalty.
//   - minimum stake, fraud bond, invalid-root penalty, quorum, proposal
//     threshold, active-set size: no change in a holder's cash yield (an
//     honest operator posts no invalid root; rules of the vote pay no
//     one): support alone decides, and operators answer to their own
//     interest.

// dilution is the change for every token when n more tokens a year reach
// the circulating supply.
func (w *World) dilution(n float64) yieldChange {
	c := w.circulating()
	if !(c > 0) {
		return yieldChange{}
	}
	return yieldChange{liquid: -n / c, staked: -n / c}
}

// interest is what pr changes for the tokens voted (the one formula per
// kind; the list is the comment above).
func (w *World) interest(pr *proposal) yieldChange {
	switch pr.kind {
	case propFeeSplit:
		l, s := w.feeYieldChange(pr)
		return yieldChange{liquid: l, staked: s}
	case propEmission:
		return w.emissionYieldChange(pr)
	case propGrant:
		x := protocol.Tokens(protocol.FracOf(w.treasuryTokens(), pr.value))
		y := w.dilution(x)
		if g := w.granteeTokens(); g > 0 {
			y.grantee = x / g
		}
		return y
	case propBudget:
		return w.budgetYieldChange(pr)
	case propCommissionCap:
		return yieldChange{staked: w.stakerYield() * w.commissionCut(pr)}
	case propLivenessPenalty:
		if !w.p.Slashing.SlashDelegators {
			return yieldChange{}
		}
		d := w.p.Slashing.Liveness.Detection * (w.penaltyAfter(pr) - w.livenessPenalty())
		return yieldChange{staked: -w.meanLivenessRate() * d}
	}
	return yieldChange{}
}

// feeYieldChange is what pr changes in the yearly cash yield of a token
// voted with staked share sigma: for a holder who does not stake (0) and
// for a fully staked one (1); Δu(σ) = liquid + σ·(staked − liquid).
func (w *World) feeYieldChange(pr *proposal) (liquid, staked float64) {
	after := w.feeSplitAfter(pr)
	price := w.price()
	circ := w.circulating()
	if !(price > 0) || !(circ > 0) {
		return 0, 0
	}
	now := w.feeSplitNow()
	perYear := 365 * w.feeRevenue() / price
	liquid = perYear * (after.Burn - now.Burn) / circ
	staked = liquid
	if bonded := w.bonded(); bonded > 0 {
		staked += perYear * (after.Stakers - now.Stakers) / bonded
	}
	return liquid, staked
}

// bonded is the bonded stake S, holders' and operators' own, in tokens.
func (w *World) bonded() float64 { return protocol.Tokens(w.totStaked + w.operatorSelfStake()) }

// emissionYieldChange is what an emission proposal changes: the new tokens
// a year at today's supply and stake, at the level after pr against now
// (EmissionSchedule.MintedOn for tomorrow, times 365), dilute every token;
// the stakers' part (today's share of the emission left for stakers after
// the mechanisms took theirs, all of it on a day that mints nothing) pays
// the stake.
func (w *World) emissionYieldChange(pr *proposal) yieldChange {
	if x, _ := w.emissionLevel(); x == nil {
		return yieldChange{}
	}
	supply := w.supply0 + w.minted - w.burned
	bonded := w.totStaked + w.operatorSelfStake()
	after := w.emissionSchedule() // a copy: its level is changed, not the run's
	lv, _ := after.Level()
	*lv = w.emissionAfter(pr)
	dn := 365 * protocol.Tokens(after.MintedOn(w.day+1, supply, bonded)-w.emissionSchedule().MintedOn(w.day+1, supply, bonded))
	y := w.dilution(dn)
	share := 1.0
	if m := w.emittedToday(); m > 0 {
		share = float64(w.stakersEmission()) / float64(m)
	}
	if s := w.bonded(); s > 0 {
		y.staked += share * dn / s
	}
	return y
}

// budgetYieldChange is what a budget proposal changes: the tokens a year
// the treasury pays out (the token budget, and the USD budget sold at
// today's price) dilute every token, and the token budget's change goes to
// the grantees.
func (w *World) budgetYieldChange(pr *proposal) yieldChange {
	usdBudget, tokenBudget := w.budgets()
	f := w.budgetChange(pr) // the budgets' relative change
	tokens := 12 * f * tokenBudget
	out := tokens
	if price := w.price(); price > 0 {
		out += 12 * f * usdBudget / price
	}
	y := w.dilution(out)
	if g := w.granteeTokens(); g > 0 {
		y.grantee = tokens / g
	}
	return y
}

// granteeTokens is what the grantees hold (liquid, staked and unbonding),
// in tokens.
func (w *World) granteeTokens() float64 {
	h := &w.h
	var x int64
	for _, i := range w.grantees() {
		x += h.liquid[i] + h.staked[i] + h.unbonding[i]
	}
	return protocol.Tokens(x)
}

// stakerYield is the stakers' yearly reward per bonded token, in tokens:
// their share of today's fees at today's price and today's emission left
// for stakers, times 365, over the bonded stake (before commission).
func (w *World) stakerYield() float64 {
	s := w.bonded()
	price := w.price()
	if !(s > 0) || !(price > 0) {
		return 0
	}
	return 365 * (w.feeRevenue()*w.feeSplitNow().Stakers/price + protocol.Tokens(w.stakersEmission())) / s
}

// commissionCut is the mean cut in the commission the active operators
// charge, from the cap now to the cap after pr, weighted by what is
// delegated to them (the stake that pays commission; equal weights when
// nothing is). It is never negative: a cap that rises restores no
// commission it clamped (applyParameter).
func (w *World) commissionCut(pr *proposal) float64 {
	o := w.operatorColumns()
	now, after := w.commissionCap(), w.commissionCapAfter(pr)
	var cut, deleg, plain float64
	for _, k := range o.act {
		c := min(o.commission[k], now) - min(o.commission[k], after)
		d := float64(o.deleg[k])
		cut += d * c
		deleg += d
		plain += c
	}
	switch {
	case deleg > 0:
		return cut / deleg
	case len(o.act) > 0:
		return plain / float64(len(o.act))
	}
	return 0
}

// meanLivenessRate is the active operators' mean rate of liveness
// offences, per year.
func (w *World) meanLivenessRate() float64 {
	o := w.operatorColumns()
	if len(o.act) == 0 {
		return 0
	}
	var r float64
	for _, k := range o.act {
		r += o.rate[offLiveness][k]
	}
	return 365 * r / float64(len(o.act))
}

// operatorInterest is what pr changes, on top of a staked token's
// change, in the business of operator k per token of its bonded
// self-stake (the power it votes), in units of the price per year. D_k is
// what is delegated to it, c_k its commission and Y the stakers' yearly
// yield (stakerYield); its commission income is c_k·Y·D_k a year (its own
// stake earns Y whatever the commission):
//
//   - minimum stake: the tokens it must buy to stay eligible,
//     max(m' − self_k, 0)/self_k (a one-off, counted as a one-year value;
//     nothing when it already holds enough);
//   - fraud bond: the bond's capital locked, at the lending rate:
//     −rate·Δbond/(self_k·P);
//   - commission cap: the commission it loses, −Δc_k·Y·D_k/self_k, less
//     the stakers' gain its stake was credited with (it pays itself no
//     commission);
//   - active-set size: its delegations, and with them its commission,
//     scale as n/n' (an assumption: seats added are filled by stake drawn
//     from the incumbents): (n/n' − 1)·c_k·Y·D_k/self_k;
//   - liveness penalty: its expected yearly slash, −rate_k·detection·Δpenalty
//     (its own stake is slashed whether or not delegators are);
//   - anything else: nothing beyond its stake's change (an honest operator
//     posts no invalid root, so that penalty costs it nothing).
func (w *World) operatorInterest(pr *proposal, k int, o *opColumns) float64 {
	self := protocol.Tokens(o.self[k])
	if !(self > 0) {
		return 0
	}
	perCommission := w.stakerYield() * protocol.Tokens(o.deleg[k]) / self // Y·D_k/self_k
	switch pr.kind {
	case propMinStake:
		after := w.minStakeAfter(pr)
		if after <= protocol.Tokens(w.minStake()) {
			return 0
		}
		return -max(after-self, 0) / self
	case propBond:
		price := w.price()
		if !(price > 0) {
			return 0
		}
		return -w.p.Lending.RateAnnual * (w.bondAfter(pr) - w.fraudBond()) / (self * price)
	case propCommissionCap:
		c := o.commission[k]
		return -(min(c, w.commissionCap())-min(c, w.commissionCapAfter(pr)))*perCommission - w.stakerYield()*w.commissionCut(pr)
	case propActiveSet:
		return (float64(w.maxActive())/float64(w.maxActiveAfter(pr)) - 1) * min(o.commission[k], w.commissionCap()) * perCommission
	case propLivenessPenalty:
		return -365 * o.rate[offLiveness][k] * w.p.Slashing.Liveness.Detection * (w.penaltyAfter(pr) - w.livenessPenalty())
	}
	return 0
}

// operatorInterests writes operatorInterest of each operator slot in use
// into dst (0 for the slots beyond), for a snapshot: one call a
// proposal, not one a voter.
func (w *World) operatorInterests(pr *proposal, dst []float64) {
	o := w.operatorColumns()
	for k := range dst {
		dst[k] = 0
		if k < o.n {
			dst[k] = w.operatorInterest(pr, k, &o)
		}
	}
}
