package enum

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Table holds the names of a closed set's values: Table[v] is v's name.
type Table[T ~uint8] []string

// String is v's name, or T(v) for a value outside the set.
func (t Table[T]) String(v T) string {
	if int(v) < len(t) {
		return t[v]
	}
	return fmt.Sprintf("%T(%d)", v, v)
}

// MarshalText is v's name; a value outside the set is an error.
func (t Table[T]) MarshalText(v T) ([]byte, error) {
	if int(v) >= len(t) {
		return nil, fmt.Errorf("%s is not a valid value", t.String(v))
	}
	return []byte(t[v]), nil
}

// UnmarshalText sets *v to the value named b, or reports the allowed names.
func (t Table[T]) UnmarshalText(v *T, b []byte) error {
	i := slices.Index(t, string(b))
	if i < 0 {
		return t.unknown(string(b))
	}
	*v = T(i)
	return nil
}

// Names lists the allowed names in value order (a copy).
func (t Table[T]) Names() []string { return slices.Clone(t) }

func (t Table[T]) unknown(s string) error {
	q := make([]string, len(t))
	for i, n := range t {
		q[i] = strconv.Quote(n)
	}
	return fmt.Errorf("must be one of %s, got %q", strings.Join(q, ", "), s)
}
