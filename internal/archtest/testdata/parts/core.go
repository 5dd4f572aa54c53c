package parts

// The core may neither name the component's state nor call it.
func (w *World) leak() int {
	var s gameState
	_ = s
	w.g.play()
	return w.g.state.n
}
