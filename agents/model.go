package agents

import "slices"

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
	SlotSchedules:  (*World).runSchedules,                                                                       // 1. emission, vesting
	SlotDemand:     (*World).runDemand,                                                                          // 2. fees and fair value
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
	dem     demandSide      // the fee level and revenue, the value process's steps, the fee split, what was paid to stake and the APR signal (demand.go, fees.go)
	sch     schedules       // the emission and the vesting of the allocations (emission.go, vesting.go)
	live    governed        // the parameters governance can change, this run's copy (governed.go)
	seq     sequencing      // the operators, the active set, batches, rewards through commission, offences and slashing (network.go, operators.go, activeset.go, sequencing.go, offences.go, slashing.go)
	mk      market          // the pool, the outside traders, the day's selling, arbitrage and organic buyers (market.go)
	prices  routePrices     // the price of each route to capture, the attacker's payoff and trade size, a voter's loss, the money market (capture_prices.go)
}

// Step advances the world by one day.
func (w *World) Step() {
	w.day++
	w.newMarketDay()
	for s, work := range day {
		w.slot = Slot(s)
		work(w)
		for _, run := range w.phases[s] {
			run(w.day)
		}
	}
	w.checkConservation() // 9. invariants
}
