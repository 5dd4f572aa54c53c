package experiments

import "testing"

func BenchmarkPoint(b *testing.B) {
	e, err := Load("ishigami.toml", Embedded("ishigami"), nil)
	if err != nil {
		b.Fatal(err)
	}
	pl, err := e.Plan()
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		pl.Point(i % pl.Points)
		i++
	}
}
