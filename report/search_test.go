package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	stdhtml "html"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/engine/search"
	"github.com/seqsim/seqsim/internal/filetest"
	schema "github.com/seqsim/seqsim/internal/manifest"
	layout "github.com/seqsim/seqsim/study/folder"
)

// zdtSearch runs NSGA-II on ZDT1 (Zitzler, Deb and Thiele 2000) in three
// variables with Normal(0, 0.05) noise on both objectives, drawn from a
// generator seeded by the replicate alone (common random numbers, as a
// study runs it), under the constraint P(f1 > 0.9) ≤ 50% at 95%, which
// the designs with x1 near 1 fail. It is small enough for a test: 12
// designs a generation, 8 generations, 4 to 12 runs a candidate.
func zdtSearch(t testing.TB) *search.Result {
	t.Helper()
	p := search.Problem{
		Variables: []search.Variable{search.Real("x1", 0, 1), search.Real("x2", 0, 1), search.Real("x3", 0, 1)},
		Outcomes:  []string{"f1", "f2"},
		Objectives: []search.Objective{
			{Outcome: 0, Stat: search.Mean()},
			{Outcome: 1, Stat: search.Mean()},
		},
		Constraints: []search.Constraint{{Outcome: 0, Stat: search.Probability(0.9), Op: search.AtMost, Limit: 0.5, Level: 0.95}},
	}
	s, err := search.NewNSGA2(p, search.NSGA2Config{Population: 12, Generations: 8,
		Replicates: search.Replicates{Start: 4, Step: 4, Cap: 12, Final: 8}}, 3)
	if err != nil {
		t.Fatal(err)
	}
	res, err := search.Run(s, func(x []float64, rep int, f []float64) error {
		search.ZDT1(x, f)
		rng := rand.New(rand.NewPCG(uint64(rep), 16))
		f[0] += 0.05 * rng.NormFloat64()
		f[1] += 0.05 * rng.NormFloat64()
		return nil
	}, 2)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// searchFolder is the single fixture with the tables of zdtSearch written
// beside it and manifest.json describing the search (each variable
// resolved to steps of 0.1 for the grid comparison).
func searchFolder(t testing.TB) (string, *search.Result) {
	t.Helper()
	dir := copyFixture(t, "single")
	res := zdtSearch(t)
	write := func(name string, header []string, rows [][]string) {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		w := csv.NewWriter(f)
		w.Write(header)
		w.WriteAll(rows)
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	h, rows := res.SearchTable()
	write(layout.SearchCSV, h, rows)
	h, rows = res.FrontTable()
	write(layout.Front, h, rows)
	var prog [][]string
	for g, p := range res.Progress {
		prog = append(prog, []string{strconv.Itoa(g), strconv.Itoa(p.Runs)})
	}
	write(layout.SearchProgress, []string{"generation", "runs"}, prog)

	mpath := filepath.Join(dir, layout.Manifest)
	b, err := os.ReadFile(mpath)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	spec := schema.Search{Method: "nsga2", Replicates: 4, Budget: 0, Runs: res.Runs, FinalRuns: res.FinalRuns,
		Objectives: []schema.SearchObjective{
			{Name: res.Objectives[0], Outcome: "f1", Stat: "mean"},
			{Name: res.Objectives[1], Outcome: "f2", Stat: "mean"},
		},
		Constraints: []schema.SearchConstraint{{Name: res.Constraints[0], Outcome: "f1", Stat: "P(>0.9)", Op: "<=", Limit: 0.5, Level: 0.95}},
	}
	for _, v := range res.Variables {
		spec.Variables = append(spec.Variables, schema.SearchVariable{Name: v, Kind: "continuous", Lo: 0, Hi: 1, Step: 0.1})
	}
	m["search"] = spec
	if b, err = json.Marshal(m); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mpath, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, res
}

// TestSearchSection builds the report of a folder holding a design search
// and checks the section against the search's own Result: the designs of
// front.csv in order of f1 with their fresh estimates, the trade of each
// against the one above it, the runs used against a grid of 11³ points
// of 4 runs, and the three charts. The outline is pinned in
// testdata/search.outline.
func TestSearchSection(t *testing.T) {
	t.Parallel()
	dir, res := searchFolder(t)
	if err := BuildWith(dir, svgOnly); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, layout.Report))
	if err != nil {
		t.Fatal(err)
	}
	html := stdhtml.UnescapeString(string(b)) // html/template escapes "+" and "<"
	filetest.Golden(t, filepath.Join("testdata", "search.outline"), []byte(outline(html)), *update)

	f, err := loadFolder(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	d := f.search
	nFront := 0
	for _, id := range res.Chosen {
		if res.Candidates[id].Final != nil {
			nFront++
		}
	}
	if len(d.front) != nFront || len(d.cands) != len(res.Candidates) {
		t.Fatalf("read %d chosen designs and %d candidates, the search has %d and %d", len(d.front), len(d.cands), nFront, len(res.Candidates))
	}
	shown := d.shownFront()
	if want := min(nFront, maxShownDesigns); len(shown) != want {
		t.Errorf("%d designs shown, want %d", len(shown), want)
	}
	for i, r := range shown {
		c := res.Candidates[r.id]
		if r.obj[0].v != c.Final.Objectives[0].Value || r.obj[1].hi != c.Final.Objectives[1].Hi || r.x[2] != c.X[2] {
			t.Errorf("design #%d: read %+v, the search has %+v", r.id, r, c.Final)
		}
		if i > 0 && shown[i-1].obj[0].v > r.obj[0].v {
			t.Errorf("designs not in order of f1: %g before %g", shown[i-1].obj[0].v, r.obj[0].v)
		}
		if i > 0 {
			// The trade, spelled out from the Result: f1 and f2 are means
			// to minimise, so a rise is a cost and a fall a gain.
			a := res.Candidates[shown[i-1].id].Final.Objectives
			var gain, cost []string
			for j, name := range res.Objectives {
				diff := c.Final.Objectives[j].Value - a[j].Value
				s := signed(diff, func(v float64) string { return fmtNum(v) }) + " " + name
				switch {
				case diff < 0:
					gain = append(gain, s)
				case diff > 0:
					cost = append(cost, s)
				}
			}
			want := strings.Join(gain, ", ") + " for " + strings.Join(cost, ", ")
			if len(gain) == 0 || len(cost) == 0 {
				continue // not a trade: the phrase says so, checked below
			}
			if got := d.trade(shown[i-1], r, f.man.Outcomes); got != want {
				t.Errorf("trade of #%d against #%d: %q, want %q", r.id, shown[i-1].id, got, want)
			}
			if !strings.Contains(html, want) {
				t.Errorf("the report lacks the trade %q", want)
			}
		}
	}
	used := res.Runs + res.FinalRuns
	gridText := fmt.Sprintf("A grid of the same resolution (11 × 11 × 11 = 1331 points, 4 runs each) would take 5324 runs, %s times what the search used.",
		strconv.FormatFloat(5324/float64(used), 'g', 3, 64))
	for _, want := range []string{
		"<h2>Design search</h2>",
		"An NSGA-II search over 3 variables for 2 objectives under 1 constraint",
		"continuous variable", "[0, 1], grid step 0.1",
		"minimise the mean of f1",
		"P(>0.9) of f1 <= 0.5 at 95% confidence",
		fmt.Sprintf("then re-evaluated the %d chosen designs on %d runs with fresh seeds: %d runs in all.", nFront, res.FinalRuns, used),
		gridText,
		`id="fig-search_front"`, `id="fig-search_designs"`, `id="fig-search_convergence"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if regexp.MustCompile(`class="missing"`).MatchString(html) {
		t.Error("a chart could not be drawn")
	}
	for _, name := range []string{"search_front", "search_designs", "search_convergence"} {
		if _, err := os.Stat(filepath.Join(dir, layout.Plots, name+".svg")); err != nil {
			t.Error(err)
		}
	}
}

// fmtNum is how the trade writes a difference without a unit.
func fmtNum(v float64) string { return num(v) }

// TestTradeWords: probabilities trade in percentage points, the improved
// objective first, whichever way each objective points.
func TestTradeWords(t *testing.T) {
	t.Parallel()
	d := &searchData{
		objs: []string{"P(captured)", "P(dump)", "final_price"},
		spec: &schema.Search{Objectives: []schema.SearchObjective{
			{Name: "P(captured)", Stat: "P(>0.5)"}, {Name: "P(dump)", Stat: "P(>0.5)"}, {Name: "final_price", Outcome: "final_price", Stat: "mean", Maximize: true},
		}},
	}
	a := frontRow{obj: []est{{v: 0.21}, {v: 0.10}, {v: 1.0}}}
	b := frontRow{obj: []est{{v: 0.17}, {v: 0.16}, {v: 0.8}}}
	outs := []metric{{Name: "final_price", Unit: "USD"}}
	if got, want := d.trade(a, b, outs), "-4.0 pp P(captured) for +6.0 pp P(dump), -0.200 USD final_price"; got != want {
		t.Errorf("trade %q, want %q", got, want)
	}
	if got, want := d.trade(b, a, outs), "-6.0 pp P(dump), +0.200 USD final_price for +4.0 pp P(captured)"; got != want {
		t.Errorf("trade %q, want %q", got, want)
	}
}

// TestHypervolume2 against areas worked by hand: two points of the unit
// box leave 1 − 0.5·0.5 = 0.75 dominated; a dominated third point adds
// nothing; none gives 0.
func TestHypervolume2(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		pts  [][2]float64
		want float64
	}{
		{[][2]float64{{0, 0.5}, {0.5, 0}}, 0.75},
		{[][2]float64{{0.5, 0}, {0.6, 0.6}, {0, 0.5}}, 0.75},
		{[][2]float64{{0.5, 0.5}}, 0.25},
		{nil, 0},
	} {
		if got := hypervolume2(c.pts, 1); math.Abs(got-c.want) > 1e-15 {
			t.Errorf("hypervolume of %v: %g, want %g", c.pts, got, c.want)
		}
	}
}

// TestSearchFilesChecked: a malformed search.csv names the file, the line
// and the column; a folder without search.csv has no search section.
func TestSearchFilesChecked(t *testing.T) {
	t.Parallel()
	dir, _ := searchFolder(t)
	path := filepath.Join(dir, layout.SearchCSV)
	b, _ := os.ReadFile(path)
	lines := strings.Split(string(b), "\n")
	cells := strings.Split(lines[2], ",")
	cells[3] = "abc"
	lines[2] = strings.Join(cells, ",")
	os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644)
	err := BuildWith(dir, svgOnly)
	if err == nil || !strings.Contains(err.Error(), "search.csv:3: x1: \"abc\" is not a number") {
		t.Errorf("error %v, want one naming search.csv:3 and x1", err)
	}
	_, html := buildFixture(t, "single", svgOnly)
	if strings.Contains(html, "Design search") {
		t.Error("a search section without search.csv")
	}
}

// TestAdaptiveRunsPhrase: a study whose points stopped by
// experiment.target_ci says how many runs they used, not the cap alone.
func TestAdaptiveRunsPhrase(t *testing.T) {
	t.Parallel()
	st := schema.Study{Kind: kindScenarios, Points: 2, Runs: 400,
		TargetCI: []schema.PointStop{{Point: 0, Runs: 70, Stopped: "target"}, {Point: 1, Runs: 400, Stopped: "cap"}}}
	f := &folder{man: manifest{Study: st}}
	if got, want := studyPhrase(f), "2 scenarios × 70–400 runs (until the target_ci intervals were met, at most 400; 1 stopped at the cap)"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	f.man.Study.TargetCI = f.man.Study.TargetCI[:1]
	f.man.Study.Points = 1
	f.man.Study.Kind = kindSingle
	if got, want := studyPhrase(f), "one point, 70 runs (until the target_ci intervals were met, at most 400)"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

// TestSearchWithoutFront: a search that re-evaluated no design (an empty
// front.csv) still gets its section, which says so, and the rest of the
// report is built.
func TestSearchWithoutFront(t *testing.T) {
	t.Parallel()
	dir, _ := searchFolder(t)
	path := filepath.Join(dir, layout.Front)
	b, _ := os.ReadFile(path)
	header, _, _ := strings.Cut(string(b), "\n")
	os.WriteFile(path, []byte(header+"\n"), 0o644)
	if err := BuildWith(dir, svgOnly); err != nil {
		t.Fatal(err)
	}
	html, _ := os.ReadFile(filepath.Join(dir, layout.Report))
	for _, want := range []string{"Design search", "front.csv lists no design", "Dump risk"} {
		if !strings.Contains(string(html), want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}

// TestShownFrontKeepsTheBestRanked: of more designs than the table
// shows, the non-dominated ones on fresh seeds are all kept, then the
// next ranks, in order along the first objective.
func TestShownFrontKeepsTheBestRanked(t *testing.T) {
	t.Parallel()
	d := &searchData{}
	// 14 designs: f1 = i; ranks 2,2,2,2,0,1,1,1,1,1,1,0,3,3 (ids = i).
	ranks := []int{2, 2, 2, 2, 0, 1, 1, 1, 1, 1, 1, 0, 3, 3}
	for i, r := range ranks {
		d.front = append(d.front, frontRow{id: i, rank: r, obj: []est{{v: float64(i)}}})
	}
	var ids []int
	for _, r := range d.shownFront() {
		ids = append(ids, r.id)
	}
	// ranks 0 (4, 11) and 1 (5-10) make 8; two of rank 2 (0, 1) fill it.
	if want := []int{0, 1, 4, 5, 6, 7, 8, 9, 10, 11}; !slices.Equal(ids, want) {
		t.Errorf("shown %v, want %v", ids, want)
	}
}

// TestSearchKindFolder: a folder of the search kind is read as any
// study's: runs.csv's points, named #candidate after front.csv's designs,
// under the Design search section; without series.csv the report says
// once that none were kept and draws no fan. A search that re-evaluated
// no design (study.points = 0, runs.csv a header alone) keeps its section
// and has no outcome section.
func TestSearchKindFolder(t *testing.T) {
	t.Parallel()
	dir, res := searchFolder(t)
	setStudy := func(points int) {
		mpath := filepath.Join(dir, layout.Manifest)
		b, err := os.ReadFile(mpath)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		st := m["study"].(map[string]any)
		st["kind"], st["points"] = "search", points
		if b, err = json.Marshal(m); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(mpath, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	build := func() string {
		if err := BuildWith(dir, svgOnly); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir, layout.Report))
		if err != nil {
			t.Fatal(err)
		}
		return stdhtml.UnescapeString(string(b))
	}
	if err := os.Remove(filepath.Join(dir, layout.Series)); err != nil {
		t.Fatal(err)
	}
	setStudy(1)
	html := build()
	const noSeries = "This search study keeps no series (series.csv)"
	if n := strings.Count(html, noSeries); n != 1 {
		t.Errorf("the report says %d times %q, want once", n, noSeries)
	}
	if i, j := strings.Index(html, "<h2>Design search</h2>"), strings.Index(html, "<h2>Dump risk</h2>"); i < 0 || j < i {
		t.Errorf("Design search at %d, Dump risk at %d: want both, the search first", i, j)
	}
	if strings.Contains(html, `id="fig-fan_`) {
		t.Error("a fan chart without series.csv")
	}
	f, err := loadFolder(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, front := res.FrontTable()
	if got, want := f.labelParts(0, lastSegment), []string{"#" + front[0][0]}; !slices.Equal(got, want) {
		t.Errorf("point 0 is named %v, want %v (front.csv's first design)", got, want)
	}

	for _, name := range []string{layout.Runs, layout.Front} {
		path := filepath.Join(dir, name)
		b, _ := os.ReadFile(path)
		header, _, _ := strings.Cut(string(b), "\n")
		if err := os.WriteFile(path, []byte(header+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	setStudy(0)
	html = build()
	for _, want := range []string{"<h2>Design search</h2>", "nsga2 design search: " + strconv.Itoa(res.Runs) + " search runs, no design re-evaluated"} {
		if !strings.Contains(html, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if strings.Contains(html, "<h2>Dump risk</h2>") {
		t.Error("an outcome section without a design")
	}
}
