package main

import (
	"flag"
	"strings"
	"testing"
)

// TestHelpEveryCommand: `seqsim help CMD`, `seqsim CMD -h` and `seqsim
// CMD --help` print the command's usage on stdout with every flag, its
// meaning and its default, and succeed; `seqsim help` lists every command.
func TestHelpEveryCommand(t *testing.T) {
	t.Parallel()
	list, _, err := runCLI(t, "help")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range commands() {
		if !strings.Contains(list, "seqsim "+c.name+" ") {
			t.Errorf("seqsim help does not list %s:\n%s", c.name, list)
		}
		var first string
		for i, args := range [][]string{{"help", c.name}, {c.name, "-h"}, {c.name, "--help"}} {
			out, errOut, err := runCLI(t, args...)
			if err != nil || errOut != "" {
				t.Errorf("seqsim %s: %v, stderr %q", strings.Join(args, " "), err, errOut)
				continue
			}
			if i == 0 {
				first = out
			} else if out != first {
				t.Errorf("seqsim %s differs from seqsim help %s", strings.Join(args, " "), c.name)
			}
		}
		if !strings.HasPrefix(first, "usage: seqsim "+c.name) {
			t.Errorf("help %s does not start with its usage:\n%s", c.name, first)
		}
		c.flags().VisitAll(func(f *flag.Flag) {
			_, meaning := flag.UnquoteUsage(f)
			for _, want := range []string{"--" + f.Name + " ", meaning} {
				if !strings.Contains(first, want) {
					t.Errorf("help %s lacks %q:\n%s", c.name, want, first)
				}
			}
			if d := f.DefValue; d != "" && d != "0" && d != "false" && d != "-1" && !strings.Contains(meaning, "default") &&
				!strings.Contains(first, "(default "+d+")") {
				t.Errorf("help %s does not give --%s's default %s:\n%s", c.name, f.Name, d, first)
			}
		})
	}
	// Worked example: the line of one flag, whole.
	out, _, _ := runCLI(t, "run", "-h")
	if !strings.Contains(out, "  --checkpoint-every DURATION  how often to save a checkpoint (0: only on interrupt) (default 10s)\n") ||
		strings.Contains(out, "help requested") {
		t.Errorf("seqsim run -h:\n%s", out)
	}
	if _, _, err := runCLI(t, "help", "frobnicate"); exitCode(err) != 2 {
		t.Errorf("help of an unknown command: %v", err)
	}
}
