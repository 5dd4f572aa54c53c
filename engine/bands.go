package engine

import (
	"fmt"
	"slices"
)

// bandQuantiles are the quantiles reported for every (point, step, metric).
var bandQuantiles = [...]float64{0.05, 0.25, 0.50, 0.75, 0.95}

// BandQuantiles returns the quantiles reported for every (point, step,
// metric), in the order of Stat.Q. It returns a copy: the table itself
// is never written.
func BandQuantiles() [len(bandQuantiles)]float64 { return bandQuantiles }

// Bands aggregates the per-step series of many runs into quantile sketches and
// exact means, per point. Partial Bands from different workers, or from
// different shards, merge exactly in any order (integer arithmetic only).
type Bands struct {
	Schema Schema
	points map[int]*pointBands
}

type pointBands struct {
	sketches []Sketch   // kept step x metric
	sums     []FixedSum // same layout
}

// NewBands returns empty bands for the schema.
func NewBands(s Schema) *Bands {
	if s.SeriesEvery <= 0 {
		s.SeriesEvery = 1
	}
	return &Bands{Schema: s, points: map[int]*pointBands{}}
}

// KeptSteps is the number of steps kept (every SeriesEvery-th, from step 0).
func (b *Bands) KeptSteps() int {
	return (b.Schema.Steps + b.Schema.SeriesEvery - 1) / b.Schema.SeriesEvery
}

// KeptStep returns the step index of the k-th kept step.
func (b *Bands) KeptStep(k int) int { return k * b.Schema.SeriesEvery }

func (b *Bands) point(p int) *pointBands {
	pb := b.points[p]
	if pb == nil {
		n := b.KeptSteps() * len(b.Schema.Series)
		pb = &pointBands{sketches: make([]Sketch, n), sums: make([]FixedSum, n)}
		b.points[p] = pb
	}
	return pb
}

// Add folds runs' series (layout as in Sim) into point p.
func (b *Bands) Add(p int, runs ...[]float64) {
	b.addSteps(b.point(p), runs, 0, b.KeptSteps())
}

// addSteps folds kept steps k0..k1-1 of several runs' series into pb, a
// sketch at a time: each sketch's memory is then fetched once for all the
// runs instead of once per run (the sketches of a study are tens of
// megabytes, so each fetch is a cache miss).
func (b *Bands) addSteps(pb *pointBands, runs [][]float64, k0, k1 int) {
	m := len(b.Schema.Series)
	for k := k0; k < k1; k++ {
		src := b.KeptStep(k) * m
		dst := k * m
		for j := range m {
			sk, sum := &pb.sketches[dst+j], &pb.sums[dst+j]
			for _, series := range runs {
				v := series[src+j]
				sk.Add(v)
				sum.Add(v)
			}
		}
	}
}

// Merge adds o into b. Both must have the same schema.
func (b *Bands) Merge(o *Bands) error {
	if b.KeptSteps() != o.KeptSteps() || len(b.Schema.Series) != len(o.Schema.Series) {
		return fmt.Errorf("engine: merging bands of different schemas")
	}
	for p, opb := range o.points {
		pb := b.point(p)
		for i := range opb.sketches {
			pb.sketches[i].Merge(&opb.sketches[i])
			pb.sums[i].Merge(opb.sums[i])
		}
	}
	return nil
}

// Points lists the points that have data, in increasing order.
func (b *Bands) Points() []int {
	ps := make([]int, 0, len(b.points))
	for p := range b.points {
		ps = append(ps, p)
	}
	slices.Sort(ps)
	return ps
}

// Stat is one row of series output.
type Stat struct {
	Mean float64
	Q    [len(bandQuantiles)]float64 // at BandQuantiles()
	N    uint64
}

// Stat returns the aggregate of point p, kept step k, metric j.
func (b *Bands) Stat(p, k, j int) Stat {
	pb := b.points[p]
	if pb == nil {
		return Stat{}
	}
	i := k*len(b.Schema.Series) + j
	sk := &pb.sketches[i]
	st := Stat{N: sk.Count()}
	if st.N > 0 {
		st.Mean = pb.sums[i].Float() / float64(st.N)
	}
	for qi, q := range bandQuantiles {
		st.Q[qi] = sk.Quantile(q)
	}
	return st
}
