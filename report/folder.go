package report

import (
	"encoding/csv"
	"encoding/json"
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

	"github.com/BurntSushi/toml"
	schema "github.com/seqsim/seqsim/internal/manifest"
	"github.com/seqsim/seqsim/internal/stats"
	"github.com/seqsim/seqsim/plots"
	layout "github.com/seqsim/seqsim/study/folder"
)

// ErrBadFolder is wrapped by every error about a folder's input files: a
// missing file ([*MissingFileError]), a path that is not a folder, a file
// that does not parse. Failures to write are not.
var ErrBadFolder = errors.New("report: not a readable seqsim output folder")

// MissingFileError says that a folder lacks a file every seqsim output
// folder has, so it is not (or not yet) an output folder.
type MissingFileError struct {
	Dir  string // the folder
	File string // the missing file, relative to Dir
}

func (e *MissingFileError) Error() string {
	return fmt.Sprintf("report: %s is not a seqsim output folder: it has no %s", e.Dir, e.File)
}

// Is makes a MissingFileError match [ErrBadFolder].
func (e *MissingFileError) Is(target error) bool { return target == ErrBadFolder }

// badFolder marks an error reading a folder's files as [ErrBadFolder].
type badFolder struct{ err error }

func (e badFolder) Error() string   { return e.err.Error() }
func (e badFolder) Unwrap() []error { return []error{e.err, ErrBadFolder} }

// metric is a metric's metadata as manifest.json spells it. Everything the
// report does with a metric (its section, its charts, which way is better)
// follows from these fields, never from its name.
type metric = schema.Metric

// isKey reports whether m is one of the outcomes that matter: charted or
// with risk thresholds. Only key outcomes get best and worst marks, since
// only for them does "lower is better" (or higher, for lower-tail
// metrics) hold by design.
func isKey(m metric) bool { return m.Chart || len(m.RiskAbove) > 0 }

// manifest is manifest.json. Unknown fields are ignored, so newer
// manifests still load.
type manifest = schema.Manifest

// experimentInfo is the part of experiment.toml the report shows outside
// the full listing.
type experimentInfo struct {
	Experiment struct {
		Name        string `toml:"name"`
		Description string `toml:"description"`
	} `toml:"experiment"`
	Scenarios []struct {
		Name string   `toml:"name"`
		Set  []string `toml:"set"`
	} `toml:"scenarios"`
}

// point is one scenario/sweep point: its per-point column values (as
// written in runs.csv) and the outcome values of its runs.
type point struct {
	cols   []string    // values of study.Columns; nil when the point has no row
	values [][]float64 // outcome x run, NaN = no value
	seeds  []uint64    // run r's seed, for pairing with another point (nil when runs.csv lists the runs out of order)
	order  bool        // false once a run came out of order
	stats  []stats.Outcome
	bands  []*plots.Band // by series index; nil when series.csv has none
}

// folder is an output folder read from its files.
type folder struct {
	dir      string
	man      manifest
	toml     []byte // experiment.toml as written
	info     experimentInfo
	params   map[string]string // experiment.toml flattened to dotted paths
	points   []point
	rows     int // runs.csv data rows
	nonFin   int // non-finite outcome fields, counted as missing
	sens     []sensMetric
	s2       []s2Row
	hasSerie bool
	search   *searchData // a design search's tables; nil when the folder has none
}

// loadFolder reads an output folder. manifestJSON, when not nil, is used
// instead of dir/manifest.json (a run builds its report before it writes
// the manifest, which marks the folder complete).
func loadFolder(dir string, manifestJSON []byte) (*folder, error) {
	f, err := readFolder(dir, manifestJSON)
	var mf *MissingFileError
	if err != nil && !errors.As(err, &mf) {
		err = badFolder{err}
	}
	return f, err
}

func readFolder(dir string, manifestJSON []byte) (*folder, error) {
	if st, err := os.Stat(dir); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("report: %s: no such folder", dir)
		}
		return nil, fmt.Errorf("report: %w", err)
	} else if !st.IsDir() {
		return nil, fmt.Errorf("report: %s is not a folder", dir)
	}
	f := &folder{dir: dir}
	if manifestJSON == nil {
		b, err := readRequired(dir, layout.Manifest)
		if err != nil {
			return nil, err
		}
		manifestJSON = b
	}
	if err := json.Unmarshal(manifestJSON, &f.man); err != nil {
		return nil, fmt.Errorf("report: %s: %w", filepath.Join(dir, layout.Manifest), err)
	}
	if err := f.checkManifest(); err != nil {
		return nil, err
	}
	var err error
	if f.toml, err = readRequired(dir, layout.Experiment); err != nil {
		return nil, err
	}
	if _, err := toml.Decode(string(f.toml), &f.info); err != nil {
		return nil, fmt.Errorf("report: %s: %w", filepath.Join(dir, layout.Experiment), err)
	}
	var all map[string]any
	if _, err := toml.Decode(string(f.toml), &all); err != nil {
		return nil, fmt.Errorf("report: %s: %w", filepath.Join(dir, layout.Experiment), err)
	}
	f.params = map[string]string{}
	flatten("", all, f.params)
	// A design search's runs.csv is its final re-evaluation, a point per
	// chosen design: read as any study's, below its Design search section.
	if err := f.readRuns(); err != nil {
		return nil, err
	}
	if err := f.readSeries(); err != nil {
		return nil, err
	}
	if f.man.Study.Kind == kindSensitivity {
		if err := f.readSensitivity(); err != nil {
			return nil, err
		}
	}
	if f.search, err = readSearch(dir, f.man.Search); err != nil {
		return nil, err
	}
	for p := range f.points {
		pt := &f.points[p]
		pt.stats = make([]stats.Outcome, len(f.man.Outcomes))
		for i, m := range f.man.Outcomes {
			pt.stats[i] = stats.NewOutcome(pt.values[i], m.RiskAbove)
		}
	}
	return f, nil
}

// Study kinds as manifest.json names them.
const (
	kindSingle      = "single"
	kindScenarios   = "scenarios"
	kindSweep       = "sweep"
	kindSensitivity = "sensitivity"
	kindSearch      = "search"
)

// keepsSeries reports whether a study of the kind writes series.csv when
// its model records series: a sensitivity study and a design search keep
// their runs' outcomes alone (folderNotices says so). It is the
// manifest's side of experiments.Kind.KeepsSeries, which the study
// follows: report reads a folder and does not import experiments.
func keepsSeries(kind string) bool { return kind != kindSensitivity && kind != kindSearch }

func (f *folder) checkManifest() error {
	m := &f.man
	path := filepath.Join(f.dir, layout.Manifest)
	var errs []error
	least := 1
	if m.Search != nil {
		least = 0 // a search that re-evaluated no design: its runs.csv has no row
	}
	if m.Study.Points < least {
		errs = append(errs, fmt.Errorf("report: %s: study.points is %d, want at least %d", path, m.Study.Points, least))
	}
	if len(m.Outcomes) == 0 {
		errs = append(errs, fmt.Errorf("report: %s: no outcomes", path))
	}
	for _, ms := range [][]metric{m.Outcomes, m.Series} {
		seen := map[string]bool{} // an outcome and a series may share a name
		for _, x := range ms {
			if x.Name == "" || seen[x.Name] {
				errs = append(errs, fmt.Errorf("report: %s: metric name %q empty or repeated", path, x.Name))
			}
			seen[x.Name] = true
		}
	}
	if m.Study.Kind == "" { // manifests before studies: one point
		m.Study.Kind = kindSingle
	}
	return errors.Join(errs...)
}

func readRequired(dir, name string) ([]byte, error) {
	b, err := os.ReadFile(filepath.Join(dir, name))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &MissingFileError{Dir: dir, File: name}
	}
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return b, nil
}

// openCSV opens dir/name with its header read; a missing optional file
// gives a nil reader and no error.
func openCSV(dir, name string, required bool) (*os.File, *csv.Reader, []string, error) {
	path := filepath.Join(dir, name)
	fh, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		if required {
			return nil, nil, nil, &MissingFileError{Dir: dir, File: name}
		}
		return nil, nil, nil, nil
	}
	if err != nil {
		return nil, nil, nil, fmt.Errorf("report: %w", err)
	}
	r := csv.NewReader(fh)
	r.ReuseRecord = true
	head, err := r.Read()
	if err != nil {
		fh.Close()
		if err == io.EOF {
			err = errors.New("empty file")
		}
		return nil, nil, nil, fmt.Errorf("report: %s: %w", path, err)
	}
	return fh, r, slices.Clone(head), nil
}

// columnIndex maps each wanted name to its column in head.
func columnIndex(path string, head, want []string) ([]int, error) {
	idx := make([]int, len(want))
	var missing []string
	for i, w := range want {
		idx[i] = slices.Index(head, w)
		if idx[i] < 0 {
			missing = append(missing, strconv.Quote(w))
		}
	}
	switch {
	case len(missing) == 0:
		return idx, nil
	case len(missing) > 4:
		missing = append(missing[:3], fmt.Sprintf("and %d more", len(missing)-3))
	}
	return nil, fmt.Errorf("report: %s: no column %s", path, strings.Join(missing, ", "))
}

// readRuns reads runs.csv into per-point outcome values.
func (f *folder) readRuns() error {
	path := filepath.Join(f.dir, layout.Runs)
	nc := len(f.man.Study.Columns)
	fh, r, err := layout.OpenRuns(path, nc)
	if errors.Is(err, fs.ErrNotExist) {
		return &MissingFileError{Dir: f.dir, File: layout.Runs}
	}
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	defer fh.Close()
	want := []string{"point", "run"}
	want = append(want, f.man.Study.Columns...)
	for _, m := range f.man.Outcomes {
		want = append(want, m.Name)
	}
	idx, err := columnIndex(path, r.Header(), want)
	if err != nil {
		return err
	}
	first := len(layout.RunsKeys()) + nc // the first outcome column
	for i, m := range f.man.Outcomes {
		if idx[2+nc+i] < first {
			return fmt.Errorf("report: %s: column %s is not among the outcome columns", path, m.Name)
		}
	}
	f.points = make([]point, f.man.Study.Points)
	for p := range f.points {
		f.points[p].values = make([][]float64, len(f.man.Outcomes))
	}
	for {
		row, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("report: %w", err)
		}
		p := row.Point
		if p < 0 || p >= len(f.points) {
			return fmt.Errorf("report: %s:%d: point %d: want 0 to %d", path, row.Line, p, len(f.points)-1)
		}
		f.rows++
		pt := &f.points[p]
		if pt.cols == nil {
			pt.order = true
			pt.cols = make([]string, nc)
			for j := range nc {
				pt.cols[j] = strings.Clone(row.Fields[idx[2+j]])
			}
		}
		for i := range f.man.Outcomes {
			k := idx[2+nc+i]
			v := row.Summary[k-first]
			if row.Fields[k] != "" && (math.IsInf(v, 0) || math.IsNaN(v)) {
				f.nonFin++
				v = math.NaN()
			}
			pt.values[i] = append(pt.values[i], v)
		}
		pt.order = pt.order && row.Run == len(pt.seeds)
		pt.seeds = append(pt.seeds, row.Seed)
	}
	for p := range f.points {
		if !f.points[p].order {
			f.points[p].seeds = nil // runs that cannot be matched by index do not pair
		}
	}
	return nil
}

// seriesCols are the columns of series.csv after point, step and metric.
var seriesCols = [6]string(layout.SeriesStats())

// readSeries reads series.csv into per-point bands. It is required when
// the manifest lists series and the study records them.
func (f *folder) readSeries() error {
	required := len(f.man.Series) > 0 && keepsSeries(f.man.Study.Kind)
	fh, r, head, err := openCSV(f.dir, layout.Series, required)
	if err != nil || fh == nil {
		return err
	}
	defer fh.Close()
	path := filepath.Join(f.dir, layout.Series)
	idx, err := columnIndex(path, head, append(layout.SeriesKeys(), seriesCols[:]...))
	if err != nil {
		return err
	}
	f.hasSerie = true
	byName := make(map[string]int, len(f.man.Series))
	for i, m := range f.man.Series {
		byName[m.Name] = i
	}
	for p := range f.points {
		f.points[p].bands = make([]*plots.Band, len(f.man.Series))
	}
	var vals [len(seriesCols)]float64
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("report: %w", err)
		}
		j, ok := byName[rec[idx[2]]]
		if !ok {
			continue // a series the manifest does not describe: no unit, no chart
		}
		p, err := strconv.Atoi(rec[idx[0]])
		if err != nil || p < 0 || p >= len(f.points) {
			return fmt.Errorf("report: %s:%d: point %q: want 0 to %d", path, line, rec[idx[0]], len(f.points)-1)
		}
		step, err := strconv.ParseFloat(rec[idx[1]], 64)
		if err != nil {
			return fmt.Errorf("report: %s:%d: step %q is not a number", path, line, rec[idx[1]])
		}
		for k := range seriesCols {
			vals[k] = math.NaN()
			if s := rec[idx[3+k]]; s != "" {
				if vals[k], err = strconv.ParseFloat(s, 64); err != nil {
					return fmt.Errorf("report: %s:%d: %s %q is not a number", path, line, seriesCols[k], s)
				}
			}
		}
		b := f.points[p].bands[j]
		if b == nil {
			b = &plots.Band{}
			f.points[p].bands[j] = b
		}
		b.X = append(b.X, step)
		b.Mean = append(b.Mean, vals[0])
		b.P05 = append(b.P05, vals[1])
		b.P25 = append(b.P25, vals[2])
		b.P50 = append(b.P50, vals[3])
		b.P75 = append(b.P75, vals[4])
		b.P95 = append(b.P95, vals[5])
	}
}

// label names point p for legends and bar categories: "all runs" for a
// single point; otherwise its scenario and swept values, the paths
// shortened to their last two segments (as seqsim's summary does).
func (f *folder) label(p int) string {
	if len(f.points) == 1 {
		return "all runs"
	}
	return strings.Join(f.labelParts(p, shortPath), " ")
}

// labelParts are the parts of point p's name, one per per-point column:
// the scenario, then "path=value" with the path shortened by short.
func (f *folder) labelParts(p int, short func(string) string) []string {
	if f.man.Study.Kind == kindSearch && f.search != nil && p < len(f.search.front) {
		// runs.csv's point p is front.csv's design p, named as the Design
		// search section names it.
		return []string{fmt.Sprintf("#%d", f.search.front[p].id)}
	}
	cols := f.points[p].cols
	if cols == nil {
		return []string{fmt.Sprintf("point %d", p)}
	}
	var parts []string
	for i, c := range cols {
		name := f.man.Study.Columns[i]
		if name == "scenario" {
			parts = append(parts, c)
		} else {
			parts = append(parts, short(name)+"="+c)
		}
	}
	return parts
}

// lastSegment keeps the last segment of a dotted path: the shortest name
// that is still clear in a table whose caption lists the full paths.
func lastSegment(p string) string { return p[strings.LastIndexByte(p, '.')+1:] }

// shortPath keeps the last two segments of a dotted path.
func shortPath(p string) string {
	parts := strings.Split(p, ".")
	if len(parts) > 2 {
		parts = parts[len(parts)-2:]
	}
	return strings.Join(parts, ".")
}

// flatten writes v's leaves into out under dotted paths; arrays of
// tables are indexed (allocations.1.cliff_days), arrays of values are
// written as one value.
func flatten(prefix string, v any, out map[string]string) {
	join := func(k string) string {
		if prefix == "" {
			return k
		}
		return prefix + "." + k
	}
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			flatten(join(k), e, out)
		}
	case []map[string]any:
		for i, e := range x {
			flatten(join(strconv.Itoa(i)), e, out)
		}
	case []any:
		tables := len(x) > 0
		for _, e := range x {
			if _, ok := e.(map[string]any); !ok {
				tables = false
			}
		}
		if tables {
			for i, e := range x {
				flatten(join(strconv.Itoa(i)), e, out)
			}
			return
		}
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = tomlValue(e)
		}
		out[prefix] = "[" + strings.Join(parts, ", ") + "]"
	default:
		out[prefix] = tomlValue(x)
	}
}

func tomlValue(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case float64:
		// Whole numbers of up to 15 digits in full (30000000, not 3e+07):
		// USD and token amounts are read that way in the parameter tables
		// and the column labels.
		if x == math.Trunc(x) && math.Abs(x) < 1e15 {
			return strconv.FormatFloat(x, 'f', -1, 64)
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	case []any, map[string]any:
		m := map[string]string{}
		flatten("", x, m)
		keys := sortedKeys(m)
		parts := make([]string, len(keys))
		for i, k := range keys {
			if k == "" {
				parts[i] = m[k]
			} else {
				parts[i] = k + " = " + m[k]
			}
		}
		if len(parts) == 1 && keys[0] == "" {
			return parts[0]
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprint(v)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
