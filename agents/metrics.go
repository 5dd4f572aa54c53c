package agents

import "slices"

// Metric describes one output column: its name, unit and meaning travel
// into manifest.json so that charts and reports label themselves.
type Metric struct {
	Name, Unit, Doc string
	// MayBeEmpty marks outcomes that have no value in some runs (NaN in
	// the summary slice, an empty CSV field).
	MayBeEmpty bool `json:",omitempty"`
	// Chart asks for a chart: a fan chart for a series metric, a
	// distribution and an ECDF for an outcome.
	Chart bool `json:",omitempty"`
	// LowerTail marks outcomes where low values are the risk (price,
	// security budget), for tail markers.
	LowerTail bool `json:",omitempty"`
	// RiskAbove lists thresholds whose exceedance probability the summary
	// reports, e.g. P(max_drawdown > 0.5).
	RiskAbove []float64 `json:",omitempty"`
	// Section is the report section: "dump", "verification", "capture"
	// or "health".
	Section string `json:",omitempty"`
}

// Series metric indices: the layout of one recorded step.
const (
	sPrice = iota
	sFairValue
	sCirculating
	sStakingRatio
	sStakingAPR
	sTreasuryBalance
	sSecurityBudget
	sInflation
	sBurned
	sHolderSellUSD
	sFeeRevenue
	sPoolUSD
	sCheckRate
	sCheatRate
	sActiveSequencers
	sNakamoto
	sNakamotoHalf
	sHHIStake
	sVoterTurnout
	sNakamotoVotes
	sHHIVotes
	sCostToCapture
	sCaptured
	numSeries
)

// seriesMetrics is the read-only table of the per-step metrics, in column
// order; SeriesMetrics hands out copies.
var seriesMetrics = [numSeries]Metric{
	sPrice:            {Name: "price", Unit: "USD/token", Doc: "AMM pool price at the end of the day", Chart: true},
	sFairValue:        {Name: "fair_value", Unit: "USD/token", Doc: "outside demand's value per token (arbitrage target)"},
	sCirculating:      {Name: "circulating_supply", Unit: "tokens", Doc: "supply outside vesting, the treasury and the reward pool", Chart: true},
	sStakingRatio:     {Name: "staking_ratio", Unit: "fraction", Doc: "staked tokens over circulating supply", Chart: true},
	sStakingAPR:       {Name: "staking_apr", Unit: "1/year", Doc: "smoothed staking yield (fee share plus emission), the signal holders compare with their reservation yield", Chart: true},
	sTreasuryBalance:  {Name: "treasury_balance", Unit: "USD", Doc: "treasury tokens at the pool price plus treasury USD", Chart: true},
	sSecurityBudget:   {Name: "security_budget_usd", Unit: "USD", Doc: "value of all staked and unbonding tokens", Chart: true},
	sInflation:        {Name: "inflation", Unit: "1/year", Doc: "tokens minted that day, annualised, over total supply"},
	sBurned:           {Name: "burned_total", Unit: "tokens", Doc: "cumulative tokens burned"},
	sHolderSellUSD:    {Name: "holder_sell_usd", Unit: "USD/day", Doc: "USD received by holders selling that day"},
	sFeeRevenue:       {Name: "fee_revenue_usd", Unit: "USD/day", Doc: "net sequencer profit that day"},
	sPoolUSD:          {Name: "pool_usd", Unit: "USD", Doc: "USD reserve of the AMM pool (market depth)"},
	sCheckRate:        {Name: "check_rate", Unit: "fraction", Doc: "probability that a verifier checks a batch that day (mean over verifiers and batches)", Chart: true},
	sCheatRate:        {Name: "cheat_rate", Unit: "fraction", Doc: "probability that a batch carries an invalid root that day (mean over batches)", Chart: true},
	sActiveSequencers: {Name: "active_sequencers", Unit: "count", Doc: "operators in the active set", Chart: true},
	sNakamoto:         {Name: "nakamoto_coefficient", Unit: "count", Doc: "fewest active operators holding more than 1/3 of active stake (can halt or censor)", Chart: true},
	sNakamotoHalf:     {Name: "nakamoto_coefficient_half", Unit: "count", Doc: "fewest active operators holding more than 1/2 of active stake"},
	sHHIStake:         {Name: "hhi_stake", Unit: "0-1", Doc: "Herfindahl-Hirschman index of active stake (sum of squared shares)", Chart: true},
	sVoterTurnout:     {Name: "voter_turnout", Unit: "fraction", Doc: "votes cast on the latest proposal whose vote has closed, over the votable supply (0 before the first)", Chart: true, Section: "capture"},
	sNakamotoVotes:    {Name: "nakamoto_coefficient_votes", Unit: "count", Doc: "fewest voters (delegates, self-voting holders, the attacker) holding more than 1/2 of the voting power (measured every governance.measure_every_days)", Chart: true, Section: "capture"},
	sHHIVotes:         {Name: "hhi_votes", Unit: "0-1", Doc: "Herfindahl-Hirschman index of voting power over voters", Chart: true, Section: "capture"},
	sCostToCapture:    {Name: "cost_to_capture_usd", Unit: "USD", Doc: "cheapest expected cost of a capture: buying, borrowing or bribing the votes of a malicious proposal (over its chance of surviving the council), or buying 1/3 of the active stake", Chart: true, Section: "capture"},
	sCaptured:         {Name: "captured_by_day", Unit: "0/1", Doc: "1 from the day of the run's first capture on (its mean across runs is P(captured by that day))", Chart: true, Section: "capture"},
}

// Outcome metric indices: the layout of one run's summary.
const (
	oFinalPrice = iota
	oMaxDrawdown
	oMaxDrawdownAfterUnlock
	oMinSecurityBudget
	oFinalStakingRatio
	oTotalBurned
	oTotalEmitted
	oTreasuryRunway
	oFinalCirculating
	oMeanStakingAPR
	oHolderSoldUSD
	oMaxSellOverDepth
	oFinalTreasuryUSD
	oTreasuryShortfallDays
	oFraudsAttempted
	oFraudsCaught
	oFraudsUndetected
	oFraudLossUSD
	oFirstUndetectedFraudDay
	oCheckRate
	oCheatRate
	oUndetectedFraudRate
	oVerifierProfit
	oTotalSlashed
	oLivenessFailures
	oMinNakamoto
	oCaptured
	oCaptureKind
	oCaptureDay
	oCostToCaptureLaunch
	oMinCostToCapture
	oVoteCostLaunch
	oMinVoteCost
	oCheapestStrategyLaunch
	oAttackerProfit
	oProposalsPassed
	oMaliciousPassed
	oVetoes
	oMeanVoterTurnout
	oTop10VoteShare
	oTimeToEffectiveGovernance
	numOutcomes
)

// outcomeMetrics is the read-only table of the per-run outcomes, in column
// order; OutcomeMetrics hands out copies.
var outcomeMetrics = [numOutcomes]Metric{
	oFinalPrice:             {Name: "final_price", Unit: "USD/token", Doc: "pool price on the last day", Chart: true, LowerTail: true, Section: "dump"},
	oMaxDrawdown:            {Name: "max_drawdown", Unit: "fraction", Doc: "largest fall from a running peak of the price over the run", Chart: true, RiskAbove: []float64{0.5, 0.8}, Section: "dump"},
	oMaxDrawdownAfterUnlock: {Name: "max_drawdown_after_unlock", Unit: "fraction", Doc: "largest drawdown in the window around any cliff (metrics.unlock_window_days before and after)", MayBeEmpty: true, Chart: true, RiskAbove: []float64{0.3, 0.5}, Section: "dump"},
	oMinSecurityBudget:      {Name: "min_security_budget_usd", Unit: "USD", Doc: "lowest value of staked tokens after the first 30 days", Chart: true, LowerTail: true, Section: "dump"},
	oFinalStakingRatio:      {Name: "final_staking_ratio", Unit: "fraction", Doc: "staked over circulating supply on the last day"},
	oTotalBurned:            {Name: "total_burned", Unit: "tokens", Doc: "tokens burned over the run"},
	oTotalEmitted:           {Name: "total_emitted", Unit: "tokens", Doc: "tokens minted by emission over the run"},
	oTreasuryRunway:         {Name: "treasury_runway_days", Unit: "days", Doc: "final treasury value over the daily operating budget (empty when the budget is 0)", MayBeEmpty: true},
	oFinalCirculating:       {Name: "final_circulating_supply", Unit: "tokens", Doc: "circulating supply on the last day"},
	oMeanStakingAPR:         {Name: "mean_staking_apr", Unit: "1/year", Doc: "mean of the daily staking APR signal"},
	oHolderSoldUSD:          {Name: "holder_sold_usd", Unit: "USD", Doc: "USD received by all holders selling over the run"},
	oMaxSellOverDepth:       {Name: "max_sell_over_depth", Unit: "fraction", Doc: "largest daily holder sell volume over the pool's USD depth"},
	oFinalTreasuryUSD:       {Name: "final_treasury_usd", Unit: "USD", Doc: "treasury value on the last day"},
	oTreasuryShortfallDays:  {Name: "treasury_shortfall_days", Unit: "days", Doc: "days on which the treasury could not pay its budget"},

	oFraudsAttempted:         {Name: "frauds_attempted", Unit: "count", Doc: "invalid state roots posted", Chart: true, Section: "verification"},
	oFraudsCaught:            {Name: "frauds_caught", Unit: "count", Doc: "invalid roots a verifier checked and challenged (the sequencer is slashed)", Section: "verification"},
	oFraudsUndetected:        {Name: "frauds_undetected", Unit: "count", Doc: "unchecked invalid roots whose challenge window ended within the horizon (finalised)", Chart: true, RiskAbove: []float64{0}, Section: "verification"},
	oFraudLossUSD:            {Name: "fraud_loss_usd", Unit: "USD", Doc: "gain of the finalised invalid roots, lost by users", Chart: true, RiskAbove: []float64{0, 10e6}, Section: "verification"},
	oFirstUndetectedFraudDay: {Name: "first_undetected_fraud_day", Unit: "day", Doc: "day the first unchecked invalid root finalised (empty when none)", MayBeEmpty: true, Chart: true, LowerTail: true, Section: "verification"},
	oCheckRate:               {Name: "check_rate", Unit: "fraction", Doc: "share of batches a verifier checks, mean over verifiers (time average)", MayBeEmpty: true, Chart: true, LowerTail: true, Section: "verification"},
	oCheatRate:               {Name: "cheat_rate", Unit: "fraction", Doc: "share of batches carrying an invalid root (time average)", MayBeEmpty: true, Chart: true, Section: "verification"},
	oUndetectedFraudRate:     {Name: "undetected_fraud_rate", Unit: "fraction", Doc: "share of batches carrying an invalid root nobody checked (time average)", MayBeEmpty: true, Chart: true, Section: "verification"},
	oVerifierProfit:          {Name: "verifier_profit", Unit: "USD", Doc: "verifiers' rewards, attention payments and subsidies less check costs and miss penalties, summed over verifiers", Chart: true, LowerTail: true, Section: "verification"},
	oTotalSlashed:            {Name: "total_slashed", Unit: "tokens", Doc: "tokens slashed over the run, all offences", Chart: true, Section: "health"},
	oLivenessFailures:        {Name: "liveness_failures", Unit: "operator-days", Doc: "days an operator was offline, summed over operators", Section: "health"},
	oMinNakamoto:             {Name: "min_nakamoto_coefficient", Unit: "count", Doc: "lowest Nakamoto coefficient (1/3 of active stake) over the run (empty when no stake was ever active)", MayBeEmpty: true, LowerTail: true, Section: "capture"},

	oCaptured:                  {Name: "captured", Unit: "0/1", Doc: "1 when the protocol was captured: a malicious proposal executed, threshold council keys were compromised while the council held power, or the attacker held more than 1/3 of active sequencer stake", Chart: true, RiskAbove: []float64{0.5}, Section: "capture"},
	oCaptureKind:               {Name: "capture_kind", Unit: "code", Doc: "how the run was first captured: 0 none, 1 a malicious proposal drained the treasury, 2 a malicious proposal admitted the attacker's sequencers, 3 council keys compromised, 4 attacker stake above 1/3 of active stake (can halt), 5 above 1/2 (controls ordering)", Section: "capture"},
	oCaptureDay:                {Name: "capture_day", Unit: "day", Doc: "day of the first capture (empty when none)", MayBeEmpty: true, Chart: true, LowerTail: true, Section: "capture"},
	oCostToCaptureLaunch:       {Name: "cost_to_capture_launch_usd", Unit: "USD", Doc: "cheapest expected cost of a capture at launch (see the series cost_to_capture_usd)", Chart: true, LowerTail: true, Section: "capture"},
	oMinCostToCapture:          {Name: "min_cost_to_capture_usd", Unit: "USD", Doc: "lowest cost to capture over the run (measured every governance.measure_every_days)", Chart: true, LowerTail: true, Section: "capture"},
	oVoteCostLaunch:            {Name: "vote_capture_cost_launch_usd", Unit: "USD", Doc: "cheapest expected cost of passing a malicious proposal at launch: buying, borrowing or bribing its votes, over its chance of surviving the council (empty when the council blocks every vote)", MayBeEmpty: true, Chart: true, LowerTail: true, Section: "capture"},
	oMinVoteCost:               {Name: "min_vote_capture_cost_usd", Unit: "USD", Doc: "lowest expected cost of passing a malicious proposal over the run (empty when the council blocked every vote)", MayBeEmpty: true, Chart: true, LowerTail: true, Section: "capture"},
	oCheapestStrategyLaunch:    {Name: "cheapest_strategy_launch", Unit: "code", Doc: "the cheapest capture at launch: 1 buy votes, 2 borrow votes, 3 bribe voters, 4 buy 1/3 of active stake", Section: "capture"},
	oAttackerProfit:            {Name: "attacker_profit_usd", Unit: "USD", Doc: "attacker's USD taken in (sales, drained USD, value of control) less paid out (purchases, interest, fees, bribes), plus its tokens at the final price", Chart: true, Section: "capture"},
	oProposalsPassed:           {Name: "proposals_passed", Unit: "count", Doc: "proposals that passed the vote (or a gatekeeper council), malicious ones included", Section: "capture"},
	oMaliciousPassed:           {Name: "malicious_proposals_passed", Unit: "count", Doc: "malicious proposals that passed the vote (then executed or vetoed)", Chart: true, RiskAbove: []float64{0}, Section: "capture"},
	oVetoes:                    {Name: "council_vetoes", Unit: "count", Doc: "malicious proposals the council vetoed after they passed the vote", Section: "capture"},
	oMeanVoterTurnout:          {Name: "mean_voter_turnout", Unit: "fraction", Doc: "votes cast over the votable supply, mean over proposals whose vote closed (empty when none)", MayBeEmpty: true, Chart: true, LowerTail: true, Section: "capture"},
	oTop10VoteShare:            {Name: "top10_vote_share", Unit: "fraction", Doc: "share of the votes cast by the ten largest voters, mean over proposals (empty when none)", MayBeEmpty: true, Section: "capture"},
	oTimeToEffectiveGovernance: {Name: "time_to_effective_governance_days", Unit: "days", Doc: "day the first ordinary proposal executed (empty when none did)", MayBeEmpty: true, Chart: true, Section: "capture"},
}

// SeriesMetrics returns the per-step metrics in column order: the layout
// of each recorded step of a run. The slice is a copy; changing it changes
// nothing in the model.
func SeriesMetrics() []Metric { return cloneMetrics(seriesMetrics[:]) }

// OutcomeMetrics returns the per-run outcomes in column order: the layout
// of a run's summary. The slice is a copy; changing it changes nothing in
// the model.
func OutcomeMetrics() []Metric { return cloneMetrics(outcomeMetrics[:]) }

// SeriesNames returns the series metric names in column order.
func SeriesNames() []string { return names(seriesMetrics[:]) }

// OutcomeNames returns the outcome metric names in column order.
func OutcomeNames() []string { return names(outcomeMetrics[:]) }

// cloneMetrics copies ms deeply (RiskAbove too), so that no caller can
// write the tables.
func cloneMetrics(ms []Metric) []Metric {
	out := slices.Clone(ms)
	for i := range out {
		out[i].RiskAbove = slices.Clone(out[i].RiskAbove)
	}
	return out
}

func names(ms []Metric) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Name
	}
	return out
}
