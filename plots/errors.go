package plots

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// Sentinel errors. Builders wrap them in a [*DataError] that says which
// chart, series and field failed; test with errors.Is.
var (
	// ErrNoData: a chart, series or field that must hold values is empty.
	ErrNoData = errors.New("plots: no data")
	// ErrNaN: a value is NaN where a number is required.
	ErrNaN = errors.New("plots: NaN value")
	// ErrInf: a value is ±Inf.
	ErrInf = errors.New("plots: infinite value")
	// ErrLength: two slices that must match in length do not.
	ErrLength = errors.New("plots: mismatched lengths")
	// ErrOrder: values that must be ordered are not (X not increasing,
	// quantiles not P05 ≤ P25 ≤ P50 ≤ P75 ≤ P95, Lo > Hi).
	ErrOrder = errors.New("plots: values out of order")
	// ErrRange: a value is outside its domain (≤ 0 on a log axis,
	// a negative μ* or σ, an unknown format).
	ErrRange = errors.New("plots: value out of range")
	// ErrDegenerate: every value is equal, so there is no spread to
	// estimate a density or choose bins from.
	ErrDegenerate = errors.New("plots: all values equal")
)

// DataError reports invalid input to a chart builder.
type DataError struct {
	Chart  string // builder name, e.g. "FanChart"
	Series string // series or band label, may be empty
	Field  string // e.g. "P25", "values", "z[2]"
	Index  int    // offending index, or -1
	Detail string // extra context, may be empty
	Err    error  // one of the sentinel errors
}

func (e *DataError) Error() string {
	var b strings.Builder
	b.WriteString("plots: ")
	b.WriteString(e.Chart)
	if e.Series != "" {
		fmt.Fprintf(&b, ": %q", e.Series)
	}
	if e.Field != "" {
		b.WriteString(": ")
		b.WriteString(e.Field)
		if e.Index >= 0 {
			fmt.Fprintf(&b, "[%d]", e.Index)
		}
	}
	b.WriteString(": ")
	b.WriteString(strings.TrimPrefix(e.Err.Error(), "plots: "))
	if e.Detail != "" {
		b.WriteString(" (")
		b.WriteString(e.Detail)
		b.WriteString(")")
	}
	return b.String()
}

func (e *DataError) Unwrap() error { return e.Err }

// check accumulates validation errors for one chart; every problem is
// reported at once through errors.Join.
type check struct {
	chart string
	errs  []error
}

func (c *check) add(series, field string, i int, err error, detail string) {
	c.errs = append(c.errs, &DataError{Chart: c.chart, Series: series, Field: field, Index: i, Detail: detail, Err: err})
}

func (c *check) err() error { return errors.Join(c.errs...) }

// finite reports the first NaN or Inf in v; empty reports ErrNoData if required.
func (c *check) finite(series, field string, v []float64, required bool) bool {
	if len(v) == 0 {
		if required {
			c.add(series, field, -1, ErrNoData, "")
			return false
		}
		return true
	}
	for i, x := range v {
		switch {
		case math.IsNaN(x):
			c.add(series, field, i, ErrNaN, "")
			return false
		case math.IsInf(x, 0):
			c.add(series, field, i, ErrInf, "")
			return false
		}
	}
	return true
}

// sameLen reports a length mismatch of v against want.
func (c *check) sameLen(series, field string, v []float64, want int, against string) bool {
	if len(v) != want {
		c.add(series, field, -1, ErrLength, fmt.Sprintf("len %d, %s has %d", len(v), against, want))
		return false
	}
	return true
}

// ordered reports the first index where an interval's lower end lo is
// above its upper end hi (the fields named loField and hiField).
func (c *check) ordered(series, loField, hiField string, lo, hi []float64) bool {
	for i := range min(len(lo), len(hi)) {
		if lo[i] > hi[i] {
			c.add(series, loField, i, ErrOrder, fmt.Sprintf("%s %g > %s %g", loField, lo[i], hiField, hi[i]))
			return false
		}
	}
	return true
}

// increasing reports the first index where v does not strictly increase.
func (c *check) increasing(series, field string, v []float64) bool {
	for i := 1; i < len(v); i++ {
		if !(v[i] > v[i-1]) {
			c.add(series, field, i, ErrOrder, "must be strictly increasing")
			return false
		}
	}
	return true
}

// positive reports the first value ≤ 0 (log axes).
func (c *check) positive(series, field string, v []float64, why string) bool {
	for i, x := range v {
		if !(x > 0) {
			c.add(series, field, i, ErrRange, why)
			return false
		}
	}
	return true
}

// nonNegative reports the first value < 0.
func (c *check) nonNegative(series, field string, v []float64) bool {
	for i, x := range v {
		if x < 0 {
			c.add(series, field, i, ErrRange, "must be ≥ 0")
			return false
		}
	}
	return true
}
