package agents

// The treasury, a component of the built-in model (model.go wires it):
// its tokens and USD, its spending (its budgets, and how it raises the USD
// it pays) and its shortfalls. It reaches the pool, the holders, the
// governed budgets, the grantees and the USD ledger only through
// treasuryEnv (shared_treasury.go); the rest of the model pays into it and
// takes from it through the wiring.

import "github.com/seqsim/seqsim/agents/protocol"

// treasury is the treasury of one run.
type treasury struct {
	env           treasuryEnv // the rest of the model
	tokens        int64       // micro-tokens (a ledger account)
	usd           float64     // USD (a USD ledger account)
	shortfallDays int         // days a budget could not be paid in full
}

// reset starts a run with the treasury's launch USD (initialUSD) and no
// tokens: its allocation unlocks into it from day 0.
func (t *treasury) reset(env treasuryEnv, initialUSD float64) {
	*t = treasury{env: env, usd: initialUSD} // in place: the ledgers hold its accounts
}

// accounts are the treasury's ledger accounts.
func (t *treasury) accounts() (tokens *int64, usd *float64) { return &t.tokens, &t.usd }

// holdings are the treasury's tokens (micro-tokens) and USD.
func (t *treasury) holdings() (int64, float64) { return t.tokens, t.usd }

// depositTokens and depositUSD pay into the treasury; take takes up to
// want micro-tokens from it and returns them.
func (t *treasury) depositTokens(n int64)     { t.tokens += n }
func (t *treasury) depositUSD(usd float64)    { t.usd += usd }
func (t *treasury) take(want int64) (n int64) { n = min(want, t.tokens); t.tokens -= n; return n }

// payBudget pays day's share of the monthly budgets: the USD budget from
// the treasury's USD, then by selling treasury tokens on the pool; the
// token budget to one grantee a day, in turn (they sell or stake it as
// holders do), or sold on the pool when there are no grantees. A day on
// which either cannot be paid in full is a shortfall.
func (t *treasury) payBudget(day int) {
	usdBudget, tokenBudget := t.env.budgets() // governance may change them
	short := false
	if need := usdBudget * 12 / 365; need > 0 {
		short = t.spend(need)
	}
	if tokenBudget > 0 {
		n := protocol.ToMicro(tokenBudget * 12 / 365)
		if n > t.tokens {
			n, short = t.tokens, true
		}
		if n > 0 {
			grantee := -1
			if g := t.env.grantees(); len(g) > 0 {
				grantee = int(g[day%len(g)])
			}
			t.payTokens(n, grantee)
		}
	}
	if short {
		t.shortfallDays++
	}
}

// spend pays need USD from the treasury's USD, then by selling treasury
// tokens on the pool; it reports a shortfall when the tokens run out.
func (t *treasury) spend(need float64) (short bool) {
	fromUSD := min(need, t.usd)
	t.usd -= fromUSD
	t.env.treasurySpent(fromUSD)
	need -= fromUSD
	if need <= 0 {
		return false
	}
	dx := t.env.tokensToRaise(need)
	if dx > t.tokens {
		dx = t.tokens
		short = true
	}
	if dx > 0 {
		t.sellTokens(dx)
	}
	return short
}

// payTokens pays n treasury tokens to holder grantee (a grant or the
// token budget), through the holder table as a mechanism would, or, with
// no grantee (-1), sells them and spends the USD.
func (t *treasury) payTokens(n int64, grantee int) {
	if grantee >= 0 {
		t.env.creditHolder(grantee, Account{&t.tokens}, n)
		return
	}
	t.sellTokens(n)
}

// sellTokens sells dx treasury tokens on the pool and spends the USD at
// once: it leaves the model as treasury spending, and counts as net
// selling for the permanent impact.
func (t *treasury) sellTokens(dx int64) {
	t.tokens -= dx
	t.env.treasurySpent(t.env.sell(dx))
}

// drain takes the share of the treasury's tokens and USD (a capture's
// drain) and returns them.
func (t *treasury) drain(share float64) (tokens int64, usd float64) {
	tokens = protocol.FracOf(t.tokens, share)
	t.tokens -= tokens
	usd = t.usd * share
	t.usd -= usd
	return tokens, usd
}

// summarise writes the treasury's own outcome: the days it could not pay
// its budget.
func (t *treasury) summarise(out []float64, c *columns) {
	out[c.oTreasuryShortfallDays] = float64(t.shortfallDays)
}

// declareTreasuryMetrics declares the treasury's metrics. The treasury
// writes its shortfall days (summarise); its values and runway are marked
// at the World's pool and fee revenue, so record.go writes them
// (summariseTreasury).
func declareTreasuryMetrics(d *coreDecls, c *columns) {
	d.Series(&c.sTreasuryBalance, Metric{Name: "treasury_balance", Unit: "USD", Doc: "marked at the margin: treasury tokens at the pool price plus treasury USD", Chart: true})
	d.Outcome(&c.oTreasuryRunway, Metric{Name: "treasury_runway_days", Unit: "days", Doc: "executable: days the final treasury pays its budget, with the treasury's share of the last day's fees as income, selling each day's shortfall into the last day's pool (capped at 36,500; empty when both budgets are 0)", MayBeEmpty: true})
	d.Outcome(&c.oFinalTreasuryUSD, Metric{Name: "final_treasury_usd", Unit: "USD", Doc: "marked at the margin: treasury USD plus its tokens at the last day's pool price"})
	d.Outcome(&c.oFinalTreasuryExecutable, Metric{Name: "final_treasury_executable_usd", Unit: "USD", Doc: "executable: treasury USD plus what selling all its tokens into the last day's pool would raise"})
	d.Outcome(&c.oTreasuryShortfallDays, Metric{Name: "treasury_shortfall_days", Unit: "days", Doc: "days on which the treasury could not pay its budget"})
}
