package agents

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/seqsim/seqsim/agents/protocol"
)

// mechanisms are the optional mechanisms of the token model, in the order
// they are declared: inside a slot of the day, their phases run in this
// order. An experiment turns one on by naming its section. Adding a
// mechanism is a file with its Declare, and one line here.
var mechanisms = []NewMechanism{
	// one per line, in declaration order
	NewLiquidityMining,
}

// Mechanisms returns the model's optional mechanisms, in order (a copy).
func Mechanisms() []NewMechanism { return slices.Clone(mechanisms) }

// day is the built-in work of each slot of a day, in order: the one place
// the order of the model is written (DESIGN.md, "The step"). Holders sell
// before they stake: an agent receiving an unlock decides what to sell,
// then stakes what it keeps. The phases of mechanisms follow the built-in
// work of their slot; the conservation check closes the day.
var day = [numSlots]func(w *World){
	SlotSchedules:  func(w *World) { w.emit(); w.release(w.day) },                                               // 1. emission, vesting
	SlotDemand:     (*World).demand,                                                                             // 2. fees and fair value
	SlotSequencing: func(w *World) { w.seq.at(w.day).sequence(); w.verif.verify(w.day); w.seq.updateRecords() }, // 3-4. offences, active set, batches; verification; operators' records
	SlotRewards:    func(w *World) { w.distributeRewards(w.distributeFees()) },                                  // 5. fees and emission through operators' commission
	SlotTrade:      func(w *World) { w.trade(); w.completeUnbonding() },                                         // 6-7. staking reviews, sells, treasury, arbitrage; cooldowns that end
	SlotDayEnd:     func(w *World) { w.seq.at(w.day).operatorsDayEnd() },                                        // operators sell earnings, exit or enter
	SlotGovernance: func(w *World) { w.gov.govern(w.day) },                                                      // 8. proposals, votes, the attacker
	SlotSignals:    (*World).updateAPR,                                                                          // staking signal for tomorrow
}

// parts are the built-in model's parts that are components: each owns its
// state and reaches the rest of the model only through the interfaces of
// shared_parts.go (internal/archtest, TestComponentIsolation). The World holds
// them; this file wires them: their phases in the day table above, their
// resets, records and summaries below.
type parts struct {
	verif   verification    // the verification game and the verifier population (verification.go, verifiers.go, fraud.go, payoffs.go, verification_metrics.go)
	capt    captureMeter    // the cost to capture, route by route (capture.go)
	council securityCouncil // the security council's keys, authority and veto (council.go)
	churn   churn           // the operators' exits, removals and entries (churn.go)
	eff     effectiveness   // when governance becomes effective (effective.go)
	att     attacker        // the attacker's plans, tokens and capital (attacker.go)
	gov     governance      // proposals, voters and the count of voting power (governance.go, proposals.go, voters.go, votingpower.go, bribes.go)
	tr      treasury        // the treasury's tokens and USD, its spending and shortfalls (treasury.go)
	seq     sequencing      // the operators, the active set, batches, rewards through commission, offences and slashing (network.go, operators.go, activeset.go, sequencing.go, offences.go, slashing.go)
}

// resetVerification resets the verification game with its two streams,
// which no other part draws from.
func (w *World) resetVerification() error {
	return w.verif.reset(w.p, w.streams.verification, w.streams.verifierPop, w)
}

// recordVerification and summariseVerification write the verification
// game's metrics.
func (w *World) recordVerification(row []float64)    { w.verif.record(row, &w.col) }
func (w *World) summariseVerification(out []float64) { w.verif.summarise(out, &w.col) }

// resetCapture, measureCapture, recordCapture and summariseCapture run
// the capture meter: reset with governance, measured at governance's
// measurements, reported with governance's metrics.
func (w *World) resetCapture()               { w.capt.reset(w.p, w) }
func (w *World) measureCapture()             { w.capt.measure(w.day) }
func (w *World) recordCapture(row []float64) { w.capt.record(row, &w.col) }
func (w *World) summariseCapture(settled int, out []float64) {
	w.capt.summarise(out, &w.col, w.day, settled)
}

// resetCouncil, compromiseKeys, gatekeeper, vetoProbability and
// councilCaptured run the security council for governance: reset with
// it, a key-compromise event on governance's calendar, and what the
// proposals and the capture prices ask of it.
func (w *World) resetCouncil()                 { w.council.reset(w.p, w.streams.governance, w) }
func (w *World) compromiseKeys()               { w.council.compromiseKeys(w.day) }
func (w *World) gatekeeper(d int) bool         { return w.council.gatekeeper(d) }
func (w *World) vetoProbability(d int) float64 { return w.council.vetoProbability(d) }
func (w *World) councilCaptured() bool         { return w.council.captured() }

// resetChurn, bookChurn, bookBonded, recordChurn and summariseChurn run
// the operator churn count for the operators: reset with them, an exit,
// removal or entry today, the day's count of operators in the network.
func (w *World) resetChurn()                  { w.churn.reset() }
func (w *World) bookChurn(status opStatus)    { w.churn.add(w.day, status) }
func (w *World) bookBonded(n int)             { w.churn.bookBonded(n) }
func (w *World) recordChurn(row []float64)    { w.churn.record(row, &w.col, w.day) }
func (w *World) summariseChurn(out []float64) { w.churn.summarise(out, &w.col) }

// resetEffectiveness, recordClose and summariseEffectiveness run the
// effective-governance tracker for governance: reset with it, an ordinary
// proposal's close today (proposals.go), and its outcome.
func (w *World) resetEffectiveness()                  { w.eff.reset(w.p) }
func (w *World) recordClose(decided bool)             { w.eff.recordClose(w.day, decided) }
func (w *World) summariseEffectiveness(out []float64) { w.eff.summarise(out, &w.col) }

// The attacker, for governance, the proposals, the voting-power count,
// the capture prices, the operators and the ledgers: its reset (with the
// governance stream, in governance's reset), its daily trading and stake
// check, its reviews, its votes on its proposal, what a capture pays it,
// what it holds, its outcome and its accounts.
func (w *World) resetAttacker() error {
	return w.att.reset(w.p, w.streams.governance, w, w.day)
}
func (w *World) attackerDaily()                             { w.att.daily() }
func (w *World) attackerNextReview() int                    { return w.att.nextReviewDay() }
func (w *World) attackerReview()                            { w.att.review(w.day) }
func (w *World) attackerAtSnapshot(pr *proposal)            { w.att.atSnapshot(pr) }
func (w *World) attackerAtClose(pr *proposal)               { w.att.atClose(pr) }
func (w *World) attackerDone()                              { w.att.done() }
func (w *World) attackerReceives(tokens int64, usd float64) { w.att.receive(tokens, usd) }
func (w *World) attackerPaid(usd float64)                   { w.att.receiveValue(usd) }
func (w *World) attackerHoldings() (int64, int)             { return w.att.holdings() }
func (w *World) attackerOperator() int                      { _, op := w.att.holdings(); return op }
func (w *World) attackerProfit() float64                    { return w.att.profit() }
func (w *World) attackerTokens() *int64                     { return w.att.tokens() }
func (w *World) attackerCapital() *float64                  { return w.att.capitalUSD() }

// Governance, for the World's reset, records and summaries, the capture
// prices, the attacker, the council, the treasury, the voters' interest,
// the governed parameters' outcomes and the ledger. Its reset comes in
// two parts around the council's and the attacker's, which draw from the
// governance stream after the voters and before the first event days.
// A call that may read the day passes today's (at).
func (w *World) resetGovernance() error {
	w.resetEffectiveness()
	w.resetCapture()
	if err := w.gov.reset(w.p, w.streams.governance, w, w.day); err != nil {
		return err
	}
	w.resetCouncil()
	if err := w.resetAttacker(); err != nil {
		return err
	}
	w.gov.start()
	return nil
}
func (w *World) recordGovernance(row []float64) { w.gov.record(row, &w.col); w.recordCapture(row) }
func (w *World) summariseGovernance(settled int, out []float64) {
	w.gov.summarise(out, &w.col)
	w.summariseCapture(settled, out)
	out[w.col.oAttackerProfit] = w.attackerProfit()
	w.summariseEffectiveness(out)
}
func (w *World) capture(kind int)              { w.gov.capture(w.day, kind) }
func (w *World) captured() bool                { return w.gov.isCaptured() }
func (w *World) countVotes(shares bool)        { w.gov.at(w.day).countVotes(shares) }
func (w *World) ownVotes() int64               { return w.gov.ownVotes() }
func (w *World) propose(kind propKind)         { w.gov.at(w.day).submit(proposal{kind: kind, byAttack: true}) }
func (w *World) governor() protocol.Governor   { return w.gov.governor() }
func (w *World) thresholdVotes() int64         { return w.gov.thresholdVotes() }
func (w *World) votesNeeded(own int64) int64   { return w.gov.votesNeeded(own) }
func (w *World) voteSuccess(start int) float64 { return w.gov.voteSuccess(start) }
func (w *World) markBribed(n int)              { w.gov.markBribed(n) }
func (w *World) grantees() []int32             { return w.gov.granteeList() }
func (w *World) proposalDeposits() *int64      { return w.gov.depositAccount() }
func (w *World) finalQuorum() float64          { return w.gov.quorum() }
func (w *World) cheapestBribe(kind propKind, own int64) (float64, int, bool) {
	return w.gov.at(w.day).cheapestBribe(kind, own)
}

// The sequencer network, for the World's reset, records and summaries,
// the ledger, the verification game, governance, the attacker, the
// holders' delegations (their columns, once a pass), the voters' interest
// and the capture prices. Its reset comes after the holders' and the
// pool's (launch operators take their stake from the treasury) and
// resets churn and the challengers' account with it.
func (w *World) resetNetwork() error {
	w.resetChurn()
	w.challengerTokens = 0
	return w.seq.reset(w.p, w.streams.network, w, w.day)
}
func (w *World) recordNetwork(row []float64)     { w.seq.record(row, &w.col) }
func (w *World) summariseSlashing(out []float64) { w.seq.summarise(out, &w.col) }
func (w *World) operatorAccounts() (self, unbond, liquid *int64) {
	return w.seq.accounts()
}
func (w *World) operatorSelfStake() int64         { return w.seq.selfStake() }
func (w *World) operatorUnbonding() int64         { return w.seq.unbonding() }
func (w *World) operatorColumns() opColumns       { return w.seq.columns() }
func (w *World) recountBuffer() []int64           { return w.seq.recountBuffer() }
func (w *World) recountOperators(deleg []int64)   { w.seq.at(w.day).recountOperators(deleg) }
func (w *World) sequencerView() seqView           { return w.seq.view() }
func (w *World) operatorVotes() operatorVotes     { return w.seq.votes() }
func (w *World) operatorEarns(k int, usd float64) { w.seq.earn(k, usd) }
func (w *World) operatorSlotFree() bool           { return w.seq.slotFree() }
func (w *World) openOperator() int                { return w.seq.at(w.day).openOperator() }
func (w *World) bond(k int, x int64)              { w.seq.at(w.day).bond(k, x) }
func (w *World) stakeShare(k int) (float64, bool) { return w.seq.stakeShare(k) }
func (w *World) operatorStake(k int) int64        { return w.seq.stakeOf(k) }
func (w *World) operatorTotalStake(k int) int64   { return w.seq.stake(k) }
func (w *World) capCommission(c float64)          { w.seq.capCommission(c) }
func (w *World) payOperators(m int64, stakerUSD, price float64) (int64, float64, bool) {
	return w.seq.payRewards(m, stakerUSD, price)
}
func (w *World) slash(k int, frac float64, jailDays int, remove bool) (total, toChallenger int64) {
	return w.seq.at(w.day).slash(k, frac, jailDays, remove)
}
func (w *World) stakeAgainst(fresh bool) int64 {
	return w.seq.at(w.day).stakeAgainst(fresh, w.attackerOperator(), w.live.minStake, w.live.maxActive)
}

// The treasury, for the World's reset, the ledgers, everything that pays
// into it or takes from it, the verification game, governance and the
// council (a drain), and the outcomes.
func (w *World) resetTreasury() {
	w.tr.reset(w, w.p.Treasury.InitialUSD)
	w.usd.in(flowLaunch, w.p.Treasury.InitialUSD)
}
func (w *World) treasuryAccounts() (*int64, *float64)   { return w.tr.accounts() }
func (w *World) treasuryTokens() int64                  { t, _ := w.tr.holdings(); return t }
func (w *World) treasuryUSD() float64                   { _, u := w.tr.holdings(); return u }
func (w *World) toTreasury(n int64)                     { w.tr.depositTokens(n) }
func (w *World) toTreasuryUSD(usd float64)              { w.tr.depositUSD(usd) }
func (w *World) fromTreasury(want int64) int64          { return w.tr.take(want) }
func (w *World) payTreasuryBudget()                     { w.tr.payBudget(w.day) }
func (w *World) spendTreasury(usd float64) bool         { return w.tr.spend(usd) }
func (w *World) payTreasuryTokens(n int64, grantee int) { w.tr.payTokens(n, grantee) }
func (w *World) treasuryShortfalls() int                { return w.tr.shortfalls() }

// drainTreasury records a capture of kind and moves attacker.drain_share
// of the treasury to the attacker, who then sells the tokens.
func (w *World) drainTreasury(kind int) {
	w.capture(kind)
	x, usd := w.tr.drain(w.p.Attacker.DrainShare)
	w.attackerReceives(x, usd)
}

// Step advances the world by one day.
func (w *World) Step() {
	w.day++
	w.soldUSDToday = 0
	for s, work := range day {
		w.slot = Slot(s)
		work(w)
		for _, run := range w.phases[s] {
			run(w.day)
		}
	}
	w.checkConservation() // 9. invariants
}

// extension is a mechanism built into a World: what it declared.
type extension struct {
	mech                 Mechanism
	key, doc             string
	defaults             any // *T
	bind                 func(any)
	series, outcomes     []Metric
	seriesAt, outcomesAt int // the columns of its first series and outcome
	accounts             []namedAccount
	usd                  []namedUSD
	index                int // its place in the World's list
	phases               []extPhase
	resets               []func(*rand.Rand) error
	record, summarise    func([]float64)
	pcg                  rand.PCG
	rng                  *rand.Rand
}

type extPhase struct {
	slot Slot
	name string
	run  func(day int)
}

// namedAccount is a ledger account with its name for messages.
type namedAccount struct {
	name string
	bal  *int64
}

// declare builds a mechanism and reads its declarations; w is nil when
// only the declarations are wanted.
func declare(build NewMechanism, w *World, seriesAt, outcomesAt, index int) (*extension, error) {
	e := &extension{mech: build(), seriesAt: seriesAt, outcomesAt: outcomesAt, index: index}
	m := &Model{w: w, ext: e}
	if err := e.mech.Declare(m); err != nil {
		m.errs = append(m.errs, err)
	}
	if e.key == "" && len(m.errs) == 0 {
		m.errorf("agents: a mechanism of type %T declares no section", e.mech)
	}
	if err := errMechanism(e.key, m.errs); err != nil {
		return nil, err
	}
	return e, nil
}

// buildMechanisms makes the World's mechanisms those of p's sections, and
// binds each to its section of p. A worker builds them once: the points
// of an experiment turn on the same mechanisms.
func (w *World) buildMechanisms(p *Params) error {
	if !w.built || !slices.Equal(w.extKeys, p.Sections.Keys()) {
		w.built = true
		w.accounts = w.coreAccounts()
		w.usd.accounts = w.coreUSD()
		w.exts, w.extKeys = nil, p.Sections.Keys()
		for i := range w.phases {
			w.phases[i] = nil
		}
		w.col = core().cols
		w.width, w.outcomes = numSeries(), numOutcomes()
		for _, s := range p.Sections.list {
			e, err := declare(s.build, w, w.width, w.outcomes, len(w.exts))
			if err != nil {
				w.built = false
				return err
			}
			if e.key != s.key {
				w.built = false
				return fmt.Errorf("agents: the mechanism of section %q declares %q", s.key, e.key)
			}
			e.rng = rand.New(&e.pcg)
			for _, ph := range e.phases {
				w.phases[ph.slot] = append(w.phases[ph.slot], ph.run)
			}
			w.accounts = append(w.accounts, e.accounts...)
			w.usd.accounts = append(w.usd.accounts, e.usd...)
			w.width += len(e.series)
			w.outcomes += len(e.outcomes)
			w.exts = append(w.exts, e)
		}
		w.usd.flows = make([]float64, int(numCoreFlows)+len(w.exts))
	}
	for i, e := range w.exts {
		e.bind(p.Sections.list[i].value)
	}
	return nil
}

// resetMechanisms empties the mechanisms' accounts, seeds their streams
// from r (after the built-in streams) and runs their resets.
func (w *World) resetMechanisms(r *rand.Rand) error {
	for _, e := range w.exts {
		for _, a := range e.accounts {
			*a.bal = 0
		}
		for _, a := range e.usd {
			*a.bal = 0
		}
		e.pcg.Seed(r.Uint64(), r.Uint64())
		for _, reset := range e.resets {
			if err := reset(e.rng); err != nil {
				return fmt.Errorf("agents: %s: %w", e.key, err)
			}
		}
	}
	return nil
}

// recordMechanisms writes the mechanisms' series into the day's row.
func (w *World) recordMechanisms(row []float64) {
	for _, e := range w.exts {
		if e.record != nil {
			e.record(row)
		}
	}
}

// summariseMechanisms writes the mechanisms' outcomes.
func (w *World) summariseMechanisms(out []float64) {
	for _, e := range w.exts {
		if e.summarise != nil {
			e.summarise(out)
		}
	}
}
