package agents

import "fmt"

// checkConservation verifies that every token minted is in exactly one
// place or burned: holders (liquid, delegated, unbonding, locked), outside
// traders, the treasury, the pool, the reward pool, operators (bonded
// self-stake, self-stake in cooldown, unsold earnings), challengers and
// the attacker (its operator's stake is with the operators'). Cheap
// (aggregates only) and always on; a full per-agent recount runs at the end
// of each run.
func (w *World) checkConservation() {
	places := w.totLiquid + w.arbTokens + w.totStaked + w.totUnbonding + w.totLocked +
		w.treasuryTokens + w.pool.Tokens + w.rewardPool + w.burned +
		w.ops.totSelf + w.ops.totUnbond + w.ops.totLiquid + w.challengerTokens + w.att.liquid
	if places != w.supply0+w.minted {
		panic(fmt.Sprintf("agents: conservation broken on day %d: places %d, minted %d (diff %d)",
			w.day, places, w.supply0+w.minted, places-w.supply0-w.minted))
	}
	if w.rewardPool < 0 || w.treasuryTokens < 0 || w.arbTokens < 0 || w.pool.Tokens <= 0 ||
		w.ops.totSelf < 0 || w.ops.totUnbond < 0 || w.ops.totLiquid < 0 || w.challengerTokens < 0 || w.att.liquid < 0 {
		panic(fmt.Sprintf("agents: negative balance on day %d", w.day))
	}
}

// recount checks the per-agent balances against the aggregates.
func (w *World) recount() {
	h := &w.h
	var liq, st, ub, lk int64
	deleg := w.ops.scratch[:w.ops.n]
	clear(deleg)
	for i := range h.len() {
		if h.liquid[i] < 0 || h.staked[i] < 0 || h.unbonding[i] < 0 || h.locked[i] < 0 {
			panic(fmt.Sprintf("agents: agent %d has a negative balance on day %d", i, w.day))
		}
		if !w.plainStaking && ((h.staked[i] > 0) != (h.op[i] >= 0) || (h.unbonding[i] > 0) != (h.unbondOp[i] >= 0)) {
			panic(fmt.Sprintf("agents: agent %d has stake without an operator (or an operator without stake) on day %d", i, w.day))
		}
		if h.op[i] >= 0 {
			deleg[h.op[i]] += h.staked[i]
		}
		liq += h.liquid[i]
		st += h.staked[i]
		ub += h.unbonding[i]
		lk += h.locked[i]
	}
	w.recountOperators(deleg)
	var tl int64
	for _, a := range w.allocs {
		if a.treasury {
			tl += a.total - a.released
		}
	}
	if liq != w.totLiquid || st != w.totStaked || ub != w.totUnbonding || lk+tl != w.totLocked {
		panic(fmt.Sprintf("agents: per-agent recount differs from totals on day %d", w.day))
	}
}
