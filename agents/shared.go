package agents

import (
	"fmt"

	"github.com/seqsim/seqsim/agents/protocol"
)

// Exchange is the AMM pool the token trades on, as a mechanism reaches it.
// Every swap counts in the day's net selling, whose permanent impact moves
// the outside value at the next arbitrage round (DESIGN.md, "Market").
type Exchange interface {
	// Price is the pool's marginal price, USD per token.
	Price() float64
	// DepthUSD is the pool's USD reserve.
	DepthUSD() float64
	// PositionUSD is the value of units of liquidity at the marginal
	// price: their share of both reserves.
	PositionUSD(units float64) float64
	// Sell swaps tokens (micro-tokens) from the account into the pool and
	// returns the USD paid to the seller, who is outside the model (the
	// USD ledger books it to the mechanism's outside counterparties).
	Sell(from Account, tokens int64) (usd float64)
	// Buy swaps usd from outside the model into the pool and credits the
	// tokens bought to the account.
	Buy(to Account, usd float64) (tokens int64)
	// AddLiquidity deposits tokens from the account with the matching USD
	// (from outside the model) at the marginal price, and returns the
	// share units minted and the USD deposited; the price does not move.
	AddLiquidity(from Account, tokens int64) (units, usd float64)
	// RemoveLiquidity burns units and credits their share of the token
	// reserve to the account; their share of the USD reserve leaves the
	// model to the provider. The price does not move.
	RemoveLiquidity(to Account, units float64) (tokens int64, usd float64)
}

// Minting is today's emission of new tokens, minted into the staking
// reward pool before the SlotSchedules phases run.
type Minting interface {
	// Today is the micro-tokens minted today.
	Today() int64
	// Take moves the fraction frac of today's emission, out of what the
	// stakers would receive, from the reward pool to the account, and
	// returns the micro-tokens moved. In the phases of SlotRewards and
	// later the stakers have been paid, and it returns 0.
	Take(to Account, frac float64) int64
}

// Ledger moves tokens between a mechanism's accounts and out of the
// supply.
type Ledger interface {
	// Move moves n micro-tokens between accounts; it panics if from holds
	// fewer (a bug in the mechanism, like any broken conservation).
	Move(from, to Account, n int64)
	// Burn destroys n micro-tokens of the account.
	Burn(from Account, n int64)
	// PayIn credits usd from the mechanism's outside counterparties to a
	// USD account; PayOut pays usd from the account to them (it panics if
	// the account holds less).
	PayIn(to USDAccount, usd float64)
	PayOut(from USDAccount, usd float64)
}

// HolderTable is the table of holder agents as a mechanism reaches it:
// whole columns, indexed by agent (0 to Len()-1), for loops without a
// call per agent. The slices are the model's own and are read-only: a
// mechanism changes a balance only through Credit and Debit, which keep
// the totals the conservation check sums.
type HolderTable interface {
	// Len is the number of holder agents.
	Len() int
	// Type is agent i's holder type (a key of [holders]).
	Type(i int) string
	// Liquid, Staked and Locked are the agents' balances in micro-tokens:
	// free to sell, delegated (with plain staking, staked), and still
	// vesting.
	Liquid() []int64
	Staked() []int64
	Locked() []int64
	// Credit moves n micro-tokens from the account to agent i's liquid
	// balance; Debit moves them from it to the account (it panics if the
	// agent holds fewer).
	Credit(i int, from Account, n int64)
	Debit(i int, to Account, n int64)
}

// The implementations are views of the World: no state of their own.
// market and ledger book the mechanism's trades with outside to its own
// counterparties in the USD ledger (ext: its place in the list).
type (
	market struct {
		w   *World
		ext int
	}
	emission    struct{ w *World }
	holderTable struct{ w *World }
	ledger      struct {
		w   *World
		ext int
	}
)

func (m market) Price() float64    { return m.w.pool.Price() }
func (m market) DepthUSD() float64 { return m.w.pool.USD }

func (m market) PositionUSD(units float64) float64 {
	p := &m.w.pool
	return 2 * p.USD * units / p.Units
}

func (m market) Sell(from Account, tokens int64) float64 {
	debit(from, tokens)
	usd := m.w.pool.Sell(tokens)
	m.w.netSellUSD += usd
	m.w.usd.out(mechanismFlow(m.ext), usd)
	return usd
}

func (m market) Buy(to Account, usd float64) int64 {
	got := m.w.pool.Buy(usd)
	*to.bal += got
	m.w.netSellUSD -= usd
	m.w.usd.in(mechanismFlow(m.ext), usd)
	return got
}

func (m market) AddLiquidity(from Account, tokens int64) (float64, float64) {
	debit(from, tokens)
	units, usd := m.w.pool.AddLiquidity(tokens)
	m.w.usd.in(mechanismFlow(m.ext), usd)
	return units, usd
}

func (m market) RemoveLiquidity(to Account, units float64) (int64, float64) {
	tokens, usd := m.w.pool.RemoveLiquidity(units)
	*to.bal += tokens
	m.w.usd.out(mechanismFlow(m.ext), usd)
	return tokens, usd
}

func (e emission) Today() int64 { return e.w.mintedToday }

func (e emission) Take(to Account, frac float64) int64 {
	w := e.w
	if w.slot >= SlotRewards {
		return 0
	}
	n := min(protocol.FracOf(w.emitStakers, frac), w.rewardPool)
	if n <= 0 {
		return 0
	}
	w.emitStakers -= n
	w.rewardPool -= n
	*to.bal += n
	return n
}

func (l ledger) Move(from, to Account, n int64) {
	debit(from, n)
	*to.bal += n
}

func (l ledger) Burn(from Account, n int64) {
	debit(from, n)
	l.w.burned += n
}

// debit takes n >= 0 micro-tokens from an account, or panics: a
// mechanism spending tokens it does not hold breaks conservation.
func debit(a Account, n int64) {
	if n < 0 || n > *a.bal {
		panic(fmt.Sprintf("agents: a mechanism moves %d micro-tokens from an account holding %d", n, *a.bal))
	}
	*a.bal -= n
}

func (l ledger) PayIn(to USDAccount, usd float64) {
	*to.bal += usd
	l.w.usd.in(mechanismFlow(l.ext), usd)
}

func (l ledger) PayOut(from USDAccount, usd float64) {
	if !(usd >= 0 && usd <= *from.bal) {
		panic(fmt.Sprintf("agents: a mechanism pays %v USD from an account holding %v", usd, *from.bal))
	}
	*from.bal -= usd
	l.w.usd.out(mechanismFlow(l.ext), usd)
}

func (h holderTable) Len() int          { return h.w.h.len() }
func (h holderTable) Type(i int) string { return h.w.p.Holders.Key(int(h.w.h.kind[i])) }
func (h holderTable) Liquid() []int64   { return h.w.h.liquid }
func (h holderTable) Staked() []int64   { return h.w.h.staked }
func (h holderTable) Locked() []int64   { return h.w.h.locked }

func (h holderTable) Credit(i int, from Account, n int64) {
	debit(from, n)
	h.w.h.liquid[i] += n
	h.w.totLiquid += n
}

func (h holderTable) Debit(i int, to Account, n int64) {
	if n < 0 || n > h.w.h.liquid[i] {
		panic(fmt.Sprintf("agents: a mechanism takes %d micro-tokens from agent %d holding %d", n, i, h.w.h.liquid[i]))
	}
	h.w.h.liquid[i] -= n
	h.w.totLiquid -= n
	*to.bal += n
}

// The interfaces below are between the built-in parts of the model
// (model.go lists them): a part that is a component owns its state and
// reaches the others only through these, as a mechanism does through the
// exported ones above. The World implements them (env.go). They are
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
