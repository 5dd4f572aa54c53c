package agents

import (
	"math"

	"github.com/seqsim/seqsim/agents/protocol"
)

// quote is a priced strategy.
type quote struct {
	cost    float64 // USD lost: purchases, interest or fees, bribes
	capital float64 // USD the attacker must hold to carry it out
	success float64 // probability that the capture survives the council
	tokens  int64   // votes or stake to acquire (micro-tokens)
	ok      bool    // feasible at all (deep enough market, enough voters)
}

// needSwing is the margin, in tokens, an attacker with own votes
// (micro-tokens) must add over the votes a malicious proposal expects
// against (net of deceived votes for), times 1+margin (from the last
// countVotes).
func (w *World) needSwing(own int64) float64 {
	g := &w.gov
	return ((g.expAgainst-g.expFor)*(1+w.p.Attacker.Margin) - float64(own)) / protocol.Micro
}

// needPower is the quorum, times 1+margin, less own votes, in tokens.
func (w *World) needPower(own int64) float64 {
	g := &w.gov
	return (float64(g.gov.QuorumVotes(g.votable))*(1+w.p.Attacker.Margin) - float64(own)) / protocol.Micro
}

// votesNeeded is what an attacker with own votes must buy or borrow to
// pass a malicious proposal, in micro-tokens.
func (w *World) votesNeeded(own int64) int64 {
	need := max(w.needSwing(own), w.needPower(own), 0)
	return int64(math.Ceil(need * protocol.Micro))
}

// voteSuccess is the probability that a malicious proposal whose vote
// starts on day start survives the council: 0 when the council is a
// gatekeeper at the end of the vote, 1 - its veto probability at
// execution otherwise (at today's compromised keys).
func (w *World) voteSuccess(start int) float64 {
	t := w.gov.gov.Schedule(start)
	if w.gatekeeper(t.VoteEnd) {
		return 0
	}
	return 1 - w.vetoProbability(t.Execute)
}

// priceVote prices passing a malicious proposal of kind by strategy s for
// an attacker with own votes and capital budget (+Inf for the budget-free
// cost to capture).
func (w *World) priceVote(s strategy, kind propKind, own int64, budget float64) quote {
	need := w.votesNeeded(own)
	q := quote{tokens: need, success: w.voteSuccess(w.day), ok: true}
	switch s {
	case stratBuy:
		days := w.tradeDays(need)
		q.cost = protocol.CostToBuyOverDays(w.pool, need, days)
		q.capital = q.cost
		q.success = w.voteSuccess(w.day + days)
		q.ok = !math.IsInf(q.cost, 0)
	case stratBorrow:
		loan, ok := w.lending().Borrow(need, w.pool.Price(), 1, w.gov.gov, budget)
		q.cost, q.capital = loan.CostUSD, loan.CapitalUSD
		q.ok = ok || loan.CapitalUSD < math.Inf(1) // deep enough; the budget is the caller's test
	case stratBribe:
		nq := w.bribeQuotes(kind)
		_, cost, _, ok := protocol.CheapestBribe(w.gov.vs.quotes[:nq], w.needSwing(own), w.needPower(own))
		q.cost, q.capital, q.ok = cost, cost, ok
	}
	return q
}

// bribeQuotes lists the voters who would sell their votes against a
// malicious proposal of kind, cheapest first, in vs.quotes (voter indices
// in vs.quoteVoter), and returns their number. A voter's reservation per token
// is its loss per token times its pivot probability (protocol.
// PivotProbability at the expected turnout of a malicious proposal), so
// small voters are the cheapest; its swing is its power plus the net vote
// against it would have cast.
func (w *World) bribeQuotes(kind propKind) int {
	vs := &w.gov.vs
	dec := w.p.Governance.Deception
	loss := w.lossPerToken(kind)
	t := w.gov.expTurnout
	n := 0
	for _, v := range w.sortVoters() {
		if vs.refuse[v] {
			continue
		}
		x := float64(vs.power[v])
		vs.quotes[n] = protocol.BribeQuote{
			Power:       x / protocol.Micro,
			Swing:       x * (1 + vs.pMal[v]*(1-2*dec)) / protocol.Micro,
			Reservation: loss * protocol.PivotProbability(x, t),
		}
		vs.quoteVoter[n] = v
		n++
	}
	return n
}

// priceStake prices holding more than share of the active sequencer stake
// by buying tokens and bonding them: for the attacker (what it holds
// counts), or for a fresh attacker who holds nothing. Without sequencer
// operators (plain staking) the stake of all stakers stands for the active
// stake.
func (w *World) priceStake(share float64, fresh bool) quote {
	at := &w.att
	o := &w.ops
	var others, own int64
	if w.plainStaking {
		others = w.totStaked
	} else {
		for j, k := range w.net.act {
			if k != at.op || fresh {
				others += w.net.actStake[j]
			}
		}
	}
	if !fresh {
		own = at.liquid
		if at.op >= 0 {
			own += o.stake(at.op)
		}
	}
	a := int64(math.Floor(share*float64(others)/(1-share))) + 1
	a = max(a, w.live.minStake)
	tokens := max(a-own, 0)
	cost := protocol.CostToBuyOverDays(w.pool, tokens, w.tradeDays(tokens))
	return quote{cost: cost, capital: cost, success: 1, tokens: tokens, ok: !math.IsInf(cost, 0)}
}

// costToCapture is the cheapest expected cost of a capture today for a
// fresh attacker (holding nothing), budget aside: for each vote strategy
// its cost over its chance of surviving the council (a blocked route does
// not count), and the cost of staking more than 1/3 of the active stake.
// It sets gov.cheapest and gov.voteCost, the cheapest vote route alone
// (+Inf when the council blocks every vote).
func (w *World) costToCapture() float64 {
	g := &w.gov
	best := math.Inf(1)
	g.cheapest = stratNone
	for _, s := range [...]strategy{stratBuy, stratBorrow, stratBribe} {
		q := w.priceVote(s, propDrain, 0, math.Inf(1))
		if q.ok && q.success > 0 {
			if c := q.cost / q.success; c < best {
				best, g.cheapest = c, s
			}
		}
	}
	g.voteCost = best
	if q := w.priceStake(1.0/3, true); q.ok && q.cost < best {
		best, g.cheapest = q.cost, stratStake
	}
	return best
}

// recordGovernance writes today's governance series.
func (w *World) recordGovernance(row []float64) {
	g := &w.gov
	row[w.col.sVoterTurnout] = g.lastTurnout
	row[w.col.sNakamotoVotes] = float64(g.nakamoto)
	row[w.col.sHHIVotes] = g.hhi
	row[w.col.sCostToCapture] = g.cost
	row[w.col.sCaptured] = 0
	if g.captured {
		row[w.col.sCaptured] = 1
	}
}

// summariseGovernance fills the governance and capture outcomes.
func (w *World) summariseGovernance(out []float64) {
	g := &w.gov
	out[w.col.oCaptured], out[w.col.oCaptureKind], out[w.col.oCaptureDay] = 0, captureNone, math.NaN()
	if g.captured {
		out[w.col.oCaptured], out[w.col.oCaptureKind], out[w.col.oCaptureDay] = 1, float64(g.captureKind), float64(g.captureDay)
	}
	out[w.col.oCostToCaptureLaunch] = g.costLaunch
	out[w.col.oMinCostToCapture] = g.minCost
	out[w.col.oVoteCostLaunch], out[w.col.oMinVoteCost] = finiteOrNaN(g.voteCostLaunch), finiteOrNaN(g.minVoteCost)
	out[w.col.oCheapestStrategyLaunch] = float64(g.cheapestLaunch)
	out[w.col.oAttackerProfit] = w.attackerProfit()
	out[w.col.oProposalsPassed] = float64(g.passed)
	out[w.col.oMaliciousPassed] = float64(g.maliciousPassed)
	out[w.col.oVetoes] = float64(g.vetoes)
	out[w.col.oMeanVoterTurnout], out[w.col.oTop10VoteShare], out[w.col.oTimeToEffectiveGovernance] = math.NaN(), math.NaN(), math.NaN()
	if g.closed > 0 {
		out[w.col.oMeanVoterTurnout] = g.turnoutSum / float64(g.closed)
	}
	if g.withVotes > 0 {
		out[w.col.oTop10VoteShare] = g.top10Sum / float64(g.withVotes)
	}
	if g.firstEffective >= 0 {
		out[w.col.oTimeToEffectiveGovernance] = float64(g.firstEffective)
	}
}

// finiteOrNaN maps +Inf (a blocked route) to NaN (an empty outcome).
func finiteOrNaN(x float64) float64 {
	if math.IsInf(x, 0) {
		return math.NaN()
	}
	return x
}

// declareGovernanceMetrics declares governance's and capture's metrics.
func declareGovernanceMetrics(m *Model, c *columns) {
	c.sVoterTurnout = m.Series(Metric{Name: "voter_turnout", Unit: "fraction", Doc: "votes cast on the latest proposal whose vote has closed, over the votable supply (0 before the first)", Chart: true, Section: "capture"})
	c.sNakamotoVotes = m.Series(Metric{Name: "nakamoto_coefficient_votes", Unit: "count", Doc: "fewest voters (delegates, self-voting holders, the attacker) holding more than 1/2 of the voting power (measured every governance.measure_every_days)", Chart: true, Section: "capture"})
	c.sHHIVotes = m.Series(Metric{Name: "hhi_votes", Unit: "0-1", Doc: "Herfindahl-Hirschman index of voting power over voters", Chart: true, Section: "capture"})
	c.sCostToCapture = m.Series(Metric{Name: "cost_to_capture_usd", Unit: "USD", Doc: "executable (purchases walk the pool over the days the attacker trades): cheapest expected cost of a capture: buying, borrowing or bribing the votes of a malicious proposal (over its chance of surviving the council), or buying 1/3 of the active stake", Chart: true, Section: "capture"})
	c.sCaptured = m.Series(Metric{Name: "captured_by_day", Unit: "0/1", Doc: "1 from the day of the run's first capture on (its mean across runs is P(captured by that day))", Chart: true, Section: "capture"})
	c.oCaptured = m.Outcome(Metric{Name: "captured", Unit: "0/1", Doc: "1 when the protocol was captured: a malicious proposal executed, threshold council keys were compromised while the council held power, or the attacker held more than 1/3 of active sequencer stake", Chart: true, RiskAbove: []float64{0.5}, Section: "capture"})
	c.oCaptureKind = m.Outcome(Metric{Name: "capture_kind", Unit: "code", Doc: "how the run was first captured: 0 none, 1 a malicious proposal drained the treasury, 2 a malicious proposal admitted the attacker's sequencers, 3 council keys compromised, 4 attacker stake above 1/3 of active stake (can halt), 5 above 1/2 (controls ordering)", Section: "capture"})
	c.oCaptureDay = m.Outcome(Metric{Name: "capture_day", Unit: "day", Doc: "day of the first capture (empty when none)", MayBeEmpty: true, Chart: true, LowerTail: true, Section: "capture"})
	c.oCostToCaptureLaunch = m.Outcome(Metric{Name: "cost_to_capture_launch_usd", Unit: "USD", Doc: "executable: cheapest expected cost of a capture at launch (see the series cost_to_capture_usd)", Chart: true, LowerTail: true, Section: "capture"})
	c.oMinCostToCapture = m.Outcome(Metric{Name: "min_cost_to_capture_usd", Unit: "USD", Doc: "executable: lowest cost to capture over the run (measured every governance.measure_every_days)", Chart: true, LowerTail: true, Section: "capture"})
	c.oVoteCostLaunch = m.Outcome(Metric{Name: "vote_capture_cost_launch_usd", Unit: "USD", Doc: "executable: cheapest expected cost of passing a malicious proposal at launch: buying, borrowing or bribing its votes, over its chance of surviving the council (empty when the council blocks every vote)", MayBeEmpty: true, Chart: true, LowerTail: true, Section: "capture"})
	c.oMinVoteCost = m.Outcome(Metric{Name: "min_vote_capture_cost_usd", Unit: "USD", Doc: "executable: lowest expected cost of passing a malicious proposal over the run (empty when the council blocked every vote)", MayBeEmpty: true, Chart: true, LowerTail: true, Section: "capture"})
	c.oCheapestStrategyLaunch = m.Outcome(Metric{Name: "cheapest_strategy_launch", Unit: "code", Doc: "the cheapest capture at launch: 1 buy votes, 2 borrow votes, 3 bribe voters, 4 buy 1/3 of active stake", Section: "capture"})
	c.oAttackerProfit = m.Outcome(Metric{Name: "attacker_profit_usd", Unit: "USD", Doc: "attacker's USD taken in (sales, drained USD, value of control) less paid out (purchases, interest, fees, bribes), plus its tokens marked at the margin (the final pool price)", Chart: true, Section: "capture"})
	c.oProposalsPassed = m.Outcome(Metric{Name: "proposals_passed", Unit: "count", Doc: "proposals that passed the vote (or a gatekeeper council), malicious ones included", Section: "capture"})
	c.oMaliciousPassed = m.Outcome(Metric{Name: "malicious_proposals_passed", Unit: "count", Doc: "malicious proposals that passed the vote (then executed or vetoed)", Chart: true, RiskAbove: []float64{0}, Section: "capture"})
	c.oVetoes = m.Outcome(Metric{Name: "council_vetoes", Unit: "count", Doc: "malicious proposals the council vetoed after they passed the vote", Section: "capture"})
	c.oMeanVoterTurnout = m.Outcome(Metric{Name: "mean_voter_turnout", Unit: "fraction", Doc: "votes cast over the votable supply, mean over proposals whose vote closed (empty when none)", MayBeEmpty: true, Chart: true, LowerTail: true, Section: "capture"})
	c.oTop10VoteShare = m.Outcome(Metric{Name: "top10_vote_share", Unit: "fraction", Doc: "share of the votes cast by the ten largest voters, mean over proposals (empty when none)", MayBeEmpty: true, Section: "capture"})
	c.oTimeToEffectiveGovernance = m.Outcome(Metric{Name: "time_to_effective_governance_days", Unit: "days", Doc: "day the first ordinary proposal executed (empty when none did)", MayBeEmpty: true, Chart: true, Section: "capture"})
}
