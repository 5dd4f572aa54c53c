package agents

import (
	"fmt"
	"math"
	"slices"

	"github.com/seqsim/seqsim/agents/protocol"
)

// voterSet is the voters as a struct of slices: delegates [0, delegates),
// then the holders who vote their own tokens, then (with
// governance.operators_vote) one voter per operator slot, from opBase on,
// voting the operator's bonded self-stake. Holder i's votes go in equal
// parts to voters hVoter[i*split : (i+1)*split] from day hFrom[i] on (-1:
// they never vote).
type voterSet struct {
	n, delegates, split int
	opBase              int       // the first operator voter; -1: operators do not vote
	logit               []float64 // logit of the turnout propensity
	refuse              []bool    // refuses every bribe
	power               []int64   // voting power at the last count
	stakedPower         []int64   // the staked part of it (interest.go)
	granteePower        []int64   // the part of it grantees hold (interest.go)
	grantsKind          int32     // the holder type of grantees; -1: none
	pMal                []float64 // turnout probability on a malicious proposal
	bribed              []bool    // bribed for the attacker's open proposal
	order               []int32   // voters with power by increasing power (ties by index), when sorted
	sorted              []int64   // scratch: powers, decreasing
	keys                []int64   // scratch: sort keys
	isSorted            bool      // order matches the last count
	quotes              []protocol.BribeQuote
	quoteVoter          []int32   // the voter of each quote
	opInterest          []float64 // scratch: each operator voter's own interest in the proposal at its snapshot
	cum                 []float64 // scratch: cumulative delegate popularity
	hVoter              []int32
	hFrom               []int32
	types               []voterType // by holder type index (Params.Holders)
}

// voterType is the voting behaviour of one holder type in this run.
type voterType struct {
	b       VoterBehaviour
	turnout sampler
}

// resetVoters draws the delegates and each holder's role in governance.
func (g *governance) resetVoters() error {
	p := &g.p.Governance
	vs := &g.vs
	r := g.r
	h := g.env.holderView()
	n, nd := len(h.kind), p.Delegates
	ops := 0
	if p.OperatorsVote {
		ops = g.p.Sequencers.MaxOperators
	}
	m := nd + n + ops
	vs.logit = resize(vs.logit, m)
	vs.refuse = resize(vs.refuse, m)
	vs.power = resize(vs.power, m)
	vs.stakedPower = resize(vs.stakedPower, m)
	vs.granteePower = resize(vs.granteePower, m)
	vs.pMal = resize(vs.pMal, m)
	vs.bribed = resize(vs.bribed, m)
	vs.order = resize(vs.order, m)
	vs.sorted = resize(vs.sorted, m+1)
	vs.keys = resize(vs.keys, m)
	vs.quotes = resize(vs.quotes, m)
	vs.quoteVoter = resize(vs.quoteVoter, m)
	vs.cum = resize(vs.cum, nd)
	vs.opInterest = resize(vs.opInterest, ops)
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
	// Each holder type's voting behaviour, by the type's index: the loop
	// below looks it up by integer, not by name.
	hs := &g.p.Holders
	vs.types = resize(vs.types, hs.Len())
	grants := int32(hs.Index(string(HolderGrants))) // -1: no grantees
	vs.grantsKind = grants
	for k := range hs.Len() {
		b, ok := p.Voters.Get(hs.Key(k))
		if !ok {
			return fmt.Errorf("agents: holder type %q has no voting behaviour (governance.voters.%s)", hs.Key(k), hs.Key(k))
		}
		t := &vs.types[k]
		t.b = b
		if t.turnout, err = newSampler(b.Turnout); err != nil {
			return err
		}
	}
	g.grantees = g.grantees[:0]
	horizon := g.p.Simulation.HorizonDays + 1
	for i := range n {
		k := h.kind[i]
		if k == grants {
			g.grantees = append(g.grantees, int32(i))
		}
		b := &vs.types[k].b
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
			vs.logit[v] = logit(vs.types[k].turnout.Rand(r))
			vs.refuse[v] = r.Float64() < p.BribeRefusal
			for j := range hv {
				hv[j] = int32(v)
			}
			vs.hFrom[i] = from
		}
	}
	// Operators vote their own stake, one voter per slot (drawn after the
	// holders, so the holders' draws do not depend on the switch).
	vs.opBase = -1
	if ops > 0 {
		os, err := newSampler(p.OperatorTurnout)
		if err != nil {
			return err
		}
		vs.opBase = vs.n
		for v := vs.n; v < vs.n+ops; v++ {
			vs.logit[v] = logit(os.Rand(r))
			vs.refuse[v] = r.Float64() < p.BribeRefusal
		}
		vs.n += ops
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

// snapshot fixes the voting power of proposal pr and draws the honest
// votes; the attacker's own votes, term-borrowed votes and bribed votes
// count here.
func (g *governance) snapshot(pr *proposal) {
	vs := &g.vs
	p := &g.p.Governance
	r := g.r
	// An ordinary proposal moves each voter's support by its interest
	// (interest.go), which reads the staked and grantees' parts of power.
	interest := !pr.kind.malicious() && p.InterestWeight > 0
	g.countVotes(interest)
	pr.stage = stageVoting
	pr.votable = g.votable
	pr.tally = protocol.Tally{Quorum: g.gov.QuorumVotes(g.votable)}
	clear(vs.bribed[:vs.n])
	if pr.byAttack {
		g.env.attackerAtSnapshot(pr)
	}
	contested := 1.0
	if !pr.kind.malicious() {
		contested = 1 - math.Abs(2*pr.support-1)
	} else {
		pr.stakes = 1
	}
	shift := p.TurnoutStakes*(pr.stakes-0.5) + p.TurnoutContest*(contested-0.5)
	var base float64
	var du yieldChange
	if interest {
		base = logit(pr.support)
		du = g.env.interest(pr)
		if vs.opBase >= 0 { // each operator's own interest, as one column
			g.env.operatorInterests(pr, vs.opInterest)
		}
	}
	for v, x := range vs.power[:vs.n] {
		// Two draws per voter, used or not (turnout, then the vote), so
		// that the draws stay in step across designs run on common random
		// numbers (docs/model.md §19).
		uTurnout, uVote := r.Float64(), r.Float64()
		if x == 0 {
			continue
		}
		if vs.bribed[v] {
			pr.tally.For += x
			pr.cast += x
			pr.noteVote(x)
			continue
		}
		if uTurnout >= protocol.Logistic(vs.logit[v]+shift) {
			continue
		}
		pr.cast += x
		pr.noteVote(x)
		yes := pr.support
		if pr.kind.malicious() {
			yes = p.Deception
		} else if interest {
			u := du.of(float64(vs.stakedPower[v])/float64(x), float64(vs.granteePower[v])/float64(x))
			if vs.opBase >= 0 && v >= vs.opBase {
				u += vs.opInterest[v-vs.opBase]
			}
			yes = protocol.Logistic(base + p.InterestWeight*u)
		}
		if uVote < yes {
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
