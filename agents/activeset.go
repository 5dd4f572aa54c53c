package agents

import (
	"math"

	"github.com/seqsim/seqsim/agents/protocol"
)

// selectActive picks today's active set: eligible operators (bonded, not
// jailed, self-stake at least min_stake) with the most total stake, ties to
// the older slot; then measures the concentration of active stake.
func (sq *sequencing) selectActive() {
	o := &sq.ops
	n := &sq.net
	minStake := sq.env.minStake() // governance may change it (governance.go)
	n.act, n.actStake = n.act[:0], n.actStake[:0]
	for k := range o.n {
		o.active[k] = false
		if o.status[k] != opBonded || int(o.jailUntil[k]) > sq.day || o.self[k] < minStake {
			continue
		}
		st := o.stake(k)
		n.act, n.actStake = append(n.act, k), append(n.actStake, st)
		for j := len(n.act) - 1; j > 0 && n.actStake[j] > n.actStake[j-1]; j-- { // stable insertion
			n.act[j], n.act[j-1] = n.act[j-1], n.act[j]
			n.actStake[j], n.actStake[j-1] = n.actStake[j-1], n.actStake[j]
		}
	}
	if m := sq.env.maxActive(); len(n.act) > m { // governance may change it
		n.act, n.actStake = n.act[:m], n.actStake[:m]
	}
	for _, k := range n.act {
		o.active[k] = true
	}
	n.nakamoto3 = protocol.NakamotoCoefficient(n.actStake, 1.0/3)
	n.nakamoto2 = protocol.NakamotoCoefficient(n.actStake, 1.0/2)
	n.hhi = protocol.HHI(n.actStake)
	sq.updateChoice()
}

// updateChoice prepares the delegators' choice among active operators:
// cumulative logit weights of the scores (one exp per operator per day, not
// per delegator), 0 for an operator at or above max_operator_share of
// active stake.
func (sq *sequencing) updateChoice() {
	o := &sq.ops
	n := &sq.net
	n.bestScore, n.bestKeep = 0, 0
	for _, k := range n.act {
		n.bestScore = max(n.bestScore, o.score(k))
		n.bestKeep = max(n.bestKeep, 1-o.commission[k])
	}
	noise := sq.p.Staking.ChoiceNoise
	capStake := math.Inf(1) // stake at which an operator is full (max_operator_share)
	if c := sq.p.Staking.MaxOperatorShare; c < 1 {
		var total int64
		for _, st := range n.actStake {
			total += st
		}
		capStake = c * float64(total)
	}
	var cum float64
	for j, k := range n.act {
		wt := 0.0
		switch {
		case float64(n.actStake[j]) >= capStake && capStake > 0:
			// full: no new delegators
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
func declareNetworkMetrics(d *coreDecls, c *columns) {
	d.Series(&c.sActiveSequencers, Metric{Name: "active_sequencers", Unit: "count", Doc: "operators in the active set", Chart: true})
	d.Series(&c.sNakamoto, Metric{Name: "nakamoto_coefficient", Unit: "count", Doc: "fewest active operators holding more than 1/3 of active stake (can halt or censor)", Chart: true})
	d.Series(&c.sNakamotoHalf, Metric{Name: "nakamoto_coefficient_half", Unit: "count", Doc: "fewest active operators holding more than 1/2 of active stake"})
	d.Series(&c.sHHIStake, Metric{Name: "hhi_stake", Unit: "0-1", Doc: "Herfindahl-Hirschman index of active stake (sum of squared shares)", Chart: true})
	d.Outcome(&c.oTotalSlashed, Metric{Name: "total_slashed", Unit: "tokens", Doc: "tokens slashed over the run, all offences", Chart: true, Section: "health"})
	d.Outcome(&c.oLivenessFailures, Metric{Name: "liveness_failures", Unit: "operator-days", Doc: "days an operator was offline, summed over operators", Section: "health"})
	d.Outcome(&c.oMinNakamoto, Metric{Name: "min_nakamoto_coefficient", Unit: "count", Doc: "lowest Nakamoto coefficient (1/3 of active stake) from positions_settled_day on (empty when positions never settled or no stake was active then)", MayBeEmpty: true, LowerTail: true, Section: "capture"})
	d.Outcome(&c.oMeanNakamoto, Metric{Name: "mean_nakamoto_coefficient", Unit: "count", Doc: "mean Nakamoto coefficient (1/3 of active stake) over the days from positions_settled_day with active stake", MayBeEmpty: true, Chart: true, LowerTail: true, Section: "capture"})
	d.Outcome(&c.oMinNakamotoHalf, Metric{Name: "min_nakamoto_coefficient_half", Unit: "count", Doc: "lowest Nakamoto coefficient at 1/2 of active stake from positions_settled_day on", MayBeEmpty: true, LowerTail: true, Section: "capture"})
	d.Outcome(&c.oMeanNakamotoHalf, Metric{Name: "mean_nakamoto_coefficient_half", Unit: "count", Doc: "mean Nakamoto coefficient at 1/2 of active stake over the days from positions_settled_day with active stake", MayBeEmpty: true, LowerTail: true, Section: "capture"})
	d.Outcome(&c.oMaxHHIStake, Metric{Name: "max_hhi_stake", Unit: "0-1", Doc: "highest HHI of active stake from positions_settled_day on", MayBeEmpty: true, Section: "capture"})
	d.Outcome(&c.oMeanHHIStake, Metric{Name: "mean_hhi_stake", Unit: "0-1", Doc: "mean HHI of active stake over the days from positions_settled_day with active stake", MayBeEmpty: true, Chart: true, Section: "capture"})
	declareChurnMetrics(d, c)
}
