package study

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/engine/sensitivity"
	"github.com/seqsim/seqsim/experiments"
)

// TestNonFiniteOutputsNamed: NaN outputs at some design points give a note
// naming the points and their parameters, not garbage indices.
func TestNonFiniteOutputsNamed(t *testing.T) {
	t.Parallel()
	e, err := experiments.Load("x.toml", experiments.Embedded("ishigami"), []string{"sensitivity.n=16", "sensitivity.second_order=false"})
	if err != nil {
		t.Fatal(err)
	}
	pl, err := e.Plan()
	if err != nil {
		t.Fatal(err)
	}
	y := make([]float64, pl.Points)
	for i := range y {
		y[i] = float64(i % 7)
	}
	y[5] = math.NaN()
	_, err = sensitivity.Sobol(pl.Saltelli, y, sensitivity.Bootstrap{})
	var nf *sensitivity.NonFiniteError
	if !errors.As(err, &nf) {
		t.Fatalf("err %v", err)
	}
	note := noteFor(err, pl)
	x := make([]float64, 3)
	pl.Saltelli.Point(5, x)
	if !strings.Contains(note, "point 5:") || !strings.Contains(note, "ishigami.x1="+strconv.FormatFloat(x[0], 'g', -1, 64)) {
		t.Errorf("note %q does not name point 5 and its parameters %v", note, x)
	}
}

// TestNoiseShare: the noise_share column is sensitivity.NoiseShare's
// ANOVA estimate. Two points, two replicates each: means 0 and 2,
// replicates at mean ± 1, so MSW = 2, MSB = 4 and σ²_between = (4−2)/2 = 1:
// share 2/3 (the former W/(W+B) gave 0.5). Without an estimate (one
// replicate, a run without a value, no variance) the cell is empty (NaN).
func TestNoiseShare(t *testing.T) {
	t.Parallel()
	if got := noiseShare([][]float64{{-1, 1}, {1, 3}}); math.Abs(got-2.0/3) > 1e-15 {
		t.Errorf("noise share %v, want 2/3", got)
	}
	for _, reps := range [][][]float64{{{1}, {2}}, {{1, math.NaN()}, {1, 3}}, {{5, 5}, {5, 5}}} {
		if got := noiseShare(reps); !math.IsNaN(got) {
			t.Errorf("noiseShare(%v) = %v, want NaN", reps, got)
		}
	}
}
