package agents

import (
	"math"
	"math/rand/v2"

	"github.com/seqsim/seqsim/agents/protocol"
)

// governance is the token governance of one run, a component of the
// built-in model (model.go wires it): the proposals and their calendar,
// the voters and the count of voting power, and the run's tallies and
// measurements. It reaches the holders, the operators, the treasury, the
// council, the attacker and the governed parameters only through
// governanceEnv (shared_governance.go). The council, the attacker, the capture
// meter and the effective-governance tracker are components of their own.
type governance struct {
	p   *Params       // this run's parameters (read-only)
	env governanceEnv // the rest of the model
	// r is the governance stream, which the voters, the proposals, the
	// council and the attacker draw from in turn.
	r   *rand.Rand
	day int // today: set by each call of the wiring that can reach a day

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

// reset starts a run of p on day with the governance stream r: empty
// tallies, the samplers of proposals and the voters drawn. The wiring
// (model.go) then resets the council and the attacker, which draw from
// the same stream after the voters, and calls start.
func (g *governance) reset(p *Params, r *rand.Rand, env governanceEnv, day int) error {
	g.p, g.r, g.env, g.day = p, r, env, day
	gp := &p.Governance
	g.gov = protocol.Governor{SnapshotDelayDays: gp.SnapshotDelayDays, VotingDays: gp.VotingDays, TimelockDays: gp.TimelockDays, Quorum: gp.Quorum}
	g.props = g.props[:0]
	g.deposits, g.depositsBurned, g.unproposed = 0, 0, 0
	g.proposals, g.passed, g.maliciousPassed, g.vetoes, g.executed, g.closed, g.withVotes = 0, 0, 0, 0, 0, 0, 0
	g.turnoutSum, g.top10Sum, g.lastTurnout = 0, 0, 0
	g.firstExecuted = -1
	g.captured, g.captureKind, g.captureDay = false, captureNone, -1
	g.nakamoto, g.hhi = 0, 0
	var err error
	if g.grantS, err = newSampler(gp.GrantShare); err != nil {
		return err
	}
	if g.supportS, err = newSampler(gp.Support); err != nil {
		return err
	}
	if g.stakeS, err = newSampler(gp.Stakes); err != nil {
		return err
	}
	var cum float64
	for k := range g.kindCum {
		if k < len(gp.KindWeights) && !(gp.FreezeParameters && governedKind(propKind(k))) {
			cum += max(gp.KindWeights[k], 0)
		}
		g.kindCum[k] = cum
	}
	return g.resetVoters()
}

// start draws the first event days (governance stream) and measures the
// launch state; the council and the attacker are reset by then.
func (g *governance) start() {
	p := &g.p.Governance
	g.nextArrival = g.day + poissonGap(g.r, p.ProposalsPerYear)
	g.nextCompromise = g.day + poissonGap(g.r, p.Council.CompromiseRatePerYear)
	if p.Council.Members == 0 {
		g.nextCompromise = math.MaxInt
	}
	g.nextMeasure = g.day
	g.measure()
	g.nextMeasure = g.day + max(p.MeasureEveryDays, 1)
	g.schedule()
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

// govern is step 8 of DESIGN.md on day: the attacker's trading while it
// is busy, then whatever governance event falls on today (arrivals,
// snapshots, vote ends, executions, key compromises, the attacker's
// reviews and the periodic measurement). On a quiet day it costs one
// comparison.
func (g *governance) govern(day int) {
	g.day = day
	g.env.attackerDaily()
	if g.day < g.next {
		return
	}
	p := &g.p.Governance
	if g.day >= g.nextCompromise {
		g.env.compromiseKeys()
		g.nextCompromise = g.day + poissonGap(g.r, p.Council.CompromiseRatePerYear)
	}
	if g.day >= g.nextArrival {
		g.proposeOrdinary()
		g.nextArrival = g.day + poissonGap(g.r, p.ProposalsPerYear)
	}
	if g.day >= g.env.attackerNextReview() {
		g.env.attackerReview() // and its next review, drawn from the governance stream
	}
	g.advanceProposals()
	if g.day >= g.nextMeasure {
		g.measure()
		g.nextMeasure = g.day + max(p.MeasureEveryDays, 1)
	}
	g.schedule()
}

// schedule sets the next day with a governance event.
func (g *governance) schedule() {
	next := min(g.nextArrival, g.nextMeasure, g.nextCompromise, g.env.attackerNextReview())
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
	g.next = max(next, g.day+1)
}

// capture records the run's first capture, of kind on day.
func (g *governance) capture(day, kind int) {
	if g.captured {
		return
	}
	g.captured, g.captureKind, g.captureDay = true, kind, day
	if g.env.tracing() {
		g.env.event("capture", captureKindNames[kind], 0, "", "")
	}
}

var captureKindNames = [...]string{"none", "drain_treasury", "admit_cartel", "council_keys", "stake_halt", "stake_ordering"}

// measure measures the concentration of voting power and the cost to
// capture.
func (g *governance) measure() {
	vs := &g.vs
	g.countVotes(false)
	order := g.sortVoters()
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
	g.env.measureCapture()
}

// record writes today's governance series: turnout, the concentration of
// voting power, and whether the protocol is captured.
func (g *governance) record(row []float64, c *columns) {
	row[c.sVoterTurnout] = g.lastTurnout
	row[c.sNakamotoVotes] = float64(g.nakamoto)
	row[c.sHHIVotes] = g.hhi
	row[c.sCaptured] = 0
	if g.captured {
		row[c.sCaptured] = 1
	}
}

// summarise fills governance's outcomes: the capture, the proposals and
// the votes (the capture meter, the attacker and the effective-governance
// tracker fill theirs).
func (g *governance) summarise(out []float64, c *columns) {
	out[c.oCaptured], out[c.oCaptureKind], out[c.oCaptureDay] = 0, captureNone, math.NaN()
	if g.captured {
		out[c.oCaptured], out[c.oCaptureKind], out[c.oCaptureDay] = 1, float64(g.captureKind), float64(g.captureDay)
	}
	out[c.oProposalsPassed] = float64(g.passed)
	out[c.oMaliciousPassed] = float64(g.maliciousPassed)
	out[c.oVetoes] = float64(g.vetoes)
	out[c.oMeanVoterTurnout], out[c.oTop10VoteShare] = math.NaN(), math.NaN()
	if g.closed > 0 {
		out[c.oMeanVoterTurnout] = g.turnoutSum / float64(g.closed)
	}
	if g.withVotes > 0 {
		out[c.oTop10VoteShare] = g.top10Sum / float64(g.withVotes)
	}
	out[c.oFirstExecuted] = math.NaN()
	if g.firstExecuted >= 0 {
		out[c.oFirstExecuted] = float64(g.firstExecuted)
	}
	out[c.oUnproposed] = float64(g.unproposed)
	out[c.oDepositsBurned] = protocol.Tokens(g.depositsBurned)
}

// quorum is the quorum today, as governance left it (a fraction of the
// votable supply).
func (g *governance) quorum() float64 { return g.gov.Quorum }

// depositAccount is the ledger account of the proposal deposits.
func (g *governance) depositAccount() *int64 { return &g.deposits }

// granteeList is the holders of type grants (read only).
func (g *governance) granteeList() []int32 { return g.grantees }

// at sets today for a call through the wiring and returns g.
func (g *governance) at(day int) *governance {
	g.day = day
	return g
}

// isCaptured reports whether the protocol has been captured this run;
// ownVotes is the attacker's own voting power at the last count
// (micro-tokens); governor is the governance's rules today.
func (g *governance) isCaptured() bool            { return g.captured }
func (g *governance) ownVotes() int64             { return g.attPower }
func (g *governance) governor() protocol.Governor { return g.gov }

// declareGovernanceMetrics declares governance's metrics: turnout, the
// voting power's concentration, captures and the proposals' tallies,
// which governance writes (record, summarise).
func declareGovernanceMetrics(d *coreDecls, c *columns) {
	d.Series(&c.sVoterTurnout, Metric{Name: "voter_turnout", Unit: "fraction", Doc: "votes cast on the latest proposal whose vote has closed, over the votable supply (0 before the first)", Chart: true, Section: "capture"})
	d.Series(&c.sNakamotoVotes, Metric{Name: "nakamoto_coefficient_votes", Unit: "count", Doc: "fewest voters (delegates, self-voting holders, operators, the attacker) holding more than 1/2 of the voting power (measured every governance.measure_every_days)", Chart: true, Section: "capture"})
	d.Series(&c.sHHIVotes, Metric{Name: "hhi_votes", Unit: "0-1", Doc: "Herfindahl-Hirschman index of voting power over voters", Chart: true, Section: "capture"})
	d.Series(&c.sCaptured, Metric{Name: "captured_by_day", Unit: "0/1", Doc: "1 from the day of the run's first capture on (its mean across runs is P(captured by that day))", Chart: true, Section: "capture"})
	d.Outcome(&c.oCaptured, Metric{Name: "captured", Unit: "0/1", Doc: "1 when the protocol was captured: a malicious proposal executed, threshold council keys were compromised while the council held power, or the attacker held more than 1/3 of active sequencer stake", Chart: true, RiskAbove: []float64{0.5}, Section: "capture"})
	d.Outcome(&c.oCaptureKind, Metric{Name: "capture_kind", Unit: "code", Doc: "how the run was first captured: 0 none, 1 a malicious proposal drained the treasury, 2 a malicious proposal admitted the attacker's sequencers, 3 council keys compromised, 4 attacker stake above 1/3 of active stake (can halt), 5 above 1/2 (controls ordering)", Section: "capture"})
	d.Outcome(&c.oCaptureDay, Metric{Name: "capture_day", Unit: "day", Doc: "day of the first capture (empty when none)", MayBeEmpty: true, Chart: true, LowerTail: true, Section: "capture"})
	d.Outcome(&c.oProposalsPassed, Metric{Name: "proposals_passed", Unit: "count", Doc: "proposals that passed the vote (or a gatekeeper council), malicious ones included", Section: "capture"})
	d.Outcome(&c.oMaliciousPassed, Metric{Name: "malicious_proposals_passed", Unit: "count", Doc: "malicious proposals that passed the vote (then executed or vetoed)", Chart: true, RiskAbove: []float64{0}, Section: "capture"})
	d.Outcome(&c.oVetoes, Metric{Name: "council_vetoes", Unit: "count", Doc: "malicious proposals the council vetoed after they passed the vote", Section: "capture"})
	d.Outcome(&c.oMeanVoterTurnout, Metric{Name: "mean_voter_turnout", Unit: "fraction", Doc: "votes cast over the votable supply, mean over proposals whose vote closed (empty when none)", MayBeEmpty: true, Chart: true, LowerTail: true, Section: "capture"})
	d.Outcome(&c.oTop10VoteShare, Metric{Name: "top10_vote_share", Unit: "fraction", Doc: "share of the votes cast by the ten largest voters, mean over proposals (empty when none)", MayBeEmpty: true, Section: "capture"})
	d.Outcome(&c.oFirstExecuted, Metric{Name: "first_proposal_executed_day", Unit: "days", Doc: "day the first ordinary proposal executed (empty when none did): the proposal pipeline's latency", MayBeEmpty: true, Section: "capture"})
}
