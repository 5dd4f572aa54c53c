package params

import (
	"reflect"
	"strings"
)

// ParamDoc documents one parameter (a leaf of the schema).
type ParamDoc struct {
	Path    string // dotted path; "N" stands for an array index, "<key>" for a map key
	Type    string // bool, int, uint, float, string, dist, []float, map[string]int, ...
	Default string // TOML form of the default; for array elements all defaults joined by ", "
	Unit    string // the field's unit tag
	Range   string // the field's range tag ("[0,1]", "(0,)"; "mean [0,1]" on a dist); "" for none
	Doc     string // the field's doc tag
}

// Describe walks schema (a struct holding the defaults, or a pointer to
// one) and returns one ParamDoc per leaf parameter in struct order. Fields
// of array-of-table elements are described once as "allocations.N.share"
// with the defaults of all elements joined ("0.5, 0.3"; empty when the
// default array is empty); map entries likewise as "name.<key>.x". The
// entries of an ordered table are described one by one, as the fields of
// a struct ("holders.team.sell_fraction").
// Slices of scalars are a single leaf ("fees.split", Type "[]float").
// Tables themselves are not listed; a recursive type is described down to
// its first recursion only. It returns nil if schema is not a supported
// struct.
func Describe(schema any) []ParamDoc {
	rv := reflect.ValueOf(schema)
	if rv.Kind() == reflect.Pointer && rv.IsNil() && rv.Type().Elem().Kind() == reflect.Struct {
		rv = reflect.New(rv.Type().Elem())
	}
	if !rv.IsValid() {
		return nil
	}
	sv, err := structVal("Describe", rv.Interface())
	if err != nil {
		return nil
	}
	var out []ParamDoc
	describeStruct("", sv.Type(), []reflect.Value{sv}, &out, map[reflect.Type]bool{})
	return out
}

// MissingDocs returns the ParamDoc paths of the leaf fields of schema that
// have no doc tag (nil if all are documented). Table-valued fields need no
// doc tag.
func MissingDocs(schema any) []string {
	var out []string
	for _, d := range Describe(schema) {
		if strings.TrimSpace(d.Doc) == "" {
			out = append(out, d.Path)
		}
	}
	return out
}

// MarkdownTable renders docs as a Markdown table.
func MarkdownTable(docs []ParamDoc) string {
	var b strings.Builder
	b.WriteString("| Parameter | Type | Default | Unit | Range | Description |\n|---|---|---|---|---|---|\n")
	cell := func(s string) string {
		s = strings.ReplaceAll(s, "|", `\|`)
		return strings.ReplaceAll(s, "\n", " ")
	}
	for _, d := range docs {
		b.WriteString("| `" + cell(d.Path) + "` | " + cell(d.Type) + " | `" + cell(d.Default) + "` | " +
			cell(d.Unit) + " | " + cell(d.Range) + " | " + cell(d.Doc) + " |\n")
	}
	return b.String()
}

func describeStruct(prefix string, t reflect.Type, vals []reflect.Value, out *[]ParamDoc, stack map[reflect.Type]bool) {
	if stack[t] {
		return // recursive type
	}
	stack[t] = true
	defer delete(stack, t)
	for _, f := range fieldsOf(t) {
		child := make([]reflect.Value, len(vals))
		for i, v := range vals {
			child[i] = v.FieldByIndex(f.index)
		}
		describeField(join(prefix, f.name), f, f.typ, child, out, stack)
	}
}

// expandable reports whether t is described by its parts rather than as a
// leaf: tables, and arrays of them.
func expandable(t reflect.Type) bool {
	switch kindOf(t) {
	case kStruct, kMap, kTable:
		return true
	case kSlice:
		return expandable(t.Elem())
	}
	return false
}

func describeField(path string, f structField, t reflect.Type, vals []reflect.Value, out *[]ParamDoc, stack map[reflect.Type]bool) {
	switch k := kindOf(t); {
	case k == kStruct:
		describeStruct(path, t, vals, out, stack)
	case k == kSlice && expandable(t.Elem()):
		var elems []reflect.Value
		for _, v := range vals {
			for i := range v.Len() {
				elems = append(elems, v.Index(i))
			}
		}
		describeField(join(path, "N"), f, t.Elem(), elems, out, stack)
	case k == kMap:
		var elems []reflect.Value
		for _, v := range vals {
			for _, key := range sortedKeys(v) {
				elems = append(elems, v.MapIndex(key))
			}
		}
		describeField(join(path, "<key>"), f, t.Elem(), elems, out, stack)
	case k == kTable:
		// Each key any of the values has, in first-seen order, with the
		// entries of that key.
		var keys []string
		byKey := map[string][]reflect.Value{}
		for _, v := range vals {
			tb := asTable(v)
			for i := range tb.Len() {
				key := tb.Key(i)
				if _, ok := byKey[key]; !ok {
					keys = append(keys, key)
				}
				byKey[key] = append(byKey[key], tableAt(v, i))
			}
		}
		for _, key := range keys {
			describeField(join(path, key), f, tableElem(t), byKey[key], out, stack)
		}
	default:
		defs := make([]string, len(vals))
		for i, v := range vals {
			e := &encoder{}
			e.inline(path, v)
			defs[i] = e.buf.String()
		}
		*out = append(*out, ParamDoc{
			Path:    path,
			Type:    typeName(t),
			Default: strings.Join(defs, ", "),
			Unit:    f.unit,
			Range:   rangeText(f.rng, t),
			Doc:     f.doc,
		})
	}
}

func typeName(t reflect.Type) string {
	switch kindOf(t) {
	case kBool:
		return "bool"
	case kInt:
		return "int"
	case kUint:
		return "uint"
	case kFloat:
		return "float"
	case kString, kText:
		return "string"
	case kDist:
		return "dist"
	case kSlice:
		return "[]" + typeName(t.Elem())
	case kMap:
		return "map[string]" + typeName(t.Elem())
	case kTable:
		return "table"
	case kStruct:
		return "table"
	}
	return "value"
}

// rangeText is how the parameter table shows a range tag: as written, and
// on a distribution as a bound of its mean.
func rangeText(tag string, t reflect.Type) string {
	if tag != "" && kindOf(t) == kDist {
		return "mean " + tag
	}
	return tag
}
