package agents

// The demand side, a component of the built-in model (model.go wires it):
// the fee level and the day's fee revenue (this file), the day's steps of
// the demand-side value process, and the fees' split, what was paid to
// stake and the staking APR signal (fees.go). It draws from the demand
// stream, handed over at reset, and reaches the rest of the model only
// through demandEnv (shared_demand.go); the wiring (wire_demand.go) moves
// the money it splits (the pool, the treasury, the operators, the
// ledgers), hands it the market's log value for the day's steps of the
// value process, and publishes the APR signal for the holder pass.

import (
	"math"
	"math/rand/v2"

	"github.com/seqsim/seqsim/agents/protocol"
)

// demandSide is the demand side of one run.
type demandSide struct {
	env demandEnv  // the rest of the model
	p   *Params    // the run's parameters (fees, the value process, the APR signal)
	r   *rand.Rand // the demand stream

	logFee float64 // log fee level: 0 at launch
	feeUSD float64 // today's net sequencer profit, USD (fee revenue)

	split     protocol.FeeSplit // the fee split; governance changes it
	stakerUSD float64           // the stakers' share of today's fee revenue, USD

	paidToday, rewardPrice float64 // paid to stake today (fee share and emission), and the pool price it was valued at
	paidTotal, stakeTotal  float64 // sums over days of what was paid to stake and of the value bonded
	apr                    float64 // the smoothed staking APR signal, 1/year
}

// reset starts a run of p with the demand stream r: the fee level 1 and
// the launch fee revenue, the fee split of the parameters, nothing paid
// to stake yet (valued at the launch price) and an APR signal of 0.
func (d *demandSide) reset(env demandEnv, p *Params, r *rand.Rand) {
	*d = demandSide{
		env: env, p: p, r: r,
		feeUSD:      p.Fees.AnnualRevenueUSD / 365,
		split:       protocol.FeeSplit{Stakers: p.Fees.Split[0], Treasury: p.Fees.Split[1], Burn: p.Fees.Split[2]},
		rewardPrice: p.Supply.LaunchPriceUSD,
	}
}

// demand advances the fee-revenue process and steps the log demand-side
// value, logValue (geometric Brownian motions; the value process also
// jumps at market-wide shocks). The log value is the market's (arbitrage
// moves it too): the wiring hands it over for the day's steps.
func (d *demandSide) demand(logValue *float64) {
	r := d.r
	const dt = 1.0 / 365
	f := &d.p.Fees
	d.logFee += (f.GrowthAnnual-f.VolAnnual*f.VolAnnual/2)*dt + f.VolAnnual*math.Sqrt(dt)*r.NormFloat64()
	d.feeUSD = f.AnnualRevenueUSD * dt * math.Exp(d.logFee)
	m := &d.p.Market
	*logValue += (m.ValueDriftAnnual-m.ValueVolAnnual*m.ValueVolAnnual/2)*dt + m.ValueVolAnnual*math.Sqrt(dt)*r.NormFloat64()
	if m.ShockRatePerYear > 0 && r.Float64() < m.ShockRatePerYear*dt {
		jump := m.ShockMean + m.ShockSD*r.NormFloat64()
		*logValue += jump
		d.env.event("shock", "market", jump, "log return", "market-wide shock to the demand-side market cap")
	}
}

// feeLevel is the fee level, e^(log fee level): 1 at launch.
func (d *demandSide) feeLevel() float64 { return math.Exp(d.logFee) }

// shiftFee moves the log fee level by jump, and today's fee revenue (not
// yet split) with it.
func (d *demandSide) shiftFee(jump float64) {
	d.logFee += jump
	d.feeUSD *= math.Exp(jump)
}

// revenue is today's fee revenue, USD.
func (d *demandSide) revenue() float64 { return d.feeUSD }

// record writes the demand side's series of the day: its APR signal and
// fee revenue; summarise its outcome, the mean staking APR of the run
// (empty when nothing was staked).
func (d *demandSide) record(row []float64, c *columns) {
	row[c.sStakingAPR] = d.apr
	row[c.sFeeRevenue] = d.feeUSD
}

func (d *demandSide) summarise(out []float64, c *columns) {
	out[c.oMeanStakingAPR] = math.NaN()
	if apr, ok := d.meanAPR(); ok {
		out[c.oMeanStakingAPR] = apr
	}
}

// declareDemandMetrics declares the demand side's metrics. The demand side
// writes the fee revenue and the APR (record, summarise); the fair value is
// the World's (the market's arbitrage sets it), so record.go writes it.
func declareDemandMetrics(d *coreDecls, c *columns) {
	d.Series(&c.sFairValue, Metric{Name: "fair_value", Unit: "USD/token", Doc: "outside capital's value per token: demand-side cap plus capitalised holder cash flows, over circulating supply (arbitrage target)"})
	d.Series(&c.sStakingAPR, Metric{Name: "staking_apr", Unit: "1/year", Doc: "smoothed staking yield (fee share plus emission), the signal holders compare with their reservation yield", Chart: true})
	d.Series(&c.sFeeRevenue, Metric{Name: "fee_revenue_usd", Unit: "USD/day", Doc: "net sequencer profit that day"})
	d.Outcome(&c.oMeanStakingAPR, Metric{Name: "mean_staking_apr", Unit: "1/year", Doc: "paid to stake over the run (the stakers' fee share and the emission credited, before commission, at the day's pool price) over the value bonded, summed over days and annualised: the stake-weighted mean yield (empty when nothing was staked)", MayBeEmpty: true})
}
