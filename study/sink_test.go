package study

import (
	"testing"

	"github.com/seqsim/seqsim/engine"
	"github.com/seqsim/seqsim/experiments"
)

// TestShardUnits counts, against Shard.Contains, the units of every range
// a point of a plan can cover, for whole plans and shards.
func TestShardUnits(t *testing.T) {
	t.Parallel()
	for _, sh := range []engine.Shard{{}, {Index: 0, Count: 1}, {Index: 0, Count: 3}, {Index: 2, Count: 3}, {Index: 4, Count: 7}} {
		for n := range 30 {
			want := 0
			for g := range n {
				if sh.Contains(g) {
					want++
				}
			}
			if got := shardUnits(n, sh); got != want {
				t.Errorf("shard %+v, %d units: %d, want %d", sh, n, got, want)
			}
		}
	}
}

// TestSinkHoldsItsRuns: each outcome's slice is made for exactly the
// point's runs in the shard, so filling it never grows it. 3 points of 5
// runs in shard 1 of 4: units 1, 5, 9, 13 are the shard's, so point 0
// (units 0-4) has 1 run, point 1 (5-9) 2, point 2 (10-14) 1.
func TestSinkHoldsItsRuns(t *testing.T) {
	t.Parallel()
	exp, err := experiments.LoadFile("", []string{"experiment.runs=5", `scenarios=[{name="a"},{name="b"},{name="c"}]`})
	if err != nil {
		t.Fatal(err)
	}
	st, err := newSpec(exp)
	if err != nil {
		t.Fatal(err)
	}
	if st.pl.Points != 3 || st.pl.Runs != 5 {
		t.Fatalf("%d points x %d runs, want 3 x 5", st.pl.Points, st.pl.Runs)
	}
	shard := engine.Shard{Index: 1, Count: 4}
	sink := st.newSink(nil, shard)
	plan := st.enginePlan(1, shard)
	summary := make([]float64, len(st.sch.Outcomes))
	for g := range plan.Units() {
		if shard.Contains(g) {
			if err := sink.Row(plan.UnitOf(g), summary); err != nil {
				t.Fatal(err)
			}
		}
	}
	for p, want := range []int{1, 2, 1} {
		for o, vs := range sink.values[p] {
			if len(vs) != want || cap(vs) != want {
				t.Fatalf("point %d outcome %d: %d values in a slice of %d, want %d in %d", p, o, len(vs), cap(vs), want, want)
			}
		}
	}
}
