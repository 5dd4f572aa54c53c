package agents

// What a malicious proposal needs, as governance's voters stand at the
// last count: the votes to buy or borrow, its chance of surviving the
// council, and the voters who would sell their votes (for the attacker and
// the capture prices, capture_prices.go, through the wiring).

import (
	"math"

	"github.com/seqsim/seqsim/agents/protocol"
)

// needSwing is the margin, in tokens, an attacker with own votes
// (micro-tokens) must add over the votes a malicious proposal expects
// against (net of deceived votes for), times 1+margin (from the last
// countVotes).
func (g *governance) needSwing(own int64) float64 {
	return ((g.expAgainst-g.expFor)*(1+g.p.Attacker.Margin) - float64(own)) / protocol.Micro
}

// needPower is the quorum, times 1+margin, less own votes, in tokens.
func (g *governance) needPower(own int64) float64 {
	return (float64(g.gov.QuorumVotes(g.votable))*(1+g.p.Attacker.Margin) - float64(own)) / protocol.Micro
}

// votesNeeded is what an attacker with own votes must buy or borrow to
// pass a malicious proposal, in micro-tokens.
func (g *governance) votesNeeded(own int64) int64 {
	need := max(g.needSwing(own), g.needPower(own), 0)
	return int64(math.Ceil(need * protocol.Micro))
}

// voteSuccess is the probability that a malicious proposal whose vote
// starts on day start survives the council: 0 when the council is a
// gatekeeper at the end of the vote, 1 - its veto probability at
// execution otherwise (at today's compromised keys).
func (g *governance) voteSuccess(start int) float64 {
	t := g.gov.Schedule(start)
	if g.env.gatekeeper(t.VoteEnd) {
		return 0
	}
	return 1 - g.env.vetoProbability(t.Execute)
}

// bribeQuotes lists the voters who would sell their votes against a
// malicious proposal of kind, cheapest first, in vs.quotes (voter indices
// in vs.quoteVoter), and returns their number. A voter's reservation per token
// is its loss per token times its pivot probability (protocol.
// PivotProbability at the expected turnout of a malicious proposal), so
// small voters are the cheapest; its swing is its power plus the net vote
// against it would have cast.
func (g *governance) bribeQuotes(kind propKind) int {
	vs := &g.vs
	dec := g.p.Governance.Deception
	loss := g.env.lossPerToken(kind)
	t := g.expTurnout
	n := 0
	for _, v := range g.sortVoters() {
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

// cheapestBribe is the cheapest bribe of the voters for a malicious
// proposal of kind, for an attacker with own votes: its cost (USD), how
// many of the quoted voters it bribes, and whether it is feasible.
func (g *governance) cheapestBribe(kind propKind, own int64) (float64, int, bool) {
	nq := g.bribeQuotes(kind)
	_, cost, n, ok := protocol.CheapestBribe(g.vs.quotes[:nq], g.needSwing(own), g.needPower(own))
	return cost, n, ok
}

// markBribed marks the first n quoted voters (cheapestBribe's) as bribed
// for the tally of the attacker's proposal.
func (g *governance) markBribed(n int) {
	vs := &g.vs
	for _, v := range vs.quoteVoter[:n] {
		vs.bribed[v] = true
	}
}
