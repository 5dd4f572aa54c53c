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
	if m := w.live.maxActive; len(n.act) > m { // governance may change it
		n.act, n.actStake = n.act[:m], n.actStake[:m]
	}
	for _, k := range n.act {
		o.active[k] = true
	}
	n.nakamoto3 = protocol.NakamotoCoefficient(n.actStake, 1.0/3)
	n.nakamoto2 = protocol.NakamotoCoefficient(n.actStake, 1.0/2)
	n.hhi = protocol.HHI(n.actStake)
	w.updateChoice()
}

// updateChoice prepares the delegators' choice among active operators:
// cumulative logit weights of the scores (one exp per operator per day, not
// per delegator), 0 for an operator at or above max_operator_share of
// active stake.
func (w *World) updateChoice() {
	o := &w.ops
	n := &w.net
	n.bestScore, n.bestKeep = 0, 0
	for _, k := range n.act {
		n.bestScore = max(n.bestScore, o.score(k))
		n.bestKeep = max(n.bestKeep, 1-o.commission[k])
	}
	noise := w.p.Staking.ChoiceNoise
	capStake := math.Inf(1) // stake at which an operator is full (max_operator_share)
	if c := w.p.Staking.MaxOperatorShare; c < 1 {
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

// summariseConcentration fills the active set's concentration outcomes
// from the recorded series: over the days from settled (the day positions
// settled, settledDay) on which some stake was active, the lowest and the
// mean Nakamoto coefficients (1/3 and 1/2) and the highest and the mean
// HHI (HHI grows with concentration, so its worst day is its maximum). On
// the first days only the launch operators' self-stake is bonded and the
// first few delegations decide the shares (docs/model.md §7.4), which
// says nothing about the design once positions exist. Empty when
// positions never settled or no such day exists.
func (w *World) summariseConcentration(series []float64, steps, settled int, out []float64) {
	at := func(d int, c Column) float64 { return series[d*w.width+int(c)] }
	from := settled
	if from < 0 {
		from = steps // never settled: no day counts
	}
	min3, min2, maxH := math.Inf(1), math.Inf(1), 0.0
	var sum3, sum2, sumH float64
	days := 0
	for d := from; d < steps; d++ {
		n3 := at(d, w.col.sNakamoto)
		if n3 == 0 { // nothing active that day
			continue
		}
		n2, h := at(d, w.col.sNakamotoHalf), at(d, w.col.sHHIStake)
		min3, min2, maxH = min(min3, n3), min(min2, n2), max(maxH, h)
		sum3, sum2, sumH = sum3+n3, sum2+n2, sumH+h
		days++
	}
	if days == 0 {
		min3, min2, maxH, sum3, sum2, sumH = math.NaN(), math.NaN(), math.NaN(), math.NaN(), math.NaN(), math.NaN()
		days = 1
	}
	out[w.col.oMinNakamoto], out[w.col.oMeanNakamoto] = min3, sum3/float64(days)
	out[w.col.oMinNakamotoHalf], out[w.col.oMeanNakamotoHalf] = min2, sum2/float64(days)
	out[w.col.oMaxHHIStake], out[w.col.oMeanHHIStake] = maxH, sumH/float64(days)
}

// declareNetworkMetrics declares the sequencer network's metrics: the active set, concentration and slashing.
func declareNetworkMetrics(m *Model, c *columns) {
	c.sActiveSequencers = m.Series(Metric{Name: "active_sequencers", Unit: "count", Doc: "operators in the active set", Chart: true})
	c.sNakamoto = m.Series(Metric{Name: "nakamoto_coefficient", Unit: "count", Doc: "fewest active operators holding more than 1/3 of active stake (can halt or censor)", Chart: true})
	c.sNakamotoHalf = m.Series(Metric{Name: "nakamoto_coefficient_half", Unit: "count", Doc: "fewest active operators holding more than 1/2 of active stake"})
	c.sHHIStake = m.Series(Metric{Name: "hhi_stake", Unit: "0-1", Doc: "Herfindahl-Hirschman index of active stake (sum of squared shares)", Chart: true})
	c.oTotalSlashed = m.Outcome(Metric{Name: "total_slashed", Unit: "tokens", Doc: "tokens slashed over the run, all offences", Chart: true, Section: "health"})
	c.oLivenessFailures = m.Outcome(Metric{Name: "liveness_failures", Unit: "operator-days", Doc: "days an operator was offline, summed over operators", Section: "health"})
	c.oMinNakamoto = m.Outcome(Metric{Name: "min_nakamoto_coefficient", Unit: "count", Doc: "lowest Nakamoto coefficient (1/3 of active stake) from positions_settled_day on (empty when positions never settled or no stake was active then)", MayBeEmpty: true, LowerTail: true, Section: "capture"})
	c.oMeanNakamoto = m.Outcome(Metric{Name: "mean_nakamoto_coefficient", Unit: "count", Doc: "mean Nakamoto coefficient (1/3 of active stake) over the days from positions_settled_day with active stake", MayBeEmpty: true, Chart: true, LowerTail: true, Section: "capture"})
	c.oMinNakamotoHalf = m.Outcome(Metric{Name: "min_nakamoto_coefficient_half", Unit: "count", Doc: "lowest Nakamoto coefficient at 1/2 of active stake from positions_settled_day on", MayBeEmpty: true, LowerTail: true, Section: "capture"})
	c.oMeanNakamotoHalf = m.Outcome(Metric{Name: "mean_nakamoto_coefficient_half", Unit: "count", Doc: "mean Nakamoto coefficient at 1/2 of active stake over the days from positions_settled_day with active stake", MayBeEmpty: true, LowerTail: true, Section: "capture"})
	c.oMaxHHIStake = m.Outcome(Metric{Name: "max_hhi_stake", Unit: "0-1", Doc: "highest HHI of active stake from positions_settled_day on", MayBeEmpty: true, Section: "capture"})
	c.oMeanHHIStake = m.Outcome(Metric{Name: "mean_hhi_stake", Unit: "0-1", Doc: "mean HHI of active stake over the days from positions_settled_day with active stake", MayBeEmpty: true, Chart: true, Section: "capture"})
	declareChurnMetrics(m, c)
}
