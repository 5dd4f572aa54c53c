package agents

// The treasury's spending: its budgets, and how it raises the USD it pays.

import "github.com/seqsim/seqsim/agents/protocol"

// payTreasuryBudget pays the day's share of the monthly budgets: the USD
// budget from the treasury's USD, then by selling treasury tokens on the
// pool; the token budget to one grantee a day, in turn (they sell or
// stake it as holders do), or sold on the pool when there are no
// grantees. A day on which either cannot be paid in full is a shortfall.
func (w *World) payTreasuryBudget() {
	usdBudget, tokenBudget := w.budgets() // governance may change them
	short := false
	if need := usdBudget * 12 / 365; need > 0 {
		short = w.spendTreasury(need)
	}
	if tokenBudget > 0 {
		n := protocol.ToMicro(tokenBudget * 12 / 365)
		if n > w.treasuryTokens {
			n, short = w.treasuryTokens, true
		}
		if n > 0 {
			grantee := -1
			if g := w.grantees(); len(g) > 0 {
				grantee = int(g[w.day%len(g)])
			}
			w.payTreasuryTokens(n, grantee)
		}
	}
	if short {
		w.shortfallDays++
	}
}

// spendTreasury pays need USD from the treasury's USD, then by selling
// treasury tokens on the pool; it reports a shortfall when the tokens run
// out.
func (w *World) spendTreasury(need float64) (short bool) {
	fromUSD := min(need, w.treasuryUSD)
	w.treasuryUSD -= fromUSD
	w.usd.out(flowTreasurySpend, fromUSD)
	need -= fromUSD
	if need <= 0 {
		return false
	}
	dx := w.pool.TokensToRaise(need)
	if dx > w.treasuryTokens {
		dx = w.treasuryTokens
		short = true
	}
	if dx > 0 {
		w.sellTreasuryTokens(dx)
	}
	return short
}

// payTreasuryTokens pays n treasury tokens to holder grantee (a grant or
// the token budget), through the holder table as a mechanism would, or,
// with no grantee (-1), sells them and spends the USD.
func (w *World) payTreasuryTokens(n int64, grantee int) {
	if grantee >= 0 {
		holderTable{w}.Credit(grantee, Account{&w.treasuryTokens}, n)
		return
	}
	w.sellTreasuryTokens(n)
}

// sellTreasuryTokens sells dx treasury tokens on the pool and spends the
// USD at once: it leaves the model as treasury spending, and counts as
// net selling for the permanent impact.
func (w *World) sellTreasuryTokens(dx int64) {
	w.treasuryTokens -= dx
	usd := w.pool.Sell(dx)
	w.netSellUSD += usd
	w.usd.out(flowTreasurySpend, usd)
}

// drainTreasury records a capture of kind and moves attacker.drain_share
// of the treasury to the attacker, who then sells the tokens.
func (w *World) drainTreasury(kind int) {
	w.capture(kind)
	share := w.p.Attacker.DrainShare
	x := protocol.FracOf(w.treasuryTokens, share)
	w.treasuryTokens -= x
	usd := w.treasuryUSD * share
	w.treasuryUSD -= usd
	w.attackerReceives(x, usd)
}
