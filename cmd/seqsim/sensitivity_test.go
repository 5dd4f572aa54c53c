package main

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/engine/sensitivity"
	"github.com/seqsim/seqsim/internal/filetest"
)

// readSensitivity reads sensitivity.csv into rows keyed by parameter.
func readSensitivity(t *testing.T, dir string) map[string]map[string]float64 {
	t.Helper()
	rows := filetest.ReadCSV(t, filepath.Join(dir, "sensitivity.csv"))
	out := map[string]map[string]float64{}
	for _, r := range rows[1:] {
		m := map[string]float64{}
		for j, h := range rows[0] {
			if v, err := strconv.ParseFloat(r[j], 64); err == nil {
				m[h] = v
			}
		}
		out[r[1]] = m
	}
	return out
}

// TestSensitivityKnownAnswers runs the shipped test-model experiments
// through the whole pipeline (design, runner, outputs) and compares the
// indices with the analytic ones (Saltelli et al. 2010; SALib's tests use
// the same values): within 0.02 at N = 4096, and covered by the 95%
// intervals.
func TestSensitivityKnownAnswers(t *testing.T) {
	t.Parallel()
	s1I, stI, _ := sensitivity.IshigamiIndices(7, 0.1)
	s1G, stG := sensitivity.SobolGIndices([]float64{0, 1, 4.5, 9, 99, 99, 99, 99})
	cases := []struct {
		file   string
		params []string
		s1, st []float64
	}{
		{"ishigami.toml", []string{"ishigami.x1", "ishigami.x2", "ishigami.x3"}, s1I, stI},
		{"sobol-g.toml", []string{"sobol_g.x.0", "sobol_g.x.1", "sobol_g.x.2", "sobol_g.x.3", "sobol_g.x.4", "sobol_g.x.5", "sobol_g.x.6", "sobol_g.x.7"}, s1G, stG},
	}
	for _, c := range cases {
		dir := filepath.Join(t.TempDir(), "out")
		if _, _, err := runCLI(t, "run", filepath.Join("..", "..", "experiments", c.file), "--out", dir, "--quiet"); err != nil {
			t.Fatal(err)
		}
		rows := readSensitivity(t, dir)
		for i, p := range c.params {
			r := rows[p]
			for _, k := range []struct {
				name string
				want float64
			}{{"S1", c.s1[i]}, {"ST", c.st[i]}} {
				got, lo, hi := r[k.name], r[k.name+"_lo"], r[k.name+"_hi"]
				if math.Abs(got-k.want) > 0.02 {
					t.Errorf("%s %s %s = %.4f, analytic %.4f", c.file, p, k.name, got, k.want)
				}
				if !(lo <= k.want+1e-4 && k.want-1e-4 <= hi) {
					t.Errorf("%s %s %s interval [%.4f, %.4f] misses %.4f", c.file, p, k.name, lo, hi, k.want)
				}
			}
		}
	}
}

func TestIshigamiSecondOrder(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	if _, _, err := runCLI(t, "run", filepath.Join("..", "..", "experiments", "ishigami.toml"), "--out", dir, "--quiet"); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "sensitivity_s2.csv"))
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "y,ishigami.x1,ishigami.x3,") {
			v, _ := strconv.ParseFloat(strings.Split(line, ",")[3], 64)
			if math.Abs(v-0.2437) > 0.02 { // S13 = 0.2437 (Ishigami a=7, b=0.1)
				t.Errorf("S13 = %.4f, want 0.2437", v)
			}
			return
		}
	}
	t.Errorf("no S13 row in sensitivity_s2.csv:\n%s", b)
}

// TestMorrisRanksIshigami: mu* ranks x2 > x1 > x3. The expected values
// (7.875, 7.704, 6.249 at 4 levels) are close, so r is large enough for a
// 4-sigma separation of x2 and x1 (see engine/sensitivity's Morris test).
func TestMorrisRanksIshigami(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	_, _, err := runCLI(t, "run", filepath.Join("..", "..", "experiments", "ishigami.toml"), "--out", dir, "--quiet",
		"--set", `sensitivity.method="morris"`, "--set", "sensitivity.trajectories=22000", "--set", "sensitivity.bootstrap=100")
	if err != nil {
		t.Fatal(err)
	}
	r := readSensitivity(t, dir)
	x1, x2, x3 := r["ishigami.x1"]["mu_star"], r["ishigami.x2"]["mu_star"], r["ishigami.x3"]["mu_star"]
	if !(x2 > x1 && x1 > x3) {
		t.Errorf("mu* = %.3f %.3f %.3f, want x2 > x1 > x3", x1, x2, x3)
	}
}

func TestSensitivityFailureModes(t *testing.T) {
	t.Parallel()
	ishigami := filepath.Join("..", "..", "experiments", "ishigami.toml")
	t.Run("N rounded up with a notice", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "out")
		_, errOut, err := runCLI(t, "run", ishigami, "--out", dir, "--set", "sensitivity.n=1000", "--set", "sensitivity.second_order=false")
		if err != nil {
			t.Fatal(err)
		}
		md, _ := os.ReadFile(filepath.Join(dir, "summary.md"))
		if !strings.Contains(errOut, "1024") || !strings.Contains(string(md), "1024") {
			t.Errorf("no notice of rounding 1000 up to 1024:\n%s", errOut)
		}
	})
	t.Run("zero variance", func(t *testing.T) {
		// y = a sin^2(0) + ... = 0 whatever a: the output does not vary.
		dir := filepath.Join(t.TempDir(), "out")
		src := "[experiment]\nname = \"flat\"\nmodel = \"ishigami\"\n[sensitivity]\nmethod = \"sobol\"\nn = 64\nreplicates = 1\n" +
			"[[sensitivity.params]]\npath = \"ishigami.a\"\nlo = 1.0\nhi = 10.0\n"
		f := filepath.Join(t.TempDir(), "flat.toml")
		os.WriteFile(f, []byte(src), 0o644)
		out, _, err := runCLI(t, "run", f, "--out", dir)
		if err != nil {
			t.Fatal(err)
		}
		csvb, _ := os.ReadFile(filepath.Join(dir, "sensitivity.csv"))
		if !strings.Contains(out, "no variance") || !strings.Contains(string(csvb), "no variance") || strings.Contains(string(csvb), "NaN") {
			t.Errorf("zero variance not reported as such:\n%s\n%s", out, csvb)
		}
	})
	t.Run("small N warns", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "out")
		out, _, err := runCLI(t, "run", ishigami, "--out", dir, "--set", "sensitivity.n=8", "--set", "sensitivity.second_order=false")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, "warning:") || !strings.Contains(out, "increase N") {
			t.Errorf("no warning at N = 8:\n%s", out)
		}
	})
	t.Run("many inputs suggest Morris", func(t *testing.T) {
		src := "[experiment]\nname = \"g\"\nmodel = \"sobol-g\"\n[sobol_g]\na = [0,1,2,3,4,5,6,7,8,9,10,11]\nx = [0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5]\n[sensitivity]\nmethod = \"sobol\"\nn = 64\nreplicates = 1\n"
		for i := range 12 {
			src += "[[sensitivity.params]]\npath = \"sobol_g.x." + strconv.Itoa(i) + "\"\nlo = 0.0\nhi = 1.0\n"
		}
		f := filepath.Join(t.TempDir(), "g.toml")
		os.WriteFile(f, []byte(src), 0o644)
		_, errOut, err := runCLI(t, "validate", f)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(errOut, "morris") || !strings.Contains(errOut, "N(D+2) = 896") {
			t.Errorf("validate does not suggest Morris or count runs:\n%s", errOut)
		}
	})
}

// TestStudiesDeterministicAcrossWorkers: sweeps, scenarios and sensitivity
// designs give byte-identical outputs with 1, 2 and 7 workers.
func TestStudiesDeterministicAcrossWorkers(t *testing.T) {
	t.Parallel()
	sweep := filepath.Join(t.TempDir(), "sweep.toml")
	os.WriteFile(sweep, []byte(`[experiment]
name = "sweep"
runs = 4
[simulation]
horizon_days = 400
[[scenarios]]
name = "base"
[[scenarios]]
name = "no burn"
set = ["fees.split=[0.5,0.5,0.0]"]
[sweep]
method = "grid"
[[sweep.params]]
path = "market.pool_depth"
values = [0.005, 0.02]
[[sweep.params]]
path = "staking.cooldown_days"
values = [0, 14]
`), 0o644)
	cases := [][]string{
		{sweep},
		{filepath.Join("..", "..", "experiments", "ishigami.toml"), "--set", "sensitivity.n=64"},
	}
	for _, c := range cases {
		var want string
		for _, w := range []string{"1", "2", "7"} {
			dir := filepath.Join(t.TempDir(), "out")
			if _, _, err := runCLI(t, append([]string{"run", "--quiet", "--workers", w, "--out", dir}, c...)...); err != nil {
				t.Fatal(err)
			}
			if got := hashes(t, dir); want == "" {
				want = got
			} else if got != want {
				t.Errorf("%v: --workers %s differs from --workers 1:\n%s\nwant\n%s", c, w, got, want)
			}
		}
		if strings.Count(want, "\n") < 2 { // at least runs.csv, series.csv and summary.md
			t.Errorf("%v: only %v written", c, want)
		}
	}
}
