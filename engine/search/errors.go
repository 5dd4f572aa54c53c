package search

import (
	"errors"
	"fmt"
)

var (
	// ErrParam is wrapped by every *ParamError: an invalid problem or
	// configuration.
	ErrParam = errors.New("search: invalid parameter")

	// ErrTell is wrapped by every *TellError: an outcome told for a run the
	// search did not ask for, told twice, or of the wrong shape.
	ErrTell = errors.New("search: invalid tell")
)

// ParamError reports one invalid field of a [Problem] or a configuration.
// It wraps [ErrParam].
type ParamError struct {
	Op    string // function that rejected the value, e.g. "NewNSGA2"
	Param string // field, e.g. "Variables[2].Hi"
	Value any    // the rejected value
	Want  string // what a valid value looks like
}

func (e *ParamError) Error() string {
	return fmt.Sprintf("search: %s: %s = %v, want %s", e.Op, e.Param, e.Value, e.Want)
}

// Unwrap returns [ErrParam].
func (e *ParamError) Unwrap() error { return ErrParam }

// TellError reports an outcome the search cannot take. It wraps [ErrTell].
type TellError struct {
	Candidate, Replicate int    // the run told
	Reason               string // why it was refused
}

func (e *TellError) Error() string {
	return fmt.Sprintf("search: tell candidate %d replicate %d: %s", e.Candidate, e.Replicate, e.Reason)
}

// Unwrap returns [ErrTell].
func (e *TellError) Unwrap() error { return ErrTell }
