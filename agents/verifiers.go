package agents

// The verifier population: who verifies, what each costs and holds, and
// the review by which verifiers leave and enter (Verification documents
// the rule). The per-batch game they play is in verification.go.

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// verifiers is the verifier population as a struct of slices: index i is
// one verifier. The rule they play and learn by is documented on
// Verification; protocol.InspectionGame has its closed-form equilibrium.
type verifiers struct {
	cost   []float64 // c_i, USD per check
	opCost []float64 // f_i, USD per day: its node, whether it checks or not
	share  []float64 // θ_i: share of the TVL it or its users hold
	p      []float64 // current probability of checking a batch
	belief []float64 // everyone's belief about verifier i's check rate
	profit []float64 // USD over the run
	value  []float64 // membership value since the last review, USD (before the operating cost)
	pre    []float64 // scratch: prefix products of (1 - belief)
	suf    []float64 // scratch: suffix products
	hit    []int32   // scratch: checkers of the current fraud

	opCostS, shareS sampler // per-verifier draws (verifier population stream)
}

func (v *verifiers) len() int { return len(v.cost) }

// sized returns s with length n and capacity at least c, cleared.
func sized(s []float64, n, c int) []float64 {
	if cap(s) < c {
		s = make([]float64, c)
	}
	s = s[:n]
	clear(s)
	return s
}

// drawCheckCost draws a verifier's check cost: check_cost times a
// lognormal factor of median 1 (no draw when the spread is 0).
func (vg *verification) drawCheckCost(r *rand.Rand) float64 {
	p := &vg.p.Verification
	c := p.CheckCost
	if p.CheckCostSpread > 0 {
		c *= math.Exp(p.CheckCostSpread * r.NormFloat64())
	}
	return c
}

// drawVerifierStake draws a verifier's operating cost (USD a day) and its
// share of the bridged value, from the verifier population stream.
func (vg *verification) drawVerifierStake() (opCostPerDay, share float64) {
	r := vg.pop
	return vg.v.opCostS.Rand(r) / 365, clamp01(vg.v.shareS.Rand(r))
}

// reviewVerifiers is the population's review: the verifier whose
// membership value since the last review falls furthest short of its
// operating cost leaves, then (below the cap) one candidate drawn afresh
// enters if a year of membership at today's beliefs is worth more than its
// operating cost (see Verification).
func (vg *verification) reviewVerifiers() {
	v := &vg.v
	g := &vg.g
	vp := &vg.p.Verification
	days := float64(vp.ReviewDays)
	worst, worstNet := -1, 0.0
	for i := range v.len() {
		if net := v.value[i] - v.opCost[i]*days; net < worstNet {
			worst, worstNet = i, net
		}
		v.value[i] = 0
	}
	if worst >= 0 {
		vg.verifierLeaves(worst)
	}
	if v.len() >= g.capacity {
		return
	}
	c := vg.drawCheckCost(vg.pop)
	opCost, share := vg.drawVerifierStake()
	// The candidate's value: what it would earn checking, and how much
	// fraud its presence would deter, at today's beliefs.
	n := v.len()
	var sumBelief float64
	none := vg.defensiveMiss() // nobody checks, in everyone's belief, now that one may have left
	for _, b := range v.belief {
		sumBelief += b
		none *= 1 - b
	}
	g.detectBelief = 1 - none
	price := vg.env.price()
	gain := vg.fraudGain()
	others := 1 - g.detectBelief
	loss := vp.MissPenalty + share*gain
	gamma := vg.checkGain(c, loss, others, vg.potShare(sumBelief, n+1))
	temp := vp.Noise * c
	pc := logitChoice(gamma, temp)
	vg.takeFranchises()
	deter := loss * others * (vg.cheatAt(g.detectBelief, gain, price) - vg.cheatAt(1-others*(1-pc), gain, price))
	perYear := (logSum(gamma, temp) + deter) * float64(vg.p.Sequencers.BatchesPerDay) * 365
	if !(perYear > opCost*365) {
		return
	}
	v.cost, v.opCost, v.share = append(v.cost, c), append(v.opCost, opCost), append(v.share, share)
	v.p, v.belief, v.profit, v.value = append(v.p, pc), append(v.belief, pc), append(v.profit, 0), append(v.value, 0)
	g.entries++
	if vg.env.tracing() {
		vg.env.event("verifier_entry", fmt.Sprintf("verifier %d", g.entries), perYear, "USD/year", fmt.Sprintf("expected value of membership; node costs %.0f a year", opCost*365))
	}
}

// verifierLeaves removes verifier i, keeping the others in order (the
// draws of a fraud's checks go through them in order).
func (vg *verification) verifierLeaves(i int) {
	v := &vg.v
	g := &vg.g
	g.exits++
	g.profitGone += v.profit[i]
	if vg.env.tracing() {
		vg.env.event("verifier_exit", fmt.Sprintf("verifier %d of %d", i+1, v.len()), v.profit[i], "USD", "membership worth less than its node over the review")
	}
	for _, s := range []*[]float64{&v.cost, &v.opCost, &v.share, &v.p, &v.belief, &v.profit, &v.value} {
		*s = append((*s)[:i], (*s)[i+1:]...)
	}
}

// recordPopulation writes the verifier population and the bridged value.
func (vg *verification) recordPopulation(row []float64, col *columns) {
	row[col.sVerifiers] = float64(vg.v.len())
	row[col.sTVL] = vg.tvl()
}

// summarisePopulation fills the population's and the bridge's outcomes.
func (vg *verification) summarisePopulation(out []float64, col *columns) {
	out[col.oFinalVerifiers] = float64(vg.v.len())
	out[col.oVerifierExits] = float64(vg.g.exits)
	out[col.oVerifierEntries] = float64(vg.g.entries)
	out[col.oFinalTVL] = vg.tvl()
}
