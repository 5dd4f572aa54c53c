package params

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/seqsim/seqsim/dist"
	"github.com/seqsim/seqsim/experiments/field"
)

// Checker collects validation problems of a decoded experiment as
// *FieldErrors that carry the file and line of each key:
//
//	c := params.NewChecker(file, params.KeyLines(src))
//	c.Range("fees.burn", s.Fees.Burn, 0, 1)
//	c.SumsTo("fees.split", s.Fees.Split, 1, 1e-9)
//	for i, a := range s.Allocations {
//		c.Positive(fmt.Sprintf("allocations.%d.share", i), a.Share)
//	}
//	return c.Err()
//
// Every numeric check rejects NaN and ±Inf. Each check returns whether it
// passed. A key absent from the file (kept at its default) gets the line of
// its nearest table in the file, or none (see Lines.Line). The zero
// Checker works, without file or lines.
type Checker struct {
	file  string
	lines Lines
	errs  []*field.Error
}

// NewChecker returns a Checker reporting against file, with lines from
// KeyLines (nil lines: no line numbers).
func NewChecker(file string, lines Lines) *Checker {
	return &Checker{file: file, lines: lines}
}

// Add records err for path unless err is nil; it returns err == nil.
func (c *Checker) Add(path string, err error) bool {
	if err == nil {
		return true
	}
	c.errs = append(c.errs, &field.Error{File: c.file, Line: c.lines.Line(path), Key: path, Err: err})
	return false
}

// Errorf records a problem at path.
func (c *Checker) Errorf(path, format string, args ...any) {
	c.Add(path, fmt.Errorf(format, args...))
}

// Finite checks that v is neither NaN nor ±Inf.
func (c *Checker) Finite(path string, v float64) bool {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		c.Errorf(path, "must be finite, got %v", v)
		return false
	}
	return true
}

// Range checks lo <= v <= hi (and v finite).
func (c *Checker) Range(path string, v, lo, hi float64) bool {
	if !(v >= lo && v <= hi) || math.IsInf(v, 0) {
		c.Errorf(path, "must be in [%v, %v], got %v", lo, hi, v)
		return false
	}
	return true
}

// IntRange checks lo <= v <= hi.
func (c *Checker) IntRange(path string, v, lo, hi int) bool {
	if v < lo || v > hi {
		c.Errorf(path, "must be in [%d, %d], got %d", lo, hi, v)
		return false
	}
	return true
}

// Positive checks v > 0 (and v finite).
func (c *Checker) Positive(path string, v float64) bool {
	if !(v > 0) || math.IsInf(v, 0) {
		c.Errorf(path, "must be > 0, got %v", v)
		return false
	}
	return true
}

// NonNegative checks v >= 0 (and v finite).
func (c *Checker) NonNegative(path string, v float64) bool {
	if !(v >= 0) || math.IsInf(v, 0) {
		c.Errorf(path, "must be >= 0, got %v", v)
		return false
	}
	return true
}

// SumsTo checks that xs are finite and sum to want within tol.
func (c *Checker) SumsTo(path string, xs []float64, want, tol float64) bool {
	ok := true
	sum := 0.0
	for i, x := range xs {
		ok = c.Finite(path+"."+strconv.Itoa(i), x) && ok
		sum += x
	}
	if ok && !(math.Abs(sum-want) <= tol) {
		c.Errorf(path, "must sum to %v (±%v), got %v", want, tol, sum)
		return false
	}
	return ok
}

// OneOf checks that v is one of allowed (for enums kept as strings).
func (c *Checker) OneOf(path, v string, allowed ...string) bool {
	if slices.Contains(allowed, v) {
		return true
	}
	q := make([]string, len(allowed))
	for i, a := range allowed {
		q[i] = strconv.Quote(a)
	}
	c.Errorf(path, "must be one of %s, got %q", strings.Join(q, ", "), v)
	return false
}

// Dist checks d.Validate, reporting each bad parameter at path.param.
func (c *Checker) Dist(path string, d dist.Dist) bool {
	ps := problems(d)
	for _, p := range ps {
		c.Add(joinSub(path, p.sub), p.err)
	}
	return len(ps) == 0
}

// Err returns all recorded problems joined (errors.Join of *FieldErrors, in
// the order recorded), or nil if there are none.
func (c *Checker) Err() error {
	if len(c.errs) == 0 {
		return nil
	}
	es := make([]error, len(c.errs))
	for i, e := range c.errs {
		es[i] = e
	}
	return errors.Join(es...)
}
