package agents

// The wiring of the verification game: the World hands each component
// its parameters, its stream and itself (the interfaces the component
// needs) at reset, and other parts reach it through these methods
// (internal/archtest allows calls of a component's methods only from
// model.go and wire_*.go).

// resetVerification resets the verification game with its two streams,
// which no other part draws from.
func (w *World) resetVerification() error {
	return w.verif.reset(w.p, w.streams.verification, w.streams.verifierPop, w)
}

// recordVerification and summariseVerification write the verification
// game's metrics.
func (w *World) recordVerification(row []float64)    { w.verif.record(row, &w.col) }
func (w *World) summariseVerification(out []float64) { w.verif.summarise(out, &w.col) }
