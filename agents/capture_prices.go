package agents

// The price of each way to capture the protocol, for the attacker and for
// the cost-to-capture measurement (capture.go): buying, borrowing or
// bribing the votes of a malicious proposal, and buying and bonding stake.

import (
	"math"

	"github.com/seqsim/seqsim/agents/protocol"
)

// priceVote prices passing a malicious proposal of kind by strategy s for
// an attacker with own votes and capital budget (+Inf for the budget-free
// cost to capture).
func (w *World) priceVote(s strategy, kind propKind, own int64, budget float64) quote {
	need := w.votesNeeded(own)
	q := quote{tokens: need, success: w.voteSuccess(w.day), ok: true}
	// To propose, the attacker must hold the proposal threshold: the buy
	// route buys at least that; the others buy the shortfall first (and
	// sell it with the rest afterwards; counted at its full cost, as the
	// buy route's votes are).
	short := max(w.thresholdVotes()-own, 0)
	if s != stratBuy && short > 0 {
		days := w.tradeDays(short)
		c := protocol.CostToBuyOverDays(w.pool, short, days)
		if math.IsInf(c, 0) {
			return quote{}
		}
		q.prebuy, q.cost, q.capital = short, c, c
		q.success = w.voteSuccess(w.day + days)
	}
	switch s {
	case stratBuy:
		need = max(need, short)
		q.tokens = need
		days := w.tradeDays(need)
		q.cost = protocol.CostToBuyOverDays(w.pool, need, days)
		q.capital = q.cost
		q.success = w.voteSuccess(w.day + days)
		q.ok = !math.IsInf(q.cost, 0)
	case stratBorrow:
		loan, ok := w.lending().Borrow(need, w.pool.Price(), 1, w.governor(), budget)
		q.cost, q.capital = q.cost+loan.CostUSD, q.capital+loan.CapitalUSD
		q.ok = ok || loan.CapitalUSD < math.Inf(1) // deep enough; the budget is the caller's test
	case stratBribe:
		cost, _, ok := w.cheapestBribe(kind, own)
		q.cost, q.capital, q.ok = q.cost+cost, q.capital+cost, ok
	}
	return q
}

// priceStake prices holding more than share of the active sequencer stake
// by buying tokens and bonding them: for the attacker (what it holds
// counts), or for a fresh attacker who holds nothing. Without sequencer
// operators (plain staking) the stake of all stakers stands for the active
// stake.
func (w *World) priceStake(share float64, fresh bool) quote {
	var others, own int64
	if w.plainStaking {
		others = w.totStaked
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
	cost := protocol.CostToBuyOverDays(w.pool, tokens, w.tradeDays(tokens))
	return quote{cost: cost, capital: cost, success: 1, tokens: tokens, ok: !math.IsInf(cost, 0)}
}

// dailySlice is the largest daily trade of the attacker, in micro-tokens.
func (w *World) dailySlice() int64 {
	return max(int64(w.p.Attacker.MaxDailyTrade*float64(w.pool.Tokens)), 1)
}

// tradeDays is the number of daily slices to trade tokens micro-tokens.
func (w *World) tradeDays(tokens int64) int {
	s := w.dailySlice()
	return int(min((tokens+s-1)/s, math.MaxInt32))
}

// payoff is what a successful malicious proposal of kind is worth to the
// attacker: the treasury's USD plus what its drained tokens sell for over
// planning_days, or the value of controlling the sequencers.
func (w *World) payoff(kind propKind) float64 {
	a := &w.p.Attacker
	if kind == propAdmitCartel {
		return a.SequencerValueUSD
	}
	x := protocol.FracOf(w.treasuryTokens(), a.DrainShare)
	days := max(a.PlanningDays, 1)
	sold := min(x, w.dailySlice()*int64(days))
	return w.treasuryUSD()*a.DrainShare + protocol.SaleValueOverDays(w.pool, sold, days)
}

// lossPerToken is what a voter loses per token it holds when a malicious
// proposal of kind executes: its share of the drained treasury (at the
// pool price) or of the value the cartel extracts, over the tokens with a
// claim (the supply outside the treasury and the reward pool).
func (w *World) lossPerToken(kind propKind) float64 {
	a := &w.p.Attacker
	claim := protocol.Tokens(w.supply0 + w.minted - w.burned - w.treasuryTokens() - w.rewardPool)
	if !(claim > 0) {
		return 0
	}
	loss := a.SequencerValueUSD
	if kind == propDrain {
		loss = a.DrainShare * (protocol.Tokens(w.treasuryTokens())*w.pool.Price() + w.treasuryUSD())
	}
	return loss / claim
}

// lending is the run's money market at today's circulating supply.
func (w *World) lending() protocol.LendingMarket {
	l := &w.p.Lending
	return protocol.LendingMarket{
		DepthTokens: protocol.ToMicro(l.Depth * max(w.circulating(), 0)),
		RateAnnual:  l.RateAnnual, FlashFee: l.FlashFee, CollateralRatio: l.CollateralRatio,
	}
}
