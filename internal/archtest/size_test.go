package archtest

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// maxModelFileLines is the most lines a non-test Go file of the token
// model (agents and its subpackages) may have: one concept per file
// (STYLE.md, "Files and tests"), and issue 13's acceptance ("no non-test
// file in the model package(s) is over 400 lines").
const maxModelFileLines = 400

// TestModelFileSizes keeps every non-test file of the model within
// maxModelFileLines: a file that grows past it holds two concepts, and
// splits by concept (as verification.go did into verifiers.go, fraud.go
// and verification.go).
func TestModelFileSizes(t *testing.T) {
	t.Parallel()
	over, n, err := oversized("../../agents", maxModelFileLines)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range over {
		t.Errorf("%s: over %d lines: split it by concept", o, maxModelFileLines)
	}
	if n < 10 { // agents has over 60 non-test files; fewer means a wrong path
		t.Errorf("found %d non-test Go files under agents: the rule checks nothing", n)
	}
}

// The rule finds the files over the limit in a fixture whose line counts
// are known: model.go has 12 lines and bad.go 11, good.go 7, core.go 4
// (wc -l internal/archtest/testdata/mech/*.go).
func TestModelFileSizesFindsBreaches(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		limit int
		want  []string
	}{
		{12, nil},
		{11, []string{"model.go: 12 lines"}},
		{7, []string{"bad.go: 11 lines", "model.go: 12 lines"}},
		{3, []string{"bad.go: 11 lines", "core.go: 4 lines", "good.go: 7 lines", "model.go: 12 lines"}},
	} {
		over, n, err := oversized("testdata/mech", tc.limit)
		if err != nil {
			t.Fatal(err)
		}
		if n != 4 {
			t.Errorf("limit %d: %d files, want 4", tc.limit, n)
		}
		if !slices.Equal(over, tc.want) {
			t.Errorf("limit %d: over %q, want %q", tc.limit, over, tc.want)
		}
	}
}

// oversized walks dir and returns the non-test Go files with more than
// limit lines ("path: N lines", path relative to dir, in lexical order)
// and how many non-test Go files it read. A line is what wc -l counts: a
// newline.
func oversized(dir string, limit int) (over []string, files int, err error) {
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != dir && d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files++
		if n := bytes.Count(src, []byte("\n")); n > limit {
			rel, _ := filepath.Rel(dir, path)
			over = append(over, fmt.Sprintf("%s: %d lines", filepath.ToSlash(rel), n))
		}
		return nil
	})
	return over, files, err
}

// TestCommandIsThin: cmd/seqsim is flags and wiring (issue 13): at most
// 800 lines of non-test Go; the logic lives in study, experiments and the
// packages below them.
func TestCommandIsThin(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join("..", "..", "cmd", "seqsim", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	lines := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines += bytes.Count(b, []byte("\n"))
	}
	if lines == 0 || lines > 800 {
		t.Errorf("cmd/seqsim has %d lines of non-test Go, want at most 800 (move logic into study or experiments)", lines)
	}
}
