package agents

import "github.com/seqsim/seqsim/agents/protocol"

// The interfaces between the built-in parts of the model (model.go lists
// the parts that are components): a component owns its state and reaches
// the others only through these, as a mechanism does through the exported
// ones of shared.go. The World implements them (env.go). They are
// called once a day or once an event, never once an agent: what a loop
// over agents needs comes as whole columns (seqView), as HolderTable's do.

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

// tracer records the events of a replayed run.
type tracer interface {
	// tracing reports whether events are recorded: callers format an
	// event's details only then.
	tracing() bool
	event(kind, subject string, amount float64, unit, detail string)
}

// verificationEnv is the rest of the model as the verification game
// (verification.go) reaches it.
type verificationEnv interface {
	sequencers
	rollupUsers
	treasuryPurse
	tracer
	// price is the pool's marginal price, USD per token.
	price() float64
	// cashFlowValuation is the run's valuation of cash flows (fixed at
	// reset).
	cashFlowValuation() protocol.Valuation
}

// capturePrices prices the ways to capture the protocol (capture_prices.go)
// for the cost-to-capture measurement (capture.go).
type capturePrices interface {
	// priceVote prices passing a malicious proposal of kind by strategy s
	// for an attacker with own votes (micro-tokens) and capital budget
	// (USD; +Inf: no budget).
	priceVote(s strategy, kind propKind, own int64, budget float64) quote
	// priceStake prices holding more than share of the active stake, for
	// a fresh attacker or for the attacker's operator.
	priceStake(share float64, fresh bool) quote
}

// quote is a priced strategy.
type quote struct {
	cost    float64 // USD lost: purchases, interest or fees, bribes
	capital float64 // USD the attacker must hold to carry it out
	success float64 // probability that the capture survives the council
	tokens  int64   // votes or stake to acquire (micro-tokens)
	prebuy  int64   // borrow, bribe: tokens to buy first to reach the proposal threshold
	ok      bool    // feasible at all (deep enough market, enough voters)
}

// councilEnv is the rest of the model as the security council (council.go)
// reaches it.
type councilEnv interface {
	// drainTreasury records a capture of kind and moves
	// attacker.drain_share of the treasury to the attacker (governance.go).
	drainTreasury(kind int)
}

// attackerEnv is the rest of the model as the attacker (attacker.go)
// reaches it: governance (its votes, proposals and captures), the
// operators (a slot for its operator, bonding its stake), the pool, the
// money market and the USD ledger.
type attackerEnv interface {
	capturePrices
	tracer
	// price is the pool's marginal price, USD per token.
	price() float64
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
	// costToBuy is the USD that buys x micro-tokens from the pool; buy
	// spends usd (from outside the model) on the pool and returns the
	// tokens bought; sell sells x and returns the USD. Both count in the
	// day's net selling.
	costToBuy(x int64) (float64, error)
	buy(usd float64) int64
	sell(x int64) float64
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

// holderView is the holders' columns as governance counts votes and
// finds a depositor (read only; valid for the call: holders are added
// only at reset).
type holderView struct {
	kind      []int32 // holder type: index into Params.Holders
	liquid    []int64 // micro-tokens
	staked    []int64 // micro-tokens
	unbonding []int64 // micro-tokens
}

// operatorVotes is the operators' columns as governance counts their
// votes (read only; valid for the call).
type operatorVotes struct {
	n      int        // operator slots in use
	status []opStatus // bonded, exited, removed
	self   []int64    // bonded self-stake, micro-tokens
}

// governanceEnv is the rest of the model as governance (governance.go,
// proposals.go, voters.go, votingpower.go, bribes.go) reaches it: the
// holders and the operators as columns, the treasury, the ledger, the
// governed parameters, the council, the attacker, the capture meter and
// the effective-governance tracker.
type governanceEnv interface {
	tracer
	// holderView and operatorVotes are the columns the count of voting
	// power reads; outsideTokens the outside traders' tokens, which count
	// in the votable supply.
	holderView() holderView
	operatorVotes() operatorVotes
	outsideTokens() int64
	// debitHolder and creditHolder move a proposal deposit between
	// holder i's liquid balance and an account; burn burns n from one.
	debitHolder(i int, to Account, n int64)
	creditHolder(i int, from Account, n int64)
	burn(from Account, n int64)
	// proposalThreshold is the proposal threshold today and launchQuorum
	// the quorum at launch (fractions of the votable supply).
	proposalThreshold() float64
	launchQuorum() float64
	// grantTokens is what a grant of share f of the treasury's tokens pays
	// (micro-tokens), payTreasuryTokens pays it to a holder (-1: sold);
	// applyParameter makes any other parameter proposal take effect
	// (governed.go).
	grantTokens(f float64) int64
	payTreasuryTokens(n int64, grantee int)
	applyParameter(pr *proposal)
	// interest and operatorInterests are what an ordinary proposal
	// changes for the tokens voted and, into dst by operator slot, for
	// each operator's business (interest.go);
	// lossPerToken what a malicious proposal of kind costs a voter per
	// token (capture_prices.go).
	interest(pr *proposal) yieldChange
	operatorInterests(pr *proposal, dst []float64)
	lossPerToken(kind propKind) float64
	// The security council: its key-compromise event, whether it decides
	// every proposal or may veto one on day d, and whether the attacker
	// holds its keys.
	compromiseKeys()
	gatekeeper(d int) bool
	vetoProbability(d int) float64
	councilCaptured() bool
	// The attacker: its daily trading and reviews, its votes on its
	// proposal, the end of that proposal, what a passed one pays it
	// (USD, from outside the model: attackerFlowIn books it), what it
	// holds (tokens, and its operator slot; -1: none).
	attackerDaily()
	attackerNextReview() int
	attackerReview()
	attackerAtSnapshot(pr *proposal)
	attackerAtClose(pr *proposal)
	attackerDone()
	attackerPaid(usd float64)
	attackerFlowIn(usd float64)
	attackerHoldings() (int64, int)
	// drainTreasury records a capture of kind and drains the treasury to
	// the attacker (treasury.go); measureCapture runs the capture meter;
	// recordClose books an ordinary proposal's close for the
	// effective-governance tracker.
	drainTreasury(kind int)
	measureCapture()
	recordClose(decided bool)
}

// yieldChange is what a proposal changes in the yearly cash value of one
// token voted, in units of the token's price per year.
type yieldChange struct {
	liquid  float64 // a token held liquid
	staked  float64 // a staked token (includes what any token gets)
	grantee float64 // on top, a token a grantee holds
}

// of is the change for a voter whose power is staked share sigmaS and
// grantees' share sigmaG.
func (y yieldChange) of(sigmaS, sigmaG float64) float64 {
	return y.liquid + sigmaS*(y.staked-y.liquid) + sigmaG*y.grantee
}

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
	// price is the pool's marginal price; buyStake buys want micro-tokens
	// of self-stake for an entering operator with outside USD (false:
	// the pool cannot sell that much); sellEarnings sells the operators'
	// earnings, one trade a day. Both count in the day's net selling.
	price() float64
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

// treasuryEnv is the rest of the model as the treasury (treasury.go)
// reaches it: the governed budgets, the grantees, the pool, the holders
// and the USD ledger.
type treasuryEnv interface {
	// budgets are the monthly budgets in USD and in tokens, as governance
	// left them (governed.go); grantees the holders of type grants
	// (governance's, read only).
	budgets() (usd, tokens float64)
	grantees() []int32
	// tokensToRaise is the micro-tokens whose sale on the pool raises usd;
	// sellTreasuryTokens sells dx on the pool (counted in the day's net
	// selling) and returns the USD; treasurySpent books usd of treasury
	// spending leaving the model.
	tokensToRaise(usd float64) int64
	sellTreasuryTokens(dx int64) float64
	treasurySpent(usd float64)
	// creditHolder pays n micro-tokens from an account to holder i.
	creditHolder(i int, from Account, n int64)
}
