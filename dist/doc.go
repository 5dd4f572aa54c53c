// Package dist is the distribution of a per-agent or per-run parameter of
// the seqsim model: a constant, uniform, normal, lognormal, beta, gamma or
// triangular law, with allocation-free sampling from an explicit
// math/rand/v2 generator.
//
// In an experiment file a distribution is written as a plain number (a
// constant) or as an inline table naming the family and every parameter:
//
//	sell_fraction = { dist = "beta", a = 2, b = 5 }
//
// [Dist.String] gives that form; experiments.Load reads it and reports a
// bad parameter with its file, line and key. From Go, build a Dist with a
// constructor ([Beta], [Uniform], ...), which checks its parameters and
// returns an error for values outside the family's domain.
package dist
