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

// TestNoiseShare: points whose means differ by a known spread and whose
// replicates by a known seed noise give the noise share W / (W + B).
func TestNoiseShare(t *testing.T) {
	t.Parallel()
	// Two points, two replicates each: means 0 and 2 (B = 2), replicates
	// at mean ± 1 (W = 2): share 0.5.
	ms := make([][]moments, 2)
	for p, vals := range [][]float64{{-1, 1}, {1, 3}} {
		ms[p] = make([]moments, 1)
		for _, v := range vals {
			ms[p][0].sum.Add(v)
			ms[p][0].sumSq.Add(v * v)
			ms[p][0].n++
		}
	}
	if got := noiseShare(ms, 0); math.Abs(got-0.5) > 1e-12 {
		t.Errorf("noise share %v, want 0.5", got)
	}
}
