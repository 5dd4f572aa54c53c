package agents

// Voting power: who holds how much of it at a count (delegates, self-voting
// holders, operators, the attacker), the votable supply, what a malicious
// proposal may expect, and the voters in order of power.

import (
	"cmp"
	"math/bits"
	"slices"
)

// countVotes measures every voter's power today, the votable supply and
// the attacker's own voting power, and what a malicious proposal may
// expect: the votes against and for (deceived voters) and the turnout.
// With shares it also counts the staked and the grantees' parts of each
// voter's power (stakedPower, granteePower), which only the snapshot of a
// proposal whose voters weigh their interest reads: the other counts (a
// proposer's draw, the attacker's review, the measurements) skip that
// work, and those parts keep the values of the last count with shares.
func (g *governance) countVotes(shares bool) {
	vs := &g.vs
	h := g.env.holderView()
	pw, sp, gp := vs.power[:vs.n], vs.stakedPower[:vs.n], vs.granteePower[:vs.n]
	clear(pw)
	if shares {
		clear(sp)
		clear(gp)
	}
	var votable int64
	k := int64(vs.split)
	n := len(h.kind)
	hv, hf := vs.hVoter[:n*vs.split], vs.hFrom[:n]
	kind := h.kind[:n]
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
		if int(hf[i]) > g.day || x == 0 {
			continue
		}
		first, part := splitPower(x, k, shift)
		voters := hv[i*vs.split : (i+1)*vs.split]
		if v := voters[0]; v >= 0 {
			pw[v] += first // the rounding remainder goes to the first
		}
		for _, v := range voters[1:] {
			if v >= 0 {
				pw[v] += part
			}
		}
	}
	if shares {
		// A second pass, so that the common count (without shares) keeps
		// its loop small: the sums are of integers, so their order does not
		// matter.
		for i := range hf {
			x := liquid[i] + staked[i] + unbonding[i]
			if int(hf[i]) > g.day || x == 0 {
				continue
			}
			voters := hv[i*vs.split : (i+1)*vs.split]
			sFirst, sPart := splitPower(staked[i], k, shift)
			if v := voters[0]; v >= 0 {
				sp[v] += sFirst
			}
			for _, v := range voters[1:] {
				if v >= 0 {
					sp[v] += sPart
				}
			}
			if kind[i] == vs.grantsKind { // a grantee's power, in the same parts
				first, part := splitPower(x, k, shift)
				if v := voters[0]; v >= 0 {
					gp[v] += first
				}
				for _, v := range voters[1:] {
					if v >= 0 {
						gp[v] += part
					}
				}
			}
		}
	}
	attTokens, attOp := g.env.attackerHoldings()
	if vs.opBase >= 0 { // operators vote their bonded self-stake (not the attacker's)
		o := g.env.operatorVotes()
		for k := range o.n {
			if o.status[k] != opBonded || k == attOp {
				continue
			}
			x := o.self[k]
			pw[vs.opBase+k] = x
			if shares {
				sp[vs.opBase+k] = x
			}
			votable += x
		}
	}
	g.attPower = attTokens
	if attOp >= 0 {
		g.attPower += g.env.operatorVotes().self[attOp]
	}
	g.votable = votable + g.env.outsideTokens() + g.attPower
	var t float64
	for v, x := range pw {
		t += vs.pMal[v] * float64(x)
	}
	dec := g.p.Governance.Deception
	g.expAgainst, g.expFor, g.expTurnout = t*(1-dec), t*dec, t
	vs.isSorted = false
}

// splitPower splits x micro-tokens of voting power (x >= 0) over k
// voters: each gets part = x/k, by a shift when shift >= 0 (k = 2^shift),
// and the first also the rounding remainder.
func splitPower(x, k int64, shift int) (first, part int64) {
	if shift >= 0 {
		part = x >> shift
	} else {
		part = x / k
	}
	return x - part*(k-1), part
}

// sortVoters lists the voters with power by increasing power in
// vs.order, once per count. For speed it sorts plain integer keys: the
// power rounded down to 2^voterBits micro-tokens (about a token) with the
// voter's index in the low bits, so the order is deterministic, and exact
// but for voters within a token of each other, who are ordered by index.
func (g *governance) sortVoters() []int32 {
	vs := &g.vs
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
