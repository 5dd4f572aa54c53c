package agents

// The price of each way to capture the protocol, for the attacker and for
// the cost-to-capture measurement (capture.go): buying, borrowing or
// bribing the votes of a malicious proposal, and buying and bonding stake;
// the attacker's payoff and daily trade, a voter's loss, and the money
// market. A component of the built-in model (model.go wires it): it holds
// no state of its own, only the parameter sections it reads, and asks
// governance, the operators, the attacker, the pool, the treasury and the
// supply through pricesEnv (shared_prices.go); the others reach it
// through the wiring (wire_prices.go). It is called a few times per
// measurement or attacker's day, never per agent.

import (
	"math"

	"github.com/seqsim/seqsim/agents/protocol"
)

// routePrices prices the routes to capture in one run.
type routePrices struct {
	env     pricesEnv
	attack  *Attacker // the attacker section: trade size, drain share, planning days, the cartel's value
	lending *Lending  // the money market section
}

// reset binds a run's parameters (p's attacker and lending sections).
func (c *routePrices) reset(env pricesEnv, p *Params) {
	*c = routePrices{env: env, attack: &p.Attacker, lending: &p.Lending}
}

// priceVote prices passing a malicious proposal of kind by strategy s for
// an attacker with own votes and capital budget (+Inf for the budget-free
// cost to capture).
func (c *routePrices) priceVote(s strategy, kind propKind, own int64, budget float64) quote {
	w := c.env
	day := w.today()
	pool := w.poolSnapshot() // once: nothing trades while a route is priced
	slice := c.slice(pool.Tokens)
	need := w.votesNeeded(own)
	q := quote{tokens: need, ok: true}
	// The vote starts today, or once the tokens to buy are bought: the
	// chance it survives the council is asked once, for that day.
	start := day
	// To propose, the attacker must hold the proposal threshold: the buy
	// route buys at least that; the others buy the shortfall first (and
	// sell it with the rest afterwards; counted at its full cost, as the
	// buy route's votes are).
	short := max(w.thresholdVotes()-own, 0)
	if s != stratBuy && short > 0 {
		days := tradeDays(short, slice)
		cost := protocol.CostToBuyOverDays(pool, short, days)
		if math.IsInf(cost, 0) {
			return quote{}
		}
		q.prebuy, q.cost, q.capital = short, cost, cost
		start = day + days
	}
	switch s {
	case stratBuy:
		need = max(need, short)
		q.tokens = need
		days := tradeDays(need, slice)
		q.cost = protocol.CostToBuyOverDays(pool, need, days)
		q.capital = q.cost
		start = day + days
		q.ok = !math.IsInf(q.cost, 0)
	case stratBorrow:
		loan, ok := c.market().Borrow(need, w.price(), 1, w.governor(), budget)
		q.cost, q.capital = q.cost+loan.CostUSD, q.capital+loan.CapitalUSD
		q.ok = ok || loan.CapitalUSD < math.Inf(1) // deep enough; the budget is the caller's test
	case stratBribe:
		cost, _, ok := w.cheapestBribe(kind, own)
		q.cost, q.capital, q.ok = q.cost+cost, q.capital+cost, ok
	}
	q.success = w.voteSuccess(start)
	return q
}

// priceStake prices holding more than share of the active sequencer stake
// by buying tokens and bonding them: for the attacker (what it holds
// counts), or for a fresh attacker who holds nothing. Without sequencer
// operators (plain staking) the stake of all stakers stands for the active
// stake.
func (c *routePrices) priceStake(share float64, fresh bool) quote {
	w := c.env
	var others, own int64
	if w.stakingPlain() {
		others = w.holdersStake()
	} else {
		others = w.stakeAgainst(fresh)
	}
	if !fresh {
		liquid, op := w.attackerHoldings()
		own = liquid
		if op >= 0 {
			own += w.operatorTotalStake(op)
		}
	}
	a := int64(math.Floor(share*float64(others)/(1-share))) + 1
	a = max(a, w.minStake())
	tokens := max(a-own, 0)
	pool := w.poolSnapshot()
	cost := protocol.CostToBuyOverDays(pool, tokens, tradeDays(tokens, c.slice(pool.Tokens)))
	return quote{cost: cost, capital: cost, success: 1, tokens: tokens, ok: !math.IsInf(cost, 0)}
}

// dailySlice is the largest daily trade of the attacker, in micro-tokens.
func (c *routePrices) dailySlice() int64 { return c.slice(c.env.poolTokens()) }

// slice is the attacker's largest daily trade on a pool holding
// poolTokens micro-tokens.
func (c *routePrices) slice(poolTokens int64) int64 {
	return max(int64(c.attack.MaxDailyTrade*float64(poolTokens)), 1)
}

// tradeDays is the number of daily slices of slice micro-tokens to
// trade tokens micro-tokens.
func tradeDays(tokens, slice int64) int {
	return int(min((tokens+slice-1)/slice, math.MaxInt32))
}

// payoff is what a successful malicious proposal of kind is worth to the
// attacker: the treasury's USD plus what its drained tokens sell for over
// planning_days, or the value of controlling the sequencers.
func (c *routePrices) payoff(kind propKind) float64 {
	w, a := c.env, c.attack
	if kind == propAdmitCartel {
		return a.SequencerValueUSD
	}
	x := protocol.FracOf(w.treasuryTokens(), a.DrainShare)
	days := max(a.PlanningDays, 1)
	sold := min(x, c.dailySlice()*int64(days))
	return w.treasuryUSD()*a.DrainShare + protocol.SaleValueOverDays(w.poolSnapshot(), sold, days)
}

// lossPerToken is what a voter loses per token it holds when a malicious
// proposal of kind executes: its share of the drained treasury (at the
// pool price) or of the value the cartel extracts, over the tokens with a
// claim (the supply outside the treasury and the reward pool).
func (c *routePrices) lossPerToken(kind propKind) float64 {
	w, a := c.env, c.attack
	claim := protocol.Tokens(w.claimSupply())
	if !(claim > 0) {
		return 0
	}
	loss := a.SequencerValueUSD
	if kind == propDrain {
		loss = a.DrainShare * (protocol.Tokens(w.treasuryTokens())*w.price() + w.treasuryUSD())
	}
	return loss / claim
}

// market is the run's money market at today's circulating supply.
func (c *routePrices) market() protocol.LendingMarket {
	l := c.lending
	return protocol.LendingMarket{
		DepthTokens: protocol.ToMicro(l.Depth * max(c.env.circulating(), 0)),
		RateAnnual:  l.RateAnnual, FlashFee: l.FlashFee, CollateralRatio: l.CollateralRatio,
	}
}
