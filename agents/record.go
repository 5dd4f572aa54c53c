package agents

import (
	"math"

	"github.com/seqsim/seqsim/agents/protocol"
)

// record writes today's series metrics into row (len numSeries).
func (w *World) record(row []float64) {
	price := w.pool.Price()
	circ := w.circulating()
	staked := protocol.Tokens(w.totStaked)
	supply := protocol.Tokens(w.supply0 + w.minted - w.burned)
	row[sPrice] = price
	row[sFairValue] = w.fairValue
	row[sCirculating] = circ
	row[sStakingRatio] = staked / circ
	row[sStakingAPR] = w.aprSignal
	row[sTreasuryBalance] = protocol.Tokens(w.treasuryTokens)*price + w.treasuryUSD
	row[sSecurityBudget] = (staked + protocol.Tokens(w.totUnbonding)) * price
	row[sInflation] = protocol.Tokens(w.mintedToday) * 365 / supply
	row[sBurned] = protocol.Tokens(w.burned)
	row[sHolderSellUSD] = w.soldUSDToday
	row[sFeeRevenue] = w.feeUSD
	row[sPoolUSD] = w.pool.USD
}

// summarise fills the outcomes from the recorded series (days 0..horizon).
func (w *World) summarise(series []float64, out []float64) {
	steps := len(series) / numSeries
	at := func(day, m int) float64 { return series[day*numSeries+m] }
	last := steps - 1
	var peak, mdd, minSec, aprSum, maxSellDepth float64
	peak, minSec = at(0, sPrice), math.Inf(1)
	for d := range steps {
		p := at(d, sPrice)
		peak = max(peak, p)
		mdd = max(mdd, 1-p/peak)
		if d >= 30 || last < 30 {
			minSec = min(minSec, at(d, sSecurityBudget))
		}
		if d > 0 {
			aprSum += at(d, sStakingAPR)
			maxSellDepth = max(maxSellDepth, at(d, sHolderSellUSD)/at(d, sPoolUSD))
		}
	}
	out[oFinalPrice] = at(last, sPrice)
	out[oMaxDrawdown] = mdd
	out[oMaxDrawdownAfterUnlock] = w.drawdownAroundCliffs(series, steps)
	out[oMinSecurityBudget] = minSec
	out[oFinalStakingRatio] = at(last, sStakingRatio)
	out[oTotalBurned] = protocol.Tokens(w.burned)
	out[oTotalEmitted] = protocol.Tokens(w.minted)
	out[oTreasuryRunway] = math.NaN()
	if b := w.p.Treasury.MonthlyBudgetUSD; b > 0 {
		if r := at(last, sTreasuryBalance) / (b * 12 / 365); !math.IsInf(r, 0) {
			out[oTreasuryRunway] = r
		}
	}
	out[oFinalCirculating] = at(last, sCirculating)
	out[oMeanStakingAPR] = aprSum / float64(max(last, 1))
	out[oHolderSoldUSD] = w.soldUSDTotal
	out[oMaxSellOverDepth] = maxSellDepth
	out[oFinalTreasuryUSD] = at(last, sTreasuryBalance)
	out[oTreasuryShortfallDays] = float64(w.shortfallDays)
}

// drawdownAroundCliffs is the largest drawdown within the window of
// unlock_window_days before and after any cliff: for each cliff c, the
// running peak starts at c-W and the drawdown is measured through c+W, so
// selling ahead of the cliff counts too. NaN when there is no cliff.
func (w *World) drawdownAroundCliffs(series []float64, steps int) float64 {
	if len(w.cliffs) == 0 {
		return math.NaN()
	}
	win := w.p.Metrics.UnlockWindowDays
	worst := 0.0
	for _, c := range w.cliffs {
		from, to := max(c-win, 0), min(c+win, steps-1)
		peak := series[from*numSeries+sPrice]
		for d := from; d <= to; d++ {
			p := series[d*numSeries+sPrice]
			peak = max(peak, p)
			worst = max(worst, 1-p/peak)
		}
	}
	return worst
}
