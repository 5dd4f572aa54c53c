package report

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	schema "github.com/seqsim/seqsim/internal/manifest"
	layout "github.com/seqsim/seqsim/study/folder"
)

// A design search (issue 16) leaves search.csv (every candidate, with its
// search estimates), front.csv (the chosen designs re-evaluated on fresh
// seeds) and, optionally, search_progress.csv (the runs used by the end
// of each generation). manifest.json's "search" says what was searched.
// The report reads the tables by their column names, as
// engine/search.Result.SearchTable and FrontTable write them, and never
// imports the engine.

// est is an estimate with its interval, as the tables give it.
type est struct{ v, lo, hi float64 }

// searchCand is a row of search.csv.
type searchCand struct {
	id, gen, reps int
	x             []float64
	obj, con      []est // nil when the candidate has no search runs
	violation     float64
	feasible      bool
	chosen        bool
}

// frontRow is a row of front.csv: a chosen design's fresh estimates.
type frontRow struct {
	id, reps  int
	x         []float64
	obj, con  []est
	violation float64
	rank      int
	best      bool
}

// searchData is a design search read from an output folder.
type searchData struct {
	spec       *schema.Search // nil: manifest.json does not describe the search
	vars       []string       // variable columns
	objs, cons []string       // objective and constraint columns
	cands      []searchCand
	front      []frontRow
	progRuns   []int // search_progress.csv: runs used by the end of each generation; nil when absent
}

// readSearch reads a folder's design search, or returns nil when the
// folder has no search.csv.
func readSearch(dir string, spec *schema.Search) (*searchData, error) {
	sRows, err := readCSVFile(filepath.Join(dir, layout.SearchCSV))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	fRows, err := readCSVFile(filepath.Join(dir, layout.Front))
	if err != nil {
		return nil, err
	}
	d := &searchData{spec: spec}
	if err := d.parseFront(filepath.Join(dir, layout.Front), fRows); err != nil {
		return nil, err
	}
	if err := d.parseSearch(filepath.Join(dir, layout.SearchCSV), sRows); err != nil {
		return nil, err
	}
	pRows, err := readCSVFile(filepath.Join(dir, layout.SearchProgress))
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, err
	default:
		if err := d.parseProgress(filepath.Join(dir, layout.SearchProgress), pRows); err != nil {
			return nil, err
		}
	}
	return d, nil
}

func readCSVFile(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.ReuseRecord = false
	var rows [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("report: %s: %w", path, err)
		}
		rows = append(rows, rec)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("report: %s: no header", path)
	}
	return rows, nil
}

// parseFront reads front.csv: candidate, the variables, replicates, a
// (name, name_lo, name_hi) triplet per objective then per constraint,
// violation, rank, best. The objectives are the first len(spec.Objectives)
// triplets (all of them when the manifest does not say).
func (d *searchData) parseFront(path string, rows [][]string) error {
	h := rows[0]
	iRep := slices.Index(h, "replicates")
	n := len(h)
	if len(h) < 6 || h[0] != "candidate" || iRep < 1 || h[n-3] != "violation" || h[n-2] != "rank" || h[n-1] != "best" || (n-3-iRep-1)%3 != 0 {
		return fmt.Errorf("report: %s:1: want the columns candidate, variables…, replicates, (name, name_lo, name_hi)…, violation, rank, best; got %s", path, strings.Join(h, ","))
	}
	d.vars = slices.Clone(h[1:iRep])
	var names []string
	for i := iRep + 1; i < n-3; i += 3 {
		if h[i+1] != h[i]+"_lo" || h[i+2] != h[i]+"_hi" {
			return fmt.Errorf("report: %s:1: column %s is not followed by %s_lo and %s_hi", path, h[i], h[i], h[i])
		}
		names = append(names, h[i])
	}
	nObj := len(names)
	if d.spec != nil {
		nObj = len(d.spec.Objectives)
		if nObj+len(d.spec.Constraints) != len(names) {
			return fmt.Errorf("report: %s:1: %d estimate columns, but manifest.json's search has %d objectives and %d constraints", path, len(names), nObj, len(d.spec.Constraints))
		}
	}
	d.objs, d.cons = names[:nObj], names[nObj:]
	for li, r := range rows[1:] {
		line := li + 2
		p := cellParser{path: path, line: line, head: h, row: r}
		if len(r) != n {
			return fmt.Errorf("report: %s:%d: %d fields, the header has %d", path, line, len(r), n)
		}
		fr := frontRow{id: p.int(0), reps: p.int(iRep), violation: p.float(n - 3), rank: p.int(n - 2), best: r[n-1] == "true"}
		for i := 1; i < iRep; i++ {
			fr.x = append(fr.x, p.float(i))
		}
		ests := p.ests(iRep+1, len(names))
		fr.obj, fr.con = ests[:nObj], ests[nObj:]
		if p.err != nil {
			return p.err
		}
		d.front = append(d.front, fr)
	}
	return nil
}

// parseSearch reads search.csv: candidate, generation, replicates, the
// variables, the estimate triplets, violation, feasible, chosen; a
// candidate without search runs has empty estimate cells.
func (d *searchData) parseSearch(path string, rows [][]string) error {
	h := rows[0]
	nEst := len(d.objs) + len(d.cons)
	want := append([]string{"candidate", "generation", "replicates"}, d.vars...)
	for _, name := range append(slices.Clone(d.objs), d.cons...) {
		want = append(want, name, name+"_lo", name+"_hi")
	}
	want = append(want, "violation", "feasible", "chosen")
	if !slices.Equal(h, want) {
		return fmt.Errorf("report: %s:1: columns %s, want those of front.csv: %s", path, strings.Join(h, ","), strings.Join(want, ","))
	}
	nv := len(d.vars)
	for li, r := range rows[1:] {
		line := li + 2
		if len(r) != len(h) {
			return fmt.Errorf("report: %s:%d: %d fields, the header has %d", path, line, len(r), len(h))
		}
		p := cellParser{path: path, line: line, head: h, row: r}
		c := searchCand{id: p.int(0), gen: p.int(1), reps: p.int(2), chosen: r[len(r)-1] == "true"}
		for i := range nv {
			c.x = append(c.x, p.float(3+i))
		}
		if c.reps > 0 {
			ests := p.ests(3+nv, nEst)
			c.obj, c.con = ests[:len(d.objs)], ests[len(d.objs):]
			c.violation = p.float(len(r) - 3)
			c.feasible = r[len(r)-2] == "true"
		}
		if p.err != nil {
			return p.err
		}
		d.cands = append(d.cands, c)
	}
	return nil
}

// parseProgress reads the runs column of search_progress.csv, one row per
// generation from 0. A file without a generation and a runs column is
// ignored (the convergence chart then counts runs from search.csv).
func (d *searchData) parseProgress(path string, rows [][]string) error {
	iGen, iRuns := slices.Index(rows[0], "generation"), slices.Index(rows[0], "runs")
	if iGen < 0 || iRuns < 0 {
		return nil
	}
	for li, r := range rows[1:] {
		p := cellParser{path: path, line: li + 2, head: rows[0], row: r}
		if g := p.int(iGen); p.err == nil && g != li {
			return fmt.Errorf("report: %s:%d: generation %d, want %d (one row per generation, in order)", path, li+2, g, li)
		}
		d.progRuns = append(d.progRuns, p.int(iRuns))
		if p.err != nil {
			return p.err
		}
	}
	return nil
}

// cellParser parses the cells of one row, keeping the first error, which
// names the file, the line and the column.
type cellParser struct {
	path string
	line int
	head []string
	row  []string
	err  error
}

func (p *cellParser) fail(i int, what string) {
	if p.err == nil && i < len(p.row) {
		p.err = fmt.Errorf("report: %s:%d: %s: %q is not %s", p.path, p.line, p.head[i], p.row[i], what)
	}
}

func (p *cellParser) int(i int) int {
	v, err := strconv.Atoi(p.row[i])
	if err != nil {
		p.fail(i, "an integer")
	}
	return v
}

func (p *cellParser) float(i int) float64 {
	v, err := strconv.ParseFloat(p.row[i], 64)
	if err != nil || math.IsNaN(v) {
		p.fail(i, "a number")
		return math.NaN()
	}
	return v
}

// ests parses n (value, lo, hi) triplets from column i on.
func (p *cellParser) ests(i, n int) []est {
	out := make([]est, n)
	for k := range out {
		j := i + 3*k
		out[k] = est{p.float(j), p.float(j + 1), p.float(j + 2)}
	}
	return out
}
