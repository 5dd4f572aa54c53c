package field

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Lines finds the line of a dotted key in the file being checked: the
// line of the key, or of its nearest table, or 0 when neither is written
// there. The TOML key scanner's map (internal/params.Lines) implements it.
type Lines interface {
	Line(key string) int
}

// A Validator is a parameter section with rules that its fields' range
// tags cannot say (a share that must sum to 1, a maximum at least its
// minimum). The parameter walker calls Validate after the tag rules of
// the section's fields, with a Checker whose prefix is the section's key,
// so Validate names its fields by their own keys ("burn", not
// "fees.burn").
type Validator interface {
	Validate(c *Checker)
}

// Checker collects the problems of a decoded experiment or parameter
// section as *Errors that carry the file and line of each key:
//
//	c := field.NewChecker(file, lines)
//	fees := c.Sub("fees")
//	fees.Range("burn", s.Fees.Burn, 0, 1) // reported at "fees.burn"
//	fees.SumsTo("split", s.Fees.Split, 1, 1e-9)
//	return c.Err()
//
// Every numeric check rejects NaN and ±Inf. Each check returns whether it
// passed. A key absent from the file (kept at its default) gets the line of
// its nearest table in the file, or none (see Lines). The zero Checker
// works, without file, lines or prefix.
type Checker struct {
	file   string
	lines  Lines
	prefix string    // dotted key that every key given to a method is under
	errs   *[]*Error // shared with the checkers of Sub and their parent
}

// NewChecker returns a Checker reporting against file, with the line of
// each key from lines (nil: no line numbers).
func NewChecker(file string, lines Lines) *Checker {
	return &Checker{file: file, lines: lines}
}

// Sub returns a Checker that reports the keys it is given under prefix
// ("burn" becomes "fees.burn" for Sub("fees")), into the same list of
// problems as c: c.Err and the Sub's Err return the same problems.
func (c *Checker) Sub(prefix string) *Checker {
	c.list()
	return &Checker{file: c.file, lines: c.lines, prefix: c.key(prefix), errs: c.errs}
}

// list returns the shared list of problems, creating it for the zero
// Checker.
func (c *Checker) list() *[]*Error {
	if c.errs == nil {
		c.errs = new([]*Error)
	}
	return c.errs
}

// key is the full dotted key of path: path under the prefix, or the
// prefix itself for "".
func (c *Checker) key(path string) string {
	switch {
	case c.prefix == "":
		return path
	case path == "":
		return c.prefix
	}
	return c.prefix + "." + path
}

// Key returns the full dotted key of path under c's prefix, for a message
// that names another field ("set market.pool_depth or market.pool_usd").
func (c *Checker) Key(path string) string { return c.key(path) }

// Add records err for path unless err is nil; it returns err == nil.
func (c *Checker) Add(path string, err error) bool {
	if err == nil {
		return true
	}
	key, line := c.key(path), 0
	if c.lines != nil {
		line = c.lines.Line(key)
	}
	l := c.list()
	*l = append(*l, &Error{File: c.file, Line: line, Key: key, Err: err})
	return false
}

// Errorf records a problem at path.
func (c *Checker) Errorf(path, format string, args ...any) {
	c.Add(path, fmt.Errorf(format, args...))
}

// Reported reports whether a problem has been recorded at path itself (not
// below it). A cross-field rule uses it to stay silent about a field whose
// own rule has already failed, so that one mistake gives one message.
func (c *Checker) Reported(path string) bool {
	if c.errs == nil {
		return false
	}
	key := c.key(path)
	return slices.ContainsFunc(*c.errs, func(e *Error) bool { return e.Key == key })
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
		ok = c.Finite(join(path, strconv.Itoa(i)), x) && ok
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

// Err returns every problem recorded through c, its parent and its Subs,
// in the order recorded (errors.Join of *Errors), or nil if there are none.
func (c *Checker) Err() error {
	if c.errs == nil || len(*c.errs) == 0 {
		return nil
	}
	es := make([]error, len(*c.errs))
	for i, e := range *c.errs {
		es[i] = e
	}
	return errors.Join(es...)
}

// join appends a key to a dotted path ("" stays out).
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
