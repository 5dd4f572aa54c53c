package agents

import (
	"math"

	"github.com/seqsim/seqsim/agents/protocol"
)

// emit mints today's emission into the reward pool; distributeRewards
// credits it to the operators who worked today.
func (w *World) emit() {
	supply := w.supply0 + w.minted - w.burned
	m := w.emission.MintedOn(w.day, supply, w.totStaked+w.operatorSelfStake())
	w.mintedToday, w.emitStakers = m, m
	if m == 0 {
		return
	}
	w.minted += m
	w.rewardPool += m
}

// release moves vested tokens from locked to liquid (or to the treasury) on
// the days a schedule releases something: an event, not a daily poll.
func (w *World) release(day int) {
	h := &w.h
	for ai := range w.allocs {
		a := &w.allocs[ai]
		if !a.schedule.ReleasesOn(day) {
			continue
		}
		if a.treasury {
			rel := a.schedule.ReleasedAt(a.total, day) - a.released
			a.released += rel
			w.totLocked -= rel
			w.toTreasury(rel)
			continue
		}
		f := a.schedule.ReleasedFracAt(day) // once per allocation, not per agent
		// Local slices and total: one bounds check per slice, and no
		// store through w per agent.
		granted, locked, liquid := h.granted[a.start:a.end], h.locked[a.start:a.end], h.liquid[a.start:a.end]
		locked, liquid = locked[:len(granted)], liquid[:len(granted)]
		var released int64
		for i, g := range granted {
			rel := protocol.ReleasedAtFrac(g, f) - (g - locked[i])
			locked[i] -= rel
			liquid[i] += rel
			released += rel
		}
		w.totLocked -= released
		w.totLiquid += released
		if w.trace != nil {
			w.event("unlock", w.p.Allocations[ai].Name, protocol.Tokens(released), "tokens", "")
		}
	}
}

// demand advances the fee-revenue and market-value processes (geometric
// Brownian motions; the value process also jumps at market-wide shocks).
func (w *World) demand() {
	r := w.streams.demand
	const dt = 1.0 / 365
	f := &w.p.Fees
	w.logFee += (f.GrowthAnnual-f.VolAnnual*f.VolAnnual/2)*dt + f.VolAnnual*math.Sqrt(dt)*r.NormFloat64()
	w.feeUSD = f.AnnualRevenueUSD * dt * math.Exp(w.logFee)
	m := &w.p.Market
	w.logValue += (m.ValueDriftAnnual-m.ValueVolAnnual*m.ValueVolAnnual/2)*dt + m.ValueVolAnnual*math.Sqrt(dt)*r.NormFloat64()
	if m.ShockRatePerYear > 0 && r.Float64() < m.ShockRatePerYear*dt {
		jump := m.ShockMean + m.ShockSD*r.NormFloat64()
		w.logValue += jump
		w.event("shock", "market", jump, "log return", "market-wide shock to the demand-side market cap")
	}
}

// distributeFees splits today's net sequencer profit: the stakers' share is
// paid out in USD through the operators (it feeds the APR signal, and
// operators keep their commission), the treasury keeps its share, and the
// burn share buys tokens on the pool and destroys them. It returns the
// stakers' share.
func (w *World) distributeFees() float64 {
	micro := int64(w.feeUSD * 1e6)
	w.usd.in(flowFeeRevenue, float64(micro)/1e6)
	s, t, b := w.feeSplit.Split(micro)
	w.stakerUSDToday = float64(s) / 1e6
	w.toTreasuryUSD(float64(t) / 1e6)
	if b > 0 {
		got := w.buy(float64(b) / 1e6)
		w.burned += got
		// The bought tokens leave the pool and are destroyed: conservation
		// holds because pool.Tokens fell by exactly got.
	}
	return w.stakerUSDToday
}

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
	ops := w.operatorColumns() // taken once: the active set is today's for the whole pass
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
					w.review(i, presell, &ops)
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

// holderCashFlow is the USD a day that reaches holders at today's fee
// revenue: the stakers' share and the burn buyback (the y of
// protocol.Valuation). The treasury's share is not counted: it pays the
// treasury's spending, which the model sells on the market.
func (w *World) holderCashFlow() float64 {
	return w.feeUSD * (w.feeSplit.Stakers + w.feeSplit.Burn)
}

// updateAPR folds today's realised staking yield into the smoothed signal:
// what was paid to stake today (the stakers' fee share and the emission
// credited, before commission) over the value bonded, both at the pool
// price when the rewards were paid.
// Nothing has been paid before day 1, so the signal starts at 0 and rises
// toward the realised yield with the smoothing's time constant: holders
// learn what staking pays over weeks, not on day 1. The realised yield is
// capped at staking.max_apr_signal, since a yield over a tiny stake is no
// guide to what a new staker would earn.
func (w *World) updateAPR() {
	st := w.p.Staking
	if st.APRModel == APRBudget {
		staked := max(protocol.Tokens(w.totStaked+w.operatorSelfStake()), st.APRFloorStakeTokens)
		w.aprSignal = min(st.MaxAPRSignal, st.APRBudgetTokensPerYear/staked)
		return
	}
	var apr float64
	if bonded := w.totStaked + w.operatorSelfStake(); bonded > 0 {
		stake := protocol.Tokens(bonded) * w.rewardPrice // the price the rewards were valued at
		apr = min(w.paidUSDToday*365/stake, st.MaxAPRSignal)
		w.paidUSDTotal += w.paidUSDToday
		w.stakeUSDTotal += stake
	}
	alpha := 1.0
	if st.APRSmoothingDays > 1 {
		alpha = 1 / st.APRSmoothingDays
	}
	w.aprSignal += alpha * (apr - w.aprSignal)
}

// distributeRewards pays today's emission left for stakers and the
// stakers' fee share (USD) to the active operators, through their
// commission (sequencing.go): the commission leaves the reward pool now,
// the rest when each stake settles, and the USD is paid out to the same
// stake the same day (flowCommission, flowStakers). Emission is minted
// into the reward pool in emit; without active operators it waits there,
// and the stakers' fee share, which nobody earned, goes to the treasury.
func (w *World) distributeRewards(stakerUSD float64) {
	w.paidUSDToday, w.rewardPrice = 0, w.price()
	m := min(w.emitStakers, w.rewardPool)
	com, comUSD, ok := w.payOperators(m, stakerUSD, w.rewardPrice)
	if !ok {
		w.toTreasuryUSD(stakerUSD)
		return
	}
	w.rewardPool -= com
	w.usd.out(flowCommission, comUSD)
	w.usd.out(flowStakers, stakerUSD-comUSD)
	w.paidUSDToday = stakerUSD + protocol.Tokens(m)*w.rewardPrice
}
