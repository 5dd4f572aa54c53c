package agents

import (
	"math"

	"github.com/seqsim/seqsim/agents/protocol"
)

// strategy is how an attacker acquires control; the values are the codes
// of the cheapest_route_early, cheapest_route_late and min_cost_route
// outcomes (capture.go).
type strategy uint8

const (
	stratNone   strategy = iota
	stratBuy             // buy votes on the AMM
	stratBorrow          // borrow votes (flash loan without a snapshot delay)
	stratBribe           // bribe voters
	stratStake           // stake to control the sequencer set
)

// attMode is what the attacker is doing.
type attMode uint8

const (
	attIdle    attMode = iota
	attBuying          // buying votes, then proposing
	attWaiting         // its proposal is open
	attStaking         // buying stake for its operator
	attSelling         // selling what it holds
)

// attackerState is the attacker (or cartel) of one run (see Attacker).
// Its tokens are a place of their own in the conservation check; its
// operator's self-stake is with the operators'.
type attackerState struct {
	mode            attMode
	capital         float64 // USD it can still commit
	spent, received float64 // USD paid out (purchases, fees, interest, bribes) and taken in
	liquid          int64   // tokens held
	op              int     // its operator slot (-1: none)
	nextReview      int
	strategy        strategy
	kind            propKind // the malicious proposal it makes after buying
	target          int64    // tokens still to buy
	valuePaid       bool     // the sequencer-control value was taken
}

func (w *World) resetAttacker() error {
	a := &w.p.Attacker
	w.att = attackerState{op: -1, nextReview: math.MaxInt / 2}
	if !a.Enabled {
		return nil
	}
	b, err := newSampler(a.BudgetUSD)
	if err != nil {
		return err
	}
	r := w.streams.governance
	w.att.capital = max(b.Rand(r), 0)
	w.usd.in(flowLaunch, w.att.capital)
	w.att.nextReview = w.day + poissonGap(r, a.ReviewsPerYear)
	return nil
}

// spend pays usd out of the attacker's capital, to outside the model
// (interest, loan fees, bribes).
func (w *World) spend(usd float64) {
	w.att.capital -= usd
	w.att.spent += usd
	w.usd.out(flowAttacker, usd)
}

// dailySlice is the largest daily trade of the attacker, in micro-tokens.
func (w *World) dailySlice() int64 {
	return max(int64(w.p.Attacker.MaxDailyTrade*float64(w.pool.Tokens)), 1)
}

// tradeDays is the number of daily slices to trade tokens micro-tokens.
func (w *World) tradeDays(tokens int64) int {
	s := w.dailySlice()
	return int(min((tokens+s-1)/s, math.MaxInt32))
}

// attackerReview is the attacker looking for an attack: it prices every
// allowed strategy for every allowed goal and starts the one with the
// largest positive expected profit whose capital it has.
func (w *World) attackerReview() {
	at := &w.att
	a := &w.p.Attacker
	if at.mode != attIdle || w.gov.captured {
		return
	}
	w.countVotes(false)
	var best struct {
		s              strategy
		kind           propKind
		profit         float64
		tokens, prebuy int64
	}
	for _, kind := range [...]propKind{propDrain, propAdmitCartel} {
		if (kind == propDrain && a.Goal == GoalSequencer) || (kind == propAdmitCartel && a.Goal == GoalTreasury) {
			continue
		}
		payoff := w.payoff(kind)
		for _, s := range [...]strategy{stratBuy, stratBorrow, stratBribe} {
			if !w.allowed(s) {
				continue
			}
			q := w.priceVote(s, kind, w.gov.attPower, at.capital)
			if !q.ok || q.capital > at.capital {
				continue
			}
			if profit := q.success*payoff - q.cost; profit > best.profit {
				best.s, best.kind, best.profit, best.tokens, best.prebuy = s, kind, profit, q.tokens, q.prebuy
			}
		}
		if kind == propAdmitCartel && a.Stake && !w.plainStaking && (at.op >= 0 || w.ops.n < len(w.ops.self)) {
			q := w.priceStake(a.SequencerShare, false)
			if q.ok && q.capital <= at.capital {
				if profit := payoff - q.cost; profit > best.profit {
					best.s, best.kind, best.profit, best.tokens = stratStake, kind, profit, q.tokens
				}
			}
		}
	}
	at.strategy = best.s
	switch best.s {
	case stratBuy:
		at.mode, at.kind, at.target = attBuying, best.kind, best.tokens
	case stratBorrow, stratBribe:
		if best.prebuy > 0 { // first buy the proposal threshold (attackerDay proposes when done)
			at.mode, at.kind, at.target = attBuying, best.kind, best.prebuy
			break
		}
		at.mode = attWaiting
		w.submit(proposal{kind: best.kind, byAttack: true})
	case stratStake:
		at.mode, at.target = attStaking, best.tokens
		if at.op < 0 {
			w.openAttackerOperator()
		}
		if x := at.liquid; x > 0 { // what it holds is bonded first
			w.settleOperator(at.op)
			at.liquid = 0
			w.ops.self[at.op] += x
			w.ops.totSelf += x
		}
	}
	if best.s != stratNone && w.trace != nil {
		w.event("attack", propKindNames[best.kind], best.profit, "USD expected profit", strategyNames[best.s])
	}
}

var strategyNames = [...]string{"none", "buy", "borrow", "bribe", "stake"}

func (w *World) allowed(s strategy) bool {
	a := &w.p.Attacker
	switch s {
	case stratBuy:
		return a.Buy
	case stratBorrow:
		return a.Borrow
	case stratBribe:
		return a.Bribe
	case stratStake:
		return a.Stake
	}
	return false
}

// payoff is what a successful malicious proposal of kind is worth to the
// attacker: the treasury's USD plus what its drained tokens sell for over
// planning_days, or the value of controlling the sequencers.
func (w *World) payoff(kind propKind) float64 {
	a := &w.p.Attacker
	if kind == propAdmitCartel {
		return a.SequencerValueUSD
	}
	x := protocol.FracOf(w.treasuryTokens, a.DrainShare)
	days := max(a.PlanningDays, 1)
	sold := min(x, w.dailySlice()*int64(days))
	return w.treasuryUSD*a.DrainShare + protocol.SaleValueOverDays(w.pool, sold, days)
}

// lossPerToken is what a voter loses per token it holds when a malicious
// proposal of kind executes: its share of the drained treasury (at the
// pool price) or of the value the cartel extracts, over the tokens with a
// claim (the supply outside the treasury and the reward pool).
func (w *World) lossPerToken(kind propKind) float64 {
	a := &w.p.Attacker
	claim := protocol.Tokens(w.supply0 + w.minted - w.burned - w.treasuryTokens - w.rewardPool)
	if !(claim > 0) {
		return 0
	}
	loss := a.SequencerValueUSD
	if kind == propDrain {
		loss = a.DrainShare * (protocol.Tokens(w.treasuryTokens)*w.pool.Price() + w.treasuryUSD)
	}
	return loss / claim
}

// openAttackerOperator gives the attacker an operator slot (kept free by
// resetNetwork). Its traits are the means of the operators' distributions:
// no draw, so the network stream is not shifted.
func (w *World) openAttackerOperator() {
	o := &w.ops
	s := &w.p.Sequencers
	k := o.n
	o.commission[k] = min(clamp01(s.Commission.Mean()), w.live.commissionCap)
	o.costPerDay[k], o.edge[k] = 0, 0
	sl := &w.p.Slashing
	for i, off := range [numOffences]*Offence{&sl.Liveness, &sl.DoubleSign, &sl.Withholding} {
		o.rate[i][k] = min(max(off.RatePerYear.Mean(), 0)/365, 1)
	}
	o.self[k] = 0
	w.enterOperator(k)
	w.att.op = k
}

// attackerDay is the attacker's daily trading while it buys, stakes or
// sells.
func (w *World) attackerDay() {
	at := &w.att
	switch at.mode {
	case attBuying, attStaking:
		got := w.attackerBuy(min(at.target, w.dailySlice()))
		at.target -= got
		if at.mode == attStaking && got > 0 {
			k := at.op
			w.settleOperator(k)
			at.liquid -= got
			w.ops.self[k] += got
			w.ops.totSelf += got
		}
		if at.target > 0 && got > 0 {
			return
		}
		if at.mode == attBuying {
			at.mode = attWaiting
			w.submit(proposal{kind: at.kind, byAttack: true})
		} else {
			at.mode = attIdle
		}
	case attSelling:
		x := min(at.liquid, w.dailySlice())
		usd := w.pool.Sell(x)
		at.liquid -= x
		at.received += usd
		at.capital += usd
		w.netSellUSD += usd
		if at.liquid == 0 {
			at.mode = attIdle
		}
	}
}

// attackerBuy buys up to x micro-tokens on the pool within the attacker's
// capital and returns what it got.
func (w *World) attackerBuy(x int64) int64 {
	at := &w.att
	if x <= 0 || !(at.capital > 0) {
		return 0
	}
	usd, err := w.pool.CostToBuy(x)
	if err != nil {
		return 0
	}
	usd = min(usd, at.capital)
	got := w.pool.Buy(usd)
	w.att.capital -= usd // into the pool: no flow
	w.att.spent += usd
	w.netSellUSD -= usd
	at.liquid += got
	return got
}

// attackerAtSnapshot adds the attacker's votes to its proposal at the
// snapshot: its own tokens, a one-day term loan over the snapshot (when
// there is a snapshot delay), or bribed voters (marked for the tally).
func (w *World) attackerAtSnapshot(pr *proposal) {
	at := &w.att
	g := &w.gov
	own := g.attPower
	pr.tally.For += own
	pr.attVotes += own
	pr.cast += own
	switch at.strategy {
	case stratBorrow:
		if g.gov.FlashLoansVote() {
			return // borrowed at the close, when the tally is known
		}
		need := w.votesNeeded(own)
		if loan, ok := w.lending().Borrow(need, w.pool.Price(), 1, g.gov, at.capital); ok && need > 0 {
			w.spend(loan.CostUSD)
			pr.tally.For += need
			pr.attVotes += need
			pr.cast += need
		}
	case stratBribe:
		nq := w.bribeQuotes(pr.kind)
		_, cost, n, ok := protocol.CheapestBribe(g.vs.quotes[:nq], w.needSwing(own), w.needPower(own))
		if ok && cost <= at.capital {
			w.spend(cost)
			for _, v := range g.vs.quoteVoter[:n] {
				g.vs.bribed[v] = true
			}
		}
	}
}

// attackerAtClose adds flash-loaned votes at the end of the vote when
// there is no snapshot delay: the attacker sees the tally and borrows
// exactly what passes it, within one transaction.
func (w *World) attackerAtClose(pr *proposal) {
	at := &w.att
	g := &w.gov
	if at.strategy == stratBorrow && g.gov.FlashLoansVote() {
		need := pr.tally.VotesToPass()
		if loan, ok := w.lending().Borrow(need, w.pool.Price(), 0, g.gov, at.capital); ok && need > 0 {
			w.spend(loan.CostUSD)
			pr.tally.For += need
			pr.attVotes += need
			pr.cast += need
		}
	}
	pr.noteVote(pr.attVotes)
}

// attackerDone ends the attacker's proposal: borrowed votes are returned,
// and it sells what it holds.
func (w *World) attackerDone() {
	at := &w.att
	if at.mode != attWaiting {
		return
	}
	at.mode = attIdle
	if at.liquid > 0 {
		at.mode = attSelling
	}
}

// lending is the run's money market at today's circulating supply.
func (w *World) lending() protocol.LendingMarket {
	l := &w.p.Lending
	return protocol.LendingMarket{
		DepthTokens: protocol.ToMicro(l.Depth * max(w.circulating(), 0)),
		RateAnnual:  l.RateAnnual, FlashFee: l.FlashFee, CollateralRatio: l.CollateralRatio,
	}
}

// checkStakeCapture records a capture when the attacker's operator holds
// more than 1/3 (it can halt) or 1/2 (it controls ordering) of the active
// stake, and pays it the value of control once its target is reached.
func (w *World) checkStakeCapture() {
	at := &w.att
	o := &w.ops
	k := at.op
	if !o.active[k] {
		return
	}
	var total int64
	for _, s := range w.net.actStake {
		total += s
	}
	if total <= 0 {
		return
	}
	share := float64(o.stake(k)) / float64(total)
	switch {
	case share > 0.5:
		w.capture(captureOrdering)
	case share > 1.0/3:
		w.capture(captureHalt)
	}
	if share > w.p.Attacker.SequencerShare && !at.valuePaid {
		at.valuePaid = true
		at.received += w.p.Attacker.SequencerValueUSD
		at.capital += w.p.Attacker.SequencerValueUSD
		w.usd.in(flowAttacker, w.p.Attacker.SequencerValueUSD)
		if at.mode == attStaking {
			at.mode = attIdle
		}
	}
}

// attackerProfit is the attacker's USD taken in less paid out, plus what it
// still holds at the final pool price.
func (w *World) attackerProfit() float64 {
	at := &w.att
	held := at.liquid
	if k := at.op; k >= 0 {
		held += w.ops.self[k] + w.ops.unbond[k]
	}
	return at.received - at.spent + protocol.Tokens(held)*w.pool.Price()
}
