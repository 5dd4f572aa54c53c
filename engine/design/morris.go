package design

import (
	"fmt"
	"math/rand/v2"
)

// Morris is the elementary-effects screening design of M. D. Morris,
// "Factorial sampling plans for preliminary computational experiments",
// Technometrics 33 (1991) 161-174: r random trajectories of D+1 points each on
// the p-level grid {0, 1/(p−1), …, 1}^D of the unit cube. Consecutive points
// of a trajectory differ in exactly one factor, by ±Δ with
// Δ = p/(2(p−1)) (Morris's recommended step; for p = 4, Δ = 2/3), and every
// factor moves exactly once per trajectory, so each trajectory gives one
// elementary effect per factor from D+1 model runs. Trajectories are
// independent random draws (Morris 1991), not Campolongo's optimised
// selection.
//
// Design row i is point i%(D+1) of trajectory i/(D+1); [Morris.Step] records
// which factor changed between two consecutive points, and by how much.
// Grid points include the unit-cube corners 0 and 1, so the marginals must
// accept p = 0 and p = 1 (all of this package's do).
//
// A Morris is safe for concurrent use.
type Morris struct {
	space  Space
	r      int
	levels int
	// Per trajectory t and factor f, at index t*D+f:
	start []int32 // starting grid level of factor f, in [0, levels)
	pos   []int32 // position in [0, D) of factor f in the trajectory's order
	up    []bool  // whether factor f moves up (+Δ) or down (−Δ)
	order []int32 // order[t*D+k]: the factor that moves at step k
}

// NewMorris returns a Morris design of r ≥ 2 trajectories on a grid of
// levels p ≥ 2 levels per factor; p must be even, because for odd p the step
// Δ = p/(2(p−1)) does not land on the grid.
//
// Each trajectory draws, from a PCG seeded with (seed, a constant specific to
// Morris designs), for each factor in turn a base level b uniform in
// [0, p/2) and a direction (up or down; a factor moving down starts at
// b + p/2), then a uniformly random order of the factors. The same seed gives
// the same design.
func NewMorris(space Space, r, levels int, seed uint64) (*Morris, error) {
	sp, err := space.clone()
	if err != nil {
		return nil, err
	}
	if r < 2 {
		return nil, &ParamError{Op: "NewMorris", Param: "r", Value: r, Want: ">= 2 trajectories (sigma needs two effects)"}
	}
	if levels < 2 || levels%2 != 0 || levels > 1<<20 {
		return nil, &ParamError{Op: "NewMorris", Param: "levels", Value: levels, Want: "even and in [2, 2^20]"}
	}
	d := sp.Dim()
	if r > (1<<40)/(d+1) {
		return nil, &ParamError{Op: "NewMorris", Param: "r", Value: r, Want: fmt.Sprintf("<= %d for %d factors", (1<<40)/(d+1), d)}
	}
	m := &Morris{
		space: sp, r: r, levels: levels,
		start: make([]int32, r*d), pos: make([]int32, r*d), up: make([]bool, r*d), order: make([]int32, r*d),
	}
	rng := rand.New(rand.NewPCG(seed, morrisStream))
	half := levels / 2
	for t := range r {
		for f := range d {
			b := rng.IntN(half)
			up := rng.IntN(2) == 0
			if !up {
				b += half
			}
			m.start[t*d+f] = int32(b)
			m.up[t*d+f] = up
		}
		for k, f := range rng.Perm(d) {
			m.order[t*d+k] = int32(f)
			m.pos[t*d+f] = int32(k)
		}
	}
	return m, nil
}

// MorrisRuns returns the number of model runs of a Morris design with r
// trajectories and d factors: r(d+1).
func MorrisRuns(r, d int) int { return r * (d + 1) }

// Trajectories returns r.
func (m *Morris) Trajectories() int { return m.r }

// Levels returns the number of grid levels p.
func (m *Morris) Levels() int { return m.levels }

// Delta returns the step Δ = p/(2(p−1)) in unit-cube units.
func (m *Morris) Delta() float64 { return float64(m.levels) / float64(2*(m.levels-1)) }

// Dim returns the number of factors D.
func (m *Morris) Dim() int { return m.space.Dim() }

// Len returns the number of design rows, r(D+1).
func (m *Morris) Len() int { return m.r * (m.Dim() + 1) }

// Names returns the factor names. The slice must not be modified.
func (m *Morris) Names() []string { return m.space.Names }

// Space returns the design's parameter space. Its slices must not be modified.
func (m *Morris) Space() Space { return m.space }

// Step returns what changes between points k and k+1 of trajectory t, that is
// between design rows t(D+1)+k and t(D+1)+k+1, for k in [0, D): the factor
// that moves and its signed change delta = ±Δ in unit-cube units. It panics
// if t or k is out of range.
func (m *Morris) Step(t, k int) (factor int, delta float64) {
	d := m.Dim()
	if t < 0 || t >= m.r || k < 0 || k >= d {
		panic(fmt.Sprintf("design: Morris.Step(%d, %d) out of range [0, %d) x [0, %d)", t, k, m.r, d))
	}
	f := int(m.order[t*d+k])
	if m.up[t*d+f] {
		return f, m.Delta()
	}
	return f, -m.Delta()
}

// UnitPoint writes the unit-cube coordinates of design row i into dst (length
// Dim()). It panics if i is out of range.
func (m *Morris) UnitPoint(i int, dst []float64) {
	checkRow("Morris.UnitPoint", i, m.Len())
	d := m.Dim()
	checkDst("Morris.UnitPoint", dst, d)
	t, k := i/(d+1), int32(i%(d+1))
	half := int32(m.levels / 2)
	top := float64(m.levels - 1)
	for f := range dst {
		lvl := m.start[t*d+f]
		if m.pos[t*d+f] < k { // factor f has already moved
			if m.up[t*d+f] {
				lvl += half
			} else {
				lvl -= half
			}
		}
		dst[f] = float64(lvl) / top
	}
}

// Point writes the parameter values of design row i into dst (length Dim()).
// It panics if i is out of range.
func (m *Morris) Point(i int, dst []float64) {
	m.UnitPoint(i, dst)
	m.space.Map(dst, dst)
}
