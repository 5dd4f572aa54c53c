package agents

// actPlainInstant is actHolders for the common research shape of the
// unlock-sell benchmark: no sequencer operators (plain staking) and no
// cooldown. It does exactly what the general loop does, with the same draws
// and the same sequence of swaps (so the bytes are the same), but faster
// (DESIGN.md, "Speed"):
//
//   - balances, totals and the pool stay in locals: the general loop
//     reloads them through the World pointer after every call;
//   - the per-agent decisions are branch-free selects: whether an agent
//     sells (a coin at probability 0.3) and whether it stakes (its
//     reservation yield against the APR, true for about half the agents)
//     are data the branch predictor cannot learn;
//   - the sells go to the pool afterwards, in agent order. Nothing an agent
//     decides depends on the pool (the APR signal is yesterday's), so the
//     pool sees the same swaps in the same order, and the chain of
//     divisions in the swaps runs without the decisions' work in between;
//   - on days when no holder has a balance (before the first unlock) there
//     is nothing to do and no draw is taken, so the pass is skipped.
func (w *World) actPlainInstant(round, rounds int, inPresell bool) {
	if w.totLiquid == 0 && w.totStaked == 0 {
		return // every holder's liquid and staked balances are zero
	}
	h := &w.h
	// The market stream's state in locals (registers), written back after
	// the loop: the same numbers as w.streams.market.Float64().
	pcg := &w.streams.marketPCG
	hi, lo := pcg.hi, pcg.lo
	n := len(h.liquid)
	liquid, staked := h.liquid[:n], h.staked[:n]
	sellProb, sellFrac, resYield, presellers := h.sellProb[:n], h.sellFrac[:n], h.resYield[:n], h.presell[:n]
	sells := h.sells[:n]
	apr := w.aprSignal
	var dStaked int64
	k := 0
	for i := round; i < n; i += rounds {
		presell := inPresell && presellers[i]
		l := liquid[i]
		if l > 0 {
			sell := presell
			if !presell {
				var x uint64
				hi, lo, x = pcgNext(hi, lo)
				sell = unitFloat(x) < sellProb[i]
			}
			dx := int64(sellFrac[i] * float64(l)) // >= 0
			if !sell {
				dx = 0
			}
			l -= dx
			sells[k] = dx
			k += int(uint64(-dx) >> 63) // keep it iff dx > 0
		}
		// Stake everything or nothing: tot moves to staked or to liquid.
		s := staked[i]
		tot := s + l
		var stake int64 // all ones if the agent stakes
		if apr >= resYield[i] {
			stake = -1
		}
		if presell {
			stake = 0
		}
		s2 := tot & stake
		staked[i] = s2
		dStaked += s2 - s
		liquid[i] = tot - s2
	}
	pcg.hi, pcg.lo = hi, lo
	// Each sale is added to the running totals in turn, as the general
	// pass does: summing the round's sales first would round differently.
	pool, sold, net := w.pool, w.soldUSDToday, w.netSellUSD
	var soldTokens int64
	for _, dx := range sells[:k] {
		usd := pool.Sell(dx)
		sold += usd
		net += usd
		soldTokens += dx
	}
	w.pool, w.soldUSDToday, w.netSellUSD = pool, sold, net
	// Holders' tokens leave only through the pool, so what liquid lost
	// is what was sold plus what moved to staked.
	w.totLiquid -= soldTokens + dStaked
	w.totStaked += dStaked
}
