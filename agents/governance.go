package agents

import (
	"cmp"
	"math"
	"math/bits"
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
	numOrdinaryKinds
	propDrain       = numOrdinaryKinds     // malicious: drain the treasury
	propAdmitCartel = numOrdinaryKinds + 1 // malicious: admit the attacker's sequencers
)

var propKindNames = [...]string{"fee_split", "emission", "min_stake", "bond", "grant", "drain_treasury", "admit_cartel"}

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
}

// liveParams are the parameters governance can change, copied per run from
// the point's Params (shared read-only by all workers of a point): the
// copy is the run's, so a passed proposal changes this run only. The fee
// split and the emission rate live in World.feeSplit and World.emission.
type liveParams struct {
	minStake   int64   // micro-tokens
	fraudSlash float64 // USD
	// launch values, for the clamps of parameter proposals
	stakers0, emission0, minStake0, fraudSlash0 float64
}

func (w *World) resetLive() {
	p := w.p
	w.live = liveParams{
		minStake: protocol.ToMicro(p.Sequencers.MinStake), fraudSlash: p.Fraud.Slash,
		stakers0: p.Fees.Split[0], emission0: p.Emission.AnnualRate,
		minStake0: p.Sequencers.MinStake, fraudSlash0: p.Fraud.Slash,
	}
}

// voterSet is the voters as a struct of slices: delegates [0, delegates),
// then the holders who vote their own tokens. Holder i's votes go in equal
// parts to voters hVoter[i*split : (i+1)*split] from day hFrom[i] on (-1:
// they never vote).
type voterSet struct {
	n, delegates, split int
	logit               []float64 // logit of the turnout propensity
	refuse              []bool    // refuses every bribe
	power               []int64   // voting power at the last count
	pMal                []float64 // turnout probability on a malicious proposal
	bribed              []bool    // bribed for the attacker's open proposal
	order               []int32   // voters with power by increasing power (ties by index), when sorted
	sorted              []int64   // scratch: powers, decreasing
	keys                []int64   // scratch: sort keys
	isSorted            bool      // order matches the last count
	quotes              []protocol.BribeQuote
	quoteVoter          []int32   // the voter of each quote
	cum                 []float64 // scratch: cumulative delegate popularity
	hVoter              []int32
	hFrom               []int32
}

// govState is the governance of one run.
type govState struct {
	gov     protocol.Governor
	council protocol.Council
	vs      voterSet
	props   []proposal

	grantees []int32 // holders of type grants

	next, nextArrival, nextMeasure, nextCompromise int
	compromised                                    int

	// the last count of voting power
	votable, attPower int64
	// expectations for a malicious proposal at the last count
	expAgainst, expFor, expTurnout float64

	vetoTail                 []float64 // veto probability at full authority, by compromised keys
	kindCum                  [numOrdinaryKinds]float64
	grantS, supportS, stakeS sampler

	// run tallies
	proposals, passed, maliciousPassed, vetoes, executed int
	closed, withVotes                                    int
	turnoutSum, top10Sum, lastTurnout                    float64
	firstEffective                                       int // -1: none

	// measurements
	nakamoto                       int
	hhi, cost, costLaunch, minCost float64
	voteCost, voteCostLaunch       float64 // the cheapest vote route alone (+Inf: blocked)
	minVoteCost                    float64
	cheapest, cheapestLaunch       strategy
	captured                       bool
	captureKind, captureDay        int
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
	g.council = protocol.Council{Members: p.Council.Members, Threshold: p.Council.Threshold}
	g.props = g.props[:0]
	g.compromised = 0
	g.proposals, g.passed, g.maliciousPassed, g.vetoes, g.executed, g.closed, g.withVotes = 0, 0, 0, 0, 0, 0, 0
	g.turnoutSum, g.top10Sum, g.lastTurnout = 0, 0, 0
	g.firstEffective = -1
	g.captured, g.captureKind, g.captureDay = false, captureNone, -1
	g.nakamoto, g.hhi, g.cost, g.costLaunch, g.minCost = 0, 0, 0, 0, math.Inf(1)
	g.voteCost, g.voteCostLaunch, g.minVoteCost = 0, 0, math.Inf(1)
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
		if k < len(p.KindWeights) {
			cum += max(p.KindWeights[k], 0)
		}
		g.kindCum[k] = cum
	}
	if err := w.resetVoters(); err != nil {
		return err
	}
	g.vetoTail = resize(g.vetoTail, max(p.Council.Members, 0)+1)
	for c := range g.vetoTail {
		g.vetoTail[c] = g.council.VetoProbability(c, p.Council.Detection, 1)
	}
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
	g.costLaunch, g.cheapestLaunch, g.voteCostLaunch = g.cost, g.cheapest, g.voteCost
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

// resetVoters draws the delegates and each holder's role in governance.
func (w *World) resetVoters() error {
	p := &w.p.Governance
	g := &w.gov
	vs := &g.vs
	r := w.streams.governance
	h := &w.h
	n, nd := h.len(), p.Delegates
	m := nd + n
	vs.logit = resize(vs.logit, m)
	vs.refuse = resize(vs.refuse, m)
	vs.power = resize(vs.power, m)
	vs.pMal = resize(vs.pMal, m)
	vs.bribed = resize(vs.bribed, m)
	vs.order = resize(vs.order, m)
	vs.sorted = resize(vs.sorted, m+1)
	vs.keys = resize(vs.keys, m)
	vs.quotes = resize(vs.quotes, m)
	vs.quoteVoter = resize(vs.quoteVoter, m)
	vs.cum = resize(vs.cum, nd)
	split := max(p.DelegateSplit, 1)
	vs.split = split
	vs.hVoter = resize(vs.hVoter, n*split)
	vs.hFrom = resize(vs.hFrom, n)
	vs.delegates, vs.n = nd, nd
	ws, err := newSampler(p.DelegateWeight)
	if err != nil {
		return err
	}
	ts, err := newSampler(p.DelegateTurnout)
	if err != nil {
		return err
	}
	var cum float64
	for d := range nd {
		cum += max(ws.Rand(r), 0)
		vs.cum[d] = cum
		vs.logit[d] = logit(ts.Rand(r))
		vs.refuse[d] = r.Float64() < p.BribeRefusal
	}
	var turnout [numHolderTypes]sampler
	for k := range numHolderTypes {
		if b := w.p.voterBehaviour(HolderType(k)); b != nil {
			if turnout[k], err = newSampler(b.Turnout); err != nil {
				return err
			}
		}
	}
	g.grantees = g.grantees[:0]
	horizon := w.p.Simulation.HorizonDays + 1
	for i := range n {
		k := h.kind[i]
		if k == HolderGrants {
			g.grantees = append(g.grantees, int32(i))
		}
		b := w.p.voterBehaviour(k)
		hv := vs.hVoter[i*split : (i+1)*split]
		for j := range hv {
			hv[j] = -1
		}
		vs.hFrom[i] = int32(horizon)
		u := r.Float64()
		from := int32(min(math.Ceil(r.ExpFloat64()*b.LagDays), float64(horizon)))
		switch {
		case u < b.Delegate && nd > 0 && cum > 0:
			for j := range hv {
				d, _ := slices.BinarySearch(vs.cum[:nd], r.Float64()*cum)
				hv[j] = int32(min(d, nd-1))
			}
			vs.hFrom[i] = from
		case u < b.Delegate+b.SelfVote:
			v := vs.n
			vs.n++
			vs.logit[v] = logit(turnout[k].Rand(r))
			vs.refuse[v] = r.Float64() < p.BribeRefusal
			for j := range hv {
				hv[j] = int32(v)
			}
			vs.hFrom[i] = from
		}
	}
	// A malicious proposal has stakes 1 and contest 1: each voter's turnout
	// on one is fixed for the run.
	shift := (p.TurnoutStakes + p.TurnoutContest) / 2
	for v := range vs.n {
		vs.pMal[v] = protocol.Logistic(vs.logit[v] + shift)
	}
	return nil
}

// logit of a propensity, kept finite.
func logit(p float64) float64 {
	p = min(max(p, 1e-6), 1-1e-6)
	return math.Log(p / (1 - p))
}

// councilAuthority is the share of its powers the council holds on day d:
// 1 until fade_start_days, falling linearly to 0 at veto_days (never when
// veto_days is 0); always 1 while it is a gatekeeper; 0 without a council.
func (w *World) councilAuthority(d int) float64 {
	c := &w.p.Governance.Council
	switch {
	case c.Members <= 0:
		return 0
	case d < c.GatekeeperDays || c.VetoDays <= 0 || d < c.FadeStartDays:
		return 1
	case d >= c.VetoDays:
		return 0
	}
	return float64(c.VetoDays-d) / float64(c.VetoDays-c.FadeStartDays)
}

func (w *World) gatekeeper(d int) bool {
	c := &w.p.Governance.Council
	return c.Members > 0 && d < c.GatekeeperDays
}

// vetoProbability is the chance that the council vetoes a malicious
// proposal executing on day d.
func (w *World) vetoProbability(d int) float64 {
	g := &w.gov
	if g.council.Members <= 0 {
		return 0
	}
	// protocol.Council.VetoProbability, with the binomial tail cached.
	return min(w.councilAuthority(d), 1) * g.vetoTail[min(g.compromised, g.council.Members)]
}

// govern is step 8 of DESIGN.md: the attacker's trading while it is busy,
// then whatever governance event falls on today (arrivals, snapshots, vote
// ends, executions, key compromises, the attacker's reviews and the
// periodic measurement). On a quiet day it costs one comparison.
func (w *World) govern() {
	if w.att.mode != attIdle {
		w.attackerDay()
	}
	if w.att.op >= 0 {
		w.checkStakeCapture()
	}
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
	if w.day >= w.att.nextReview {
		w.attackerReview()
		w.att.nextReview = w.day + poissonGap(r, w.p.Attacker.ReviewsPerYear)
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
	next := min(g.nextArrival, g.nextMeasure, g.nextCompromise, w.att.nextReview)
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
	w.submit(pr)
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

// countVotes measures every voter's power today, the votable supply and
// the attacker's own voting power, and what a malicious proposal may
// expect: the votes against and for (deceived voters) and the turnout.
func (w *World) countVotes() {
	g := &w.gov
	vs := &g.vs
	h := &w.h
	pw := vs.power[:vs.n]
	clear(pw)
	var votable int64
	k := int64(vs.split)
	n := h.len()
	hv, hf := vs.hVoter[:n*vs.split], vs.hFrom[:n]
	liquid, staked, unbonding := h.liquid[:n], h.staked[:n], h.unbonding[:n]
	// x/k by a shift when k is a power of two (x >= 0): a division per
	// holder and day is most of this loop's cost otherwise.
	shift := -1
	if k&(k-1) == 0 {
		shift = bits.TrailingZeros64(uint64(k))
	}
	for i := range hf {
		x := liquid[i] + staked[i] + unbonding[i]
		votable += x
		if int(hf[i]) > w.day || x == 0 {
			continue
		}
		var part int64
		if shift >= 0 {
			part = x >> shift
		} else {
			part = x / k
		}
		voters := hv[i*vs.split : (i+1)*vs.split]
		if v := voters[0]; v >= 0 {
			pw[v] += x - part*(k-1) // the rounding remainder goes to the first
		}
		for _, v := range voters[1:] {
			if v >= 0 {
				pw[v] += part
			}
		}
	}
	g.attPower = w.att.liquid
	if k := w.att.op; k >= 0 {
		g.attPower += w.ops.self[k]
	}
	g.votable = votable + w.arbTokens + g.attPower
	var t float64
	for v, x := range pw {
		t += vs.pMal[v] * float64(x)
	}
	dec := w.p.Governance.Deception
	g.expAgainst, g.expFor, g.expTurnout = t*(1-dec), t*dec, t
	vs.isSorted = false
}

// sortVoters lists the voters with power by increasing power in
// vs.order, once per count. For speed it sorts plain integer keys: the
// power rounded down to 2^voterBits micro-tokens (about a token) with the
// voter's index in the low bits, so the order is deterministic, and exact
// but for voters within a token of each other, who are ordered by index.
func (w *World) sortVoters() []int32 {
	vs := &w.gov.vs
	if vs.isSorted {
		return vs.order
	}
	pw := vs.power[:vs.n]
	order := vs.order[:0]
	if vs.n < 1<<voterBits {
		keys := vs.keys[:0]
		for v, x := range pw {
			if x > 0 {
				keys = append(keys, x>>voterBits<<voterBits|int64(v))
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			order = append(order, int32(k&(1<<voterBits-1)))
		}
		vs.keys = keys
	} else {
		for v, x := range pw {
			if x > 0 {
				order = append(order, int32(v))
			}
		}
		slices.SortFunc(order, func(a, b int32) int {
			if c := cmp.Compare(pw[a]>>voterBits, pw[b]>>voterBits); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
	}
	vs.order, vs.isSorted = order, true
	return order
}

// voterBits is the width of the voter index in sortVoters' keys (a power
// is at most about 2^54 micro-tokens, so a key fits in 64 bits).
const voterBits = 20

// snapshot fixes the voting power of proposal pr and draws the honest
// votes; the attacker's own votes, term-borrowed votes and bribed votes
// count here.
func (w *World) snapshot(pr *proposal) {
	g := &w.gov
	vs := &g.vs
	p := &w.p.Governance
	r := w.streams.governance
	w.countVotes()
	pr.stage = stageVoting
	pr.votable = g.votable
	pr.tally = protocol.Tally{Quorum: g.gov.QuorumVotes(g.votable)}
	clear(vs.bribed[:vs.n])
	if pr.byAttack {
		w.attackerAtSnapshot(pr)
	}
	contested := 1.0
	if !pr.kind.malicious() {
		contested = 1 - math.Abs(2*pr.support-1)
	} else {
		pr.stakes = 1
	}
	shift := p.TurnoutStakes*(pr.stakes-0.5) + p.TurnoutContest*(contested-0.5)
	for v, x := range vs.power[:vs.n] {
		if x == 0 {
			continue
		}
		if vs.bribed[v] {
			pr.tally.For += x
			pr.cast += x
			pr.noteVote(x)
			continue
		}
		if r.Float64() >= protocol.Logistic(vs.logit[v]+shift) {
			continue
		}
		pr.cast += x
		pr.noteVote(x)
		yes := pr.support
		if pr.kind.malicious() {
			yes = p.Deception
		}
		if r.Float64() < yes {
			pr.tally.For += x
		} else {
			pr.tally.Against += x
		}
	}
}

// noteVote keeps the ten largest votes cast.
func (pr *proposal) noteVote(x int64) {
	t := &pr.top
	if x <= t[len(t)-1] {
		return
	}
	j := len(t) - 1
	for j > 0 && t[j-1] < x {
		t[j] = t[j-1]
		j--
	}
	t[j] = x
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
			pr.approved = g.council.Captured(g.compromised)
		} else {
			pr.approved = pr.tally.For >= pr.tally.Against
		}
	} else {
		pr.approved = pr.tally.Passed()
	}
	g.closed++
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
			w.att.received += w.p.Attacker.SequencerValueUSD
			w.att.capital += w.p.Attacker.SequencerValueUSD
		}
		return
	}
	g.executed++
	if g.firstEffective < 0 {
		g.firstEffective = w.day
	}
	w.applyProposal(pr)
	if w.trace != nil {
		w.event("executed", propKindNames[pr.kind], pr.value, "factor or share", "")
	}
}

// applyProposal changes the run's parameters (or pays a grant).
func (w *World) applyProposal(pr *proposal) {
	l := &w.live
	f := pr.value
	scale := func(x, x0, hi float64) float64 { return min(max(x*f, x0/4), min(4*x0, hi)) }
	switch pr.kind {
	case propFeeSplit:
		fs := &w.feeSplit
		fs.Stakers = scale(fs.Stakers, l.stakers0, 1-fs.Burn)
		fs.Treasury = max(1-fs.Burn-fs.Stakers, 0)
	case propEmission:
		w.emission.AnnualRate = scale(w.emission.AnnualRate, l.emission0, 1)
	case propMinStake:
		l.minStake = protocol.ToMicro(scale(protocol.Tokens(l.minStake), l.minStake0, math.Inf(1)))
	case propBond:
		l.fraudSlash = scale(l.fraudSlash, l.fraudSlash0, math.Inf(1))
	case propGrant:
		x := protocol.FracOf(w.treasuryTokens, f)
		if x <= 0 {
			return
		}
		w.treasuryTokens -= x
		if n := len(w.gov.grantees); n > 0 {
			i := w.gov.grantees[w.streams.governance.IntN(n)]
			w.h.liquid[i] += x
			w.totLiquid += x
			return
		}
		w.netSellUSD += w.pool.Sell(x) // paid out in USD at once
	}
}

// compromiseKeys is a key-compromise event: each honest member's key is
// taken with probability compromise_reach. The holder of threshold keys
// captures the protocol while the council holds any power.
func (w *World) compromiseKeys() {
	g := &w.gov
	c := &w.p.Governance.Council
	r := w.streams.governance
	for range c.Members - g.compromised {
		if r.Float64() < c.CompromiseReach {
			g.compromised++
		}
	}
	if g.council.Captured(g.compromised) && w.councilAuthority(w.day) > 0 {
		w.drainTreasury(captureCouncil)
	}
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
	w.att.liquid += x
	usd := w.treasuryUSD * share
	w.treasuryUSD -= usd
	w.att.received += usd
	w.att.capital += usd
	if w.att.liquid > 0 {
		w.att.mode = attSelling
	}
}

// measureGovernance measures the concentration of voting power and the
// cost to capture.
func (w *World) measureGovernance() {
	g := &w.gov
	vs := &g.vs
	w.countVotes()
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
	g.cost = w.costToCapture()
	g.minCost = min(g.minCost, g.cost)
	g.minVoteCost = min(g.minVoteCost, g.voteCost)
}
