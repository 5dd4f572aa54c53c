package folder

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
)

// RunsReader reads the rows of a runs.csv written by [RunsWriter]
// (encoding/csv undoes the RFC 4180 quoting of scenario names). Every
// error names the file and the line.
type RunsReader struct {
	r      *csv.Reader
	path   string
	nExtra int
	header []string
	row    Row
}

// Row is one row of runs.csv. Its slices are reused by the next call to
// [RunsReader.Next]: copy what must outlive it.
type Row struct {
	Line    int       // line of the row in the file (1 is the header)
	Point   int       // scenario point
	Run     int       // run of the point
	Seed    uint64    // the unit's seed
	Extra   []string  // the per-point values, as written
	Summary []float64 // the outcomes, NaN for an empty field
	Fields  []string  // every field of the row, as written
}

// NewRunsReader reads the header of a runs.csv from r; path names it in
// errors. nExtra per-point columns follow point, run and seed.
func NewRunsReader(r io.Reader, path string, nExtra int) (*RunsReader, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // checked in Next, with the line
	cr.ReuseRecord = true
	rr := &RunsReader{r: cr, path: path, nExtra: nExtra}
	head, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: empty file", path)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	rr.header = slices.Clone(head)
	if len(head) < len(runsKeys)+nExtra || !slices.Equal(head[:len(runsKeys)], runsKeys[:]) {
		return nil, fmt.Errorf("%s:1: header %q does not start with %s and %d per-point columns", path, strings.Join(head, ","), strings.Join(runsKeys[:], ","), nExtra)
	}
	return rr, nil
}

// OpenRuns opens the runs.csv at path; the caller closes the file.
func OpenRuns(path string, nExtra int) (*os.File, *RunsReader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	rr, err := NewRunsReader(f, path, nExtra)
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, rr, nil
}

// Header returns the column names.
func (rr *RunsReader) Header() []string { return rr.header }

// Next returns the next row, or io.EOF after the last.
func (rr *RunsReader) Next() (*Row, error) {
	fields, err := rr.r.Read()
	if err == io.EOF {
		return nil, io.EOF
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rr.path, err)
	}
	line, _ := rr.r.FieldPos(0)
	if len(fields) != len(rr.header) {
		return nil, fmt.Errorf("%s:%d: %d fields, the header has %d", rr.path, line, len(fields), len(rr.header))
	}
	r := &rr.row
	r.Line, r.Fields = line, fields
	p, err1 := strconv.Atoi(fields[0])
	run, err2 := strconv.Atoi(fields[1])
	seed, err3 := strconv.ParseUint(fields[2], 10, 64)
	if err := errors.Join(err1, err2, err3); err != nil {
		return nil, fmt.Errorf("%s:%d: %v", rr.path, line, err)
	}
	r.Point, r.Run, r.Seed = p, run, seed
	k := len(runsKeys)
	r.Extra = fields[k : k+rr.nExtra]
	r.Summary = r.Summary[:0]
	for i, v := range fields[k+rr.nExtra:] {
		x := math.NaN()
		if v != "" {
			if x, err = strconv.ParseFloat(v, 64); err != nil {
				return nil, fmt.Errorf("%s:%d: column %s: %q is not a number", rr.path, line, rr.header[k+rr.nExtra+i], v)
			}
		}
		r.Summary = append(r.Summary, x)
	}
	return r, nil
}
