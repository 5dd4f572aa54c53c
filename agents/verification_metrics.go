package agents

// What the verification game reports: its metrics, declared to the model
// when it is built, and their values at the end of each day and of a run.

import (
	"math"
)

// record writes the game's and the population's series into row.
func (vg *verification) record(row []float64, col *columns) {
	g := &vg.g
	row[col.sCheckRate], row[col.sCheatRate] = 0, 0
	if nv := vg.v.len(); nv > 0 {
		if g.dayBatches > 0 {
			row[col.sCheckRate] = g.dayChecks / float64(g.dayBatches*nv)
		} else {
			for _, p := range vg.v.p {
				row[col.sCheckRate] += p / float64(nv)
			}
		}
	}
	if g.dayBatches > 0 {
		row[col.sCheatRate] = g.dayCheat / float64(g.dayBatches)
	}
	vg.recordPopulation(row, col)
}

// summarise fills the game's and the population's outcomes from the run's
// tallies. Rates are NaN when there was nothing to average (no batches,
// or no verifiers).
func (vg *verification) summarise(out []float64, col *columns) {
	g := &vg.g
	out[col.oFraudsAttempted] = float64(g.frauds)
	out[col.oFraudsCaught] = float64(g.caught)
	out[col.oFraudsUndetected] = float64(g.finalised)
	out[col.oFraudLossUSD] = g.lossUSD
	out[col.oFirstUndetectedFraudDay] = math.NaN()
	if g.firstFinalDay >= 0 {
		out[col.oFirstUndetectedFraudDay] = float64(g.firstFinalDay)
	}
	out[col.oCheckRate], out[col.oCheatRate], out[col.oUndetectedFraudRate] = math.NaN(), math.NaN(), math.NaN()
	if b := float64(g.batches); b > 0 {
		out[col.oCheatRate] = float64(g.frauds) / b
		out[col.oUndetectedFraudRate] = float64(g.missed) / b
		if g.verifierBatches > 0 { // verifiers come and go: per verifier present
			out[col.oCheckRate] = g.checks / g.verifierBatches
		}
	}
	profit := g.profitGone
	for _, p := range vg.v.profit {
		profit += p
	}
	out[col.oVerifierProfit] = profit
	vg.summarisePopulation(out, col)
}

// declareVerificationMetrics declares the verification game's metrics.
func declareVerificationMetrics(d *coreDecls, c *columns) {
	d.Series(&c.sCheckRate, Metric{Name: "check_rate", Unit: "fraction", Doc: "probability that a verifier checks a batch that day (mean over verifiers and batches)", Chart: true})
	d.Series(&c.sCheatRate, Metric{Name: "cheat_rate", Unit: "fraction", Doc: "probability that a batch carries an invalid root that day (mean over batches)", Chart: true})
	d.Outcome(&c.oFraudsAttempted, Metric{Name: "frauds_attempted", Unit: "count", Doc: "invalid state roots posted", Chart: true, Section: "verification"})
	d.Outcome(&c.oFraudsCaught, Metric{Name: "frauds_caught", Unit: "count", Doc: "invalid roots a verifier checked and challenged (the sequencer is slashed)", Section: "verification"})
	d.Outcome(&c.oFraudsUndetected, Metric{Name: "frauds_undetected", Unit: "count", Doc: "unchecked invalid roots whose challenge window ended within the horizon (finalised)", Chart: true, RiskAbove: []float64{0}, Section: "verification"})
	d.Outcome(&c.oFraudLossUSD, Metric{Name: "fraud_loss_usd", Unit: "USD", Doc: "gain of the finalised invalid roots, lost by users", Chart: true, RiskAbove: []float64{0, 10e6}, Section: "verification"})
	d.Outcome(&c.oFirstUndetectedFraudDay, Metric{Name: "first_undetected_fraud_day", Unit: "day", Doc: "day the first unchecked invalid root finalised (empty when none)", MayBeEmpty: true, Chart: true, LowerTail: true, Section: "verification"})
	d.Outcome(&c.oCheckRate, Metric{Name: "check_rate", Unit: "fraction", Doc: "share of batches a verifier checks, mean over verifiers (time average)", MayBeEmpty: true, Chart: true, LowerTail: true, Section: "verification"})
	d.Outcome(&c.oCheatRate, Metric{Name: "cheat_rate", Unit: "fraction", Doc: "share of batches carrying an invalid root (time average)", MayBeEmpty: true, Chart: true, Section: "verification"})
	d.Outcome(&c.oUndetectedFraudRate, Metric{Name: "undetected_fraud_rate", Unit: "fraction", Doc: "share of batches carrying an invalid root nobody checked (time average)", MayBeEmpty: true, Chart: true, Section: "verification"})
	d.Outcome(&c.oVerifierProfit, Metric{Name: "verifier_profit", Unit: "USD", Doc: "verifiers' rewards, attention payments and subsidies less check costs, node operating costs and what they lose when fraud passes (miss penalty and their share of the theft), summed over every verifier that took part", Chart: true, LowerTail: true, Section: "verification"})
	d.Series(&c.sVerifiers, Metric{Name: "verifiers", Unit: "count", Doc: "verifiers in the population at the end of the day", Chart: true})
	d.Series(&c.sTVL, Metric{Name: "tvl_usd", Unit: "USD", Doc: "value the rollup's bridge holds: moves with the fee level, falls by what finalised frauds steal and by the users who leave after them", Chart: true})
	d.Outcome(&c.oFinalVerifiers, Metric{Name: "final_verifiers", Unit: "count", Doc: "verifiers in the population on the last day", Chart: true, LowerTail: true, Section: "verification"})
	d.Outcome(&c.oVerifierExits, Metric{Name: "verifier_exits", Unit: "count", Doc: "verifiers who left because membership was worth less than their node over a review", Section: "verification"})
	d.Outcome(&c.oVerifierEntries, Metric{Name: "verifier_entries", Unit: "count", Doc: "verifiers who entered because a year of membership was worth more than their node", Section: "verification"})
	d.Outcome(&c.oFinalTVL, Metric{Name: "final_tvl_usd", Unit: "USD", Doc: "bridged value on the last day", Chart: true, LowerTail: true, Section: "verification"})
}
