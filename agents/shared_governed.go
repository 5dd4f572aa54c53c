package agents

import "github.com/seqsim/seqsim/agents/protocol"

// governedEnv is the rest of the model as the governed parameters
// (governed.go) reach it: the fee split (the demand side's) and the
// emission's level (the schedules'), which a parameter proposal changes
// like their own, the operators' commissions a lower cap clamps, and the
// quorum governance left, for the final values.
type governedEnv interface {
	feeSplitNow() protocol.FeeSplit
	setFeeSplit(fs protocol.FeeSplit)
	// emissionLevel is the emission's level and its upper bound (nil for
	// the kinds without one: none and halving), EmissionSchedule.Level.
	emissionLevel() (*float64, float64)
	// capCommission makes every operator above cap c charge c.
	capCommission(c float64)
	finalQuorum() float64
}

// paramChange is what the governed parameters need of a parameter
// proposal (governance's, proposals.go): its kind, its factor and, for a
// fee split, whether it trades the stakers' share against the burn's.
type paramChange struct {
	kind     propKind
	value    float64
	burnSide bool
}
