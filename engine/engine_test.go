package engine

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/study/folder"
)

// toySim is a small stochastic model: a random walk whose steps and summary
// depend only on the generator, so any ordering bug shows up in the bytes.
type toySim struct{ failRun int }

func (s *toySim) Run(point, run int, rng *rand.Rand, summary, series []float64) error {
	if run == s.failRun {
		panic("boom")
	}
	x := float64(point)
	for step := 0; step < len(series)/2; step++ {
		x += rng.NormFloat64()
		series[2*step] = x
		series[2*step+1] = math.Exp(x / 10)
	}
	summary[0] = x
	summary[1] = rng.Float64()
	return nil
}

func toyPlan(workers int) Plan {
	return Plan{
		Seed: 42, Points: 3, Runs: 50, Workers: workers, SeriesPoints: true,
		Schema: Schema{Summary: []string{"x", "u"}, Series: []string{"walk", "level"}, Steps: 30, SeriesEvery: 1},
	}
}

func runToy(t *testing.T, p Plan, failRun int) (runs, series []byte, res *Result) {
	t.Helper()
	dir := t.TempDir()
	w, err := folder.NewRunsWriter(filepath.Join(dir, "runs.csv"), nil, p.Schema.Summary, nil)
	if err != nil {
		t.Fatal(err)
	}
	sink := sinkFunc(func(u Unit, summary []float64) error { return w.Row(u.Point, u.Run, u.Seed, summary) })
	res, err = Run(context.Background(), p, func() (Sim, error) { return &toySim{failRun: failRun}, nil }, sink)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	// The bands' exact state: equal bytes, equal series.csv.
	var b bytes.Buffer
	if _, err := res.Bands.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	runs, _ = os.ReadFile(filepath.Join(dir, "runs.csv"))
	return runs, b.Bytes(), res
}

func TestRunDeterministicAcrossWorkers(t *testing.T) {
	t.Parallel()
	var want [2][32]byte
	for i, w := range []int{1, 2, 7} {
		runs, series, _ := runToy(t, toyPlan(w), -1)
		got := [2][32]byte{sha256.Sum256(runs), sha256.Sum256(series)}
		if i == 0 {
			want = got
			continue
		}
		if got != want {
			t.Errorf("workers=%d: output hashes differ from workers=1", w)
		}
	}
}

func TestRunIsolatesPanics(t *testing.T) {
	t.Parallel()
	runs, _, res := runToy(t, toyPlan(2), 7)
	if len(res.Failed) != 3 { // run 7 of each of the 3 points
		t.Fatalf("failed units = %d, want 3", len(res.Failed))
	}
	for _, f := range res.Failed {
		if f.Unit.Run != 7 || f.Unit.Seed != RunSeed(42, f.Unit.Point, 7, false) {
			t.Errorf("failure recorded for %+v", f.Unit)
		}
	}
	lines := slices.DeleteFunc(splitLines(runs), func(s string) bool { return s == "" })
	if len(lines) != 1+3*49 {
		t.Errorf("runs.csv has %d lines, want header + 147", len(lines))
	}
}

// cancelSim cancels the run's context when it starts unit 20, as Ctrl-C
// would in the middle of a run. Later units wait for the cancellation, so
// a descheduled unit 20 cannot let the other worker race to the end.
type cancelSim struct {
	toySim
	ctx    context.Context
	cancel func()
}

func (s *cancelSim) Run(point, run int, rng *rand.Rand, summary, series []float64) error {
	switch {
	case point == 0 && run == 20:
		s.cancel()
	case point > 0 || run > 20:
		<-s.ctx.Done()
	}
	return s.toySim.Run(point, run, rng, summary, series)
}

func TestRunCancelDeliversPrefix(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	p := toyPlan(2)
	var rows []int
	res, err := Run(ctx, p, func() (Sim, error) { return &cancelSim{toySim{failRun: -1}, ctx, cancel}, nil }, sinkFunc(func(u Unit, _ []float64) error {
		rows = append(rows, u.Index)
		return nil
	}))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled (done %d)", err, res.Done)
	}
	for i, g := range rows { // a prefix of the unit order, with no gap
		if g != i {
			t.Fatalf("row %d is unit %d", i, g)
		}
	}
	// Units 0..20 had started; at most one per worker more is fed after the
	// cancellation is seen.
	if res.Done != len(rows) || len(rows) < 21 || len(rows) > 21+2*p.Workers {
		t.Errorf("done %d rows %d", res.Done, len(rows))
	}
}

type sinkFunc func(Unit, []float64) error

func (f sinkFunc) Row(u Unit, s []float64) error { return f(u, s) }

func splitLines(b []byte) []string {
	var out []string
	start := 0
	for i, c := range b {
		if c == '\n' {
			out = append(out, string(b[start:i]))
			start = i + 1
		}
	}
	return out
}

func TestRunSeedCommonRandomNumbers(t *testing.T) {
	t.Parallel()
	if RunSeed(1, 0, 5, true) != RunSeed(1, 9, 5, true) {
		t.Error("common random numbers: seed depends on the point")
	}
	if RunSeed(1, 0, 5, false) == RunSeed(1, 9, 5, false) {
		t.Error("independent seeds: points share a seed")
	}
	seen := map[uint64]bool{}
	for p := range 10 {
		for r := range 100 {
			seen[RunSeed(7, p, r, false)] = true
		}
	}
	if len(seen) != 1000 {
		t.Errorf("%d distinct seeds of 1000", len(seen))
	}
}

func TestSplitMix64Reference(t *testing.T) {
	t.Parallel()
	// First outputs of SplitMix64 seeded with 0, from the reference C code
	// (Vigna, splitmix64.c): the state advances by the golden gamma each call.
	want := []uint64{0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4, 0x06c45d188009454f}
	var state uint64
	for i, w := range want {
		if got := SplitMix64(state); got != w {
			t.Errorf("output %d = %#x, want %#x", i, got, w)
		}
		state += 0x9e3779b97f4a7c15
	}
}

func TestFixedSumExactAndOrderIndependent(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	vals := make([]float64, 2000)
	for i := range vals {
		vals[i] = (rng.Float64() - 0.5) * math.Pow(10, float64(rng.IntN(20)-6))
	}
	var a FixedSum
	for _, v := range vals {
		a.Add(v)
	}
	rng.Shuffle(len(vals), func(i, j int) { vals[i], vals[j] = vals[j], vals[i] })
	var b, c FixedSum // b: shuffled order; c: merged halves
	var h1, h2 FixedSum
	for i, v := range vals {
		b.Add(v)
		if i%2 == 0 {
			h1.Add(v)
		} else {
			h2.Add(v)
		}
	}
	c.Merge(h2)
	c.Merge(h1)
	if a != b || a != c {
		t.Fatalf("sums differ: %+v %+v %+v", a, b, c)
	}
	// Against a float sum of the same values: equal within rounding to 2^-48
	// per value plus float summation error.
	var f float64
	for _, v := range vals {
		f += v
	}
	if math.Abs(a.Float()-f) > 1e-12*float64(len(vals))*1e13 {
		t.Errorf("fixed %v float %v", a.Float(), f)
	}
	// Exact small cases: -1.5 + 0.25 + 3 = 1.75; negatives carry correctly.
	var s FixedSum
	for _, v := range []float64{-1.5, 0.25, 3} {
		s.Add(v)
	}
	if s.Float() != 1.75 {
		t.Errorf("sum = %v, want 1.75", s.Float())
	}
	s.Add(math.NaN())
	if !math.IsNaN(s.Float()) {
		t.Error("NaN not propagated")
	}
}

func TestSketchQuantileAccuracy(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	vals := make([]float64, 10001)
	var sk Sketch
	for i := range vals {
		vals[i] = math.Exp(rng.NormFloat64()) * (1 - 2*float64(i%4/3)) // a quarter negative
		sk.Add(vals[i])
	}
	slices.Sort(vals)
	for _, q := range []float64{0, 0.05, 0.25, 0.5, 0.75, 0.95, 1} {
		exact := vals[int(q*float64(len(vals)-1))]
		got := sk.Quantile(q)
		if math.Abs(got-exact) > SketchAccuracy*math.Abs(exact)+1e-12 {
			t.Errorf("q=%v: got %v, exact %v", q, got, exact)
		}
	}
}

func TestSketchMergeEqualsSingle(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(5, 6))
	var all Sketch
	parts := make([]Sketch, 3)
	for i := range 3000 {
		v := rng.ExpFloat64() * 1e3
		if i%10 == 0 {
			v = 0
		}
		all.Add(v)
		parts[i%3].Add(v)
	}
	var merged Sketch
	for _, i := range []int{2, 0, 1} {
		merged.Merge(&parts[i])
	}
	for _, q := range BandQuantiles() {
		if merged.Quantile(q) != all.Quantile(q) {
			t.Errorf("q=%v merged %v single %v", q, merged.Quantile(q), all.Quantile(q))
		}
	}
}

func ExampleRunSeed() {
	// The same (master, point, run) always gives the same seed; with common
	// random numbers every point shares the run's seed.
	fmt.Println(RunSeed(1, 0, 0, true) == RunSeed(1, 3, 0, true))
	fmt.Println(RunSeed(1, 0, 0, false) == RunSeed(1, 3, 0, false))
	// Output:
	// true
	// false
}

// nanSim returns NaN in the series of run 3 at step 5.
type nanSim struct{ toySim }

func (s *nanSim) Run(point, run int, rng *rand.Rand, summary, series []float64) error {
	err := s.toySim.Run(point, run, rng, summary, series)
	if run == 3 {
		series[5*2+1] = math.NaN()
	}
	return err
}

func TestRunIsolatesNonFiniteOutput(t *testing.T) {
	t.Parallel()
	p := toyPlan(2)
	res, err := Run(context.Background(), p, func() (Sim, error) { return &nanSim{toySim{failRun: -1}}, nil }, sinkFunc(func(Unit, []float64) error { return nil }))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Failed) != 3 || !strings.Contains(res.Failed[0].Error(), "series level is NaN at step 5") ||
		!strings.Contains(res.Failed[0].Error(), "run 3") {
		t.Fatalf("failed: %v", res.Failed)
	}
	if res.Done != 150 {
		t.Errorf("done %d, want all 150 units accounted for", res.Done)
	}
}

func TestBandsRoundTrip(t *testing.T) {
	t.Parallel()
	_, _, res := runToy(t, toyPlan(2), -1)
	var buf bytes.Buffer
	if _, err := res.Bands.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	b, err := ReadBands(&buf, toyPlan(1).Schema)
	if err != nil {
		t.Fatal(err)
	}
	if !b.Equal(res.Bands) {
		t.Error("bands changed through WriteTo/ReadBands")
	}
	if _, err := ReadBands(strings.NewReader("nope"), toyPlan(1).Schema); err == nil {
		t.Error("garbage accepted")
	}
}
