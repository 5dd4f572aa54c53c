package params

import (
	"bytes"
	"encoding"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/seqsim/seqsim/dist"
	"github.com/seqsim/seqsim/internal/tomlnum"
)

// Encode writes the resolved experiment src (a struct or pointer to one) as
// TOML, with every field. Within each table the plain keys come first in
// struct order, then the sub-tables and arrays of tables in struct order (TOML
// does not allow a plain key after a sub-table header). Map keys are sorted;
// an ordered table's entries are in its order, each under its doc.
// Floats are written in shortest round-trip form (always with a "." or
// exponent, so they stay floats); distributions as in dist.Dist.String.
// A field with unit or doc tags is preceded by a comment "# unit — doc" (for
// arrays of tables, only in the first element).
//
// Decode(Encode(x)) into a zero-valued struct gives back x exactly, except
// that empty slices and maps come back nil.
func Encode(src any) ([]byte, error) {
	rv, err := structVal("Encode", src)
	if err != nil {
		return nil, err
	}
	e := &encoder{}
	e.table(nil, "", rv)
	if e.err != nil {
		return nil, e.err
	}
	return e.buf.Bytes(), nil
}

type encoder struct {
	buf   bytes.Buffer
	err   error
	quiet int               // > 0: inside a repeated array element, no comments
	marks map[string]string // EncodeMarked: path → its "# set …" mark
}

func (e *encoder) fail(path string, format string, args ...any) {
	if e.err == nil {
		e.err = fmt.Errorf("params: encode %s: %s", path, fmt.Sprintf(format, args...))
	}
}

// entry is one key of a table being written.
type entry struct {
	key       string
	val       reflect.Value
	doc, unit string
}

func tableEntries(v reflect.Value) []entry {
	var out []entry
	switch kindOf(v.Type()) {
	case kStruct:
		for _, f := range fieldsOf(v.Type()) {
			out = append(out, entry{f.name, v.FieldByIndex(f.index), f.doc, f.unit})
		}
	case kMap:
		for _, k := range sortedKeys(v) {
			out = append(out, entry{k.String(), v.MapIndex(k), "", ""})
		}
	case kTable:
		t := asTable(v)
		for i := range t.Len() {
			out = append(out, entry{t.Key(i), tableAt(v, i), t.Doc(i), ""})
		}
	}
	return out
}

// tableLike reports how v is written inside a table: as a [header] table
// (struct, or non-empty map), as an array of tables (non-empty slice of
// structs or maps), or else as key = inline value.
func tableLike(v reflect.Value) (table, arrayOfTables bool) {
	switch kindOf(v.Type()) {
	case kStruct, kTable:
		return true, false
	case kMap:
		return v.Len() > 0, false
	case kSlice:
		return false, v.Len() > 0 && isTableKind(kindOf(v.Type().Elem()))
	}
	return false, false
}

// table writes the body of a table whose header (if any) is already out.
// hdr are the header key parts (without array indices), path the indexed
// dotted path used in messages.
func (e *encoder) table(hdr []string, path string, v reflect.Value) {
	entries := tableEntries(v)
	for _, en := range entries {
		if t, a := tableLike(en.val); t || a {
			continue
		}
		e.comment(en.doc, en.unit)
		e.buf.WriteString(quoteKey(en.key))
		e.buf.WriteString(" = ")
		e.inline(join(path, en.key), en.val)
		if m, ok := e.marks[join(path, en.key)]; ok {
			e.buf.WriteString("  " + m)
		}
		e.buf.WriteByte('\n')
	}
	for _, en := range entries {
		t, a := tableLike(en.val)
		if !t && !a {
			continue
		}
		h := append(hdr[:len(hdr):len(hdr)], en.key)
		hs := headerString(h)
		p := join(path, en.key)
		if t {
			// A table holding only sub-tables needs no header of its own.
			if needsHeader(en.val) {
				e.blank()
				e.comment(en.doc, en.unit)
				e.buf.WriteString("[" + hs + "]\n")
			}
			e.table(h, p, en.val)
			continue
		}
		for i := range en.val.Len() {
			e.blank()
			if i == 0 {
				e.comment(en.doc, en.unit)
			} else {
				e.quiet++
			}
			e.buf.WriteString("[[" + hs + "]]\n")
			e.table(h, joinIndex(p, i), en.val.Index(i))
			if i > 0 {
				e.quiet--
			}
		}
	}
}

// needsHeader reports whether table v has a plain key or no keys at all.
func needsHeader(v reflect.Value) bool {
	entries := tableEntries(v)
	for _, en := range entries {
		if t, a := tableLike(en.val); !t && !a {
			return true
		}
	}
	return len(entries) == 0
}

func (e *encoder) blank() {
	if e.buf.Len() > 0 {
		e.buf.WriteByte('\n')
	}
}

func (e *encoder) comment(doc, unit string) {
	text := doc
	switch {
	case unit != "" && doc != "":
		text = unit + " — " + doc
	case unit != "":
		text = unit
	}
	if text == "" || e.quiet > 0 {
		return
	}
	for line := range strings.SplitSeq(text, "\n") {
		e.buf.WriteString(strings.TrimRight("# "+line, " "))
		e.buf.WriteByte('\n')
	}
}

// inline writes v as a TOML value on one line.
func (e *encoder) inline(path string, v reflect.Value) {
	t := v.Type()
	switch kindOf(t) {
	case kBool:
		e.buf.WriteString(strconv.FormatBool(v.Bool()))
	case kInt:
		e.buf.WriteString(strconv.FormatInt(v.Int(), 10))
	case kUint:
		if v.Uint() > math.MaxInt64 {
			e.fail(path, "%d does not fit a TOML integer", v.Uint())
			return
		}
		e.buf.WriteString(strconv.FormatUint(v.Uint(), 10))
	case kFloat:
		e.buf.WriteString(tomlnum.Float(v.Float()))
	case kString:
		e.str(path, v.String())
	case kDist:
		e.buf.WriteString(v.Interface().(dist.Dist).String())
	case kTOML:
		b, err := v.Interface().(toml.Marshaler).MarshalTOML()
		if err != nil {
			e.fail(path, "%v", err)
			return
		}
		e.buf.Write(b)
	case kText:
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			e.fail(path, "%v", err)
			return
		}
		e.str(path, string(b))
	case kSlice:
		e.buf.WriteByte('[')
		for i := range v.Len() {
			if i > 0 {
				e.buf.WriteString(", ")
			}
			e.inline(joinIndex(path, i), v.Index(i))
		}
		e.buf.WriteByte(']')
	case kStruct, kMap, kTable:
		entries := tableEntries(v)
		if len(entries) == 0 {
			e.buf.WriteString("{}")
			return
		}
		e.buf.WriteString("{ ")
		for i, en := range entries {
			if i > 0 {
				e.buf.WriteString(", ")
			}
			e.buf.WriteString(quoteKey(en.key))
			e.buf.WriteString(" = ")
			e.inline(join(path, en.key), en.val)
		}
		e.buf.WriteString(" }")
	default:
		e.fail(path, "unsupported type %s", t)
	}
}

func (e *encoder) str(path, s string) {
	if !utf8.ValidString(s) {
		e.fail(path, "string is not valid UTF-8")
		return
	}
	e.buf.WriteString(quoteString(s))
}

// quoteString returns s as a TOML basic string.
func quoteString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// quoteKey returns k bare if possible, else as a basic string.
func quoteKey(k string) string {
	if k == "" {
		return `""`
	}
	for i := range len(k) {
		if !isBareKeyChar(k[i]) {
			return quoteString(k)
		}
	}
	return k
}

func headerString(parts []string) string {
	q := make([]string, len(parts))
	for i, p := range parts {
		q[i] = quoteKey(p)
	}
	return strings.Join(q, ".")
}
