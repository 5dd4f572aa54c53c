package field

import (
	"errors"
	"fmt"
	"testing"
)

func TestErrorFormat(t *testing.T) {
	for _, tt := range []struct {
		e    Error
		want string
	}{
		{Error{File: "baseline.toml", Line: 42, Key: "slashing.liveness_penalty", Err: errors.New("must be in [0, 1], got 1.5")},
			"baseline.toml:42: slashing.liveness_penalty: must be in [0, 1], got 1.5"},
		{Error{File: "baseline.toml", Line: 0, Key: "a.b", Err: errors.New("bad")}, "baseline.toml: a.b: bad"},
		{Error{File: "", Line: 0, Key: "a.b", Err: errors.New("bad")}, "a.b: bad"},
		{Error{File: "", Line: 3, Key: "", Err: errors.New("bad")}, "line 3: bad"},
	} {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

// TestErrors: Errors finds every *Error in a joined, wrapped error, in
// order, and skips the rest.
func TestErrors(t *testing.T) {
	a := &Error{File: "a.toml", Line: 1, Key: "x", Err: ErrUnknownKey}
	b := &Error{File: "a.toml", Line: 2, Key: "y", Err: ErrWrongType}
	err := errors.Join(a, errors.New("not a field error"), fmt.Errorf("wrapped: %w", b))
	got := Errors(err)
	if len(got) != 2 || got[0] != a || got[1] != b {
		t.Fatalf("Errors = %v", got)
	}
	if !errors.Is(err, ErrWrongType) || Errors(nil) != nil {
		t.Error("errors.Is through the join, or Errors(nil)")
	}
}
