// Package parts is a fixture for TestComponentIsolation: a tiny model with
// one component (game.go, game_rules.go) wired in model.go and
// wire_game.go, a core file
// that reaches into the component's state (core.go), and a component file
// that reaches into the World's (game_rules.go).
package parts

// World holds the component, as agents.World holds its parts.
type World struct {
	hidden int
	parts
}

type parts struct{ g game } // the wiring may name the component's type

func (w *World) score() int { return w.hidden } // behind env: allowed

func (w *World) step() { w.g.play() } // the wiring calls its methods
