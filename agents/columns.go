package agents

import "sync"

// columns are the built-in model's metric columns. Each concept declares
// its own metrics beside its code (declareMarketMetrics in market.go,
// declareVerificationMetrics in verification.go, declareNetworkMetrics in
// activeset.go, declareGovernanceMetrics in capture.go) through the Model a
// mechanism uses, and gets its columns when the model is built.
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

// coreSchema is the built-in model's columns and metrics, in column order.
type coreSchema struct {
	cols             columns
	series, outcomes []Metric
}

// core declares the built-in metrics once: the concepts in this order,
// which is the column order of every output file (mechanisms' columns
// follow). The result is read-only.
var core = sync.OnceValue(func() coreSchema {
	var s coreSchema
	m := &Model{ext: &extension{}}
	declareMarketMetrics(m, &s.cols)
	declareVerificationMetrics(m, &s.cols)
	declareNetworkMetrics(m, &s.cols)
	declareGovernanceMetrics(m, &s.cols)
	declareGovernedMetrics(m, &s.cols)
	s.series, s.outcomes = m.ext.series, m.ext.outcomes
	return s
})

// numSeries and numOutcomes are the built-in model's column counts.
func numSeries() int   { return len(core().series) }
func numOutcomes() int { return len(core().outcomes) }
