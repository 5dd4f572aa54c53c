package design

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
)

// BlockKind says which matrix of the Saltelli scheme a design row comes from.
type BlockKind uint8

const (
	BlockA  BlockKind = iota // row of matrix A (the first D columns of the base sample)
	BlockAB                  // A with column j taken from B ("AB_j")
	BlockBA                  // B with column j taken from A ("BA_j"), second order only
	BlockB                   // row of matrix B (the last D columns of the base sample)
)

// String returns "A", "AB", "BA" or "B".
func (k BlockKind) String() string {
	switch k {
	case BlockA:
		return "A"
	case BlockAB:
		return "AB"
	case BlockBA:
		return "BA"
	case BlockB:
		return "B"
	}
	return fmt.Sprintf("BlockKind(%d)", uint8(k))
}

// Saltelli is the sampling design for Sobol indices of Saltelli (2002, 2010):
// A. Saltelli, "Making best use of model evaluations to compute sensitivity
// indices", Comput. Phys. Commun. 145 (2002) 280-297, and A. Saltelli et al.,
// "Variance based sensitivity analysis of model output. Design and estimator
// for the total sensitivity index", Comput. Phys. Commun. 181 (2010) 259-270,
// laid out as SALib's sample/sobol.py does.
//
// The base sample is a scrambled [Sobol] sequence of dimension 2D with N
// points; its first D columns form matrix A and its last D matrix B. Each base
// row j gives RowsPerBase consecutive design rows, in SALib's order:
//
//	A, AB_1, …, AB_D, [BA_1, …, BA_D if second order], B
//
// so the model must be run Len() = N(D+2) times, or N(2D+2) with second-order
// indices (see [SaltelliRuns]). Rows are computed on demand from their index
// (random access), so no matrix is stored.
//
// A Saltelli is safe for concurrent use.
type Saltelli struct {
	// Notice is non-empty when NewSaltelli changed what was asked for, e.g.
	// rounded n up to a power of two; show it to the user.
	Notice string

	space       Space
	n           int
	secondOrder bool
	rows        int // rows per base row
	seq         *Sobol
}

// nextPow2 returns the smallest power of two ≥ n, for n ≥ 1.
func nextPow2(n int) int { return 1 << bits.Len(uint(n-1)) }

// maxSaltelliN keeps N(2D+2) well inside int on 64-bit machines and N within
// the Sobol sequence.
const maxSaltelliN = 1 << 40

// NewSaltelli returns the Saltelli design for space with n base samples, with
// second-order rows if secondOrder is set, scrambled from seed.
//
// The Sobol base sample is balanced only for a power-of-two number of points,
// so an n that is not a power of two is rounded up to the next one and the
// change is recorded in Notice (never silently). n must be ≥ 2, and 2D must
// not exceed MaxSobolDim. The scramble uses a PCG seeded with (seed, a
// constant specific to Saltelli designs); the same seed gives the same design.
func NewSaltelli(space Space, n int, secondOrder bool, seed uint64) (*Saltelli, error) {
	sp, err := space.clone()
	if err != nil {
		return nil, err
	}
	d := sp.Dim()
	if 2*d > MaxSobolDim {
		return nil, &ParamError{Op: "NewSaltelli", Param: "Dim()", Value: d, Want: fmt.Sprintf("<= %d (the Sobol base sample has 2D dimensions)", MaxSobolDim/2)}
	}
	if n < 2 || n > maxSaltelliN {
		return nil, &ParamError{Op: "NewSaltelli", Param: "n", Value: n, Want: "in [2, 2^40]"}
	}
	s := &Saltelli{space: sp, n: nextPow2(n), secondOrder: secondOrder, rows: rowsPerBase(d, secondOrder)}
	if s.n != n {
		s.Notice = fmt.Sprintf("n = %d is not a power of two: rounded up to %d so the Sobol base sample stays balanced (%d model runs)",
			n, s.n, s.Len())
	}
	s.seq, err = NewSobol(2*d, rand.New(rand.NewPCG(seed, saltelliStream)))
	if err != nil {
		return nil, err
	}
	return s, nil
}

func rowsPerBase(d int, secondOrder bool) int {
	if secondOrder {
		return 2*d + 2
	}
	return d + 2
}

// SaltelliRuns returns the number of model runs a Saltelli design with n base
// samples and d factors needs: N(d+2), or N(2d+2) with second order, where N
// is n rounded up to a power of two as NewSaltelli does. It returns 0 when n
// or d is out of NewSaltelli's range.
func SaltelliRuns(n, d int, secondOrder bool) int {
	if n < 2 || n > maxSaltelliN || d < 1 || 2*d > MaxSobolDim {
		return 0
	}
	return nextPow2(n) * rowsPerBase(d, secondOrder)
}

// N returns the number of base samples (after rounding to a power of two).
func (s *Saltelli) N() int { return s.n }

// Dim returns the number of factors D.
func (s *Saltelli) Dim() int { return s.space.Dim() }

// SecondOrder reports whether the design has the BA_j rows needed for
// second-order indices.
func (s *Saltelli) SecondOrder() bool { return s.secondOrder }

// RowsPerBase returns the number of design rows per base row: D+2, or 2D+2
// with second order.
func (s *Saltelli) RowsPerBase() int { return s.rows }

// Len returns the number of design rows, that is model runs: N·RowsPerBase().
func (s *Saltelli) Len() int { return s.n * s.rows }

// Names returns the factor names. The slice must not be modified.
func (s *Saltelli) Names() []string { return s.space.Names }

// Space returns the design's parameter space. Its slices must not be modified.
func (s *Saltelli) Space() Space { return s.space }

// Block returns where design row i comes from: its base row in [0, N), its
// block kind, and for AB and BA rows the factor j in [0, D) whose column was
// swapped (j is -1 for A and B rows). It panics if i is out of range.
func (s *Saltelli) Block(i int) (base int, kind BlockKind, j int) {
	checkRow("Saltelli.Block", i, s.Len())
	base, off := i/s.rows, i%s.rows
	d := s.Dim()
	switch {
	case off == 0:
		return base, BlockA, -1
	case off == s.rows-1:
		return base, BlockB, -1
	case off <= d:
		return base, BlockAB, off - 1
	default:
		return base, BlockBA, off - 1 - d
	}
}

// UnitPoint writes the unit-cube coordinates of design row i into dst, which
// must have length Dim(). It panics if i is out of range.
func (s *Saltelli) UnitPoint(i int, dst []float64) {
	checkDst("Saltelli.UnitPoint", dst, s.Dim())
	base, kind, j := s.Block(i)
	d := s.Dim()
	for k := range dst {
		col := k // A: columns 0..D-1 of the base sample
		switch kind {
		case BlockB:
			col = k + d
		case BlockAB:
			if k == j {
				col = k + d
			}
		case BlockBA:
			if k != j {
				col = k + d
			}
		}
		dst[k] = s.seq.At(uint64(base), col)
	}
}

// Point writes the parameter values of design row i into dst (length Dim()):
// the unit point mapped through the space's marginals. It panics if i is out
// of range.
func (s *Saltelli) Point(i int, dst []float64) {
	s.UnitPoint(i, dst)
	s.space.Map(dst, dst)
}
