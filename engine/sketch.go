package engine

import "math"

// SketchAccuracy is the relative accuracy of every quantile the engine
// reports: a returned quantile q' of a true quantile q satisfies
// |q'-q| <= 0.01*|q|. Fixed, because sketches must share one bucket mapping to
// merge exactly.
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
type denseCounts struct {
	offset int32
	small  []uint16 // used while wide is nil
	wide   []uint32
}

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

func (d *denseCounts) clear() {
	clear(d.small)
	clear(d.wide)
}

func (d *denseCounts) add(i int32, c uint32) {
	if d.len() == 0 {
		d.offset = i - 8 // a little room on both sides to avoid early regrowth
		d.small = make([]uint16, 32)
	}
	if i < d.offset {
		grow := int(d.offset-i) + d.len()/2
		d.small = regrow(d.small, grow, grow+len(d.small))
		d.wide = regrow(d.wide, grow, grow+len(d.wide))
		d.offset -= int32(grow)
	} else if j := int(i - d.offset); j >= d.len() {
		d.small = regrow(d.small, 0, j+1+len(d.small)/2)
		d.wide = regrow(d.wide, 0, j+1+len(d.wide)/2)
	}
	j := i - d.offset
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

// Reset empties the sketch, keeping its memory.
func (s *Sketch) Reset() {
	s.pos.clear()
	s.neg.clear()
	s.zero, s.n, s.min, s.max = 0, 0, 0, 0
}

// Count is the number of values added.
func (s *Sketch) Count() uint64 { return s.n }

// Add records v. NaN is ignored by the sketch (the mean records it).
func (s *Sketch) Add(v float64) {
	switch {
	case v != v:
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
