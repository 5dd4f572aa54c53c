package agents

import (
	"math"

	"github.com/seqsim/seqsim/agents/protocol"
)

// record writes today's series metrics into row (len w.width). The parts
// write their own (the market, the demand side, the verification game, the
// network, churn, governance, mechanisms); record writes those whose values
// are the World's: the circulating supply, the staking ratio and the
// security budget (the holder table and the operators' stake), the fair
// value (the valuation the market's arbitrage moves), the treasury's
// balance at the pool price, and the supply's inflation and burns (the
// token ledger: supply0, minted, burned).
func (w *World) record(row []float64) {
	w.recordMarket(row)
	price := row[w.col.sPrice]
	circ := w.circulating()
	staked := protocol.Tokens(w.totStaked + w.operatorSelfStake())
	supply := protocol.Tokens(w.supply0 + w.minted - w.burned)
	row[w.col.sFairValue] = w.fairValue
	row[w.col.sCirculating] = circ
	row[w.col.sStakingRatio] = staked / circ
	row[w.col.sTreasuryBalance] = protocol.Tokens(w.treasuryTokens())*price + w.treasuryUSD()
	row[w.col.sSecurityBudget] = (staked + protocol.Tokens(w.totUnbonding+w.operatorUnbonding())) * price
	row[w.col.sInflation] = protocol.Tokens(w.emittedToday()) * 365 / supply
	row[w.col.sBurned] = protocol.Tokens(w.burned)
	w.recordDemand(row)
	w.recordVerification(row)
	w.recordNetwork(row)
	w.recordChurn(row)
	w.recordGovernance(row)
	w.recordMechanisms(row)
}

// summarise fills the outcomes from the recorded series (days 0..horizon).
// As in record, the parts write their own; summarise writes those read
// from the World's series, ledger and pool (the price path, the supply
// counts, the treasury's value and runway).
func (w *World) summarise(series []float64, out []float64) {
	steps := len(series) / w.width
	at := func(day int, m Column) float64 { return series[day*w.width+int(m)] }
	last := steps - 1
	settled := w.settledDay(series) // -1: never
	var peak, mdd, minSec, maxSellDepth float64
	peak, minSec = at(0, w.col.sPrice), math.Inf(1)
	for d := range steps {
		p := at(d, w.col.sPrice)
		peak = max(peak, p)
		mdd = max(mdd, 1-p/peak)
		if settled >= 0 && d >= settled {
			minSec = min(minSec, at(d, w.col.sSecurityBudget))
		}
		if d > 0 {
			maxSellDepth = max(maxSellDepth, at(d, w.col.sHolderSellUSD)/at(d, w.col.sPoolUSD))
		}
	}
	out[w.col.oFinalPrice] = at(last, w.col.sPrice)
	out[w.col.oMaxDrawdown] = mdd
	out[w.col.oMaxDrawdownAfterUnlock] = w.drawdownAroundCliffs(series, steps)
	out[w.col.oMinSecurityBudget] = finiteOrNaN(minSec)
	out[w.col.oFinalStakingRatio] = at(last, w.col.sStakingRatio)
	out[w.col.oTotalBurned] = protocol.Tokens(w.burned)
	out[w.col.oTotalEmitted] = protocol.Tokens(w.minted)
	w.summariseTreasury(out)
	out[w.col.oFinalCirculating] = at(last, w.col.sCirculating)
	w.summariseDemand(out)
	w.summariseMarket(out)
	out[w.col.oMaxSellOverDepth] = maxSellDepth
	w.summariseConcentration(series, steps, settled, out)
	w.summariseChurn(out)
	w.summariseNetwork(out)
	w.summariseGovernance(settled, out)
	w.summariseGoverned(out)
	w.summariseMechanisms(out)
}

// runwayCapDays caps treasury_runway_days: a treasury whose income covers
// its budget lasts for ever, reported as 100 years.
const runwayCapDays = 36500

// summariseTreasury fills the treasury's outcomes on the last day: its
// value marked at the pool price, what it would raise selling all its
// tokens into the pool (executable), and its executable runway at the
// budget, counting the treasury's share of the last day's fee revenue as
// income, each day's sale priced by the last day's pool
// (protocol.RunwayAtDepth).
func (w *World) summariseTreasury(out []float64) {
	pool := w.poolSnapshot() // a copy: the valuations sell into it
	out[w.col.oFinalTreasuryUSD] = w.treasuryUSD() + protocol.Tokens(w.treasuryTokens())*pool.Price()
	out[w.col.oFinalTreasuryExecutable] = w.treasuryUSD() + pool.Sell(w.treasuryTokens())
	w.summariseShortfalls(out)
	out[w.col.oTreasuryRunway] = math.NaN()
	usdBudget, tokenBudget := w.budgets() // as governance left them
	if b, bt := usdBudget*12/365, protocol.ToMicro(tokenBudget*12/365); b > 0 || bt > 0 {
		days, _ := protocol.RunwayAtDepth(w.treasuryUSD(), w.treasuryTokens(), w.poolSnapshot(), b, w.feeRevenue()*w.feeSplitNow().Treasury, bt, runwayCapDays)
		out[w.col.oTreasuryRunway] = float64(days)
	}
}

// summariseNetwork fills the verification and slashing outcomes from the
// run's tallies.
func (w *World) summariseNetwork(out []float64) {
	w.summariseVerification(out)
	w.summariseSlashing(out)
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
		peak := series[from*w.width+int(w.col.sPrice)]
		for d := from; d <= to; d++ {
			p := series[d*w.width+int(w.col.sPrice)]
			peak = max(peak, p)
			worst = max(worst, 1-p/peak)
		}
	}
	return worst
}

// settledDay is the day positions settled in the run's daily rows
// (settleDay on the staking ratio, with the metrics section's window and
// band): the one "after launch" of the outcomes that leave the launch out
// (min_security_budget_usd, the concentration and the capture minima).
func (w *World) settledDay(series []float64) int {
	return settleDay(series, w.width, int(w.col.sStakingRatio), w.p.Metrics.SettleWindowDays, w.p.Metrics.SettleBand)
}

// settleDay is the first day d at which positions have settled: the
// staking ratio (column col of rows of width width) on each of the window
// days up to d stayed within band times their mean of that mean (the
// launch ramp is over: holders have staked what they will hold for a
// while). -1 when it never did within the run.
func settleDay(series []float64, width, col, window int, band float64) int {
	steps := len(series) / width
	window = max(window, 1)
	for d := window - 1; d < steps; d++ {
		var mean float64
		for t := d - window + 1; t <= d; t++ {
			mean += series[t*width+col]
		}
		mean /= float64(window)
		ok := true
		for t := d - window + 1; t <= d && ok; t++ {
			ok = math.Abs(series[t*width+col]-mean) <= band*mean
		}
		if ok {
			return d
		}
	}
	return -1
}

// finiteOrNaN maps +Inf (a blocked route) to NaN (an empty outcome).
func finiteOrNaN(x float64) float64 {
	if math.IsInf(x, 0) {
		return math.NaN()
	}
	return x
}

// summariseConcentration fills the active set's concentration outcomes
// from the recorded series: over the days from settled (the day positions
// settled, settledDay) on which some stake was active, the lowest and the
// mean Nakamoto coefficients (1/3 and 1/2) and the highest and the mean
// HHI (HHI grows with concentration, so its worst day is its maximum). On
// the first days only the launch operators' self-stake is bonded and the
// first few delegations decide the shares (docs/model.md §7.4), which
// says nothing about the design once positions exist. Empty when
// positions never settled or no such day exists.
func (w *World) summariseConcentration(series []float64, steps, settled int, out []float64) {
	at := func(d int, c Column) float64 { return series[d*w.width+int(c)] }
	from := settled
	if from < 0 {
		from = steps // never settled: no day counts
	}
	min3, min2, maxH := math.Inf(1), math.Inf(1), 0.0
	var sum3, sum2, sumH float64
	days := 0
	for d := from; d < steps; d++ {
		n3 := at(d, w.col.sNakamoto)
		if n3 == 0 { // nothing active that day
			continue
		}
		n2, h := at(d, w.col.sNakamotoHalf), at(d, w.col.sHHIStake)
		min3, min2, maxH = min(min3, n3), min(min2, n2), max(maxH, h)
		sum3, sum2, sumH = sum3+n3, sum2+n2, sumH+h
		days++
	}
	if days == 0 {
		min3, min2, maxH, sum3, sum2, sumH = math.NaN(), math.NaN(), math.NaN(), math.NaN(), math.NaN(), math.NaN()
		days = 1
	}
	out[w.col.oMinNakamoto], out[w.col.oMeanNakamoto] = min3, sum3/float64(days)
	out[w.col.oMinNakamotoHalf], out[w.col.oMeanNakamotoHalf] = min2, sum2/float64(days)
	out[w.col.oMaxHHIStake], out[w.col.oMeanHHIStake] = maxH, sumH/float64(days)
}
