package design

import (
	"errors"
	"fmt"
)

// ErrParam is the sentinel that every invalid-argument error of this package
// wraps: test for it with errors.Is, and use errors.As with *ParamError to get
// the offending parameter and value.
var ErrParam = errors.New("design: invalid parameter")

// ParamError reports one invalid argument of a constructor or of
// [Space.Validate]. It wraps [ErrParam].
type ParamError struct {
	Op    string // function or method that rejected the value, e.g. "LogUniform"
	Param string // name of the parameter, e.g. "lo" or "Marginals[2]"
	Value any    // the rejected value
	Want  string // what a valid value looks like, e.g. "> 0"
}

func (e *ParamError) Error() string {
	return fmt.Sprintf("design: %s: %s = %v, want %s", e.Op, e.Param, e.Value, e.Want)
}

// Unwrap returns [ErrParam].
func (e *ParamError) Unwrap() error { return ErrParam }
