package agents

// The interfaces between the built-in parts of the model: a component
// (model.go lists them in parts) owns its state and reaches the others only
// through these, as a mechanism does through the exported ones of shared.go.
// Each component's needs are a file of their own, shared_<component>.go
// (internal/archtest allows every component those files and no other
// state); the World implements them (env.go), and the wiring,
// wire_<component>.go, hands the World over at reset. They are called once
// a day or once an event, never once an agent: what a loop over agents
// needs comes as whole columns (seqView, opColumns), as HolderTable's do.

// tracer records the events of a replayed run.
type tracer interface {
	// tracing reports whether events are recorded: callers format an
	// event's details only then.
	tracing() bool
	event(kind, subject string, amount float64, unit, detail string)
}
