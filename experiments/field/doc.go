// Package field is the error type of an experiment file: one problem with
// one key, with the file and line it is on, such as
//
//	baseline.toml:42: slashing.liveness_penalty: must be in [0, 1], got 1.5
//
// experiments.Load, LoadFile, ValidateParams and Experiment.Plan report
// every problem at once, as an errors.Join of *Error (experiments.FieldError
// is the same type); errors.As finds the first, Errors lists them all.
//
// It is a package of its own, below experiments, because the decoder that
// finds most of these problems (internal/params, which knows no schema)
// builds them too.
package field
