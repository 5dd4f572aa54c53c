package params

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/seqsim/seqsim/dist"
	"github.com/seqsim/seqsim/experiments/field"
)

// Paths lists the dotted path of every scalar leaf of src (a struct or a
// pointer to one) in struct order: bool, integer, float, string and dist.Dist
// values, with slices expanded per element ("fees.split.0") and map entries
// by key ("holders.team.sell_fraction"), ordered table entries likewise, in
// their order. Every path works with Get and Set;
// so do intermediate paths (a table, a whole slice, a slice element) and
// distribution parameters ("holders.team.sell_fraction.a"), which Paths
// does not list. It returns nil if src is not a supported struct.
func Paths(src any) []string {
	rv, err := structVal("Paths", src)
	if err != nil {
		return nil
	}
	var out []string
	visit("", rv, func(path string, v reflect.Value) {
		if isLeafKind(kindOf(v.Type())) {
			out = append(out, path)
		}
	})
	return out
}

// nodePaths lists every addressable path of root, for suggestions.
func nodePaths(root reflect.Value) []string {
	var out []string
	visit("", root, func(path string, v reflect.Value) {
		out = append(out, path)
		if kindOf(v.Type()) == kDist {
			d := v.Interface().(dist.Dist)
			for _, n := range d.Kind.ParamNames() {
				out = append(out, join(path, n))
			}
		}
	})
	return out
}

// visit calls fn for every value below v (not v itself), depth first.
func visit(path string, v reflect.Value, fn func(string, reflect.Value)) {
	switch kindOf(v.Type()) {
	case kStruct:
		for _, f := range fieldsOf(v.Type()) {
			p := join(path, f.name)
			fv := v.FieldByIndex(f.index)
			fn(p, fv)
			visit(p, fv, fn)
		}
	case kSlice:
		for i := range v.Len() {
			p := joinIndex(path, i)
			fn(p, v.Index(i))
			visit(p, v.Index(i), fn)
		}
	case kMap:
		for _, k := range sortedKeys(v) {
			p := join(path, k.String())
			fn(p, v.MapIndex(k))
			visit(p, v.MapIndex(k), fn)
		}
	case kTable:
		t := asTable(v)
		for i := range t.Len() {
			p := join(path, t.Key(i))
			e := tableAt(v, i)
			fn(p, e)
			visit(p, e, fn)
		}
	}
}

// Get returns the value at the dotted path in src (a struct or a pointer to
// one): a scalar (float64, int, bool, string, Dist, ...), a slice, a struct,
// or, for a distribution parameter path such as "fees.growth.sigma", a
// float64.
func Get(src any, path string) (any, error) {
	rv, err := structVal("Get", src)
	if err != nil {
		return nil, err
	}
	if path == "" {
		return nil, errors.New("params: Get: empty path")
	}
	parts := strings.Split(path, ".")
	v := rv
	for i, p := range parts {
		switch kindOf(v.Type()) {
		case kStruct:
			f, ok := fieldByName(fieldsOf(v.Type()), p)
			if !ok {
				return nil, unknownPath(rv, path)
			}
			v = v.FieldByIndex(f.index)
		case kSlice:
			idx, err := index(rv, path, parts, i, v.Len())
			if err != nil {
				return nil, err
			}
			v = v.Index(idx)
		case kMap:
			mv := v.MapIndex(reflect.ValueOf(p).Convert(v.Type().Key()))
			if !mv.IsValid() {
				return nil, unknownPath(rv, path)
			}
			v = mv
		case kTable:
			j := tableIndex(asTable(v), p)
			if j < 0 {
				return nil, unknownPath(rv, path)
			}
			v = tableAt(v, j)
		case kDist:
			f, ok := v.Interface().(dist.Dist).Param(p)
			if !ok || i != len(parts)-1 {
				return nil, unknownPath(rv, path)
			}
			return f, nil
		default:
			return nil, unknownPath(rv, path)
		}
	}
	return v.Interface(), nil
}

// Set parses tomlValue as one TOML value and stores it at the dotted path
// in dst (a pointer to a struct), e.g.
//
//	Set(&s, "allocations.0.vesting.cliff_days", "180")
//	Set(&s, "fees.split", "[0.5, 0.3, 0.2]")
//	Set(&s, "fees.mode", `"decay"`)
//	Set(&s, "holders.team.sell_fraction", `{ dist = "beta", a = 2, b = 5 }`)
//	Set(&s, "holders.team.sell_fraction.a", "3")
//
// The value is decoded with the same rules as Decode: a table merges into
// the current value, an array replaces it, unknown keys and wrong types are
// *FieldErrors keyed by path. A slice index must be in range; a map key must
// exist unless the path ends at the map entry (which creates it); so must
// an ordered table's key, unless the path ends at the entry, which then
// follows the rules of a new entry in a file (table.go). Set never
// writes into storage shared with other values: slices and maps along the
// path are copied, so Set on a shallow copy (s2 := s1) leaves s1 unchanged.
// On error dst is unchanged.
func Set(dst any, path string, tomlValue string) error {
	rv, err := structPtr("Set", dst)
	if err != nil {
		return err
	}
	if path == "" {
		return errors.New("params: Set: empty path")
	}
	var raw map[string]any
	if _, err := toml.Decode("v = "+tomlValue, &raw); err != nil {
		msg := err.Error()
		var pe toml.ParseError
		if errors.As(err, &pe) {
			msg = pe.Message
		}
		return fmt.Errorf("params: Set %s: invalid TOML value %q: %s", path, tomlValue, msg)
	}
	if len(raw) != 1 {
		return fmt.Errorf("params: Set %s: %q is not a single TOML value", path, tomlValue)
	}
	s := setter{root: rv, path: path, parts: strings.Split(path, ".")}
	return s.set(rv, 0, raw["v"])
}

type setter struct {
	root  reflect.Value
	path  string
	parts []string
}

func (s *setter) set(v reflect.Value, i int, data any) error {
	if i == len(s.parts) {
		tmp := reflect.New(v.Type()).Elem()
		tmp.Set(v)
		var d decoder
		d.unify(s.path, data, tmp)
		if len(d.errs) > 0 {
			return joinFieldErrors(d.errs)
		}
		v.Set(tmp)
		return nil
	}
	p := s.parts[i]
	t := v.Type()
	switch kindOf(t) {
	case kStruct:
		f, ok := fieldByName(fieldsOf(t), p)
		if !ok {
			return unknownPath(s.root, s.path)
		}
		return s.set(v.FieldByIndex(f.index), i+1, data)
	case kSlice:
		idx, err := index(s.root, s.path, s.parts, i, v.Len())
		if err != nil {
			return err
		}
		cp := reflect.MakeSlice(t, v.Len(), v.Len())
		reflect.Copy(cp, v)
		if err := s.set(cp.Index(idx), i+1, data); err != nil {
			return err
		}
		v.Set(cp)
		return nil
	case kMap:
		key := reflect.ValueOf(p).Convert(t.Key())
		cur := v.MapIndex(key)
		if !cur.IsValid() && i != len(s.parts)-1 {
			return unknownPath(s.root, s.path)
		}
		elem := reflect.New(t.Elem()).Elem()
		if cur.IsValid() {
			elem.Set(cur)
		}
		if err := s.set(elem, i+1, data); err != nil {
			return err
		}
		nm := reflect.MakeMapWithSize(t, v.Len()+1)
		iter := v.MapRange()
		for iter.Next() {
			nm.SetMapIndex(iter.Key(), iter.Value())
		}
		nm.SetMapIndex(key, elem)
		v.Set(nm)
		return nil
	case kTable:
		if i == len(s.parts)-1 {
			// The path ends at an entry: merge it, or add it by the
			// rules of a new entry, as a file would.
			var d decoder
			d.table(strings.Join(s.parts[:i], "."), map[string]any{p: data}, v)
			return joinFieldErrors(d.errs)
		}
		j := tableIndex(asTable(v), p)
		if j < 0 {
			return unknownPath(s.root, s.path)
		}
		elem := tableAt(v, j)
		if err := s.set(elem, i+1, data); err != nil {
			return err
		}
		v.Set(tableWith(v, p, elem))
		return nil
	case kDist:
		d := v.Interface().(dist.Dist)
		pi := slices.Index(d.Kind.ParamNames(), p)
		if pi < 0 || i != len(s.parts)-1 {
			return unknownPath(s.root, s.path)
		}
		f, err := toFloat(data)
		if err != nil {
			return &field.Error{Key: s.path, Err: err}
		}
		d.Params[pi] = f
		if ps := problems(d); len(ps) > 0 {
			base := strings.Join(s.parts[:i], ".")
			errs := make([]*field.Error, len(ps))
			for j, pr := range ps {
				errs[j] = &field.Error{Key: joinSub(base, pr.sub), Err: pr.err}
			}
			return joinFieldErrors(errs)
		}
		v.Set(reflect.ValueOf(d))
		return nil
	}
	return unknownPath(s.root, s.path)
}

// index parses parts[i] as an index into a slice of length n.
func index(root reflect.Value, path string, parts []string, i, n int) (int, error) {
	idx, err := strconv.Atoi(parts[i])
	if err != nil || idx < 0 || strconv.Itoa(idx) != parts[i] {
		return 0, unknownPath(root, path)
	}
	if idx >= n {
		return 0, fmt.Errorf("params: path %q: index %d out of range (%s has length %d)",
			path, idx, strings.Join(parts[:i], "."), n)
	}
	return idx, nil
}

func unknownPath(root reflect.Value, path string) error {
	if best, d := closest(path, nodePaths(root)); d >= 0 {
		return fmt.Errorf("params: unknown path %q (did you mean %q?)", path, best)
	}
	return fmt.Errorf("params: unknown path %q", path)
}

// SetNumber sets the numeric parameter at path to v, with the rules of Set
// (copying slices along the path, range checks for integers) but without
// parsing TOML or re-checking the schema: the fast path for sweeps and
// sensitivity designs, which set thousands of points. dst must be a
// pointer to a struct that Set accepts.
func SetNumber(dst any, path string, v float64) error {
	rv := reflect.ValueOf(dst)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("params: SetNumber needs a non-nil pointer to a struct, got %T", dst)
	}
	var data any = v
	if v == math.Trunc(v) && math.Abs(v) < 1<<53 {
		data = int64(v) // TOML would read an integral value as an integer
	}
	s := setter{root: rv.Elem(), path: path, parts: strings.Split(path, ".")}
	return s.set(rv.Elem(), 0, data)
}
