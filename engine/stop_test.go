package engine

import (
	"context"
	"crypto/sha256"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// signSim's outcome is +σ on even runs and −σ on odd ones, σ = point's
// sigma: a known variance, so the run count at which the 95% half-width of
// the mean falls below h is a closed form. The second outcome is a draw,
// so the bytes depend on which generator ran which unit.
type signSim struct{ sigma []float64 }

func (s signSim) Run(point, run int, rng *rand.Rand, summary, series []float64) error {
	summary[0] = s.sigma[point]
	if run%2 == 1 {
		summary[0] = -s.sigma[point]
	}
	summary[1] = rng.Float64()
	return nil
}

// halfWidthStop keeps every delivered row per point and stops a point when
// the normal 95% half-width of its first outcome's mean is below h.
type halfWidthStop struct {
	h    float64
	vals [][]float64
	rows []byte // every row, for hashing
}

func (s *halfWidthStop) Row(u Unit, summary []float64) error {
	s.vals[u.Point] = append(s.vals[u.Point], summary[0])
	s.rows = fmt.Appendf(s.rows, "%d,%d,%d,%v,%v\n", u.Point, u.Run, u.Seed, summary[0], summary[1])
	return nil
}

func (s *halfWidthStop) stop(point, runs int) bool {
	v := s.vals[point]
	if len(v) != runs {
		panic(fmt.Sprintf("stop asked at %d runs of point %d with %d delivered", runs, point, len(v)))
	}
	var m, ss float64
	for _, x := range v {
		m += x
	}
	m /= float64(len(v))
	for _, x := range v {
		ss += (x - m) * (x - m)
	}
	const z95 = 1.959963984540054 // Φ⁻¹(0.975)
	return z95*math.Sqrt(ss/float64(len(v)-1)/float64(len(v))) < s.h
}

// TestStopEveryClosedForm: with outcome ±σ the sample sd is σ·√(n/(n−1)),
// so the half-width z·σ/√(n−1) is below h once n > (zσ/h)² + 1, and the
// point stops at the first multiple of the batch past that, or at the cap:
// σ = 1, h = 0.1: n > 385.1, so 400; σ = 0.5: n > 97.0, so 100; σ = 5:
// n > 9604.6, beyond the cap of 1000. The rows are the same bytes with 1,
// 2 and 7 workers, and after an interrupt and a resume.
func TestStopEveryClosedForm(t *testing.T) {
	t.Parallel()
	sigma := []float64{1, 0.5, 5}
	const h, batch, capRuns = 0.1, 50, 1000
	want := make([]int, len(sigma))
	for i, sg := range sigma {
		z := 1.959963984540054
		n := int(math.Floor((z*sg/h)*(z*sg/h)+1)) + 1 // least n with n − 1 > (zσ/h)²
		want[i] = min(capRuns, (n+batch-1)/batch*batch)
	}
	if !slices.Equal(want, []int{400, 100, 1000}) {
		t.Fatalf("closed form gives %v, the comment says 400, 100, 1000", want)
	}
	plan := func(workers int, s *halfWidthStop) Plan {
		return Plan{Seed: 9, Points: len(sigma), Runs: capRuns, Workers: workers,
			Schema: Schema{Summary: []string{"x", "u"}}, StopEvery: batch, Stop: s.stop}
	}
	newSim := func() (Sim, error) { return signSim{sigma}, nil }
	var ref [32]byte
	for _, workers := range []int{1, 2, 7} {
		s := &halfWidthStop{h: h, vals: make([][]float64, len(sigma))}
		res, err := Run(context.Background(), plan(workers, s), newSim, s)
		if err != nil {
			t.Fatal(err)
		}
		got := []int{len(s.vals[0]), len(s.vals[1]), len(s.vals[2])}
		if !slices.Equal(got, want) {
			t.Errorf("workers %d: runs per point %v, want %v", workers, got, want)
		}
		if res.Done != res.Total || res.Total != len(sigma)*capRuns {
			t.Errorf("workers %d: done %d of %d, want all %d (skipped units count as done)", workers, res.Done, res.Total, len(sigma)*capRuns)
		}
		sum := sha256.Sum256(s.rows)
		if workers == 1 {
			ref = sum
		} else if sum != ref {
			t.Errorf("workers %d: rows differ from 1 worker", workers)
		}
	}

	// Interrupted at a checkpoint, then resumed from it with the rows
	// replayed: the same bytes.
	for _, at := range []int{100, 399, 400, 1100} {
		s := &halfWidthStop{h: h, vals: make([][]float64, len(sigma))}
		ctx, cancel := context.WithCancel(context.Background())
		cut := &cutSink{s: s, at: at, cancel: cancel}
		res, err := Run(ctx, plan(2, s), newSim, cut)
		cancel()
		if err == nil {
			t.Fatalf("cut at %d: the run was not interrupted", at)
		}
		s2 := &halfWidthStop{h: h, vals: make([][]float64, len(sigma))}
		for p, v := range s.vals { // the resume replays the delivered rows
			s2.vals[p] = slices.Clone(v)
		}
		s2.rows = slices.Clone(s.rows)
		p := plan(2, s2)
		p.Resume = &Checkpoint{Done: res.Done}
		if _, err := Run(context.Background(), p, newSim, s2); err != nil {
			t.Fatal(err)
		}
		if sha256.Sum256(s2.rows) != ref {
			t.Errorf("cut after %d rows, resumed at unit %d: rows differ from an uninterrupted run", at, res.Done)
		}
	}
}

// cutSink cancels the run after at rows.
type cutSink struct {
	s      *halfWidthStop
	at, n  int
	cancel func()
}

func (c *cutSink) Row(u Unit, summary []float64) error {
	c.n++
	if c.n == c.at {
		c.cancel()
	}
	return c.s.Row(u, summary)
}

func TestStopEveryRefusesShardsAndMissingRule(t *testing.T) {
	t.Parallel()
	newSim := func() (Sim, error) { return signSim{[]float64{1}}, nil }
	sink := sinkFunc(func(Unit, []float64) error { return nil })
	base := Plan{Seed: 1, Points: 1, Runs: 10, Schema: Schema{Summary: []string{"x", "u"}}, StopEvery: 5}
	if _, err := Run(context.Background(), base, newSim, sink); err == nil {
		t.Error("StopEvery without Stop: no error")
	}
	base.Stop = func(int, int) bool { return true }
	base.Shard = Shard{Index: 0, Count: 2}
	if _, err := Run(context.Background(), base, newSim, sink); err == nil {
		t.Error("StopEvery with 2 shards: no error")
	}
}
