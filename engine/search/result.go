package search

import "slices"

// Candidate is one evaluated design, a row of search.csv.
type Candidate struct {
	ID         int       // index in Result.Candidates, in order of creation
	Generation int       // generation that created it (0: the initial one)
	X          []float64 // variable values, in Problem.Variables order
	Replicates int       // search runs told (seed indices 0 … Replicates−1)
	// Objectives and Constraints are estimated from the search runs, in
	// Problem order (see [Estimate] for the intervals).
	Objectives, Constraints []Estimate
	// Violation is the sum over constraints of the distance of the
	// confident bound beyond the limit, divided by |Limit| (or 1 for a zero
	// limit); 0 means the candidate satisfies every constraint at its
	// confidence level.
	Violation float64
	Final     *Final // the fresh re-evaluation, nil unless chosen
}

// Feasible reports whether the search estimates satisfy every constraint.
func (c *Candidate) Feasible() bool { return c.Violation == 0 }

// Final is a chosen design's re-evaluation with fresh seed indices
// [Cap, Cap+Replicates), a row of front.csv.
type Final struct {
	Replicates              int
	Objectives, Constraints []Estimate
	Violation               float64 // as Candidate.Violation, from the final runs
	// Rank is the non-domination rank among the chosen designs by the final
	// estimates (constraint domination, 0 = not dominated): a design the
	// search put on the front that fresh seeds show to be dominated has
	// Rank > 0.
	Rank int
}

// Result is the state of a search: every candidate evaluated and the
// chosen designs.
type Result struct {
	Candidates  []Candidate
	Chosen      []int // IDs of the chosen designs (the front, or CMA-ES's picks), increasing
	Best        int   // CMA-ES: the chosen design best by its final estimates; NSGA-II: −1
	Generations int   // generations run after the initial one
	Runs        int   // search runs asked for
	FinalRuns   int   // final re-evaluation runs asked for
}

func (st *store) result(gens int) *Result {
	r := &Result{Generations: gens, Runs: st.runs, FinalRuns: st.finals, Best: -1}
	for _, c := range st.cands {
		if c.told > 0 {
			st.refresh(c)
		}
		row := Candidate{
			ID: c.id, Generation: c.gen, X: slices.Clone(c.x), Replicates: c.told,
			Objectives: slices.Clone(c.obj), Constraints: slices.Clone(c.con), Violation: c.violation,
		}
		if c.chosen {
			r.Chosen = append(r.Chosen, c.id)
			if c.finObj != nil {
				row.Final = &Final{
					Replicates: len(c.final), Objectives: slices.Clone(c.finObj),
					Constraints: slices.Clone(c.finCon), Violation: c.finViol, Rank: c.finRank,
				}
			}
		}
		r.Candidates = append(r.Candidates, row)
	}
	return r
}

// finishFinal computes the chosen designs' final estimates and their ranks
// among themselves.
func (st *store) finishFinal() {
	var tmp []*cand
	var chosen []*cand
	for _, c := range st.cands {
		if c.chosen && len(c.final) > 0 {
			f := st.refreshFinal(c)
			tmp = append(tmp, &cand{f: f, violation: c.finViol})
			chosen = append(chosen, c)
		}
	}
	sortFronts(tmp)
	for i, c := range chosen {
		c.finRank = tmp[i].rank
	}
}

// clone returns a deep copy, so the caller may reuse its slices.
func (p Problem) clone() Problem {
	q := Problem{
		Variables:   slices.Clone(p.Variables),
		Outcomes:    slices.Clone(p.Outcomes),
		Objectives:  slices.Clone(p.Objectives),
		Constraints: slices.Clone(p.Constraints),
	}
	for i := range q.Variables {
		q.Variables[i].Values = slices.Clone(q.Variables[i].Values)
	}
	return q
}
