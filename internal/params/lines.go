package params

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
)

// Lines maps dotted key paths of a TOML source to the 1-based line where
// each key (or table header, or array element) first appears. Build it with
// KeyLines.
type Lines map[string]int

// Line returns the line of path, or of its nearest ancestor present in the
// file (so a problem with a key that kept its default points at the table
// that would hold it), or 0 if neither is in the file.
func (l Lines) Line(path string) int {
	for {
		if n, ok := l[path]; ok {
			return n
		}
		i := strings.LastIndexByte(path, '.')
		if i < 0 {
			return 0
		}
		path = path[:i]
	}
}

// KeyLines scans TOML source and returns the line of every key it defines,
// using the same dotted paths as the rest of this package: TOML key names,
// and integer indices for array elements, so the third [[allocations]]
// block's share is "allocations.2.share" and the second element of
// "split = [0.5, 0.5]" is "fees.split.1".
//
// It understands [table] and [[array]] headers (counting elements, also of
// nested arrays of tables), dotted and quoted keys, inline tables (their keys
// map to the line where each key is written), arrays spanning lines, all
// four string forms (multi-line strings are skipped correctly) and comments.
// Intermediate tables implied by headers or dotted keys are recorded too.
//
// KeyLines never fails: it is meant for files that toml has already parsed;
// on invalid input it returns whatever it could make sense of. If a key
// appears more than once (invalid TOML) the first line wins. A quoted key
// containing a dot cannot be told apart from a dotted key.
func KeyLines(src []byte) Lines {
	s := &lineScanner{src: src, lines: Lines{}, arrays: map[string]int{}}
	for i, c := range src {
		if c == '\n' {
			s.nl = append(s.nl, i)
		}
	}
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		s.pos = 3
	}
	s.run()
	return s.lines
}

type lineScanner struct {
	src    []byte
	pos    int
	nl     []int // offsets of '\n'
	lines  Lines
	arrays map[string]int // resolved path of an array of tables -> elements seen
}

func (s *lineScanner) lineAt(off int) int { return sort.SearchInts(s.nl, off) + 1 }

func (s *lineScanner) record(path string, off int) {
	if path == "" {
		return
	}
	if _, ok := s.lines[path]; !ok {
		s.lines[path] = s.lineAt(off)
	}
}

func (s *lineScanner) eof() bool { return s.pos >= len(s.src) }

func (s *lineScanner) peek() byte { return s.src[s.pos] }

func (s *lineScanner) hasPrefix(p string) bool {
	return s.pos < len(s.src) && bytes.HasPrefix(s.src[s.pos:], []byte(p))
}

func (s *lineScanner) skipSpace() {
	for !s.eof() && (s.peek() == ' ' || s.peek() == '\t') {
		s.pos++
	}
}

// skipSpaceNL skips blanks, newlines and comments.
func (s *lineScanner) skipSpaceNL() {
	for !s.eof() {
		switch s.peek() {
		case ' ', '\t', '\r', '\n':
			s.pos++
		case '#':
			s.skipLine()
		default:
			return
		}
	}
}

// skipLine moves past the next newline.
func (s *lineScanner) skipLine() {
	for !s.eof() && s.peek() != '\n' {
		s.pos++
	}
	if !s.eof() {
		s.pos++
	}
}

func (s *lineScanner) run() {
	prefix := ""
	for {
		s.skipSpaceNL()
		if s.eof() {
			return
		}
		start := s.pos
		switch c := s.peek(); {
		case c == '[':
			array := s.hasPrefix("[[")
			if array {
				s.pos += 2
			} else {
				s.pos++
			}
			parts := s.key()
			if len(parts) == 0 {
				s.skipLine()
				continue
			}
			prefix = s.header(parts, array, start)
			s.skipLine()
		case isBareKeyChar(c) || c == '"' || c == '\'':
			parts := s.key()
			s.skipSpace()
			if len(parts) == 0 || s.eof() || s.peek() != '=' {
				s.skipLine()
				continue
			}
			s.pos++
			s.skipSpace()
			s.value(s.recordKey(prefix, parts, start))
		default:
			s.skipLine()
		}
	}
}

// header resolves a [table] or [[array]] header to its indexed path: every
// component that names an array of tables refers to its latest element.
func (s *lineScanner) header(parts []string, array bool, off int) string {
	res := ""
	for i, p := range parts {
		res = join(res, p)
		if i == len(parts)-1 {
			break
		}
		if n := s.arrays[res]; n > 0 {
			res = joinIndex(res, n-1)
		}
		s.record(res, off)
	}
	if array {
		n := s.arrays[res]
		s.arrays[res] = n + 1
		s.record(res, off)
		res = joinIndex(res, n)
	}
	s.record(res, off)
	return res
}

// recordKey records prefix.parts (and its intermediate tables) and returns it.
func (s *lineScanner) recordKey(prefix string, parts []string, off int) string {
	path := prefix
	for _, p := range parts {
		path = join(path, p)
		s.record(path, off)
	}
	return path
}

// key parses a possibly dotted, possibly quoted key.
func (s *lineScanner) key() []string {
	var parts []string
	for {
		s.skipSpace()
		if s.eof() {
			return parts
		}
		switch c := s.peek(); {
		case c == '"' || c == '\'':
			start := s.pos
			s.str()
			raw := string(s.src[start+1 : s.pos])
			raw = strings.TrimSuffix(raw, string(c))
			if c == '"' {
				raw = unescapeBasic(raw)
			}
			parts = append(parts, keyName(raw))
		case isBareKeyChar(c):
			start := s.pos
			for !s.eof() && isBareKeyChar(s.peek()) {
				s.pos++
			}
			parts = append(parts, string(s.src[start:s.pos]))
		default:
			return parts
		}
		s.skipSpace()
		if s.eof() || s.peek() != '.' {
			return parts
		}
		s.pos++
	}
}

// value skips one value, recording array elements and inline-table keys
// under path.
func (s *lineScanner) value(path string) {
	if s.eof() {
		return
	}
	switch s.peek() {
	case '"', '\'':
		s.str()
	case '[':
		s.pos++
		for i := 0; ; {
			s.skipSpaceNL()
			if s.eof() {
				return
			}
			switch s.peek() {
			case ']':
				s.pos++
				return
			case ',':
				s.pos++
				continue
			}
			ep := joinIndex(path, i)
			s.record(ep, s.pos)
			before := s.pos
			s.value(ep)
			if s.pos == before {
				s.pos++ // stray character: make progress
			}
			i++
		}
	case '{':
		s.pos++
		for {
			s.skipSpaceNL()
			if s.eof() {
				return
			}
			switch s.peek() {
			case '}':
				s.pos++
				return
			case ',':
				s.pos++
				continue
			}
			start := s.pos
			parts := s.key()
			if len(parts) == 0 {
				s.pos = start + 1 // stray character: make progress
				continue
			}
			s.skipSpace()
			if !s.eof() && s.peek() == '=' {
				s.pos++
			}
			s.skipSpace()
			s.value(s.recordKey(path, parts, start))
		}
	default:
		start := s.pos
		for !s.eof() && !isValueEnd(s.peek()) {
			s.pos++
		}
		// A date-time may use a space between date and time.
		if tok := s.src[start:s.pos]; len(tok) == 10 && tok[4] == '-' && tok[7] == '-' &&
			s.hasPrefix(" ") && s.pos+1 < len(s.src) && isDigit(s.src[s.pos+1]) {
			s.pos++
			for !s.eof() && !isValueEnd(s.peek()) {
				s.pos++
			}
		}
	}
}

// str skips a string in any of TOML's four forms.
func (s *lineScanner) str() {
	switch {
	case s.hasPrefix(`"""`), s.hasPrefix(`'''`):
		q := s.src[s.pos : s.pos+3]
		esc := q[0] == '"'
		s.pos += 3
		for !s.eof() {
			if esc && s.peek() == '\\' {
				s.pos += 2
				continue
			}
			if bytes.HasPrefix(s.src[s.pos:], q) {
				s.pos += 3
				// Up to two quotes may directly precede the closing delimiter.
				for k := 0; k < 2 && !s.eof() && s.peek() == q[0]; k++ {
					s.pos++
				}
				return
			}
			s.pos++
		}
	default:
		q := s.peek()
		s.pos++
		for !s.eof() && s.peek() != '\n' {
			c := s.peek()
			if q == '"' && c == '\\' {
				s.pos += 2
				continue
			}
			s.pos++
			if c == q {
				break
			}
		}
	}
	s.pos = min(s.pos, len(s.src))
}

// unescapeBasic resolves the escapes of a TOML basic string (best effort:
// an invalid escape is kept as written).
func unescapeBasic(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch c := s[i]; c {
		case 'b':
			b.WriteByte('\b')
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'f':
			b.WriteByte('\f')
		case 'r':
			b.WriteByte('\r')
		case 'e':
			b.WriteByte(0x1b)
		case '"', '\\':
			b.WriteByte(c)
		case 'x', 'u', 'U':
			n := 2
			switch c {
			case 'u':
				n = 4
			case 'U':
				n = 8
			}
			if i+1+n <= len(s) {
				if r, err := strconv.ParseUint(s[i+1:i+1+n], 16, 32); err == nil {
					b.WriteRune(rune(r))
					i += n
					continue
				}
			}
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte('\\')
			b.WriteByte(c)
		}
	}
	return b.String()
}

// keyName is how a TOML key reads in a dotted path: as written, except the
// empty key (a pair of quotes in TOML), which would vanish from the path and
// leave a problem with it without key or line (found by
// FuzzLoadExperiment).
func keyName(k string) string {
	if k == "" {
		return `""`
	}
	return k
}

func isBareKeyChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '_' || c == '-'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isValueEnd(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', ',', ']', '}', '#':
		return true
	}
	return false
}
