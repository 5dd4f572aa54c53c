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

// TestSketchSpanCollapses: values over a range wider than sketchMaxSpan
// buckets fold their smallest magnitudes into the lowest bucket of the
// span below the largest value. The counts equal that rule applied to the
// exact bucket indices, whatever the order of adds and merges, and
// quantiles above the floor keep their accuracy.
func TestSketchSpanCollapses(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(9, 10))
	vals := make([]float64, 20_000)
	for i := range vals {
		vals[i] = math.Exp(rng.Float64()*110 - 100) // e^-100 to e^10: 5,500 buckets
		if i%7 == 0 {
			vals[i] = -vals[i]
		}
	}
	encode := func(s *Sketch) []byte {
		var buf bytes.Buffer
		e := &encoder{w: bufio.NewWriter(&buf)}
		e.sketch(s)
		if err := e.w.Flush(); err != nil || e.err != nil {
			t.Fatal(err, e.err)
		}
		return buf.Bytes()
	}
	var ordered Sketch
	for _, v := range vals {
		ordered.Add(v)
	}
	want := encode(&ordered)
	for trial := range 5 {
		perm := rng.Perm(len(vals))
		parts := make([]Sketch, 1+trial)
		for k, i := range perm {
			parts[k%len(parts)].Add(vals[i])
		}
		var merged Sketch
		for _, i := range rng.Perm(len(parts)) {
			merged.Merge(&parts[i])
		}
		if got := encode(&merged); !bytes.Equal(got, want) {
			t.Fatalf("trial %d: %d parts merged in another order give other counts", trial, len(parts))
		}
	}
	// The counts are the collapse rule applied to the exact indices.
	for _, sign := range []float64{1, -1} {
		d := &ordered.pos
		if sign < 0 {
			d = &ordered.neg
		}
		exact := map[int32]uint32{}
		hi := int32(math.MinInt32)
		for _, v := range vals {
			if v*sign > 0 {
				i := bucketIndex(v * sign)
				exact[i]++
				hi = max(hi, i)
			}
		}
		floor := hi - sketchMaxSpan + 1
		folded := map[int32]uint32{}
		for i, c := range exact {
			folded[max(i, floor)] += c
		}
		if d.offset < floor || d.hi != hi {
			t.Fatalf("sign %v: store starts at %d (floor %d), hi %d (want %d)", sign, d.offset, floor, d.hi, hi)
		}
		for j := range d.len() {
			if got, w := d.at(j), folded[d.offset+int32(j)]; got != w {
				t.Fatalf("sign %v: bucket %d counts %d, want %d", sign, d.offset+int32(j), got, w)
			}
		}
	}
	// Quantiles of values above the floor are as accurate as ever.
	sorted := slices.Clone(vals)
	slices.Sort(sorted)
	for _, q := range []float64{0.2, 0.5, 0.8, 0.95, 0.99} {
		exact := sorted[int(q*float64(len(sorted)-1))]
		if exact > 0 && exact < math.Exp(10-40.9) {
			continue // below the floor
		}
		if got := ordered.Quantile(q); math.Abs(got-exact) > SketchAccuracy*math.Abs(exact) {
			t.Errorf("q=%v: got %v, exact %v", q, got, exact)
		}
	}
}
