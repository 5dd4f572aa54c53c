package archtest

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/seqsim/seqsim"

// forbidden lists, per package, the seqsim packages it must not depend on
// (directly or not): dependencies point downward only (DESIGN.md, Layout;
// STYLE.md, "Package boundaries"). A forbidden name covers its
// subpackages, except those listed in allowed.
var forbidden = map[string][]string{
	"engine":             {"agents", "experiments", "plots", "report", "study", "cmd"},
	"engine/design":      {"agents", "experiments", "plots", "report", "study", "cmd"},
	"engine/sensitivity": {"agents", "experiments", "plots", "report", "study", "cmd"},
	"engine/search":      {"agents", "experiments", "plots", "report", "study", "cmd"},
	"agents":             {"engine", "experiments", "plots", "report", "study", "cmd"},
	"agents/protocol":    {"engine", "experiments", "plots", "report", "study", "cmd", "agents"},
	"experiments":        {"plots", "report", "study", "cmd"},
	// seqsim init's writer answers to the experiments it writes, not to
	// the study that runs them.
	"experiments/scaffold": {"plots", "report", "study", "cmd"},
	// The charts take plain slices; their percentiles come from the leaf
	// internal/stats (allowed below), so they match the summaries.
	"plots":  {"agents", "experiments", "engine", "report", "study", "cmd", "dist", "internal", "ordered"},
	"report": {"agents", "experiments", "engine", "study", "cmd"},
	// The study runs everything below it and owns the output folder.
	"study": {"cmd"},
	// The folder's layout is below both the study and the report.
	"study/folder": {"agents", "experiments", "engine", "plots", "report", "study", "cmd"},
	// Distributions are a leaf: the model's parameters and the TOML codec
	// (internal/params) use them, not the other way round.
	"dist": {"agents", "experiments", "engine", "plots", "report", "study", "cmd", "internal/params"},
	// The statistics seqsim reports are a leaf: the charts, the sensitivity
	// bootstrap, the study and the report all take their percentiles,
	// means and Wilson intervals from it, so it imports nothing of seqsim.
	"internal/stats": {"agents", "experiments", "engine", "plots", "report", "study", "cmd", "dist", "internal", "ordered"},
	// The error of an experiment file is a leaf too: the schemaless TOML
	// decoder builds it, and experiments re-exports it.
	"experiments/field": {"agents", "experiments", "engine", "plots", "report", "study", "cmd", "internal"},
	"internal/params":   {"agents", "experiments", "engine", "plots", "report", "study", "cmd"},
	// The ordered table is a leaf: parameter sections hold it, and the
	// TOML codec knows it by its methods without importing it.
	"ordered": {"agents", "experiments", "engine", "plots", "report", "study", "cmd", "internal", "dist"},
}

// allowed are the subpackages of a forbidden package that a package may
// still depend on: itself, the folder layout the report reads, and the
// error type of an experiment file that the TOML decoder builds and the
// model's parameter sections validate themselves with.
var allowed = map[string][]string{
	"agents":            {"experiments/field"},
	"agents/protocol":   {"agents/protocol"},
	"experiments/field": {"experiments/field"},
	"internal/params":   {"experiments/field"},
	"internal/stats":    {"internal/stats"},
	"plots":             {"internal/stats"}, // the leaf statistics the charts share with the summaries
	"report":            {"study/folder"},
	"study/folder":      {"study/folder"},
}

func TestPackageBoundaries(t *testing.T) {
	t.Parallel()
	for pkg, bad := range forbidden {
		out, err := exec.Command("go", "list", "-deps", module+"/"+pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", pkg, err)
		}
		for _, dep := range strings.Fields(string(out)) {
			rel, ok := strings.CutPrefix(dep, module+"/")
			if !ok || slices.Contains(allowed[pkg], rel) {
				continue
			}
			for _, b := range bad {
				if rel == b || strings.HasPrefix(rel, b+"/") {
					t.Errorf("%s depends on %s", pkg, rel)
				}
			}
		}
	}
}

// TestCommandUsesStudy: the CLI runs studies through package study (its
// logic is there, not in cmd/seqsim).
func TestCommandUsesStudy(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("go", "list", "-f", "{{join .Imports \" \"}}", module+"/cmd/seqsim").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(strings.Fields(string(out)), module+"/study") {
		t.Errorf("cmd/seqsim does not import study: %s", out)
	}
}

// TestFiletestOnlyInTests: internal/filetest imports package testing, so
// only tests may import it; a program that did would carry the test flags.
func TestFiletestOnlyInTests(t *testing.T) {
	t.Parallel()
	// .Imports lists a package's non-test imports only.
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", module+"/...").Output()
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.Lines(string(out)) {
		fields := strings.Fields(line)
		if slices.Contains(fields[1:], module+"/internal/filetest") {
			t.Errorf("%s imports internal/filetest outside its tests", fields[0])
		}
	}
}

// globalRand matches the top-level functions of math/rand and
// math/rand/v2, which draw from a randomly seeded global source and would
// break "same seed, same bytes", and time-seeded generators.
var globalRand = regexp.MustCompile(`\brand\.(Float64|Float32|Int|IntN|Int32|Int32N|Int64|Int64N|Uint32|Uint32N|Uint64|Uint64N|UintN|N|NormFloat64|ExpFloat64|Perm|Shuffle)\(|time\.Now\(\)\.UnixNano|"math/rand"$|golang.org/x/exp/rand`)

// distuvNoSrc matches a gonum distuv distribution built without its Src
// field on the line: a nil Src draws from the global source. Tests may
// build them for their CDFs and quantiles, as references.
var distuvNoSrc = regexp.MustCompile(`\bdistuv\.[A-Z]\w*\{`)

func TestNoGlobalRandomness(t *testing.T) {
	t.Parallel()
	root := filepath.Join("..", "..")
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == ".git" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "arch_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(bytes.NewReader(src))
		for line := 1; sc.Scan(); line++ {
			text := strings.TrimSpace(sc.Text())
			if strings.HasPrefix(text, "//") {
				continue
			}
			if globalRand.MatchString(text) {
				t.Errorf("%s:%d: global or time-seeded randomness: %s", path, line, text)
			}
			if distuvNoSrc.MatchString(text) && !strings.Contains(text, "Src:") && !strings.HasSuffix(path, "_test.go") {
				t.Errorf("%s:%d: a distuv distribution without Src draws from the global source: %s", path, line, text)
			}
		}
		return nil
	})
}
