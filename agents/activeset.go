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
