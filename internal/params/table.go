package params

import (
	"cmp"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// An ordered table (package ordered's Table, or any type with its methods)
// is a TOML table with free keys whose entries all have one type, kept in
// order. The walkers know it by its methods, not by its package:
//
//	Len() int; Key(i int) string; Doc(i int) string
//	At(i int) E; With(key string, v E) T
//
// Unlike a map it merges: a file that sets [holders.team] sell_fraction
// changes that key of that entry and keeps every other entry and key. A
// new entry either names an existing one to start from (like = "investor",
// a key the table reserves) or sets every key of its type, since the zero
// value of a behaviour is rarely a sensible one. New entries go after the
// existing ones, in the order the file first names them.
type orderedTable interface {
	Len() int
	Key(i int) string
	Doc(i int) string
}

// likeKey is the reserved key of a new entry that names the entry it
// starts from.
const likeKey = "like"

var orderedTableType = reflect.TypeFor[orderedTable]()

// isOrderedTable reports whether t has the methods of an ordered table,
// with At and With agreeing on the entry type.
func isOrderedTable(t reflect.Type) bool {
	if !t.Implements(orderedTableType) {
		return false
	}
	at, ok1 := t.MethodByName("At")
	with, ok2 := t.MethodByName("With")
	if !ok1 || !ok2 {
		return false
	}
	// Method types of a reflect.Type take the receiver first.
	a, w := at.Type, with.Type
	return a.NumIn() == 2 && a.In(1).Kind() == reflect.Int && a.NumOut() == 1 &&
		w.NumIn() == 3 && w.In(1).Kind() == reflect.String && w.In(2) == a.Out(0) &&
		w.NumOut() == 1 && w.Out(0) == t
}

// tableElem is the entry type of ordered table type t.
func tableElem(t reflect.Type) reflect.Type {
	m, _ := t.MethodByName("At")
	return m.Type.Out(0)
}

func asTable(v reflect.Value) orderedTable { return v.Interface().(orderedTable) }

// tableAt returns a settable copy of entry i of table v.
func tableAt(v reflect.Value, i int) reflect.Value {
	got := v.MethodByName("At").Call([]reflect.Value{reflect.ValueOf(i)})[0]
	e := reflect.New(got.Type()).Elem()
	e.Set(got)
	return e
}

// tableWith returns table v with key set to e (v itself is not changed).
func tableWith(v reflect.Value, key string, e reflect.Value) reflect.Value {
	return v.MethodByName("With").Call([]reflect.Value{reflect.ValueOf(key), e})[0]
}

func tableIndex(t orderedTable, key string) int {
	for i := range t.Len() {
		if t.Key(i) == key {
			return i
		}
	}
	return -1
}

func tableKeys(t orderedTable) []string {
	out := make([]string, t.Len())
	for i := range out {
		out[i] = t.Key(i)
	}
	return out
}

// table merges the TOML table data into the ordered table v: entries it
// already has merge key by key, new ones are added after them (see
// orderedTable for the rules of a new entry).
func (d *decoder) table(path string, data any, v reflect.Value) {
	m, ok := data.(map[string]any)
	if !ok {
		d.wrongType(path, "table", data)
		return
	}
	cur := reflect.New(v.Type()).Elem()
	cur.Set(v)
	var old, added []string
	for k := range m {
		if tableIndex(asTable(cur), k) >= 0 {
			old = append(old, k)
		} else {
			added = append(added, k)
		}
	}
	slices.Sort(old)
	// New entries in the order the file names them (a like may name an
	// earlier one); entries on one line (an inline table) by name.
	slices.SortFunc(added, func(a, b string) int {
		return cmp.Or(cmp.Compare(d.lines.Line(join(path, a)), d.lines.Line(join(path, b))), strings.Compare(a, b))
	})
	elem := tableElem(v.Type())
	for _, k := range append(old, added...) {
		p := join(path, k)
		if k == "" {
			d.fail(join(path, `""`), errors.New("an entry needs a non-empty key"))
			continue
		}
		t := asTable(cur)
		e := reflect.New(elem).Elem()
		body := m[k]
		em, isTable := body.(map[string]any)
		like, hasLike := em[likeKey]
		switch i := tableIndex(t, k); {
		case i >= 0 && hasLike:
			d.fail(join(p, likeKey), fmt.Errorf("%q is already defined: like only starts a new entry", k))
			continue
		case i >= 0:
			e = tableAt(cur, i)
		case hasLike:
			name, ok := like.(string)
			if !ok {
				d.wrongType(join(p, likeKey), "string", like)
				continue
			}
			j := tableIndex(t, name)
			if j < 0 {
				d.fail(join(p, likeKey), fmt.Errorf("no entry %q to start from (defined: %s)", name, strings.Join(tableKeys(t), ", ")))
				continue
			}
			e = tableAt(cur, j)
			rest := make(map[string]any, len(em)-1)
			for f, x := range em {
				if f != likeKey {
					rest[f] = x
				}
			}
			body = rest
		case isTable && kindOf(elem) == kStruct:
			var missing []string
			for _, f := range fieldsOf(elem) {
				if _, ok := em[f.name]; !ok {
					missing = append(missing, f.name)
				}
			}
			if len(missing) > 0 {
				like := "<entry>"
				if t.Len() > 0 {
					like = t.Key(0)
				}
				d.fail(p, fmt.Errorf("a new entry sets every key (missing: %s) or starts as a copy of another with like = %q",
					strings.Join(missing, ", "), like))
				continue
			}
		}
		d.unify(p, body, e)
		cur = tableWith(cur, k, e)
	}
	v.Set(cur)
}
