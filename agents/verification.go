package agents

// The verification game, batch by batch: each block of batches the
// sequencers and the verifiers revise their strategies from their beliefs,
// the block is played, and the beliefs take in its play (Verification
// documents the rule). The population is in verifiers.go, invalid roots
// in fraud.go.

import (
	"fmt"
	"math"

	"github.com/seqsim/seqsim/agents/protocol"
)

// gameState is the verification game beyond the population (verifiers.go):
// the verifiers' belief
// about fraud, the weights of the beliefs, the challenge-window queue and
// the run's tallies.
type gameState struct {
	cheatBelief  float64 // q̂: believed share of batches with fraud
	detectBelief float64 // D̂ = 1 - prod(1 - p̂_j), the sequencers' belief of detection
	windfallUSD  float64 // expected challenger token share of a caught fraud, USD
	seen         float64 // weight of the beliefs, in batches (the prior counts one revision)
	memory       float64 // exponential memory in batches (0 = all history)
	owedUSD      float64 // today's net payments by the treasury (rewards, subsidies, attention) less forfeited bonds

	// pending frauds, by the day their challenge window ends (a ring).
	pendingN   []int32
	pendingUSD []float64
	pendingSum float64 // USD of every pending fraud: claimed on the bridge, not yet taken

	batches, frauds, caught, missed, finalised int64
	checks, lossUSD                            float64
	firstFinalDay                              int // -1: none
	dayChecks, dayCheat                        float64
	dayBatches                                 int

	verifierBatches float64 // batches times the verifiers present: the check rate's denominator
	tvlFactor       float64 // share of the bridged value left after the thefts so far
	profitGone      float64 // profit of the verifiers who left, USD
	capacity        int     // most verifiers at once (the population's cap)
	exits           int     // verifiers who left
	entries         int     // verifiers who entered
	defensive       int     // defensive validators running today
}

// resetVerification draws the verifiers' check costs (verification
// stream), their operating costs and bridge shares (verifier population
// stream), and sets the priors.
func (w *World) resetVerification() error {
	p := &w.p.Verification
	v := &w.v
	g := &w.game
	n := p.Verifiers
	g.capacity = n
	if p.ReviewDays > 0 {
		g.capacity = max(n, p.MaxVerifiers)
	}
	c := g.capacity
	v.cost, v.opCost, v.share = sized(v.cost, n, c), sized(v.opCost, n, c), sized(v.share, n, c)
	v.p, v.belief, v.profit, v.value = sized(v.p, n, c), sized(v.belief, n, c), sized(v.profit, n, c), sized(v.value, n, c)
	v.pre = resize(v.pre, c+1)
	v.suf = resize(v.suf, c+1)
	if cap(v.hit) < c {
		v.hit = make([]int32, 0, c)
	}
	var err error
	if v.opCostS, err = newSampler(p.OperatingCostUSD); err != nil {
		return fmt.Errorf("agents: verification.operating_cost_usd: %w", err)
	}
	if v.shareS, err = newSampler(p.BridgeShare); err != nil {
		return fmt.Errorf("agents: verification.bridge_share: %w", err)
	}
	for i := range n {
		v.cost[i] = w.drawCheckCost(w.streams.verification)
		v.opCost[i], v.share[i] = w.drawVerifierStake()
		v.belief[i] = w.p.Fraud.PriorCheckRate
	}
	win := max(p.ChallengeWindowDays, 0) + 1
	g.pendingN = resize(g.pendingN, win)
	g.pendingUSD = resize(g.pendingUSD, win)
	g.pendingSum = 0
	g.cheatBelief = p.PriorCheatRate
	g.seen = float64(max(p.ReviseEveryBatches, 1))
	g.memory = p.MemoryDays * float64(w.p.Sequencers.BatchesPerDay)
	g.detectBelief, g.windfallUSD, g.owedUSD = 0, 0, 0
	g.batches, g.frauds, g.caught, g.missed, g.finalised = 0, 0, 0, 0, 0
	g.checks, g.lossUSD, g.firstFinalDay = 0, 0, -1
	g.dayChecks, g.dayCheat, g.dayBatches = 0, 0, 0
	g.tvlFactor, g.profitGone, g.exits, g.entries, g.verifierBatches = 1, 0, 0, 0, 0
	g.defensive = p.Defensive // day 0
	return nil
}

// startDefensive sets how many defensive validators run today: all of
// verification.defensive until defensive_days (if set), none after.
func (w *World) startDefensive() {
	p := &w.p.Verification
	w.game.defensive = p.Defensive
	if p.DefensiveDays > 0 && w.day >= p.DefensiveDays {
		w.game.defensive = 0
	}
}

// verify plays today's batches in blocks of revise_every_batches: before
// each block every agent revises its strategy from its beliefs, then the
// block is played, then the beliefs take in the block's average play.
func (w *World) verify() {
	g := &w.game
	g.dayChecks, g.dayCheat, g.dayBatches = 0, 0, w.net.nBatches
	w.startDefensive()
	w.finaliseFrauds()
	if rd := w.p.Verification.ReviewDays; rd > 0 && w.day%rd == 0 {
		w.reviewVerifiers()
	}
	k := max(w.p.Verification.ReviseEveryBatches, 1)
	for start := 0; start < w.net.nBatches; start += k {
		end := min(start+k, w.net.nBatches)
		w.revise(end - start)
		w.playBlock(start, end)
	}
	for i, f := range w.v.opCost { // the nodes run whether anyone checks or not
		w.v.profit[i] -= f
	}
	w.settleTreasury()
}

// revise sets every agent's mixed strategy to its logit best response to
// the current beliefs (see Verification for the rule), before a block of
// nb batches; with a verifier population it also adds the block's
// expected membership value to each verifier's.
func (w *World) revise(nb int) {
	v := &w.v
	g := &w.game
	o := &w.ops
	vp := &w.p.Verification
	n := v.len()

	// Leave-one-out products of (1 - p̂_j): what verifier i believes about
	// "nobody else checks", without dividing by (1 - p̂_i).
	v.pre[0] = 1
	var sumBelief float64
	for j := range n {
		v.pre[j+1] = v.pre[j] * (1 - v.belief[j])
		sumBelief += v.belief[j]
	}
	v.suf[n] = 1
	for j := n - 1; j >= 0; j-- {
		v.suf[j] = v.suf[j+1] * (1 - v.belief[j])
	}
	none := w.defensiveMiss() // the defensive validators all miss a batch
	g.detectBelief = 1 - none*v.pre[n]

	// Sequencers: gain G if the root passes, lose the bond S (plus the
	// slashed self-stake) if it is caught.
	price := w.pool.Price()
	gain := w.fraudGain()
	pen := w.live.invalidRootPenalty
	chal := w.slashSplit.Challenger
	var wfNum, wfDen float64
	for _, k := range w.net.online {
		q := w.cheatProb(k, g.detectBelief, gain, price)
		o.cheat[k] = q
		if chal > 0 && pen > 0 && q > 0 {
			slashable := o.self[k]
			if w.p.Slashing.SlashDelegators {
				slashable += o.deleg[k]
			}
			wt := q * float64(o.batches[k])
			wfNum += wt * chal * pen * protocol.Tokens(slashable) * price
			wfDen += wt
		}
	}
	g.windfallUSD = 0
	if wfDen > 0 {
		g.windfallUSD = wfNum / wfDen
	}

	// Verifiers: checking pays q̂ (reward + token windfall share + the loss
	// avoided when nobody else checks) plus attention payments and
	// subsidies, and costs c_i.
	share := w.potShare(sumBelief, n)
	population := vp.ReviewDays > 0
	qNow := 0.0
	if population {
		qNow = w.cheatAt(g.detectBelief, gain, price)
	}
	for i := range n {
		others := none * v.pre[i] * v.suf[i+1]
		loss := vp.MissPenalty + v.share[i]*gain
		gamma := w.checkGain(v.cost[i], loss, others, share)
		temp := vp.Noise * v.cost[i]
		v.p[i] = logitChoice(gamma, temp)
		if population {
			// Deterrence: without i the sequencers would believe detection
			// is 1 - others, and post fraud at cheatAt of that.
			deter := loss * others * (w.cheatAt(1-others, gain, price) - qNow)
			v.value[i] += float64(nb) * (logSum(gamma, temp) + deter)
		}
	}
}

// potShare is the expected share of a pot split among checkers that one
// checker sees, E[1/(1+K)] at the mean belief over the n learning
// verifiers and today's defensive validators (1 when nothing is split).
func (w *World) potShare(sumBelief float64, n int) float64 {
	if m := w.game.defensive; m > 0 {
		sumBelief += float64(m) * w.p.Verification.DefensiveCheckRate
		n += m
	}
	if n > 1 && (w.p.Verification.RewardMode == RewardShared || w.game.windfallUSD > 0) {
		return shareOfPot(sumBelief/float64(n), n)
	}
	return 1
}

// defensiveMiss is the probability that every defensive validator running
// today misses a batch: (1 - defensive_check_rate)^m.
func (w *World) defensiveMiss() float64 {
	m := w.game.defensive
	if m == 0 {
		return 1
	}
	return math.Pow(1-w.p.Verification.DefensiveCheckRate, float64(m))
}

// checkGain is Γ: a verifier's expected gain from checking one batch, at
// check cost c, loss when a fraud passes loss, probability others that
// nobody else checks, and expected share of a split pot share.
func (w *World) checkGain(c, loss, others, share float64) float64 {
	vp := &w.p.Verification
	g := &w.game
	reward := vp.Reward
	if vp.RewardMode == RewardShared {
		reward *= share
	}
	extra := vp.AttentionRate*vp.AttentionPayment + vp.SubsidyPerCheck
	return g.cheatBelief*(reward+g.windfallUSD*share+loss*others) + extra - c
}

// logSum is the expected payoff of a logit chooser between an action worth
// gain and one worth 0 at temperature temp, its taste shock included:
// temp ln(1 + e^(gain/temp)) (the log-sum; McFadden 1978, Small and Rosen
// 1981). It is at least max(gain, 0), to which it tends as temp goes to 0.
func logSum(gain, temp float64) float64 {
	if !(temp > 0) {
		return max(gain, 0)
	}
	z := gain / temp
	if z > 40 {
		return gain
	}
	return temp * math.Log1p(math.Exp(z))
}

// logitChoice is the probability of taking an action whose expected payoff
// advantage is gain at temperature temp (0: best response, ties to not
// acting, so a sequencer with nothing to gain stays honest).
func logitChoice(gain, temp float64) float64 {
	if temp > 0 {
		return protocol.Logistic(gain / temp)
	}
	if gain > 0 {
		return 1
	}
	return 0
}

// shareOfPot is E[1/(1+K)] for K ~ Binomial(n-1, p): the expected share of
// a pot split among the checkers, seen by one checker. Exact for identical
// verifiers; with heterogeneous ones p is the mean belief over all
// verifiers (one evaluation per revision, not one per verifier).
func shareOfPot(p float64, n int) float64 {
	if !(p > 1e-12) {
		return 1
	}
	return -math.Expm1(float64(n)*math.Log1p(-min(p, 1))) / (float64(n) * p)
}

// playBlock plays batches [start, end): each batch's sequencer posts an
// invalid root with its probability (one draw); a fraud is checked by each
// verifier with its probability (one draw each). Checks of honest batches,
// attention payments and subsidies are counted at their expected values:
// they change only costs and payments, so drawing them would add noise and
// time but nothing else. Then the beliefs take in the block's average play.
func (w *World) playBlock(start, end int) {
	v := &w.v
	g := &w.game
	o := &w.ops
	vp := &w.p.Verification
	r := w.streams.verification
	var qSum float64
	frauds := 0
	for b := start; b < end; b++ {
		s := int(w.net.batchOp[b])
		q := o.cheat[s]
		if o.benched[s] {
			q = 0
		}
		qSum += q
		if q > 0 && r.Float64() < q {
			frauds++
			w.fraud(s)
		}
	}
	nb := end - start
	honest := float64(nb - frauds)
	var pSum float64
	for i := range v.len() {
		pi := v.p[i]
		pSum += pi
		e := pi * honest
		g.checks += e
		pay := e*vp.SubsidyPerCheck + pi*float64(nb)*vp.AttentionRate*vp.AttentionPayment
		v.profit[i] += pay - e*v.cost[i]
		g.owedUSD += pay
	}
	g.batches += int64(nb)
	g.verifierBatches += float64(nb * v.len())
	g.dayChecks += pSum * float64(nb)
	g.dayCheat += qSum

	// Beliefs: averages of the play so far (mean-field fictitious play).
	g.seen += float64(nb)
	a := float64(nb) / g.seen
	if g.memory > 0 {
		a = max(a, float64(nb)/g.memory)
	}
	a = min(a, 1)
	for i := range v.len() {
		v.belief[i] += a * (v.p[i] - v.belief[i])
	}
	g.cheatBelief += a * (qSum/float64(nb) - g.cheatBelief)
}

// settleTreasury pays the day's verification bill from the treasury (USD
// first, then by selling tokens), or banks the surplus of forfeited bonds.
// Verifiers are paid what the protocol promises even if the treasury runs
// dry: their payoffs must not depend on its balance.
func (w *World) settleTreasury() {
	g := &w.game
	owed := g.owedUSD
	g.owedUSD = 0
	if owed < 0 {
		w.treasuryUSD -= owed
		w.usd.in(flowFraudBonds, -owed)
		return
	}
	if owed > 0 {
		w.spendTreasury(owed)
	}
}

// declareVerificationMetrics declares the verification game's metrics.
func declareVerificationMetrics(m *Model, c *columns) {
	c.sCheckRate = m.Series(Metric{Name: "check_rate", Unit: "fraction", Doc: "probability that a verifier checks a batch that day (mean over verifiers and batches)", Chart: true})
	c.sCheatRate = m.Series(Metric{Name: "cheat_rate", Unit: "fraction", Doc: "probability that a batch carries an invalid root that day (mean over batches)", Chart: true})
	c.oFraudsAttempted = m.Outcome(Metric{Name: "frauds_attempted", Unit: "count", Doc: "invalid state roots posted", Chart: true, Section: "verification"})
	c.oFraudsCaught = m.Outcome(Metric{Name: "frauds_caught", Unit: "count", Doc: "invalid roots a verifier checked and challenged (the sequencer is slashed)", Section: "verification"})
	c.oFraudsUndetected = m.Outcome(Metric{Name: "frauds_undetected", Unit: "count", Doc: "unchecked invalid roots whose challenge window ended within the horizon (finalised)", Chart: true, RiskAbove: []float64{0}, Section: "verification"})
	c.oFraudLossUSD = m.Outcome(Metric{Name: "fraud_loss_usd", Unit: "USD", Doc: "gain of the finalised invalid roots, lost by users", Chart: true, RiskAbove: []float64{0, 10e6}, Section: "verification"})
	c.oFirstUndetectedFraudDay = m.Outcome(Metric{Name: "first_undetected_fraud_day", Unit: "day", Doc: "day the first unchecked invalid root finalised (empty when none)", MayBeEmpty: true, Chart: true, LowerTail: true, Section: "verification"})
	c.oCheckRate = m.Outcome(Metric{Name: "check_rate", Unit: "fraction", Doc: "share of batches a verifier checks, mean over verifiers (time average)", MayBeEmpty: true, Chart: true, LowerTail: true, Section: "verification"})
	c.oCheatRate = m.Outcome(Metric{Name: "cheat_rate", Unit: "fraction", Doc: "share of batches carrying an invalid root (time average)", MayBeEmpty: true, Chart: true, Section: "verification"})
	c.oUndetectedFraudRate = m.Outcome(Metric{Name: "undetected_fraud_rate", Unit: "fraction", Doc: "share of batches carrying an invalid root nobody checked (time average)", MayBeEmpty: true, Chart: true, Section: "verification"})
	c.oVerifierProfit = m.Outcome(Metric{Name: "verifier_profit", Unit: "USD", Doc: "verifiers' rewards, attention payments and subsidies less check costs, node operating costs and what they lose when fraud passes (miss penalty and their share of the theft), summed over every verifier that took part", Chart: true, LowerTail: true, Section: "verification"})
	c.sVerifiers = m.Series(Metric{Name: "verifiers", Unit: "count", Doc: "verifiers in the population at the end of the day", Chart: true})
	c.sTVL = m.Series(Metric{Name: "tvl_usd", Unit: "USD", Doc: "value the rollup's bridge holds: moves with the fee level, falls by what finalised frauds steal and by the users who leave after them", Chart: true})
	c.oFinalVerifiers = m.Outcome(Metric{Name: "final_verifiers", Unit: "count", Doc: "verifiers in the population on the last day", Chart: true, LowerTail: true, Section: "verification"})
	c.oVerifierExits = m.Outcome(Metric{Name: "verifier_exits", Unit: "count", Doc: "verifiers who left because membership was worth less than their node over a review", Section: "verification"})
	c.oVerifierEntries = m.Outcome(Metric{Name: "verifier_entries", Unit: "count", Doc: "verifiers who entered because a year of membership was worth more than their node", Section: "verification"})
	c.oFinalTVL = m.Outcome(Metric{Name: "final_tvl_usd", Unit: "USD", Doc: "bridged value on the last day", Chart: true, LowerTail: true, Section: "verification"})
}
