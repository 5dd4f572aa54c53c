package agents

import "github.com/seqsim/seqsim/dist"

// sampler draws one behaviour parameter; allocation-free.
type sampler = dist.Sampler

func newSampler(d dist.Dist) (sampler, error) { return d.Sampler() }

// The defaults' distributions: their parameters are constants known to be
// valid, so an error here is a programmer's error (a typo in a default).
func constDist(v float64) dist.Dist             { return mustDist(dist.Const(v)) }
func uniformDist(lo, hi float64) dist.Dist      { return mustDist(dist.Uniform(lo, hi)) }
func betaDist(a, b float64) dist.Dist           { return mustDist(dist.Beta(a, b)) }
func lognormalDist(mu, sigma float64) dist.Dist { return mustDist(dist.LogNormal(mu, sigma)) }

func mustDist(d dist.Dist, err error) dist.Dist {
	if err != nil {
		panic("agents: default distribution: " + err.Error())
	}
	return d
}
