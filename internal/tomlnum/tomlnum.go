// Package tomlnum writes floating-point numbers as TOML floats. It is shared
// by the experiment encoder (internal/params) and the distribution type
// (dist), whose String is the TOML form, so that a number reads the same in
// both places.
package tomlnum

import (
	"math"
	"strconv"
	"strings"
)

// Float renders f in the shortest form that parses back to the same bits
// (a float32 is written via its exact float64 value), always recognisable as
// a TOML float ("2.0", not "2").
func Float(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case f == 0:
		if math.Signbit(f) {
			return "-0.0"
		}
		return "0.0"
	}
	if a := math.Abs(f); a >= 1e-5 && a < 1e21 {
		s := strconv.FormatFloat(f, 'f', -1, 64)
		if !strings.Contains(s, ".") {
			s += ".0"
		}
		return s
	}
	return strconv.FormatFloat(f, 'e', -1, 64)
}
