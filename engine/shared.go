package engine

import "sync"

// sharedBands lets every worker fold its runs into one set of bands. The
// kept steps are cut into stripes, each behind its own lock, and each
// worker starts at a different stripe, so workers rarely wait for one
// another. One set instead of one per worker halves the memory of a
// study's largest structure (the sketches), and nothing is merged at the
// end. Bands add integer counts and sums, so the order in which workers
// add does not change a byte.
type sharedBands struct {
	b       *Bands
	pointMu sync.Mutex // guards b.points
	stripes []sync.Mutex
	per     int // kept steps per stripe
}

func newSharedBands(b *Bands, workers int) *sharedBands {
	kept := b.KeptSteps()
	n := min(max(4*workers, 1), max(kept, 1))
	return &sharedBands{b: b, stripes: make([]sync.Mutex, n), per: (kept + n - 1) / n}
}

// add folds runs' series (all of point p) into the bands; worker picks
// the first stripe.
func (s *sharedBands) add(worker, p int, runs [][]float64) {
	s.pointMu.Lock()
	pb := s.b.point(p)
	s.pointMu.Unlock()
	n := len(s.stripes)
	for j := range n {
		st := (worker + j) % n
		k0 := st * s.per
		k1 := min(k0+s.per, s.b.KeptSteps())
		if k0 >= k1 {
			continue
		}
		s.stripes[st].Lock()
		s.b.addSteps(pb, runs, k0, k1)
		s.stripes[st].Unlock()
	}
}
