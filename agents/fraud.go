package agents

// Invalid roots: a sequencer's choice to post one, what it would steal
// from the bridge, how one is resolved when posted (caught, or left to
// finalise), and what a finalised one does to the rollup's users.

import (
	"fmt"
	"math"

	"github.com/seqsim/seqsim/agents/protocol"
)

// tvl is the value the rollup's bridge holds today, USD: it moves with
// the fee level (both measure use of the rollup; users who leave take
// both) and has lost what finalised frauds stole.
func (vg *verification) tvl() float64 {
	return vg.p.Fraud.TVLUSD * vg.env.feeLevel() * vg.g.tvlFactor
}

// fraudGain is G: what an invalid root that finalises would steal today,
// gain + tvl_share·A, with A the bridged value that invalid roots already
// pending have not claimed: frauds posted within one challenge window
// share the bridge, so together they never take more than it holds.
func (vg *verification) fraudGain() float64 {
	return vg.p.Fraud.Gain + vg.p.Fraud.TVLShare*max(vg.tvl()-vg.g.pendingSum, 0)
}

// finaliseFrauds counts the unchecked frauds whose challenge window ends
// today: their gain is lost to users.
func (vg *verification) finaliseFrauds() {
	g := &vg.g
	slot := vg.day % len(g.pendingN)
	if n := g.pendingN[slot]; n > 0 {
		g.finalised += int64(n)
		g.lossUSD += g.pendingUSD[slot]
		if g.firstFinalDay < 0 {
			g.firstFinalDay = vg.day
		}
		g.pendingSum = max(g.pendingSum-g.pendingUSD[slot], 0)
		vg.fraudCostsUsers(int(n), g.pendingUSD[slot])
	}
	g.pendingN[slot], g.pendingUSD[slot] = 0, 0
}

// fraudCostsUsers is what n finalised frauds that stole stolen USD do to
// the rollup beyond the theft: the bridge loses what was stolen, a share
// fraud.exodus of the users leaves with each fraud (the fee level, hence
// the fee revenue and the TVL, jumps down for good: the demand phase's
// log fee level is shifted, and today's revenue, not yet split, with it),
// and the token's demand-side value falls by fraud.price_shock each. No
// USD account of the model holds the bridged value, so the USD ledger is
// untouched: the users' loss is outside the model (fraud_loss_usd).
func (vg *verification) fraudCostsUsers(n int, stolen float64) {
	fp := &vg.p.Fraud
	g := &vg.g
	if t := vg.tvl(); t > 0 {
		g.tvlFactor *= max(0, 1-stolen/t)
	}
	if fp.Exodus > 0 {
		jump := float64(n) * math.Log1p(-fp.Exodus)
		vg.env.shiftFeeLevel(jump)
	}
	if fp.PriceShock > 0 {
		vg.env.shiftValue(float64(n) * math.Log1p(-fp.PriceShock))
	}
	if vg.env.tracing() { // details are formatted only for a replay
		vg.env.event("fraud_finalised", "users", stolen, "USD", fmt.Sprintf("%d invalid roots finalised; users leave and the token's value falls", n))
	}
}

// cheatProb is operator k's probability of posting an invalid root when it
// believes a fraud is detected with probability d: a logit response to
// gain G against its bond and its franchise (franchise(k)), at a
// temperature of fraud.noise times the smaller of gain and bond. A
// benched operator posts honestly.
func (vg *verification) cheatProb(k int, d, gain, price, franchise float64) float64 {
	o := &vg.seq
	if !(gain > 0) || o.benched[k] {
		return 0
	}
	bond := vg.bond + vg.penalty*protocol.Tokens(o.self[k])*price // governance may change the bond and the penalty
	return logitChoice(gain*(1-d)-(bond+franchise)*d, vg.p.Fraud.Noise*min(gain, bond))
}

// takeFranchises sets fr[k] to franchise(k) for today's online operators,
// once a revision: cheatAt asks for every operator's at every verifier's
// deterrence, and it cannot change within a revision (an operator's
// smoothed income moves at the end of the day).
func (vg *verification) takeFranchises() {
	for _, k := range vg.seq.online {
		vg.fr[k] = vg.franchise(k)
	}
}

// franchise is what a caught fraud takes from operator k's future income
// when fraud.far_sighted: its smoothed net income (USD a day, if positive)
// capitalised as the valuation capitalises cash flows, 365·y/(r − g),
// when the slash removes it, or for the jail days otherwise.
func (vg *verification) franchise(k int) float64 {
	y := vg.seq.profit[k]
	if !vg.p.Fraud.FarSighted || !(y > 0) {
		return 0
	}
	ip := &vg.p.Slashing.InvalidRoot
	if ip.Remove {
		return vg.val.CashFlowCap(y)
	}
	return y * float64(ip.JailDays)
}

// cheatAt is the sequencers' fraud probability per batch, weighted by
// today's batches, if their detection belief were d.
func (vg *verification) cheatAt(d, gain, price float64) float64 {
	var num, den float64
	for _, k := range vg.seq.online {
		b := float64(vg.seq.batches[k])
		den += b
		if b > 0 {
			num += b * vg.cheatProb(k, d, gain, price, vg.fr[k])
		}
	}
	if den == 0 {
		return 0
	}
	return num / den
}

// fraud resolves one invalid root posted by operator s.
func (vg *verification) fraud(s int) {
	v := &vg.v
	g := &vg.g
	vp := &vg.p.Verification
	r := vg.r
	g.frauds++
	v.hit = v.hit[:0]
	for i := range v.len() {
		if r.Float64() < v.p[i] {
			v.hit = append(v.hit, int32(i))
			g.checks++
			v.profit[i] += vp.SubsidyPerCheck - v.cost[i]
			g.owedUSD += vp.SubsidyPerCheck
		}
	}
	defensive := 0 // defensive validators that checked it
	for range g.defensive {
		if a := vp.DefensiveCheckRate; a >= 1 || r.Float64() < a {
			defensive++
		}
	}
	checkers := len(v.hit) + defensive
	if checkers == 0 { // passes: finalises after the challenge window
		g.missed++
		gain := vg.fraudGain() // what this root claims, after those pending
		if vg.env.tracing() {  // names and details are formatted only for a replay
			vg.env.event("fraud_unchecked", operatorName(s), gain, "USD", "invalid root nobody checked; finalises after the challenge window")
		}
		for i := range v.len() {
			v.profit[i] -= vp.MissPenalty + v.share[i]*gain
		}
		vg.env.operatorEarns(s, gain)
		slot := (vg.day + max(vp.ChallengeWindowDays, 0)) % len(g.pendingN)
		g.pendingN[slot]++
		g.pendingUSD[slot] += gain
		g.pendingSum += gain
		return
	}
	// Caught: the bond is forfeited to the treasury, which pays the
	// challengers; the sequencer's stake is slashed.
	g.caught++
	if vg.env.tracing() { // names and details are formatted only for a replay
		vg.env.event("fraud_caught", operatorName(s), vg.bond, "USD", fmt.Sprintf("challenged by %d verifiers and %d defensive validators; bond forfeited", len(v.hit), defensive))
	}
	vg.env.operatorEarns(s, -vg.bond)
	g.owedUSD -= vg.bond
	// Defensive validators share the pot but claim nothing: their part of
	// a shared reward is not owed, and their part of the challenger
	// tokens stays in the challenger account.
	reward := vp.Reward
	if vp.RewardMode == RewardShared {
		reward /= float64(checkers)
	}
	ip := &vg.p.Slashing.InvalidRoot
	_, chal := vg.env.slash(s, vg.penalty, ip.JailDays, ip.Remove)
	windfall := protocol.Tokens(chal) * vg.env.price() / float64(checkers)
	for _, i := range v.hit {
		v.profit[i] += reward + windfall
		g.owedUSD += reward
	}
}
