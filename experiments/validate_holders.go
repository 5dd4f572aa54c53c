package experiments

import (
	"fmt"
	"strings"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/internal/params"
)

// validateHolders checks each holder type's behaviour, that each has its
// voting behaviour, and that every allocation names a defined type.
func validateHolders(c *params.Checker, p *agents.Params) {
	hs := p.Holders
	for name, b := range hs.All() {
		k := func(f string) string { return "holders." + name + "." + f }
		if agents.HolderType(name) == agents.HolderTreasury {
			c.Errorf("holders."+name, "treasury is reserved: its allocations go to the DAO treasury, not to agents with a behaviour")
			continue
		}
		if !validName.MatchString(name) {
			c.Errorf("holders."+name, "a holder type's name is letters, digits, - and _, got %q", name)
		}
		c.Dist(k("sell_probability"), b.SellProbability)
		c.Dist(k("sell_fraction"), b.SellFraction)
		c.Dist(k("reservation_yield"), b.ReservationYield)
		c.Range(k("presell_share"), b.PresellShare, 0, 1)
		c.IntRange(k("presell_days"), b.PresellDays, 0, 3650)
		if _, ok := p.Governance.Voters.Get(name); !ok {
			c.Errorf("holders."+name, "holder type %q has no voting behaviour: add [governance.voters.%s] (like = %q copies one)", name, name, hs.Key(0))
		}
	}
	for i, a := range p.Allocations {
		if a.Holder != agents.HolderTreasury && hs.Index(string(a.Holder)) < 0 {
			c.Errorf(fmt.Sprintf("allocations.%d.holder", i), "no holder type %q (defined: %s; or %s, held by the DAO treasury)",
				a.Holder, strings.Join(hs.Keys(), ", "), agents.HolderTreasury)
		}
	}
}

// validateVoters checks the voting behaviour of each holder type.
func validateVoters(c *params.Checker, p *agents.Params) {
	for name, b := range p.Governance.Voters.All() {
		k := "governance.voters." + name + "."
		if p.Holders.Index(name) < 0 {
			c.Errorf("governance.voters."+name, "no holder type %q (defined: %s)", name, strings.Join(p.Holders.Keys(), ", "))
			continue
		}
		okD := c.Range(k+"delegate", b.Delegate, 0, 1)
		okS := c.Range(k+"self_vote", b.SelfVote, 0, 1)
		if okD && okS && b.Delegate+b.SelfVote > 1+1e-12 {
			c.Errorf(k+"self_vote", "delegate + self_vote = %g exceeds 1", b.Delegate+b.SelfVote)
		}
		c.Range(k+"lag_days", b.LagDays, 0, 36_500)
		unitDist(c, k+"turnout", b.Turnout)
	}
}
