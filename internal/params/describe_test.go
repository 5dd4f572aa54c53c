package params

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// schemaLeaves independently walks a schema type and returns each leaf
// field's path with its struct field.
func schemaLeaves(t reflect.Type, prefix string, out map[string]reflect.StructField) {
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		path := name
		if prefix != "" {
			path = prefix + "." + name
		}
		ft := f.Type
		for {
			switch {
			case ft.Kind() == reflect.Slice && (ft.Elem().Kind() == reflect.Struct || ft.Elem().Kind() == reflect.Map) && ft.Elem() != distType:
				path += ".N"
				ft = ft.Elem()
				continue
			case ft.Kind() == reflect.Map:
				path += ".<key>"
				ft = ft.Elem()
				continue
			}
			break
		}
		if ft.Kind() == reflect.Struct && ft != distType {
			schemaLeaves(ft, path, out)
			continue
		}
		out[path] = f
	}
}

func TestDescribeCoversEveryField(t *testing.T) {
	leaves := map[string]reflect.StructField{}
	schemaLeaves(reflect.TypeFor[toyScenario](), "", leaves)
	docs := Describe(toyDefaults())
	seen := map[string]bool{}
	for _, d := range docs {
		f, ok := leaves[d.Path]
		if !ok {
			t.Errorf("Describe lists %q, which is not a leaf of the schema", d.Path)
			continue
		}
		seen[d.Path] = true
		if d.Doc != f.Tag.Get("doc") || d.Unit != f.Tag.Get("unit") || !strings.HasSuffix(d.Range, f.Tag.Get("range")) {
			t.Errorf("%s: doc/unit/range %q/%q/%q, want %q/%q/%q", d.Path, d.Doc, d.Unit, d.Range, f.Tag.Get("doc"), f.Tag.Get("unit"), f.Tag.Get("range"))
		}
		if d.Type == "" {
			t.Errorf("%s: no type", d.Path)
		}
	}
	for p := range leaves {
		if !seen[p] {
			t.Errorf("field %q missing from Describe", p)
		}
	}
	if len(docs) != len(leaves) {
		t.Errorf("%d docs for %d leaves", len(docs), len(leaves))
	}
	if m := MissingDocs(toyScenario{}); len(m) != 0 {
		t.Errorf("MissingDocs(toy) = %q", m)
	}
}

func TestDescribeValues(t *testing.T) {
	byPath := map[string]ParamDoc{}
	for _, d := range Describe(toyDefaults()) {
		byPath[d.Path] = d
	}
	for _, want := range []ParamDoc{
		{"runs", "int", "1000", "runs", "[1,1000000]", "Monte Carlo runs"},
		{"supply.emissions", "[]float", "[0.1, 0.05]", "tokens/year", "", "emission schedule by year"},
		{"fees.split", "[]float", "[0.5, 0.3, 0.2]", "fractions", "[0,1]", "split of the rest between pools"},
		{"allocations.N.share", "float", "0.2, 0.8", "fraction 0-1", "[0,1]", "share of total supply"},
		{"allocations.N.vesting.cliff_days", "int", "365, 0", "days", "[0,3650]", "days from launch until the cliff"},
		{"allocations.N.sell_fraction", "dist", `{ dist = "beta", a = 2, b = 5 }, 0.1`, "fraction 0-1", "mean [0,1]", "fraction sold at each unlock"},
		{"holders.<key>.active", "bool", "true", "", "", "whether the holder trades"},
		{"fees.mode", "string", `"flat"`, "", "", "fee curve: flat or decay"},
	} {
		if got := byPath[want.Path]; got != want {
			t.Errorf("got  %+v\nwant %+v", got, want)
		}
	}
	// A nil pointer describes the zero value; empty arrays give no default.
	for _, d := range Describe((*toyScenario)(nil)) {
		if strings.HasPrefix(d.Path, "allocations.N.") && d.Default != "" {
			t.Errorf("%s default %q", d.Path, d.Default)
		}
	}
	if Describe(3) != nil {
		t.Error("Describe(3)")
	}
	md := MarkdownTable(Describe(toyDefaults()))
	if !strings.Contains(md, "| `allocations.N.share` | float | `0.2, 0.8` | fraction 0-1 | [0,1] | share of total supply |") {
		t.Errorf("markdown:\n%s", md)
	}
}

func TestMissingDocs(t *testing.T) {
	type inner struct {
		Documented float64 `toml:"documented" doc:"yes"`
		Bare       float64 `toml:"bare"`
	}
	type schema struct {
		Top   int     `toml:"top"`
		Good  string  `toml:"good" doc:"fine"`
		Inner inner   `toml:"inner"`
		List  []inner `toml:"list"`
		Blank bool    `toml:"blank" doc:"  "`
	}
	got := MissingDocs(schema{})
	want := []string{"top", "inner.bare", "list.N.bare", "blank"}
	if !slices.Equal(got, want) {
		t.Errorf("MissingDocs = %q, want %q", got, want)
	}
}

type recursive struct {
	Name     string      `toml:"name" doc:"node name"`
	Children []recursive `toml:"children"`
}

func TestRecursiveSchema(t *testing.T) {
	r := recursive{Name: "root", Children: []recursive{{Name: "leaf"}}}
	docs := Describe(r)
	if len(docs) != 1 || docs[0].Path != "name" {
		t.Errorf("Describe = %+v", docs)
	}
	b, err := Encode(r)
	if err != nil {
		t.Fatal(err)
	}
	var back recursive
	if err := Decode("r.toml", b, &back); err != nil {
		t.Fatal(err)
	}
	mustEqual(t, back, r)
	if v, err := Get(r, "children.0.name"); err != nil || v != "leaf" {
		t.Errorf("Get = %v, %v", v, err)
	}
}
