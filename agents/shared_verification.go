package agents

import "github.com/seqsim/seqsim/agents/protocol"

// What the verification game (verification.go) needs of the rest of the
// model, and the view of the sequencers it reads.

// seqView is today's sequencer operators and batches as the verification
// game reads them: the operators' own columns, indexed by operator (read
// only; valid for the day, since operators enter and leave only at the
// end of the day).
type seqView struct {
	online  []int     // the online active operators, in the active set's order
	batchOp []int32   // the operator of each of today's batches (its length is today's batches)
	batches []int32   // batches each operator posts today
	benched []bool    // jailed or removed during today's batches: posts honestly
	self    []int64   // bonded self-stake, micro-tokens
	deleg   []int64   // stake delegated to it, micro-tokens
	profit  []float64 // smoothed net income, USD a day
}

// sequencers is what the verification game asks of the sequencer
// operators.
type sequencers interface {
	// sequencerView is today's operators and batches.
	sequencerView() seqView
	// operatorEarns adds usd (negative: a loss) to operator k's income
	// today: the theft of an invalid root that passed, or its forfeited
	// bond.
	operatorEarns(k int, usd float64)
	// slash slashes operator k by frac of its slashable stake and jails it
	// for jailDays or removes it; it returns the micro-tokens slashed and
	// those credited to the challengers (slashing.go).
	slash(k int, frac float64, jailDays int, remove bool) (total, toChallenger int64)
	// fraudBond and invalidRootPenalty are the bond an invalid root
	// forfeits (USD) and the share of the self-stake it slashes, as
	// governance has set them.
	fraudBond() float64
	invalidRootPenalty() float64
}

// rollupUsers is the demand side as fraud reaches it: the fee level, which
// the bridged value follows, and what users who leave after a fraud do to
// it and to the token's demand-side value.
type rollupUsers interface {
	// feeLevel is the fee level today, e^(log fee level): 1 at launch.
	feeLevel() float64
	// shiftFeeLevel moves the log fee level by jump, and today's fee
	// revenue (not yet split) with it.
	shiftFeeLevel(jump float64)
	// shiftValue moves the log of the token's demand-side value by jump.
	shiftValue(jump float64)
}

// treasuryPurse is the treasury as the verification game pays and is paid.
type treasuryPurse interface {
	// spendTreasury pays usd from the treasury's USD, then by selling its
	// tokens; it reports a shortfall (treasury.go).
	spendTreasury(usd float64) (short bool)
	// bankFraudBonds credits forfeited bonds, usd from outside the model,
	// to the treasury's USD.
	bankFraudBonds(usd float64)
}

// verificationEnv is the rest of the model as the verification game
// (verification.go) reaches it.
type verificationEnv interface {
	sequencers
	rollupUsers
	treasuryPurse
	tracer
	pricer // the pool's price (shared_market.go)
	// cashFlowValuation is the run's valuation of cash flows (fixed at
	// reset).
	cashFlowValuation() protocol.Valuation
}
