package design

import (
	"errors"
	"math"
	"testing"
)

// TestMorrisTrajectories checks the defining properties (Morris 1991, §3):
// every point is on the p-level grid, consecutive points of a trajectory
// differ in exactly the factor Step reports, by its signed Δ = p/(2(p−1)),
// and every factor moves exactly once per trajectory.
func TestMorrisTrajectories(t *testing.T) {
	t.Parallel()
	for _, levels := range []int{2, 4, 6} {
		const d, r = 5, 40
		m, err := NewMorris(unitSpace(t, "a", "b", "c", "d", "e"), r, levels, 9)
		if err != nil {
			t.Fatal(err)
		}
		delta := float64(levels) / float64(2*(levels-1))
		if m.Delta() != delta || m.Len() != r*(d+1) || m.Len() != MorrisRuns(r, d) || m.Trajectories() != r || m.Levels() != levels {
			t.Fatalf("levels %d: Delta %g Len %d, want %g, %d", levels, m.Delta(), m.Len(), delta, r*(d+1))
		}
		prev, cur := make([]float64, d), make([]float64, d)
		for tr := range r {
			moved := make([]bool, d)
			m.UnitPoint(tr*(d+1), prev)
			for k := range d {
				m.UnitPoint(tr*(d+1)+k+1, cur)
				f, step := m.Step(tr, k)
				if moved[f] {
					t.Fatalf("trajectory %d: factor %d moves twice", tr, f)
				}
				moved[f] = true
				for g := range d {
					lvl := cur[g] * float64(levels-1)
					if cur[g] < 0 || cur[g] > 1 || math.Abs(lvl-math.Round(lvl)) > 1e-12 {
						t.Fatalf("point off the grid: %v", cur)
					}
					diff := cur[g] - prev[g]
					want := 0.0
					if g == f {
						want = step
					}
					if math.Abs(diff-want) > 1e-12 { // grid values k/(p−1): rounding only
						t.Fatalf("trajectory %d step %d: factor %d changed by %g, want %g", tr, k, g, diff, want)
					}
				}
				copy(prev, cur)
			}
		}
	}
	// Morris 1991: for p = 4, Δ = 2/3.
	m, _ := NewMorris(unitSpace(t, "a"), 2, 4, 0)
	if m.Delta() != 4.0/6 {
		t.Errorf("Delta() = %g, want 2/3", m.Delta())
	}
}

func TestNewMorrisErrors(t *testing.T) {
	t.Parallel()
	sp := unitSpace(t, "a", "b")
	for _, tc := range []struct {
		r, levels int
		param     string
	}{
		{1, 4, "r"}, {0, 4, "r"}, {10, 3, "levels"}, {10, 0, "levels"}, {10, -2, "levels"},
	} {
		_, err := NewMorris(sp, tc.r, tc.levels, 0)
		var pe *ParamError
		if !errors.As(err, &pe) || pe.Param != tc.param {
			t.Errorf("NewMorris(r=%d, levels=%d) = %v, want a *ParamError on %s", tc.r, tc.levels, err, tc.param)
		}
	}
}

func TestMorrisPoint(t *testing.T) {
	t.Parallel()
	d, _ := Discrete(10, 20, 30, 40)
	m, err := NewMorris(Space{Names: []string{"d"}, Marginals: []Quantiler{d}}, 5, 4, 3)
	if err != nil {
		t.Fatal(err)
	}
	u, x := make([]float64, 1), make([]float64, 1)
	for i := range m.Len() {
		m.UnitPoint(i, u)
		m.Point(i, x)
		// 4 levels on 4 values: level k/3 maps to values[k] (p = 1 to the last).
		if want := 10 * (1 + math.Round(u[0]*3)); x[0] != want {
			t.Errorf("row %d: unit %g maps to %g, want %g", i, u[0], x[0], want)
		}
	}
}
