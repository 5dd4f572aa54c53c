package search

// Defaults of [Replicates].
const (
	// DefaultStart is the replicates every new candidate gets: 4 is the
	// fewest with a usable t interval for a mean (t(3) = 3.18 at 95%), and
	// the smallest count racing can improve on.
	DefaultStart = 4
	// DefaultCap is the most replicates racing gives one candidate: 4 times
	// Start, which halves the interval of a mean twice over (√16/√4 = 2).
	DefaultCap = 16
	// DefaultLevel is the two-sided confidence level of the objectives'
	// intervals, which racing compares.
	DefaultLevel = 0.95
)

// Replicates sets how many runs (replicates, each with its own seed index)
// estimate each candidate. Every candidate's replicate j runs with seed
// index j (common random numbers), so differences between candidates are
// not seed noise.
//
// Racing (NSGA-II) adds Step replicates per round to a candidate whose
// intervals cannot yet decide whether it is on the front or satisfies a
// constraint, until it has Cap. The search only uses seed indices in
// [0, Cap); the final re-evaluation of the chosen designs uses the fresh
// indices [Cap, Cap+Final), so the chosen designs' estimates are free of the
// selection bias of the search (the winner's curse).
type Replicates struct {
	Start int // ≥ 1; 0 means DefaultStart
	Step  int // ≥ 1; 0 means Start
	Cap   int // ≥ Start; 0 means max(DefaultCap, Start)
	Final int // runs of the final re-evaluation per chosen design; 0 means Cap, negative means none
}

func (r Replicates) resolve(op string) (Replicates, error) {
	if r.Start == 0 {
		r.Start = DefaultStart
	}
	if r.Step == 0 {
		r.Step = r.Start
	}
	if r.Cap == 0 {
		r.Cap = max(DefaultCap, r.Start)
	}
	if r.Final == 0 {
		r.Final = r.Cap
	}
	switch {
	case r.Start < 1:
		return r, &ParamError{Op: op, Param: "Replicates.Start", Value: r.Start, Want: "0 (default) or ≥ 1"}
	case r.Step < 1:
		return r, &ParamError{Op: op, Param: "Replicates.Step", Value: r.Step, Want: "0 (default) or ≥ 1"}
	case r.Cap < r.Start || r.Cap > 1<<20:
		return r, &ParamError{Op: op, Param: "Replicates.Cap", Value: r.Cap, Want: "in [Start, 2^20]"}
	case r.Final > 1<<20:
		return r, &ParamError{Op: op, Param: "Replicates.Final", Value: r.Final, Want: "≤ 2^20"}
	}
	if r.Final < 0 {
		r.Final = 0
	}
	return r, nil
}
