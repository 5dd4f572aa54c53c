package params

import (
	"testing"

	"github.com/BurntSushi/toml"
)

func TestKeyLines(t *testing.T) {
	src := `# comment with [brackets] and key = value
name = "x" # trailing = comment
"quoted key" = 1
nested.dotted.key = true
text = """
not_a_key = 1
[not_a_table]
"""
lit = '''
[[also_not]]
'''
after_strings = 2

[supply]
emissions = [
  0.1,
  # a comment line
  0.2, 0.3,
]
matrix = [[1, 2], [
  3]]
when = 1979-05-27 07:32:00Z
tail = 1

[[allocations]]
name = "a"
sell = { dist = "beta", a = 2, b = 5 }

[[allocations]]
name = "b"
[allocations.vesting]
cliff_days = 90
[[allocations.tranches]]
at = 1
[[allocations.tranches]]
at = 2

[[allocations]]
name = "c"
[[allocations.tranches]]
at = 3

[fees]
split = [0.5, 0.5]
inline = { x = { y = 1 }, "q.r" = 2, list = [{ z = 1 }, { z = 2 }] }
[ spaced . header ]
k = 'v' # ok
`
	want := map[string]int{
		"name":                             2,
		"quoted key":                       3,
		"nested":                           4,
		"nested.dotted":                    4,
		"nested.dotted.key":                4,
		"text":                             5,
		"lit":                              9,
		"after_strings":                    12,
		"supply":                           14,
		"supply.emissions":                 15,
		"supply.emissions.0":               16,
		"supply.emissions.1":               18,
		"supply.emissions.2":               18,
		"supply.matrix":                    20,
		"supply.matrix.0":                  20,
		"supply.matrix.0.1":                20,
		"supply.matrix.1":                  20,
		"supply.matrix.1.0":                21,
		"supply.when":                      22,
		"supply.tail":                      23,
		"allocations":                      25,
		"allocations.0":                    25,
		"allocations.0.name":               26,
		"allocations.0.sell":               27,
		"allocations.0.sell.dist":          27,
		"allocations.0.sell.b":             27,
		"allocations.1":                    29,
		"allocations.1.name":               30,
		"allocations.1.vesting":            31,
		"allocations.1.vesting.cliff_days": 32,
		"allocations.1.tranches":           33,
		"allocations.1.tranches.0":         33,
		"allocations.1.tranches.0.at":      34,
		"allocations.1.tranches.1":         35,
		"allocations.1.tranches.1.at":      36,
		"allocations.2":                    38,
		"allocations.2.name":               39,
		"allocations.2.tranches":           40,
		"allocations.2.tranches.0.at":      41,
		"fees":                             43,
		"fees.split.1":                     44,
		"fees.inline.x.y":                  45,
		"fees.inline.q.r":                  45,
		"fees.inline.list.1.z":             45,
		"spaced.header":                    46,
		"spaced.header.k":                  47,
	}
	var raw map[string]any
	if _, err := toml.Decode(src, &raw); err != nil {
		t.Fatalf("test input is not valid TOML: %v", err)
	}
	got := KeyLines([]byte(src))
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: line %d, want %d", k, got[k], w)
		}
	}
	for _, k := range []string{"not_a_key", "not_a_table", "also_not", "supply.when.07:32:00Z", "supply.matrix.2", "allocations.3"} {
		if _, ok := got[k]; ok {
			t.Errorf("unexpected key %q", k)
		}
	}
	// Line falls back to the nearest ancestor in the file.
	if l := got.Line("allocations.1.vesting.linear"); l != 31 {
		t.Errorf("fallback: %d", l)
	}
	if l := got.Line("runs"); l != 0 {
		t.Errorf("absent: %d", l)
	}
}

func TestKeyLinesCRLFAndBOM(t *testing.T) {
	got := KeyLines([]byte("\xef\xbb\xbfa = 1\r\n[t]\r\nb = \"x\"\r\n"))
	if got["a"] != 1 || got["t"] != 2 || got["t.b"] != 3 {
		t.Errorf("got %v", got)
	}
}

// KeyLines must terminate and not panic on garbage.
func TestKeyLinesGarbage(t *testing.T) {
	for _, s := range []string{
		"", "[", "[[", "a", "a =", "a = [", "a = {", "a = { b", "a = { = }", "a = [}", "a = \"", "a = '''",
		`a = """\`, "=", "]]]", "a = [1,,2", "{}", "a = { b = [ { c = ", "a.\"b", "[a.'b", "a = 1979-05-27 ",
	} {
		KeyLines([]byte(s))
	}
}

func TestKeyLinesQuotedKeys(t *testing.T) {
	src := "\"caf\\u00e9\\tx\" = 1\n'lit\\eral' = 2\n\"q\\\"x\".y = 3\n\"\" = 4\n"
	var raw map[string]any
	if _, err := toml.Decode(src, &raw); err != nil {
		t.Fatal(err)
	}
	got := KeyLines([]byte(src))
	for k, w := range map[string]int{"café\tx": 1, `lit\eral`: 2, `q"x.y`: 3, "": 0} {
		if got[k] != w {
			t.Errorf("%q: %d, want %d (%v)", k, got[k], w, got)
		}
	}
	for k := range raw {
		if k != "" && got[k] == 0 {
			t.Errorf("toml key %q not indexed", k)
		}
	}
}
