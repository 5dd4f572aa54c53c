package agents

// actPlainInstant is actHolders for the common research shape of the
// unlock-sell benchmark: no sequencer operators (plain staking) and no
// cooldown. It does exactly what the general loop does, in the same order
// with the same draws (so the bytes are the same), but keeps balances,
// totals and the pool in locals: the general loop reloads them through the
// World pointer after every call (DESIGN.md, "Speed").
func (w *World) actPlainInstant(round, rounds int, inPresell bool) {
	h := &w.h
	// The market stream's PCG called directly: the same numbers as
	// w.streams.market.Float64() (math/rand/v2's Float64 is
	// float64(Uint64()<<11>>11) / 2^53) without an interface call per draw.
	pcg := &w.streams.marketPCG
	n := len(h.liquid)
	liquid, staked := h.liquid[:n], h.staked[:n]
	sellProb, sellFrac, resYield, presellers := h.sellProb[:n], h.sellFrac[:n], h.resYield[:n], h.presell[:n]
	apr := w.aprSignal
	pool := w.pool
	var dLiquid, dStaked int64
	var sold float64
	for i := round; i < n; i += rounds {
		presell := inPresell && presellers[i]
		l := liquid[i]
		if l > 0 && (presell || float64(pcg.Uint64()<<11>>11)/(1<<53) < sellProb[i]) {
			if dx := int64(sellFrac[i] * float64(l)); dx > 0 {
				sold += pool.Sell(dx)
				l -= dx
				dLiquid -= dx
			}
		}
		switch {
		case apr >= resYield[i] && !presell:
			if l > 0 {
				staked[i] += l
				dStaked += l
				dLiquid -= l
				l = 0
			}
		case staked[i] > 0:
			l += staked[i]
			dLiquid += staked[i]
			dStaked -= staked[i]
			staked[i] = 0
		}
		liquid[i] = l
	}
	w.pool = pool
	w.totLiquid += dLiquid
	w.totStaked += dStaked
	w.soldUSDToday += sold
	w.netSellUSD += sold
}
