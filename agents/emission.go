package agents

// The schedules, a component of the built-in model (model.go wires it):
// the emission schedule and today's emission (this file), and the vesting
// of the launch allocations (vesting.go). It reaches the holders' balance
// columns, the treasury and the replay's events only through schedulesEnv
// (shared_schedules.go); the wiring (wire_schedules.go) hands it the
// supply and the stake and mints what it emits, and the rest of the model
// reads today's emission and takes a share of it through the wiring.

import "github.com/seqsim/seqsim/agents/protocol"

// schedules is the emission and vesting state of one run.
type schedules struct {
	env schedulesEnv // the rest of the model

	emission    protocol.EmissionSchedule // this run's schedule; governance changes its level
	mintedToday int64                     // micro-tokens minted today
	emitStakers int64                     // today's emission left for stakers (Minting.Take)

	allocs []allocation // the launch allocations, in the order of Params.Allocations
	cliffs []int        // distinct cliff days of holder allocations within the horizon, increasing
	locked int64        // micro-tokens still vesting, holders' and the treasury's (a ledger account)
}

// reset starts a run with the emission schedule e and nothing minted; the
// allocations are set by resetVesting. The slices keep their memory (one
// World per worker).
func (s *schedules) reset(env schedulesEnv, e protocol.EmissionSchedule) {
	s.env = env
	s.emission = e
	s.mintedToday, s.emitStakers = 0, 0
}

// emit is day's emission at the total supply and the bonded stake
// (micro-tokens), which the wiring mints into the reward pool; the
// stakers' part (what Minting.Take leaves) is paid in SlotRewards through
// the operators.
func (s *schedules) emit(day int, supply, bonded int64) int64 {
	m := s.emission.MintedOn(day, supply, bonded)
	s.mintedToday, s.emitStakers = m, m
	return m
}

// today is the micro-tokens minted today; forStakers what is left of it
// for the stakers.
func (s *schedules) today() int64      { return s.mintedToday }
func (s *schedules) forStakers() int64 { return s.emitStakers }

// take takes the fraction frac of the stakers' part of today's emission,
// at most available (what the reward pool holds), and returns it.
func (s *schedules) take(frac float64, available int64) int64 {
	n := min(protocol.FracOf(s.emitStakers, frac), available)
	if n <= 0 {
		return 0
	}
	s.emitStakers -= n
	return n
}

// level is the emission's governed level and its upper bound
// (EmissionSchedule.Level; nil when the kind has none).
func (s *schedules) level() (*float64, float64) { return s.emission.Level() }

// schedule is a copy of the emission schedule, to price a change of its
// level without changing the run's.
func (s *schedules) schedule() protocol.EmissionSchedule { return s.emission }

// declareScheduleMetrics declares the supply's metrics: what was minted and
// burned. record.go writes them: the supply counts (minted, burned) are the
// World's token ledger, and inflation is over the World's total supply.
func declareScheduleMetrics(d *coreDecls, c *columns) {
	d.Series(&c.sInflation, Metric{Name: "inflation", Unit: "1/year", Doc: "tokens minted that day, annualised, over total supply"})
	d.Series(&c.sBurned, Metric{Name: "burned_total", Unit: "tokens", Doc: "cumulative tokens burned"})
	d.Outcome(&c.oTotalBurned, Metric{Name: "total_burned", Unit: "tokens", Doc: "tokens burned over the run"})
	d.Outcome(&c.oTotalEmitted, Metric{Name: "total_emitted", Unit: "tokens", Doc: "tokens minted by emission over the run"})
}
