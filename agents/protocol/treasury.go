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
