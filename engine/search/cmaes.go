package search

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// Defaults of [CMAESConfig].
const (
	// DefaultSigma0 is the initial step size in the unit cube the variables
	// are scaled to: Hansen 2016 (sec. B, "initial values") suggests a
	// quarter to a third of the search interval, so the optimum lies within
	// m ± 3σ.
	DefaultSigma0 = 0.3
	// DefaultCMAGenerations is the generations run when Generations is 0.
	DefaultCMAGenerations = 200
)

// cmaesStream is the second PCG word of the CMA-ES generator: the first 8
// bytes of SHA-256("search.CMAES"). Part of the determinism contract.
const cmaesStream = 0x2ec31a4f1f6b03f9

// CMAESConfig sets up a [CMAES] search. The zero value is valid.
type CMAESConfig struct {
	// Lambda is the population size λ ≥ 2; 0 means 4 + ⌊3 ln n⌋ (Hansen
	// 2016, Table 1). The parents are the best μ = ⌊λ/2⌋.
	Lambda int
	// Sigma0 is the initial step size in the unit cube, in (0, 1]; 0 means
	// DefaultSigma0.
	Sigma0 float64
	// X0 is the initial mean, as variable values (nil: the centre of the
	// bounds).
	X0          []float64
	Generations int // ≥ 0; 0 means DefaultCMAGenerations
	MaxRuns     int // cap on search runs, as NSGA2Config.MaxRuns; 0 means none
	// Replicates: each candidate gets Start runs (CMA-ES ranks, and its
	// weighted recombination averages noise over μ parents, so it does not
	// race); the final re-evaluation uses Final runs at seed indices from
	// Cap on.
	Replicates Replicates
	Level      float64 // two-sided confidence of the objective's interval; 0 means DefaultLevel
}

// CMAES is the (μ/μ_w, λ)-CMA-ES of Hansen's tutorial ("The CMA Evolution
// Strategy: A Tutorial", arXiv:1604.00772, 2016; Table 1 and Fig. 6 give
// every constant used here, with positive recombination weights) for a
// problem with one objective, driven by ask and tell.
//
// It searches the unit cube the variables' bounds are scaled to, so σ is
// comparable across variables. Bounds are handled by repair: a sample
// outside the cube is evaluated at its projection onto the cube (then
// rounded for Integer and Discrete variables), and ranks after every
// sample inside, by its squared distance to the cube: the ranking then
// pushes the distribution back inside without touching the objective
// values. Constraints rank by Deb's feasibility rule (violation first, then
// the objective; Deb 2000), which needs only the ranks CMA-ES uses.
//
// Noise is handled by Replicates.Start runs per candidate with common random
// numbers. At the end the design at the distribution's mean (which
// averages the noise, Hansen's recommended return value for noisy
// problems) and the best sample of the last generation are chosen and
// re-evaluated with fresh seed indices; Result.Best is the better of the
// two by those fresh estimates.
//
// A CMAES is used by one goroutine at a time.
type CMAES struct {
	p     Problem
	cfg   CMAESConfig
	rng   *rand.Rand
	st    *store
	phase phase
	gen   int

	n, lambda, mu                    int
	w                                []float64
	mueff, cs, ds, cc, c1, cmu, chiN float64
	sigma                            float64
	m, ps, pc, d                     []float64
	c, b                             *mat.Dense // covariance and its eigenvectors
	ys                               [][]float64
	excess                           []float64
	samples                          []*cand
}

// NewCMAES validates p (exactly one objective) and cfg and returns a search
// whose every draw comes from a PCG seeded with seed.
func NewCMAES(p Problem, cfg CMAESConfig, seed uint64) (*CMAES, error) {
	const op = "NewCMAES"
	if err := p.Validate(); err != nil {
		return nil, err
	}
	p = p.clone()
	n := len(p.Variables)
	if len(p.Objectives) != 1 {
		return nil, &ParamError{Op: op, Param: "len(Objectives)", Value: len(p.Objectives), Want: "1 (use NSGA2 for several)"}
	}
	if cfg.Lambda == 0 {
		cfg.Lambda = 4 + int(3*math.Log(float64(n)))
	}
	if cfg.Sigma0 == 0 {
		cfg.Sigma0 = DefaultSigma0
	}
	if cfg.Generations == 0 {
		cfg.Generations = DefaultCMAGenerations
	}
	if cfg.Level == 0 {
		cfg.Level = DefaultLevel
	}
	var err error
	if cfg.Replicates, err = cfg.Replicates.resolve(op); err != nil {
		return nil, err
	}
	switch {
	case cfg.Lambda < 2 || cfg.Lambda > 1e5:
		return nil, &ParamError{Op: op, Param: "Lambda", Value: cfg.Lambda, Want: "in [2, 1e5]"}
	case !(cfg.Sigma0 > 0 && cfg.Sigma0 <= 1):
		return nil, &ParamError{Op: op, Param: "Sigma0", Value: cfg.Sigma0, Want: "in (0, 1]"}
	case cfg.Generations < 0:
		return nil, &ParamError{Op: op, Param: "Generations", Value: cfg.Generations, Want: "≥ 0"}
	case cfg.MaxRuns < 0:
		return nil, &ParamError{Op: op, Param: "MaxRuns", Value: cfg.MaxRuns, Want: "≥ 0"}
	case !(cfg.Level > 0 && cfg.Level < 1):
		return nil, &ParamError{Op: op, Param: "Level", Value: cfg.Level, Want: "in (0, 1)"}
	case cfg.X0 != nil && len(cfg.X0) != n:
		return nil, &ParamError{Op: op, Param: "len(X0)", Value: len(cfg.X0), Want: "len(Variables)"}
	}
	s := &CMAES{
		p: p, cfg: cfg,
		rng: rand.New(rand.NewPCG(seed, cmaesStream)),
		n:   n, lambda: cfg.Lambda, mu: cfg.Lambda / 2, sigma: cfg.Sigma0,
		m: make([]float64, n), ps: make([]float64, n), pc: make([]float64, n), d: make([]float64, n),
	}
	s.st = newStore(&s.p, cfg.Replicates, cfg.Level)
	for k, v := range p.Variables {
		s.m[k] = 0.5
		if cfg.X0 != nil {
			lo, hi := v.geneBounds()
			x := cfg.X0[k]
			if v.Kind == Discrete {
				x = float64(slices.Index(v.Values, x))
				if x < 0 {
					return nil, &ParamError{Op: op, Param: "X0[" + p.Variables[k].Name + "]", Value: cfg.X0[k], Want: "one of Values"}
				}
			}
			if !(x >= lo && x <= hi) {
				return nil, &ParamError{Op: op, Param: "X0[" + p.Variables[k].Name + "]", Value: cfg.X0[k], Want: "within the bounds"}
			}
			if hi > lo {
				s.m[k] = (x - lo) / (hi - lo)
			}
		}
	}
	// Strategy parameters: Hansen 2016, Table 1 (positive weights only).
	nn := float64(n)
	var sum, sum2 float64
	for i := range s.mu {
		wi := math.Log(float64(s.lambda+1)/2) - math.Log(float64(i+1))
		s.w = append(s.w, wi)
		sum += wi
	}
	for i := range s.w {
		s.w[i] /= sum
		sum2 += s.w[i] * s.w[i]
	}
	s.mueff = 1 / sum2
	s.cs = (s.mueff + 2) / (nn + s.mueff + 5)
	s.ds = 1 + 2*max(0, math.Sqrt((s.mueff-1)/(nn+1))-1) + s.cs
	s.cc = (4 + s.mueff/nn) / (nn + 4 + 2*s.mueff/nn)
	s.c1 = 2 / ((nn+1.3)*(nn+1.3) + s.mueff)
	s.cmu = min(1-s.c1, 2*(s.mueff-2+1/s.mueff)/((nn+2)*(nn+2)+s.mueff))
	s.chiN = math.Sqrt(nn) * (1 - 1/(4*nn) + 1/(21*nn*nn))
	s.c = mat.NewDense(n, n, nil)
	s.b = mat.NewDense(n, n, nil)
	for k := range n {
		s.c.Set(k, k, 1)
		s.b.Set(k, k, 1)
		s.d[k] = 1
	}
	return s, nil
}

// Config returns the configuration with every default filled in.
func (s *CMAES) Config() CMAESConfig { return s.cfg }

// Sigma returns the current step size, in the unit cube.
func (s *CMAES) Sigma() float64 { return s.sigma }

// Ask is as [NSGA2.Ask].
func (s *CMAES) Ask() []Eval {
	for s.st.complete() && s.phase != phaseDone {
		s.advance()
	}
	return s.st.pending()
}

// Tell is as [NSGA2.Tell].
func (s *CMAES) Tell(candidate, replicate int, outcome []float64) error {
	return s.st.tell(candidate, replicate, outcome)
}

// Done reports whether the search and the final re-evaluation are over.
func (s *CMAES) Done() bool { return s.phase == phaseDone }

// Result returns everything evaluated so far; after Done, with the chosen
// designs, their final estimates and the best of them.
func (s *CMAES) Result() *Result {
	r := s.st.result(s.gen)
	if s.phase == phaseDone {
		r.Best = s.st.best()
	}
	return r
}

// decode maps a point of the unit cube to the candidate it evaluates,
// returning the squared distance the repair moved it.
func (s *CMAES) decode(u []float64, gen int) (*cand, float64) {
	g := make([]float64, s.n)
	var ex float64
	for k, v := range s.p.Variables {
		uc := min(max(u[k], 0), 1)
		ex += (u[k] - uc) * (u[k] - uc)
		lo, hi := v.geneBounds()
		g[k] = v.snap(lo + uc*(hi-lo))
	}
	return s.st.candidate(g, gen), ex
}

func (s *CMAES) advance() {
	st := s.st
	st.newBatch()
	switch s.phase {
	case phaseInit:
		s.sample()
		s.phase = phaseRace
	case phaseRace:
		s.update()
		stuck := s.sigma*slices.Max(s.d) < 1e-12
		if s.gen >= s.cfg.Generations || stuck || (s.cfg.MaxRuns > 0 && st.runs+s.lambda*s.cfg.Replicates.Start > s.cfg.MaxRuns) {
			s.requestFinal()
			return
		}
		s.gen++
		s.sample()
	case phaseFinal:
		st.finishFinal()
		s.phase = phaseDone
	}
}

// sample draws λ points m + σ·B·D·z and asks for their candidates' runs.
func (s *CMAES) sample() {
	s.ys, s.excess, s.samples = s.ys[:0], s.excess[:0], s.samples[:0]
	z, u := make([]float64, s.n), make([]float64, s.n)
	for range s.lambda {
		for k := range z {
			z[k] = s.rng.NormFloat64() * s.d[k]
		}
		y := make([]float64, s.n)
		for i := range s.n {
			var v float64
			for k := range s.n {
				v += s.b.At(i, k) * z[k]
			}
			y[i] = v
			u[i] = s.m[i] + s.sigma*v
		}
		c, ex := s.decode(u, s.gen)
		s.ys, s.excess, s.samples = append(s.ys, y), append(s.excess, ex), append(s.samples, c)
		st := s.st
		st.request(c, s.cfg.Replicates.Start)
	}
}

// order returns the sample indices best first: inside the cube first, then
// feasible, then by the objective (minimisation sense), then by index.
func (s *CMAES) order() []int {
	idx := make([]int, s.lambda)
	for i := range idx {
		idx[i] = i
		s.st.refresh(s.samples[i])
	}
	slices.SortStableFunc(idx, func(i, j int) int {
		a, b := s.samples[i], s.samples[j]
		return cmp.Or(cmp.Compare(s.excess[i], s.excess[j]), cmp.Compare(a.violation, b.violation), cmp.Compare(a.f[0], b.f[0]))
	})
	return idx
}

// update is one generation's update of the mean, the evolution paths, the
// covariance matrix and the step size (Hansen 2016, eqs. 39–47 with c_m = 1).
func (s *CMAES) update() {
	n := s.n
	idx := s.order()
	parents := make([]*cand, s.mu)
	for i := range parents {
		parents[i] = s.samples[idx[i]]
	}
	s.st.progress(parents)
	yw := make([]float64, n)
	for i, wi := range s.w {
		for k, v := range s.ys[idx[i]] {
			yw[k] += wi * v
		}
	}
	for k := range n {
		s.m[k] += s.sigma * yw[k]
	}
	// C^(−1/2)·yw = B·D⁻¹·Bᵀ·yw
	t := make([]float64, n)
	for k := range n {
		var v float64
		for i := range n {
			v += s.b.At(i, k) * yw[i]
		}
		t[k] = v / s.d[k]
	}
	csn := math.Sqrt(s.cs * (2 - s.cs) * s.mueff)
	var psn float64
	for i := range n {
		var v float64
		for k := range n {
			v += s.b.At(i, k) * t[k]
		}
		s.ps[i] = (1-s.cs)*s.ps[i] + csn*v
		psn += s.ps[i] * s.ps[i]
	}
	psn = math.Sqrt(psn)
	hsig := 0.0
	if psn/math.Sqrt(1-math.Pow(1-s.cs, float64(2*(s.gen+1)))) < (1.4+2/float64(n+1))*s.chiN {
		hsig = 1
	}
	ccn := math.Sqrt(s.cc * (2 - s.cc) * s.mueff)
	for k := range n {
		s.pc[k] = (1-s.cc)*s.pc[k] + hsig*ccn*yw[k]
	}
	keep := 1 - s.c1 - s.cmu + (1-hsig)*s.c1*s.cc*(2-s.cc)
	for i := range n {
		for j := 0; j <= i; j++ {
			v := keep*s.c.At(i, j) + s.c1*s.pc[i]*s.pc[j]
			for r, wi := range s.w {
				y := s.ys[idx[r]]
				v += s.cmu * wi * y[i] * y[j]
			}
			s.c.Set(i, j, v)
			s.c.Set(j, i, v)
		}
	}
	s.sigma *= math.Exp(s.cs / s.ds * (psn/s.chiN - 1))
	s.sigma = min(s.sigma, 1e3) // a diverging step size would only sample the cube's corners
	s.eigen()
}

// eigen refreshes B and D from C.
func (s *CMAES) eigen() {
	sym := mat.NewSymDense(s.n, nil)
	for i := range s.n {
		for j := i; j < s.n; j++ {
			sym.SetSym(i, j, s.c.At(i, j))
		}
	}
	var e mat.EigenSym
	if !e.Factorize(sym, true) {
		return // keep the last decomposition
	}
	vals := e.Values(nil)
	e.VectorsTo(s.b)
	for k, v := range vals {
		s.d[k] = math.Sqrt(max(v, 1e-300))
	}
}

// requestFinal chooses the design at the mean and the best sample of the
// last generation and asks for their fresh re-evaluation.
func (s *CMAES) requestFinal() {
	mc, _ := s.decode(s.m, s.gen)
	best := s.samples[s.order()[0]]
	for _, c := range []*cand{mc, best} {
		if !c.chosen {
			s.st.requestFinal(c)
			c.chosen = true
		}
	}
	s.phase = phaseFinal
}

// Generation returns the generations sampled after the first.
func (s *CMAES) Generation() int { return s.gen }
