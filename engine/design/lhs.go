package design

import (
	"fmt"
	"math/rand/v2"
)

// Table is a design stored as a matrix of unit-cube points, n rows by Dim()
// columns, mapped through the space's marginals on access. [LatinHypercube]
// returns one.
//
// A Table is safe for concurrent use.
type Table struct {
	space Space
	n     int
	unit  []float64 // row-major, n*Dim()
}

// maxTableCells bounds n·D for a stored design (8 bytes a cell: 8 GiB).
const maxTableCells = 1 << 30

// LatinHypercube returns a Latin hypercube sample of n ≥ 1 points (McKay,
// Beckman and Conover, Technometrics 21 (1979) 239-245): each coordinate has
// exactly one point in each of the n equal strata of [0, 1), at a uniformly
// random place inside it, and the strata of different coordinates are paired
// by independent random permutations.
//
// From a PCG seeded with (seed, a constant specific to Latin hypercubes), for
// each factor in turn it draws a permutation of the strata and then one
// uniform offset per row. The same seed gives the same design.
func LatinHypercube(space Space, n int, seed uint64) (*Table, error) {
	sp, err := space.clone()
	if err != nil {
		return nil, err
	}
	d := sp.Dim()
	if n < 1 || n > maxTableCells/d {
		return nil, &ParamError{Op: "LatinHypercube", Param: "n", Value: n, Want: fmt.Sprintf("in [1, %d]", maxTableCells/d)}
	}
	t := &Table{space: sp, n: n, unit: make([]float64, n*d)}
	rng := rand.New(rand.NewPCG(seed, lhsStream))
	for f := range d {
		for i, stratum := range rng.Perm(n) {
			t.unit[i*d+f] = (float64(stratum) + rng.Float64()) / float64(n)
		}
	}
	return t, nil
}

// Len returns the number of rows n.
func (t *Table) Len() int { return t.n }

// Dim returns the number of factors.
func (t *Table) Dim() int { return t.space.Dim() }

// Names returns the factor names. The slice must not be modified.
func (t *Table) Names() []string { return t.space.Names }

// UnitPoint writes the unit-cube coordinates of row i into dst (length
// Dim()). It panics if i is out of range.
func (t *Table) UnitPoint(i int, dst []float64) {
	checkRow("Table.UnitPoint", i, t.n)
	d := t.Dim()
	checkDst("Table.UnitPoint", dst, d)
	copy(dst, t.unit[i*d:(i+1)*d])
}

// Point writes the parameter values of row i into dst (length Dim()). It
// panics if i is out of range.
func (t *Table) Point(i int, dst []float64) {
	t.UnitPoint(i, dst)
	t.space.Map(dst, dst)
}
