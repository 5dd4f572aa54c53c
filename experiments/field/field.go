package field

import (
	"errors"
	"strconv"
	"strings"
)

// ErrUnknownKey is wrapped by the *Error for a key that the schema does
// not have (test with errors.Is).
var ErrUnknownKey = errors.New("unknown key")

// ErrWrongType is wrapped by the *Error for a value of the wrong TOML
// type (test with errors.Is).
var ErrWrongType = errors.New("wrong type")

// Error is one problem with one key of an experiment file.
//
// Its message reads "file:line: key: problem"; the line part is left out when
// Line is 0, the file part when File is empty and the key part when Key is
// empty (syntax errors).
type Error struct {
	File string // file name as given to experiments.Load, or the --set flag of an override; may be empty
	Line int    // 1-based line of the key in File; 0 if unknown
	Key  string // dotted path, e.g. "allocations.0.cliff_days"; may be empty
	Err  error  // the problem
}

// Error implements error.
func (e *Error) Error() string {
	var b strings.Builder
	loc := e.File
	if e.Line > 0 {
		if loc == "" {
			loc = "line " + strconv.Itoa(e.Line)
		} else {
			loc += ":" + strconv.Itoa(e.Line)
		}
	}
	if loc != "" {
		b.WriteString(loc)
		b.WriteString(": ")
	}
	if e.Key != "" {
		b.WriteString(e.Key)
		b.WriteString(": ")
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	} else {
		b.WriteString("invalid")
	}
	return b.String()
}

// Unwrap returns Err.
func (e *Error) Unwrap() error { return e.Err }

// Errors flattens err (as returned by experiments.Load, LoadFile,
// ValidateParams or Experiment.Plan) into its *Errors, in order. Errors that
// are not *Error are skipped.
func Errors(err error) []*Error {
	var out []*Error
	var walk func(error)
	walk = func(err error) {
		if err == nil {
			return
		}
		if fe, ok := err.(*Error); ok {
			out = append(out, fe)
			return
		}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
			return
		}
		walk(errors.Unwrap(err))
	}
	walk(err)
	return out
}
