package parts

type game struct {
	e     env
	state gameState
}

type gameState struct{ n int }

func (g *game) play() { g.state.n += g.e.score() + g.rule() }
