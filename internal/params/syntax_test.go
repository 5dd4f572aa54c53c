package params

import (
	"strings"
	"testing"

	"github.com/seqsim/seqsim/experiments/field"
)

// TestSyntaxErrorAtEndOfInput: a syntax error at the end of the input is
// reported on the line where it is, and its message has no NUL byte.
// BurntSushi/toml v1.6.0 reports such errors one line short (line 0 for a
// one-line file) and writes the end of input as a NUL; found by
// FuzzLoadExperiment (experiments/testdata/fuzz/FuzzLoadExperiment).
func TestSyntaxErrorAtEndOfInput(t *testing.T) {
	t.Parallel()
	cases := []struct{ src, want string }{
		{"\"\\", `t.toml:1: syntax error: invalid escape in string '\<end of file>'`},
		{"a = 1\nb = \"x\\", `t.toml:2: syntax error: invalid escape in string '\<end of file>'`},
		// Errors elsewhere keep the line toml reports.
		{"a = 1\nb = = 2\n", `t.toml:2: syntax error: expected value but found '=' instead`},
	}
	for _, c := range cases {
		var x struct{ A, B int }
		err := Decode("t.toml", []byte(c.src), &x)
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: got %v, want %s", c.src, err, c.want)
		}
	}
}

// TestEmptyKey: an unknown empty key (a pair of quotes) is named "" with its line;
// before, the problem had neither ("fuzz.toml: unknown key"); found by
// FuzzLoadExperiment.
func TestEmptyKey(t *testing.T) {
	t.Parallel()
	var x toyScenario
	err := Decode("t.toml", []byte("name = \"x\"\n'' = 0\n[fees]\n\"\" = 1\n"), &x)
	want := "t.toml:2: \"\": unknown key (valid keys: "
	want2 := "t.toml:4: fees.\"\": unknown key (valid keys: "
	fes := field.Errors(err)
	if len(fes) != 2 || !strings.HasPrefix(fes[0].Error(), want) || !strings.HasPrefix(fes[1].Error(), want2) {
		t.Errorf("got %v\nwant problems starting %q and %q", err, want, want2)
	}
}
