package experiments

import (
	"fmt"
	"strings"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/experiments/field"
)

// validateHolderNames checks the names of the holder types: each is a
// valid name, not the reserved treasury, and has its voting behaviour (and
// each voting behaviour its type), and every allocation names a defined
// type. The behaviours' values are checked by their range tags
// (agents.Behaviour, agents.VoterBehaviour).
func validateHolderNames(c *field.Checker, p *agents.Params) {
	hs := p.Holders
	for name := range hs.All() {
		if agents.HolderType(name) == agents.HolderTreasury {
			c.Errorf("holders."+name, "treasury is reserved: its allocations go to the DAO treasury, not to agents with a behaviour")
			continue
		}
		if !validName.MatchString(name) {
			c.Errorf("holders."+name, "a holder type's name is letters, digits, - and _, got %q", name)
		}
		if _, ok := p.Governance.Voters.Get(name); !ok {
			c.Errorf("holders."+name, "holder type %q has no voting behaviour: add [governance.voters.%s] (like = %q copies one)", name, name, hs.Key(0))
		}
	}
	for name := range p.Governance.Voters.All() {
		if hs.Index(name) < 0 {
			c.Errorf("governance.voters."+name, "no holder type %q (defined: %s)", name, strings.Join(hs.Keys(), ", "))
		}
	}
	for i, a := range p.Allocations {
		if a.Holder != agents.HolderTreasury && hs.Index(string(a.Holder)) < 0 {
			c.Errorf(fmt.Sprintf("allocations.%d.holder", i), "no holder type %q (defined: %s; or %s, held by the DAO treasury)",
				a.Holder, strings.Join(hs.Keys(), ", "), agents.HolderTreasury)
		}
	}
}
