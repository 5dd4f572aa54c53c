package experiments_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/seqsim/seqsim/experiments"
)

// TestChangesOfASmallToken: issue 18's design sets its fee split, supply
// and price (each marked with the default it replaces) and its own
// allocations (a list of its own, no default); what it does not set, such
// as the fraud bond (the baseline's USD 10.8M scaled to a design of a
// twentieth of its value), is inherited and unmarked. Loading the
// annotated file again gives the same experiment, hash and annotations.
func TestChangesOfASmallToken(t *testing.T) {
	t.Parallel()
	e, err := experiments.LoadFile(filepath.Join("testdata", "small-token.toml"), []string{"experiment.runs=7"})
	if err != nil {
		t.Fatal(err)
	}
	cs, err := e.Changes()
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]experiments.Change{}
	for _, c := range cs {
		byPath[c.Path] = c
	}
	for _, want := range []experiments.Change{
		{Path: "fees.split", Value: "[0.5, 0.3, 0.2]", Default: "[0.4, 0.4, 0.2]"},
		{Path: "supply.initial_tokens", Value: "1000000000.0", Default: "10000000000.0"},
		{Path: "supply.launch_price_usd", Value: "0.5", Default: "1.0"},
		{Path: "experiment.runs", Value: "7", Default: "1000"},
		{Path: "allocations.5.share", Value: "0.2"},
	} {
		if got := byPath[want.Path]; got != want {
			t.Errorf("%s: %+v, want %+v", want.Path, got, want)
		}
	}
	if _, ok := byPath["fraud.slash"]; ok {
		t.Error("the inherited bond (a default in proportion to the design) is listed as set")
	}
	ann, err := e.Annotated()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(ann, []byte("\nsplit = [0.5, 0.3, 0.2]  # set (default: [0.4, 0.4, 0.2])\n")) ||
		!bytes.Contains(ann, []byte("\nslash = 540000.0\n")) {
		t.Errorf("annotated file:\n%s", ann)
	}
	f := filepath.Join(t.TempDir(), "experiment.toml")
	if err := os.WriteFile(f, ann, 0o644); err != nil {
		t.Fatal(err)
	}
	again, err := experiments.LoadFile(f, nil)
	if err != nil {
		t.Fatal(err)
	}
	h1, _ := e.Hash()
	h2, _ := again.Hash()
	ann2, _ := again.Annotated()
	cs2, _ := again.Changes()
	if h1 != h2 || !bytes.Equal(ann, ann2) || !slices.Equal(cs, cs2) {
		t.Errorf("loading the annotated file changed it: hash %s → %s", h1, h2)
	}
}
