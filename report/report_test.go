package report

// Goldens in testdata/*.outline pin the structure of the reports of the
// fixture folders (sections, cards, tables, figures), not their bytes: a
// chart may move without the outline changing. Do not change them
// casually: rewrite them with
//
//	go test ./report/ -run TestOutlineGolden -update
//
// and say in the commit why the structure moved. The fixture folders
// themselves are regenerated as testdata/README.md says.

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	stdhtml "html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/internal/filetest"
	layout "github.com/seqsim/seqsim/study/folder"
)

var update = flag.Bool("update", false, "rewrite testdata/*.outline from the current reports")

// fixtures are the output folders in testdata/, made by seqsim at a tiny
// size (see testdata/README.md).
var fixtures = []string{"single", "scenarios", "sweep", "sobol"}

// copyFixture copies testdata/name into a fresh folder, so a test can
// build into it.
func copyFixture(t testing.TB, name string) string {
	t.Helper()
	return filetest.CopyDir(t, filepath.Join("testdata", name))
}

// svgOnly keeps the tests quick: PNG at 300 dpi is most of the time.
var svgOnly = Options{Formats: []string{"svg"}}

// buildFixture copies and builds a fixture, returning its folder and the
// report's text.
func buildFixture(t testing.TB, name string, o Options) (string, string) {
	t.Helper()
	dir := copyFixture(t, name)
	if err := BuildWith(dir, o); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	b, err := os.ReadFile(filepath.Join(dir, layout.Report))
	if err != nil {
		t.Fatal(err)
	}
	return dir, string(b)
}

func readManifest(t testing.TB, dir string) manifest {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, layout.Manifest))
	if err != nil {
		t.Fatal(err)
	}
	var m manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

var (
	reAttrURL = regexp.MustCompile(`(?i)\b(?:src|href|xlink:href|action|poster|srcset)\s*=\s*["']?([^"'\s>]*)`)
	reCSSURL  = regexp.MustCompile(`(?i)url\(\s*["']?([^"')]*)`)
	reFigure  = regexp.MustCompile(`<figure id="fig-([^"]+)">`)
	reSVG     = regexp.MustCompile(`(?s)<svg\b.*?</svg>`)
)

// checkSelfContained fails if the page could load anything: a script, an
// external stylesheet, or a URL that is not a same-page anchor, a file
// beside the report or a data: URL.
func checkSelfContained(t *testing.T, html string) {
	t.Helper()
	for _, bad := range []string{"<script", "<link", "<iframe", "<object", "<embed", "@import", "<img"} {
		if strings.Contains(strings.ToLower(html), bad) {
			t.Errorf("report contains %s", bad)
		}
	}
	for _, re := range []*regexp.Regexp{reAttrURL, reCSSURL} {
		for _, m := range re.FindAllStringSubmatch(html, -1) {
			u := strings.ToLower(m[1])
			if strings.HasPrefix(u, "http:") || strings.HasPrefix(u, "https:") || strings.HasPrefix(u, "//") || strings.HasPrefix(u, "ftp:") {
				t.Errorf("external URL %q", m[1])
			}
			if strings.Contains(u, ":") && !strings.HasPrefix(u, "data:") {
				t.Errorf("URL with a scheme %q", m[1])
			}
		}
	}
}

// sectionsOf lists the section ids the manifest's metrics name, as the
// report must show them: metrics without a section in health.
func sectionsOf(m manifest) map[string]bool {
	out := map[string]bool{}
	for _, ms := range [][]metric{m.Outcomes, m.Series} {
		for _, x := range ms {
			out[sectionOf(x)] = true
		}
	}
	return out
}

// wantCharts derives, from the manifest's metadata alone, the chart files
// a folder's report must have (the names seqsim has always used).
func wantCharts(t *testing.T, dir string) []string {
	t.Helper()
	m := readManifest(t, dir)
	f, err := loadFolder(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	switch {
	case m.Study.Kind == kindSensitivity:
		for _, o := range m.Outcomes {
			want = append(want, "sensitivity_"+o.Name)
		}
	case m.Study.Points == 1:
		for _, s := range m.Series {
			if s.Chart {
				want = append(want, "fan_"+s.Name)
			}
		}
		for i, o := range m.Outcomes {
			st := f.points[0].stats[i]
			if o.Chart && st.N() >= 2 && st.Sorted[0] != st.Sorted[st.N()-1] {
				want = append(want, "dist_"+o.Name, "ecdf_"+o.Name)
			}
		}
	case m.Study.Kind == kindSweep:
		for _, sc := range m.Study.Scenarios {
			for _, o := range m.Outcomes {
				if o.Chart {
					want = append(want, "sweep_"+o.Name+"_"+sanitize(sc))
				}
				for _, thr := range o.RiskAbove {
					want = append(want, fmt.Sprintf("sweep_risk_%s_gt_%g_%s", o.Name, thr, sanitize(sc)))
				}
			}
		}
	default:
		for _, s := range m.Series {
			if s.Chart {
				want = append(want, "fan_"+s.Name)
			}
		}
		for _, o := range m.Outcomes {
			if o.Chart {
				want = append(want, "compare_"+o.Name)
				if m.Study.Points >= 2 && m.Study.Points <= maxCompared {
					want = append(want, "diff_"+o.Name) // every fixture outcome has values in each point
				}
				if violinExpected(t, dir, o.Name) {
					want = append(want, "violin_"+o.Name)
				}
			}
			for _, thr := range o.RiskAbove {
				want = append(want, fmt.Sprintf("risk_%s_gt_%g", o.Name, thr))
			}
		}
	}
	slices.Sort(want)
	return want
}

// violinExpected reads runs.csv directly: a violin chart of an outcome is
// due when at least two points have two or more values and not every
// value is the same.
func violinExpected(t *testing.T, dir, metric string) bool {
	t.Helper()
	rows := filetest.ReadCSV(t, filepath.Join(dir, "runs.csv"))
	col := slices.Index(rows[0], metric)
	byPoint := map[string][]string{}
	for _, r := range rows[1:] {
		if r[col] != "" {
			byPoint[r[0]] = append(byPoint[r[0]], r[col])
		}
	}
	groups, varies, first := 0, false, ""
	for _, vals := range byPoint {
		if len(vals) < 2 {
			continue
		}
		groups++
		for _, v := range vals {
			if first == "" {
				first = v
			}
			varies = varies || v != first
		}
	}
	return groups >= 2 && groups <= 8 && varies
}

// TestBuildFixtures builds every fixture and checks the report's
// structure against the folder's own metadata: every section its metrics
// name, every chart file written and inlined, numbers with intervals,
// nothing that loads from anywhere, and the same bytes on a rebuild.
func TestBuildFixtures(t *testing.T) {
	for _, name := range fixtures {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir, html := buildFixture(t, name, svgOnly)
			m := readManifest(t, dir)
			checkSelfContained(t, html)

			// sections
			if m.Study.Kind == kindSensitivity {
				if !strings.Contains(html, `<section class="part" id="sensitivity">`) {
					t.Error("no sensitivity section")
				}
			} else {
				for id := range sectionsOf(m) {
					if !strings.Contains(html, `<section class="part" id="`+id+`">`) {
						t.Errorf("no section %q", id)
					}
				}
				for _, s := range sectionInfo {
					if !sectionsOf(m)[s.id] && strings.Contains(html, `id="`+s.id+`"`) {
						t.Errorf("section %q shown but no metric names it", s.id)
					}
				}
			}
			for _, id := range []string{"parameters", "provenance"} {
				if !strings.Contains(html, `<section class="part" id="`+id+`">`) {
					t.Errorf("no %s section", id)
				}
			}

			// charts: files, figures and inline SVG agree
			want := wantCharts(t, dir)
			var files []string
			ents, err := os.ReadDir(filepath.Join(dir, layout.Plots))
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range ents {
				files = append(files, strings.TrimSuffix(e.Name(), ".svg"))
			}
			if !slices.Equal(files, want) {
				t.Errorf("chart files\n got %v\nwant %v", files, want)
			}
			var figs []string
			for _, f := range reFigure.FindAllStringSubmatch(html, -1) {
				figs = append(figs, stdhtml.UnescapeString(f[1]))
			}
			slices.Sort(figs)
			if !slices.Equal(figs, want) {
				t.Errorf("figures\n got %v\nwant %v", figs, want)
			}
			if n := len(reSVG.FindAllString(html, -1)); n != len(want) {
				t.Errorf("%d inline <svg>, want %d", n, len(want))
			}
			if strings.Contains(html, "Chart not drawn") {
				t.Error("a chart was not drawn")
			}
			for _, name := range want {
				svg, err := os.ReadFile(filepath.Join(dir, layout.Plots, name+".svg"))
				if err != nil {
					t.Fatal(err)
				}
				body := svg[bytes.Index(svg, []byte("<svg")):]
				if !strings.Contains(html, string(body)) {
					t.Errorf("plots/%s.svg is not inlined as written", name)
				}
			}

			// numbers with intervals
			if m.Study.Kind == kindSensitivity {
				if !regexp.MustCompile(`95% bootstrap \[-?[0-9.]+, -?[0-9.]+\]`).MatchString(html) {
					t.Error("no index with a bootstrap interval")
				}
			} else {
				if !regexp.MustCompile(`95% (CI|Wilson)( intervals|</div>| \[[^\]]+\])`).MatchString(html) {
					t.Error("no headline number with an interval")
				}
				if !regexp.MustCompile(`<span class="ci">\[-?[0-9.]+[kMBT]?, -?[0-9.]+[kMBT]?\]</span>`).MatchString(html) {
					t.Error("no table value with an interval")
				}
			}

			// provenance from the manifest
			for _, s := range []string{m.ExperimentHash, m.Seqsim, m.Started} {
				if !strings.Contains(html, s) {
					t.Errorf("provenance lacks %q", s)
				}
			}

			// deterministic: a rebuild gives the same bytes
			if err := BuildWith(dir, svgOnly); err != nil {
				t.Fatal(err)
			}
			again, _ := os.ReadFile(filepath.Join(dir, layout.Report))
			if string(again) != html {
				t.Error("a rebuild gives different bytes")
			}
		})
	}
}

// TestBuildWritesEveryFormat: SVG, PNG and PDF of every chart.
func TestBuildWritesEveryFormat(t *testing.T) {
	t.Parallel()
	dir, _ := buildFixture(t, "scenarios", Options{})
	for _, name := range wantCharts(t, dir) {
		for _, ext := range []string{".svg", ".png", ".pdf"} {
			st, err := os.Stat(filepath.Join(dir, layout.Plots, name+ext))
			if err != nil || st.Size() < 500 {
				t.Errorf("%s%s missing or tiny: %v", name, ext, err)
			}
		}
	}
}

// TestBuildUsesGivenManifest: a run builds before it writes
// manifest.json.
func TestBuildUsesGivenManifest(t *testing.T) {
	t.Parallel()
	dir := copyFixture(t, "sobol")
	b, err := os.ReadFile(filepath.Join(dir, layout.Manifest))
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, layout.Manifest))
	if err := BuildWith(dir, Options{Manifest: b, Formats: []string{"svg"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, layout.Manifest)); !errors.Is(err, fs.ErrNotExist) {
		t.Error("BuildWith wrote manifest.json")
	}
	if _, err := os.Stat(filepath.Join(dir, layout.Report)); err != nil {
		t.Error(err)
	}
}

// TestEscaping: names from the experiment file are text, never markup,
// in the page and in the inline SVG.
func TestEscaping(t *testing.T) {
	t.Parallel()
	_, html := buildFixture(t, "scenarios", svgOnly)
	if strings.Contains(html, "<pool>") || strings.Contains(html, "<at a tiny size>") {
		t.Error("unescaped name from the experiment file")
	}
	for _, s := range []string{"deep &lt;pool&gt;", "&lt;at a tiny size&gt; &amp; a name to escape"} {
		if !strings.Contains(html, s) {
			t.Errorf("escaped %q not found", s)
		}
	}
}

// TestComparisonMarks: a scenario report compares the scenarios in one
// table with best and worst marked, and the marks follow the metadata:
// lower is better, except for lower-tail outcomes.
func TestComparisonMarks(t *testing.T) {
	t.Parallel()
	dir, html := buildFixture(t, "scenarios", svgOnly)
	if !strings.Contains(html, "<caption>Per scenario</caption>") {
		t.Fatal("no comparison table")
	}
	for _, s := range []string{`class="best"`, `class="worst"`, `<span class="mark best">best</span>`, `<span class="mark worst">worst</span>`} {
		if !strings.Contains(html, s) {
			t.Errorf("no %s", s)
		}
	}
	f, err := loadFolder(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	v := folderView(f)
	checked := 0
	for i, m := range v.outcomes {
		if !m.Chart {
			continue
		}
		mk, _ := marks(v, quantity{metric: i})
		bi, wi := slices.Index(mk, "best"), slices.Index(mk, "worst")
		if bi < 0 {
			continue
		}
		b, w := v.cols[bi].stats[i].Mean, v.cols[wi].stats[i].Mean
		if m.LowerTail && !(b > w) || !m.LowerTail && !(b < w) {
			t.Errorf("%s (lower_tail %v): best %g, worst %g", m.Name, m.LowerTail, b, w)
		}
		checked++
	}
	if checked == 0 {
		t.Error("no outcome marked")
	}
}

// TestNewMetricsFollowMetadata: a metric the report has never seen, in a
// section it does not know, gets its section, its table row and charts
// from manifest.json alone; a metric with no value gets a note, not a
// failure.
func TestNewMetricsFollowMetadata(t *testing.T) {
	t.Parallel()
	dir := copyFixture(t, "single")
	mpath := filepath.Join(dir, layout.Manifest)
	var raw map[string]any
	b, _ := os.ReadFile(mpath)
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	outs := raw["outcomes"].([]any)
	// Rename the first outcome and move it to a new section; empty the
	// second charted one.
	first := outs[0].(map[string]any)
	oldName := first["name"].(string)
	first["name"], first["section"], first["chart"] = "zz_new_metric", "governance", true
	first["risk_above"] = []any{0.25}
	var emptied string
	for _, o := range outs[1:] {
		if o.(map[string]any)["chart"] == true {
			emptied = o.(map[string]any)["name"].(string)
			break
		}
	}
	b, _ = json.Marshal(raw)
	os.WriteFile(mpath, b, 0o644)
	runs, _ := os.ReadFile(filepath.Join(dir, layout.Runs))
	lines := strings.Split(strings.TrimSuffix(string(runs), "\n"), "\n")
	head := strings.Split(lines[0], ",")
	ei := slices.Index(head, emptied)
	head[slices.Index(head, oldName)] = "zz_new_metric"
	lines[0] = strings.Join(head, ",")
	for i := 1; i < len(lines); i++ {
		f := strings.Split(lines[i], ",")
		f[ei] = ""
		lines[i] = strings.Join(f, ",")
	}
	os.WriteFile(filepath.Join(dir, layout.Runs), []byte(strings.Join(lines, "\n")+"\n"), 0o644)

	if err := BuildWith(dir, svgOnly); err != nil {
		t.Fatal(err)
	}
	html, _ := os.ReadFile(filepath.Join(dir, layout.Report))
	for _, s := range []string{`<section class="part" id="governance">`, "<h2>Governance</h2>", "P(zz_new_metric &gt; 0.25)",
		`id="fig-dist_zz_new_metric"`, emptied + " has no value in any run"} {
		if !strings.Contains(string(html), s) {
			t.Errorf("report lacks %q", s)
		}
	}
	if strings.Contains(string(html), `id="fig-dist_`+emptied+`"`) {
		t.Errorf("a chart of %s, which has no value", emptied)
	}
	// governance comes before health, after the known risks
	g, h := strings.Index(string(html), `id="governance"`), strings.Index(string(html), `id="health"`)
	if g < 0 || h < 0 || g > h {
		t.Error("the new section is not placed before health")
	}
}

// TestIncompleteRunSaysSo: a folder whose manifest is not complete still
// gets a report, which says so first.
func TestIncompleteRunSaysSo(t *testing.T) {
	t.Parallel()
	dir := copyFixture(t, "sobol")
	mpath := filepath.Join(dir, layout.Manifest)
	b, _ := os.ReadFile(mpath)
	b = bytes.Replace(b, []byte(`"complete": true`), []byte(`"complete": false`), 1)
	os.WriteFile(mpath, b, 0o644)
	if err := BuildWith(dir, svgOnly); err != nil {
		t.Fatal(err)
	}
	html, _ := os.ReadFile(filepath.Join(dir, layout.Report))
	if !strings.Contains(string(html), "This run is incomplete") {
		t.Error("no notice of an incomplete run")
	}
}

// TestNotAnOutputFolder: missing files are named; malformed files are
// ErrBadFolder with file and line.
func TestNotAnOutputFolder(t *testing.T) {
	t.Parallel()
	for _, missing := range []string{layout.Manifest, layout.Experiment, layout.Runs, layout.Series} {
		dir := copyFixture(t, "single")
		os.Remove(filepath.Join(dir, missing))
		err := BuildWith(dir, svgOnly)
		var mf *MissingFileError
		if !errors.As(err, &mf) || mf.File != missing || !errors.Is(err, ErrBadFolder) || !strings.Contains(err.Error(), missing) {
			t.Errorf("without %s: %v", missing, err)
		}
	}
	dir := copyFixture(t, "single")
	os.WriteFile(filepath.Join(dir, layout.Runs), []byte("point,run,seed\n0,0,1\n"), 0o644)
	if err := BuildWith(dir, svgOnly); !errors.Is(err, ErrBadFolder) || !strings.Contains(err.Error(), "runs.csv: no column") {
		t.Errorf("runs.csv without outcomes: %v", err)
	}
	if err := BuildWith(filepath.Join(t.TempDir(), "nope"), svgOnly); !errors.Is(err, ErrBadFolder) {
		t.Errorf("no folder: %v", err)
	}
	if err := BuildWith(dir, Options{Formats: []string{"gif"}}); err == nil || errors.Is(err, ErrBadFolder) {
		t.Errorf("format gif: %v", err)
	}
}

// TestCompareNamesWhatDiffers: two runs of one experiment that differ in
// one parameter are labelled by it, and the comparison opens with it.
func TestCompareNamesWhatDiffers(t *testing.T) {
	t.Parallel()
	a, b := copyFixture(t, "single"), copyFixture(t, "single")
	path := filepath.Join(b, layout.Experiment)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(raw), "annual_revenue_usd = 30000000.0", "annual_revenue_usd = 5000000.0", 1)
	if edited == string(raw) {
		t.Fatal("fixture has no annual_revenue_usd = 30000000.0")
	}
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := LoadComparison(filepath.Join(t.TempDir(), "cmp"), []string{a, b}, svgOnly)
	if err != nil {
		t.Fatal(err)
	}
	if got := differingParams(c.fs); len(got) != 1 || got[0] != "fees.annual_revenue_usd" {
		t.Fatalf("differing parameters %q, want fees.annual_revenue_usd alone", got)
	}
	if !strings.HasSuffix(c.labels[0], "(fees.annual_revenue_usd=30000000)") || !strings.HasSuffix(c.labels[1], "(fees.annual_revenue_usd=5000000)") {
		t.Errorf("labels %q, want each named by its fees.annual_revenue_usd", c.labels)
	}
	sec := changedSection(c.fs, c.labels)
	if len(sec.Tables) != 1 || sec.Tables[0].Rows[0].Label != "fees.annual_revenue_usd" {
		t.Errorf("the first section does not name the difference: %+v", sec)
	}
}

// TestCompareUnpairedFolders: two folders whose runs have different
// seeds do not pair (checked run by run, not assumed), so the comparison
// falls back to unpaired intervals and says so; the same folder twice
// pairs.
func TestCompareUnpairedFolders(t *testing.T) {
	t.Parallel()
	a, b := copyFixture(t, "single"), copyFixture(t, "single")
	path := filepath.Join(b, layout.Runs)
	rows := filetest.ReadCSV(t, path)
	seed := slices.Index(rows[0], "seed")
	var buf strings.Builder
	for i, r := range rows {
		if i > 0 { // another seed for every run
			x, err := strconv.ParseUint(r[seed], 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			r[seed] = strconv.FormatUint(x^1, 10)
		}
		buf.WriteString(strings.Join(r, ",") + "\n")
	}
	if err := os.WriteFile(path, []byte(buf.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		dirs []string
		want string
	}{
		{[]string{a, b}, "The runs do not pair (their seeds differ)"},
		{[]string{a, a}, "Every difference is paired"},
	} {
		c, err := LoadComparison(filepath.Join(t.TempDir(), "cmp"), tc.dirs, svgOnly)
		if err != nil {
			t.Fatal(err)
		}
		tab, ok := diffTable(c.v, c.v.quantities([]int{0}), "experiment")
		if !ok || !strings.Contains(strings.Join(tab.Notes, " "), tc.want) {
			t.Errorf("%v: notes %q, want %q", tc.dirs, tab.Notes, tc.want)
		}
	}
}

// TestCompare compares two fixtures: each column with intervals, shared
// series overlaid, parameters that differ.
func TestCompare(t *testing.T) {
	t.Parallel()
	a, b := copyFixture(t, "single"), copyFixture(t, "scenarios")
	out := filepath.Join(t.TempDir(), "cmp")
	if err := CompareWith(out, []string{a, b, copyFixture(t, "sobol")}, svgOnly); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(out, layout.Report))
	if err != nil {
		t.Fatal(err)
	}
	html := string(raw)
	checkSelfContained(t, html)
	m := readManifest(t, a)
	for _, s := range []string{"Comparison of 3 experiments", "<caption>Per experiment</caption>", `class="best"`,
		"ishigami is a sensitivity study", "experiment.runs", `<section class="part" id="changed">`, `<section class="part" id="experiments">`} {
		if !strings.Contains(html, s) {
			t.Errorf("comparison lacks %q", s)
		}
	}
	for _, s := range m.Series {
		if s.Chart {
			if _, err := os.Stat(filepath.Join(out, layout.Plots, "fan_"+s.Name+".svg")); err != nil {
				t.Errorf("no overlaid fan of %s: %v", s.Name, err)
			}
		}
	}
	// one column for the single point, one per scenario
	if !strings.Contains(html, "<th scope=\"col\">scenarios<br>no burn</th>") {
		t.Error("no column for scenario no burn")
	}
	if err := CompareWith(a, []string{a, b}, svgOnly); !errors.Is(err, ErrBadFolder) {
		t.Errorf("comparing into an input folder: %v", err)
	}
	if err := CompareWith(out, []string{copyFixture(t, "sobol")}, svgOnly); !errors.Is(err, ErrBadFolder) {
		t.Errorf("nothing to compare: %v", err)
	}
	// Two models among the experiments compared (the sensitivity study of
	// ishigami above is left out, so it did not count): refused, naming
	// the folder of the other model, before anything is written.
	other := copyFixture(t, "single")
	man := filepath.Join(other, layout.Manifest)
	raw, err = os.ReadFile(man)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(man, bytes.Replace(raw, []byte(`"model": "token"`), []byte(`"model": "ishigami"`), 1), 0o644)
	fresh := filepath.Join(t.TempDir(), "cmp")
	err = CompareWith(fresh, []string{a, other}, svgOnly)
	if !errors.Is(err, ErrBadFolder) || !strings.Contains(err.Error(), other+" is a study of the ishigami model, but "+a+" of the token model") {
		t.Errorf("two models: %v", err)
	}
	if _, err := os.Stat(fresh); !os.IsNotExist(err) {
		t.Errorf("a refused comparison made %s (%v)", fresh, err)
	}
}

// outline extracts a report's structure: headings, card labels, table
// captions and headers, figure ids and notices, one per line.
func outline(html string) string {
	re := regexp.MustCompile(`<h1>[^<]*</h1>|<h2>[^<]*</h2>|<h3>[^<]*</h3>|<div class="label">[^<]*</div>|<caption>[^<]*</caption>|<thead>.*?</thead>|<figure id="[^"]*">|<div class="notices" role="note">.*?</div>|Chart not drawn`)
	tags := regexp.MustCompile(`<[^>]+>`)
	var b strings.Builder
	for _, m := range re.FindAllString(html, -1) {
		switch {
		case strings.HasPrefix(m, "<figure"):
			m = "figure " + strings.TrimSuffix(strings.TrimPrefix(m, `<figure id="fig-`), `">`)
		case strings.HasPrefix(m, "<thead"):
			m = "columns: " + strings.Join(strings.Fields(tags.ReplaceAllString(strings.ReplaceAll(m, "</th>", " |"), " ")), " ")
		case strings.HasPrefix(m, "<h"):
			m = m[1:3] + " " + tags.ReplaceAllString(m, "")
		case strings.HasPrefix(m, `<div class="label"`):
			m = "card " + tags.ReplaceAllString(m, "")
		case strings.HasPrefix(m, "<caption"):
			m = "table " + tags.ReplaceAllString(m, "")
		case strings.HasPrefix(m, "<div class=\"notices"):
			m = "notice " + tags.ReplaceAllString(m, " ")
		}
		b.WriteString(stdhtml.UnescapeString(strings.TrimSpace(m)) + "\n")
	}
	return b.String()
}

// TestOutlineGolden compares each fixture's report outline with
// testdata/NAME.outline.
func TestOutlineGolden(t *testing.T) {
	for _, name := range fixtures {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, html := buildFixture(t, name, svgOnly)
			got := outline(html)
			filetest.Golden(t, filepath.Join("testdata", name+".outline"), []byte(got), *update)
		})
	}
}

func TestWOFF(t *testing.T) {
	t.Parallel()
	css, err := chartFontFace()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(css), `font-family: "Liberation Sans"`) || len(css) > 400_000 {
		t.Errorf("font face of %d bytes", len(css))
	}
	if _, err := toWOFF([]byte("short")); err == nil {
		t.Error("no error for a truncated font")
	}
}

// TestNoPDFForForeignText: a metric doc with text the PDF fonts cannot
// show (σ, ≥) costs the chart its PDF only, and the caption says so.
func TestNoPDFForForeignText(t *testing.T) {
	t.Parallel()
	dir := copyFixture(t, "scenarios")
	mpath := filepath.Join(dir, layout.Manifest)
	var raw map[string]any
	b, _ := os.ReadFile(mpath)
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	var name string
	for _, s := range raw["series"].([]any) {
		if m := s.(map[string]any); m["chart"] == true {
			m["doc"], name = "σ ≥ 0", m["name"].(string)
			break
		}
	}
	b, _ = json.Marshal(raw)
	os.WriteFile(mpath, b, 0o644)
	if err := BuildWith(dir, Options{Formats: []string{"svg", "pdf"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, layout.Plots, "fan_"+name+".pdf")); err == nil {
		t.Error("a PDF with text outside cp1252")
	}
	if _, err := os.Stat(filepath.Join(dir, layout.Plots, "fan_"+name+".svg")); err != nil {
		t.Error(err)
	}
	html, _ := os.ReadFile(filepath.Join(dir, layout.Report))
	if !strings.Contains(string(html), "No PDF: plots:") || !strings.Contains(string(html), "σ ≥ 0") {
		t.Error("no note of the missing PDF")
	}
}
