// Package shell quotes text for a POSIX shell: the one way seqsim writes a
// path or a value into a generated script or a printed command.
package shell

import "strings"

// Quote quotes s for a POSIX shell: in single quotes, where nothing is
// special, with each single quote written as '\” (close, an escaped
// quote, reopen). A space, a ; or a $ in s stays text, never a command.
func Quote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
