package engine

// heldRuns are a worker's finished runs whose series wait to be folded
// into the bands together, up to seriesBatch runs of one point
// (Bands.addSteps says why), with their results. A result is sent only
// once its series is in the bands, so a checkpoint taken when nothing is
// in flight holds exactly the delivered runs.
type heldRuns struct {
	bands   *sharedBands // nil: no series kept, results go at once
	worker  int
	out     chan<- unitResult
	bufs    [][]float64
	n       int // buffers holding a run's series
	point   int // their point
	results []unitResult
}

// seriesBatch is the number of runs whose series a worker folds into the
// bands at once: enough to fetch each sketch once for several runs, few
// enough that the buffers (a run's series each) stay small.
const seriesBatch = 8

func newHeldRuns(p Plan, worker int, bands *sharedBands, out chan<- unitResult) *heldRuns {
	batch := 1 // without bands the buffer is only scratch
	if bands != nil {
		batch = seriesBatch
	}
	h := &heldRuns{bands: bands, worker: worker, out: out, bufs: make([][]float64, batch)}
	for i := range h.bufs {
		h.bufs[i] = make([]float64, p.Schema.Steps*len(p.Schema.Series))
	}
	return h
}

// nextJob waits for the next unit, delivering what is held first when
// none is waiting.
func (h *heldRuns) nextJob(jobs <-chan int) (int, bool) {
	select {
	case g, ok := <-jobs:
		return g, ok
	default:
		h.deliver()
		g, ok := <-jobs
		return g, ok
	}
}

// buffer returns the series buffer for the next run, of point p.
func (h *heldRuns) buffer(p int) []float64 {
	if h.n > 0 && p != h.point {
		h.deliver() // a batch holds one point
	}
	return h.bufs[h.n]
}

// hold keeps r, and its series when r succeeded, delivering when the
// batch is full.
func (h *heldRuns) hold(r unitResult) {
	if r.err == nil && h.bands != nil {
		h.n, h.point = h.n+1, r.unit.Point
	}
	h.results = append(h.results, r)
	if h.n == len(h.bufs) || h.bands == nil {
		h.deliver()
	}
}

// deliver folds the held series into the bands, then sends the results.
func (h *heldRuns) deliver() {
	if h.n > 0 {
		h.bands.add(h.worker, h.point, h.bufs[:h.n])
		h.n = 0
	}
	for _, r := range h.results {
		h.out <- r
	}
	h.results = h.results[:0]
}
