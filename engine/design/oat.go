package design

import (
	"fmt"
	"math"
)

// OAT is the one-at-a-time design behind a tornado chart: row 0 is the base
// point, and rows 2k+1 and 2k+2 set factor k to its low and high value with
// every other factor at base, so Len() = 2D+1. OAT ignores interactions; use
// it to explain a result, and [Morris] or [Saltelli] to rank factors.
//
// An OAT is safe for concurrent use.
type OAT struct {
	names        []string
	base, lo, hi []float64
}

// NewOAT returns the one-at-a-time design around base, moving factor k to
// lo[k] and hi[k]. All slices must have the same length ≥ 1, the values must
// be finite with lo[k] ≤ base[k] ≤ hi[k], and names must be non-empty and
// unique. The inputs are copied.
func NewOAT(names []string, base, lo, hi []float64) (*OAT, error) {
	const op = "NewOAT"
	if err := checkNames(op, names); err != nil {
		return nil, err
	}
	for _, s := range []struct {
		name string
		v    []float64
	}{{"base", base}, {"lo", lo}, {"hi", hi}} {
		if len(s.v) != len(names) {
			return nil, &ParamError{Op: op, Param: "len(" + s.name + ")", Value: len(s.v), Want: fmt.Sprintf("len(names) = %d", len(names))}
		}
		for k, x := range s.v {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return nil, &ParamError{Op: op, Param: fmt.Sprintf("%s[%d]", s.name, k), Value: x, Want: "finite"}
			}
		}
	}
	for k := range names {
		if !(lo[k] <= base[k] && base[k] <= hi[k]) {
			return nil, &ParamError{Op: op, Param: fmt.Sprintf("base[%d]", k), Value: base[k],
				Want: fmt.Sprintf("in [lo, hi] = [%g, %g]", lo[k], hi[k])}
		}
	}
	clone := func(s []float64) []float64 { return append([]float64(nil), s...) }
	return &OAT{names: append([]string(nil), names...), base: clone(base), lo: clone(lo), hi: clone(hi)}, nil
}

// Len returns the number of rows, 2D+1.
func (o *OAT) Len() int { return 2*len(o.names) + 1 }

// Dim returns the number of factors D.
func (o *OAT) Dim() int { return len(o.names) }

// Names returns the factor names. The slice must not be modified.
func (o *OAT) Names() []string { return o.names }

// Base returns factor k's base value.
func (o *OAT) Base(k int) float64 { return o.base[k] }

// Range returns factor k's low and high values.
func (o *OAT) Range(k int) (lo, hi float64) { return o.lo[k], o.hi[k] }

// Factor says what row i is: factor -1 for the base row 0, otherwise the
// factor k that is moved and whether it is at its high (true) or low value.
// It panics if i is out of range.
func (o *OAT) Factor(i int) (k int, high bool) {
	checkRow("OAT.Factor", i, o.Len())
	if i == 0 {
		return -1, false
	}
	return (i - 1) / 2, (i-1)%2 == 1
}

// Point writes the values of row i into dst (length Dim()). It panics if i is
// out of range.
func (o *OAT) Point(i int, dst []float64) {
	checkDst("OAT.Point", dst, o.Dim())
	k, high := o.Factor(i)
	copy(dst, o.base)
	switch {
	case k < 0:
	case high:
		dst[k] = o.hi[k]
	default:
		dst[k] = o.lo[k]
	}
}
