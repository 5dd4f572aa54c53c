package params

import (
	"encoding"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/seqsim/seqsim/dist"
)

// kind classifies a Go type for the reflective walkers.
type kind uint8

const (
	kUnsupported kind = iota
	kBool
	kInt
	kUint
	kFloat
	kString
	kDist   // Dist: a number or an inline table
	kTOML   // T implements toml.Marshaler and *T toml.Unmarshaler: opaque leaf
	kText   // T implements encoding.TextMarshaler and *T encoding.TextUnmarshaler
	kStruct // TOML table
	kSlice  // TOML array (or array of tables)
	kMap    // map with string keys: TOML table with free keys
	kTable  // ordered table (table.go): TOML table with free keys that merges
)

var (
	distType          = reflect.TypeFor[dist.Dist]()
	tomlMarshalerType = reflect.TypeFor[toml.Marshaler]()
	tomlUnmarshalType = reflect.TypeFor[toml.Unmarshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
	textUnmarshalType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

func kindOf(t reflect.Type) kind {
	if t == distType {
		return kDist
	}
	pt := reflect.PointerTo(t)
	if t.Implements(tomlMarshalerType) && pt.Implements(tomlUnmarshalType) {
		return kTOML
	}
	if t.Implements(textMarshalerType) && pt.Implements(textUnmarshalType) {
		return kText
	}
	if isOrderedTable(t) {
		return kTable
	}
	switch t.Kind() {
	case reflect.Bool:
		return kBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return kInt
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return kUint
	case reflect.Float32, reflect.Float64:
		return kFloat
	case reflect.String:
		return kString
	case reflect.Struct:
		return kStruct
	case reflect.Slice:
		return kSlice
	case reflect.Map:
		if t.Key().Kind() == reflect.String {
			return kMap
		}
	}
	return kUnsupported
}

// isLeafKind reports whether values of kind k are scalar parameters
// (everything but tables, arrays and maps).
func isLeafKind(k kind) bool {
	return k != kStruct && k != kSlice && k != kMap && k != kTable && k != kUnsupported
}

// isTableKind reports whether a slice of this element kind is written as an
// array of tables.
func isTableKind(k kind) bool { return k == kStruct || k == kMap || k == kTable }

// structField describes one TOML-visible struct field.
type structField struct {
	name  string // TOML key
	index []int  // for reflect.Value.FieldByIndex
	typ   reflect.Type
	kind  kind // kindOf(typ)
	doc   string
	unit  string
	rng   string     // range tag (rangetag.go); "" for none
	rule  *rangeRule // rng parsed; nil for none or when malformed
	bad   error      // why rng is malformed (checkSchema reports it)
}

// fieldsOf lists the TOML-visible fields of struct type t in declaration
// order. Unexported fields and fields tagged toml:"-" are skipped; embedded
// structs without a toml tag are flattened (as BurntSushi/toml does); a
// field without a toml tag uses its Go name. The list is shared: callers
// must not change it.
func fieldsOf(t reflect.Type) []structField {
	if fs, ok := fieldLists.Load(t); ok {
		return fs.([]structField)
	}
	fs := listFields(t)
	fieldLists.Store(t, fs)
	return fs
}

// fieldLists memoises fieldsOf per type: validation walks every field of
// the model (CheckTags) for each point of a study's plan, and listing a
// struct's fields (reading and parsing their tags) took 95% of that walk.
var fieldLists sync.Map // reflect.Type -> []structField

// listFields is fieldsOf without the cache.
func listFields(t reflect.Type) []structField {
	var out []structField
	var walk func(t reflect.Type, index []int)
	walk = func(t reflect.Type, index []int) {
		for i := range t.NumField() {
			sf := t.Field(i)
			tag, hasTag := sf.Tag.Lookup("toml")
			name, _, _ := strings.Cut(tag, ",")
			if name == "-" {
				continue
			}
			idx := append(slices.Clip(index), i)
			if sf.Anonymous && !hasTag && sf.Type.Kind() == reflect.Struct && kindOf(sf.Type) == kStruct {
				walk(sf.Type, idx)
				continue
			}
			if !sf.IsExported() {
				continue
			}
			if name == "" {
				name = sf.Name
			}
			f := structField{
				name:  name,
				index: idx,
				typ:   sf.Type,
				kind:  kindOf(sf.Type),
				doc:   sf.Tag.Get("doc"),
				unit:  unitOf(sf),
				rng:   sf.Tag.Get("range"),
			}
			if f.rng != "" {
				if r, err := parseRange(f.rng, rangeKind(f.typ)); err != nil {
					f.bad = err
				} else {
					f.rule = &r
				}
			}
			out = append(out, f)
		}
	}
	walk(t, nil)
	return out
}

// enumNamer is a closed set's type (internal/enum): its allowed names are
// its unit, "a|b|c".
type enumNamer interface{ EnumNames() []string }

// unitOf is sf's unit tag, or for a closed set without one its names.
func unitOf(sf reflect.StructField) string {
	if u, ok := sf.Tag.Lookup("unit"); ok {
		return u
	}
	if n, ok := reflect.Zero(sf.Type).Interface().(enumNamer); ok {
		return strings.Join(n.EnumNames(), "|")
	}
	return ""
}

func fieldByName(fs []structField, name string) (structField, bool) {
	for _, f := range fs {
		if f.name == name {
			return f, true
		}
	}
	return structField{}, false
}

func fieldNames(fs []structField) []string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.name
	}
	return names
}

// schemaChecked memoises checkSchema per type. Every Get, Set and Decode
// checks its root type, and walking a schema of a few hundred fields took
// about 1 ms a call: Experiment.Plan, which resolves a path per swept
// parameter for each of up to 10,000 points, spent most of its time here.
// The result depends on the type alone, so the cache changes no output; it
// and fieldLists are the package's only mutable state, and safe for
// concurrent use.
var schemaChecked sync.Map // reflect.Type -> error (nil: supported)

// CheckSchema reports the first field of v's type (v a struct or a pointer
// to one) that the package cannot handle: a type it does not support, or
// a malformed range tag. Every other entry point refuses such a schema
// too; a schema's test calls CheckSchema to find out at once.
func CheckSchema(v any) error {
	_, err := structVal("CheckSchema", v)
	return err
}

// checkSchema reports the first field whose type the package cannot handle,
// or whose range tag is malformed.
func checkSchema(t reflect.Type) error {
	if err, ok := schemaChecked.Load(t); ok {
		err, _ := err.(error)
		return err
	}
	err := walkSchema(t)
	schemaChecked.Store(t, err)
	return err
}

// walkSchema is checkSchema without the cache.
func walkSchema(t reflect.Type) error {
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type, path string) error
	walk = func(t reflect.Type, path string) error {
		switch kindOf(t) {
		case kUnsupported:
			where := path
			if where == "" {
				where = "<root>"
			}
			return fmt.Errorf("params: unsupported type %s at %s", t, where)
		case kStruct:
			if seen[t] {
				return nil
			}
			seen[t] = true
			for _, f := range fieldsOf(t) {
				p := join(path, f.name)
				if f.bad != nil {
					return fmt.Errorf("params: range tag %q at %s: %w", f.rng, p, f.bad)
				}
				if err := walk(f.typ, p); err != nil {
					return err
				}
			}
		case kSlice:
			return walk(t.Elem(), join(path, "N"))
		case kMap:
			return walk(t.Elem(), join(path, "<key>"))
		case kTable:
			e := tableElem(t)
			if kindOf(e) == kStruct {
				if _, ok := fieldByName(fieldsOf(e), likeKey); ok {
					return fmt.Errorf("params: %s at %s has a key %q, which an ordered table reserves for a new entry", e, join(path, "<key>"), likeKey)
				}
			}
			return walk(e, join(path, "<key>"))
		}
		return nil
	}
	return walk(t, "")
}

// structPtr checks that v is a non-nil pointer to a struct of a supported
// schema and returns the struct.
func structPtr(op string, v any) (reflect.Value, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return reflect.Value{}, fmt.Errorf("params: %s needs a non-nil pointer to a struct, got %T", op, v)
	}
	if err := checkSchema(rv.Elem().Type()); err != nil {
		return reflect.Value{}, err
	}
	return rv.Elem(), nil
}

// structVal accepts a struct or a non-nil pointer to one.
func structVal(op string, v any) (reflect.Value, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return reflect.Value{}, fmt.Errorf("params: %s needs a struct or a pointer to one, got %T", op, v)
	}
	if err := checkSchema(rv.Type()); err != nil {
		return reflect.Value{}, err
	}
	return rv, nil
}

// join appends a key to a dotted path.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// joinSub appends a relative key that may be empty (meaning path itself).
func joinSub(path, sub string) string {
	if sub == "" {
		return path
	}
	return join(path, sub)
}

func joinIndex(path string, i int) string { return join(path, strconv.Itoa(i)) }

// sortedKeys returns the keys of map value m sorted by their string value.
func sortedKeys(m reflect.Value) []reflect.Value {
	keys := m.MapKeys()
	slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
	return keys
}
