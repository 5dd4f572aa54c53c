package agents

import (
	"math"
	"math/rand/v2"

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

// attacker is the attacker (or cartel) of one run (see Attacker), a
// component of the built-in model (model.go wires it): it owns its plans,
// its tokens and its capital, and reaches governance, the operators, the
// pool and the ledgers only through attackerEnv (shared_attacker.go), and a
// proposal through ballot. Its tokens and capital are accounts of the
// ledgers (tokens, capital); its operator's self-stake is with the
// operators'.
type attacker struct {
	p   *Params     // this run's parameters (read-only)
	env attackerEnv // the rest of the model
	// r is the governance stream, which the attacker draws from in turn
	// with the voters, the proposals and the council.
	r *rand.Rand

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

// reset starts a run of p on day: it draws the attacker's budget and its
// first review from r (the governance stream), when it is enabled.
func (a *attacker) reset(p *Params, r *rand.Rand, env attackerEnv, day int) error {
	*a = attacker{p: p, r: r, env: env, op: -1, nextReview: math.MaxInt / 2} // in place: the ledgers hold its accounts
	ap := &p.Attacker
	if !ap.Enabled {
		return nil
	}
	b, err := newSampler(ap.BudgetUSD)
	if err != nil {
		return err
	}
	a.capital = max(b.Rand(r), 0)
	env.fundAttacker(a.capital)
	a.nextReview = day + poissonGap(r, ap.ReviewsPerYear)
	return nil
}

// tokens and capital are the attacker's ledger accounts.
func (a *attacker) tokens() *int64       { return &a.liquid }
func (a *attacker) capitalUSD() *float64 { return &a.capital }

// nextReviewDay is the day of the attacker's next review (governance's
// calendar).
func (a *attacker) nextReviewDay() int { return a.nextReview }

// holdings is what the voting-power count and the capture prices read:
// the tokens it holds and its operator slot (-1: none).
func (a *attacker) holdings() (liquid int64, op int) { return a.liquid, a.op }

// spend pays usd out of the attacker's capital, to outside the model
// (interest, loan fees, bribes).
func (a *attacker) spend(usd float64) {
	a.capital -= usd
	a.spent += usd
	a.env.attackerFlowOut(usd)
}

// daily is the attacker's part of governance's slot: its trading while it
// buys, stakes or sells, then whether its operator's stake captures.
func (a *attacker) daily() {
	if a.mode != attIdle {
		a.trade()
	}
	if a.op >= 0 {
		a.checkStakeCapture()
	}
}

// review is the attacker looking for an attack on day (at its reviews):
// it prices every allowed strategy for every allowed goal and starts the
// one with the largest positive expected profit whose capital it has;
// then it draws its next review.
func (a *attacker) review(day int) {
	a.plan()
	a.nextReview = day + poissonGap(a.r, a.p.Attacker.ReviewsPerYear)
}

func (a *attacker) plan() {
	ap := &a.p.Attacker
	if a.mode != attIdle || a.env.captured() {
		return
	}
	a.env.countVotes(false)
	var best struct {
		s              strategy
		kind           propKind
		profit         float64
		tokens, prebuy int64
	}
	for _, kind := range [...]propKind{propDrain, propAdmitCartel} {
		if (kind == propDrain && ap.Goal == GoalSequencer) || (kind == propAdmitCartel && ap.Goal == GoalTreasury) {
			continue
		}
		payoff := a.env.payoff(kind)
		for _, s := range [...]strategy{stratBuy, stratBorrow, stratBribe} {
			if !a.allowed(s) {
				continue
			}
			q := a.env.priceVote(s, kind, a.env.ownVotes(), a.capital)
			if !q.ok || q.capital > a.capital {
				continue
			}
			if profit := q.success*payoff - q.cost; profit > best.profit {
				best.s, best.kind, best.profit, best.tokens, best.prebuy = s, kind, profit, q.tokens, q.prebuy
			}
		}
		if kind == propAdmitCartel && ap.Stake && !a.env.stakingPlain() && (a.op >= 0 || a.env.operatorSlotFree()) {
			q := a.env.priceStake(ap.SequencerShare, false)
			if q.ok && q.capital <= a.capital {
				if profit := payoff - q.cost; profit > best.profit {
					best.s, best.kind, best.profit, best.tokens = stratStake, kind, profit, q.tokens
				}
			}
		}
	}
	a.strategy = best.s
	switch best.s {
	case stratBuy:
		a.mode, a.kind, a.target = attBuying, best.kind, best.tokens
	case stratBorrow, stratBribe:
		if best.prebuy > 0 { // first buy the proposal threshold (trade proposes when done)
			a.mode, a.kind, a.target = attBuying, best.kind, best.prebuy
			break
		}
		a.mode = attWaiting
		a.env.propose(best.kind)
	case stratStake:
		a.mode, a.target = attStaking, best.tokens
		if a.op < 0 {
			a.op = a.env.openOperator()
		}
		if x := a.liquid; x > 0 { // what it holds is bonded first
			a.liquid = 0
			a.env.bond(a.op, x)
		}
	}
	if best.s != stratNone && a.env.tracing() {
		a.env.event("attack", propKindNames[best.kind], best.profit, "USD expected profit", strategyNames[best.s])
	}
}

var strategyNames = [...]string{"none", "buy", "borrow", "bribe", "stake"}

func (a *attacker) allowed(s strategy) bool {
	ap := &a.p.Attacker
	switch s {
	case stratBuy:
		return ap.Buy
	case stratBorrow:
		return ap.Borrow
	case stratBribe:
		return ap.Bribe
	case stratStake:
		return ap.Stake
	}
	return false
}

// trade is the attacker's daily trading while it buys, stakes or sells.
func (a *attacker) trade() {
	switch a.mode {
	case attBuying, attStaking:
		got := a.buy(min(a.target, a.env.dailySlice()))
		a.target -= got
		if a.mode == attStaking && got > 0 {
			a.liquid -= got
			a.env.bond(a.op, got)
		}
		if a.target > 0 && got > 0 {
			return
		}
		if a.mode == attBuying {
			a.mode = attWaiting
			a.env.propose(a.kind)
		} else {
			a.mode = attIdle
		}
	case attSelling:
		x := min(a.liquid, a.env.dailySlice())
		usd := a.env.sell(x)
		a.liquid -= x
		a.received += usd
		a.capital += usd
		if a.liquid == 0 {
			a.mode = attIdle
		}
	}
}

// buy buys up to x micro-tokens on the pool within the attacker's capital
// and returns what it got.
func (a *attacker) buy(x int64) int64 {
	if x <= 0 || !(a.capital > 0) {
		return 0
	}
	usd, err := a.env.costToBuy(x)
	if err != nil {
		return 0
	}
	usd = min(usd, a.capital)
	got := a.env.buy(usd)
	a.capital -= usd // into the pool: no flow
	a.spent += usd
	a.liquid += got
	return got
}

// atSnapshot adds the attacker's votes to its proposal b at the snapshot:
// its own tokens, a one-day term loan over the snapshot (when there is a
// snapshot delay), or bribed voters (marked for the tally).
func (a *attacker) atSnapshot(b ballot) {
	own := a.env.ownVotes()
	b.addAttackVotes(own)
	switch a.strategy {
	case stratBorrow:
		gov := a.env.governor()
		if gov.FlashLoansVote() {
			return // borrowed at the close, when the tally is known
		}
		need := a.env.votesNeeded(own)
		if loan, ok := a.env.lending().Borrow(need, a.env.price(), 1, gov, a.capital); ok && need > 0 {
			a.spend(loan.CostUSD)
			b.addAttackVotes(need)
		}
	case stratBribe:
		cost, n, ok := a.env.cheapestBribe(b.kindOf(), own)
		if ok && cost <= a.capital {
			a.spend(cost)
			a.env.markBribed(n)
		}
	}
}

// atClose adds flash-loaned votes at the end of the vote when there is no
// snapshot delay: the attacker sees the tally and borrows exactly what
// passes it, within one transaction.
func (a *attacker) atClose(b ballot) {
	if gov := a.env.governor(); a.strategy == stratBorrow && gov.FlashLoansVote() {
		need := b.votesToPass()
		if loan, ok := a.env.lending().Borrow(need, a.env.price(), 0, gov, a.capital); ok && need > 0 {
			a.spend(loan.CostUSD)
			b.addAttackVotes(need)
		}
	}
	b.noteAttackVotes()
}

// done ends the attacker's proposal: borrowed votes are returned, and it
// sells what it holds.
func (a *attacker) done() {
	if a.mode != attWaiting {
		return
	}
	a.mode = attIdle
	if a.liquid > 0 {
		a.mode = attSelling
	}
}

// receive credits a drained treasury's tokens and USD to the attacker,
// who then sells the tokens.
func (a *attacker) receive(tokens int64, usd float64) {
	a.liquid += tokens
	a.received += usd
	a.capital += usd
	if a.liquid > 0 {
		a.mode = attSelling
	}
}

// receiveValue credits the value of controlling the sequencers, USD.
func (a *attacker) receiveValue(usd float64) {
	a.received += usd
	a.capital += usd
}

// checkStakeCapture records a capture when the attacker's operator holds
// more than 1/3 (it can halt) or 1/2 (it controls ordering) of the active
// stake, and pays it the value of control once its target is reached.
func (a *attacker) checkStakeCapture() {
	share, ok := a.env.stakeShare(a.op)
	if !ok {
		return
	}
	switch {
	case share > 0.5:
		a.env.capture(captureOrdering)
	case share > 1.0/3:
		a.env.capture(captureHalt)
	}
	if v := a.p.Attacker.SequencerValueUSD; share > a.p.Attacker.SequencerShare && !a.valuePaid {
		a.valuePaid = true
		a.received += v
		a.capital += v
		a.env.attackerFlowIn(v)
		if a.mode == attStaking {
			a.mode = attIdle
		}
	}
}

// profit is the attacker's USD taken in less paid out, plus what it still
// holds at the final pool price.
func (a *attacker) profit() float64 {
	held := a.liquid
	if k := a.op; k >= 0 {
		held += a.env.operatorStake(k)
	}
	return a.received - a.spent + protocol.Tokens(held)*a.env.price()
}

// summarise writes the attacker's outcome: its profit over the run.
func (a *attacker) summarise(out []float64, c *columns) { out[c.oAttackerProfit] = a.profit() }

// declareAttackerMetrics declares the attacker's outcome, which it writes
// (summarise).
func declareAttackerMetrics(d *coreDecls, c *columns) {
	d.Outcome(&c.oAttackerProfit, Metric{Name: "attacker_profit_usd", Unit: "USD", Doc: "attacker's USD taken in (sales, drained USD, value of control) less paid out (purchases, interest, fees, bribes), plus its tokens marked at the margin (the final pool price)", Chart: true, Section: "capture"})
}
