package agents

// The fees' side of the demand component (demand.go): the split of the
// day's fee revenue, the cash flow it pays holders, what was paid to stake
// and the staking APR signal holders compare with their reservation
// yield.

import "github.com/seqsim/seqsim/agents/protocol"

// splitFees splits today's fee revenue, in micro-USD: the revenue and the
// stakers', the treasury's and the burn's shares (the stakers' is kept,
// in USD, as stakersUSD).
func (d *demandSide) splitFees() (revenue, stakers, treasury, burn int64) {
	revenue = int64(d.feeUSD * 1e6)
	stakers, treasury, burn = d.split.Split(revenue)
	d.stakerUSD = float64(stakers) / 1e6
	return revenue, stakers, treasury, burn
}

// stakersUSD is the stakers' share of today's fee revenue, USD.
func (d *demandSide) stakersUSD() float64 { return d.stakerUSD }

// holderCashFlow is the USD a day that reaches holders at today's fee
// revenue: the stakers' share and the burn buyback (the y of
// protocol.Valuation). The treasury's share is not counted: it pays the
// treasury's spending, which the model sells on the market.
func (d *demandSide) holderCashFlow() float64 {
	return d.feeUSD * (d.split.Stakers + d.split.Burn)
}

// feeSplit is the fee split now; setFeeSplit changes it (governance).
func (d *demandSide) feeSplit() protocol.FeeSplit      { return d.split }
func (d *demandSide) setFeeSplit(fs protocol.FeeSplit) { d.split = fs }

// rewardsAt starts the day's rewards, valued at the pool price: nothing
// paid to stake yet; paid books usd paid to stake (the stakers' fee share
// and the emission credited, before commission).
func (d *demandSide) rewardsAt(price float64) { d.paidToday, d.rewardPrice = 0, price }
func (d *demandSide) paid(usd float64)        { d.paidToday = usd }

// updateAPR folds today's realised staking yield into the smoothed signal
// and returns it: what was paid to stake today over the value bonded
// (bonded micro-tokens, the holders' and the operators' own), both at the
// pool price when the rewards were paid.
// Nothing has been paid before day 1, so the signal starts at 0 and rises
// toward the realised yield with the smoothing's time constant: holders
// learn what staking pays over weeks, not on day 1. The realised yield is
// capped at staking.max_apr_signal, since a yield over a tiny stake is no
// guide to what a new staker would earn. Under the budget model the
// signal is the yearly budget over the stake (at least the floor).
func (d *demandSide) updateAPR(bonded int64) float64 {
	st := &d.p.Staking
	if st.APRModel == APRBudget {
		staked := max(protocol.Tokens(bonded), st.APRFloorStakeTokens)
		d.apr = min(st.MaxAPRSignal, st.APRBudgetTokensPerYear/staked)
		return d.apr
	}
	var apr float64
	if bonded > 0 {
		stake := protocol.Tokens(bonded) * d.rewardPrice // the price the rewards were valued at
		apr = min(d.paidToday*365/stake, st.MaxAPRSignal)
		d.paidTotal += d.paidToday
		d.stakeTotal += stake
	}
	alpha := 1.0
	if st.APRSmoothingDays > 1 {
		alpha = 1 / st.APRSmoothingDays
	}
	d.apr += alpha * (apr - d.apr)
	return d.apr
}

// meanAPR is what was paid to stake over the run over the value bonded,
// summed over days and annualised; not ok when nothing was staked.
func (d *demandSide) meanAPR() (apr float64, ok bool) {
	if d.stakeTotal > 0 {
		return d.paidTotal * 365 / d.stakeTotal, true
	}
	return 0, false
}
