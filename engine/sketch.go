package engine

import "math"

// SketchAccuracy is the relative accuracy of every quantile the engine
// reports: a returned quantile q' of a true quantile q satisfies
// |q'-q| <= 0.01*|q|, for quantiles within a factor of about 6e17 of the
// largest magnitude of their sign (sketchMaxSpan); a smaller one is
// reported as that floor. Fixed, because sketches must share one bucket
// mapping to merge exactly.
const SketchAccuracy = 0.01

// sketchGamma and sketchLogGamma define the logarithmic bucket mapping of
// DDSketch (Masson, Rim and Lee, "DDSketch: a fast and fully-mergeable
// quantile sketch with relative-error guarantees", VLDB 2019):
// bucket i holds values in (gamma^(i-1), gamma^i], gamma = (1+a)/(1-a).
const (
	sketchGamma    = (1 + SketchAccuracy) / (1 - SketchAccuracy)
	sketchMinValue = 1e-300 // smaller magnitudes count as zero
)

var sketchInvLogGamma = 1 / math.Log(sketchGamma)

// Sketch is a DDSketch with integer bucket counts and dense stores: adding and
// merging are integer operations, so the result does not depend on the order
// of values or of merges. The zero value is an empty sketch.
type Sketch struct {
	pos, neg denseCounts
	zero     uint64
	n        uint64
	// min and max are exact; quantiles are clamped to them, so a metric
	// that is the same in every run reports exactly that value.
	min, max float64
}

// denseCounts holds the counts of buckets offset..offset+len-1, in 16-bit
// counters while every count fits (a bucket counts at most one value per
// run, so that is any study of up to 65,535 runs per point) and in 32-bit
// counters from the first add that would overflow. Half the memory of
// 32-bit counters for the tens of thousands of (step, metric) sketches a
// study keeps, for the same counts.
//
// A store spans at most sketchMaxSpan buckets below the highest index it
// has seen: smaller magnitudes count in the lowest bucket of that span
// (DDSketch's collapsing store). The span depends only on the largest
// value, so the counts still do not depend on the order of adds and
// merges.
type denseCounts struct {
	offset int32
	hi     int32    // the highest bucket index added
	small  []uint16 // used while wide is nil
	wide   []uint32
}

// sketchMaxSpan is the widest range of buckets a store keeps: a factor of
// gamma^2048 = e^41, about 6e17, between the largest magnitude and the
// smallest one told apart. Without it a rate that is 1 in one run and
// 1e-20 in another (numerical dust) keeps thousands of empty buckets for
// every step of the series, and more with every run that reaches further.
const sketchMaxSpan = 2048

// len is the number of buckets the store spans.
func (d *denseCounts) len() int {
	if d.wide != nil {
		return len(d.wide)
	}
	return len(d.small)
}

// at is the count of the j-th bucket of the span (bucket offset+j).
func (d *denseCounts) at(j int) uint32 {
	if d.wide != nil {
		return d.wide[j]
	}
	return uint32(d.small[j])
}

func (d *denseCounts) add(i int32, c uint32) {
	if d.len() == 0 {
		d.offset, d.hi = i-8, i // a little room on both sides to avoid early regrowth
		d.small = make([]uint16, 32)
	}
	if i > d.hi {
		d.hi = i
		if floor := i - sketchMaxSpan + 1; floor > d.offset {
			d.collapse(floor)
		}
	}
	floor := d.hi - sketchMaxSpan + 1
	i = max(i, floor)
	if i < d.offset {
		grow := min(int(d.offset-i)+d.len()/2, int(d.offset-floor))
		d.small = regrow(d.small, grow, grow+len(d.small))
		d.wide = regrow(d.wide, grow, grow+len(d.wide))
		d.offset -= int32(grow)
	} else if j := int(i - d.offset); j >= d.len() {
		d.small = regrow(d.small, 0, j+1+len(d.small)/2)
		d.wide = regrow(d.wide, 0, j+1+len(d.wide)/2)
	}
	d.inc(int(i-d.offset), c)
}

// inc adds c to the j-th bucket of the span, widening the counters when
// the count would not fit in 16 bits.
func (d *denseCounts) inc(j int, c uint32) {
	if d.wide != nil {
		d.wide[j] += c
		return
	}
	if x := uint32(d.small[j]) + c; x <= 0xffff && x >= c {
		d.small[j] = uint16(x)
		return
	}
	d.wide = make([]uint32, len(d.small))
	for k, x := range d.small {
		d.wide[k] = uint32(x)
	}
	d.small = nil
	d.wide[j] += c
}

// collapse folds the buckets below floor into bucket floor, which becomes
// the first of the store.
func (d *denseCounts) collapse(floor int32) {
	k, n := int(floor-d.offset), d.len()
	var folded uint32
	for j := range min(k, n) {
		folded += d.at(j)
	}
	rest := max(n-k, 1) // buckets floor.. that stay (at least bucket floor)
	d.small = regrow(d.small[min(k, len(d.small)):], 0, rest)
	d.wide = regrow(d.wide[min(k, len(d.wide)):], 0, rest)
	d.offset = floor
	if folded > 0 {
		d.inc(0, folded)
	}
}

// regrow returns a copy of s in a slice of length n with s starting at
// index at (nil stays nil).
func regrow[T uint16 | uint32](s []T, at, n int) []T {
	if s == nil {
		return nil
	}
	ns := make([]T, n)
	copy(ns[at:], s)
	return ns
}

// merge adds the counts of o.
func (d *denseCounts) merge(o *denseCounts) {
	for j := range o.len() {
		if c := o.at(j); c != 0 {
			d.add(o.offset+int32(j), c)
		}
	}
}

// Count is the number of values added.
func (s *Sketch) Count() uint64 { return s.n }

// Add records v. NaN is ignored by the sketch (the mean records it).
func (s *Sketch) Add(v float64) {
	if v != v {
		return
	}
	if s.n == 0 || v < s.min {
		s.min = v
	}
	if s.n == 0 || v > s.max {
		s.max = v
	}
	switch {
	case v > sketchMinValue:
		s.pos.add(bucketIndex(v), 1)
	case v < -sketchMinValue:
		s.neg.add(bucketIndex(-v), 1)
	default:
		s.zero++
	}
	s.n++
}

func bucketIndex(v float64) int32 {
	if math.IsInf(v, 0) {
		return math.MaxInt16 // far beyond any finite float64 bucket
	}
	return int32(math.Ceil(math.Log(v) * sketchInvLogGamma))
}

func bucketValue(i int32) float64 {
	if i == math.MaxInt16 {
		return math.Inf(1)
	}
	// The midpoint in relative terms of (gamma^(i-1), gamma^i].
	return 2 * math.Pow(sketchGamma, float64(i)) / (1 + sketchGamma)
}

// Merge adds the counts of o into s.
func (s *Sketch) Merge(o *Sketch) {
	s.pos.merge(&o.pos)
	s.neg.merge(&o.neg)
	if o.n > 0 {
		if s.n == 0 || o.min < s.min {
			s.min = o.min
		}
		if s.n == 0 || o.max > s.max {
			s.max = o.max
		}
	}
	s.zero += o.zero
	s.n += o.n
}

// Quantile returns the q-quantile (q in [0, 1]) within the sketch's relative
// accuracy, using the lower rank floor(q*(n-1)), clamped to the exact
// minimum and maximum; NaN for an empty sketch.
func (s *Sketch) Quantile(q float64) float64 {
	if s.n == 0 {
		return math.NaN()
	}
	return min(max(s.bucketQuantile(q), s.min), s.max)
}

func (s *Sketch) bucketQuantile(q float64) float64 {
	rank := uint64(q * float64(s.n-1))
	var seen uint64
	for j := s.neg.len() - 1; j >= 0; j-- { // most negative first
		seen += uint64(s.neg.at(j))
		if seen > rank {
			return -bucketValue(s.neg.offset + int32(j))
		}
	}
	seen += s.zero
	if seen > rank {
		return 0
	}
	for j := range s.pos.len() {
		seen += uint64(s.pos.at(j))
		if seen > rank {
			return bucketValue(s.pos.offset + int32(j))
		}
	}
	return bucketValue(s.pos.offset + int32(s.pos.len()-1))
}
