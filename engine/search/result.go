package search

import (
	"slices"
	"strconv"
)

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

// Generation is the outcome of one generation of a search.
type Generation struct {
	Runs int // search runs asked for up to the end of this generation
	// Parents are the IDs of the candidates selected at its end: NSGA-II's
	// next parent population (by rank, each front in ID order, the last
	// front admitted by decreasing crowding distance), CMA-ES's μ best
	// samples, best first.
	Parents []int
}

// Result is the state of a search: every candidate evaluated and the
// chosen designs.
type Result struct {
	// Names of the variables, objectives and constraints, in Problem order
	// (an objective or constraint without a Name is called outcome_stat,
	// e.g. "loss_q0.9").
	Variables, Objectives, Constraints []string

	Candidates []Candidate
	Chosen     []int // IDs of the chosen designs (the front, or CMA-ES's picks), increasing
	// Best is, with one objective and once the search is done, the chosen
	// design best by its final estimates (least violation, then objective);
	// otherwise −1.
	Best        int
	Generations int // generations run after the initial one
	// Progress has one entry per generation completed (index 0: the
	// initial one), for a convergence chart: the best objective of each
	// generation's parents, and the runs it took to get there.
	Progress  []Generation
	Runs      int // search runs asked for
	FinalRuns int // final re-evaluation runs asked for
}

func (st *store) result(gens int) *Result {
	r := &Result{Generations: gens, Runs: st.runs, FinalRuns: st.finals, Best: -1}
	for _, g := range st.gens {
		r.Progress = append(r.Progress, Generation{Runs: g.Runs, Parents: slices.Clone(g.Parents)})
	}
	for _, v := range st.p.Variables {
		r.Variables = append(r.Variables, v.Name)
	}
	for _, o := range st.p.Objectives {
		r.Objectives = append(r.Objectives, label(o.Name, st.p.Outcomes[o.Outcome], o.Stat))
	}
	for _, c := range st.p.Constraints {
		r.Constraints = append(r.Constraints, label(c.Name, st.p.Outcomes[c.Outcome], c.Stat))
	}
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

func label(name, outcome string, s Stat) string {
	if name != "" {
		return name
	}
	return outcome + "_" + s.String()
}

// num formats v as the shortest decimal that reads back to the same
// float64 ("+Inf" for an unbounded interval), so the tables carry every
// bit and the same Result gives the same bytes.
func num(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func estimateHeader(h []string, names []string) []string {
	for _, n := range names {
		h = append(h, n, n+"_lo", n+"_hi")
	}
	return h
}

func estimateCells(row []string, es []Estimate) []string {
	for _, e := range es {
		row = append(row, num(e.Value), num(e.Lo), num(e.Hi))
	}
	return row
}

// SearchTable returns the rows of search.csv: every candidate in ID order,
// with its variables, its search estimates and their intervals, its
// violation, whether it is feasible and whether it was chosen. A candidate
// without search runs (CMA-ES's mean design) has empty estimate cells.
func (r *Result) SearchTable() (header []string, rows [][]string) {
	header = append([]string{"candidate", "generation", "replicates"}, r.Variables...)
	header = estimateHeader(header, r.Objectives)
	header = estimateHeader(header, r.Constraints)
	header = append(header, "violation", "feasible", "chosen")
	for _, c := range r.Candidates {
		row := []string{strconv.Itoa(c.ID), strconv.Itoa(c.Generation), strconv.Itoa(c.Replicates)}
		for _, x := range c.X {
			row = append(row, num(x))
		}
		if c.Replicates == 0 {
			for range 3*(len(r.Objectives)+len(r.Constraints)) + 2 {
				row = append(row, "")
			}
		} else {
			row = estimateCells(row, c.Objectives)
			row = estimateCells(row, c.Constraints)
			row = append(row, num(c.Violation), strconv.FormatBool(c.Feasible()))
		}
		rows = append(rows, append(row, strconv.FormatBool(c.Final != nil || slices.Contains(r.Chosen, c.ID))))
	}
	return header, rows
}

// FrontTable returns the rows of front.csv: the chosen designs in ID order
// with their estimates from the fresh seed indices of the final
// re-evaluation, their violation, their rank among the chosen by those
// estimates, and whether each is Result.Best. Designs without a final
// re-evaluation (Replicates.Final < 0) are left out.
func (r *Result) FrontTable() (header []string, rows [][]string) {
	header = append([]string{"candidate"}, r.Variables...)
	header = append(header, "replicates")
	header = estimateHeader(header, r.Objectives)
	header = estimateHeader(header, r.Constraints)
	header = append(header, "violation", "rank", "best")
	for _, id := range r.Chosen {
		c := r.Candidates[id]
		if c.Final == nil {
			continue
		}
		row := []string{strconv.Itoa(c.ID)}
		for _, x := range c.X {
			row = append(row, num(x))
		}
		row = append(row, strconv.Itoa(c.Final.Replicates))
		row = estimateCells(row, c.Final.Objectives)
		row = estimateCells(row, c.Final.Constraints)
		row = append(row, num(c.Final.Violation), strconv.Itoa(c.Final.Rank), strconv.FormatBool(id == r.Best))
		rows = append(rows, row)
	}
	return header, rows
}
