package params

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/seqsim/seqsim/experiments/field"
	"github.com/seqsim/seqsim/internal/tomlnum"
)

// syntaxError wraps a toml.ParseError; errors.As(err, &toml.ParseError{})
// still finds it.
type syntaxError struct{ pe toml.ParseError }

// Error implements error. The toml lexer writes the end of the input as a
// NUL byte in its messages (an escape cut off by the end of the input gives
// "invalid escape in string '\<NUL>'"), which a terminal does not show.
func (e syntaxError) Error() string {
	return "syntax error: " + strings.ReplaceAll(e.pe.Message, "\x00", "<end of file>")
}

func (e syntaxError) Unwrap() error { return e.pe }

// joinFieldErrors returns nil, the single error, or errors.Join of all.
func joinFieldErrors(errs []*field.Error) error {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	es := make([]error, len(errs))
	for i, e := range errs {
		es[i] = e
	}
	return errors.Join(es...)
}

// sortFieldErrors orders errors by line (unknown lines last), then key.
func sortFieldErrors(errs []*field.Error) {
	slices.SortStableFunc(errs, func(a, b *field.Error) int {
		la, lb := a.Line, b.Line
		if la == 0 {
			la = int(^uint(0) >> 1)
		}
		if lb == 0 {
			lb = int(^uint(0) >> 1)
		}
		if la != lb {
			if la < lb {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Key, b.Key)
	})
}

// describeValue renders a decoded TOML value for error messages.
func describeValue(data any) string {
	switch v := data.(type) {
	case string:
		if len(v) > 40 {
			v = v[:37] + "..."
		}
		return "string " + strconv.Quote(v)
	case int64:
		return "integer " + strconv.FormatInt(v, 10)
	case float64:
		return "float " + tomlnum.Float(v)
	case bool:
		return "boolean " + strconv.FormatBool(v)
	case map[string]any:
		return "table"
	case []any, []map[string]any:
		return "array"
	case nil:
		return "nothing"
	default:
		return fmt.Sprintf("%T", data)
	}
}

// closest returns the candidate nearest to s by edit distance ("" if none).
func closest(s string, candidates []string) (string, int) {
	best, bestD := "", -1
	for _, c := range candidates {
		d := editDistance(s, c)
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	return best, bestD
}

// editDistance is the Levenshtein distance between a and b (by bytes).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// unknownKeyError builds the message for key, given the valid sibling names:
// a suggestion if one is close (small edit distance or a shared prefix),
// else the list of valid keys.
func unknownKeyError(key string, valid []string) error {
	if len(valid) == 0 {
		return field.ErrUnknownKey
	}
	if best := suggest(key, valid); best != "" {
		return fmt.Errorf("%w (did you mean %q?)", field.ErrUnknownKey, best)
	}
	list := valid
	more := ""
	if len(list) > 20 {
		list, more = list[:20], ", ..."
	}
	return fmt.Errorf("%w (valid keys: %s%s)", field.ErrUnknownKey, strings.Join(list, ", "), more)
}

// suggest returns the closest plausible candidate for a mistyped key, or "".
func suggest(key string, candidates []string) string {
	if key == "" {
		return "" // every name starts with it: the list of valid keys says more
	}
	best, bestD := "", -1
	lk := strings.ToLower(key)
	for _, c := range candidates {
		lc := strings.ToLower(c)
		d := editDistance(lk, lc)
		plausible := d <= max(2, len(key)/3) ||
			strings.HasPrefix(lc, lk) || strings.HasPrefix(lk, lc) ||
			commonPrefix(lk, lc) >= 4
		if plausible && (bestD < 0 || d < bestD) {
			best, bestD = c, d
		}
	}
	return best
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}
