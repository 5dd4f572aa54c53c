package agents

// treasuryEnv is the rest of the model as the treasury (treasury.go)
// reaches it: the governed budgets, the grantees, the pool, the holders
// and the USD ledger.
type treasuryEnv interface {
	// budgets are the monthly budgets in USD and in tokens, as governance
	// left them (governed.go); grantees the holders of type grants
	// (governance's, read only).
	budgets() (usd, tokens float64)
	grantees() []int32
	// trader is the pool, on which the treasury sells tokens to pay its
	// USD budget (shared_market.go); treasurySpent books usd of treasury
	// spending leaving the model.
	trader
	treasurySpent(usd float64)
	// creditHolder pays n micro-tokens from an account to holder i.
	creditHolder(i int, from Account, n int64)
}
