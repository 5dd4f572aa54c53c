package main

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// commandFlags returns the flag set of each subcommand, for checking the
// documentation against the code.
func commandFlags() map[string]*flag.FlagSet {
	out := map[string]*flag.FlagSet{}
	for _, c := range commands() {
		out[c.name] = c.flags()
	}
	return out
}

// TestReadmeCommandsParse checks that every `seqsim ...` line in the
// README's code blocks names a real subcommand and only flags it defines,
// so the documentation cannot drift from the CLI (benchstat's doc_test.go
// does the same for its doc comment).
func TestReadmeCommandsParse(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	flags := commandFlags()
	extra := map[string]bool{}
	flagRe := regexp.MustCompile(`--([a-z][a-z-]*)`)
	inBlock, checked := false, 0
	for i, line := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(line, "```") {
			inBlock = !inBlock
			continue
		}
		line = strings.TrimSpace(line)
		if !inBlock {
			// Inline examples in prose: `seqsim run x.toml --shard I/N`.
			for _, m := range regexp.MustCompile("`((?:bin/)?seqsim [^`]+)`").FindAllStringSubmatch(line, -1) {
				checkCommand(t, i+1, m[1], flags, extra, flagRe)
				checked++
			}
			continue
		}
		if strings.HasPrefix(line, "seqsim ") || strings.HasPrefix(line, "./bin/seqsim ") || strings.HasPrefix(line, "bin/seqsim ") {
			checkCommand(t, i+1, line, flags, extra, flagRe)
			checked++
		}
	}
	if checked < 10 {
		t.Errorf("only %d seqsim commands found in README.md", checked)
	}
}

func checkCommand(t *testing.T, line int, cmd string, flags map[string]*flag.FlagSet, extra map[string]bool, flagRe *regexp.Regexp) {
	t.Helper()
	fields := strings.Fields(cmd)
	if len(fields) < 2 {
		return
	}
	sub := strings.Trim(fields[1], "[]")
	fs, ok := flags[sub]
	if !ok {
		if !extra[sub] {
			t.Errorf("README.md:%d: unknown subcommand %q in %q", line, sub, cmd)
		}
		return
	}
	rest := strings.Join(fields[2:], " ")
	if i := strings.Index(rest, "#"); i >= 0 {
		rest = rest[:i] // a comment after the command
	}
	for _, m := range flagRe.FindAllStringSubmatch(rest, -1) {
		if fs.Lookup(m[1]) == nil {
			t.Errorf("README.md:%d: seqsim %s has no flag --%s (%q)", line, sub, m[1], cmd)
		}
	}
}
