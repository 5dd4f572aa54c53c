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
func (w *World) proposeOrdinary() {
	g := &w.gov
	r := w.streams.governance
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
		pr.value = math.Exp(w.p.Governance.ChangeSD * r.NormFloat64())
	}
	if k == propFeeSplit && w.p.Governance.FeeBurnSide > 0 {
		pr.burnSide = r.Float64() < w.p.Governance.FeeBurnSide
	}
	pr.payer = -1
	proposer := w.drawProposer()
	if proposer < 0 {
		w.noProposer("no voter holds the proposal threshold")
		return
	}
	if d := protocol.ToMicro(w.p.Governance.ProposalDeposit); d > 0 {
		i := w.depositor(proposer)
		if i < 0 || w.h.liquid[i] < d {
			w.noProposer("the proposer cannot lock the deposit")
			return
		}
		holderTable{w}.Debit(i, Account{&g.deposits}, d)
		pr.deposit, pr.payer = d, int32(i)
	}
	w.submit(pr)
}

// noProposer counts an ordinary proposal that was not made.
func (w *World) noProposer(why string) {
	w.gov.unproposed++
	if w.trace != nil {
		w.event("no_proposal", "", 0, "", why)
	}
}

// thresholdVotes is the voting power a proposer needs, from the last
// count of the votable supply.
func (w *World) thresholdVotes() int64 {
	return int64(math.Ceil(w.live.threshold * float64(w.gov.votable)))
}

// drawProposer counts the votes and draws the proposer of an ordinary
// proposal by power among the holders' voters (delegates and self-voting
// holders; operators vote but do not propose) whose power reaches the
// proposal threshold and is positive; -1 when there is none.
func (w *World) drawProposer() int {
	vs := &w.gov.vs
	w.countVotes(false)
	t := max(w.thresholdVotes(), 1)
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
	u := int64(w.streams.governance.Float64() * float64(sum))
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
func (w *World) depositor(v int) int {
	vs := &w.gov.vs
	h := &w.h
	best := -1
	for i := range h.len() {
		if int(vs.hFrom[i]) > w.day {
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
func (w *World) settleDeposit(pr *proposal) {
	g := &w.gov
	d := pr.deposit
	if d == 0 {
		return
	}
	pr.deposit = 0
	if !pr.approved && pr.tally.Against > pr.tally.For {
		g.deposits -= d
		w.burned += d
		g.depositsBurned += d
		return
	}
	holderTable{w}.Credit(int(pr.payer), Account{&g.deposits}, d)
}

// submit opens a proposal today.
func (w *World) submit(pr proposal) {
	g := &w.gov
	pr.times = g.gov.Schedule(w.day)
	pr.stage = stagePending
	g.proposals++
	g.props = append(g.props, pr)
	g.next = min(g.next, w.day) // a stage may fall today (no snapshot delay)
	if w.trace != nil {
		w.event("proposal", propKindNames[pr.kind], pr.value, "factor or share", "")
	}
}

// advanceProposals moves every proposal whose stage ends today, in order
// of submission; stages that fall on the same day (no snapshot delay, no
// timelock) all happen today. Finished proposals are removed.
func (w *World) advanceProposals() {
	g := &w.gov
	for i := range g.props {
		pr := &g.props[i]
		if pr.stage == stagePending && w.day >= pr.times.Snapshot {
			w.snapshot(pr)
		}
		if pr.stage == stageVoting && w.day >= pr.times.VoteEnd {
			w.closeVote(pr)
		}
		if pr.stage == stageQueued && w.day >= pr.times.Execute {
			w.executeProposal(pr)
		}
	}
	g.props = slices.DeleteFunc(g.props, func(pr proposal) bool { return pr.stage == stageDone })
}

// closeVote ends the vote on pr: the attacker may add flash-loaned votes
// (no snapshot delay), then the tally or, while the council is a
// gatekeeper, the council decides.
func (w *World) closeVote(pr *proposal) {
	g := &w.gov
	if pr.byAttack {
		w.attackerAtClose(pr)
	}
	pr.stage = stageQueued
	if w.gatekeeper(w.day) {
		pr.gatekept = true
		if pr.kind.malicious() {
			pr.approved = w.councilCaptured()
		} else {
			pr.approved = pr.tally.For >= pr.tally.Against
		}
	} else {
		pr.approved = pr.tally.Passed()
	}
	g.closed++
	w.settleDeposit(pr)
	if !pr.kind.malicious() {
		w.recordClose(pr.gatekept || pr.tally.For+pr.tally.Against >= pr.tally.Quorum)
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
			w.attackerDone()
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
func (w *World) executeProposal(pr *proposal) {
	g := &w.gov
	pr.stage = stageDone
	if pr.kind.malicious() {
		defer w.attackerDone()
		if !pr.gatekept && w.streams.governance.Float64() < w.vetoProbability(w.day) {
			g.vetoes++
			if w.trace != nil {
				w.event("veto", propKindNames[pr.kind], 0, "", "the council vetoed a malicious proposal that passed the vote")
			}
			return
		}
		g.executed++
		if pr.kind == propDrain {
			w.drainTreasury(captureDrain)
		} else {
			w.capture(captureCartel)
			w.attackerPaid(w.p.Attacker.SequencerValueUSD)
			w.usd.in(flowAttacker, w.p.Attacker.SequencerValueUSD)
		}
		return
	}
	g.executed++
	if g.firstExecuted < 0 {
		g.firstExecuted = w.day
	}
	w.applyProposal(pr)
	if w.trace != nil {
		w.event("executed", propKindNames[pr.kind], pr.value, "factor or share", "")
	}
}

// scaleWithin is a governed parameter x after a proposal's factor f: x·f
// kept within a quarter and four times its launch value x0, and at most hi.
func scaleWithin(x, f, x0, hi float64) float64 { return min(max(x*f, x0/4), 4*x0, hi) }

// applyProposal changes the run's parameters (or pays a grant).
func (w *World) applyProposal(pr *proposal) {
	l := &w.live
	f := pr.value
	switch pr.kind {
	case propFeeSplit:
		w.feeSplit = w.feeSplitAfter(pr)
	case propEmission:
		if x, hi := w.emission.Level(); x != nil {
			*x = scaleWithin(*x, f, l.emission0, hi)
		}
	case propMinStake:
		l.minStake = protocol.ToMicro(scaleWithin(protocol.Tokens(l.minStake), f, l.minStake0, math.Inf(1)))
	case propBond:
		l.fraudSlash = scaleWithin(l.fraudSlash, f, l.fraudSlash0, math.Inf(1))
	case propGrant:
		x := protocol.FracOf(w.treasuryTokens, f)
		if x <= 0 {
			return
		}
		grantee := -1
		if n := len(w.gov.grantees); n > 0 {
			grantee = int(w.gov.grantees[w.streams.governance.IntN(n)])
		}
		w.payTreasuryTokens(x, grantee)
	case propInvalidRootPenalty:
		l.invalidRootPenalty = w.penaltyAfter(pr)
	case propLivenessPenalty:
		l.livenessPenalty = w.penaltyAfter(pr)
	case propQuorum:
		w.gov.gov.Quorum = scaleWithin(w.gov.gov.Quorum, f, l.quorum0, 1)
	case propThreshold:
		l.threshold = scaleWithin(l.threshold, f, l.threshold0, 1)
	case propBudget:
		l.budgetScale = w.budgetAfter(pr)
	case propCommissionCap:
		l.commissionCap = w.commissionCapAfter(pr)
		o := &w.ops
		for k := range o.n { // an operator above the new cap charges the cap
			o.commission[k] = min(o.commission[k], l.commissionCap)
		}
	case propActiveSet:
		l.maxActive = w.maxActiveAfter(pr)
	}
}

// penaltyAfter is the slashing penalty pr governs once it executes.
func (w *World) penaltyAfter(pr *proposal) float64 {
	l := &w.live
	if pr.kind == propLivenessPenalty {
		return scaleWithin(l.livenessPenalty, pr.value, l.livenessPenalty0, 1)
	}
	return scaleWithin(l.invalidRootPenalty, pr.value, l.invalidRootPenalty0, 1)
}

// budgetAfter is the scale of the treasury's monthly budgets once pr
// executes (1 at launch).
func (w *World) budgetAfter(pr *proposal) float64 {
	return scaleWithin(w.live.budgetScale, pr.value, 1, math.Inf(1))
}

// commissionCapAfter is the commission cap once pr executes.
func (w *World) commissionCapAfter(pr *proposal) float64 {
	l := &w.live
	return scaleWithin(l.commissionCap, pr.value, l.commissionCap0, 1)
}

// maxActiveAfter is the active set's size once pr executes: the factor
// applied as to any parameter, rounded to the nearest count, kept within
// a quarter (at least 1) and four times the launch size.
func (w *World) maxActiveAfter(pr *proposal) int {
	l := &w.live
	x0 := float64(l.maxActive0)
	n := int(math.Round(scaleWithin(float64(l.maxActive), pr.value, x0, math.Inf(1))))
	return min(max(n, int(math.Ceil(x0/4)), 1), 4*l.maxActive0)
}
