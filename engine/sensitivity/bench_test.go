package sensitivity

import (
	"testing"

	"github.com/seqsim/seqsim/engine/design"
)

// BenchmarkSobolIshigami measures the analysis (estimates plus the default
// 1000 bootstrap resamples) of Ishigami outputs on a Saltelli design with
// N = 4096, with and without second-order indices. Model runs are outside
// the timed loop.
func BenchmarkSobolIshigami(b *testing.B) {
	for _, bc := range []struct {
		name   string
		second bool
	}{{"first+total", false}, {"second", true}} {
		b.Run(bc.name, func(b *testing.B) {
			d, err := design.NewSaltelli(ishigamiSpace(b), 4096, bc.second, 1)
			if err != nil {
				b.Fatal(err)
			}
			y := evaluate(d, ishigami)
			for b.Loop() {
				if _, err := Sobol(d, y, Bootstrap{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkMorrisIshigami measures the Morris analysis of 1000 trajectories.
func BenchmarkMorrisIshigami(b *testing.B) {
	d, err := design.NewMorris(ishigamiSpace(b), 1000, 4, 1)
	if err != nil {
		b.Fatal(err)
	}
	y := evaluate(d, ishigami)
	for b.Loop() {
		if _, err := Morris(d, y, Bootstrap{}); err != nil {
			b.Fatal(err)
		}
	}
}
