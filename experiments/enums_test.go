package experiments

import (
	"strings"
	"testing"
)

// TestUnknownStudyName: the closed sets of an experiment file are refused
// while it is read, at the file's line, with the allowed names (the same
// message as agents' closed sets).
func TestUnknownStudyName(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ src, want string }{
		{"[experiment]\nmodel = \"tokn\"\n", `x.toml:2: experiment.model: must be one of "token", "ishigami", "sobol-g", got "tokn"`},
		{"[sweep]\nmethod = \"lh\"\n", `x.toml:2: sweep.method: must be one of "none", "grid", "lhs", got "lh"`},
		{"[sensitivity]\n\nmethod = \"sobolx\"\n", `x.toml:3: sensitivity.method: must be one of "none", "sobol", "morris", "oat", got "sobolx"`},
	} {
		_, err := Load("x.toml", []byte(c.src), nil)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %s", c.src, err, c.want)
		}
	}
	// Each name reads back as the value it names and writes out unchanged.
	for _, name := range []string{"token", "ishigami", "sobol-g"} {
		var m Model
		if err := m.UnmarshalText([]byte(name)); err != nil || m.String() != name {
			t.Errorf("model %q: %v, %v", name, m, err)
		}
	}
}
