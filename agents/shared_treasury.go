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
