package study

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/seqsim/seqsim/engine"
	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/internal/filetest"
	"github.com/seqsim/seqsim/internal/manifest"
	"github.com/seqsim/seqsim/internal/stats"
	"github.com/seqsim/seqsim/study/folder"
)

// targetExp is the baseline over 400 days in two scenarios, run until the
// mean final price is known within ±rel of itself, in batches of 10 runs,
// up to maxRuns.
func targetExp(t *testing.T, rel float64, maxRuns int) *experiments.Experiment {
	t.Helper()
	src := `[experiment]
name = "adaptive"
[experiment.target_ci]
batch = 10
max_runs = ` + strconv.Itoa(maxRuns) + `
[[experiment.target_ci.outcomes]]
name = "final_price"
relative = ` + strconv.FormatFloat(rel, 'g', -1, 64) + `
[simulation]
horizon_days = 400
[[scenarios]]
name = "base"
[[scenarios]]
name = "burn half"
set = ["fees.split=[0.3,0.2,0.5]"]
`
	e, err := experiments.Load("adaptive.toml", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// finalPrices reads each point's final_price column of runs.csv.
func finalPrices(t *testing.T, dir string, points int) [][]float64 {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, folder.Runs))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[0], "final_price")
	out := make([][]float64, points)
	for _, r := range rows[1:] {
		p, _ := strconv.Atoi(r[0])
		v, err := strconv.ParseFloat(r[col], 64)
		if err != nil {
			t.Fatal(err)
		}
		out[p] = append(out[p], v)
	}
	return out
}

func readStops(t *testing.T, dir string) []manifest.PointStop {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, folder.Manifest))
	if err != nil {
		t.Fatal(err)
	}
	var m manifest.Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m.Study.TargetCI
}

// TestTargetCI runs a study whose points stop when the mean final price is
// known within 20% of itself. Each point stops at the first multiple of
// 10 runs at which the half-width z·s/√n of runs.csv's values is below
// 0.2·|mean| (checked here from the file, with the summary's MeanCI), and
// not at the batch before; n is near (z·s/(0.2·mean))², the closed form
// with the sample sd, within a batch and the drift of s between batches
// (a 30% band); the manifest says "target"; runs.csv has the same bytes
// with 1 and 2 workers. With 1% asked the cap of 20 runs stops every
// point, and the manifest says "cap".
func TestTargetCI(t *testing.T) {
	t.Parallel()
	const batch, rel = 10, 0.2
	var ref string
	for _, workers := range []int{1, 2} {
		dir := t.TempDir()
		res, err := Run(context.Background(), targetExp(t, rel, 200), Options{Dir: dir, Workers: workers, Force: true})
		if err != nil {
			t.Fatal(err)
		}
		h := filetest.Hash(t, filepath.Join(dir, folder.Runs))
		if workers == 1 {
			ref = h
		} else if h != ref {
			t.Errorf("runs.csv with %d workers differs from 1 worker", workers)
		}
		stops := readStops(t, dir)
		prices := finalPrices(t, dir, 2)
		if len(stops) != 2 {
			t.Fatalf("manifest target_ci has %d points, want 2", len(stops))
		}
		summary, err := os.ReadFile(filepath.Join(dir, folder.Summary))
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("2 points x %s runs (target_ci, at most 200)", rangeOf(len(prices[0]), len(prices[1]))); !bytes.Contains(summary, []byte(want)) {
			t.Errorf("summary.md lacks %q", want)
		}
		if n := len(prices[0]) + len(prices[1]); res.Runs() != n {
			t.Errorf("Result.Runs() = %d, runs.csv has %d runs (skipped units are not runs)", res.Runs(), n)
		}
		for p, vs := range prices {
			n := len(vs)
			if stops[p].Runs != n || stops[p].Stopped != stopTarget {
				t.Errorf("point %d: manifest %+v, runs.csv has %d runs, want stopped on target", p, stops[p], n)
			}
			if n%batch != 0 || n >= 200 {
				t.Errorf("point %d stopped at %d runs: not a whole batch below the cap", p, n)
				continue
			}
			m, half := stats.MeanCI(vs)
			if !(half < rel*math.Abs(m)) {
				t.Errorf("point %d: stopped at %d runs with half-width %g, not below %g", p, n, half, rel*math.Abs(m))
			}
			if n > batch {
				m0, h0 := stats.MeanCI(vs[:n-batch])
				if h0 < rel*math.Abs(m0) {
					t.Errorf("point %d: the target was met at %d runs already (half-width %g < %g)", p, n-batch, h0, rel*math.Abs(m0))
				}
			}
			s := half * math.Sqrt(float64(n)) / stats.Z95
			pred := math.Pow(stats.Z95*s/(rel*math.Abs(m)), 2)
			if float64(n) < pred || float64(n) > 1.3*pred+batch {
				t.Errorf("point %d: %d runs, the closed form (z·s/h)² gives %.1f", p, n, pred)
			}
			t.Logf("workers %d, point %d: %d runs (closed form %.1f), half-width %.4g of mean %.4g", workers, p, n, pred, half, m)
		}
	}

	dir := t.TempDir()
	if _, err := Run(context.Background(), targetExp(t, 0.01, 20), Options{Dir: dir, Workers: 2, Force: true}); err != nil {
		t.Fatal(err)
	}
	for p, st := range readStops(t, dir) {
		if st.Runs != 20 || st.Stopped != stopCap {
			t.Errorf("point %d with 1%% asked and a cap of 20: %+v, want 20 runs stopped by the cap", p, st)
		}
	}
	if got := finalPrices(t, dir, 2); len(got[0]) != 20 || len(got[1]) != 20 {
		t.Errorf("runs.csv has %d and %d runs, want the cap, 20", len(got[0]), len(got[1]))
	}
}

func TestTargetCIRefusesShards(t *testing.T) {
	t.Parallel()
	_, err := Run(context.Background(), targetExp(t, 0.2, 40), Options{Dir: t.TempDir(), Shard: engine.Shard{Index: 0, Count: 2}})
	var in *InputError
	if !errors.As(err, &in) {
		t.Fatalf("error %v, want an InputError", err)
	}
}

// TestTargetCIResume interrupts a study with target_ci once runs.csv
// holds 25 and then 90 rows (in the first point, and in the second after
// the first stopped; checkpoints every 20 ms land anywhere, at batch
// boundaries too), resumes it, and checks runs.csv and each point's stop
// in the manifest against an uninterrupted run: the resume replays
// runs.csv into the statistics, so the rule decides as it would have.
func TestTargetCIResume(t *testing.T) {
	t.Parallel()
	whole := t.TempDir()
	if _, err := Run(context.Background(), targetExp(t, 0.2, 200), Options{Dir: whole, Workers: 2, Force: true}); err != nil {
		t.Fatal(err)
	}
	want, wantStops := filetest.Hash(t, filepath.Join(whole, folder.Runs)), readStops(t, whole)
	for _, rows := range []int{25, 90} {
		dir := t.TempDir()
		ctx, cancel := context.WithCancel(context.Background())
		go cancelAtRows(ctx, cancel, folder.PartialPath(filepath.Join(dir, folder.Runs)), rows)
		_, err := Run(ctx, targetExp(t, 0.2, 200), Options{Dir: dir, Workers: 2, Force: true, CheckpointEvery: 20 * time.Millisecond})
		cancel()
		frac := float64(rows)
		var ie *InterruptedError
		if err != nil {
			if !errors.As(err, &ie) {
				t.Fatalf("interrupted at row %.0f: %v", frac, err)
			}
			if _, err := Run(context.Background(), targetExp(t, 0.2, 200), Options{Dir: dir, Workers: 2, Resume: true}); err != nil {
				t.Fatalf("resume after %d units: %v", ie.Done, err)
			}
		}
		if got := filetest.Hash(t, filepath.Join(dir, folder.Runs)); got != want {
			t.Errorf("interrupted at row %.0f and resumed: runs.csv differs from an uninterrupted run", frac)
		}
		if got := readStops(t, dir); !slices.Equal(got, wantStops) {
			t.Errorf("interrupted at row %.0f and resumed: stops %+v, want %+v", frac, got, wantStops)
		}
		if ie != nil {
			t.Logf("interrupted at row %.0f (%d units done), resumed: same runs.csv", frac, ie.Done)
		} else {
			t.Errorf("the run at row %.0f was not interrupted", frac)
		}
	}
}

// cancelAtRows cancels once the file at path holds more than rows lines
// (the header and rows rows).
func cancelAtRows(ctx context.Context, cancel func(), path string, rows int) {
	for ctx.Err() == nil {
		if b, err := os.ReadFile(path); err == nil && bytes.Count(b, []byte("\n")) > rows {
			cancel()
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func rangeOf(a, b int) string {
	if a == b {
		return strconv.Itoa(a)
	}
	return fmt.Sprintf("%d-%d", min(a, b), max(a, b))
}
