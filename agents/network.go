package agents

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/seqsim/seqsim/agents/protocol"
)

// sequencing is the sequencer network of one run, a component of the
// built-in model (model.go wires it): the operators (operators.go), the
// active set (activeset.go), the batches and the rewards through
// commission (sequencing.go), offences (offences.go) and slashing
// (slashing.go). It reaches the pool, the reward pool, the treasury, the
// holders' delegation positions, the governed parameters, churn and the
// attacker only through sequencingEnv (shared_sequencing.go). The holders'
// delegation positions are the holders' (delegation.go): they read the
// operators' columns through opColumns, once a pass, and keep the
// operators' delegated stake column.
type sequencing struct {
	p   *Params       // this run's parameters (read-only)
	env sequencingEnv // the rest of the model
	r   *rand.Rand    // the network stream: operators' draws at entry, offences
	day int           // today: set by each call of the wiring that can reach a day

	ops operators     // sequencer operators (operators.go)
	net network       // active set, batches and the day's network state
	tot networkTotals // run totals of slashing and liveness failures

	stakeScratch []int64 // scratch of stakeAgainst
}

// reset starts a run of p on day with the network stream r: it creates
// the launch operators. Their self-stake comes from
// the treasury (an assumption: launch operators acquire stake off-market,
// as from a foundation's delegation programme, so the launch price stays
// as configured); entrants later buy theirs on the AMM. Either way
// conservation needs no new source of tokens.
func (sq *sequencing) reset(params *Params, r *rand.Rand, env sequencingEnv, day int) error {
	sq.p, sq.r, sq.env, sq.day = params, r, env, day
	p := &sq.p.Sequencers
	o := &sq.ops
	m := max(p.MaxOperators, p.Operators) + 1 // one slot kept for the attacker's operator (attacker.go)
	o.reset(m)
	var err error
	if o.selfStake, err = newSampler(p.SelfStake); err != nil {
		return fmt.Errorf("agents: sequencers.self_stake: %w", err)
	}
	if o.commissionS, err = newSampler(p.Commission); err != nil {
		return fmt.Errorf("agents: sequencers.commission: %w", err)
	}
	if o.cost, err = newSampler(p.OperatingCostUSD); err != nil {
		return fmt.Errorf("agents: sequencers.operating_cost_usd: %w", err)
	}
	if o.edgeS, err = newSampler(p.AuctionEdge); err != nil {
		return fmt.Errorf("agents: sequencers.auction_edge: %w", err)
	}
	s := &sq.p.Slashing
	for i, off := range [numOffences]*Offence{&s.Liveness, &s.DoubleSign, &s.Withholding} {
		if o.rateS[i], err = newSampler(off.RatePerYear); err != nil {
			return fmt.Errorf("agents: slashing offence rate: %w", err)
		}
	}
	n := &sq.net
	n.act = growInts(n.act, m)
	n.actStake = growInt64s(n.actStake, m)
	n.online = growInts(n.online, m)
	n.prio = resize(n.prio, m)
	n.weight = resize(n.weight, m)
	n.choiceCum = resize(n.choiceCum, m)
	n.batchOp = resize(n.batchOp, p.BatchesPerDay)
	n.nBatches, n.nakamoto3, n.nakamoto2, n.hhi, n.bestScore = 0, 0, 0, 0, 0
	sq.tot = networkTotals{}
	for range p.Operators {
		k := o.n
		sq.drawOperator(k)
		want := sq.env.takeTreasuryTokens(o.self[k])
		o.self[k] = 0
		sq.enterOperator(k)
		o.self[k] = want
		o.totSelf += want
	}
	sq.selectActive()
	return nil
}

func growInts(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, 0, n)
	}
	return s[:0]
}

func growInt64s(s []int64, n int) []int64 {
	if cap(s) < n {
		return make([]int64, 0, n)
	}
	return s[:0]
}

// at sets today for a call through the wiring and returns sq.
func (sq *sequencing) at(day int) *sequencing {
	sq.day = day
	return sq
}

// columns is the operators' columns and today's active set (opColumns).
func (sq *sequencing) columns() opColumns {
	o, n := &sq.ops, &sq.net
	return opColumns{n: o.n, status: o.status, self: o.self, deleg: o.deleg, unbond: o.unbond,
		jailUntil: o.jailUntil, commission: o.commission, record: o.record, rate: o.rate,
		active: o.active, index: o.index, act: n.act, choiceCum: n.choiceCum,
		bestScore: n.bestScore, bestKeep: n.bestKeep}
}

// view is today's operators and batches as the verification game reads
// them (seqView).
func (sq *sequencing) view() seqView {
	o, n := &sq.ops, &sq.net
	return seqView{online: n.online, batchOp: n.batchOp[:n.nBatches], batches: o.batches,
		benched: o.benched, self: o.self, deleg: o.deleg, profit: o.profit}
}

// votes is the operators' columns as governance counts their votes.
func (sq *sequencing) votes() operatorVotes {
	o := &sq.ops
	return operatorVotes{n: o.n, status: o.status, self: o.self}
}

// accounts are the operators' ledger accounts: bonded self-stake,
// self-stake in cooldown, unsold earnings.
func (sq *sequencing) accounts() (self, unbond, liquid *int64) {
	return &sq.ops.totSelf, &sq.ops.totUnbond, &sq.ops.totLiquid
}

// selfStake and unbonding are the operators' bonded self-stake and their
// self-stake in cooldown, micro-tokens.
func (sq *sequencing) selfStake() int64 { return sq.ops.totSelf }
func (sq *sequencing) unbonding() int64 { return sq.ops.totUnbond }

// earn adds usd (negative: a loss) to operator k's income today.
func (sq *sequencing) earn(k int, usd float64) { sq.ops.usdToday[k] += usd }

// slotFree reports whether a slot is free for the attacker's operator.
func (sq *sequencing) slotFree() bool { return sq.ops.n < len(sq.ops.self) }

// bond adds x micro-tokens to operator k's self-stake.
func (sq *sequencing) bond(k int, x int64) {
	sq.settleOperator(k)
	sq.ops.self[k] += x
	sq.ops.totSelf += x
}

// stakeShare is operator k's share of the active stake (false when it is
// not active or nothing is); stakeOf its self-stake, bonded and
// unbonding, micro-tokens; stake its total bonded stake.
func (sq *sequencing) stakeShare(k int) (float64, bool) {
	o := &sq.ops
	if !o.active[k] {
		return 0, false
	}
	var total int64
	for _, s := range sq.net.actStake {
		total += s
	}
	if total <= 0 {
		return 0, false
	}
	return float64(o.stake(k)) / float64(total), true
}
func (sq *sequencing) stakeOf(k int) int64 { return sq.ops.self[k] + sq.ops.unbond[k] }
func (sq *sequencing) stake(k int) int64   { return sq.ops.stake(k) }

// capCommission makes every operator above a new commission cap charge
// the cap.
func (sq *sequencing) capCommission(c float64) {
	o := &sq.ops
	for k := range o.n {
		o.commission[k] = min(o.commission[k], c)
	}
}

// stakeAgainst is the stake an attacker's operator would face in the
// active set from tomorrow, when stake it bonds today first counts (the
// set is chosen at the start of a day): the operators eligible tomorrow
// (bonded, self-stake at least minStake, any jail over by then), the
// largest maxActive of them, its own operator (attOp) aside unless
// fresh. Against today's set instead, a one-day liveness jail of the
// largest operator would price a capture at its rivals' self-stake: a
// set the attacker's stake never meets (docs/model.md §15.6).
func (sq *sequencing) stakeAgainst(fresh bool, attOp int, minStake int64, maxActive int) int64 {
	o := &sq.ops
	st := sq.stakeScratch[:0]
	for k := range o.n {
		if o.status[k] != opBonded || int(o.jailUntil[k]) > sq.day+1 || o.self[k] < minStake || (!fresh && k == attOp) {
			continue
		}
		st = append(st, o.stake(k))
	}
	sq.stakeScratch = st
	slices.Sort(st)
	var sum int64
	for _, x := range st[max(len(st)-maxActive, 0):] {
		sum += x
	}
	return sum
}

// recountBuffer is a cleared scratch column, one entry per operator slot
// in use, for the ledger's recount of delegations.
func (sq *sequencing) recountBuffer() []int64 {
	d := sq.ops.scratch[:sq.ops.n]
	clear(d)
	return d
}

// record writes today's active-set series.
func (sq *sequencing) record(row []float64, c *columns) {
	n := &sq.net
	row[c.sActiveSequencers] = float64(len(n.act))
	row[c.sNakamoto] = float64(n.nakamoto3)
	row[c.sNakamotoHalf] = float64(n.nakamoto2)
	row[c.sHHIStake] = n.hhi
}

// summarise writes the run's slashing and liveness outcomes.
func (sq *sequencing) summarise(out []float64, c *columns) {
	out[c.oTotalSlashed] = protocol.Tokens(sq.tot.slashed)
	out[c.oLivenessFailures] = float64(sq.tot.livenessFailures)
}
