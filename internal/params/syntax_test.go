package params

import "testing"

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
