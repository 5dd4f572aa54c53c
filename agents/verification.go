package agents

// The verification game, batch by batch: each block of batches the
// sequencers and the verifiers revise their strategies from their beliefs,
// the block is played, and the beliefs take in its play (Verification
// documents the rule). The game is a component (the verification type):
// its population is in verifiers.go, invalid roots in fraud.go, payoffs in
// payoffs.go and metrics in verification_metrics.go; no other file touches
// its state (internal/archtest, TestComponentIsolation).

import (
	"fmt"
	"math/rand/v2"

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

// verification is the verification game as a part of the built-in model:
// the verifier population (verifiers.go), the game's beliefs and tallies,
// and the invalid roots posted (fraud.go). It owns that state; it reaches
// the sequencers, the treasury, the rollup's users, the market and the
// governed bond only through env (verificationEnv, shared_parts.go). model.go
// wires it: its reset, its phase in the day table, its metrics.
type verification struct {
	p   *Params         // this run's parameters (read-only)
	env verificationEnv // the rest of the model
	r   *rand.Rand      // the verification stream: check costs at launch, checks, invalid roots
	pop *rand.Rand      // the verifier population stream: node costs, bridge shares, candidates
	day int             // today

	v verifiers // the verifier population (verifiers.go)
	g gameState // beliefs, pending frauds and the run's tallies

	// What the game reads of the rest of the model each day (load):
	// governance changes the bond and the penalty only in its slot, after
	// this one, and the valuation's rates are fixed for the run.
	seq           seqView            // today's sequencer operators and batches
	bond, penalty float64            // the fraud bond (USD) and the invalid-root penalty (fraction of the self-stake)
	val           protocol.Valuation // capitalises an operator's income (franchise)
	cheat         []float64          // per operator: today's probability of posting an invalid root
	fr            []float64          // per online operator: its franchise at this revision (takeFranchises)
}

// reset starts a run of p: it draws the verifiers' check costs (from r,
// the verification stream), their operating costs and bridge shares (from
// pop, the verifier population stream), and sets the priors.
func (vg *verification) reset(p *Params, r, pop *rand.Rand, env verificationEnv) error {
	vg.p, vg.r, vg.pop, vg.env, vg.day = p, r, pop, env, 0
	return vg.resetGame()
}

// load takes what the game reads of the rest of the model today (see the
// fields).
func (vg *verification) load() {
	vg.seq = vg.env.sequencerView()
	vg.bond, vg.penalty = vg.env.fraudBond(), vg.env.invalidRootPenalty()
	vg.val = vg.env.cashFlowValuation()
	vg.cheat = resize(vg.cheat, len(vg.seq.self))
	vg.fr = resize(vg.fr, len(vg.seq.self))
}

// resetGame sizes the population and draws it, and sets the priors.
func (vg *verification) resetGame() error {
	p := &vg.p.Verification
	v := &vg.v
	g := &vg.g
	n := p.Verifiers
	g.capacity = n
	if p.ReviewDays > 0 {
		g.capacity = max(n, p.MaxVerifiers)
	}
	cp := g.capacity
	v.cost, v.opCost, v.share = sized(v.cost, n, cp), sized(v.opCost, n, cp), sized(v.share, n, cp)
	v.p, v.belief, v.profit, v.value = sized(v.p, n, cp), sized(v.belief, n, cp), sized(v.profit, n, cp), sized(v.value, n, cp)
	v.pre = resize(v.pre, cp+1)
	v.suf = resize(v.suf, cp+1)
	if cap(v.hit) < cp {
		v.hit = make([]int32, 0, cp)
	}
	var err error
	if v.opCostS, err = newSampler(p.OperatingCostUSD); err != nil {
		return fmt.Errorf("agents: verification.operating_cost_usd: %w", err)
	}
	if v.shareS, err = newSampler(p.BridgeShare); err != nil {
		return fmt.Errorf("agents: verification.bridge_share: %w", err)
	}
	for i := range n {
		v.cost[i] = vg.drawCheckCost(vg.r)
		v.opCost[i], v.share[i] = vg.drawVerifierStake()
		v.belief[i] = vg.p.Fraud.PriorCheckRate
	}
	win := max(p.ChallengeWindowDays, 0) + 1
	g.pendingN = resize(g.pendingN, win)
	g.pendingUSD = resize(g.pendingUSD, win)
	g.pendingSum = 0
	g.cheatBelief = p.PriorCheatRate
	g.seen = float64(max(p.ReviseEveryBatches, 1))
	g.memory = p.MemoryDays * float64(vg.p.Sequencers.BatchesPerDay)
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
func (vg *verification) startDefensive() {
	p := &vg.p.Verification
	vg.g.defensive = p.Defensive
	if p.DefensiveDays > 0 && vg.day >= p.DefensiveDays {
		vg.g.defensive = 0
	}
}

// verify is the game's phase (SlotSequencing, after the batches are
// assigned): it plays today's batches in blocks of revise_every_batches:
// before each block every agent revises its strategy from its beliefs,
// then the block is played, then the beliefs take in the block's average
// play.
func (vg *verification) verify(day int) {
	vg.day = day
	vg.load()
	g := &vg.g
	g.dayChecks, g.dayCheat, g.dayBatches = 0, 0, len(vg.seq.batchOp)
	vg.startDefensive()
	vg.finaliseFrauds()
	if rd := vg.p.Verification.ReviewDays; rd > 0 && vg.day%rd == 0 {
		vg.reviewVerifiers()
	}
	k := max(vg.p.Verification.ReviseEveryBatches, 1)
	for start := 0; start < len(vg.seq.batchOp); start += k {
		end := min(start+k, len(vg.seq.batchOp))
		vg.revise(end - start)
		vg.playBlock(start, end)
	}
	for i, f := range vg.v.opCost { // the nodes run whether anyone checks or not
		vg.v.profit[i] -= f
	}
	vg.settleTreasury()
}

// revise sets every agent's mixed strategy to its logit best response to
// the current beliefs (see Verification for the rule), before a block of
// nb batches; with a verifier population it also adds the block's
// expected membership value to each verifier's.
func (vg *verification) revise(nb int) {
	v := &vg.v
	g := &vg.g
	o := &vg.seq
	vp := &vg.p.Verification
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
	none := vg.defensiveMiss() // the defensive validators all miss a batch
	g.detectBelief = 1 - none*v.pre[n]
	vg.takeFranchises()

	// Sequencers: gain G if the root passes, lose the bond S (plus the
	// slashed self-stake) if it is caught.
	price := vg.env.price()
	gain := vg.fraudGain()
	pen := vg.penalty
	chal := vg.p.Slashing.Split[2]
	var wfNum, wfDen float64
	for _, k := range vg.seq.online {
		q := vg.cheatProb(k, g.detectBelief, gain, price, vg.fr[k])
		vg.cheat[k] = q
		if chal > 0 && pen > 0 && q > 0 {
			slashable := o.self[k]
			if vg.p.Slashing.SlashDelegators {
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
	share := vg.potShare(sumBelief, n)
	population := vp.ReviewDays > 0
	qNow := 0.0
	if population {
		qNow = vg.cheatAt(g.detectBelief, gain, price)
	}
	for i := range n {
		others := none * v.pre[i] * v.suf[i+1]
		loss := vp.MissPenalty + v.share[i]*gain
		gamma := vg.checkGain(v.cost[i], loss, others, share)
		temp := vp.Noise * v.cost[i]
		v.p[i] = logitChoice(gamma, temp)
		if population {
			// Deterrence: without i the sequencers would believe detection
			// is 1 - others, and post fraud at cheatAt of that.
			deter := loss * others * (vg.cheatAt(1-others, gain, price) - qNow)
			v.value[i] += float64(nb) * (logSum(gamma, temp) + deter)
		}
	}
}

// playBlock plays batches [start, end): each batch's sequencer posts an
// invalid root with its probability (one draw); a fraud is checked by each
// verifier with its probability (one draw each). Checks of honest batches,
// attention payments and subsidies are counted at their expected values:
// they change only costs and payments, so drawing them would add noise and
// time but nothing else. Then the beliefs take in the block's average play.
func (vg *verification) playBlock(start, end int) {
	v := &vg.v
	g := &vg.g
	o := &vg.seq
	vp := &vg.p.Verification
	r := vg.r
	var qSum float64
	frauds := 0
	for b := start; b < end; b++ {
		s := int(vg.seq.batchOp[b])
		q := vg.cheat[s]
		if o.benched[s] {
			q = 0
		}
		qSum += q
		if q > 0 && r.Float64() < q {
			frauds++
			vg.fraud(s)
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
func (vg *verification) settleTreasury() {
	g := &vg.g
	owed := g.owedUSD
	g.owedUSD = 0
	if owed < 0 {
		vg.env.bankFraudBonds(-owed)
		return
	}
	if owed > 0 {
		vg.env.spendTreasury(owed)
	}
}
