package agents

import (
	"fmt"
	"math"

	"github.com/seqsim/seqsim/agents/protocol"
)

// verifiers is the verifier population as a struct of slices: index i is
// one verifier. The rule they play and learn by is documented on
// Verification; protocol.InspectionGame has its closed-form equilibrium.
type verifiers struct {
	cost   []float64 // c_i, USD per check
	p      []float64 // current probability of checking a batch
	belief []float64 // everyone's belief about verifier i's check rate
	profit []float64 // USD over the run
	pre    []float64 // scratch: prefix products of (1 - belief)
	suf    []float64 // scratch: suffix products
	hit    []int32   // scratch: checkers of the current fraud
}

func (v *verifiers) len() int { return len(v.cost) }

// gameState is the rest of the verification game: the verifiers' belief
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

	batches, frauds, caught, missed, finalised int64
	checks, lossUSD                            float64
	firstFinalDay                              int // -1: none
	dayChecks, dayCheat                        float64
	dayBatches                                 int
}

// resetVerification draws the verifiers' check costs (verification stream)
// and sets the priors.
func (w *World) resetVerification() {
	p := &w.p.Verification
	v := &w.v
	n := p.Verifiers
	v.cost = resize(v.cost, n)
	v.p = resize(v.p, n)
	v.belief = resize(v.belief, n)
	v.profit = resize(v.profit, n)
	v.pre = resize(v.pre, n+1)
	v.suf = resize(v.suf, n+1)
	if cap(v.hit) < n {
		v.hit = make([]int32, 0, n)
	}
	r := w.streams.verification
	for i := range n {
		v.cost[i] = p.CheckCost
		if p.CheckCostSpread > 0 {
			v.cost[i] *= math.Exp(p.CheckCostSpread * r.NormFloat64())
		}
		v.belief[i] = w.p.Fraud.PriorCheckRate
	}
	g := &w.game
	win := max(p.ChallengeWindowDays, 0) + 1
	g.pendingN = resize(g.pendingN, win)
	g.pendingUSD = resize(g.pendingUSD, win)
	g.cheatBelief = p.PriorCheatRate
	g.seen = float64(max(p.ReviseEveryBatches, 1))
	g.memory = p.MemoryDays * float64(w.p.Sequencers.BatchesPerDay)
	g.detectBelief, g.windfallUSD, g.owedUSD = 0, 0, 0
	g.batches, g.frauds, g.caught, g.missed, g.finalised = 0, 0, 0, 0, 0
	g.checks, g.lossUSD, g.firstFinalDay = 0, 0, -1
	g.dayChecks, g.dayCheat, g.dayBatches = 0, 0, 0
}

// verify plays today's batches in blocks of revise_every_batches: before
// each block every agent revises its strategy from its beliefs, then the
// block is played, then the beliefs take in the block's average play.
func (w *World) verify() {
	g := &w.game
	g.dayChecks, g.dayCheat, g.dayBatches = 0, 0, w.net.nBatches
	w.finaliseFrauds()
	k := max(w.p.Verification.ReviseEveryBatches, 1)
	for start := 0; start < w.net.nBatches; start += k {
		end := min(start+k, w.net.nBatches)
		w.revise()
		w.playBlock(start, end)
	}
	w.settleTreasury()
}

// finaliseFrauds counts the unchecked frauds whose challenge window ends
// today: their gain is lost to users.
func (w *World) finaliseFrauds() {
	g := &w.game
	slot := w.day % len(g.pendingN)
	if n := g.pendingN[slot]; n > 0 {
		g.finalised += int64(n)
		g.lossUSD += g.pendingUSD[slot]
		if g.firstFinalDay < 0 {
			g.firstFinalDay = w.day
		}
	}
	g.pendingN[slot], g.pendingUSD[slot] = 0, 0
}

// revise sets every agent's mixed strategy to its logit best response to
// the current beliefs (see Verification for the rule).
func (w *World) revise() {
	v := &w.v
	g := &w.game
	o := &w.ops
	fp := &w.p.Fraud
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
	g.detectBelief = 1 - v.pre[n]

	// Sequencers: gain G if the root passes, lose the bond S (plus the
	// slashed self-stake) if it is caught.
	price := w.pool.Price()
	pen := w.p.Slashing.InvalidRoot.Penalty
	chal := w.slashSplit.Challenger
	var wfNum, wfDen float64
	for _, k := range w.net.online {
		q := 0.0
		if fp.Gain > 0 && !o.benched[k] {
			bond := w.live.fraudSlash + pen*protocol.Tokens(o.self[k])*price // governance may change the bond
			q = logitChoice(fp.Gain*(1-g.detectBelief)-bond*g.detectBelief, fp.Noise*fp.Gain)
		}
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

	// Verifiers: checking pays q̂ (reward + token windfall share + the miss
	// penalty avoided when nobody else checks) plus attention payments and
	// subsidies, and costs c_i.
	shared := vp.RewardMode == RewardShared
	extra := vp.AttentionRate*vp.AttentionPayment + vp.SubsidyPerCheck
	share := 1.0 // E[1/(1+K)], K the number of other checkers
	if n > 1 && (shared || g.windfallUSD > 0) {
		share = shareOfPot(sumBelief/float64(n), n)
	}
	for i := range n {
		others := v.pre[i] * v.suf[i+1]
		reward := vp.Reward
		if shared {
			reward *= share
		}
		gain := g.cheatBelief*(reward+g.windfallUSD*share+vp.MissPenalty*others) + extra - v.cost[i]
		v.p[i] = logitChoice(gain, vp.Noise*v.cost[i])
	}
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

// fraud resolves one invalid root posted by operator s.
func (w *World) fraud(s int) {
	v := &w.v
	g := &w.game
	o := &w.ops
	vp := &w.p.Verification
	fp := &w.p.Fraud
	r := w.streams.verification
	g.frauds++
	v.hit = v.hit[:0]
	for i := range v.len() {
		if r.Float64() < v.p[i] {
			v.hit = append(v.hit, int32(i))
			g.checks++
			v.profit[i] += vp.SubsidyPerCheck - v.cost[i]
			g.owedUSD += vp.SubsidyPerCheck
		}
	}
	if len(v.hit) == 0 { // passes: finalises after the challenge window
		g.missed++
		if w.trace != nil { // names and details are formatted only for a replay
			w.event("fraud_unchecked", operatorName(s), fp.Gain, "USD", "invalid root nobody checked; finalises after the challenge window")
		}
		for i := range v.len() {
			v.profit[i] -= vp.MissPenalty
		}
		o.usdToday[s] += fp.Gain
		slot := (w.day + max(vp.ChallengeWindowDays, 0)) % len(g.pendingN)
		g.pendingN[slot]++
		g.pendingUSD[slot] += fp.Gain
		return
	}
	// Caught: the bond is forfeited to the treasury, which pays the
	// challengers; the sequencer's stake is slashed.
	g.caught++
	if w.trace != nil { // names and details are formatted only for a replay
		w.event("fraud_caught", operatorName(s), w.live.fraudSlash, "USD", fmt.Sprintf("challenged by %d verifiers; bond forfeited", len(v.hit)))
	}
	o.usdToday[s] -= w.live.fraudSlash
	g.owedUSD -= w.live.fraudSlash
	reward := vp.Reward
	if vp.RewardMode == RewardShared {
		reward /= float64(len(v.hit))
	}
	ip := &w.p.Slashing.InvalidRoot
	_, chal := w.slash(s, ip.Penalty, ip.JailDays, ip.Remove)
	windfall := protocol.Tokens(chal) * w.pool.Price() / float64(len(v.hit))
	for _, i := range v.hit {
		v.profit[i] += reward + windfall
		g.owedUSD += reward
	}
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
	c.oVerifierProfit = m.Outcome(Metric{Name: "verifier_profit", Unit: "USD", Doc: "verifiers' rewards, attention payments and subsidies less check costs and miss penalties, summed over verifiers", Chart: true, LowerTail: true, Section: "verification"})
}
