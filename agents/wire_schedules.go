package agents

import "github.com/seqsim/seqsim/agents/protocol"

// The wiring of the schedules (emission.go, vesting.go): the World hands
// them the emission schedule and itself at reset, and the rest of the
// model reads today's emission, takes a share of it, changes its level
// and reads the allocations and cliffs through these methods
// (internal/archtest allows calls of a component's methods only from
// model.go and wire_*.go).

// resetSchedules starts the schedules of a run: the emission schedule from
// the parameters, over the initial supply.
func (w *World) resetSchedules() {
	e := &w.p.Emission
	w.sch.reset(w, protocol.EmissionSchedule{
		Kind: e.Kind, AnnualRate: e.AnnualRate, HalfLifeYears: e.HalfLifeYears,
		HalvingDays: e.HalvingDays, Cap: protocol.ToMicro(e.CapTokens), InitialSupply: w.supply0,
		StarknetC: e.StarknetC, EspressoR0: e.EspressoR0, EthereumK: e.EthereumK,
	})
}

// resetVesting sets the run's allocations (the holders then draw their
// agents, resetHolders) and returns the number of holder agents. The
// cliffs are handed over once a run: the pre-sellers' window is read every
// round of the holder pass.
func (w *World) resetVesting() int {
	n := w.sch.resetVesting(w.p.Allocations, w.p.Supply.InitialTokens, w.supply0, w.p.Simulation.HorizonDays)
	w.cliffs = w.sch.cliffDays()
	return n
}

// runSchedules is the day's work of SlotSchedules: the emission, minted
// into the reward pool, at today's supply and bonded stake (the holders'
// and the operators' own), then the vesting releases.
func (w *World) runSchedules() {
	if m := w.sch.emit(w.day, w.supply0+w.minted-w.burned, w.totStaked+w.operatorSelfStake()); m > 0 {
		w.minted += m
		w.rewardPool += m
	}
	w.sch.release(w.day)
}

// releaseAtLaunch releases what vests at launch (day 0): after the
// holders are drawn, before the pool takes its tokens from the treasury.
func (w *World) releaseAtLaunch() { w.sch.release(0) }

// The emission, for the Minting interface, the rewards, the governed
// level, the voters' interest and the records.
func (w *World) emittedToday() int64                         { return w.sch.today() }
func (w *World) stakersEmission() int64                      { return w.sch.forStakers() }
func (w *World) emissionLevel() (*float64, float64)          { return w.sch.level() }
func (w *World) emissionSchedule() protocol.EmissionSchedule { return w.sch.schedule() }

// takeEmission takes the fraction frac of the stakers' part of today's
// emission out of the reward pool (Minting.Take): nothing once the
// stakers have been paid (SlotRewards and later).
func (w *World) takeEmission(frac float64) int64 {
	if w.slot >= SlotRewards {
		return 0
	}
	n := w.sch.take(frac, w.rewardPool)
	w.rewardPool -= n
	return n
}

// The vesting, for the holders' reset, the ledger and its recount, the
// circulating supply.
func (w *World) allocationAt(ai int) (start, end int, total int64, treasury bool) {
	return w.sch.allocation(ai)
}
func (w *World) lockedAccount() *int64 { return w.sch.lockedAccount() }
func (w *World) lockedTokens() int64   { return w.sch.lockedTotal() }
func (w *World) treasuryLocked() int64 { return w.sch.treasuryLocked() }
