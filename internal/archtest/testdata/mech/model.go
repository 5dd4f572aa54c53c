// Package mech is a fixture for TestMechanismIsolation: a tiny model with
// one well-behaved mechanism (good.go) and one that reaches into the
// model's and another mechanism's state (bad.go).
package mech

type Model struct{ w *world }

type world struct{ pool int64 }

func (m *Model) Price() float64 { return float64(m.w.pool) }

func helper() int { return 1 }
