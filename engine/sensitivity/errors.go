package sensitivity

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

var (
	// ErrParam is wrapped by every *ParamError: an invalid argument.
	ErrParam = errors.New("sensitivity: invalid parameter")

	// ErrLength is wrapped by *LengthError: the outputs do not match the
	// design's rows.
	ErrLength = errors.New("sensitivity: output length does not match the design")

	// ErrNonFinite is wrapped by *NonFiniteError: some outputs are NaN or ±Inf.
	ErrNonFinite = errors.New("sensitivity: non-finite output")

	// ErrNoVariance reports an output that does not vary over the design, so
	// no share of its variance can be attributed to any factor. The analyses
	// return it instead of NaN or zero indices.
	ErrNoVariance = errors.New("sensitivity: no variance")
)

// ParamError reports one invalid argument. It wraps [ErrParam].
type ParamError struct {
	Op    string // function that rejected the value, e.g. "Sobol"
	Param string // parameter, e.g. "b.Level"
	Value any    // the rejected value
	Want  string // what a valid value looks like
}

func (e *ParamError) Error() string {
	return fmt.Sprintf("sensitivity: %s: %s = %v, want %s", e.Op, e.Param, e.Value, e.Want)
}

// Unwrap returns [ErrParam].
func (e *ParamError) Unwrap() error { return ErrParam }

// LengthError reports outputs whose count differs from the design's Len().
// It wraps [ErrLength].
type LengthError struct {
	Got, Want int // len(y) and the design's Len()
}

func (e *LengthError) Error() string {
	return fmt.Sprintf("sensitivity: %d outputs for a design of %d rows", e.Got, e.Want)
}

// Unwrap returns [ErrLength].
func (e *LengthError) Unwrap() error { return ErrLength }

// MaxNonFinitePoints is the number of offending rows whose parameter values a
// *NonFiniteError carries in Points.
const MaxNonFinitePoints = 5

// NonFiniteError reports outputs that are NaN or ±Inf, which no estimator can
// use: a model failure the caller must fix or filter at those points. It
// wraps [ErrNonFinite].
type NonFiniteError struct {
	Rows   []int       // every offending design row, in increasing order
	Names  []string    // the design's factor names, for reading Points
	Points [][]float64 // parameter values of the first min(len(Rows), MaxNonFinitePoints) rows
}

func (e *NonFiniteError) Error() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "sensitivity: %d non-finite outputs (NaN or ±Inf) at design rows %v", len(e.Rows), headInts(e.Rows, 10))
	if len(e.Points) > 0 {
		fmt.Fprintf(&sb, "; row %d has", e.Rows[0])
		for k, x := range e.Points[0] {
			if k < len(e.Names) {
				fmt.Fprintf(&sb, " %s=%.6g", e.Names[k], x)
			}
		}
	}
	return sb.String()
}

// Unwrap returns [ErrNonFinite].
func (e *NonFiniteError) Unwrap() error { return ErrNonFinite }

func headInts(s []int, n int) string {
	if len(s) <= n {
		return fmt.Sprint(s)
	}
	return strings.TrimSuffix(fmt.Sprint(s[:n]), "]") + " …]"
}

// pointer is the part of a design the error reports need.
type pointer interface {
	Dim() int
	Names() []string
	Point(i int, dst []float64)
}

// checkOutputs returns a *LengthError, a *NonFiniteError, or ErrNoVariance
// when every output is equal, in that order of precedence.
func checkOutputs(d pointer, n int, y []float64) error {
	if len(y) != n {
		return &LengthError{Got: len(y), Want: n}
	}
	var rows []int
	for i, v := range y {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			rows = append(rows, i)
		}
	}
	if len(rows) > 0 {
		e := &NonFiniteError{Rows: rows, Names: append([]string(nil), d.Names()...)}
		for _, i := range rows[:min(len(rows), MaxNonFinitePoints)] {
			x := make([]float64, d.Dim())
			d.Point(i, x)
			e.Points = append(e.Points, x)
		}
		return e
	}
	for _, v := range y[1:] {
		if v != y[0] {
			return nil
		}
	}
	return ErrNoVariance
}
