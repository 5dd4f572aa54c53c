package search

import (
	"math"
	"slices"
)

// dominates reports Pareto dominance for minimisation: a is no worse than
// b in every objective and better in one.
func dominates(a, b []float64) bool {
	better := false
	for k := range a {
		if a[k] > b[k] {
			return false
		}
		if a[k] < b[k] {
			better = true
		}
	}
	return better
}

// constrainedDominates is Deb's constraint domination (Deb et al. 2002,
// sec. VI-A): a feasible candidate beats an infeasible one, of two
// infeasible ones the smaller violation wins, and two feasible ones compare
// by Pareto dominance of their estimated objectives. Feasible means the
// confident bound of every constraint is on the right side of its limit, so
// an undecided candidate counts as infeasible until racing decides it.
func constrainedDominates(a, b *cand) bool {
	switch {
	case a.violation == 0 && b.violation > 0:
		return true
	case a.violation > 0 && b.violation > 0:
		return a.violation < b.violation
	case a.violation > 0:
		return false
	}
	return dominates(a.f, b.f)
}

// sortFronts is the fast non-dominated sort of Deb et al. 2002 (sec. III-A,
// O(M·N²)): it sets each candidate's rank and returns the fronts, each in
// the order of cs.
func sortFronts(cs []*cand) [][]*cand {
	n := len(cs)
	dominated := make([][]int, n) // S_p: indices p dominates
	count := make([]int, n)       // n_p: how many dominate p
	var fronts [][]*cand
	var cur []int
	for p := range n {
		for q := p + 1; q < n; q++ {
			switch {
			case constrainedDominates(cs[p], cs[q]):
				dominated[p] = append(dominated[p], q)
				count[q]++
			case constrainedDominates(cs[q], cs[p]):
				dominated[q] = append(dominated[q], p)
				count[p]++
			}
		}
	}
	for p := range n {
		if count[p] == 0 {
			cur = append(cur, p)
		}
	}
	for r := 0; len(cur) > 0; r++ {
		slices.Sort(cur)
		front := make([]*cand, len(cur))
		var next []int
		for i, p := range cur {
			cs[p].rank = r
			front[i] = cs[p]
			for _, q := range dominated[p] {
				if count[q]--; count[q] == 0 {
					next = append(next, q)
				}
			}
		}
		fronts = append(fronts, front)
		cur = next
	}
	return fronts
}

// crowding sets the crowding distance of each candidate of one front (Deb
// et al. 2002, sec. III-B): the sum over objectives of the normalised gap
// between its two neighbours, infinite at the extremes. Ties in an
// objective keep the front's order (a stable sort), so the distances
// depend on the front's order only through ties.
func crowding(front []*cand) {
	for _, c := range front {
		c.crowd = 0
	}
	if len(front) == 0 {
		return
	}
	s := slices.Clone(front)
	for k := range front[0].f {
		slices.SortStableFunc(s, func(a, b *cand) int {
			switch {
			case a.f[k] < b.f[k]:
				return -1
			case a.f[k] > b.f[k]:
				return 1
			}
			return 0
		})
		lo, hi := s[0].f[k], s[len(s)-1].f[k]
		s[0].crowd, s[len(s)-1].crowd = math.Inf(1), math.Inf(1)
		if hi == lo {
			continue
		}
		for i := 1; i < len(s)-1; i++ {
			s[i].crowd += (s[i+1].f[k] - s[i-1].f[k]) / (hi - lo)
		}
	}
}

// crowdedBetter is the crowded-comparison operator ≺n (Deb et al. 2002,
// sec. III-B): lower rank, then larger crowding distance.
func crowdedBetter(a, b *cand) bool {
	return a.rank < b.rank || (a.rank == b.rank && a.crowd > b.crowd)
}
