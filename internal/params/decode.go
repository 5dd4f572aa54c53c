package params

import (
	"bytes"
	"encoding"
	"errors"
	"fmt"
	"reflect"
	"slices"

	"github.com/BurntSushi/toml"

	"github.com/seqsim/seqsim/experiments/field"
)

// Decode reads the TOML experiment src (file is used only in messages) into
// dst, a pointer to a struct already holding the defaults: keys present in
// src override them, everything else keeps its default.
//
// Merge rules: tables (structs) merge key by key, at any depth. Arrays —
// arrays of tables such as [[allocations]] as well as plain lists — and maps
// REPLACE the default entirely; their new elements start from the zero value
// of the element type, not from a default element. An empty array or table
// yields a nil slice or map.
// An ordered table (table.go) merges like a table: its entries merge key by
// key, and a new entry starts from the entry its like key names or sets
// every key; new entries follow the old ones in the order the file names
// them.
//
// Every problem is reported, not only the first: unknown keys (with a
// suggestion), values of the wrong type, out-of-range integers and invalid
// distributions each become a *field.Error with file, line and dotted key,
// joined with errors.Join and sorted by line. A TOML syntax error is a
// single *field.Error whose line comes from toml.ParseError (which stays
// reachable with errors.As). On any error dst is left unchanged.
func Decode(file string, src []byte, dst any) error {
	rv, err := structPtr("Decode", dst)
	if err != nil {
		return err
	}
	var raw map[string]any
	if _, err := toml.NewDecoder(bytes.NewReader(src)).Decode(&raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return &field.Error{File: file, Line: syntaxLine(src, pe), Err: syntaxError{pe}}
		}
		return &field.Error{File: file, Err: err}
	}
	tmp := reflect.New(rv.Type()).Elem()
	tmp.Set(rv)
	lines := KeyLines(src)
	d := decoder{lines: lines}
	d.unify("", raw, tmp)
	if len(d.errs) > 0 {
		for _, e := range d.errs {
			e.File = file
			e.Line = lines.Line(e.Key)
		}
		sortFieldErrors(d.errs)
		return joinFieldErrors(d.errs)
	}
	rv.Set(tmp)
	return nil
}

// syntaxLine is the line of a TOML syntax error. BurntSushi/toml v1.6.0
// counts one line short for an error at the end of the input ("\"\\" is
// reported on line 0, "a = 1\nb = \"x\\" on line 1), but the byte offset
// it gives is right: a line before the offset's is replaced by it. Found by
// FuzzLoadExperiment.
func syntaxLine(src []byte, pe toml.ParseError) int {
	off := min(max(pe.Position.Start, 0), len(src))
	return max(pe.Position.Line, bytes.Count(src[:off], []byte("\n"))+1)
}

// decoder merges decoded TOML data into Go values, collecting errors.
type decoder struct {
	errs  []*field.Error
	lines Lines // where the source's keys are (nil: no source); orders new table entries
}

func (d *decoder) fail(path string, err error) {
	d.errs = append(d.errs, &field.Error{Key: path, Err: err})
}

func (d *decoder) wrongType(path, want string, data any) {
	d.fail(path, fmt.Errorf("%w: expected %s, got %s", field.ErrWrongType, want, describeValue(data)))
}

// typed returns data as a T, or records that path wanted a want.
func typed[T any](d *decoder, path, want string, data any) (T, bool) {
	x, ok := data.(T)
	if !ok {
		d.wrongType(path, want, data)
	}
	return x, ok
}

// asList returns the elements of a decoded TOML array.
func asList(data any) ([]any, bool) {
	switch v := data.(type) {
	case []any:
		return v, true
	case []map[string]any:
		out := make([]any, len(v))
		for i, m := range v {
			out[i] = m
		}
		return out, true
	}
	return nil, false
}

// unify stores data into the settable v. Structs merge into v's current
// value; slices and maps are built anew (never written in place, so shared
// default storage is not modified).
func (d *decoder) unify(path string, data any, v reflect.Value) {
	t := v.Type()
	switch kindOf(t) {
	case kStruct:
		m, ok := data.(map[string]any)
		if !ok {
			d.wrongType(path, "table", data)
			return
		}
		fs := fieldsOf(t)
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			f, ok := fieldByName(fs, k)
			if !ok {
				d.fail(join(path, keyName(k)), unknownKeyError(k, fieldNames(fs)))
				continue
			}
			d.unify(join(path, k), m[k], v.FieldByIndex(f.index))
		}
	case kSlice:
		list, ok := asList(data)
		if !ok {
			d.wrongType(path, "array", data)
			return
		}
		if len(list) == 0 {
			v.SetZero()
			return
		}
		s := reflect.MakeSlice(t, len(list), len(list))
		for i, e := range list {
			d.unify(joinIndex(path, i), e, s.Index(i))
		}
		v.Set(s)
	case kMap:
		m, ok := data.(map[string]any)
		if !ok {
			d.wrongType(path, "table", data)
			return
		}
		if len(m) == 0 {
			v.SetZero()
			return
		}
		nm := reflect.MakeMapWithSize(t, len(m))
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			e := reflect.New(t.Elem()).Elem()
			d.unify(join(path, k), m[k], e)
			nm.SetMapIndex(reflect.ValueOf(k).Convert(t.Key()), e)
		}
		v.Set(nm)
	case kTable:
		d.table(path, data, v)
	case kDist:
		dist, errs := decodeDist(data)
		for _, e := range errs {
			d.fail(joinSub(path, e.sub), e.err)
		}
		if len(errs) == 0 {
			v.Set(reflect.ValueOf(dist))
		}
	case kTOML:
		p := reflect.New(t)
		if err := p.Interface().(toml.Unmarshaler).UnmarshalTOML(data); err != nil {
			d.fail(path, err)
			return
		}
		v.Set(p.Elem())
	case kText:
		if reflect.TypeOf(data) == t { // e.g. time.Time from a TOML datetime
			v.Set(reflect.ValueOf(data))
			return
		}
		s, ok := typed[string](d, path, "string", data)
		if !ok {
			return
		}
		p := reflect.New(t)
		if err := p.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			d.fail(path, err)
			return
		}
		v.Set(p.Elem())
	case kBool:
		if b, ok := typed[bool](d, path, "boolean", data); ok {
			v.SetBool(b)
		}
	case kString:
		if s, ok := typed[string](d, path, "string", data); ok {
			v.SetString(s)
		}
	case kInt:
		n, ok := typed[int64](d, path, "integer", data)
		if !ok {
			return
		}
		if v.OverflowInt(n) {
			d.fail(path, fmt.Errorf("%d is out of range for %s", n, t))
			return
		}
		v.SetInt(n)
	case kUint:
		n, ok := typed[int64](d, path, "integer", data)
		if !ok {
			return
		}
		if n < 0 || v.OverflowUint(uint64(n)) {
			d.fail(path, fmt.Errorf("%d is out of range for %s", n, t))
			return
		}
		v.SetUint(uint64(n))
	case kFloat:
		f, err := toFloat(data)
		if err != nil {
			d.fail(path, err)
			return
		}
		if t.Kind() == reflect.Float32 && v.OverflowFloat(f) {
			d.fail(path, fmt.Errorf("%v is out of range for float32", f))
			return
		}
		v.SetFloat(f)
	default:
		d.fail(path, fmt.Errorf("params: unsupported type %s", t))
	}
}
