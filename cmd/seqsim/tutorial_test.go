package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestTutorial runs docs/tutorial.md as a reader would, in a fresh
// folder: every line of a ```sh block (seqsim, or cp), every ```toml block
// the line before names with "Save as `F`" or "Append this to `F`", and
// it checks that every path listed in a ```text block exists afterwards.
// A command the test does not know fails it, so the page cannot drift.
func TestTutorial(t *testing.T) {
	t.Parallel()
	bin := buildSeqsim(t)
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join("..", "..", "docs", "tutorial.md"))
	if err != nil {
		t.Fatal(err)
	}
	target := regexp.MustCompile("(Save this as|Append this to) `([^`]+)`")
	var block, lang, prev string
	var lines []string
	in := false
	commands := 0
	sc := bufio.NewScanner(strings.NewReader(string(src)))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case !in && strings.HasPrefix(line, "```"):
			in, lang, lines, block = true, strings.TrimPrefix(line, "```"), nil, prev
		case in && line == "```":
			in = false
			switch lang {
			case "sh":
				for _, cmd := range lines {
					runTutorialLine(t, bin, dir, cmd)
					commands++
				}
			case "toml":
				m := target.FindStringSubmatch(block)
				if m == nil {
					t.Fatalf("a toml block not preceded by \"Save this as `F`\" or \"Append this to `F`\": after %q", block)
				}
				flag := os.O_CREATE | os.O_WRONLY | os.O_TRUNC
				if m[1] == "Append this to" {
					flag = os.O_APPEND | os.O_WRONLY
				}
				f, err := os.OpenFile(filepath.Join(dir, m[2]), flag, 0o644)
				if err != nil {
					t.Fatal(err)
				}
				f.WriteString("\n" + strings.Join(lines, "\n") + "\n")
				f.Close()
			case "text":
				for _, p := range lines {
					if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
						t.Errorf("the tutorial promises %s: %v", p, err)
					}
				}
			}
		case in:
			lines = append(lines, line)
		case strings.TrimSpace(line) != "":
			prev = line
		}
	}
	if commands < 7 {
		t.Errorf("ran %d commands of the tutorial", commands)
	}
}

// runTutorialLine runs one command line of the tutorial in dir.
func runTutorialLine(t *testing.T, bin, dir, line string) {
	t.Helper()
	f := strings.Fields(line)
	switch {
	case len(f) == 3 && f[0] == "cp":
		b, err := os.ReadFile(filepath.Join(dir, f[1]))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f[2]), b, 0o644); err != nil {
			t.Fatal(err)
		}
	case len(f) > 1 && f[0] == "seqsim":
		if strings.ContainsAny(line, `'"\$*`) {
			t.Fatalf("%q: the test splits commands on spaces; write them without quotes", line)
		}
		cmd := exec.Command(bin, f[1:]...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", line, err, out)
		}
	default:
		t.Fatalf("the tutorial runs %q, which the test does not know", line)
	}
}
