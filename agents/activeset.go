package agents

import (
	"math"

	"github.com/seqsim/seqsim/agents/protocol"
)

// selectActive picks today's active set: eligible operators (bonded, not
// jailed, self-stake at least min_stake) with the most total stake, ties to
// the older slot; then measures the concentration of active stake.
func (w *World) selectActive() {
	o := &w.ops
	n := &w.net
	p := &w.p.Sequencers
	minStake := w.live.minStake // governance may change it (governance.go)
	n.act, n.actStake = n.act[:0], n.actStake[:0]
	for k := range o.n {
		o.active[k] = false
		if o.status[k] != opBonded || int(o.jailUntil[k]) > w.day || o.self[k] < minStake {
			continue
		}
		st := o.stake(k)
		n.act, n.actStake = append(n.act, k), append(n.actStake, st)
		for j := len(n.act) - 1; j > 0 && n.actStake[j] > n.actStake[j-1]; j-- { // stable insertion
			n.act[j], n.act[j-1] = n.act[j-1], n.act[j]
			n.actStake[j], n.actStake[j-1] = n.actStake[j-1], n.actStake[j]
		}
	}
	if len(n.act) > p.MaxActive {
		n.act, n.actStake = n.act[:p.MaxActive], n.actStake[:p.MaxActive]
	}
	for _, k := range n.act {
		o.active[k] = true
	}
	n.nakamoto3 = protocol.NakamotoCoefficient(n.actStake, 1.0/3)
	n.nakamoto2 = protocol.NakamotoCoefficient(n.actStake, 1.0/2)
	n.hhi = protocol.HHI(n.actStake)
	if n.nakamoto3 > 0 && (w.tot.minNakamoto == 0 || n.nakamoto3 < w.tot.minNakamoto) {
		w.tot.minNakamoto = n.nakamoto3
	}
	w.updateChoice()
}

// updateChoice prepares the delegators' choice among active operators:
// cumulative logit weights of the scores (one exp per operator per day, not
// per delegator).
func (w *World) updateChoice() {
	o := &w.ops
	n := &w.net
	n.bestScore, n.bestKeep = 0, 0
	for _, k := range n.act {
		n.bestScore = max(n.bestScore, o.score(k))
		n.bestKeep = max(n.bestKeep, 1-o.commission[k])
	}
	noise := w.p.Staking.ChoiceNoise
	var cum float64
	for j, k := range n.act {
		wt := 0.0
		switch {
		case noise > 0:
			wt = math.Exp((o.score(k) - n.bestScore) / noise)
		case o.score(k) == n.bestScore:
			wt = 1
		}
		cum += wt
		n.choiceCum[j] = cum
	}
}

// declareNetworkMetrics declares the sequencer network's metrics: the active set, concentration and slashing.
func declareNetworkMetrics(m *Model, c *columns) {
	c.sActiveSequencers = m.Series(Metric{Name: "active_sequencers", Unit: "count", Doc: "operators in the active set", Chart: true})
	c.sNakamoto = m.Series(Metric{Name: "nakamoto_coefficient", Unit: "count", Doc: "fewest active operators holding more than 1/3 of active stake (can halt or censor)", Chart: true})
	c.sNakamotoHalf = m.Series(Metric{Name: "nakamoto_coefficient_half", Unit: "count", Doc: "fewest active operators holding more than 1/2 of active stake"})
	c.sHHIStake = m.Series(Metric{Name: "hhi_stake", Unit: "0-1", Doc: "Herfindahl-Hirschman index of active stake (sum of squared shares)", Chart: true})
	c.oTotalSlashed = m.Outcome(Metric{Name: "total_slashed", Unit: "tokens", Doc: "tokens slashed over the run, all offences", Chart: true, Section: "health"})
	c.oLivenessFailures = m.Outcome(Metric{Name: "liveness_failures", Unit: "operator-days", Doc: "days an operator was offline, summed over operators", Section: "health"})
	c.oMinNakamoto = m.Outcome(Metric{Name: "min_nakamoto_coefficient", Unit: "count", Doc: "lowest Nakamoto coefficient (1/3 of active stake) over the run (empty when no stake was ever active)", MayBeEmpty: true, LowerTail: true, Section: "capture"})
}
