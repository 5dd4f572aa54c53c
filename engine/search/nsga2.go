package search

import (
	"math/rand/v2"
	"slices"
)

// Defaults of [NSGA2Config], from Deb, Pratap, Agarwal and Meyarivan 2002,
// "A fast and elitist multiobjective genetic algorithm: NSGA-II", IEEE
// Trans. Evol. Comput. 6(2), sec. V (the settings of every test run there).
const (
	DefaultPopulation    = 100 // N
	DefaultGenerations   = 250 // offspring generations
	DefaultCrossoverProb = 0.9 // p_c
	DefaultCrossoverEta  = 20  // η_c of SBX
	DefaultMutationEta   = 20  // η_m of polynomial mutation; p_m defaults to 1/n
)

// nsga2Stream is the second PCG word of the NSGA-II generator: the first 8
// bytes of SHA-256("search.NSGA2"). Part of the determinism contract.
const nsga2Stream = 0xa96e94b74d6a8996

// NSGA2Config sets up an [NSGA2] search. The zero value gives Deb et al.'s
// settings with the default replicates.
type NSGA2Config struct {
	Population  int // N, even, in [4, 1e5]; 0 means DefaultPopulation
	Generations int // offspring generations after the initial one, ≥ 0; 0 means DefaultGenerations
	// MaxRuns caps the search runs (final re-evaluation not counted): no
	// racing round or generation starts that would exceed it; 0 means no cap.
	MaxRuns       int
	Replicates    Replicates
	Level         float64 // two-sided confidence of the objectives' intervals, in (0, 1); 0 means DefaultLevel
	CrossoverProb float64 // probability that a pair of parents crosses, in (0, 1]; 0 means DefaultCrossoverProb
	CrossoverEta  float64 // SBX distribution index η_c > 0; 0 means DefaultCrossoverEta
	MutationProb  float64 // per-gene mutation probability in (0, 1]; 0 means 1/len(Variables)
	MutationEta   float64 // polynomial mutation index η_m > 0; 0 means DefaultMutationEta
}

func (c NSGA2Config) resolve(n int) (NSGA2Config, error) {
	const op = "NewNSGA2"
	if c.Population == 0 {
		c.Population = DefaultPopulation
	}
	if c.Generations == 0 {
		c.Generations = DefaultGenerations
	}
	if c.Level == 0 {
		c.Level = DefaultLevel
	}
	if c.CrossoverProb == 0 {
		c.CrossoverProb = DefaultCrossoverProb
	}
	if c.CrossoverEta == 0 {
		c.CrossoverEta = DefaultCrossoverEta
	}
	if c.MutationProb == 0 {
		c.MutationProb = 1 / float64(n)
	}
	if c.MutationEta == 0 {
		c.MutationEta = DefaultMutationEta
	}
	var err error
	c.Replicates, err = c.Replicates.resolve(op)
	bad := func(param string, v any, want string) { err = &ParamError{Op: op, Param: param, Value: v, Want: want} }
	switch {
	case err != nil:
	case c.Population < 4 || c.Population > 1e5 || c.Population%2 != 0:
		bad("Population", c.Population, "even, in [4, 1e5]")
	case c.Generations < 0:
		bad("Generations", c.Generations, "≥ 0")
	case c.MaxRuns < 0:
		bad("MaxRuns", c.MaxRuns, "≥ 0")
	case !(c.Level > 0 && c.Level < 1):
		bad("Level", c.Level, "in (0, 1)")
	case !(c.CrossoverProb > 0 && c.CrossoverProb <= 1):
		bad("CrossoverProb", c.CrossoverProb, "in (0, 1]")
	case !(c.CrossoverEta > 0 && c.CrossoverEta < 1e6):
		bad("CrossoverEta", c.CrossoverEta, "> 0")
	case !(c.MutationProb > 0 && c.MutationProb <= 1):
		bad("MutationProb", c.MutationProb, "in (0, 1]")
	case !(c.MutationEta > 0 && c.MutationEta < 1e6):
		bad("MutationEta", c.MutationEta, "> 0")
	}
	return c, err
}

type phase int

const (
	phaseInit  phase = iota // nothing asked yet
	phaseRace               // a batch of search runs is out
	phaseFinal              // the final re-evaluation is out
	phaseDone
)

// NSGA2 is a noise-aware NSGA-II search (Deb et al. 2002) driven by ask and
// tell: fast non-dominated sorting, crowding distance, binary tournament
// on the crowded comparison, SBX crossover and polynomial mutation, and
// constraint domination, on estimates from replicated runs with common
// random numbers and racing.
//
// A generation: the offspring of the parents get Replicates.Start runs;
// then, over parents and offspring, every candidate that is not surely
// dominated by a feasible first-front member (whose pessimistic corner,
// the interval ends on the bad side, dominates its optimistic corner) and
// whose intervals cannot yet tell whether it satisfies a constraint, or
// whether it is on the first front (off it, or on it while another
// candidate's optimistic corner dominates its pessimistic one), gets Step
// more runs, round after round, until none is undecided or each has Cap
// (racing, after Maron and Moore's Hoeffding races, 1994, with the
// intervals of [Estimate]); then the best N by rank and crowding
// (computed from the estimated means) become the parents. After the last
// generation the first front of the parents, the chosen designs, is
// re-evaluated with fresh seed indices.
//
// An NSGA2 is used by one goroutine at a time.
type NSGA2 struct {
	p      Problem
	cfg    NSGA2Config
	rng    *rand.Rand
	st     *store
	phase  phase
	gen    int
	pop    []*cand // parents
	merged []*cand // parents and offspring being raced
}

// NewNSGA2 validates p and cfg and returns a search whose every draw comes
// from a PCG seeded with seed.
func NewNSGA2(p Problem, cfg NSGA2Config, seed uint64) (*NSGA2, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	p = p.clone()
	cfg, err := cfg.resolve(len(p.Variables))
	if err != nil {
		return nil, err
	}
	return &NSGA2{
		p: p, cfg: cfg,
		rng: rand.New(rand.NewPCG(seed, nsga2Stream)),
		st:  newStore(&p, cfg.Replicates, cfg.Level),
	}, nil
}

// Config returns the configuration with every default filled in.
func (s *NSGA2) Config() NSGA2Config { return s.cfg }

// Ask returns the runs of the current batch not yet told, in order of
// candidate and replicate; when every run of the batch has been told it
// moves the search on and returns the next batch. It returns nil when the
// search is done. Asking again before telling returns the same runs, so a
// caller can tell them in any order, from any cache, in several sittings.
func (s *NSGA2) Ask() []Eval {
	for s.st.complete() && s.phase != phaseDone {
		s.advance()
	}
	return s.st.pending()
}

// Tell records the outcome vector of one run asked for (the values are
// copied). It returns a *TellError for a run not asked for or already
// told, an outcome of the wrong length, or a non-finite value.
func (s *NSGA2) Tell(candidate, replicate int, outcome []float64) error {
	return s.st.tell(candidate, replicate, outcome)
}

// Done reports whether the search and the final re-evaluation are over.
func (s *NSGA2) Done() bool { return s.phase == phaseDone }

// Result returns everything evaluated so far; after Done, with the chosen
// designs and their final estimates.
func (s *NSGA2) Result() *Result {
	r := s.st.result(s.gen)
	if s.phase == phaseDone {
		r.Best = s.st.best()
	}
	return r
}

func (s *NSGA2) advance() {
	st := s.st
	st.newBatch()
	switch s.phase {
	case phaseInit:
		g := make([]float64, len(s.p.Variables))
		for range s.cfg.Population {
			for k, v := range s.p.Variables {
				lo, hi := v.geneBounds()
				if v.Kind == Continuous {
					g[k] = lo + (hi-lo)*s.rng.Float64()
				} else {
					g[k] = lo + float64(s.rng.IntN(int(hi-lo)+1))
				}
			}
			s.merged = s.addUnique(s.merged, st.candidate(g, 0))
		}
		s.requestStart()
		s.phase = phaseRace
	case phaseRace:
		for _, c := range s.merged {
			st.refresh(c)
		}
		fronts := sortFronts(s.merged)
		if s.race(fronts) {
			return
		}
		s.selectParents(fronts)
		s.st.progress(s.pop)
		if s.gen >= s.cfg.Generations || (s.cfg.MaxRuns > 0 && st.runs+s.cfg.Population*s.cfg.Replicates.Start > s.cfg.MaxRuns) {
			s.requestFinal()
			return
		}
		s.gen++
		s.merged = slices.Clone(s.pop)
		s.offspring()
		s.requestStart()
	case phaseFinal:
		st.finishFinal()
		s.phase = phaseDone
	}
}

func (s *NSGA2) addUnique(cs []*cand, c *cand) []*cand {
	if slices.Contains(cs, c) {
		return cs
	}
	return append(cs, c)
}

func (s *NSGA2) requestStart() {
	for _, c := range s.merged {
		s.st.request(c, s.cfg.Replicates.Start)
	}
}

// race asks for more runs of the undecided candidates and reports whether
// it did.
func (s *NSGA2) race(fronts [][]*cand) bool {
	rep := s.cfg.Replicates
	var more []*cand
	for _, c := range s.merged {
		if len(c.out) < rep.Cap && s.undecided(c, fronts[0]) {
			more = append(more, c)
		}
	}
	cost := 0
	for _, c := range more {
		cost += min(len(c.out)+rep.Step, rep.Cap) - len(c.out)
	}
	if len(more) == 0 || (s.cfg.MaxRuns > 0 && s.st.runs+cost > s.cfg.MaxRuns) {
		return false
	}
	for _, c := range more {
		s.st.request(c, min(len(c.out)+rep.Step, rep.Cap))
	}
	return true
}

// undecided reports whether more runs of c could change the search: c may
// be feasible, is not surely dominated by a feasible member of the first
// front (whose pessimistic corner dominates c's optimistic one), and
// either its feasibility is undecided, or it is off the first front, or it
// is on it but another possibly feasible candidate's optimistic corner
// dominates c's pessimistic one.
func (s *NSGA2) undecided(c *cand, front []*cand) bool {
	if c.violation > 0 && !c.undecided { // surely infeasible
		return false
	}
	for _, d := range front {
		if d != c && d.violation == 0 && dominates(d.fhi, c.flo) {
			return false
		}
	}
	if c.undecided || c.rank > 0 {
		return true
	}
	for _, d := range s.merged {
		if d != c && (d.violation == 0 || d.undecided) && dominates(d.flo, c.fhi) {
			return true
		}
	}
	return false
}

// selectParents keeps the best Population candidates of s.merged by rank,
// then crowding distance (Deb et al. 2002, sec. III-C), and leaves rank and
// crowding set on every candidate for the tournament.
func (s *NSGA2) selectParents(fronts [][]*cand) {
	s.pop = s.pop[:0]
	for _, f := range fronts {
		crowding(f)
		if room := s.cfg.Population - len(s.pop); room < len(f) {
			if room > 0 {
				g := slices.Clone(f)
				slices.SortStableFunc(g, func(a, b *cand) int {
					switch {
					case a.crowd > b.crowd:
						return -1
					case a.crowd < b.crowd:
						return 1
					}
					return 0
				})
				s.pop = append(s.pop, g[:room]...)
			}
			continue
		}
		s.pop = append(s.pop, f...)
	}
}

// tournament is binary tournament selection on the crowded comparison.
func (s *NSGA2) tournament() *cand {
	a := s.pop[s.rng.IntN(len(s.pop))]
	b := s.pop[s.rng.IntN(len(s.pop))]
	if crowdedBetter(b, a) {
		return b
	}
	return a
}

// offspring adds Population children of the parents to s.merged.
func (s *NSGA2) offspring() {
	n := len(s.p.Variables)
	c1, c2 := make([]float64, n), make([]float64, n)
	for i := 0; i < s.cfg.Population; i += 2 {
		p1, p2 := s.tournament(), s.tournament()
		if s.rng.Float64() <= s.cfg.CrossoverProb {
			sbx(s.rng, s.cfg.CrossoverEta, s.p.Variables, p1.gene, p2.gene, c1, c2)
		} else {
			copy(c1, p1.gene)
			copy(c2, p2.gene)
		}
		for _, c := range [][]float64{c1, c2} {
			mutate(s.rng, s.cfg.MutationProb, s.cfg.MutationEta, s.p.Variables, c)
			for k, v := range s.p.Variables {
				c[k] = v.snap(c[k])
			}
			s.merged = s.addUnique(s.merged, s.st.candidate(c, s.gen))
		}
	}
}

// requestFinal chooses the first front of the parents and asks for their
// re-evaluation with fresh seed indices.
func (s *NSGA2) requestFinal() {
	front := sortFronts(slices.Clone(s.pop))[0]
	slices.SortFunc(front, func(a, b *cand) int { return a.id - b.id })
	for _, c := range front {
		s.st.requestFinal(c)
	}
	s.phase = phaseFinal
}

// Generation returns the generations started after the initial one.
func (s *NSGA2) Generation() int { return s.gen }
