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
//   - [Experiment.Validate]: all problems at once, as *params.FieldError values.
//   - [Experiment.Resolved]: the resolved TOML written to experiment.toml.
//   - [Embedded] and [EmbeddedNames]: the experiments compiled into seqsim.
//   - [Describe]: the parameter table behind `seqsim params`.
package experiments
