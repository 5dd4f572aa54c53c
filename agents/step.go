package agents

// actHolders is the per-agent pass of one round: sells (regular, or daily
// ahead of a cliff for pre-sellers) and, on an agent's review day, staking
// decisions. It is the model's hot loop, written for speed with the same
// draws and the same swaps as the plain reading of the rules (DESIGN.md,
// "Speed"):
//
//   - balances stay in local slices and totals in locals, written back
//     after the pass: a store through w would be reloaded after every call;
//   - the market stream's generator is a local copy of its rand.PCG,
//     written back around the calls that draw from it: through the pointer
//     in w its state is reloaded after every store of the pass;
//   - the per-agent choices are branch-free selects: whether an agent sells
//     (a coin at its sell probability) and whether it stakes (its
//     reservation yield against the APR, true for about half the agents)
//     are data the branch predictor cannot learn;
//   - the sells go to the pool after the pass, in agent order. Nothing an
//     agent decides depends on the pool or on the day's sales (the APR
//     signal is yesterday's, and review reads neither), so the pool sees
//     the same swaps in the same order and the running totals add the same
//     numbers in the same order;
//   - on days when no holder has a balance under plain staking (before the
//     first unlock) there is nothing to do but advance the market stream by
//     the round's coins, which every agent draws (docs/model.md §19).
func (w *World) actHolders(round, rounds int) {
	h := &w.h
	if w.plainStaking && w.totLiquid == 0 && w.totStaked == 0 {
		// Every holder's liquid and staked balances are zero: nothing to
		// do but the coins, drawn all the same to keep the stream in step.
		pcg := w.streams.marketPCG
		for i := round; i < len(h.liquid); i += rounds {
			pcg.Uint64()
		}
		w.streams.marketPCG = pcg
		return
	}
	review := max(w.p.Staking.ReviewDays, 1)
	inPresell := w.inPresellWindow()
	// Plain staking without a cooldown moves the whole balance at once:
	// decided here by a select instead of through review (reviewPlain).
	instant := w.plainStaking && w.p.Staking.CooldownDays == 0
	pcg := w.streams.marketPCG // written back below
	n := len(h.liquid)
	liquid, staked := h.liquid[:n], h.staked[:n]
	sellProb, sellFrac, resYield, presellers := h.sellProb[:n], h.sellFrac[:n], h.resYield[:n], h.presell[:n]
	sells := h.sells[:n]
	apr := w.aprSignal
	var dStaked int64
	k := 0
	// Agent i reviews on days with (day+i) % review == 0: phase is that
	// remainder, advanced by the stride instead of divided per agent.
	phase, stride := (w.day+round)%review, rounds%review
	if instant && review == 1 {
		// Every agent reviews every day, without a call: the loop keeps
		// its state in registers.
		for i := round; i < n; i += rounds {
			presell := inPresell && presellers[i]
			// The coin (rand.Rand.Float64) is drawn by every agent every
			// round, used or not: the draws of agent i stay the same
			// whatever its balance, so two designs run on common random
			// numbers stay in step (docs/model.md §19).
			l := liquid[i]
			u := float64(pcg.Uint64()<<11>>11) / (1 << 53)
			sell := presell || (l > 0 && u < sellProb[i])
			l, sells[k] = sellStep(l, sellFrac[i], sell)
			k += int(uint64(-sells[k]) >> 63) // keep it iff it sold
			s := staked[i]
			l, s2 := stakeAllOrNothing(l, s, apr >= resYield[i], presell)
			liquid[i], staked[i] = l, s2
			dStaked += s2 - s
		}
	} else {
		for i := round; i < n; i += rounds {
			presell := inPresell && presellers[i]
			// The coin (rand.Rand.Float64) is drawn by every agent every
			// round, used or not: the draws of agent i stay the same
			// whatever its balance, so two designs run on common random
			// numbers stay in step (docs/model.md §19).
			l := liquid[i]
			u := float64(pcg.Uint64()<<11>>11) / (1 << 53)
			sell := presell || (l > 0 && u < sellProb[i])
			l, sells[k] = sellStep(l, sellFrac[i], sell)
			k += int(uint64(-sells[k]) >> 63) // keep it iff it sold
			liquid[i] = l
			if phase == 0 {
				if instant {
					s := staked[i]
					l, s2 := stakeAllOrNothing(l, s, apr >= resYield[i], presell)
					liquid[i], staked[i] = l, s2
					dStaked += s2 - s
				} else {
					w.streams.marketPCG = pcg // review may draw
					w.review(i, presell, &w.tradeOps)
					pcg = w.streams.marketPCG
				}
			}
			if phase += stride; phase >= review {
				phase -= review
			}
		}
	}
	w.streams.marketPCG = pcg
	// Each sale is added to the day's running totals in turn: summing the
	// round's sales first would round differently. The market hands its
	// pool and totals over as values for the round, so the loop keeps them
	// in locals (no call per sale).
	pool, sold, net := w.lendPool()
	sold0 := sold
	var soldTokens int64
	for _, dx := range sells[:k] {
		usd := pool.Sell(dx)
		sold += usd
		net += usd
		soldTokens += dx
	}
	w.usd.out(flowHolders, sold-sold0)
	w.returnPool(pool, sold, net)
	// Holders' tokens leave liquid only through the pool and to staked
	// here (review keeps the totals itself).
	w.totLiquid -= soldTokens + dStaked
	w.totStaked += dStaked
}

// sellStep sells an agent's sell fraction of its liquid balance l when
// sell is true: it returns what the agent keeps and what it sells (0 when
// it does not). Branch-free, and small enough to inline in the hot loop.
func sellStep(l int64, frac float64, sell bool) (kept, sold int64) {
	sold = int64(frac * float64(l)) // >= 0
	if !sell {
		sold = 0
	}
	return l - sold, sold
}

// stakeAllOrNothing is reviewPlain without a cooldown, on an agent's liquid
// and staked balances: everything is staked when the APR signal clears the
// agent's reservation yield (stake) and it is not pre-selling a cliff, and
// otherwise the stake returns to liquid at once. It is branch-free (the
// choice is a mask) for the hot loop; TestHolderPassEqualsRules holds it
// to reviewPlain.
func stakeAllOrNothing(liquid, staked int64, stake, presell bool) (newLiquid, newStaked int64) {
	tot := liquid + staked
	var mask int64 // all ones if the agent stakes
	if stake {
		mask = -1
	}
	if presell {
		mask = 0
	}
	return tot - tot&mask, tot & mask
}

// inPresellWindow reports whether today lies within presell_days before a
// cliff. One window length per run: the largest presell_days of any type.
func (w *World) inPresellWindow() bool {
	days := w.h.presellDays
	for _, c := range w.cliffs {
		if w.day < c && w.day >= c-days {
			return true
		}
	}
	return false
}
