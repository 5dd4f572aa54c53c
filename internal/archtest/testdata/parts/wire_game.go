package parts

// A wiring file may name the component's state type and call its methods.
func (w *World) reset() {
	var s gameState
	_ = s
	w.g.play()
}
