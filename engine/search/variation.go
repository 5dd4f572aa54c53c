package search

import (
	"math"
	"math/rand/v2"
)

// sbx is simulated binary crossover (Deb and Agrawal 1995) in its bounded
// form from Deb's NSGA-II reference code (nsga2-v1.1, crossover.c,
// realcross): each gene crosses with probability 1/2, and the spread factor
// is drawn from a polynomial density truncated so both children stay in
// [lo, hi]. eta is the distribution index (larger: children nearer the
// parents). Children overwrite c1 and c2.
func sbx(rng *rand.Rand, eta float64, vars []Variable, p1, p2, c1, c2 []float64) {
	copy(c1, p1)
	copy(c2, p2)
	for k, v := range vars {
		if rng.Float64() > 0.5 {
			continue
		}
		if v.Kind == Discrete { // inherit the index from either parent
			c1[k], c2[k] = p2[k], p1[k]
			continue
		}
		if math.Abs(p1[k]-p2[k]) <= 1e-14 {
			continue
		}
		lo, hi := v.geneBounds()
		y1, y2 := min(p1[k], p2[k]), max(p1[k], p2[k])
		u := rng.Float64()
		spread := func(beta float64) float64 {
			alpha := 2 - math.Pow(beta, -(eta+1))
			if u <= 1/alpha {
				return math.Pow(u*alpha, 1/(eta+1))
			}
			return math.Pow(1/(2-u*alpha), 1/(eta+1))
		}
		b1 := spread(1 + 2*(y1-lo)/(y2-y1))
		b2 := spread(1 + 2*(hi-y2)/(y2-y1))
		a := min(max(0.5*((y1+y2)-b1*(y2-y1)), lo), hi)
		b := min(max(0.5*((y1+y2)+b2*(y2-y1)), lo), hi)
		if rng.Float64() <= 0.5 {
			a, b = b, a
		}
		c1[k], c2[k] = a, b
	}
}

// mutate is polynomial mutation (Deb and Goyal 1996) in the bounded form of
// Deb's reference code (mutation.c, real_mutate_ind): each gene mutates
// with probability pm, with a perturbation whose density is polynomial of
// index eta and which stays in [lo, hi]. A Discrete gene mutates to a
// uniformly drawn other index (index mutation).
func mutate(rng *rand.Rand, pm, eta float64, vars []Variable, g []float64) {
	for k, v := range vars {
		if rng.Float64() > pm {
			continue
		}
		lo, hi := v.geneBounds()
		if hi == lo {
			continue
		}
		if v.Kind == Discrete {
			n := len(v.Values)
			i := rng.IntN(n - 1)
			if i >= int(g[k]) {
				i++
			}
			g[k] = float64(i)
			continue
		}
		y := g[k]
		d1, d2 := (y-lo)/(hi-lo), (hi-y)/(hi-lo)
		u := rng.Float64()
		pow := 1 / (eta + 1)
		var dq float64
		if u <= 0.5 {
			val := 2*u + (1-2*u)*math.Pow(1-d1, eta+1)
			dq = math.Pow(val, pow) - 1
		} else {
			val := 2*(1-u) + 2*(u-0.5)*math.Pow(1-d2, eta+1)
			dq = 1 - math.Pow(val, pow)
		}
		g[k] = min(max(y+dq*(hi-lo), lo), hi)
	}
}
