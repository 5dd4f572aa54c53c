package params

import "reflect"

// A Change is one key whose value differs from its default: what a file or
// a --set gave, against what the defaults hold. Values are written as
// Encode writes them (TOML inline values).
type Change struct {
	Path    string // dotted path, array elements by index ("allocations.2.share")
	Value   string
	Default string // "" when the defaults have no such key (a new array element or table entry)
}

// Diff lists the plain keys of src (a struct or pointer to one) whose
// values differ from those at the same paths in def (a value of the same
// type), in Encode's order. Keys of a table that def lacks are all listed,
// with no default; so are all the keys of an array of tables that differs
// from def's, which it replaces whole.
func Diff(src, def any) ([]Change, error) {
	rv, err := structVal("Diff", src)
	if err != nil {
		return nil, err
	}
	dv, err := structVal("Diff", def)
	if err != nil {
		return nil, err
	}
	d := &differ{}
	d.table("", rv, dv)
	return d.out, d.err
}

type differ struct {
	out []Change
	err error
}

// table compares the entries of table v with those of def (invalid: def
// has no such table).
func (d *differ) table(path string, v, def reflect.Value) {
	defs := map[string]reflect.Value{}
	if def.IsValid() {
		for _, en := range tableEntries(def) {
			defs[en.key] = en.val
		}
	}
	entries := tableEntries(v)
	for _, en := range entries {
		if t, a := tableLike(en.val); t || a {
			continue
		}
		val := d.inline(join(path, en.key), en.val)
		dv, ok := defs[en.key]
		if !ok {
			d.out = append(d.out, Change{Path: join(path, en.key), Value: val})
			continue
		}
		if dval := d.inline(join(path, en.key), dv); dval != val {
			d.out = append(d.out, Change{Path: join(path, en.key), Value: val, Default: dval})
		}
	}
	for _, en := range entries {
		t, a := tableLike(en.val)
		dv := defs[en.key]
		switch {
		case t:
			d.table(join(path, en.key), en.val, dv)
		case a:
			// An array of tables is replaced whole (a file's
			// [[allocations]] starts a new list): unless it equals the
			// default array, every key of every element is set, with no
			// default of its own.
			if dv.IsValid() && d.inline(join(path, en.key), dv) == d.inline(join(path, en.key), en.val) {
				continue
			}
			for i := range en.val.Len() {
				d.table(joinIndex(join(path, en.key), i), en.val.Index(i), reflect.Value{})
			}
		}
	}
}

// inline is v as Encode writes it inline.
func (d *differ) inline(path string, v reflect.Value) string {
	e := &encoder{}
	e.inline(path, v)
	if e.err != nil && d.err == nil {
		d.err = e.err
	}
	return e.buf.String()
}

// EncodeMarked is Encode with each key of changes marked at the end of its
// line, "# set (default: …)", or "# set" for a key the defaults lack. Decoding it gives what Encode's output gives: the marks
// are comments.
func EncodeMarked(src any, changes []Change) ([]byte, error) {
	rv, err := structVal("Encode", src)
	if err != nil {
		return nil, err
	}
	e := &encoder{marks: map[string]string{}}
	for _, c := range changes {
		e.marks[c.Path] = "# set"
		if c.Default != "" {
			e.marks[c.Path] = "# set (default: " + c.Default + ")"
		}
	}
	e.table(nil, "", rv)
	if e.err != nil {
		return nil, e.err
	}
	return e.buf.Bytes(), nil
}
