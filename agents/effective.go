package agents

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

// closedProposal is one ordinary proposal's close: its day and whether it
// was decided.
type closedProposal struct {
	day     int32
	decided bool
}

// recordClose adds an ordinary proposal closed today and, the first time
// the rule holds, marks today as the day governance became effective.
func (w *World) recordClose(decided bool) {
	g := &w.gov
	p := &w.p.Governance
	g.closes = append(g.closes, closedProposal{int32(w.day), decided})
	from := int32(w.day - p.EffectiveWindowDays)
	k := 0
	for k < len(g.closes) && g.closes[k].day <= from {
		k++
	}
	g.closes = g.closes[:copy(g.closes, g.closes[k:])]
	if g.effectiveDay >= 0 || len(g.closes) < p.EffectiveMin {
		return
	}
	n := 0
	for _, c := range g.closes {
		if c.decided {
			n++
		}
	}
	if float64(n) >= p.EffectiveShare*float64(len(g.closes)) {
		g.effectiveDay = w.day
	}
}
