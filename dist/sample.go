package dist

import (
	"math"
	"math/rand/v2"
)

// Sampler draws from a validated Dist without allocating. The zero Sampler
// always returns 0. Get one from Dist.Sampler.
type Sampler struct {
	d Dist
}

// Sampler validates d and returns a sampler for it.
func (d Dist) Sampler() (Sampler, error) {
	if err := d.Validate(); err != nil {
		return Sampler{}, err
	}
	return Sampler{d}, nil
}

// Dist returns the distribution s samples from.
func (s Sampler) Dist() Dist { return s.d }

// Mean returns the expected value of the distribution.
func (s Sampler) Mean() float64 { return s.d.Mean() }

// Rand draws one value using r (closed forms and Marsaglia–Tsang for
// gamma/beta; no global source is ever used).
func (s Sampler) Rand(r *rand.Rand) float64 {
	p := s.d.Params
	switch s.d.Kind {
	case KindUniform:
		return p[0] + (p[1]-p[0])*r.Float64()
	case KindNormal:
		return p[0] + p[1]*r.NormFloat64()
	case KindLogNormal:
		return math.Exp(p[0] + p[1]*r.NormFloat64())
	case KindBeta:
		x := gammaRand(r, p[0])
		y := gammaRand(r, p[1])
		if x+y == 0 { // both underflowed (tiny shapes): limit is Bernoulli(a/(a+b))
			if r.Float64()*(p[0]+p[1]) < p[0] {
				return 1
			}
			return 0
		}
		return x / (x + y)
	case KindGamma:
		return p[1] * gammaRand(r, p[0])
	case KindTriangular:
		lo, mode, hi := p[0], p[1], p[2]
		if hi <= lo {
			return lo
		}
		u := r.Float64()
		if u*(hi-lo) < mode-lo {
			return lo + math.Sqrt(u*(hi-lo)*(mode-lo))
		}
		return hi - math.Sqrt((1-u)*(hi-lo)*(hi-mode))
	}
	return p[0] // KindConst
}

// gammaRand draws from Gamma(k, 1), k > 0 (Marsaglia & Tsang 2000, with the
// U^(1/k) boost for k < 1).
func gammaRand(r *rand.Rand, k float64) float64 {
	boost := 1.0
	if k < 1 {
		boost = math.Exp(math.Log(r.Float64()) / k)
		k++
	}
	d := k - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := r.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := r.Float64()
		x2 := x * x
		if u < 1-0.0331*x2*x2 || math.Log(u) < x2/2+d*(1-v+math.Log(v)) {
			return boost * d * v
		}
	}
}
