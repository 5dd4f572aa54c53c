package agents

import "github.com/seqsim/seqsim/agents/protocol"

// attackerEnv is the rest of the model as the attacker (attacker.go)
// reaches it: governance (its votes, proposals and captures), the
// operators (a slot for its operator, bonding its stake), the pool, the
// money market and the USD ledger.
type attackerEnv interface {
	capturePrices
	tracer
	trader // the pool (shared_market.go)
	// captured reports whether the protocol has been captured this run;
	// capture records a capture of kind (the first one counts).
	captured() bool
	capture(kind int)
	// countVotes counts voting power (votingpower.go); ownVotes is the
	// attacker's own at the last count, micro-tokens.
	countVotes(shares bool)
	ownVotes() int64
	// payoff is what a malicious proposal of kind that executes is worth
	// to the attacker, USD.
	payoff(kind propKind) float64
	// propose opens the attacker's malicious proposal of kind today.
	propose(kind propKind)
	// dailySlice is the largest daily trade of the attacker, micro-tokens.
	dailySlice() int64
	// stakingPlain reports plain staking (no operators);
	// operatorSlotFree whether a slot is free for the attacker's operator,
	// which openOperator opens and returns; bond adds x micro-tokens to
	// operator k's self-stake.
	stakingPlain() bool
	operatorSlotFree() bool
	openOperator() int
	bond(k int, x int64)
	// stakeShare is operator k's share of the active stake (false when it
	// is not active or nothing is); operatorStake is its self-stake,
	// bonded and unbonding, micro-tokens.
	stakeShare(k int) (float64, bool)
	operatorStake(k int) int64
	// governor is the governance's rules; lending the money market today;
	// votesNeeded what an attacker with own votes must add to pass a
	// malicious proposal (micro-tokens); cheapestBribe the cheapest bribe
	// of the voters for a proposal of kind (USD, and how many of the
	// quoted voters), which markBribed marks for the tally.
	governor() protocol.Governor
	lending() protocol.LendingMarket
	votesNeeded(own int64) int64
	cheapestBribe(kind propKind, own int64) (cost float64, n int, ok bool)
	markBribed(n int)
	// fundAttacker books the attacker's launch capital, from outside the
	// model; attackerFlowIn and attackerFlowOut its USD from and to its
	// counterparties outside the model.
	fundAttacker(usd float64)
	attackerFlowIn(usd float64)
	attackerFlowOut(usd float64)
}

// ballot is a proposal as the attacker votes on it (proposals.go).
type ballot interface {
	kindOf() propKind
	// addAttackVotes adds n votes for, cast by the attacker.
	addAttackVotes(n int64)
	// votesToPass is what passes the tally as it stands.
	votesToPass() int64
	// noteAttackVotes counts the attacker's votes among the voters'.
	noteAttackVotes()
}
