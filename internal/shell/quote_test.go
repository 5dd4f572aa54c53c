package shell

import (
	"os/exec"
	"testing"
)

// TestQuoteRoundTrips: sh reads every quoted string back as the original,
// one word, and runs nothing in it.
func TestQuoteRoundTrips(t *testing.T) {
	t.Parallel()
	cases := []string{
		"", "plain", "a b", "a b;touch X", "it's", "'", "''", `a\b`, `"dq"`, "$HOME", "$(touch X)", "`touch X`",
		"a\nb", "*", "~", "tab\there", "-n", "a'b'c;d e|f&g>h<i",
	}
	for _, s := range cases {
		// printf prints its one argument exactly; a second word would be
		// a second line.
		cmd := exec.Command("sh", "-c", "printf '%s|' "+Quote(s))
		cmd.Dir = t.TempDir() // where a quoting bug would run touch X
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if got := string(out); got != s+"|" {
			t.Errorf("Quote(%q) = %s read back as %q", s, Quote(s), got)
		}
	}
	// A worked example: the quote is closed, escaped, and reopened.
	if got, want := Quote("a b;it's"), `'a b;it'\''s'`; got != want {
		t.Errorf("Quote = %s, want %s", got, want)
	}
}
