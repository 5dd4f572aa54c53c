package experiments

import (
	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/internal/params"
)

// validateNetwork checks the sequencer-network parameters (sequencers,
// slashing, verification, fraud).
func validateNetwork(c *params.Checker, p *agents.Params) {}
