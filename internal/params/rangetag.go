package params

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/seqsim/seqsim/dist"
	"github.com/seqsim/seqsim/experiments/field"
)

// A range tag states the values a numeric field accepts, beside the field:
//
//	Burn     float64   `toml:"burn" range:"[0,1]"`          // 0 <= burn <= 1
//	Price    float64   `toml:"price" range:"(0,)"`          // > 0
//	Budget   float64   `toml:"budget" range:"[0,)"`         // >= 0
//	Drift    float64   `toml:"drift" range:"(,)"`           // any finite value
//	Days     int       `toml:"days" range:"[1,3650]"`       // 1 <= days <= 3650
//	Split    []float64 `toml:"split" range:"[0,1]"`         // each element
//	Turnout  dist.Dist `toml:"turnout" range:"[0,1]"`       // the mean, 0-1
//	Cost     dist.Dist `toml:"cost" range:"[0,)"`           // the mean, >= 0
//
// Each form is one check of field.Checker, so a value out of range gets the
// same message as a rule written by hand: [lo,hi] is Range (IntRange on an
// integer field), (0,) Positive, [0,) NonNegative and (,) Finite. The
// half-open forms are written with 0 only, since those are the checks
// there are. On a distribution the tag bounds its mean (draws are
// clamped, so a mean outside is a typo), after the distribution itself is
// checked. Bounds are Go number literals: integer fields take integers,
// e.g. "[0,2147483647]".

// rangeForm is the check a range tag calls.
type rangeForm uint8

const (
	formClosed      rangeForm = iota + 1 // [lo,hi]
	formPositive                         // (0,)
	formNonNegative                      // [0,)
	formFinite                           // (,)
)

// rangeRule is a parsed range tag.
type rangeRule struct {
	form     rangeForm
	lo, hi   float64 // formClosed on a float or dist field
	ilo, ihi int     // formClosed on an int field
}

// parseRange parses tag for a field whose values (or elements) are of kind
// k: kFloat, kInt or kDist.
func parseRange(tag string, k kind) (rangeRule, error) {
	if k != kFloat && k != kInt && k != kDist {
		return rangeRule{}, errors.New("a range tag needs a float, int or dist field, or a slice of them")
	}
	bad := func() error {
		forms := map[kind]string{kFloat: `"[lo,hi]", "(0,)", "[0,)" or "(,)"`, kInt: `"[lo,hi]"`, kDist: `"[lo,hi]" or "[0,)"`}[k]
		return fmt.Errorf("a %s field takes %s", kindName(k), forms)
	}
	if len(tag) < 3 {
		return rangeRule{}, bad()
	}
	open, end := tag[0], tag[len(tag)-1]
	lo, hi, ok := strings.Cut(tag[1:len(tag)-1], ",")
	switch {
	case !ok:
		return rangeRule{}, bad()
	case open == '(' && lo == "0" && hi == "" && end == ')' && k == kFloat:
		return rangeRule{form: formPositive}, nil
	case open == '[' && lo == "0" && hi == "" && end == ')' && k != kInt:
		return rangeRule{form: formNonNegative}, nil
	case open == '(' && lo == "" && hi == "" && end == ')' && k == kFloat:
		return rangeRule{form: formFinite}, nil
	case open != '[' || end != ']':
		return rangeRule{}, bad()
	}
	if k == kInt {
		a, err1 := strconv.Atoi(lo)
		b, err2 := strconv.Atoi(hi)
		if err := errors.Join(err1, err2); err != nil {
			return rangeRule{}, fmt.Errorf("integer bounds: %w", err)
		}
		if a > b {
			return rangeRule{}, fmt.Errorf("lower bound %d above upper bound %d", a, b)
		}
		return rangeRule{form: formClosed, ilo: a, ihi: b}, nil
	}
	a, err1 := strconv.ParseFloat(lo, 64)
	b, err2 := strconv.ParseFloat(hi, 64)
	if err := errors.Join(err1, err2); err != nil {
		return rangeRule{}, fmt.Errorf("bounds: %w", err)
	}
	if math.IsInf(a, 0) || math.IsInf(b, 0) || math.IsNaN(a) || math.IsNaN(b) || a > b {
		return rangeRule{}, fmt.Errorf("want finite bounds lo <= hi, got %v and %v", a, b)
	}
	return rangeRule{form: formClosed, lo: a, hi: b}, nil
}

func kindName(k kind) string {
	return map[kind]string{kFloat: "float", kInt: "int", kDist: "dist"}[k]
}

// rangeKind is the kind a range tag on a field of type t applies to: the
// field's, or its elements' for a slice of scalars.
func rangeKind(t reflect.Type) kind {
	k := kindOf(t)
	if k == kSlice {
		return kindOf(t.Elem())
	}
	return k
}

// check applies r to the float v at path.
func (r *rangeRule) check(c *field.Checker, path string, v float64) {
	switch r.form {
	case formClosed:
		c.Range(path, v, r.lo, r.hi)
	case formPositive:
		c.Positive(path, v)
	case formNonNegative:
		c.NonNegative(path, v)
	case formFinite:
		c.Finite(path, v)
	}
}

// checkMean applies r to the mean of d, a valid distribution at path. The
// messages say "mean"; the two forms are those a dist field takes.
func (r *rangeRule) checkMean(c *field.Checker, path string, d dist.Dist) {
	m := d.Mean()
	switch r.form {
	case formClosed:
		if !(m >= r.lo && m <= r.hi) {
			c.Errorf(path, "mean must be in [%v, %v], got %v", r.lo, r.hi, m)
		}
	case formNonNegative:
		if !(m >= 0) || math.IsInf(m, 0) {
			c.Errorf(path, "mean must be finite and >= 0, got %v", m)
		}
	}
}

// CheckTags checks the values of v, a non-nil pointer to a struct of a
// supported schema (such as the model's parameters), and records every
// problem with c, keyed by dotted path below c's prefix:
//
//   - each numeric field against its range tag (each element of a slice,
//     "allocations.3.share"; each entry of a map);
//   - each dist.Dist field: its parameters (CheckDist), then the range tag
//     on its mean;
//   - each struct, slice or map whose type (or pointer type) implements
//     field.Validator: its Validate, after the rules of everything inside
//     it, with a checker whose prefix is its path (v's own Validate comes
//     last, with c).
//
// The order of the problems is the order of the fields, depth first, each
// section's Validate after its fields; map entries in key order. It panics
// if v is not such a pointer or its schema is not supported (a malformed
// range tag included): a programming error, which any Decode of the schema
// reports too.
func CheckTags(c *field.Checker, v any) {
	rv, err := structPtr("CheckTags", v)
	if err != nil {
		panic(err)
	}
	checkNode(c, "", kStruct, nil, rv)
}

// checkNode checks v, of kind k, at path; r is the range tag of the field
// that holds v (nil for none), applied to v when it is a scalar.
func checkNode(c *field.Checker, path string, k kind, r *rangeRule, v reflect.Value) {
	switch k {
	case kFloat:
		r.check(c, path, v.Float())
		return
	case kInt:
		c.IntRange(path, int(v.Int()), r.ilo, r.ihi)
		return
	case kDist:
		d := v.Interface().(dist.Dist)
		if CheckDist(c, path, d) && r != nil {
			r.checkMean(c, path, d)
		}
		return
	case kStruct:
		for _, f := range fieldsOf(v.Type()) {
			if checked(f.kind, f.rule) {
				checkNode(c, join(path, f.name), f.kind, f.rule, v.FieldByIndex(f.index))
			}
		}
	case kSlice:
		if ek := kindOf(v.Type().Elem()); checked(ek, r) {
			for i := range v.Len() {
				checkNode(c, joinIndex(path, i), ek, r, v.Index(i))
			}
		}
	case kMap:
		if ek := kindOf(v.Type().Elem()); checked(ek, r) {
			for _, key := range sortedKeys(v) {
				// A map entry is not addressable: a copy has the
				// pointer receivers of its Validate.
				e := reflect.New(v.Type().Elem()).Elem()
				e.Set(v.MapIndex(key))
				checkNode(c, join(path, key.String()), ek, r, e)
			}
		}
	case kTable:
		// An ordered table's entries in its order (holders.team before
		// holders.investor, as in the file); each is a settable copy.
		if ek := kindOf(tableElem(v.Type())); checked(ek, r) {
			t := asTable(v)
			for i := range t.Len() {
				checkNode(c, join(path, t.Key(i)), ek, r, tableAt(v, i))
			}
		}
	default:
		return
	}
	if !reflect.PointerTo(v.Type()).Implements(validatorType) {
		return
	}
	if !v.CanAddr() {
		p := reflect.New(v.Type())
		p.Elem().Set(v)
		v = p.Elem()
	}
	v.Addr().Interface().(field.Validator).Validate(c.Sub(path))
}

var validatorType = reflect.TypeFor[field.Validator]()

// checked reports whether a value of kind k with range rule r (nil: none)
// has anything to check: a number with a rule, a distribution, or a
// container (which may hold either, or have a Validate).
func checked(k kind, r *rangeRule) bool {
	switch k {
	case kFloat, kInt:
		return r != nil
	case kDist, kStruct, kSlice, kMap, kTable:
		return true
	}
	return false
}
