package main

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/internal/filetest"
)

// copyReportFixture copies one of report/testdata's output folders (made
// by seqsim at a tiny size) into a fresh folder.
func copyReportFixture(t *testing.T, name string) string {
	t.Helper()
	return filetest.CopyDir(t, filepath.Join("..", "..", "report", "testdata", name))
}

// TestPlotRebuildsFromFiles: `seqsim plot DIR` writes every chart and the
// report from the folder's files, and again to the same bytes.
func TestPlotRebuildsFromFiles(t *testing.T) {
	t.Parallel()
	dir := copyReportFixture(t, "scenarios")
	out, _, err := runCLI(t, "plot", dir)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, filepath.Join(dir, "report.html")) {
		t.Errorf("stdout %q does not name the report", out)
	}
	first, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"plots/fan_price.svg", "plots/fan_price.png", "plots/fan_price.pdf", "plots/compare_final_price.svg", "plots/risk_max_drawdown_gt_0.5.svg"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	if _, _, err := runCLI(t, "plot", "--quiet", dir); err != nil {
		t.Fatal(err)
	}
	again, _ := os.ReadFile(filepath.Join(dir, "report.html"))
	if !bytes.Equal(first, again) {
		t.Error("seqsim plot twice gives different reports")
	}
}

// TestPlotBadInput: a folder that is not an output folder, or bad usage,
// exits 2 with a message naming the problem.
func TestPlotBadInput(t *testing.T) {
	t.Parallel()
	empty := t.TempDir()
	_, _, err := runCLI(t, "plot", empty)
	if exitCode(err) != 2 || !strings.Contains(err.Error(), "manifest.json") || !strings.Contains(err.Error(), "not a seqsim output folder") {
		t.Errorf("empty folder: exit %d, %v", exitCode(err), err)
	}
	noRuns := copyReportFixture(t, "single")
	os.Remove(filepath.Join(noRuns, "runs.csv"))
	if _, _, err := runCLI(t, "plot", noRuns); exitCode(err) != 2 || !strings.Contains(err.Error(), "runs.csv") {
		t.Errorf("no runs.csv: exit %d, %v", exitCode(err), err)
	}
	for _, args := range [][]string{{}, {empty, empty}, {"--nope", empty}} {
		_, errOut, err := runCLI(t, append([]string{"plot"}, args...)...)
		if exitCode(err) != 2 || !strings.Contains(errOut, "usage: seqsim plot DIR") {
			t.Errorf("plot %q: exit %d, %v, stderr %q", args, exitCode(err), err, errOut)
		}
	}
	if out, _, err := runCLI(t, "plot", "-h"); err != nil || !strings.Contains(out, "usage: seqsim plot DIR") {
		t.Errorf("plot -h: %v %q", err, out)
	}
}

// TestCompareCommand compares two finished experiments into --out, and
// refuses bad input with exit status 2.
func TestCompareCommand(t *testing.T) {
	t.Parallel()
	a, b := copyReportFixture(t, "single"), copyReportFixture(t, "scenarios")
	out := filepath.Join(t.TempDir(), "cmp")
	stdout, _, err := runCLI(t, "compare", a, b, "--out", out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout, "comparing 2 experiments") {
		t.Errorf("stdout %q", stdout)
	}
	html, err := os.ReadFile(filepath.Join(out, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"Comparison of 2 experiments", "Per experiment", "mark best"} {
		if !strings.Contains(string(html), s) {
			t.Errorf("comparison lacks %q", s)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "plots", "fan_price.svg")); err != nil {
		t.Error(err)
	}
	if _, errOut, err := runCLI(t, "compare"); exitCode(err) != 2 || !strings.Contains(errOut, "usage: seqsim compare") {
		t.Errorf("compare with no folder: exit %d, %v", exitCode(err), err)
	}
	if _, _, err := runCLI(t, "compare", a, t.TempDir(), "--out", out); exitCode(err) != 2 || !strings.Contains(err.Error(), "manifest.json") {
		t.Errorf("compare with an empty folder: exit %d, %v", exitCode(err), err)
	}
}

// TestCompareDefaultOut: without --out the comparison goes to
// out/compare under the working folder.
func TestCompareDefaultOut(t *testing.T) {
	a, b := copyReportFixture(t, "single"), copyReportFixture(t, "sweep")
	t.Chdir(t.TempDir())
	if _, _, err := runCLI(t, "compare", a, b); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join("out", "compare", "report.html")); err != nil {
		t.Error(err)
	}
}

// TestPlotSensitivityMethods runs small Morris and one-at-a-time studies,
// deletes their charts and rebuilds them with seqsim plot.
func TestPlotSensitivityMethods(t *testing.T) {
	t.Parallel()
	oat := filepath.Join(t.TempDir(), "oat.toml")
	os.WriteFile(oat, []byte(`[experiment]
name = "oat"
model = "ishigami"
[ishigami]
x1 = -0.5
x2 = 0.5
x3 = 1.0
[sensitivity]
method = "oat"
replicates = 1
[[sensitivity.params]]
path = "ishigami.x1"
lo = -2.0
hi = 1.0
[[sensitivity.params]]
path = "ishigami.x2"
lo = -1.0
hi = 2.5
[[sensitivity.params]]
path = "ishigami.x3"
lo = 0.5
hi = 3.0
`), 0o644)
	ishigami := filepath.Join("..", "..", "experiments", "ishigami.toml")
	cases := []struct {
		name string
		args []string
		want []string
	}{
		{"morris", []string{ishigami, "--set", `sensitivity.method="morris"`, "--set", "sensitivity.trajectories=8"},
			[]string{"Morris screening, by µ*", "largest µ*: ishigami.x"}},
		{"oat", []string{oat}, []string{"One at a time, by swing", "largest swing: ishigami.x3"}},
		// Replicated, on common random numbers: each swing's interval is
		// paired (zero-width here: the Ishigami function has no noise).
		{"oat-replicated", []string{oat, "--set", "sensitivity.replicates=3"}, []string{"high − low (95% CI)", "The interval of high − low is paired"}},
	}
	for _, c := range cases {
		dir := filepath.Join(t.TempDir(), c.name)
		if _, _, err := runCLI(t, append([]string{"run", "--quiet", "--out", dir}, c.args...)...); err != nil {
			t.Fatal(err)
		}
		os.RemoveAll(filepath.Join(dir, "plots"))
		os.Remove(filepath.Join(dir, "report.html"))
		if _, _, err := runCLI(t, "plot", "--quiet", dir); err != nil {
			t.Fatal(err)
		}
		html, err := os.ReadFile(filepath.Join(dir, "report.html"))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range append(c.want, `id="fig-sensitivity_y"`, "<svg") {
			if !strings.Contains(string(html), s) {
				t.Errorf("%s: report lacks %q", c.name, s)
			}
		}
		if _, err := os.Stat(filepath.Join(dir, "plots", "sensitivity_y.png")); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

// TestCompareBadInputCreatesNothing: each bad input (a missing folder, a
// folder without runs.csv, studies of two models) exits 2 with a message
// naming the folder at fault, and leaves no --out folder behind; an --out
// that holds a previous comparison is left byte for byte as it was.
func TestCompareBadInputCreatesNothing(t *testing.T) {
	t.Parallel()
	single := copyReportFixture(t, "single")
	noRuns := copyReportFixture(t, "scenarios")
	os.Remove(filepath.Join(noRuns, "runs.csv"))
	ishigami := filepath.Join(t.TempDir(), "ishigami-run")
	exp := filepath.Join(t.TempDir(), "ishigami.toml")
	os.WriteFile(exp, []byte("[experiment]\nname = \"ishigami\"\nmodel = \"ishigami\"\nruns = 4\n"), 0o644)
	if _, _, err := runCLI(t, "run", exp, "--out", ishigami, "--quiet"); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "missing")
	cases := []struct {
		name  string
		dirs  []string
		fault string   // the folder the message must name
		says  []string // and what it must say of it
	}{
		{"missing folder", []string{single, missing}, missing, []string{"no such folder"}},
		{"no runs.csv", []string{single, noRuns}, noRuns, []string{"runs.csv"}},
		{"two models", []string{single, ishigami}, ishigami, []string{"ishigami model", "token model", single}},
	}
	previous := filepath.Join(t.TempDir(), "previous")
	if _, _, err := runCLI(t, "compare", single, copyReportFixture(t, "scenarios"), "--out", previous, "--quiet"); err != nil {
		t.Fatal(err)
	}
	before := tree(t, previous)
	for _, c := range cases {
		out := filepath.Join(t.TempDir(), "cmp")
		for _, o := range []string{out, previous} {
			_, _, err := runCLI(t, append([]string{"compare", "--out", o, "--quiet"}, c.dirs...)...)
			if exitCode(err) != 2 || err == nil {
				t.Errorf("%s into %s: exit %d, %v; want 2", c.name, o, exitCode(err), err)
				continue
			}
			for _, s := range append([]string{c.fault}, c.says...) {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("%s: %q does not say %q", c.name, err, s)
				}
			}
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("%s: %s was left behind (%v)", c.name, out, err)
		}
		after := tree(t, previous)
		for _, f := range slices.Sorted(maps.Keys(before)) {
			if after[f] != before[f] {
				t.Errorf("%s: the previous comparison's %s changed or went", c.name, f)
			}
		}
		for _, f := range slices.Sorted(maps.Keys(after)) {
			if _, ok := before[f]; !ok {
				t.Errorf("%s: the previous comparison gained %s", c.name, f)
			}
		}
	}
}

// tree maps every file under dir (its path in dir) to its SHA-256.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		out[rel] = filetest.Hash(t, path)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
