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
	row[sVoterTurnout] = g.lastTurnout
	row[sNakamotoVotes] = float64(g.nakamoto)
	row[sHHIVotes] = g.hhi
	row[sCostToCapture] = g.cost
	row[sCaptured] = 0
	if g.captured {
		row[sCaptured] = 1
	}
}

// summariseGovernance fills the governance and capture outcomes.
func (w *World) summariseGovernance(out []float64) {
	g := &w.gov
	out[oCaptured], out[oCaptureKind], out[oCaptureDay] = 0, captureNone, math.NaN()
	if g.captured {
		out[oCaptured], out[oCaptureKind], out[oCaptureDay] = 1, float64(g.captureKind), float64(g.captureDay)
	}
	out[oCostToCaptureLaunch] = g.costLaunch
	out[oMinCostToCapture] = g.minCost
	out[oVoteCostLaunch], out[oMinVoteCost] = finiteOrNaN(g.voteCostLaunch), finiteOrNaN(g.minVoteCost)
	out[oCheapestStrategyLaunch] = float64(g.cheapestLaunch)
	out[oAttackerProfit] = w.attackerProfit()
	out[oProposalsPassed] = float64(g.passed)
	out[oMaliciousPassed] = float64(g.maliciousPassed)
	out[oVetoes] = float64(g.vetoes)
	out[oMeanVoterTurnout], out[oTop10VoteShare], out[oTimeToEffectiveGovernance] = math.NaN(), math.NaN(), math.NaN()
	if g.closed > 0 {
		out[oMeanVoterTurnout] = g.turnoutSum / float64(g.closed)
	}
	if g.withVotes > 0 {
		out[oTop10VoteShare] = g.top10Sum / float64(g.withVotes)
	}
	if g.firstEffective >= 0 {
		out[oTimeToEffectiveGovernance] = float64(g.firstEffective)
	}
}

// finiteOrNaN maps +Inf (a blocked route) to NaN (an empty outcome).
func finiteOrNaN(x float64) float64 {
	if math.IsInf(x, 0) {
		return math.NaN()
	}
	return x
}
