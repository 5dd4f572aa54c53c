package params_test

import (
	"strings"
	"testing"

	"github.com/seqsim/seqsim/internal/enum"
	"github.com/seqsim/seqsim/internal/params"
)

type mode uint8

var modeNames = enum.Table[mode]{"rotation", "auction"}

func (m mode) MarshalText() ([]byte, error)  { return modeNames.MarshalText(m) }
func (m *mode) UnmarshalText(b []byte) error { return modeNames.UnmarshalText(m, b) }
func (mode) EnumNames() []string             { return modeNames.Names() }

type withMode struct {
	Mode  mode `toml:"mode" doc:"batch assignment"`
	Other mode `toml:"other" unit:"a tag wins" doc:"x"`
}

// TestEnumField: a closed set decodes by name, rejects an unknown name with
// file, line, key and the allowed names, is written by name, and lists its
// names as its unit.
func TestEnumField(t *testing.T) {
	var s withMode
	if err := params.Decode("e.toml", []byte("mode = \"auction\"\n"), &s); err != nil || s.Mode != 1 {
		t.Fatalf("Decode = %v, mode %d", err, s.Mode)
	}
	err := params.Decode("e.toml", []byte("\nmode = \"lottery\"\n"), &s)
	want := `e.toml:2: mode: must be one of "rotation", "auction", got "lottery"`
	if err == nil || err.Error() != want {
		t.Errorf("Decode(lottery) = %v, want %s", err, want)
	}
	b, err := params.Encode(&s)
	if err != nil || !strings.Contains(string(b), `mode = "auction"`) {
		t.Errorf("Encode = %s, %v", b, err)
	}
	docs := params.Describe(&s)
	if docs[0].Unit != "rotation|auction" || docs[1].Unit != "a tag wins" {
		t.Errorf("units %q, %q", docs[0].Unit, docs[1].Unit)
	}
}
