package agents

// councilAuthority is the share of its powers the council holds on day d:
// 1 until fade_start_days, falling linearly to 0 at veto_days (never when
// veto_days is 0); always 1 while it is a gatekeeper; 0 without a council.
func (w *World) councilAuthority(d int) float64 {
	c := &w.p.Governance.Council
	switch {
	case c.Members <= 0:
		return 0
	case d < c.GatekeeperDays || c.VetoDays <= 0 || d < c.FadeStartDays:
		return 1
	case d >= c.VetoDays:
		return 0
	}
	return float64(c.VetoDays-d) / float64(c.VetoDays-c.FadeStartDays)
}

func (w *World) gatekeeper(d int) bool {
	c := &w.p.Governance.Council
	return c.Members > 0 && d < c.GatekeeperDays
}

// vetoProbability is the chance that the council vetoes a malicious
// proposal executing on day d.
func (w *World) vetoProbability(d int) float64 {
	g := &w.gov
	if g.council.Members <= 0 {
		return 0
	}
	// protocol.Council.VetoProbability, with the binomial tail cached.
	return min(w.councilAuthority(d), 1) * g.vetoTail[min(g.compromised, g.council.Members)]
}

// compromiseKeys is a key-compromise event: each honest member's key is
// taken with probability compromise_reach. The holder of threshold keys
// captures the protocol while the council holds any power.
func (w *World) compromiseKeys() {
	g := &w.gov
	c := &w.p.Governance.Council
	r := w.streams.governance
	for range c.Members - g.compromised {
		if r.Float64() < c.CompromiseReach {
			g.compromised++
		}
	}
	if g.council.Captured(g.compromised) && w.councilAuthority(w.day) > 0 {
		w.drainTreasury(captureCouncil)
	}
}
