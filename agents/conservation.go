package agents

import "fmt"

// coreAccounts are the token balances of the built-in model: holders
// (liquid, delegated, unbonding, locked), outside traders, the treasury,
// the pool, the reward pool, burned tokens, operators (bonded self-stake,
// self-stake in cooldown, unsold earnings), challengers, the attacker
// (its operator's stake is with the operators') and the proposal deposits
// locked while their votes run. The mechanisms' accounts
// follow them in the ledger.
func (w *World) coreAccounts() []namedAccount {
	opSelf, opUnbond, opLiquid := w.operatorAccounts()
	trTokens, _ := w.treasuryAccounts()
	outside, poolTokens, _ := w.marketAccounts()
	return []namedAccount{
		{"holders' liquid tokens", &w.totLiquid}, {"outside traders", outside},
		{"holders' stake", &w.totStaked}, {"holders' unbonding stake", &w.totUnbonding},
		{"locked (vesting)", w.lockedAccount()}, {"treasury", trTokens},
		{"pool", poolTokens}, {"reward pool", &w.rewardPool}, {"burned", &w.burned},
		{"operators' self-stake", opSelf}, {"operators' unbonding self-stake", opUnbond},
		{"operators' earnings", opLiquid}, {"challengers", &w.challengerTokens},
		{"attacker", w.attackerTokens()}, {"proposal deposits", w.proposalDeposits()},
	}
}

// checkConservation verifies that every token minted is in exactly one
// account of the ledger, burned included, and that no account is
// negative. Cheap (aggregates only) and always on; a full per-agent
// recount runs at the end of each run.
func (w *World) checkConservation() {
	var places int64
	for _, a := range w.accounts {
		if *a.bal < 0 {
			panic(fmt.Sprintf("agents: negative balance on day %d: %s holds %d", w.day, a.name, *a.bal))
		}
		places += *a.bal
	}
	if places != w.supply0+w.minted {
		panic(fmt.Sprintf("agents: conservation broken on day %d: places %d, minted %d (diff %d)",
			w.day, places, w.supply0+w.minted, places-w.supply0-w.minted))
	}
	if w.poolTokens() <= 0 {
		panic(fmt.Sprintf("agents: the pool holds no tokens on day %d", w.day))
	}
	if msg := w.usd.check(); msg != "" {
		panic(fmt.Sprintf("agents: USD conservation broken on day %d: %s", w.day, msg))
	}
}

// recount checks the per-agent balances against the aggregates.
func (w *World) recount() {
	h := &w.h
	var liq, st, ub, lk int64
	deleg := w.recountBuffer()
	for i := range h.len() {
		if h.liquid[i] < 0 || h.staked[i] < 0 || h.unbonding[i] < 0 || h.locked[i] < 0 {
			panic(fmt.Sprintf("agents: agent %d has a negative balance on day %d", i, w.day))
		}
		var pst, pub int64
		for p := i * h.npos; p < (i+1)*h.npos; p++ {
			if h.posStaked[p] < 0 || h.posUnbond[p] < 0 {
				panic(fmt.Sprintf("agents: agent %d has a negative balance in position %d on day %d", i, p-i*h.npos, w.day))
			}
			if !w.plainStaking && ((h.posStaked[p] > 0) != (h.op[p] >= 0) || (h.posUnbond[p] > 0) != (h.unbondOp[p] >= 0)) {
				panic(fmt.Sprintf("agents: agent %d has stake without an operator (or an operator without stake) in position %d on day %d", i, p-i*h.npos, w.day))
			}
			if h.op[p] >= 0 {
				deleg[h.op[p]] += h.posStaked[p]
			}
			pst += h.posStaked[p]
			pub += h.posUnbond[p]
		}
		// Without operators the stake is one balance, h.staked, and the
		// positions hold only its cooldown (reviewPlain).
		if (!w.plainStaking && pst != h.staked[i]) || pub != h.unbonding[i] {
			panic(fmt.Sprintf("agents: agent %d's positions hold %d staked and %d unbonding, its totals %d and %d, on day %d",
				i, pst, pub, h.staked[i], h.unbonding[i], w.day))
		}
		liq += h.liquid[i]
		st += h.staked[i]
		ub += h.unbonding[i]
		lk += h.locked[i]
	}
	w.recountOperators(deleg)
	if liq != w.totLiquid || st != w.totStaked || ub != w.totUnbonding || lk+w.treasuryLocked() != w.lockedTokens() {
		panic(fmt.Sprintf("agents: per-agent recount differs from totals on day %d", w.day))
	}
}
