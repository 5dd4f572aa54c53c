package study

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/seqsim/seqsim/engine"
	"github.com/seqsim/seqsim/engine/search"
	"github.com/seqsim/seqsim/engine/sensitivity"
	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/internal/filetest"
	"github.com/seqsim/seqsim/study/folder"
)

// searchFiles are the files of a search folder whose bytes must not depend
// on the worker count, an interrupt and resume, or sharding.
var searchFiles = []string{folder.SearchCSV, folder.Front, folder.SearchProgress, folder.SearchRuns, folder.Runs}

func loadSmallSearch(t *testing.T, sets ...string) *experiments.Experiment {
	t.Helper()
	exp, err := experiments.LoadFile(filepath.Join("testdata", "search-small.toml"), sets)
	if err != nil {
		t.Fatal(err)
	}
	return exp
}

// sameSearchFiles fails unless dir's search files have want's bytes.
func sameSearchFiles(t *testing.T, want map[string][]byte, dir string) {
	t.Helper()
	for _, f := range searchFiles {
		got, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want[f]) {
			t.Errorf("%s: %s differs from the one-worker run's (sha256 %s)", dir, f, filetest.Hash(t, filepath.Join(dir, f)))
		}
	}
	if _, err := os.Stat(filepath.Join(dir, folder.SearchCache)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s: the cache of a finished search is still there (%v)", dir, err)
	}
}

// TestSearchSameBytes: a search of the token model (testdata/
// search-small.toml: NSGA-II with racing, a constraint and the final
// re-evaluation) writes the same search.csv, front.csv,
// search_progress.csv, search_runs.csv and runs.csv with 1, 2 and 7 workers, after
// an interrupt and --resume (with a line torn by the interrupt), and as 2
// shards run at the same time and merged.
func TestSearchSameBytes(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	ref := filepath.Join(base, "w1")
	if _, err := Run(context.Background(), loadSmallSearch(t), Options{Dir: ref, Workers: 1}); err != nil {
		t.Fatal(err)
	}
	want := map[string][]byte{}
	for _, f := range searchFiles {
		b, err := os.ReadFile(filepath.Join(ref, f))
		if err != nil {
			t.Fatal(err)
		}
		want[f] = b
	}
	// The search is not trivial: it raced (more runs than the start's)
	// and chose designs.
	if n := bytes.Count(want[folder.SearchRuns], []byte("\n")) - 1; n <= 8*2*3 {
		t.Fatalf("search_runs.csv has %d runs, want more than the 48 of 3 generations at 2 replicates (racing)", n)
	}
	n := bytes.Count(want[folder.Front], []byte("\n")) - 1
	if n < 1 {
		t.Fatalf("front.csv has no design")
	}
	// runs.csv: replicates_final = 2 fresh runs of each design.
	if got := bytes.Count(want[folder.Runs], []byte("\n")) - 1; got != 2*n {
		t.Fatalf("runs.csv has %d runs, want 2 for each of the %d designs of front.csv", got, n)
	}

	for _, w := range []int{2, 7} {
		dir := filepath.Join(base, "w"+string(rune('0'+w)))
		if _, err := Run(context.Background(), loadSmallSearch(t), Options{Dir: dir, Workers: w}); err != nil {
			t.Fatal(err)
		}
		sameSearchFiles(t, want, dir)
	}

	t.Run("resume", func(t *testing.T) {
		dir := filepath.Join(base, "resume")
		ctx, cancel := context.WithCancel(context.Background())
		// Cancel once the cache holds a few runs: where exactly does not
		// matter, the bytes must be the same wherever it stops.
		go func() {
			defer cancel()
			for ctx.Err() == nil {
				if b, err := os.ReadFile(filepath.Join(dir, folder.SearchCache)); err == nil && bytes.Count(b, []byte("\n")) > 12 {
					return
				}
				time.Sleep(time.Millisecond)
			}
		}()
		_, err := Run(ctx, loadSmallSearch(t), Options{Dir: dir, Workers: 2})
		var ie *InterruptedError
		if !errors.As(err, &ie) {
			t.Fatalf("want an interrupted search, got %v", err)
		}
		// A crash can tear the last line: the resume must drop it.
		f, err := os.OpenFile(filepath.Join(dir, folder.SearchCache), os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString("99,1,123,0.5")
		f.Close()
		if _, err := Run(context.Background(), loadSmallSearch(t), Options{Dir: dir, Workers: 3, Resume: true}); err != nil {
			t.Fatal(err)
		}
		sameSearchFiles(t, want, dir)
		if _, err := os.Stat(filepath.Join(dir, folder.Checkpoint)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("checkpoint.json of a finished search is still there (%v)", err)
		}
	})

	t.Run("shards", func(t *testing.T) {
		shards := filepath.Join(base, "shards")
		dirs := []string{filepath.Join(shards, "shard-0"), filepath.Join(shards, "shard-1")}
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for k := range dirs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[k] = Run(context.Background(), loadSmallSearch(t), Options{Dir: dirs[k], Workers: 1, Shard: engine.Shard{Index: k, Count: 2}})
			}()
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			t.Fatal(err)
		}
		// Each shard ran its share only.
		for _, d := range dirs {
			if h, err := readShardHeader(d); err != nil || h.Done == 0 || h.Done >= 90 {
				t.Errorf("%s: shard.json %+v (%v): want a share of the runs", d, h, err)
			}
		}
		out := filepath.Join(base, "merged")
		// The shards in reverse order: merge sorts them by index.
		if _, err := Merge([]string{dirs[1], dirs[0]}, Options{Dir: out}); err != nil {
			t.Fatal(err)
		}
		sameSearchFiles(t, want, out)
	})
}

// TestSearchShardWaits: a shard whose peers do not run gives up after
// search.shard_wait_seconds with an error that names what it waited for;
// and a shard's folder must be named shard-I.
func TestSearchShardWaits(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "shard-0")
	_, err := Run(context.Background(), loadSmallSearch(t, "search.shard_wait_seconds=1"),
		Options{Dir: dir, Workers: 1, Shard: engine.Shard{Index: 0, Count: 2}})
	if err == nil || !strings.Contains(err.Error(), "shard 0/2 waited 1s") || !strings.Contains(err.Error(), filepath.Join("shard-1", folder.SearchCache)) {
		t.Fatalf("want the shard to give up waiting for shard-1's cache, got %v", err)
	}
	_, err = Run(context.Background(), loadSmallSearch(t), Options{Dir: filepath.Join(t.TempDir(), "part"), Workers: 1, Shard: engine.Shard{Index: 1, Count: 2}})
	var ie *InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "must be named shard-1") {
		t.Fatalf("want an input error about the folder's name, got %v", err)
	}
}

// ishigamiSearch is a CMA-ES search of the minimum of the Ishigami
// function y = sin x1 + a sin² x2 + b x3⁴ sin x1 on [−π, π]³ (a = 7,
// b = 0.1): sin² x2 ≥ 0 is 0 at x2 = 0, and sin x1 (1 + b x3⁴) is least at
// sin x1 = −1 and x3 = ±π, so the minimum is −(1 + b π⁴) = −10.7409 at
// (−π/2, 0, ±π), on the boundary of x3.
const ishigamiSearch = `
[experiment]
name = "ishigami-min"
model = "ishigami"
seed = 1

[search]
method = "cmaes"
population = 8
generations = 150
replicates = 1          # a deterministic function: one run tells all
replicates_cap = 1
replicates_final = 1

[[search.variables]]
path = "ishigami.x1"
min = -3.141592653589793
max = 3.141592653589793

[[search.variables]]
path = "ishigami.x2"
min = -3.141592653589793
max = 3.141592653589793

[[search.variables]]
path = "ishigami.x3"
min = -3.141592653589793
max = 3.141592653589793

[[search.objectives]]
outcome = "y"
`

// TestSearchFindsIshigamiMinimum: the search, through the study (the
// section, the dotted-path setter, the engine and front.csv), finds the
// Ishigami function's minimum. The function is deterministic, so the
// tolerance bounds the method's convergence alone: 150 generations of
// 8 reach the minimum within 1e-4 (it gets within 3e-6) and x within
// 0.01 of the minimiser.
func TestSearchFindsIshigamiMinimum(t *testing.T) {
	t.Parallel()
	exp, err := experiments.Load("ishigami-min.toml", []byte(ishigamiSearch), nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "out")
	res, err := Run(context.Background(), exp, Options{Dir: dir, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	best := res.rr.search.res.Best
	if best < 0 {
		t.Fatal("no best design")
	}
	c := res.rr.search.res.Candidates[best]
	wantY := -(1 + 0.1*math.Pow(math.Pi, 4))
	if y := c.Final.Objectives[0].Value; math.Abs(y-wantY) > 1e-4 {
		t.Errorf("best y = %.7f, want %.7f within 1e-4", y, wantY)
	}
	for i, want := range []float64{-math.Pi / 2, 0, math.Pi} {
		if math.Abs(math.Abs(c.X[i])-math.Abs(want)) > 0.01 || (i == 0 && c.X[0] > 0) {
			t.Errorf("x%d = %.5f, want %.5f within 0.01 (x3: ±π)", i+1, c.X[i], want)
		}
	}
	rows := filetest.ReadCSV(t, filepath.Join(dir, folder.Front))
	if len(rows) < 2 || rows[0][0] != "candidate" {
		t.Fatalf("front.csv: %v", rows)
	}
	// runs.csv is the final re-evaluation: front.csv's designs in order,
	// one fresh run each (replicates_final = 1) at seed index
	// replicates_cap = 1, its point columns the design and its y the
	// Ishigami function there.
	runs := filetest.ReadCSV(t, filepath.Join(dir, folder.Runs))
	if want := []string{"point", "run", "seed", "ishigami.x1", "ishigami.x2", "ishigami.x3", "y"}; !slices.Equal(runs[0], want) {
		t.Fatalf("runs.csv header %v, want %v", runs[0], want)
	}
	if len(runs)-1 != len(rows)-1 || len(runs)-1 != res.rr.search.res.FinalRuns {
		t.Fatalf("runs.csv has %d runs, want one for each of the %d designs of front.csv (%d final runs)", len(runs)-1, len(rows)-1, res.rr.search.res.FinalRuns)
	}
	seed := strconv.FormatUint(engine.RunSeed(1, 0, 1, true), 10)
	for p, r := range runs[1:] {
		if r[0] != strconv.Itoa(p) || r[1] != "0" || r[2] != seed {
			t.Errorf("runs.csv row %d: point, run, seed = %v, want %d, 0, %s", p+1, r[:3], p, seed)
		}
		id, err := strconv.Atoi(rows[p+1][0])
		if err != nil {
			t.Fatal(err)
		}
		c := res.rr.search.res.Candidates[id]
		v := make([]float64, 4)
		for i := range v {
			if v[i], err = strconv.ParseFloat(r[3+i], 64); err != nil {
				t.Fatalf("runs.csv row %d: %v", p+1, err)
			}
		}
		x, y := v[:3], v[3]
		if !slices.Equal(x, c.X) {
			t.Errorf("runs.csv point %d is %v, front.csv's design #%d %v", p, x, c.ID, c.X)
		}
		if want := sensitivity.Ishigami(x, 7, 0.1); math.Abs(y-want) > 1e-12 || y != c.Final.Objectives[0].Value {
			t.Errorf("runs.csv point %d: y = %v, want %v (the function) = %v (front.csv)", p, y, want, c.Final.Objectives[0].Value)
		}
	}
	// The folder's report reads it as a scenario study's runs under the
	// Design search section: it recommends the best design found, draws
	// its convergence (one objective: no Pareto front), then the outcome
	// table, the differences from the first design (paired: every design
	// ran on the same seeds) and a chart per outcome with a column per
	// design, named as the section names it.
	b, err := os.ReadFile(filepath.Join(dir, folder.Report))
	if err != nil {
		t.Fatal(err)
	}
	html := string(b)
	for _, want := range []string{"<h2>Design search</h2>", fmt.Sprintf("#%d", best), "<caption>Per design</caption>",
		"<caption>Differences from #" + rows[1][0] + "</caption>",
		`id="fig-compare_y"`, fmt.Sprintf("cmaes design search: %d search runs, then %d chosen designs × 1 run with fresh seeds", res.rr.search.res.Runs, len(rows)-1)} {
		if !strings.Contains(html, want) {
			t.Errorf("report.html lacks %q", want)
		}
	}
	if i, j := strings.Index(html, "<h2>Design search</h2>"), strings.Index(html, "<caption>Per design</caption>"); i < 0 || j < i {
		t.Error("report.html: the Design search section is not above the outcomes")
	}
	// A replay of runs.csv's point 0 would run the experiment's own
	// design: it is refused, naming the folder.
	var inErr *InputError
	if _, err := Replay(dir, 0, 0, filepath.Join(t.TempDir(), "trace.csv"), nil); !errors.As(err, &inErr) || !strings.Contains(err.Error(), dir+" is a design search") {
		t.Errorf("replay of a search folder: %v, want an InputError naming %s", err, dir)
	}
	if _, err := os.Stat(filepath.Join(dir, folder.Plots, "search_convergence.svg")); err != nil {
		t.Error(err)
	}
}

// TestSearchBudget: max_runs stops the search before a generation that
// would pass it, and the manifest and the summary say so.
func TestSearchBudget(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	// 8 candidates x 2 replicates = 16 runs a generation at least: 40
	// runs leave no room for the second generation after the first's
	// racing.
	res, err := Run(context.Background(), loadSmallSearch(t, "search.max_runs=40"), Options{Dir: dir, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	s := res.rr.search
	if s.res.Runs > 40 || s.res.Generations >= 2 {
		t.Fatalf("%d search runs in %d generations, want at most 40 runs and fewer than 2 generations", s.res.Runs, s.res.Generations)
	}
	man, err := os.ReadFile(filepath.Join(dir, folder.Manifest))
	if err != nil {
		t.Fatal(err)
	}
	want := "budget: stopped after " + strconv.Itoa(s.res.Generations) + " of 2 generations, as the next would pass max_runs = 40"
	if !strings.Contains(string(man), want) {
		t.Errorf("manifest.json does not say %q:\n%s", want, man)
	}
	var b strings.Builder
	res.WriteSummary(&b)
	if !strings.Contains(b.String(), want) || !strings.Contains(b.String(), "chosen designs (front.csv)") {
		t.Errorf("summary:\n%s", b.String())
	}
}

// TestProgressTable: a worked example of search_progress.csv. Generation
// 0's parents are candidates 0-3; 3 is infeasible. Minimising a and
// maximising b: 0 = (1, 5), 1 = (2, 6), 2 = (2, 4), 3 = (0, 9). 2 is
// dominated by 0 (a 1 < 2, b 5 > 4) and by 1; 0 and 1 do not dominate
// each other: front 2. The best a among the feasible is 1 (3's 0 does not
// count), the best b 6. Generation 1 has no feasible parent: its bests are
// empty.
func TestProgressTable(t *testing.T) {
	t.Parallel()
	est := func(a, b float64) []search.Estimate { return []search.Estimate{{Value: a}, {Value: b}} }
	res := &search.Result{
		Objectives: []string{"a_mean", "b_mean"},
		Candidates: []search.Candidate{
			{ID: 0, Objectives: est(1, 5)},
			{ID: 1, Objectives: est(2, 6)},
			{ID: 2, Objectives: est(2, 4)},
			{ID: 3, Objectives: est(0, 9), Violation: 0.5},
		},
		Progress: []search.Generation{{Runs: 16, Parents: []int{0, 1, 2, 3}}, {Runs: 24, Parents: []int{3}}},
	}
	sp := &experiments.SearchPlan{Problem: search.Problem{Objectives: []search.Objective{{}, {Maximize: true}}}}
	h, rows := progressTable(&searchRun{sp: sp, res: res})
	got := strings.Join(h, ",") + "\n"
	for _, r := range rows {
		got += strings.Join(r, ",") + "\n"
	}
	want := "generation,runs,parents,feasible,front,best_a_mean,best_b_mean\n0,16,4,3,2,1,6\n1,24,1,0,0,,\n"
	if got != want {
		t.Errorf("search_progress.csv:\n%s\nwant\n%s", got, want)
	}
}
