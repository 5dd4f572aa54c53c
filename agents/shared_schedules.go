package agents

// schedulesEnv is the rest of the model as the schedules (emission.go,
// vesting.go) reach it: the holders' balance columns a release writes,
// the treasury, and the replay's events. (The emission needs the supply
// and the stake, which the wiring passes to it once a day, and what it
// emits is minted by the wiring: no call back.)
type schedulesEnv interface {
	tracer
	// vestingColumns are the holders' granted, locked and liquid balances
	// (whole columns, indexed by agent) for a release to write; vested
	// books n micro-tokens released into the liquid column.
	vestingColumns() (granted, locked, liquid []int64)
	vested(n int64)
	// toTreasury pays n released micro-tokens into the treasury.
	toTreasury(n int64)
}
