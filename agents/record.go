package agents

import (
	"math"

	"github.com/seqsim/seqsim/agents/protocol"
)

// record writes today's series metrics into row (len w.width).
func (w *World) record(row []float64) {
	price := w.pool.Price()
	circ := w.circulating()
	staked := protocol.Tokens(w.totStaked + w.ops.totSelf)
	supply := protocol.Tokens(w.supply0 + w.minted - w.burned)
	row[sPrice] = price
	row[sFairValue] = w.fairValue
	row[sCirculating] = circ
	row[sStakingRatio] = staked / circ
	row[sStakingAPR] = w.aprSignal
	row[sTreasuryBalance] = protocol.Tokens(w.treasuryTokens)*price + w.treasuryUSD
	row[sSecurityBudget] = (staked + protocol.Tokens(w.totUnbonding+w.ops.totUnbond)) * price
	row[sInflation] = protocol.Tokens(w.mintedToday) * 365 / supply
	row[sBurned] = protocol.Tokens(w.burned)
	row[sHolderSellUSD] = w.soldUSDToday
	row[sFeeRevenue] = w.feeUSD
	row[sPoolUSD] = w.pool.USD
	g := &w.game
	row[sCheckRate], row[sCheatRate] = 0, 0
	if nv := w.v.len(); nv > 0 {
		if g.dayBatches > 0 {
			row[sCheckRate] = g.dayChecks / float64(g.dayBatches*nv)
		} else {
			for _, p := range w.v.p {
				row[sCheckRate] += p / float64(nv)
			}
		}
	}
	if g.dayBatches > 0 {
		row[sCheatRate] = g.dayCheat / float64(g.dayBatches)
	}
	n := &w.net
	row[sActiveSequencers] = float64(len(n.act))
	row[sNakamoto] = float64(n.nakamoto3)
	row[sNakamotoHalf] = float64(n.nakamoto2)
	row[sHHIStake] = n.hhi
	w.recordGovernance(row)
	w.recordMechanisms(row)
}

// summarise fills the outcomes from the recorded series (days 0..horizon).
func (w *World) summarise(series []float64, out []float64) {
	steps := len(series) / w.width
	at := func(day, m int) float64 { return series[day*w.width+m] }
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
	w.summariseNetwork(out)
}

// summariseNetwork fills the verification, slashing and concentration
// outcomes from the run's tallies. Rates are NaN when there was nothing to
// average (no batches, or no verifiers).
func (w *World) summariseNetwork(out []float64) {
	g := &w.game
	out[oFraudsAttempted] = float64(g.frauds)
	out[oFraudsCaught] = float64(g.caught)
	out[oFraudsUndetected] = float64(g.finalised)
	out[oFraudLossUSD] = g.lossUSD
	out[oFirstUndetectedFraudDay] = math.NaN()
	if g.firstFinalDay >= 0 {
		out[oFirstUndetectedFraudDay] = float64(g.firstFinalDay)
	}
	out[oCheckRate], out[oCheatRate], out[oUndetectedFraudRate] = math.NaN(), math.NaN(), math.NaN()
	if b := float64(g.batches); b > 0 {
		out[oCheatRate] = float64(g.frauds) / b
		out[oUndetectedFraudRate] = float64(g.missed) / b
		if nv := w.v.len(); nv > 0 {
			out[oCheckRate] = g.checks / (b * float64(nv))
		}
	}
	var profit float64
	for _, p := range w.v.profit {
		profit += p
	}
	out[oVerifierProfit] = profit
	out[oTotalSlashed] = protocol.Tokens(w.tot.slashed)
	out[oLivenessFailures] = float64(w.tot.livenessFailures)
	out[oMinNakamoto] = math.NaN()
	if w.tot.minNakamoto > 0 {
		out[oMinNakamoto] = float64(w.tot.minNakamoto)
	}
	w.summariseGovernance(out)
	w.summariseMechanisms(out)
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
		peak := series[from*w.width+sPrice]
		for d := from; d <= to; d++ {
			p := series[d*w.width+sPrice]
			peak = max(peak, p)
			worst = max(worst, 1-p/peak)
		}
	}
	return worst
}
