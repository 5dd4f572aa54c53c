package sensitivity

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestNoGlobalRandomness enforces STYLE.md "Randomness": no top-level
// math/rand/v2 functions (randomly seeded global source), and no gonum distuv
// value (whose nil Src falls back to the global source). Comments are
// skipped, so they may name these functions.
func TestNoGlobalRandomness(t *testing.T) {
	t.Parallel()
	global := regexp.MustCompile(`\brand\.(Int|Uint|Float|Norm|Exp|Perm|Shuffle|N\b|IntN|Int32|Int64|Uint32|Uint64)\w*\(`)
	distuv := regexp.MustCompile(`\bdistuv\.`)
	comment := regexp.MustCompile(`//.*`)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src = comment.ReplaceAll(src, nil)
		for _, re := range []*regexp.Regexp{global, distuv} {
			if loc := re.FindIndex(src); loc != nil {
				t.Errorf("%s: forbidden %q", f, src[loc[0]:loc[1]])
			}
		}
	}
}
