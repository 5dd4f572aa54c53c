// Package engine is seqsim's domain-free Monte Carlo machinery: it derives a
// generator for every (point, run) unit from one master seed, runs the units
// on a pool of workers, hands per-run summaries to a sink in unit order, and
// folds per-step series into mergeable quantile bands.
//
// # Outline
//
//   - [RunSeed] and [SplitMix64]: per-unit seeds from (master, point, run).
//   - [Sim], [Schema] and [Plan]: what a model implements and what a run is.
//   - [Run]: the worker pool with a reorder buffer; [Sink] receives rows in order.
//   - [Bands] and [Sketch]: order-independent, exactly mergeable per-step
//     quantile bands (integer bucket counts) and means (fixed-point sums).
//
// # Determinism
//
// The engine's first promise (DESIGN.md, "Determinism") is that the same seed
// gives the same bytes whatever the worker count or the order in which runs
// finish. Three choices keep it: each unit's generator depends only on
// (master seed, point, run); rows reach the sink through a reorder buffer in
// unit order; and series aggregation uses only integer arithmetic (bucket
// counts and fixed-point sums), which is associative and commutative, so a
// worker's partial bands can be merged in any order.
package engine
