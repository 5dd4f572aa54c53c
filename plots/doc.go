// Package plots draws seqsim's charts for the litepaper and the HTML
// report: fan charts of metrics over time, distributions with tail-risk
// markers, heat maps of parameter sweeps and sensitivity charts. The
// charts are meant to be printed as they come out, at column width
// (4.5 in × 3 in), so each builder sets its own units, legends and
// margins, and validates its input instead of drawing nonsense.
//
// plots imports no other seqsim package but the leaf internal/stats, for
// its type 7 quantile, so that a chart's percentiles are the ones the
// summaries quote: every builder takes plain slices and small structs
// defined here. Callers turn engine results into them.
//
// # Outline
//
// Theme and labels:
//   - [Theme], [Litepaper]: every visual choice, passed to each builder;
//     gonum/plot's package-level defaults are never changed.
//   - [OkabeIto], [Viridis]: the colour-blind-safe categorical palette
//     and sequential colour map.
//   - [WithUnit], [SplitUnit], [Dimensionless]: "name (unit)" axis labels.
//   - [FormatValue]: three significant digits with k/M/B/T suffixes.
//
// Charts, each returning a *plot.Plot or an error:
//   - [FanChart], [FanChartWith] with [Band] and [FanOptions]: p5–p95,
//     p25–p75 and median over time, one fan per scenario.
//   - [Distribution] with [DistOptions]: density histogram, KDE, VaR and ES
//     markers ([TailRisk], [Risk]).
//   - [ECDF] and [Violin] with [Sample]: comparing distributions.
//   - [HeatMap]: a 2-D sweep with a colour bar and cell values.
//   - [Bars] with [BarGroup]: grouped bars with interval whiskers (Sobol
//     S1 and ST).
//   - [Tornado]: one-at-a-time sensitivity, sorted by swing.
//   - [Forest]: differences from a reference with their intervals, resolved
//     ones (interval excluding 0) in colour, unpaired intervals dashed.
//   - [MorrisScatter]: µ* against the sd of elementary effects, labelled.
//   - [LineBand]: a 1-D sweep, line with a band.
//   - A design search: [ParetoFront] with [FrontPoint] (two objectives,
//     the chosen designs with interval bars, the other candidates faint,
//     infeasible ones crossed), [ParallelCoordinates] with [ParallelAxis]
//     and [ParallelLine] (the chosen designs across their variables and
//     objectives), [Convergence] (the best objective by generation, the
//     runs used on a second axis).
//
// Statistics the charts use, exported so reports can quote the same
// numbers: [KDE], [SilvermanBandwidth].
//
// Output: [Save] writes SVG, PNG and PDF atomically (temporary file,
// fsync, rename); [Render] renders one format to memory; [SVGBytes]
// gives SVG ready to inline in HTML.
//
// Errors: builders return [*DataError] values joined with errors.Join,
// wrapping [ErrNoData], [ErrNaN], [ErrInf], [ErrLength], [ErrOrder],
// [ErrRange] or [ErrDegenerate]. Every message starts with "plots: ".
//
// # Units
//
// Values are drawn in the unit their axis label names; builders never
// rescale data except where a label says so: a density over an axis in the
// millions is given "per million <unit>", matching the "2M" tick labels.
// Sizes (vg.Length) are in points, 1/72 in.
//
// # Determinism
//
// The same input gives the same bytes: nothing reads the clock, global
// random state or map order, and SVG output is compared byte for byte
// against goldens in testdata (rewrite them with go test -regen). PNG
// output can differ in anti-aliasing between machines and is compared
// within a tolerance. PDF files carry no creation date.
//
// # Limits inherited from gonum/plot v0.17.0
//
// PDF fonts use the cp1252 code page: text with characters outside it
// (Greek letters other than µ, "≤", "→") cannot be shown in a PDF, so
// [Render] refuses it with [ErrRange] instead of printing mojibake; SVG
// and PNG show any text. Bold PDF text fails in gonum/plot, so titles are
// set in the regular weight. A *plot.Plot must not be drawn by two
// goroutines at once.
package plots
