package agents

import (
	"math"

	"github.com/seqsim/seqsim/agents/protocol"
)

// liveParams are the parameters governance can change, copied per run from
// the point's Params (shared read-only by all workers of a point): the
// copy is the run's, so a passed proposal changes this run only. The fee
// split and the emission rate live in World.feeSplit and World.emission.
type liveParams struct {
	minStake   int64   // micro-tokens
	fraudSlash float64 // USD
	// slashing penalties (fractions of the slashable stake)
	invalidRootPenalty, livenessPenalty float64
	threshold                           float64 // proposal threshold, fraction of votable supply (the quorum is in govState.gov)
	budgetScale                         float64 // factor on both monthly treasury budgets (1 at launch)
	commissionCap                       float64 // the operators' commission is at most this
	maxActive                           int     // the active set's size
	// launch values, for the clamps of parameter proposals
	stakers0, emission0, minStake0, fraudSlash0 float64
	invalidRootPenalty0, livenessPenalty0       float64
	quorum0, threshold0, commissionCap0         float64
	maxActive0                                  int
}

func (w *World) resetLive() {
	p := w.p
	var emission0 float64 // the launch level of the emission (EmissionSchedule.Level)
	if x, _ := w.emission.Level(); x != nil {
		emission0 = *x
	}
	w.live = liveParams{
		minStake: protocol.ToMicro(p.Sequencers.MinStake), fraudSlash: p.Fraud.Slash,
		stakers0: p.Fees.Split[0], emission0: emission0,
		minStake0: p.Sequencers.MinStake, fraudSlash0: p.Fraud.Slash,
		invalidRootPenalty: p.Slashing.InvalidRoot.Penalty, livenessPenalty: p.Slashing.Liveness.Penalty,
		threshold: p.Governance.ProposalThreshold, budgetScale: 1,
		commissionCap: p.Sequencers.CommissionCap, maxActive: p.Sequencers.MaxActive,
		invalidRootPenalty0: p.Slashing.InvalidRoot.Penalty, livenessPenalty0: p.Slashing.Liveness.Penalty,
		quorum0: p.Governance.Quorum, threshold0: p.Governance.ProposalThreshold,
		commissionCap0: p.Sequencers.CommissionCap, maxActive0: p.Sequencers.MaxActive,
	}
}

// budgets are the treasury's live monthly budgets, in USD and in tokens:
// the experiment's, scaled by what budget proposals passed.
func (w *World) budgets() (usd, tokens float64) {
	t := &w.p.Treasury
	return w.live.budgetScale * t.MonthlyBudgetUSD, w.live.budgetScale * t.MonthlyBudgetTokens
}

// govState is the governance of one run.
type govState struct {
	gov   protocol.Governor
	vs    voterSet
	props []proposal

	grantees []int32 // holders of type grants

	deposits       int64 // proposal deposits locked (micro-tokens; a conserved account)
	depositsBurned int64 // run total burned with rejected proposals
	unproposed     int   // ordinary proposals not made: no proposer above the threshold, or no deposit

	next, nextArrival, nextMeasure, nextCompromise int

	// the last count of voting power
	votable, attPower int64
	// expectations for a malicious proposal at the last count
	expAgainst, expFor, expTurnout float64

	kindCum                  [numOrdinaryKinds]float64
	grantS, supportS, stakeS sampler

	// run tallies
	proposals, passed, maliciousPassed, vetoes, executed int
	closed, withVotes                                    int
	turnoutSum, top10Sum, lastTurnout                    float64
	firstExecuted                                        int // the first ordinary proposal executed; -1: none

	// measurements (the costs to capture are the capture meter's, capture.go)
	nakamoto                int
	hhi                     float64
	captured                bool
	captureKind, captureDay int
}

// Capture kinds, the values of the capture_kind outcome.
const (
	captureNone     = 0
	captureDrain    = 1 // a malicious proposal drained the treasury
	captureCartel   = 2 // a malicious proposal admitted the attacker's sequencers
	captureCouncil  = 3 // threshold council keys compromised while the council held power
	captureHalt     = 4 // attacker's stake above 1/3 of active stake (can halt)
	captureOrdering = 5 // attacker's stake above 1/2 of active stake (controls ordering)
)

// resetGovernance draws the voters and the first event days (governance
// stream) and measures the launch state.
func (w *World) resetGovernance() error {
	p := &w.p.Governance
	g := &w.gov
	g.gov = protocol.Governor{SnapshotDelayDays: p.SnapshotDelayDays, VotingDays: p.VotingDays, TimelockDays: p.TimelockDays, Quorum: p.Quorum}
	g.props = g.props[:0]
	g.deposits, g.depositsBurned, g.unproposed = 0, 0, 0
	g.proposals, g.passed, g.maliciousPassed, g.vetoes, g.executed, g.closed, g.withVotes = 0, 0, 0, 0, 0, 0, 0
	g.turnoutSum, g.top10Sum, g.lastTurnout = 0, 0, 0
	g.firstExecuted = -1
	w.resetEffectiveness()
	g.captured, g.captureKind, g.captureDay = false, captureNone, -1
	g.nakamoto, g.hhi = 0, 0
	w.resetCapture()
	var err error
	if g.grantS, err = newSampler(p.GrantShare); err != nil {
		return err
	}
	if g.supportS, err = newSampler(p.Support); err != nil {
		return err
	}
	if g.stakeS, err = newSampler(p.Stakes); err != nil {
		return err
	}
	var cum float64
	for k := range g.kindCum {
		if k < len(p.KindWeights) && !(p.FreezeParameters && governedKind(propKind(k))) {
			cum += max(p.KindWeights[k], 0)
		}
		g.kindCum[k] = cum
	}
	if err := w.resetVoters(); err != nil {
		return err
	}
	w.resetCouncil()
	if err := w.resetAttacker(); err != nil {
		return err
	}
	r := w.streams.governance
	g.nextArrival = w.day + poissonGap(r, p.ProposalsPerYear)
	g.nextCompromise = w.day + poissonGap(r, p.Council.CompromiseRatePerYear)
	if p.Council.Members == 0 {
		g.nextCompromise = math.MaxInt
	}
	g.nextMeasure = w.day
	w.measureGovernance()
	g.nextMeasure = w.day + max(p.MeasureEveryDays, 1)
	w.scheduleGovernance()
	return nil
}

// poissonGap draws the days until the next event of a Poisson process of
// rate perYear (at least 1; MaxInt when the rate is 0).
func poissonGap(r interface{ ExpFloat64() float64 }, perYear float64) int {
	if !(perYear > 0) {
		return math.MaxInt / 2
	}
	gap := r.ExpFloat64() * 365 / perYear
	if !(gap < 1e9) { // beyond any horizon (and beyond int conversion)
		return math.MaxInt / 2
	}
	return 1 + int(gap)
}

// govern is step 8 of DESIGN.md: the attacker's trading while it is busy,
// then whatever governance event falls on today (arrivals, snapshots, vote
// ends, executions, key compromises, the attacker's reviews and the
// periodic measurement). On a quiet day it costs one comparison.
func (w *World) govern() {
	w.attackerDaily()
	g := &w.gov
	if w.day < g.next {
		return
	}
	p := &w.p.Governance
	r := w.streams.governance
	if w.day >= g.nextCompromise {
		w.compromiseKeys()
		g.nextCompromise = w.day + poissonGap(r, p.Council.CompromiseRatePerYear)
	}
	if w.day >= g.nextArrival {
		w.proposeOrdinary()
		g.nextArrival = w.day + poissonGap(r, p.ProposalsPerYear)
	}
	if w.day >= w.attackerNextReview() {
		w.attackerReview() // and its next review, drawn from the governance stream
	}
	w.advanceProposals()
	if w.day >= g.nextMeasure {
		w.measureGovernance()
		g.nextMeasure = w.day + max(p.MeasureEveryDays, 1)
	}
	w.scheduleGovernance()
}

// scheduleGovernance sets the next day with a governance event.
func (w *World) scheduleGovernance() {
	g := &w.gov
	next := min(g.nextArrival, g.nextMeasure, g.nextCompromise, w.attackerNextReview())
	for i := range g.props {
		pr := &g.props[i]
		switch pr.stage {
		case stagePending:
			next = min(next, pr.times.Snapshot)
		case stageVoting:
			next = min(next, pr.times.VoteEnd)
		case stageQueued:
			next = min(next, pr.times.Execute)
		}
	}
	g.next = max(next, w.day+1)
}

// capture records the run's first capture.
func (w *World) capture(kind int) {
	g := &w.gov
	if g.captured {
		return
	}
	g.captured, g.captureKind, g.captureDay = true, kind, w.day
	if w.trace != nil {
		w.event("capture", captureKindNames[kind], 0, "", "")
	}
}

var captureKindNames = [...]string{"none", "drain_treasury", "admit_cartel", "council_keys", "stake_halt", "stake_ordering"}

// drainTreasury moves drain_share of the treasury to the attacker, who
// then sells the tokens.
func (w *World) drainTreasury(kind int) {
	w.capture(kind)
	share := w.p.Attacker.DrainShare
	x := protocol.FracOf(w.treasuryTokens, share)
	w.treasuryTokens -= x
	usd := w.treasuryUSD * share
	w.treasuryUSD -= usd
	w.attackerReceives(x, usd)
}

// measureGovernance measures the concentration of voting power and the
// cost to capture.
func (w *World) measureGovernance() {
	g := &w.gov
	vs := &g.vs
	w.countVotes(false)
	order := w.sortVoters()
	s := vs.sorted[:0]
	for j := len(order) - 1; j >= 0; j-- {
		s = append(s, vs.power[order[j]])
	}
	if x := g.attPower; x > 0 { // insert the attacker's votes in place
		s = append(s, x)
		for j := len(s) - 1; j > 0 && s[j] > s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	g.nakamoto = protocol.NakamotoCoefficient(s, 0.5)
	g.hhi = protocol.HHI(s)
	w.measureCapture()
}

// recordGovernance writes today's governance series: turnout, the
// concentration of voting power, and whether the protocol is captured.
func (w *World) recordGovernance(row []float64) {
	g := &w.gov
	row[w.col.sVoterTurnout] = g.lastTurnout
	row[w.col.sNakamotoVotes] = float64(g.nakamoto)
	row[w.col.sHHIVotes] = g.hhi
	row[w.col.sCaptured] = 0
	if g.captured {
		row[w.col.sCaptured] = 1
	}
	w.recordCapture(row)
}

// summariseGovernance fills the governance and capture outcomes; settled
// is the day positions settled (settledDay; -1: never), from which the
// minima are taken.
func (w *World) summariseGovernance(settled int, out []float64) {
	g := &w.gov
	out[w.col.oCaptured], out[w.col.oCaptureKind], out[w.col.oCaptureDay] = 0, captureNone, math.NaN()
	if g.captured {
		out[w.col.oCaptured], out[w.col.oCaptureKind], out[w.col.oCaptureDay] = 1, float64(g.captureKind), float64(g.captureDay)
	}
	w.summariseCapture(settled, out)
	out[w.col.oAttackerProfit] = w.attackerProfit()
	out[w.col.oProposalsPassed] = float64(g.passed)
	out[w.col.oMaliciousPassed] = float64(g.maliciousPassed)
	out[w.col.oVetoes] = float64(g.vetoes)
	out[w.col.oMeanVoterTurnout], out[w.col.oTop10VoteShare] = math.NaN(), math.NaN()
	if g.closed > 0 {
		out[w.col.oMeanVoterTurnout] = g.turnoutSum / float64(g.closed)
	}
	if g.withVotes > 0 {
		out[w.col.oTop10VoteShare] = g.top10Sum / float64(g.withVotes)
	}
	w.summariseEffectiveness(out)
	out[w.col.oFirstExecuted] = math.NaN()
	if g.firstExecuted >= 0 {
		out[w.col.oFirstExecuted] = float64(g.firstExecuted)
	}
}
