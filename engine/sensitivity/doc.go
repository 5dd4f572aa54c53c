// Package sensitivity analyses the outputs of a sampling design from package
// design: which factors drive a model output, and by how much. It is
// domain-free and follows SALib's pipeline (problem → sample → evaluate →
// analyze) with the layout carried by the design value, so an analysis only
// accepts the design kind it can read.
//
// # Outline
//
//   - [Sobol]: first-, total- and second-order Sobol indices from a
//     design.Saltelli, in a [SobolResult].
//   - [Morris]: elementary-effects screening (mu, mu*, sigma) from a
//     design.Morris, in a [MorrisResult].
//   - [OAT]: one-at-a-time swings for a tornado chart from a design.OAT, in an
//     [OATResult].
//   - [Bootstrap]: how confidence intervals are computed (percentile
//     intervals over resampled base rows or trajectories).
//   - [NoiseShare]: the share of a stochastic model's output variance that is
//     seed noise.
//   - Test functions with analytic indices: [Ishigami] and [IshigamiIndices],
//     [SobolG] and [SobolGIndices].
//
// # Inputs and failures
//
// Outputs y are given in design row order, y[i] being the model output at
// the design's Point(i). An analysis returns a *[LengthError] when len(y) does
// not match the design, a *[NonFiniteError] listing the rows (and the
// parameter values of the first few) whose output is NaN or ±Inf, and
// [ErrNoVariance] for an output that does not vary: never NaN indices.
// Conditions that do not stop the analysis (wide intervals, many factors,
// uncertain rankings) are reported in the result's Warnings.
//
// # Determinism
//
// Bootstrap resampling draws from a math/rand/v2 PCG seeded from
// [Bootstrap].Seed only, so the same outputs and seed give the same
// intervals. No function uses a global random source.
//
// Errors are prefixed "sensitivity: ".
package sensitivity
