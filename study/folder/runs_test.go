package folder

import (
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunsRoundTrip: rows written by RunsWriter read back by RunsReader
// with their per-point values (quoted when they hold a comma) and
// outcomes, NaN as an empty field.
func TestRunsRoundTrip(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), Runs)
	extra := func(p int) []string { return []string{[]string{"base", "no burn, more stakers"}[p]} }
	w, err := NewRunsWriter(path, []string{"scenario"}, []string{"x", "y"}, extra)
	if err != nil {
		t.Fatal(err)
	}
	w.Row(0, 0, 11, []float64{1.5, math.NaN()})
	w.Row(1, 0, 12, []float64{0.1, -2e-300})
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	want := "point,run,seed,scenario,x,y\n0,0,11,base,1.5,\n1,0,12,\"no burn, more stakers\",0.1,-2e-300\n"
	if string(b) != want {
		t.Fatalf("runs.csv:\n%s\nwant\n%s", b, want)
	}
	f, r, err := OpenRuns(path, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []string
	for {
		row, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, strings.Join(row.Extra, "|"))
		if row.Line == 3 && (row.Point != 1 || row.Seed != 12 || row.Summary[1] != -2e-300) {
			t.Errorf("row 3: %+v", row)
		}
		if row.Line == 2 && !math.IsNaN(row.Summary[1]) {
			t.Errorf("empty field read as %v, want NaN", row.Summary[1])
		}
	}
	if strings.Join(got, ";") != "base;no burn, more stakers" {
		t.Errorf("per-point values %q", got)
	}
}

// TestRunsReaderNamesFileAndLine: a malformed row is named by file, line
// and column.
func TestRunsReaderNamesFileAndLine(t *testing.T) {
	t.Parallel()
	cases := []struct{ src, want string }{
		{"", "runs.csv: empty file"},
		{"run,point,seed,x\n", "runs.csv:1: header"},
		{"point,run,seed,x\n0,0,1,2\n0,1,2\n", "runs.csv:3: 3 fields, the header has 4"},
		{"point,run,seed,x\n0,0,1,abc\n", `runs.csv:2: column x: "abc" is not a number`},
		{"point,run,seed,x\n0,zero,1,2\n", `runs.csv:2: strconv.Atoi: parsing "zero"`},
	}
	for _, c := range cases {
		r, err := NewRunsReader(strings.NewReader(c.src), "runs.csv", 0)
		if err == nil {
			for err == nil {
				_, err = r.Next()
			}
		}
		if err == io.EOF || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.src, err, c.want)
		}
	}
}
