package agents

import (
	"fmt"

	"github.com/seqsim/seqsim/agents/protocol"
)

// slash takes the share frac of operator k's slashable stake: its bonded
// self-stake, its self-stake in cooldown and, with
// slashing.slash_delegators, every delegation position with it, bonded or
// unbonding (the seed guide: unbonding stake "remain[s] slashable"; Cosmos
// SDK x/slashing does the same); other positions of the same agents keep
// their tokens. Each part is rounded down in exact integer
// arithmetic (protocol.FracOf). The total is split between burn, treasury
// and the challenger (slashing.split); the challenger's tokens are returned
// so that the caller can credit whoever proved the offence. The operator is
// then jailed for jailDays or, with remove, tombstoned.
//
// Slashes are rare events, so walking all positions here costs nothing per
// step; the lazy reward indices stay exact because each position is
// settled before its stake changes.
func (sq *sequencing) slash(k int, frac float64, jailDays int, remove bool) (total, toChallenger int64) {
	o := &sq.ops
	sq.settleOperator(k)
	x := protocol.FracOf(o.self[k], frac)
	o.self[k] -= x
	o.totSelf -= x
	total += x
	x = protocol.FracOf(o.unbond[k], frac)
	o.unbond[k] -= x
	o.totUnbond -= x
	total += x
	if sq.p.Slashing.SlashDelegators {
		bonded, unbonding := sq.env.slashDelegators(k, frac)
		o.deleg[k] -= bonded
		total += bonded + unbonding
	}
	toChallenger = sq.env.splitSlash(total)
	sq.tot.slashed += total
	if sq.env.tracing() { // names and details are formatted only for a replay
		sq.env.event("slash", operatorName(k), protocol.Tokens(total), "tokens", fmt.Sprintf("penalty %g, jail %d days, removed %v", frac, jailDays, remove))
	}

	// The record: a slash of penalty frac counts as frac*slash_weight
	// offence days.
	a := frac * sq.p.Staking.SlashWeight / max(sq.p.Staking.RecordDays, 1)
	o.record[k] += min(a, 1) * (1 - o.record[k])
	o.badDay[k] = true
	if jailDays > 0 {
		o.jailUntil[k] = int32(max(int(o.jailUntil[k]), sq.day+jailDays))
		o.benched[k] = true
	}
	if remove && o.status[k] == opBonded {
		sq.leave(k, opRemoved)
		o.benched[k] = true
	}
	return total, toChallenger
}
