package agents

// review is agent i's staking decision on its review day. It settles its
// rewards, then:
//   - leaves its operator (unbonds, to stake again elsewhere after the
//     cooldown) when the operator is no longer active or its score fell
//     below the best by more than staking.redelegate_gap;
//   - otherwise stakes everything liquid with its operator (or, holding no
//     stake, with an operator chosen by staking.choice_noise logit) when the
//     APR signal after that operator's commission is at least its
//     reservation yield, and it is not pre-selling a cliff;
//   - or starts unbonding everything when it is not.
func (w *World) review(i int, presell bool) {
	if w.plainStaking {
		w.reviewPlain(i, presell)
		return
	}
	h := &w.h
	w.settle(i)
	k := int(h.op[i])
	leave := w.shouldLeave(k)
	if leave && h.unbonding[i] == 0 {
		w.unstake(i)
		return
	}
	if k < 0 && h.liquid[i] > 0 && !presell && w.aprSignal*w.net.bestKeep >= h.resYield[i] {
		k = w.chooseOperator() // only when some operator could pay enough
	}
	o := &w.ops
	switch {
	case k >= 0 && w.aprSignal*(1-o.commission[k]) >= h.resYield[i] && !presell:
		if l := h.liquid[i]; l > 0 && !leave && o.status[k] == opBonded {
			if h.staked[i] == 0 {
				h.op[i] = int16(k)
				h.rewardSnap[i] = o.index[k].Acc
			}
			h.staked[i] += l
			h.liquid[i] = 0
			o.deleg[k] += l
			w.totStaked += l
			w.totLiquid -= l
		}
	case h.staked[i] > 0 && h.unbonding[i] == 0:
		w.unstake(i)
	}
}

// shouldLeave reports whether delegators of operator k move away: it left
// the network (exited or removed), dropped out of the active set for
// another reason than a jail term (outranked, or its self-stake below the
// minimum), or its score is too far below the best. A jail term alone does
// not move them: the slash that caused it already marked the record.
func (w *World) shouldLeave(k int) bool {
	if k < 0 {
		return false
	}
	o := &w.ops
	if o.status[k] != opBonded || (!o.active[k] && int(o.jailUntil[k]) <= w.day) {
		return true
	}
	return o.score(k) < (1-w.p.Staking.RedelegateGap)*w.net.bestScore
}

// chooseOperator draws an active operator from today's logit weights
// (market stream), or returns -1 when there is none.
func (w *World) chooseOperator() int {
	n := &w.net
	if len(n.act) == 0 {
		return -1
	}
	total := n.choiceCum[len(n.act)-1]
	if !(total > 0) {
		return -1
	}
	u := w.streams.market.Float64() * total
	for j, c := range n.choiceCum[:len(n.act)] {
		if u < c {
			return n.act[j]
		}
	}
	return n.act[len(n.act)-1]
}

// settle pays agent i the rewards its stake earned since it last settled,
// from its operator's reward index. It must run before any change of the
// agent's stake.
func (w *World) settle(i int) {
	h := &w.h
	k := h.op[i]
	if k < 0 {
		return
	}
	idx := &w.ops.index[k]
	owed := idx.Owed(h.staked[i], h.rewardSnap[i])
	h.rewardSnap[i] = idx.Acc
	if owed > 0 {
		h.liquid[i] += owed
		w.totLiquid += owed
		w.rewardPool -= owed
	}
}

// unstake moves agent i's stake into unbonding until the cooldown ends (or
// straight to liquid without a cooldown). The unbonding tokens remember
// their operator: they stay slashable for its offences.
func (w *World) unstake(i int) {
	h := &w.h
	w.settle(i)
	s := h.staked[i]
	k := h.op[i]
	h.staked[i] = 0
	h.op[i] = -1
	w.totStaked -= s
	if k >= 0 {
		w.ops.deleg[k] -= s
	}
	cd := w.p.Staking.CooldownDays
	if cd == 0 {
		h.liquid[i] += s
		w.totLiquid += s
		return
	}
	h.unbonding[i] += s
	h.unbondOp[i] = k
	h.unbondEnd[i] = int32(w.day + cd)
	w.totUnbonding += s
	slot := (w.day + cd) % len(w.unbondQueue)
	w.unbondQueue[slot] = append(w.unbondQueue[slot], int32(i))
}

// completeUnbonding releases the cooldowns that end today (an event queue
// keyed by day, so quiet days cost nothing).
func (w *World) completeUnbonding() {
	h := &w.h
	slot := w.day % len(w.unbondQueue)
	for _, i := range w.unbondQueue[slot] {
		if int(h.unbondEnd[i]) != w.day {
			continue
		}
		u := h.unbonding[i]
		h.unbonding[i] = 0
		h.unbondOp[i] = -1
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
		w.unstake(i)
	}
}
