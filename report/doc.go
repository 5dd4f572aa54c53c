// Package report turns a seqsim output folder into charts and one
// self-contained HTML page, from the folder's files alone: nothing is
// run, so `seqsim plot DIR` rebuilds both whenever the charts or the page
// change, and `seqsim compare` sets finished experiments side by side.
//
// # Outline
//
//   - [Build], [BuildWith] and [Options]: read an output folder and write
//     plots/*.svg|png|pdf and report.html into it.
//   - [Compare], [CompareWith]: a comparison report of several folders;
//     [LoadComparison] reads and checks its inputs first, and
//     [Comparison.Write] writes it, for a caller that must refuse bad
//     input before it creates the output folder.
//   - [MissingFileError]: the folder lacks a file every output folder has
//     (the CLI exits 2 on it).
//
// # What is read
//
// manifest.json gives the study (single point, scenarios, sweep or
// sensitivity, with its points, runs and per-point columns), provenance,
// and every metric's metadata: name, unit, doc, whether it is charted,
// which tail is the risk (lower_tail), its risk thresholds (risk_above)
// and its section. runs.csv gives every run's outcomes, so per-point
// statistics are exact: means with normal 95% confidence intervals
// (z = Φ⁻¹(0.975)), percentiles by type 7 interpolation, and exceedance
// probabilities with Wilson 95% intervals among the runs with a value —
// the same numbers, from the same code, as summary.md and the terminal
// summary of `seqsim run`. series.csv gives the
// fans; sensitivity.csv and sensitivity_s2.csv the indices.
//
// A design search's folder is read as a scenario study's, its runs.csv
// the final re-evaluation (a column per chosen design, named #candidate),
// with no series.csv (the report says so once). A folder with a design
// search (search.csv and front.csv, optionally
// search_progress.csv, and manifest.json's "search" describing the
// variables, objectives, constraints and budget) gets a "Design search"
// section first: what was searched, the recommended designs with their
// estimates from fresh seeds and what each trades against its neighbour
// on the front, the Pareto front, the designs across their variables, the
// convergence by generation, and the runs used against a grid of the same
// resolution. The tables are read by their column names (those of
// engine/search's SearchTable and FrontTable); the report never imports
// the engine.
//
// Nothing depends on a metric's name: sections, charts, headline numbers
// and which way is better follow from the metadata, so metrics added to
// the model appear in the report without a change here. Metrics without a
// section go to "health"; sections no metric names are left out.
//
// # The page
//
// report.html holds inline SVG and inline CSS only: no script, no font
// file, no request of any kind, so it reads offline and prints (print CSS
// included). All text is escaped by html/template; the SVG comes from
// gonum/plot, which escapes the text it draws. The same folder gives the
// same bytes: the only times shown are those in manifest.json, and no map
// order reaches the output.
//
// Errors are prefixed "report: ". A chart whose data cannot be drawn
// (one value, all values equal) does not stop the report: the page names
// the chart and the reason in its place.
package report
