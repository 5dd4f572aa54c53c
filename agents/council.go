package agents

import (
	"math/rand/v2"

	"github.com/seqsim/seqsim/agents/protocol"
)

// securityCouncil is the security council as a part of the built-in model
// (a component: model.go wires it): its members' keys and how many are
// compromised, its authority as it fades, and its veto. It reaches the
// rest of the model only through councilEnv (shared_council.go).
type securityCouncil struct {
	p   *Params    // this run's parameters (read-only)
	env councilEnv // the rest of the model
	// r is the governance stream, which the council draws from in turn
	// with the voters, the proposals and the attacker (at key-compromise
	// events), so the draws keep their order.
	r *rand.Rand

	rules       protocol.Council
	compromised int       // members' keys the attacker holds
	vetoTail    []float64 // veto probability at full authority, by compromised keys
}

// reset starts a run of p: no key compromised, and the veto's binomial
// tail cached by compromised keys.
func (c *securityCouncil) reset(p *Params, r *rand.Rand, env councilEnv) {
	c.p, c.r, c.env = p, r, env
	pc := &p.Governance.Council
	c.rules = protocol.Council{Members: pc.Members, Threshold: pc.Threshold}
	c.compromised = 0
	c.vetoTail = resize(c.vetoTail, max(pc.Members, 0)+1)
	for k := range c.vetoTail {
		c.vetoTail[k] = c.rules.VetoProbability(k, pc.Detection, 1)
	}
}

// authority is the share of its powers the council holds on day d:
// 1 until fade_start_days, falling linearly to 0 at veto_days (never when
// veto_days is 0); always 1 while it is a gatekeeper; 0 without a council.
func (c *securityCouncil) authority(d int) float64 {
	pc := &c.p.Governance.Council
	switch {
	case pc.Members <= 0:
		return 0
	case d < pc.GatekeeperDays || pc.VetoDays <= 0 || d < pc.FadeStartDays:
		return 1
	case d >= pc.VetoDays:
		return 0
	}
	return float64(pc.VetoDays-d) / float64(pc.VetoDays-pc.FadeStartDays)
}

// gatekeeper reports whether the council decides every proposal on day d
// (before gatekeeper_days).
func (c *securityCouncil) gatekeeper(d int) bool {
	pc := &c.p.Governance.Council
	return pc.Members > 0 && d < pc.GatekeeperDays
}

// vetoProbability is the chance that the council vetoes a malicious
// proposal executing on day d.
func (c *securityCouncil) vetoProbability(d int) float64 {
	if c.rules.Members <= 0 {
		return 0
	}
	// protocol.Council.VetoProbability, with the binomial tail cached.
	return min(c.authority(d), 1) * c.vetoTail[min(c.compromised, c.rules.Members)]
}

// captured reports whether the attacker holds threshold keys.
func (c *securityCouncil) captured() bool { return c.rules.Captured(c.compromised) }

// compromiseKeys is a key-compromise event on day: each honest member's
// key is taken with probability compromise_reach. The holder of threshold
// keys captures the protocol while the council holds any power.
func (c *securityCouncil) compromiseKeys(day int) {
	pc := &c.p.Governance.Council
	for range pc.Members - c.compromised {
		if c.r.Float64() < pc.CompromiseReach {
			c.compromised++
		}
	}
	if c.captured() && c.authority(day) > 0 {
		c.env.drainTreasury(captureCouncil)
	}
}
