package agents

import (
	"math"
	"slices"

	"github.com/seqsim/seqsim/agents/protocol"
)

// propKind is what a proposal does.
type propKind uint8

const (
	propFeeSplit propKind = iota // the stakers' share of fees (the treasury takes the difference)
	propEmission                 // the emission rate
	propMinStake                 // the operators' minimum self-stake
	propBond                     // the fraud bond (fraud.slash)
	propGrant                    // a treasury grant
	// Kinds added with issue 15 (after the first five, so an old five-entry
	// kind_weights keeps its meaning).
	propInvalidRootPenalty // the slash of a caught invalid root (slashing.invalid_root.penalty)
	propLivenessPenalty    // the slash of a liveness offence (slashing.liveness.penalty)
	propQuorum             // the quorum (governance.quorum)
	propThreshold          // the proposal threshold (governance.proposal_threshold)
	propBudget             // the treasury's monthly budgets (treasury.monthly_budget_*), scaled together
	propCommissionCap      // the operators' commission cap (sequencers.commission_cap)
	propActiveSet          // the active set's size (sequencers.max_active)
	numOrdinaryKinds
	propDrain       = numOrdinaryKinds     // malicious: drain the treasury
	propAdmitCartel = numOrdinaryKinds + 1 // malicious: admit the attacker's sequencers
)

var propKindNames = [...]string{"fee_split", "emission", "min_stake", "bond", "grant",
	"invalid_root_penalty", "liveness_penalty", "quorum", "proposal_threshold", "budget", "commission_cap", "active_set",
	"drain_treasury", "admit_cartel"}

func (k propKind) malicious() bool { return k >= numOrdinaryKinds }

// propStage is where a proposal is in its life.
type propStage uint8

const (
	stagePending propStage = iota // made; waiting for its snapshot
	stageVoting                   // snapshot taken; the vote runs
	stageQueued                   // passed; in the timelock
	stageDone                     // defeated, vetoed or executed
)

// proposal is one open proposal. The honest votes are drawn at the
// snapshot (each voter's choice is independent of what happens during the
// vote), and revealed at the end of the vote, when the attacker may add a
// flash loan.
type proposal struct {
	kind     propKind
	stage    propStage
	byAttack bool
	times    protocol.ProposalTimes
	support  float64 // ordinary: share of voters in favour
	stakes   float64
	value    float64 // parameter factor, or grant share
	tally    protocol.Tally
	votable  int64
	cast     int64     // voting power cast, all voters
	top      [10]int64 // the largest votes cast, decreasing
	attVotes int64     // the attacker's own and borrowed votes
	gatekept bool      // decided by a gatekeeper council
	approved bool      // passed the vote (or the gatekeeper)
	burnSide bool      // a fee split traded against the burn, not the treasury (interest.go)
	deposit  int64     // tokens locked by the proposer (micro-tokens)
	payer    int32     // the holder who locked them; -1: none
}

// proposeOrdinary makes an ordinary proposal of a random kind.
func (g *governance) proposeOrdinary() {
	r := g.r
	total := g.kindCum[numOrdinaryKinds-1]
	if !(total > 0) {
		return
	}
	x := r.Float64() * total
	k := propKind(0)
	for k < numOrdinaryKinds-1 && x >= g.kindCum[k] {
		k++
	}
	pr := proposal{kind: k, support: clamp01(g.supportS.Rand(r)), stakes: clamp01(g.stakeS.Rand(r))}
	if k == propGrant {
		pr.value = clamp01(g.grantS.Rand(r))
	} else {
		pr.value = math.Exp(g.p.Governance.ChangeSD * r.NormFloat64())
	}
	if k == propFeeSplit && g.p.Governance.FeeBurnSide > 0 {
		pr.burnSide = r.Float64() < g.p.Governance.FeeBurnSide
	}
	pr.payer = -1
	proposer := g.drawProposer()
	if proposer < 0 {
		g.noProposer("no voter holds the proposal threshold")
		return
	}
	if d := protocol.ToMicro(g.p.Governance.ProposalDeposit); d > 0 {
		i := g.depositor(proposer)
		if i < 0 || g.env.holderView().liquid[i] < d {
			g.noProposer("the proposer cannot lock the deposit")
			return
		}
		g.env.debitHolder(i, Account{&g.deposits}, d)
		pr.deposit, pr.payer = d, int32(i)
	}
	g.submit(pr)
}

// noProposer counts an ordinary proposal that was not made.
func (g *governance) noProposer(why string) {
	g.unproposed++
	if g.env.tracing() {
		g.env.event("no_proposal", "", 0, "", why)
	}
}

// thresholdVotes is the voting power a proposer needs, from the last
// count of the votable supply.
func (g *governance) thresholdVotes() int64 {
	return int64(math.Ceil(g.env.proposalThreshold() * float64(g.votable)))
}

// drawProposer counts the votes and draws the proposer of an ordinary
// proposal by power among the holders' voters (delegates and self-voting
// holders; operators vote but do not propose) whose power reaches the
// proposal threshold and is positive; -1 when there is none.
func (g *governance) drawProposer() int {
	vs := &g.vs
	g.countVotes(false)
	t := max(g.thresholdVotes(), 1)
	end := vs.n
	if vs.opBase >= 0 {
		end = vs.opBase
	}
	var sum int64
	for _, x := range vs.power[:end] {
		if x >= t {
			sum += x
		}
	}
	if sum == 0 {
		return -1
	}
	u := int64(g.r.Float64() * float64(sum))
	last := -1
	for v, x := range vs.power[:end] {
		if x < t {
			continue
		}
		last = v
		if u < x {
			return v
		}
		u -= x
	}
	return last // rounding at the top of the range
}

// depositor is the holder who locks a proposer's deposit: a self-voting
// holder its own, a delegate's its delegator with the most liquid tokens
// (Cosmos lets anyone add to a deposit); -1 when there is none.
func (g *governance) depositor(v int) int {
	vs := &g.vs
	h := g.env.holderView()
	best := -1
	for i := range h.liquid {
		if int(vs.hFrom[i]) > g.day {
			continue
		}
		if !slices.Contains(vs.hVoter[i*vs.split:(i+1)*vs.split], int32(v)) {
			continue
		}
		if best < 0 || h.liquid[i] > h.liquid[best] {
			best = i
		}
	}
	return best
}

// settleDeposit ends pr's deposit when its vote closes: burned when the
// voters rejected it by a majority against (the model's NoWithVeto),
// returned to its payer otherwise.
func (g *governance) settleDeposit(pr *proposal) {
	d := pr.deposit
	if d == 0 {
		return
	}
	pr.deposit = 0
	if !pr.approved && pr.tally.Against > pr.tally.For {
		g.env.burn(Account{&g.deposits}, d)
		g.depositsBurned += d
		return
	}
	g.env.creditHolder(int(pr.payer), Account{&g.deposits}, d)
}

// submit opens a proposal today.
func (g *governance) submit(pr proposal) {
	pr.times = g.gov.Schedule(g.day)
	pr.stage = stagePending
	g.proposals++
	g.props = append(g.props, pr)
	g.next = min(g.next, g.day) // a stage may fall today (no snapshot delay)
	if g.env.tracing() {
		g.env.event("proposal", propKindNames[pr.kind], pr.value, "factor or share", "")
	}
}

// advanceProposals moves every proposal whose stage ends today, in order
// of submission; stages that fall on the same day (no snapshot delay, no
// timelock) all happen today. Finished proposals are removed.
func (g *governance) advanceProposals() {
	for i := range g.props {
		pr := &g.props[i]
		if pr.stage == stagePending && g.day >= pr.times.Snapshot {
			g.snapshot(pr)
		}
		if pr.stage == stageVoting && g.day >= pr.times.VoteEnd {
			g.closeVote(pr)
		}
		if pr.stage == stageQueued && g.day >= pr.times.Execute {
			g.executeProposal(pr)
		}
	}
	g.props = slices.DeleteFunc(g.props, func(pr proposal) bool { return pr.stage == stageDone })
}

// closeVote ends the vote on pr: the attacker may add flash-loaned votes
// (no snapshot delay), then the tally or, while the council is a
// gatekeeper, the council decides.
func (g *governance) closeVote(pr *proposal) {
	if pr.byAttack {
		g.env.attackerAtClose(pr)
	}
	pr.stage = stageQueued
	if g.env.gatekeeper(g.day) {
		pr.gatekept = true
		if pr.kind.malicious() {
			pr.approved = g.env.councilCaptured()
		} else {
			pr.approved = pr.tally.For >= pr.tally.Against
		}
	} else {
		pr.approved = pr.tally.Passed()
	}
	g.closed++
	g.settleDeposit(pr)
	if !pr.kind.malicious() {
		g.env.recordClose(pr.gatekept || pr.tally.For+pr.tally.Against >= pr.tally.Quorum)
	}
	if pr.votable > 0 {
		g.lastTurnout = float64(pr.cast) / float64(pr.votable)
		g.turnoutSum += g.lastTurnout
	}
	if pr.cast > 0 {
		g.withVotes++
		var top int64
		for _, x := range pr.top {
			top += x
		}
		g.top10Sum += float64(top) / float64(pr.cast)
	}
	if !pr.approved {
		pr.stage = stageDone
		if pr.byAttack {
			g.env.attackerDone()
		}
		return
	}
	g.passed++
	if pr.kind.malicious() {
		g.maliciousPassed++
	}
}

// executeProposal ends the timelock of pr: a malicious proposal may be
// vetoed by the council; otherwise the proposal takes effect today.
func (g *governance) executeProposal(pr *proposal) {
	pr.stage = stageDone
	if pr.kind.malicious() {
		defer g.env.attackerDone()
		if !pr.gatekept && g.r.Float64() < g.env.vetoProbability(g.day) {
			g.vetoes++
			if g.env.tracing() {
				g.env.event("veto", propKindNames[pr.kind], 0, "", "the council vetoed a malicious proposal that passed the vote")
			}
			return
		}
		g.executed++
		if pr.kind == propDrain {
			g.env.drainTreasury(captureDrain)
		} else {
			g.capture(g.day, captureCartel)
			g.env.attackerPaid(g.p.Attacker.SequencerValueUSD)
			g.env.attackerFlowIn(g.p.Attacker.SequencerValueUSD)
		}
		return
	}
	g.executed++
	if g.firstExecuted < 0 {
		g.firstExecuted = g.day
	}
	g.apply(pr)
	if g.env.tracing() {
		g.env.event("executed", propKindNames[pr.kind], pr.value, "factor or share", "")
	}
}

// scaleWithin is a governed parameter x after a proposal's factor f: x·f
// kept within a quarter and four times its launch value x0, and at most hi.
func scaleWithin(x, f, x0, hi float64) float64 { return min(max(x*f, x0/4), 4*x0, hi) }

// apply makes pr take effect: a grant pays one of the grantees (drawn
// from the governance stream), a quorum change is governance's own, and
// any other kind changes a governed parameter of the run (governed.go).
func (g *governance) apply(pr *proposal) {
	switch pr.kind {
	case propGrant:
		x := g.env.grantTokens(pr.value)
		if x <= 0 {
			return
		}
		grantee := -1
		if n := len(g.grantees); n > 0 {
			grantee = int(g.grantees[g.r.IntN(n)])
		}
		g.env.payTreasuryTokens(x, grantee)
	case propQuorum:
		g.gov.Quorum = scaleWithin(g.gov.Quorum, pr.value, g.env.launchQuorum(), 1)
	default:
		g.env.applyParameter(pr)
	}
}

// declareProposalMetrics declares governance's outcomes of the proposal
// threshold and deposit, which governance writes (governance.go).
func declareProposalMetrics(d *coreDecls, c *columns) {
	d.Outcome(&c.oUnproposed, Metric{Name: "proposals_unmade", Unit: "count", Doc: "ordinary proposals that arrived but were not made: no voter held the proposal threshold, or the proposer could not lock the deposit", Section: "capture"})
	d.Outcome(&c.oDepositsBurned, Metric{Name: "deposits_burned_tokens", Unit: "tokens", Doc: "proposal deposits burned with proposals rejected by a majority against", Section: "capture"})
}
