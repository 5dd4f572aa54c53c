package agents

import "github.com/seqsim/seqsim/agents/protocol"

// opColumns is the operators' columns and today's active set as the
// holders' delegations (delegation.go), the voters' interest
// (interest.go) and the capture prices read them: whole columns, taken
// once a pass or an event, valid for the day (operators enter and leave,
// and the active set changes, only in the sequencers' phases). deleg is
// the one column written through it: the holders' delegation
// bookkeeping keeps it equal to the sum of the positions with each
// operator (checked by the ledger's recount).
type opColumns struct {
	n                   int        // operator slots in use
	status              []opStatus // bonded, exited, removed
	self, deleg, unbond []int64    // bonded self-stake, delegated stake, self-stake in cooldown (micro-tokens)
	jailUntil           []int32    // day its jail ends
	commission, record  []float64  // its commission and its recent share of bad days (fractions)
	rate                [numOffences][]float64
	active              []bool                 // in today's active set
	index               []protocol.RewardIndex // rewards per micro-token of its stake
	act                 []int                  // today's active set, by decreasing stake
	choiceCum           []float64              // delegators' choice: cumulative logit weights over act
	bestScore, bestKeep float64                // the best score and the highest 1-commission among the active
}

// score is what delegators compare (operatorScore).
func (c *opColumns) score(k int) float64 { return operatorScore(c.commission[k], c.record[k]) }

// sequencingEnv is the rest of the model as the sequencer network
// (network.go, operators.go, activeset.go, sequencing.go, offences.go,
// slashing.go) reaches it: the pool, the reward pool, the treasury, the
// holders' delegation positions, the governed parameters, churn and the
// attacker.
type sequencingEnv interface {
	tracer
	pricer // the pool's price (shared_market.go)
	// buyStake buys want micro-tokens of self-stake for an entering
	// operator with outside USD (false: the pool cannot sell that much);
	// sellEarnings sells the operators' earnings, one trade a day. Both
	// count in the day's net selling and book the operators' USD.
	buyStake(want int64) (got int64, ok bool)
	sellEarnings(tokens int64)
	// takeTreasuryTokens takes up to want micro-tokens from the treasury
	// for a launch operator's self-stake and returns them; takeRewards
	// takes n from the reward pool for settled operator rewards.
	takeTreasuryTokens(want int64) int64
	takeRewards(n int64)
	// feeRevenue is today's fee revenue (USD), which auction bids are
	// worth; auctionProceeds pays the slot's price to the treasury.
	feeRevenue() float64
	auctionProceeds(usd float64)
	// stakingAPR is the stakers' APR signal and holdersStake the holders'
	// bonded stake (micro-tokens), which an entrant weighs.
	stakingAPR() float64
	holdersStake() int64
	// slashDelegators slashes frac of the delegation positions with
	// operator k (delegation.go): the bonded and unbonding micro-tokens
	// taken; splitSlash splits a slash between the burn, the treasury and
	// the challenger, whose part it returns.
	slashDelegators(k int, frac float64) (bonded, unbonding int64)
	splitSlash(total int64) (toChallenger int64)
	// The governed parameters (governed.go): the minimum self-stake
	// (micro-tokens), the active set's size, the commission cap and the
	// liveness penalty, as governance has set them.
	minStake() int64
	maxActive() int
	commissionCap() float64
	livenessPenalty() float64
	// bookChurn books an exit, removal or entry today; bookBonded the
	// day's operators in the network (churn.go).
	bookChurn(status opStatus)
	bookBonded(n int)
	// attackerOperator is the attacker's operator slot (-1: none).
	attackerOperator() int
}
