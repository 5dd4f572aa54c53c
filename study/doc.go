// Package study runs a seqsim experiment as a study and owns its output
// folder: it is what `seqsim run`, `seqsim merge`, `seqsim replay` and
// `seqsim plot` call, usable from any Go program.
//
// A study is an experiment's plan (one point, scenarios, a sweep or a
// sensitivity design) times its runs per point, or a design search. [Run] runs every unit on a
// pool of workers through the engine, keeps the per-point statistics as
// the rows arrive, and writes the output folder: runs.csv and series.csv
// (with Parquet copies), experiment.toml with every default filled in,
// summary.md, sensitivity.csv for a sensitivity study, the charts and
// report.html (package report), and manifest.json last, so that a folder
// whose manifest says complete is a complete result. The same experiment
// and seed give the same bytes whatever the number of workers or machines.
//
// # Outline
//
//   - [Run] and [Options]: run an experiment into a folder; [Result] is
//     what it gives back ([Result.WriteSummary], [Result.Mean]).
//   - Shards: [Options].Shard runs one shard of a study and writes a shard
//     folder; [Merge] joins the shards into the folder one [Run] would
//     have written, byte for byte. [ResolveShard] reads the shard from a
//     flag or an array job's environment (Slurm, Kubernetes, AWS Batch).
//   - Interrupts: a cancelled context saves a checkpoint and returns an
//     [*InterruptedError]; [Options].Resume completes the run.
//   - Search: an experiment with a [search] section is a design search
//     (engine/search), run by [Run] too: it asks for batches of runs,
//     runs them on the workers and writes search.csv, front.csv,
//     search_progress.csv, search_runs.csv, and runs.csv with its final
//     re-evaluation (a point per chosen design); its run cache makes it
//     resumable, and its shards share each batch through their caches
//     while they run (docs/search.md).
//   - [Replay]: rerun one unit alone with its per-day trace and events.
//   - [Plot]: rebuild a folder's charts and report.
//   - [Compare]: a comparison report of finished folders.
//   - [WriteSlurm], [WriteK8s] and [Cluster]: array jobs that run the
//     shards on a cluster and merge them.
//   - [EstimateCost]: the run time and memory of a study before running it.
//   - [InputError]: a failure caused by the input (the CLI exits 2).
//   - [Version]: recorded in every folder.
//
// The folder's file names and the runs.csv format are in package
// [github.com/seqsim/seqsim/study/folder], which the report package reads
// through too.
//
// # One writer per folder
//
// Whatever writes into an output folder holds its exclusive lock
// (flock(2) on its .seqsim.lock, released by the kernel when the process
// ends, however it ends): [Run], [Merge], [Plot], [Replay] with its trace
// in the folder, and [Compare] on its out folder. Whatever only reads a
// folder holds a shared lock on it: [Compare] on the folders it compares,
// [Replay] with its trace elsewhere. Readers share a folder; a writer
// excludes everyone else. A process refused is refused at once with an
// [*InputError] wrapping a [*folder.LockedError] that names the holder's
// pid and command; Options.Force never overrides it, so two runs can
// never leave a folder with one run's manifest and another's rows, and no
// report is built from a folder half rewritten.
//
// # Process-wide settings
//
// While the runs go on, [Run] lowers the garbage collector's target (as
// GOGC=25 would, unless GOGC is set) and restores it afterwards: the bands
// are large, long-lived and free of pointers, so this bounds the peak
// memory at little cost (docs/performance.md). Nothing else is global:
// progress goes to [Options].Progress, and errors are returned, never
// printed or exited on.
package study
