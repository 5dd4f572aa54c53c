// Package design builds sampling designs for simulation experiments: where in
// the parameter space to run the model. It is domain-free: factors are names
// and marginals, and a design is a random-access list of points.
//
// Every design is built in the unit cube [0, 1]^D and then maps each
// coordinate through the marginal of its factor, as gonum's stat/samplemv does
// for Latin hypercubes and Halton sequences. "Where to sample" (Sobol,
// Saltelli, Morris, Latin hypercube) is thus independent of "what each
// parameter's distribution is" (uniform, log-uniform, normal, discrete…).
//
// # Outline
//
//   - [Quantiler] and [Marginal]: the unit-to-value map of one factor, built by
//     [Uniform], [LogUniform], [Normal], [TruncatedNormal], [Discrete] and
//     [IntRange].
//   - [Space]: the named factors of a design, with [Space.Validate].
//   - [Sobol] and [NewSobol]: the Sobol low-discrepancy sequence with Joe-Kuo
//     direction numbers, optionally scrambled (linear matrix scramble plus
//     digital shift).
//   - [Saltelli] and [NewSaltelli]: the design for Sobol indices (analysed by
//     sensitivity.Sobol); [SaltelliRuns] gives its cost.
//   - [Morris] and [NewMorris]: elementary-effects screening trajectories
//     (analysed by sensitivity.Morris); [MorrisRuns] gives its cost.
//   - [LatinHypercube] returning a [Table], and [Grid] (full factorial) for
//     sweeps.
//   - [OAT] and [NewOAT]: one-at-a-time points for tornado charts.
//
// # Access and determinism
//
// Designs are random access: Point(i, dst) writes the parameter values of row
// i into the caller's dst, and the Sobol-based and Morris designs compute the
// row from i alone, so shards and resumed runs need no stored matrix. Each
// design has Len() rows and Dim() factors, and a wrong dst length or row
// index panics (a programmer error, as in gonum's floats).
//
// Every random design is a pure function of its arguments and seed: it draws
// from its own math/rand/v2 PCG seeded with (seed, a per-design constant),
// never from a global source, so the same seed gives the same points on every
// machine. Unit-cube coordinates involve no fused multiply-add or math
// library call (Sobol and Morris coordinates are exact binary or k/(p−1)
// fractions), so they are bit-identical across architectures; mapped
// parameter values can differ in the last bits where the marginal's
// arithmetic is fused (STYLE.md, "Floating-point caveats").
// Designs are immutable after construction and safe for concurrent use.
//
// Errors are prefixed "design: " and wrap [ErrParam] through [*ParamError].
package design
