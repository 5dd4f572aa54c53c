package agents

// The market (market.go) as the other parts reach it: the World implements
// these through the market's wiring (wire_market.go), one call per trade
// or price, never per agent.

// pricer is the pool's price, for the parts that value tokens.
type pricer interface {
	// price is the pool's marginal price, USD per token.
	price() float64
}

// trader is the pool for the parts that trade on it with outside USD.
// Every trade counts in the day's net selling, whose permanent impact the
// next arbitrage round weighs.
type trader interface {
	pricer
	// costToBuy is the USD that buys x micro-tokens from the pool (an
	// error when the pool cannot sell that many); tokensToRaise is the
	// micro-tokens whose sale raises usd.
	costToBuy(x int64) (float64, error)
	tokensToRaise(usd float64) int64
	// buy spends usd (from outside the model) on the pool and returns the
	// micro-tokens bought; sell sells x micro-tokens and returns the USD.
	buy(usd float64) int64
	sell(x int64) float64
}
