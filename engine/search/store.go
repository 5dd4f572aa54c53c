package search

import (
	"encoding/binary"
	"math"
	"slices"
	"strconv"
)

// Eval is one run the search asks for: candidate Candidate (its variable
// values X) with seed index Replicate. The caller derives the run's seed
// from Replicate alone, never from the candidate, so that every candidate's
// replicate j sees the same random numbers (common random numbers).
type Eval struct {
	Candidate int       // candidate ID, the index into Result.Candidates
	Replicate int       // seed index of the run
	X         []float64 // the candidate's variable values, in Problem.Variables order (a copy per run)
}

// cand is one candidate design and everything told about it.
type cand struct {
	id, gen  int
	gene     []float64   // snapped genes (values, or indices of Discrete variables)
	x        []float64   // decoded variable values
	out      [][]float64 // outcome of search replicate j, nil until told
	final    [][]float64 // outcome of final replicate Cap+j, nil until told
	told     int         // search replicates told
	fresh    bool        // estimates are stale
	chosen   bool
	obj, con []Estimate // estimates from the search replicates
	finObj   []Estimate
	finCon   []Estimate
	finViol  float64
	finRank  int

	// In minimisation sense (maximised objectives negated) for dominance.
	f, flo, fhi []float64
	violation   float64 // Σ normalised distance of the confident bound beyond each limit; 0 = feasible
	undecided   bool    // some constraint is neither satisfied nor surely violated
	rank        int     // non-domination rank in the last sort
	crowd       float64 // crowding distance in the last sort
}

// store holds the candidates, the batch being evaluated and the estimates.
// Every state change is a function of the tells' contents and indices, not
// of their order, which makes a search a pure function of (problem,
// configuration, seed, outcomes).
type store struct {
	p      *Problem
	rep    Replicates
	cands  []*cand
	index  map[string]int // gene bits → candidate ID, so a design is evaluated once
	batch  []Eval
	told   int // outcomes of batch told
	runs   int // search runs asked for
	finals int // final runs asked for
	objC   *critical
	conC   []*critical
	col    []float64 // scratch: one outcome over the replicates
	gens   []Generation
}

// progress records the parents selected at the end of a generation.
func (st *store) progress(parents []*cand) {
	g := Generation{Runs: st.runs}
	for _, c := range parents {
		g.Parents = append(g.Parents, c.id)
	}
	st.gens = append(st.gens, g)
}

func newStore(p *Problem, rep Replicates, level float64) *store {
	st := &store{p: p, rep: rep, index: map[string]int{}, objC: newCritical(level)}
	for _, c := range p.Constraints {
		st.conC = append(st.conC, newCritical(2*c.level()-1))
	}
	return st
}

func geneKey(g []float64) string {
	b := make([]byte, 8*len(g))
	for i, v := range g {
		binary.LittleEndian.PutUint64(b[8*i:], math.Float64bits(v+0)) // +0 folds −0 into 0
	}
	return string(b)
}

// candidate returns the candidate with snapped genes g, creating it in
// generation gen if it is new.
func (st *store) candidate(g []float64, gen int) *cand {
	key := geneKey(g)
	if id, ok := st.index[key]; ok {
		return st.cands[id]
	}
	c := &cand{id: len(st.cands), gen: gen, gene: slices.Clone(g), x: make([]float64, len(g))}
	for k, v := range st.p.Variables {
		c.x[k] = v.value(g[k])
	}
	st.index[key] = c.id
	st.cands = append(st.cands, c)
	return c
}

// complete reports whether every run of the batch has been told.
func (st *store) complete() bool { return st.told == len(st.batch) }

// request adds replicates up to n of c to the batch.
func (st *store) request(c *cand, n int) {
	for j := len(c.out); j < n; j++ {
		c.out = append(c.out, nil)
		st.batch = append(st.batch, Eval{Candidate: c.id, Replicate: j, X: slices.Clone(c.x)})
		st.runs++
	}
}

// requestFinal adds the final re-evaluation of c to the batch.
func (st *store) requestFinal(c *cand) {
	c.chosen = true
	for j := range st.rep.Final {
		c.final = append(c.final, nil)
		st.batch = append(st.batch, Eval{Candidate: c.id, Replicate: st.rep.Cap + j, X: slices.Clone(c.x)})
		st.finals++
	}
}

// newBatch starts an empty batch.
func (st *store) newBatch() { st.batch, st.told = st.batch[:0:0], 0 }

// pending returns the runs of the batch not yet told, in batch order
// (candidate, then replicate).
func (st *store) pending() []Eval {
	var out []Eval
	for _, e := range st.batch {
		if st.slot(e.Candidate, e.Replicate) == nil {
			out = append(out, e)
		}
	}
	return out
}

// slot returns the outcome told for a run of the batch, nil if not told.
func (st *store) slot(id, j int) []float64 {
	c := st.cands[id]
	if j < st.rep.Cap {
		return c.out[j]
	}
	return c.final[j-st.rep.Cap]
}

func (st *store) tell(id, j int, outcome []float64) error {
	if id < 0 || id >= len(st.cands) {
		return &TellError{Candidate: id, Replicate: j, Reason: "no such candidate"}
	}
	c := st.cands[id]
	var dst *[]float64
	switch {
	case j >= 0 && j < len(c.out):
		dst = &c.out[j]
	case j >= st.rep.Cap && j < st.rep.Cap+len(c.final):
		dst = &c.final[j-st.rep.Cap]
	default:
		return &TellError{Candidate: id, Replicate: j, Reason: "not asked for"}
	}
	if *dst != nil {
		return &TellError{Candidate: id, Replicate: j, Reason: "already told"}
	}
	if len(outcome) != len(st.p.Outcomes) {
		return &TellError{Candidate: id, Replicate: j, Reason: "outcome has " + strconv.Itoa(len(outcome)) + " values, want " + strconv.Itoa(len(st.p.Outcomes))}
	}
	for k, v := range outcome {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return &TellError{Candidate: id, Replicate: j, Reason: "outcome " + st.p.Outcomes[k] + " is not finite"}
		}
	}
	*dst = slices.Clone(outcome)
	if j < st.rep.Cap {
		c.told++
		c.fresh = false
	}
	st.told++
	return nil
}

// column fills st.col with outcome k over the replicates rows.
func (st *store) column(rows [][]float64, k int) []float64 {
	st.col = st.col[:0]
	for _, r := range rows {
		if r != nil { // not told yet: a Result taken mid-batch
			st.col = append(st.col, r[k])
		}
	}
	return st.col
}

// estimates computes objective and constraint estimates over rows, the
// objectives in minimisation sense and the normalised violation.
func (st *store) estimates(rows [][]float64, obj, con []Estimate) (f, flo, fhi []float64, viol float64, undecided bool) {
	p := st.p
	f, flo, fhi = make([]float64, len(obj)), make([]float64, len(obj)), make([]float64, len(obj))
	for i, o := range p.Objectives {
		e := estimate(st.column(rows, o.Outcome), o.Stat, st.objC)
		obj[i] = e
		if o.Maximize {
			f[i], flo[i], fhi[i] = -e.Value, -e.Hi, -e.Lo
		} else {
			f[i], flo[i], fhi[i] = e.Value, e.Lo, e.Hi
		}
	}
	for i, c := range p.Constraints {
		e := estimate(st.column(rows, c.Outcome), c.Stat, st.conC[i])
		con[i] = e
		scale := math.Abs(c.Limit)
		if scale == 0 {
			scale = 1
		}
		// worst and best: the confident bound on the wrong and right side.
		worst, best := e.Hi-c.Limit, e.Lo-c.Limit
		if c.Op == AtLeast {
			worst, best = c.Limit-e.Lo, c.Limit-e.Hi
		}
		if worst > 0 {
			viol += worst / scale // +Inf when the replicates cannot bound it
			if best <= 0 {
				undecided = true
			}
		}
	}
	return f, flo, fhi, viol, undecided
}

// refresh recomputes c's search estimates if new replicates were told.
func (st *store) refresh(c *cand) {
	if c.fresh {
		return
	}
	c.fresh = true
	if c.obj == nil {
		c.obj = make([]Estimate, len(st.p.Objectives))
		c.con = make([]Estimate, len(st.p.Constraints))
	}
	c.f, c.flo, c.fhi, c.violation, c.undecided = st.estimates(c.out, c.obj, c.con)
}

// refreshFinal computes c's estimates from its final replicates.
func (st *store) refreshFinal(c *cand) (f []float64) {
	c.finObj = make([]Estimate, len(st.p.Objectives))
	c.finCon = make([]Estimate, len(st.p.Constraints))
	f, _, _, c.finViol, _ = st.estimates(c.final, c.finObj, c.finCon)
	return f
}

// best returns, for a problem with one objective, the chosen design with
// the smallest final violation, then the best final objective (search
// estimates without a final re-evaluation); −1 for several objectives.
func (st *store) best() int {
	if len(st.p.Objectives) != 1 {
		return -1
	}
	best, bv, bf := -1, 0.0, 0.0
	for _, c := range st.cands {
		if !c.chosen {
			continue
		}
		v, f := c.violation, math.Inf(1)
		if len(c.final) > 0 {
			v, f = c.finViol, c.finObj[0].Value
		} else if c.told > 0 {
			f = c.obj[0].Value
		}
		if st.p.Objectives[0].Maximize {
			f = -f
		}
		if best < 0 || v < bv || (v == bv && f < bf) {
			best, bv, bf = c.id, v, f
		}
	}
	return best
}
