package agents

import "github.com/seqsim/seqsim/internal/params"

// sampler draws one behaviour parameter; allocation-free.
type sampler = params.DistSampler

func newSampler(d Dist) (sampler, error) { return d.Sampler() }

func constDist(v float64) Dist             { return params.Const(v) }
func uniformDist(lo, hi float64) Dist      { return params.Uniform(lo, hi) }
func betaDist(a, b float64) Dist           { return params.Beta(a, b) }
func lognormalDist(mu, sigma float64) Dist { return params.LogNormal(mu, sigma) }
