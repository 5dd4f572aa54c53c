package protocol

// Runway is how many whole days a treasury lasts when it pays budget USD
// a day, receives income USD a day, spends its USD first and then sells
// its tokens (micro-tokens) into p, one day's need at a time, in a pool
// that nothing refills: the executable runway, as opposed to the
// treasury's tokens marked at the marginal price. It stops at maxDays
// (ok false: the treasury outlasts the horizon, e.g. because income covers
// the budget).
//
// Without a fee, the order of sales does not change what a constant-product
// pool pays (Y·s/(X+s) for s tokens sold in all), so with B > I the runway
// is floor((U + Y·T/(X+T)) / (B − I)) for USD U and tokens T; the fee
// shortens it.
func Runway(usd float64, tokens int64, p Pool, budget, income float64, maxDays int) (days int, ok bool) {
	for d := range maxDays {
		usd += income - budget
		if usd >= 0 {
			continue
		}
		// Sell what today's shortfall needs, or all that is left.
		if dx := min(tokens, p.TokensToRaise(-usd)); dx > 0 {
			usd += p.Sell(dx)
			tokens -= dx
		}
		if usd < -1e-9*budget {
			return d, true
		}
	}
	return maxDays, false
}

// RunwayAtDepth is how many whole days a treasury lasts when it pays
// budget USD and tokensPerDay micro-tokens a day, receives income USD a
// day, spends its USD first and then sells each day's USD shortfall into
// p as it stands: the pool's depth prices every day's sale, and outside
// capital restores the pool between days (as arbitrage does in the
// model). Without a token budget and with B > I the runway is
// floor(U/(B − I)) days on USD U, then one day per TokensToRaise(B − I)
// tokens (the first of them paying only what the USD left short). It
// stops at maxDays (ok false: income covers the budget, or the treasury
// outlasts maxDays).
func RunwayAtDepth(usd float64, tokens int64, p Pool, budget, income float64, tokensPerDay int64, maxDays int) (days int, ok bool) {
	if budget <= income && tokensPerDay <= 0 {
		return maxDays, false
	}
	usd = max(usd, 0)
	for d := range maxDays {
		if tokens -= tokensPerDay; tokens < 0 {
			return d, true
		}
		if usd += income - budget; usd < 0 {
			dx := p.TokensToRaise(-usd)
			if dx > tokens {
				return d, true
			}
			tokens -= dx
			usd = 0
		}
	}
	return maxDays, false
}
