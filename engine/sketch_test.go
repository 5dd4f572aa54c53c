package engine

import (
	"bufio"
	"bytes"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSketchCountersWiden: a bucket that passes 65,535 values moves the
// store to 32-bit counters without losing a count, by adds, by merges of
// two narrow stores, and through the checkpoint encoding; the quantiles
// are those of the exact sorted values within the sketch's accuracy.
func TestSketchCountersWiden(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(7, 8))
	const heavy = 70_000 // one bucket: more than a 16-bit counter holds
	var vals []float64
	var all, a, b Sketch
	for i := range heavy + 20_000 {
		v := 2.5 // the heavy bucket
		if i >= heavy {
			v = math.Exp(3 * rng.NormFloat64())
		}
		vals = append(vals, v)
		all.Add(v)
		if i%2 == 0 {
			a.Add(v)
		} else {
			b.Add(v)
		}
	}
	if all.pos.wide == nil {
		t.Fatal("store still 16-bit after 70,000 values in one bucket")
	}
	if a.pos.wide != nil || b.pos.wide != nil {
		t.Fatal("halves of 35,000 values in a bucket widened early")
	}
	var merged Sketch
	merged.Merge(&a)
	merged.Merge(&b) // the heavy bucket overflows 16 bits here
	var buf bytes.Buffer
	e := &encoder{w: bufio.NewWriter(&buf)}
	e.sketch(&merged)
	if err := e.w.Flush(); err != nil || e.err != nil {
		t.Fatal(err, e.err)
	}
	var decoded Sketch
	d := &decoder{r: bufio.NewReader(&buf)}
	d.sketch(&decoded)
	if d.err != nil {
		t.Fatal(d.err)
	}
	heavyIdx := bucketIndex(2.5)
	var want uint32 // the heavy values and the random ones in their bucket
	for _, v := range vals {
		if bucketIndex(v) == heavyIdx {
			want++
		}
	}
	slices.Sort(vals)
	for name, s := range map[string]*Sketch{"added": &all, "merged": &merged, "decoded": &decoded} {
		if got := s.pos.at(int(heavyIdx - s.pos.offset)); got != want || want < heavy {
			t.Errorf("%s: heavy bucket counts %d, want %d (>= %d)", name, got, want, heavy)
		}
		if s.Count() != uint64(len(vals)) {
			t.Errorf("%s: count %d, want %d", name, s.Count(), len(vals))
		}
		for _, q := range []float64{0.01, 0.3, 0.5, 0.77, 0.9, 0.99} {
			exact := vals[int(q*float64(len(vals)-1))]
			if got := s.Quantile(q); math.Abs(got-exact) > SketchAccuracy*exact {
				t.Errorf("%s: q=%v got %v, exact %v", name, q, got, exact)
			}
		}
	}
}
