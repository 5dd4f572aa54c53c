package agents

import (
	"fmt"

	"github.com/seqsim/seqsim/agents/protocol"
)

// opStatus is an operator's standing in the network.
type opStatus uint8

const (
	opBonded  opStatus = iota // in the network; active when eligible and large enough
	opExited                  // left because it did not pay; its self-stake unbonds
	opRemoved                 // tombstoned after a slash; its self-stake unbonds
)

// Offence kinds, indexing operators.rate.
const (
	offLiveness = iota
	offDoubleSign
	offWithholding
	numOffences
)

// operators is the state of the sequencer operators as a struct of slices
// (STYLE.md, "Hot loop"): index k is one operator. Slots are never reused
// within a run, so a delegation's operator index stays valid after the
// operator leaves; there are at most sequencers.max_operators slots, sized
// once per run. Balances are micro-tokens.
type operators struct {
	n      int // slots in use: launch operators plus entrants
	status []opStatus
	self   []int64 // bonded self-stake
	deleg  []int64 // stake delegated by holders (bonded)
	unbond []int64 // self-stake in its cooldown (slashable)
	liquid []int64 // commission and self-stake rewards, sold at the end of the day
	snap   []uint64
	index  []protocol.RewardIndex // rewards per micro-token of self-stake plus delegations

	unbondEnd, jailUntil, entered []int32
	commission, costPerDay, edge  []float64
	rate                          [numOffences][]float64 // probability per day

	prio     []float64 // rotation priority (carried over between days)
	record   []float64 // recent share of offline or slashed days
	profit   []float64 // smoothed profit, USD/day
	usdToday []float64 // revenue today, USD
	active   []bool    // in today's active set
	offline  []bool    // missing its slots today (liveness failure)
	badDay   []bool    // offline or slashed today (for the record)
	benched  []bool    // jailed or removed during today's batches: posts honestly
	batches  []int32   // batches posted today
	scratch  []int64   // recount buffer

	totSelf, totUnbond, totLiquid int64

	selfStake, commissionS, cost, edgeS sampler
	rateS                               [numOffences]sampler
}

func (o *operators) reset(m int) {
	o.n = 0
	o.status = resize(o.status, m)
	o.self = resize(o.self, m)
	o.deleg = resize(o.deleg, m)
	o.unbond = resize(o.unbond, m)
	o.liquid = resize(o.liquid, m)
	o.snap = resize(o.snap, m)
	o.index = resize(o.index, m)
	o.unbondEnd = resize(o.unbondEnd, m)
	o.jailUntil = resize(o.jailUntil, m)
	o.entered = resize(o.entered, m)
	o.commission = resize(o.commission, m)
	o.costPerDay = resize(o.costPerDay, m)
	o.edge = resize(o.edge, m)
	for i := range o.rate {
		o.rate[i] = resize(o.rate[i], m)
	}
	o.prio = resize(o.prio, m)
	o.record = resize(o.record, m)
	o.profit = resize(o.profit, m)
	o.usdToday = resize(o.usdToday, m)
	o.active = resize(o.active, m)
	o.offline = resize(o.offline, m)
	o.badDay = resize(o.badDay, m)
	o.benched = resize(o.benched, m)
	o.batches = resize(o.batches, m)
	o.scratch = resize(o.scratch, m)
	o.totSelf, o.totUnbond, o.totLiquid = 0, 0, 0
}

// stake is operator k's total bonded stake: self plus delegations.
func (o *operators) stake(k int) int64 { return o.self[k] + o.deleg[k] }

// score is what delegators compare: the share of rewards they keep, times
// the operator's recent reliability.
func (o *operators) score(k int) float64 { return operatorScore(o.commission[k], o.record[k]) }

// operatorScore is an operator's score from its commission and record.
func operatorScore(commission, record float64) float64 { return (1 - commission) * (1 - record) }

// network is the day's sequencing state: the active set (sorted by stake,
// largest first), who posts each batch, and stake concentration.
type network struct {
	act       []int     // active operators, by decreasing total stake
	actStake  []int64   // their stakes, same order
	online    []int     // active and not offline today
	prio      []float64 // rotation scratch: priorities of the online operators
	weight    []float64 // rotation scratch: their stake weights
	batchOp   []int32   // operator of each of today's batches
	nBatches  int       // batches posted today
	choiceCum []float64 // delegators' choice: cumulative logit weights over act
	bestScore float64
	bestKeep  float64 // highest 1-commission among active operators
	nakamoto3 int     // fewest active operators over 1/3 of active stake
	nakamoto2 int     // ... over 1/2
	hhi       float64
}

// networkTotals are run totals of the sequencer network.
type networkTotals struct {
	slashed          int64 // micro-tokens slashed, all offences
	livenessFailures int   // operator-days offline
}

// drawOperator draws the traits of a (prospective) operator into slot k,
// from the network stream in a fixed order.
func (sq *sequencing) drawOperator(k int) {
	o := &sq.ops
	r := sq.r
	o.commission[k] = min(clamp01(o.commissionS.Rand(r)), sq.env.commissionCap())
	o.costPerDay[k] = max(o.cost.Rand(r), 0) / 365
	o.edge[k] = max(o.edgeS.Rand(r), 0)
	for i := range numOffences {
		o.rate[i][k] = min(max(o.rateS[i].Rand(r), 0)/365, 1)
	}
	o.self[k] = protocol.ToMicro(max(o.selfStake.Rand(r), 0)) // the stake it wants; bought at entry
}

// enterOperator opens slot k (drawn by drawOperator): the operator buys
// the self-stake it drew on the AMM with outside USD and bonds it.
func (sq *sequencing) enterOperator(k int) {
	o := &sq.ops
	want := o.self[k]
	o.self[k] = 0
	if want > 0 {
		if got, ok := sq.env.buyStake(want); ok {
			o.self[k] = got
			o.totSelf += got
		}
	}
	o.status[k] = opBonded
	o.deleg[k], o.unbond[k], o.liquid[k] = 0, 0, 0
	o.index[k] = protocol.RewardIndex{}
	o.snap[k] = 0
	o.unbondEnd[k], o.jailUntil[k], o.entered[k] = 0, 0, int32(sq.day)
	o.prio[k], o.record[k], o.profit[k], o.usdToday[k] = 0, 0, 0, 0
	o.active[k], o.offline[k], o.badDay[k], o.benched[k], o.batches[k] = false, false, false, false, 0
	o.n = max(o.n, k+1)
	if sq.day > 0 { // the launch operators are the network, not entries
		sq.env.bookChurn(opBonded)
	}
}

// settleOperator pays operator k the rewards its self-stake earned since it
// last settled, from the reward pool. It must run before any change of the
// self-stake.
func (sq *sequencing) settleOperator(k int) {
	if owed := sq.owe(k); owed > 0 {
		sq.env.takeRewards(owed)
	}
}

// owe credits operator k's earnings with what its self-stake earned since
// it last settled and returns it (micro-tokens): the caller takes it from
// the reward pool, once for a loop over operators.
func (sq *sequencing) owe(k int) int64 {
	o := &sq.ops
	owed := o.index[k].Owed(o.self[k], o.snap[k])
	o.snap[k] = o.index[k].Acc
	if owed <= 0 {
		return 0
	}
	o.liquid[k] += owed
	o.totLiquid += owed
	return owed
}

// leave takes operator k out of the network (exit or removal): its
// self-stake goes through the cooldown, still slashable.
func (sq *sequencing) leave(k int, status opStatus) {
	o := &sq.ops
	sq.settleOperator(k)
	o.status[k] = status
	o.active[k] = false
	sq.env.bookChurn(status)
	s := o.self[k]
	o.self[k] = 0
	o.totSelf -= s
	if sq.p.Staking.CooldownDays == 0 {
		o.liquid[k] += s
		o.totLiquid += s
		return
	}
	o.unbond[k] += s
	o.totUnbond += s
	o.unbondEnd[k] = int32(sq.day + sq.p.Staking.CooldownDays)
}

// operatorsDayStart clears the operators' daily flags and releases the
// self-stake whose cooldown ends today (sold with the day's earnings).
func (sq *sequencing) operatorsDayStart() {
	o := &sq.ops
	for k := range o.n {
		o.offline[k], o.badDay[k], o.benched[k], o.batches[k] = false, false, false, 0
		if o.unbond[k] > 0 && int(o.unbondEnd[k]) == sq.day {
			o.liquid[k] += o.unbond[k]
			o.totLiquid += o.unbond[k]
			o.totUnbond -= o.unbond[k]
			o.unbond[k] = 0
		}
	}
}

// operatorsDayEnd settles and sells the operators' earnings, updates their
// smoothed profit and lets them exit or enter.
func (sq *sequencing) operatorsDayEnd() {
	o := &sq.ops
	p := &sq.p.Sequencers
	price := sq.env.price()
	var owed int64
	for k := range o.n {
		if o.self[k] > 0 { // self-stake rewards count as revenue at today's price
			before := o.liquid[k]
			owed += sq.owe(k)
			o.usdToday[k] += protocol.Tokens(o.liquid[k]-before) * price
		}
	}
	if owed > 0 {
		sq.env.takeRewards(owed)
	}
	// Operators sell their earnings to pay costs: one aggregated trade a day.
	if o.totLiquid > 0 {
		sq.env.sellEarnings(o.totLiquid)
		clear(o.liquid[:o.n])
		o.totLiquid = 0
	}
	attOp := sq.env.attackerOperator() // the attacker's operator stays for control, not profit
	exitDays := p.ExitLossDays
	for k := range o.n {
		if o.status[k] != opBonded {
			o.usdToday[k] = 0
			continue
		}
		day := o.usdToday[k] - o.costPerDay[k]
		o.usdToday[k] = 0
		if exitDays <= 0 {
			continue
		}
		o.profit[k] += (day - o.profit[k]) / float64(exitDays)
		if sq.day-int(o.entered[k]) >= exitDays && o.profit[k] < 0 && k != attOp {
			sq.leave(k, opExited)
		}
	}
	if p.EntryReviewDays > 0 && sq.day%p.EntryReviewDays == 0 {
		sq.considerEntry()
	}
	sq.countBonded()
}

// considerEntry lets one prospective operator enter when the active set
// has a free seat and its commission on an equal share of the stakers'
// yearly rewards (the APR signal times the bonded stake) covers its cost.
func (sq *sequencing) considerEntry() {
	o := &sq.ops
	p := &sq.p.Sequencers
	if o.n >= p.MaxOperators || len(sq.net.act) >= sq.env.maxActive() {
		return
	}
	k := o.n
	sq.drawOperator(k)
	rewardsUSD := sq.env.stakingAPR() * protocol.Tokens(sq.env.holdersStake()+o.totSelf) * sq.env.price()
	if o.commission[k]*rewardsUSD/float64(len(sq.net.act)+1) > o.costPerDay[k]*365 {
		sq.enterOperator(k)
	}
}

// recountOperators checks the operators' balances against the aggregates;
// deleg holds the holders' delegations recounted per operator.
func (sq *sequencing) recountOperators(deleg []int64) {
	o := &sq.ops
	var self, ub, liq int64
	for k := range o.n {
		if o.self[k] < 0 || o.unbond[k] < 0 || o.liquid[k] < 0 || o.deleg[k] != deleg[k] {
			panic(fmt.Sprintf("agents: operator %d: negative balance or delegations %d != recount %d on day %d", k, o.deleg[k], deleg[k], sq.day))
		}
		self += o.self[k]
		ub += o.unbond[k]
		liq += o.liquid[k]
	}
	if self != o.totSelf || ub != o.totUnbond || liq != o.totLiquid {
		panic(fmt.Sprintf("agents: operator recount differs from totals on day %d", sq.day))
	}
}

// countBonded books today's operators in the network, at the day's end
// (operator churn's denominator, churn.go).
func (sq *sequencing) countBonded() {
	o := &sq.ops
	n := 0
	for k := range o.n {
		if o.status[k] == opBonded {
			n++
		}
	}
	sq.env.bookBonded(n)
}

// openOperator gives the attacker an operator slot (kept free by reset,
// network.go) and returns it. Its traits are the means of the operators'
// distributions: no draw, so the network stream is not shifted.
func (sq *sequencing) openOperator() int {
	o := &sq.ops
	s := &sq.p.Sequencers
	k := o.n
	o.commission[k] = min(clamp01(s.Commission.Mean()), sq.env.commissionCap())
	o.costPerDay[k], o.edge[k] = 0, 0
	sl := &sq.p.Slashing
	for i, off := range [numOffences]*Offence{&sl.Liveness, &sl.DoubleSign, &sl.Withholding} {
		o.rate[i][k] = min(max(off.RatePerYear.Mean(), 0)/365, 1)
	}
	o.self[k] = 0
	sq.enterOperator(k)
	return k
}
