// Package field is the error type of an experiment file and the checker
// that parameter sections validate themselves with. An *Error is one
// problem with one key, with the file and line it is on, such as
//
//	baseline.toml:42: slashing.liveness_penalty: must be in [0, 1], got 1.5
//
// experiments.Load, LoadFile, ValidateParams and Experiment.Plan report
// every problem at once, as an errors.Join of *Error (experiments.FieldError
// is the same type); errors.As finds the first, Errors lists them all.
//
// A Checker collects them: a parameter section (of the token model, or of a
// mechanism written outside this module) implements Validator and checks
// its own fields by their own keys, and the Checker it is given puts them
// under the section's key and finds their lines.
//
// It is a package of its own, below experiments, because the decoder that
// finds most of these problems (internal/params, which knows no schema)
// builds them too, and the model's sections (package agents) check
// themselves with it; it imports nothing of seqsim.
package field
