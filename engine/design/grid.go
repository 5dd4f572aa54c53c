package design

import (
	"fmt"
	"math"
)

// Grid is the full factorial design over explicit values: every combination
// of one value per factor, Len() = Π len(values[k]) rows. Row i is the
// mixed-radix expansion of i with the last factor varying fastest, as in the
// nested loops
//
//	for _, v0 := range values[0] { for _, v1 := range values[1] { … } }
//
// A Grid is safe for concurrent use.
type Grid struct {
	names  []string
	values [][]float64
	n      int
}

// maxGridRows bounds the number of rows of a Grid (2^40).
const maxGridRows = 1 << 40

// NewGrid returns the full factorial design of the given factor names and
// values per factor. There must be at least one factor, one non-empty list of
// finite values per name, unique non-empty names, and at most 2^40 rows. The
// inputs are copied.
func NewGrid(names []string, values [][]float64) (*Grid, error) {
	const op = "NewGrid"
	if err := checkNames(op, names); err != nil {
		return nil, err
	}
	if len(values) != len(names) {
		return nil, &ParamError{Op: op, Param: "len(values)", Value: len(values), Want: fmt.Sprintf("len(names) = %d", len(names))}
	}
	g := &Grid{names: append([]string(nil), names...), values: make([][]float64, len(values)), n: 1}
	for k, vs := range values {
		if len(vs) == 0 {
			return nil, &ParamError{Op: op, Param: fmt.Sprintf("values[%d]", k), Value: "[]", Want: "at least one value"}
		}
		for j, v := range vs {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, &ParamError{Op: op, Param: fmt.Sprintf("values[%d][%d]", k, j), Value: v, Want: "finite"}
			}
		}
		if g.n > maxGridRows/len(vs) {
			return nil, &ParamError{Op: op, Param: "rows", Value: "more than 2^40", Want: "<= 2^40"}
		}
		g.n *= len(vs)
		g.values[k] = append([]float64(nil), vs...)
	}
	return g, nil
}

// checkNames rejects an empty, blank or repeated name.
func checkNames(op string, names []string) error {
	if len(names) == 0 {
		return &ParamError{Op: op, Param: "names", Value: "[]", Want: "at least one factor"}
	}
	seen := make(map[string]bool, len(names))
	for k, name := range names {
		if name == "" || seen[name] {
			return &ParamError{Op: op, Param: fmt.Sprintf("names[%d]", k), Value: fmt.Sprintf("%q", name), Want: "a non-empty, unique name"}
		}
		seen[name] = true
	}
	return nil
}

// Len returns the number of rows, the product of the value counts.
func (g *Grid) Len() int { return g.n }

// Dim returns the number of factors.
func (g *Grid) Dim() int { return len(g.names) }

// Names returns the factor names. The slice must not be modified.
func (g *Grid) Names() []string { return g.names }

// Point writes the values of row i into dst (length Dim()). It panics if i is
// out of range.
func (g *Grid) Point(i int, dst []float64) {
	checkRow("Grid.Point", i, g.n)
	checkDst("Grid.Point", dst, g.Dim())
	for k := len(g.values) - 1; k >= 0; k-- {
		vs := g.values[k]
		dst[k] = vs[i%len(vs)]
		i /= len(vs)
	}
}
