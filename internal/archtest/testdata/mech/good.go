package mech

type goodState struct{ n int }

type Good struct{ s goodState }

func (g *Good) Declare(m *Model) error { g.s.n = int(m.Price()); return nil }
