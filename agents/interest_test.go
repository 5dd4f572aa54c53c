package agents

import (
	"math"
	"testing"

	"github.com/seqsim/seqsim/agents/protocol"
)

// The electorates of the interest tests.
const (
	liquidVote    = iota // holders who do not stake
	stakersVote          // holders who stake (delegating to operators)
	operatorsVote        // operators, their own stake
)

// electorate is the baseline world on day 1000 (every holder's delay to
// join governance has passed) with half the holders who hold liquid tokens
// staking all of them, delegated to the active operators in turn; only the
// voters of group who vote (holders through the delegates), and nobody
// needs to reach a quorum.
func electorate(t *testing.T, group int, set func(*Params)) *World {
	t.Helper()
	p := DefaultParams()
	quietGovernance(&p)
	p.Governance.InterestWeight = 1000
	p.Governance.Quorum = 0
	p.Governance.OperatorsVote = group == operatorsVote
	if set != nil {
		set(&p)
	}
	w := newWorld(t, &p)
	w.day = 1000
	h, vs := &w.h, &w.gov.vs
	k := 0
	for i := range h.len() {
		l := h.liquid[i]
		if l == 0 {
			continue
		}
		stakes := k%2 == 0
		k++
		if stakes { // half the holders stake everything
			h.staked[i], h.liquid[i] = l, 0
			w.totStaked += l
			w.totLiquid -= l
			op := w.seq.net.act[k%len(w.seq.net.act)]
			h.op[i] = int16(op)
			w.seq.ops.deleg[op] += l
		}
		vs.hFrom[i] = math.MaxInt32 // does not vote
		if group != operatorsVote && stakes == (group == stakersVote) {
			vs.hFrom[i] = 0
			for j := range vs.split { // votes through the delegates
				vs.hVoter[i*vs.split+j] = int32(j % vs.delegates)
			}
		}
	}
	return w
}

// vote takes pr's snapshot in w and reports whether it passed.
func vote(t *testing.T, w *World, pr *proposal) bool {
	t.Helper()
	w.countVotes(true)
	w.gov.at(w.day).snapshot(pr)
	tl := pr.tally
	if tl.For+tl.Against == 0 {
		t.Fatal("nobody voted")
	}
	return tl.Passed()
}

// A proposal that halves the stakers' share of fees (0.4 → 0.2) and gives
// it to the burn (0.2 → 0.4), before an electorate of stakers and before
// one of holders who do not stake, on a network where half the circulating
// holders' tokens are staked: it fails before the first and passes before
// the second. The yield changes are the closed form of interest.go:
// +365·R·0.2/(C·P) for a token that does not stake, that less
// 365·R·0.2/(S·P) for a staked one.
func TestFeeSplitInterest(t *testing.T) {
	t.Parallel()
	for _, group := range []int{stakersVote, liquidVote} {
		w := electorate(t, group, nil)
		pr := proposal{kind: propFeeSplit, burnSide: true, value: 0.5, support: 0.5, stakes: 0.5}
		after := w.feeSplitAfter(&pr)
		if math.Abs(after.Stakers-0.2) > 1e-15 || math.Abs(after.Burn-0.4) > 1e-15 || after.Treasury != 0.4 {
			t.Fatalf("split after %+v, want stakers 0.2, treasury 0.4, burn 0.4", after)
		}
		y := w.interest(&pr)
		perYear := 365 * w.dem.feeUSD / w.mk.pool.Price()
		c, s := w.circulating(), protocol.Tokens(w.totStaked+w.seq.ops.totSelf)
		if want := perYear * 0.2 / c; math.Abs(y.liquid-want) > 1e-12*want {
			t.Fatalf("liquid holder's yield change %v, want %v", y.liquid, want)
		}
		if want := y.liquid - perYear*0.2/s; math.Abs(y.staked-want) > 1e-12*math.Abs(want) || !(y.staked < 0) {
			t.Fatalf("staker's yield change %v, want %v < 0", y.staked, want)
		}
		if passed := vote(t, w, &pr); passed == (group == stakersVote) {
			t.Errorf("group %d votes: %+v, passed %v", group, pr.tally, passed)
		}
	}
}

// A proposal that doubles the emission (STRK's C, 1.6 → 3.2, the baseline's
// starknet kind) passes before stakers and fails before liquid holders.
// Starknet mints N·C·sqrt(S/N)/100 a year (N the supply, S the stake), so
// the rise is ΔN = N·1.6·sqrt(S/N)/100 more new tokens a year: every token
// loses ΔN/C of its share (C the circulating supply), and a staked token,
// which receives the whole emission on a day the mechanisms take none,
// gains ΔN/S. Here N = 1e10, S ≈ 7.17e8 and C ≈ 1.35e9 tokens: ΔN ≈
// 1.6e8·sqrt(0.0717) ≈ 4.28e7 a year, so a liquid token loses about 3.2%
// a year and a staked one gains about 6.0% − 3.2% = 2.8%: at an interest
// weight of 1000 the logit of support moves by about −32 and +28.
func TestEmissionInterest(t *testing.T) {
	t.Parallel()
	for _, group := range []int{stakersVote, liquidVote} {
		w := electorate(t, group, nil)
		pr := proposal{kind: propEmission, value: 2, support: 0.5, stakes: 0.5}
		y := w.interest(&pr)
		n := protocol.Tokens(w.supply0 + w.minted - w.burned)
		s := protocol.Tokens(w.totStaked + w.seq.ops.totSelf)
		c := w.circulating()
		dn := n * 1.6 * math.Sqrt(s/n) / 100
		// MintedOn rounds each day down to a micro-token: at most 2·365
		// micro-tokens off a year of ΔN, far below 1e-9 of it.
		if want := -dn / c; math.Abs(y.liquid-want) > 1e-9*math.Abs(want) {
			t.Fatalf("liquid holder's yield change %v, want %v", y.liquid, want)
		}
		if want := dn/s - dn/c; math.Abs(y.staked-want) > 1e-9*want || !(want > 0) {
			t.Fatalf("staker's yield change %v, want %v > 0", y.staked, want)
		}
		if passed := vote(t, w, &pr); passed != (group == stakersVote) {
			t.Errorf("group %d votes: %+v, passed %v", group, pr.tally, passed)
		}
	}
}

// Every other kind's change per token, against its closed form on the
// baseline's launch day (interest.go's list).
func TestInterestByKind(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	p.Slashing.SlashDelegators = true
	p.Sequencers.CommissionCap = 0.12
	w := newWorld(t, &p)
	c := w.circulating()
	price := w.mk.pool.Price()
	s := protocol.Tokens(w.totStaked + w.seq.ops.totSelf)
	g := w.granteeTokens()
	if !(g > 0) || !(s > 0) {
		t.Fatalf("grantees hold %v and the stake is %v: want both positive", g, s)
	}
	close := func(name string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-12*math.Abs(want) || (want == 0) != (got == 0) {
			t.Errorf("%s: %v, want %v", name, got, want)
		}
	}

	// A grant of 1% of the treasury: x/C off every token, x/G to a grantee's.
	x := protocol.Tokens(protocol.FracOf(w.tr.tokens, 0.01))
	y := w.interest(&proposal{kind: propGrant, value: 0.01})
	close("grant, liquid", y.liquid, -x/c)
	close("grant, staked", y.staked, -x/c)
	close("grant, grantee", y.grantee, x/g)

	// Budgets up by half: half of 12 months of both budgets leave the
	// treasury (the USD one sold at today's price); half the token budget
	// goes to the grantees.
	tb, ub := p.Treasury.MonthlyBudgetTokens, p.Treasury.MonthlyBudgetUSD
	y = w.interest(&proposal{kind: propBudget, value: 1.5})
	close("budget, liquid", y.liquid, -(6*tb+6*ub/price)/c)
	close("budget, grantee", y.grantee, 6*tb/g)

	// A commission cap from 12% to 6%: a staked token's yield rises by the
	// mean cut, min(c_k, 0.12) - min(c_k, 0.06), times the stakers' yield
	// (weighted by delegations; nothing is delegated at launch, so equal
	// weights).
	var cut, st float64
	for _, k := range w.seq.net.act {
		ck := w.seq.ops.commission[k]
		if ck > 0.12 || w.seq.ops.deleg[k] != 0 {
			t.Fatalf("operator %d charges %v (cap 0.12) with %d delegated at launch", k, ck, w.seq.ops.deleg[k])
		}
		cut += ck - min(ck, 0.06)
		st++
	}
	yield := 365 * (w.dem.feeUSD*w.dem.split.Stakers/price + protocol.Tokens(w.sch.emitStakers)) / s
	y = w.interest(&proposal{kind: propCommissionCap, value: 0.5})
	close("commission cap, staked", y.staked, yield*cut/st)
	close("commission cap, liquid", y.liquid, 0)

	// The liveness penalty doubled (1% → 2%), delegators slashed too: a
	// staked token loses the active operators' mean yearly offences times
	// detection (1) times 1%.
	var rate float64
	for _, k := range w.seq.net.act {
		rate += 365 * w.seq.ops.rate[offLiveness][k]
	}
	rate /= float64(len(w.seq.net.act))
	y = w.interest(&proposal{kind: propLivenessPenalty, value: 2})
	close("liveness penalty, staked", y.staked, -rate*0.01)

	// No holder's cash yield answers to these.
	for _, k := range []propKind{propMinStake, propBond, propInvalidRootPenalty, propQuorum, propThreshold, propActiveSet} {
		if y := w.interest(&proposal{kind: k, value: 2}); y != (yieldChange{}) {
			t.Errorf("%s: %+v, want no change", propKindNames[k], y)
		}
	}
}

// A proposal halving the commission cap (15%, above every commission of
// the baseline's Uniform(5%, 15%), to 7.5%) passes before delegators and
// fails before the operators. A delegated token gains the cut, weighted by
// delegations, times the stakers' yield Y; operator k loses its cut times
// Y·D_k/self_k (D_k delegated to it) and, paying itself no commission,
// gains nothing as a staker. With half the holders' tokens staked the
// delegator's gain is about 5e-4 a year, so the interest weight is raised
// to 1e5 (a logit shift of about 50).
func TestCommissionCapInterest(t *testing.T) {
	t.Parallel()
	set := func(p *Params) {
		p.Sequencers.CommissionCap = 0.15
		p.Governance.InterestWeight = 1e5
	}
	for _, group := range []int{stakersVote, operatorsVote} {
		w := electorate(t, group, set)
		pr := proposal{kind: propCommissionCap, value: 0.5, support: 0.5, stakes: 0.5}
		o := &w.seq.ops
		y := w.stakerYield()
		var cut, deleg float64
		for _, k := range w.seq.net.act {
			d := float64(o.deleg[k])
			cut += d * (o.commission[k] - min(o.commission[k], 0.075))
			deleg += d
		}
		gain := y * cut / deleg
		if got := w.interest(&pr).staked; math.Abs(got-gain) > 1e-12*gain || !(gain > 0) {
			t.Fatalf("delegator's yield change %v, want %v > 0", got, gain)
		}
		losers := 0
		for _, k := range w.seq.net.act {
			self := protocol.Tokens(o.self[k])
			want := -(o.commission[k]-min(o.commission[k], 0.075))*y*protocol.Tokens(o.deleg[k])/self - gain
			got := w.operatorInterestNow(&pr, k)
			if math.Abs(got-want) > 1e-12*math.Abs(want) {
				t.Fatalf("operator %d: %v, want %v", k, got, want)
			}
			if gain+got < 0 {
				losers++
			}
		}
		if losers == 0 {
			t.Fatal("no operator loses by the cut")
		}
		if passed := vote(t, w, &pr); passed != (group == stakersVote) {
			t.Errorf("group %d votes: %+v, passed %v", group, pr.tally, passed)
		}
	}
}

// An operator's own interest (operatorInterest) for the kinds that touch
// its business, against the closed forms on the baseline's launch day
// with half the holders' tokens delegated (electorate): per token of its
// self-stake s_k, with D_k delegated to it, c_k its commission and Y the
// stakers' yield.
func TestOperatorInterestByKind(t *testing.T) {
	t.Parallel()
	w := electorate(t, operatorsVote, nil)
	o, l := &w.seq.ops, &w.live
	y, price := w.stakerYield(), w.mk.pool.Price()
	close := func(name string, k int, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-12*math.Abs(want) || (want == 0) != (got == 0) {
			t.Errorf("%s, operator %d: %v, want %v", name, k, got, want)
		}
	}
	below := 0
	for _, k := range w.seq.net.act {
		s := protocol.Tokens(o.self[k])
		// Minimum stake doubled (50k → 100k tokens): it buys up to it.
		want := -max(100_000-s, 0) / s
		if want < 0 {
			below++
		}
		close("min stake", k, w.operatorInterestNow(&proposal{kind: propMinStake, value: 2}, k), want)
		// Bond up by half ($10.8M → $16.2M): 5% a year on $5.4M.
		close("bond", k, w.operatorInterestNow(&proposal{kind: propBond, value: 1.5}, k), -0.05*5.4e6/(s*price))
		// Active set doubled (10 → 20): its delegations, so its
		// commission c_k·Y·D_k, halve.
		close("active set", k, w.operatorInterestNow(&proposal{kind: propActiveSet, value: 2}, k),
			-0.5*o.commission[k]*y*protocol.Tokens(o.deleg[k])/s)
		// Liveness penalty doubled (1% → 2%): its yearly offences times
		// detection (1) times 1%.
		close("liveness", k, w.operatorInterestNow(&proposal{kind: propLivenessPenalty, value: 2}, k), -365*o.rate[offLiveness][k]*0.01)
		for _, kind := range []propKind{propFeeSplit, propEmission, propGrant, propInvalidRootPenalty, propQuorum, propThreshold, propBudget} {
			if got := w.operatorInterestNow(&proposal{kind: kind, value: 2}, k); got != 0 {
				t.Errorf("%s, operator %d: %v, want 0", propKindNames[kind], k, got)
			}
		}
	}
	if below == 0 {
		t.Error("no operator holds less than 100k: the minimum-stake case is not tested")
	}
	if l.maxActive != 10 || l.fraudSlash != 10.8e6 || protocol.Tokens(l.minStake) != 50_000 {
		t.Fatalf("launch values %d, %v, %v: not the baseline's", l.maxActive, l.fraudSlash, protocol.Tokens(l.minStake))
	}
}
