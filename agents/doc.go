// Package agents is the model of seqsim: the world state of one run, the
// agents and mechanisms that step it day by day, and the metrics it
// reports (DESIGN.md, "The model").
//
// # Outline
//
//   - [Params] and [DefaultParams]: every parameter, with cited defaults.
//   - [World]: the state of one run as structs of slices (world.go,
//     holders.go: holders, operators, verifiers); [World.Step] runs one
//     day's phases in order; conservation.go checks that every token is
//     in one place.
//   - Holders sell, stake and delegate (step.go, delegation.go); sequencer
//     operators bond stake, post batches, earn commission, enter and exit
//     (operators.go, activeset.go, sequencing.go); offences happen and are
//     slashed (offences.go, slashing.go);
//     verifiers and sequencers play and learn the verification game
//     (verification.go).
//   - Token governance: delegates and self-voting holders vote on random
//     proposals that change the run's parameters, under a quorum, a
//     timelock and a security council (governance.go, proposals.go,
//     voters.go, council.go, [Governance]); an
//     attacker buys, borrows or bribes votes, or stakes, to capture the
//     protocol (attacker.go, [Attacker]); capture.go prices each route and
//     records captures.
//   - [Sim]: runs a World for the engine; [SeriesMetrics] and
//     [OutcomeMetrics] describe what a run reports.
//
// # Units and determinism
//
// Token balances are int64 micro-tokens, so the daily conservation check is
// exact; prices and USD amounts are float64. Every draw comes from one of
// the run's named streams (init, demand, market, network, verification,
// governance), split from the run's generator: the same seed gives the
// same bytes.
package agents
