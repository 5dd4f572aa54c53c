package tables

import (
	"fmt"
	"slices"
	"strings"

	"github.com/parquet-go/parquet-go"
)

// Kind is the Parquet type of a column.
type Kind int

// The column kinds. Double is the zero value: a column a spec does not mark
// otherwise holds nullable doubles.
const (
	// Double is an optional DOUBLE; an empty CSV field is a null. The field
	// is parsed with strconv.ParseFloat, so "NaN", "+Inf" and "-Inf" are
	// values (not nulls).
	Double Kind = iota
	// Int is a required INT64 annotated INTEGER(64, signed).
	Int
	// Uint is a required INT64 annotated INTEGER(64, unsigned) (converted
	// type UINT_64): the 64 bits of a uint64, read back as unsigned.
	Uint
	// String is an optional BYTE_ARRAY annotated STRING; an empty CSV field
	// is a null.
	String
)

// String implements fmt.Stringer.
func (k Kind) String() string {
	switch k {
	case Double:
		return "double"
	case Int:
		return "int"
	case Uint:
		return "uint"
	case String:
		return "string"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Column is one column of a table.
type Column struct {
	Name string
	Kind Kind
}

// DefaultRowGroupRows is the number of rows per row group when
// Spec.RowGroupRows is 0: large enough for efficient scans, small enough
// that the buffered row group stays a few megabytes.
const DefaultRowGroupRows = 1 << 16

// Spec describes a CSV table: its columns, which must be exactly the CSV
// header in the same order, and the row group size of the Parquet file.
type Spec struct {
	Columns []Column
	// RowGroupRows is the most rows in one row group; 0 means
	// DefaultRowGroupRows. Memory use grows with it, not with the number of
	// rows in the file.
	RowGroupRows int

	err error // a problem found by RunsSpec, reported by CSVToParquet
}

// RunsSpec is the spec of a runs.csv whose header is header: point and run
// are Int, seed is Uint, the columns named in stringCols (such as
// "scenario") are String, and every other column is Double. The header must
// start with point, run, seed, and every name in stringCols must be in it;
// otherwise CSVToParquet reports the problem.
func RunsSpec(header []string, stringCols ...string) Spec {
	s := Spec{Columns: make([]Column, len(header))}
	for i, name := range header {
		s.Columns[i] = Column{Name: name, Kind: Double}
	}
	want := []string{"point", "run", "seed"}
	if len(header) < len(want) || !slices.Equal(header[:len(want)], want) {
		s.err = fmt.Errorf("tables: runs header must start with %s, got %s",
			strings.Join(want, ","), strings.Join(header, ","))
		return s
	}
	s.Columns[0].Kind = Int
	s.Columns[1].Kind = Int
	s.Columns[2].Kind = Uint
	for _, name := range stringCols {
		i := slices.Index(header, name)
		if i < len(want) {
			s.err = fmt.Errorf("tables: string column %q is not a parameter column of the runs header %s",
				name, strings.Join(header, ","))
			return s
		}
		s.Columns[i].Kind = String
	}
	return s
}

// SeriesSpec is the spec of series.csv:
// point,step,metric,mean,p05,p25,p50,p75,p95 with point and step Int, metric
// String and the rest Double.
func SeriesSpec() Spec {
	return Spec{Columns: []Column{
		{"point", Int}, {"step", Int}, {"metric", String},
		{"mean", Double}, {"p05", Double}, {"p25", Double}, {"p50", Double},
		{"p75", Double}, {"p95", Double},
	}}
}

// validate checks the spec itself (not a CSV file against it).
func (s Spec) validate() error {
	if s.err != nil {
		return s.err
	}
	if len(s.Columns) == 0 {
		return fmt.Errorf("tables: spec has no columns")
	}
	if s.RowGroupRows < 0 {
		return fmt.Errorf("tables: spec has a negative row group size %d", s.RowGroupRows)
	}
	seen := make(map[string]bool, len(s.Columns))
	for _, c := range s.Columns {
		switch {
		case c.Name == "":
			return fmt.Errorf("tables: spec has a column with an empty name")
		case seen[c.Name]:
			return fmt.Errorf("tables: spec has column %q twice", c.Name)
		case c.Kind < Double || c.Kind > String:
			return fmt.Errorf("tables: column %q has unknown kind %v", c.Name, c.Kind)
		}
		seen[c.Name] = true
	}
	return nil
}

// names returns the column names in order.
func (s Spec) names() []string {
	names := make([]string, len(s.Columns))
	for i, c := range s.Columns {
		names[i] = c.Name
	}
	return names
}

// schema builds the Parquet schema of a valid spec, with the columns in the
// spec's order.
func (s Spec) schema() *parquet.Schema {
	g := make(parquet.Group, len(s.Columns))
	for _, c := range s.Columns {
		g[c.Name] = node(c.Kind)
	}
	// parquet.Group orders its fields by name; keep the CSV's order instead
	// by reordering the group's own fields (which carry the right Name and
	// Value methods).
	byName := make(map[string]parquet.Field, len(g))
	for _, f := range g.Fields() {
		byName[f.Name()] = f
	}
	root := orderedGroup{Group: g, fields: make([]parquet.Field, len(s.Columns))}
	for i, c := range s.Columns {
		root.fields[i] = byName[c.Name]
	}
	return parquet.NewSchema("schema", root)
}

func node(k Kind) parquet.Node {
	switch k {
	case Int:
		return parquet.Int(64)
	case Uint:
		return parquet.Uint(64)
	case String:
		return parquet.Optional(parquet.String())
	default:
		return parquet.Optional(parquet.Leaf(parquet.DoubleType))
	}
}

// orderedGroup is a parquet.Group whose fields keep a given order.
type orderedGroup struct {
	parquet.Group
	fields []parquet.Field
}

func (g orderedGroup) Fields() []parquet.Field { return g.fields }

func (g orderedGroup) String() string {
	var b strings.Builder
	parquet.PrintSchema(&b, "", g)
	return b.String()
}
