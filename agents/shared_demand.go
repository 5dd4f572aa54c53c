package agents

// demandEnv is the rest of the model as the demand side (demand.go,
// fees.go) reaches it: the replay's events. (What it splits and what it
// signals, the wiring moves and publishes: the pool, the treasury, the
// operators and the ledgers are not its.)
type demandEnv interface {
	tracer
}
