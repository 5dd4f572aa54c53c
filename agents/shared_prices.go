package agents

import "github.com/seqsim/seqsim/agents/protocol"

// pricesEnv is the rest of the model as the route prices
// (capture_prices.go) reach it: governance, the operators, the attacker's
// holdings, the pool, the treasury and the supply.
type pricesEnv interface {
	// today is the day being run.
	today() int
	// votesNeeded is the votes (micro-tokens) a malicious proposal needs
	// beyond own; voteSuccess the chance that a capture voted on from day
	// start survives the council; thresholdVotes the votes a proposer
	// must hold; governor the governor's rules; cheapestBribe the
	// cheapest bribe to pass a proposal of kind (USD, voters, feasible).
	votesNeeded(own int64) int64
	voteSuccess(start int) float64
	thresholdVotes() int64
	governor() protocol.Governor
	cheapestBribe(kind propKind, own int64) (float64, int, bool)
	// stakingPlain reports plain staking (no operators); holdersStake is
	// the holders' stake then; stakeAgainst the active stake an attacker
	// faces (fresh: one who holds nothing); operatorTotalStake operator
	// k's stake; minStake the governed minimum stake (micro-tokens).
	stakingPlain() bool
	holdersStake() int64
	stakeAgainst(fresh bool) int64
	operatorTotalStake(k int) int64
	minStake() int64
	// attackerHoldings are the attacker's liquid tokens and its operator
	// (-1: none).
	attackerHoldings() (liquid int64, op int)
	// pricer is the pool's price; poolSnapshot a copy of the pool to value
	// trades on without making them; poolTokens its token reserve.
	pricer
	poolSnapshot() protocol.Pool
	poolTokens() int64
	// treasuryTokens and treasuryUSD are the treasury's holdings;
	// claimSupply the micro-tokens with a claim on it (the supply outside
	// the treasury and the reward pool); circulating the circulating
	// supply in tokens.
	treasuryTokens() int64
	treasuryUSD() float64
	claimSupply() int64
	circulating() float64
}
