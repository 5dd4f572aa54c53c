package study

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/study/folder"
)

// TestWholeOutcomesShownWhole is issue 18's acceptance: the terminal
// summary, summary.md and report.html show 1 (not 0.99 or 1.00) for the
// median of a 0/1 outcome that is mostly 1, and whole percentiles for
// counts and days.
func TestWholeOutcomesShownWhole(t *testing.T) {
	t.Parallel()
	exp, err := experiments.LoadFile(filepath.Join("testdata", "mostly-captured.toml"), nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "out")
	res, err := Run(context.Background(), exp, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	var term strings.Builder
	res.WriteSummary(&term)
	md, err := os.ReadFile(filepath.Join(dir, folder.Summary))
	if err != nil {
		t.Fatal(err)
	}
	html, err := os.ReadFile(filepath.Join(dir, folder.Report))
	if err != nil {
		t.Fatal(err)
	}
	whole := regexp.MustCompile(`^-?[0-9]+$`)
	for _, name := range []string{"captured", "capture_day", "proposals_passed", "operator_exits", "operator_entries"} {
		// terminal: name, mean, ±half, p5, p50, p95
		tr := terminalRow(term.String(), "all runs", name)
		if len(tr) != 6 {
			t.Fatalf("%s: no terminal row (%q)", name, tr)
		}
		mdRow := markdownRow(string(md), name)
		htmlRow := htmlRow(string(html), name)
		if len(mdRow) < 6 || len(htmlRow) < 4 {
			t.Fatalf("%s: rows summary.md %q, report.html %q", name, mdRow, htmlRow)
		}
		// summary.md: | name | mean | ±half | p5 | p50 | p95 | unit |;
		// report.html: mean with its interval, p5, p50, p95, ...
		for k, got := range [][]string{tr[3:6], mdRow[3:6], htmlRow[1:4]} {
			for _, v := range got {
				if !whole.MatchString(v) {
					t.Errorf("%s: percentile %q in %s is not a whole number", name, v, []string{"the terminal", "summary.md", "report.html"}[k])
				}
			}
			if name == "captured" && got[1] != "1" {
				t.Errorf("captured: median %q in %s, want 1", got[1], []string{"the terminal", "summary.md", "report.html"}[k])
			}
		}
	}
}

// markdownRow returns the cells of outcome name's row in summary.md.
func markdownRow(md, name string) []string {
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "| "+name+" |") {
			var cells []string
			for _, c := range strings.Split(strings.Trim(line, "|"), "|") {
				cells = append(cells, strings.TrimSpace(c))
			}
			return cells
		}
	}
	return nil
}

// htmlRow returns the text of the cells of outcome name's row in
// report.html's outcome table (each cell's value, without its interval).
func htmlRow(html, name string) []string {
	_, rest, ok := strings.Cut(html, `<th scope="row">`+name+`<span`)
	if !ok {
		return nil
	}
	row, _, _ := strings.Cut(rest, "</tr>")
	var cells []string
	for _, m := range regexp.MustCompile(`<td[^>]*>([^<]*)`).FindAllStringSubmatch(row, -1) {
		cells = append(cells, m[1])
	}
	return cells
}
