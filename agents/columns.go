package agents

import (
	"fmt"
	"strings"
	"sync"
)

// columns are the built-in model's metric columns. Each part declares its
// own metrics beside its code (declareMarketMetrics in market.go,
// declareDemandMetrics in demand.go and the others of builtInDeclarers),
// and gets its columns when the model is built, in the order seriesOrder
// and outcomeOrder give.
type columns struct {
	// the governed parameters' final values (governed.go)
	oFinalStakersShare, oFinalTreasuryShare, oFinalBurnShare, oFinalEmissionLevel, oFinalMinStake, oFinalFraudBond                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                          Column
	sPrice, sFairValue, sCirculating, sStakingRatio, sStakingAPR, sTreasuryBalance, sSecurityBudget, sInflation, sBurned, sHolderSellUSD, sFeeRevenue, sPoolUSD, sCheckRate, sCheatRate, sActiveSequencers, sNakamoto, sNakamotoHalf, sHHIStake, sVoterTurnout, sNakamotoVotes, sHHIVotes, sCostToCapture, sCaptured                                                                                                                                                                                                                                                                                                                                                                                        Column // series
	oFinalPrice, oMaxDrawdown, oMaxDrawdownAfterUnlock, oMinSecurityBudget, oFinalStakingRatio, oTotalBurned, oTotalEmitted, oTreasuryRunway, oFinalCirculating, oMeanStakingAPR, oHolderSoldUSD, oMaxSellOverDepth, oFinalTreasuryUSD, oFinalTreasuryExecutable, oTreasuryShortfallDays, oFraudsAttempted, oFraudsCaught, oFraudsUndetected, oFraudLossUSD, oFirstUndetectedFraudDay, oCheckRate, oCheatRate, oUndetectedFraudRate, oVerifierProfit, oTotalSlashed, oLivenessFailures, oMinNakamoto, oCaptured, oCaptureKind, oCaptureDay, oMinCostToCapture, oAttackerProfit, oProposalsPassed, oMaliciousPassed, oVetoes, oMeanVoterTurnout, oTop10VoteShare, oTimeToEffectiveGovernance, oFirstExecuted Column // outcomes
	// capture by route (capture.go)
	sCaptureRoute                           [numRoutes]Column
	oCaptureCostAt, oCheapestRouteAt        [numCaptureDays]Column
	oSettledDay, oMinCostRoute, oMinVoteOwn Column

	// the governed parameters added with issue 15 (governed.go)
	oFinalInvalidRootPenalty, oFinalLivenessPenalty, oFinalQuorum, oFinalThreshold, oFinalBudgetUSD, oFinalBudgetTokens, oFinalCommissionCap, oFinalMaxActive Column
	oUnproposed, oDepositsBurned                                                                                                                              Column // the proposal threshold and deposit (proposals.go)

	sVerifiers, sTVL, oFinalVerifiers, oVerifierExits, oVerifierEntries, oFinalTVL Column // the verifier population and the bridged value (verifiers.go)

	// operator churn (churn.go) and the active set's concentration after launch (activeset.go)
	sOperatorChurn, oMeanNakamoto, oMinNakamotoHalf, oMeanNakamotoHalf, oMaxHHIStake, oMeanHHIStake, oOperatorExits, oOperatorRemovals, oOperatorEntries, oMeanOperatorChurn Column
}

// seriesOrder and outcomeOrder are the built-in metrics' column order,
// written once: the order of every output file's columns (series.csv,
// runs.csv, the summaries, the manifest's metric lists), which the goldens
// fix. A part declares its metrics in its own file in any order; core
// places each at its name's index here. A new built-in metric is declared
// by its part and its name added here (where it goes in the files); a
// name declared and not listed, listed and not declared, or declared or
// listed twice stops the model being built (place).
var (
	seriesOrder = []string{
		"price", "fair_value", "circulating_supply", "staking_ratio", "staking_apr", "treasury_balance",
		"security_budget_usd", "inflation", "burned_total", "holder_sell_usd", "fee_revenue_usd",
		"pool_usd", "check_rate", "cheat_rate", "verifiers", "tvl_usd", "active_sequencers",
		"nakamoto_coefficient", "nakamoto_coefficient_half", "hhi_stake", "operator_churn",
		"voter_turnout", "nakamoto_coefficient_votes", "hhi_votes", "cost_to_capture_usd",
		"capture_cost_stake_third_usd", "capture_cost_stake_half_usd", "capture_cost_vote_buy_usd",
		"capture_cost_vote_borrow_usd", "capture_cost_vote_bribe_usd", "capture_cost_vote_council_usd",
		"captured_by_day",
	}
	outcomeOrder = []string{
		"final_price", "max_drawdown", "max_drawdown_after_unlock", "min_security_budget_usd",
		"final_staking_ratio", "total_burned", "total_emitted", "treasury_runway_days",
		"final_circulating_supply", "mean_staking_apr", "holder_sold_usd", "max_sell_over_depth",
		"final_treasury_usd", "final_treasury_executable_usd", "treasury_shortfall_days",
		"frauds_attempted", "frauds_caught", "frauds_undetected", "fraud_loss_usd",
		"first_undetected_fraud_day", "check_rate", "cheat_rate", "undetected_fraud_rate",
		"verifier_profit", "final_verifiers", "verifier_exits", "verifier_entries", "final_tvl_usd",
		"total_slashed", "liveness_failures", "min_nakamoto_coefficient", "mean_nakamoto_coefficient",
		"min_nakamoto_coefficient_half", "mean_nakamoto_coefficient_half", "max_hhi_stake",
		"mean_hhi_stake", "operator_exits", "operator_removals", "operator_entries",
		"mean_operator_churn", "captured", "capture_kind", "capture_day", "cost_to_capture_early_usd",
		"cheapest_route_early", "cost_to_capture_late_usd", "cheapest_route_late",
		"positions_settled_day", "min_cost_to_capture_usd", "min_cost_route",
		"min_vote_cost_no_council_usd", "attacker_profit_usd", "proposals_passed",
		"malicious_proposals_passed", "council_vetoes", "mean_voter_turnout", "top10_vote_share",
		"time_to_effective_governance_days", "first_proposal_executed_day", "final_fee_share_stakers",
		"final_fee_share_treasury", "final_fee_share_burn", "final_emission_level",
		"final_min_stake_tokens", "final_fraud_bond_usd", "final_invalid_root_penalty",
		"final_liveness_penalty", "final_quorum", "final_proposal_threshold", "final_monthly_budget_usd",
		"final_monthly_budget_tokens", "final_commission_cap", "proposals_unmade",
		"deposits_burned_tokens", "final_max_active",
	}
)

// builtInDeclarers are the parts' declarations of their metrics; the order
// of the calls does not matter (seriesOrder and outcomeOrder give the
// columns').
var builtInDeclarers = []func(*coreDecls, *columns){
	declareMarketMetrics, declareScheduleMetrics, declareDemandMetrics, declareTreasuryMetrics,
	declareVerificationMetrics, declareNetworkMetrics, declareGovernanceMetrics, declareCaptureMetrics,
	declareEffectiveMetrics, declareAttackerMetrics,
	declareProposalMetrics, declareGovernedMetrics,
}

// coreDecls collects the built-in parts' metrics, each with the field of
// columns that gets its column once all are declared.
type coreDecls struct{ series, outcomes []coreDecl }

// coreDecl is one declared metric and where its column goes.
type coreDecl struct {
	metric Metric
	at     *Column
}

// Series declares a per-day metric (as Model.Series) whose column is
// written to *at.
func (d *coreDecls) Series(at *Column, metric Metric) {
	d.series = append(d.series, coreDecl{metric, at})
}

// Outcome declares a per-run outcome (as Model.Outcome) whose column is
// written to *at.
func (d *coreDecls) Outcome(at *Column, metric Metric) {
	d.outcomes = append(d.outcomes, coreDecl{metric, at})
}

// coreSchema is the built-in model's columns and metrics, in column order.
type coreSchema struct {
	cols             columns
	series, outcomes []Metric
}

// core declares the built-in metrics once and places them in the column
// order (mechanisms' columns follow). A mismatch between the declarations
// and the order is a programming error: it panics at the first use, so no
// test or run gets past it. The result is read-only.
var core = sync.OnceValue(func() coreSchema {
	s, err := buildCore(seriesOrder, outcomeOrder, builtInDeclarers)
	if err != nil {
		panic(err)
	}
	return s
})

// buildCore runs the declarers and places their metrics in the orders.
func buildCore(seriesOrder, outcomeOrder []string, declarers []func(*coreDecls, *columns)) (coreSchema, error) {
	var s coreSchema
	var d coreDecls
	for _, declare := range declarers {
		declare(&d, &s.cols)
	}
	var err error
	if s.series, err = place("series", seriesOrder, d.series); err != nil {
		return coreSchema{}, err
	}
	if s.outcomes, err = place("outcome", outcomeOrder, d.outcomes); err != nil {
		return coreSchema{}, err
	}
	return s, nil
}

// place gives each declared metric the column of its name's index in order
// and returns the metrics in that order. Every listed name must be
// declared once and every declared name listed once.
func place(kind string, order []string, decls []coreDecl) ([]Metric, error) {
	byName := make(map[string]coreDecl, len(decls))
	for _, dc := range decls {
		if _, dup := byName[dc.metric.Name]; dup {
			return nil, fmt.Errorf("agents: %s metric %q is declared twice", kind, dc.metric.Name)
		}
		byName[dc.metric.Name] = dc
	}
	listed := make(map[string]bool, len(order))
	out := make([]Metric, len(order))
	for i, name := range order {
		if listed[name] {
			return nil, fmt.Errorf("agents: %s metric %q is listed twice in the column order (columns.go)", kind, name)
		}
		listed[name] = true
		dc, ok := byName[name]
		if !ok {
			return nil, fmt.Errorf("agents: %s metric %q is in the column order (columns.go) but no part declares it", kind, name)
		}
		*dc.at = Column(i)
		out[i] = dc.metric
	}
	var missing []string
	for _, dc := range decls { // declaration order: a stable message
		if !listed[dc.metric.Name] {
			missing = append(missing, dc.metric.Name)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("agents: %s metrics declared but not in the column order (columns.go): %s", kind, strings.Join(missing, ", "))
	}
	return out, nil
}

// numSeries and numOutcomes are the built-in model's column counts.
func numSeries() int   { return len(core().series) }
func numOutcomes() int { return len(core().outcomes) }
