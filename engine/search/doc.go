// Package search finds designs: the decision-variable values that minimise
// or maximise statistics of a stochastic simulator's outcomes, subject to
// constraints held with a stated confidence. It is domain-free, like
// packages design and sensitivity: variables are names and bounds, and the
// simulator is whatever the caller runs for an [Eval].
//
// # Outline
//
//   - [Problem]: decision [Variable]s ([Real], [Int], [OneOf]), the outcome
//     vector a run returns, [Objective]s and [Constraint]s on a [Stat] of
//     an outcome ([Mean], [Quantile], [Probability]); [Problem.Validate].
//   - [NSGA2] and [NewNSGA2]: multi-objective search (Deb et al. 2002) with
//     constraint domination, racing and a final re-evaluation; its
//     parameters and their defaults are in [NSGA2Config].
//   - [CMAES] and [NewCMAES]: single-objective search (Hansen 2016) with
//     bounds by repair and constraints by Deb's feasibility rule;
//     [CMAESConfig].
//   - [Replicates]: how many runs estimate each candidate, how racing adds
//     runs, and the fresh seed indices of the final re-evaluation.
//   - [Estimate]: a statistic with its confidence interval.
//   - [Result], [Candidate] and [Final]: every candidate evaluated (the
//     rows of search.csv) and the chosen designs with their fresh estimates
//     (the rows of front.csv).
//   - [Searcher] and [Run]: the ask/tell interface and a one-goroutine
//     driver.
//   - Test problems with known answers: [ZDT1], [ZDT2], [ZDTFront] and
//     [GenerationalDistance].
//
// # Ask and tell
//
// A search never runs the simulator. Ask returns a batch of runs
// ([Eval]: a candidate's variable values and a replicate index); the
// caller runs them, in any order and on any number of workers, and tells
// each run's outcome vector back with Tell. When the batch is complete the
// next Ask moves the search on.
//
// Replicate j of every candidate must be run with the seed derived from j
// alone (common random numbers, DESIGN.md), so differences between
// candidates are not seed noise. The search uses seed indices
// [0, Replicates.Cap); the final re-evaluation uses [Cap, Cap+Final), which
// the search never saw.
//
// # Determinism
//
// A search is a pure function of (problem, configuration, seed, the
// outcomes told): its own draws come from a math/rand/v2 PCG seeded with
// (seed, a per-algorithm constant), never from a global source, and every
// outcome is stored by (candidate, replicate), so the order of the tells
// within a batch, the number of workers, sharding and a resume that
// replays a cache of runs cannot change a bit of the [Result]. Candidate
// IDs are given in order of creation, and a design met twice is the same
// candidate (evaluated once).
//
// # Driving a search from a study
//
// A study maps each [Eval] to one model run whose seed comes from the
// master seed and Eval.Replicate only (engine.RunSeed with common random
// numbers, the replicate as the run index), with the model's parameters
// set from Eval.X. Runs can be cached by (the bits of X, Replicate): a
// resumed or sharded study creates the search again with the same
// problem, configuration and seed and tells it the cached outcomes; the
// search asks for the same runs in the same order, so only the runs
// missing from the cache are run, and the Result, hence search.csv and
// front.csv ([Result.SearchTable], [Result.FrontTable]), has the same
// bytes. [Result.Progress] gives the parents of each generation for a
// convergence chart.
//
// Errors are prefixed "search: ": invalid problems and configurations wrap
// [ErrParam] through [*ParamError] (Validate joins them all), invalid tells
// wrap [ErrTell] through [*TellError].
package search
