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
func (w *World) drawCheckCost(r *rand.Rand) float64 {
	p := &w.p.Verification
	c := p.CheckCost
	if p.CheckCostSpread > 0 {
		c *= math.Exp(p.CheckCostSpread * r.NormFloat64())
	}
	return c
}

// drawVerifierStake draws a verifier's operating cost (USD a day) and its
// share of the bridged value, from the verifier population stream.
func (w *World) drawVerifierStake() (opCostPerDay, share float64) {
	r := w.streams.verifierPop
	return w.v.opCostS.Rand(r) / 365, clamp01(w.v.shareS.Rand(r))
}

// reviewVerifiers is the population's review: the verifier whose
// membership value since the last review falls furthest short of its
// operating cost leaves, then (below the cap) one candidate drawn afresh
// enters if a year of membership at today's beliefs is worth more than its
// operating cost (see Verification).
func (w *World) reviewVerifiers() {
	v := &w.v
	g := &w.game
	vp := &w.p.Verification
	days := float64(vp.ReviewDays)
	worst, worstNet := -1, 0.0
	for i := range v.len() {
		if net := v.value[i] - v.opCost[i]*days; net < worstNet {
			worst, worstNet = i, net
		}
		v.value[i] = 0
	}
	if worst >= 0 {
		w.verifierLeaves(worst)
	}
	if v.len() >= g.capacity {
		return
	}
	c := w.drawCheckCost(w.streams.verifierPop)
	opCost, share := w.drawVerifierStake()
	// The candidate's value: what it would earn checking, and how much
	// fraud its presence would deter, at today's beliefs.
	n := v.len()
	var sumBelief float64
	none := w.defensiveMiss() // nobody checks, in everyone's belief, now that one may have left
	for _, b := range v.belief {
		sumBelief += b
		none *= 1 - b
	}
	g.detectBelief = 1 - none
	price := w.pool.Price()
	gain := w.fraudGain()
	others := 1 - g.detectBelief
	loss := vp.MissPenalty + share*gain
	gamma := w.checkGain(c, loss, others, w.potShare(sumBelief, n+1))
	temp := vp.Noise * c
	pc := logitChoice(gamma, temp)
	deter := loss * others * (w.cheatAt(g.detectBelief, gain, price) - w.cheatAt(1-others*(1-pc), gain, price))
	perYear := (logSum(gamma, temp) + deter) * float64(w.p.Sequencers.BatchesPerDay) * 365
	if !(perYear > opCost*365) {
		return
	}
	v.cost, v.opCost, v.share = append(v.cost, c), append(v.opCost, opCost), append(v.share, share)
	v.p, v.belief, v.profit, v.value = append(v.p, pc), append(v.belief, pc), append(v.profit, 0), append(v.value, 0)
	g.entries++
	if w.trace != nil {
		w.event("verifier_entry", fmt.Sprintf("verifier %d", g.entries), perYear, "USD/year", fmt.Sprintf("expected value of membership; node costs %.0f a year", opCost*365))
	}
}

// verifierLeaves removes verifier i, keeping the others in order (the
// draws of a fraud's checks go through them in order).
func (w *World) verifierLeaves(i int) {
	v := &w.v
	g := &w.game
	g.exits++
	g.profitGone += v.profit[i]
	if w.trace != nil {
		w.event("verifier_exit", fmt.Sprintf("verifier %d of %d", i+1, v.len()), v.profit[i], "USD", "membership worth less than its node over the review")
	}
	for _, s := range []*[]float64{&v.cost, &v.opCost, &v.share, &v.p, &v.belief, &v.profit, &v.value} {
		*s = append((*s)[:i], (*s)[i+1:]...)
	}
}

// recordVerification writes the verifier population and the bridged value.
func (w *World) recordVerification(row []float64) {
	row[w.col.sVerifiers] = float64(w.v.len())
	row[w.col.sTVL] = w.tvl()
}

// summariseVerification fills the population's and the bridge's outcomes.
func (w *World) summariseVerification(out []float64) {
	out[w.col.oFinalVerifiers] = float64(w.v.len())
	out[w.col.oVerifierExits] = float64(w.game.exits)
	out[w.col.oVerifierEntries] = float64(w.game.entries)
	out[w.col.oFinalTVL] = w.tvl()
}
