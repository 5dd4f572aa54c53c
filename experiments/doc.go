// Package experiments defines seqsim's experiment files: the TOML schema
// (experiment settings plus every model parameter), its defaults (the
// embedded baseline), validation that reports every problem with file, line
// and dotted key, --set overrides by dotted path, and the ready-made
// experiments shipped with seqsim.
//
// # Outline
//
//   - [Experiment]: one file's content; [Default] is the baseline.
//   - [Load] and [LoadFile]: decode, override, normalise and validate.
//   - [Experiment.Validate] and [ValidateParams]: the checks of Load for an
//     experiment or token-model parameters built in Go.
//   - [Experiment.Resolved]: the resolved TOML written to experiment.toml.
//   - [Embedded] and [EmbeddedNames]: the experiments compiled into seqsim.
//   - [Describe]: the parameter table behind `seqsim params`.
//   - [Experiment.Plan]: the points of a study; for a [Search] section,
//     a [SearchPlan] (the engine/search problem, [SearchPlan.NewSearcher])
//     and [Plan.SearchBatch], the points of a batch of designs.
//
// # Errors
//
// [Load] reports every problem at once (errors.Join), one problem per
// error, each naming where it is and the dotted key at fault:
//
//	my.toml:12: fees.split: must sum to 1 (±1e-09), got 1.1
//	my.toml:2: syntax error: expected '.' or ']' to end table name, but got '\n' instead
//	my.toml: allocations.1.cliff_days: cliff on day 365 is beyond the horizon of 300 days (simulation.horizon_days)
//	--set fees.split=[0.5, "x", 0.2]: fees.split.1: wrong type: expected float, got string "x"
//	--set noequals: want path=value
//
// A key the file does not write takes the line of its nearest enclosing
// table that it does; when neither is written (a default that conflicts
// with a value the file sets, as in the third line) there is no line. A
// syntax error has a line and no key. A problem with a value given by
// --set names the flag as given instead of a line, and the key, which is
// the flag's path or below it; a flag without "path=" has no key. An
// experiment built in Go has no lines ([Experiment.Validate]).
//
// [Experiment.Plan] validates every scenario and sweep point and reports a
// bad one at the line of the study key that made it (the scenario's set
// entry, the swept parameter), with the parameter's key and the point:
//
//	my.toml:5: fees.split: point 0 scenario=cheap: must sum to 1 (±1e-09), got 1.5
//
// Each problem is a *FieldError (errors.As reads its File, Line and Key;
// field.Errors lists them all); FuzzLoadExperiment holds Load and
// Plan to these forms.
package experiments
