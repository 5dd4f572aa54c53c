package agents

import "math"

// Effective governance, as the seed's risk matrix means it ("time to
// effective governance": under 3 months for a centralized foundation,
// 6-18 for progressive decentralization, 24 for a fully decentralized
// launch): the first day from which the protocol's ordinary proposals are
// decided rather than left to stall. A closed ordinary proposal counts as
// decided when the votes cast, for and against, reached the quorum, or
// when a gatekeeper council decided it; it stalls when too few voted.
// Governance is effective from the first day on which, over the last
// governance.effective_window_days, at least effective_min_proposals
// ordinary proposals closed and a share of at least effective_share of
// them was decided. A foundation that decides everything is effective as
// soon as proposals have closed; token voting, once enough holders
// delegate and vote to meet the quorum. Malicious proposals are attacks,
// not governance, and do not count.

// effectiveness tracks when governance becomes effective: a component of
// the built-in model (model.go wires it). The proposals book each
// ordinary proposal's close in it through the wiring; it reads nothing of
// the rest of the model.
type effectiveness struct {
	p      *Params          // this run's parameters (read-only)
	day    int              // the first day governance was effective; -1: not yet
	closes []closedProposal // the ordinary proposals closed within the window
}

// reset starts a run of p: not effective, nothing closed.
func (e *effectiveness) reset(p *Params) {
	e.p, e.day, e.closes = p, -1, e.closes[:0]
}

// closedProposal is one ordinary proposal's close: its day and whether it
// was decided.
type closedProposal struct {
	day     int32
	decided bool
}

// recordClose adds an ordinary proposal closed on day and, the first time
// the rule holds, marks day as the day governance became effective.
func (e *effectiveness) recordClose(day int, decided bool) {
	p := &e.p.Governance
	e.closes = append(e.closes, closedProposal{int32(day), decided})
	from := int32(day - p.EffectiveWindowDays)
	k := 0
	for k < len(e.closes) && e.closes[k].day <= from {
		k++
	}
	e.closes = e.closes[:copy(e.closes, e.closes[k:])]
	if e.day >= 0 || len(e.closes) < p.EffectiveMin {
		return
	}
	n := 0
	for _, c := range e.closes {
		if c.decided {
			n++
		}
	}
	if float64(n) >= p.EffectiveShare*float64(len(e.closes)) {
		e.day = day
	}
}

// summarise fills time_to_effective_governance_days.
func (e *effectiveness) summarise(out []float64, col *columns) {
	out[col.oTimeToEffectiveGovernance] = math.NaN()
	if e.day >= 0 {
		out[col.oTimeToEffectiveGovernance] = float64(e.day)
	}
}

// declareEffectiveMetrics declares the time to effective governance,
// which the component writes (summarise).
func declareEffectiveMetrics(d *coreDecls, c *columns) {
	d.Outcome(&c.oTimeToEffectiveGovernance, Metric{Name: "time_to_effective_governance_days", Unit: "days", Doc: "first day on which, over governance.effective_window_days back, at least effective_min_proposals ordinary proposals closed and at least effective_share of them were decided (quorum of votes cast, or a gatekeeper council); empty when never", MayBeEmpty: true, Chart: true, Section: "capture"})
}
