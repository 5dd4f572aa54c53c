package agents

import (
	"math"
	"testing"
)

// The proposal threshold and deposit over 400 days of 100 proposals a year
// (no council, no attacker; the daily conservation check runs throughout):
// a threshold of the whole votable supply, which no voter holds, stops
// every ordinary proposal; with a 100-token deposit, proposals that most
// voters oppose (support 0.1, interest off) are rejected by a majority
// against and burn their deposits, whole multiples of 100 tokens, and
// proposals most support (0.9) burn none.
func TestProposalThresholdAndDeposit(t *testing.T) {
	t.Parallel()
	run := func(threshold, support float64) (sum []float64, w *World) {
		p := DefaultParams()
		quietGovernance(&p)
		p.Simulation.HorizonDays = 400
		p.Governance.ProposalsPerYear = 100
		p.Governance.Quorum = 0.001
		p.Governance.InterestWeight = 0
		p.Governance.Support = constDist(support)
		p.Governance.ProposalThreshold = threshold
		p.Governance.ProposalDeposit = 100
		s, _, err := runOnce(&p, 5)
		if err != nil {
			t.Fatal(err)
		}
		return s, newWorld(t, &p)
	}
	sum, w := run(1, 0.5)
	if got := sum[w.col.oProposalsPassed]; got != 0 {
		t.Errorf("threshold 1: %v proposals passed, want none", got)
	}
	if got := sum[w.col.oUnproposed]; !(got >= 50) { // about 110 arrivals in 400 days
		t.Errorf("threshold 1: %v proposals unmade, want every arrival", got)
	}

	against, _ := run(0.0001, 0.1)
	burned := against[w.col.oDepositsBurned]
	if !(burned >= 1000) || math.Abs(burned/100-math.Round(burned/100)) > 1e-9 {
		t.Errorf("support 0.1: %v tokens of deposits burned, want many whole deposits of 100", burned)
	}
	for_, _ := run(0.0001, 0.9)
	if got := for_[w.col.oDepositsBurned]; got != 0 {
		t.Errorf("support 0.9: %v tokens of deposits burned, want none", got)
	}
	if got := for_[w.col.oProposalsPassed]; !(got >= 10) {
		t.Errorf("support 0.9: %v proposals passed, want most of about 110", got)
	}
}
