package agents

import "github.com/seqsim/seqsim/agents/protocol"

// review is agent i's staking decision on its review day. It settles the
// rewards of all its delegation positions and splits its liquid tokens
// equally over them (the remainder to the first). Then each position, in
// order, by itself:
//   - leaves its operator (unbonds, to stake again elsewhere after the
//     cooldown) when the operator is no longer active or its score fell
//     below the best by more than staking.redelegate_gap;
//   - otherwise stakes its share with its operator (or, holding no stake,
//     with an operator chosen by staking.choice_noise logit from the
//     position's draw; every position draws once per review, used or not,
//     so that common random numbers stay in step) when the APR signal after that operator's commission
//     is at least the agent's reservation yield, and the agent is not
//     pre-selling a cliff;
//   - or starts unbonding its whole stake when it is not.
//
// A share a position does not stake stays liquid. With one position this
// is the decision of an agent with a single delegation.
func (w *World) review(i int, presell bool, o *opColumns) {
	if w.plainStaking {
		w.reviewPlain(i, presell)
		return
	}
	h := &w.h
	first, end := i*h.npos, (i+1)*h.npos
	for p := first; p < end; p++ {
		if h.op[p] >= 0 { // settle's own test, here to save the call of the positions without an operator
			w.settle(p, o)
		}
	}
	share := h.liquid[i] / int64(h.npos)
	rem := h.liquid[i] - share*int64(h.npos)
	for p := first; p < end; p++ {
		l := share
		if p == first {
			l += rem
		}
		k := int(h.op[p])
		// One draw per position and review, used or not, so that the
		// draws stay in step across designs (common random numbers).
		u := w.streams.market.Float64()
		leave := w.shouldLeave(k, o)
		if leave && h.posUnbond[p] == 0 {
			w.unstake(p, o)
			continue
		}
		if k < 0 && l > 0 && !presell && w.aprSignal*o.bestKeep >= h.resYield[i] {
			k = w.chooseOperatorAt(u, o) // only when some operator could pay enough
		}
		switch {
		case k >= 0 && w.aprSignal*(1-o.commission[k]) >= h.resYield[i] && !presell:
			if l > 0 && !leave && o.status[k] == opBonded {
				if h.posStaked[p] == 0 {
					h.op[p] = int16(k)
					h.rewardSnap[p] = o.index[k].Acc
				}
				h.posStaked[p] += l
				h.staked[i] += l
				h.liquid[i] -= l
				o.deleg[k] += l
				w.totStaked += l
				w.totLiquid -= l
			}
		case h.posStaked[p] > 0 && h.posUnbond[p] == 0:
			w.unstake(p, o)
		}
	}
}

// shouldLeave reports whether delegators of operator k move away: it left
// the network (exited or removed), dropped out of the active set for
// another reason than a jail term (outranked, or its self-stake below the
// minimum), or its score is too far below the best. A jail term alone does
// not move them: the slash that caused it already marked the record.
func (w *World) shouldLeave(k int, o *opColumns) bool {
	if k < 0 {
		return false
	}
	if o.status[k] != opBonded || (!o.active[k] && int(o.jailUntil[k]) <= w.day) {
		return true
	}
	return o.score(k) < (1-w.p.Staking.RedelegateGap)*o.bestScore
}

// chooseOperator draws an active operator from today's logit weights
// (market stream), or returns -1 when there is none.
func (w *World) chooseOperator() int {
	o := w.operatorColumns()
	return w.chooseOperatorAt(w.streams.market.Float64(), &o)
}

// chooseOperatorAt is chooseOperator with its uniform draw u in [0, 1)
// given.
func (w *World) chooseOperatorAt(u float64, n *opColumns) int {
	if len(n.act) == 0 {
		return -1
	}
	total := n.choiceCum[len(n.act)-1]
	if !(total > 0) {
		return -1
	}
	u *= total
	for j, c := range n.choiceCum[:len(n.act)] {
		if u < c {
			return n.act[j]
		}
	}
	return n.act[len(n.act)-1]
}

// settle pays position p the rewards its stake earned since it last
// settled, from its operator's reward index, to its agent's liquid tokens.
// It must run before any change of the position's stake.
func (w *World) settle(p int, o *opColumns) {
	h := &w.h
	k := h.op[p]
	if k < 0 {
		return
	}
	idx := &o.index[k]
	owed := idx.Owed(h.posStaked[p], h.rewardSnap[p])
	h.rewardSnap[p] = idx.Acc
	if owed > 0 {
		h.liquid[p/h.npos] += owed
		w.totLiquid += owed
		w.rewardPool -= owed
	}
}

// unstake moves position p's stake into unbonding until the cooldown ends
// (or straight to liquid without a cooldown). The unbonding tokens remember
// their operator: they stay slashable for its offences.
func (w *World) unstake(p int, o *opColumns) {
	h := &w.h
	w.settle(p, o)
	s := h.posStaked[p]
	k := h.op[p]
	h.posStaked[p] = 0
	h.op[p] = -1
	h.staked[p/h.npos] -= s
	w.totStaked -= s
	if k >= 0 {
		o.deleg[k] -= s
	}
	w.startCooldown(p, s, k)
}

// startCooldown puts s tokens that left operator k (-1: none) into position
// p's unbonding, queued for the day its cooldown ends, or makes them liquid
// at once without a cooldown. The totals of staked tokens are the caller's.
func (w *World) startCooldown(p int, s int64, k int16) {
	h := &w.h
	i := p / h.npos
	cd := w.p.Staking.CooldownDays
	if cd == 0 {
		h.liquid[i] += s
		w.totLiquid += s
		return
	}
	h.posUnbond[p] += s
	h.unbonding[i] += s
	h.unbondOp[p] = k
	h.unbondEnd[p] = int32(w.day + cd)
	w.totUnbonding += s
	slot := (w.day + cd) % len(w.unbondQueue)
	w.unbondQueue[slot] = append(w.unbondQueue[slot], int32(p))
}

// completeUnbonding releases the cooldowns that end today (an event queue
// of positions keyed by day, so quiet days cost nothing).
func (w *World) completeUnbonding() {
	h := &w.h
	slot := w.day % len(w.unbondQueue)
	for _, p := range w.unbondQueue[slot] {
		if int(h.unbondEnd[p]) != w.day {
			continue
		}
		i := int(p) / h.npos
		u := h.posUnbond[p]
		h.posUnbond[p] = 0
		h.unbondOp[p] = -1
		h.unbonding[i] -= u
		h.liquid[i] += u
		w.totUnbonding -= u
		w.totLiquid += u
	}
	w.unbondQueue[slot] = w.unbondQueue[slot][:0]
}

// reviewPlain is the staking decision without sequencer operators (a
// network with sequencers.operators = max_operators = 0, as in the
// unlock-sell benchmark): stake everything liquid when the APR signal is at
// least the agent's reservation yield, otherwise unstake everything.
// Rewards, if any, stay in the reward pool: no operator earns them.
// Without a cooldown actHolders decides it inline (stakeAllOrNothing).
func (w *World) reviewPlain(i int, presell bool) {
	h := &w.h
	switch {
	case w.aprSignal >= h.resYield[i] && !presell:
		if l := h.liquid[i]; l > 0 {
			h.staked[i] += l
			h.liquid[i] = 0
			w.totStaked += l
			w.totLiquid -= l
		}
	case h.staked[i] > 0 && h.unbonding[i] == 0:
		// Without operators the stake is one balance, h.staked (the
		// positions hold none); its cooldown is the first position's.
		s := h.staked[i]
		h.staked[i] = 0
		w.totStaked -= s
		w.startCooldown(i*h.npos, s, -1)
	}
}

// slashDelegators takes the share frac of every delegation position with
// operator k, bonded or unbonding (each settled first, so the lazy reward
// indices stay exact), for the operators' slash (slashing.go), and returns
// the bonded and the unbonding micro-tokens taken.
func (w *World) slashDelegators(k int, frac float64) (bonded, unbonding int64) {
	h := &w.h
	o := w.operatorColumns()
	for p := range h.op {
		i := p / h.npos
		if int(h.op[p]) == k {
			w.settle(p, &o)
			x := protocol.FracOf(h.posStaked[p], frac)
			h.posStaked[p] -= x
			h.staked[i] -= x
			w.totStaked -= x
			bonded += x
			if h.posStaked[p] == 0 {
				h.op[p] = -1
			}
		}
		if int(h.unbondOp[p]) == k {
			x := protocol.FracOf(h.posUnbond[p], frac)
			h.posUnbond[p] -= x
			h.unbonding[i] -= x
			w.totUnbonding -= x
			unbonding += x
			if h.posUnbond[p] == 0 {
				h.unbondOp[p] = -1
			}
		}
	}
	return bonded, unbonding
}

// splitSlash splits total slashed micro-tokens between the burn, the
// treasury and the challenger (slashing.split) and returns the
// challenger's part.
func (w *World) splitSlash(total int64) int64 {
	burn, treasury, challenger := w.slashSplit.Split(total)
	w.burned += burn
	w.toTreasury(treasury)
	w.challengerTokens += challenger
	return challenger
}
