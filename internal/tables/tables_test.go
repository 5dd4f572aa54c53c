package tables

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/deprecated"
	"github.com/parquet-go/parquet-go/format"
	"github.com/seqsim/seqsim/internal/filetest"
)

// runsCSV has everything that is easy to get wrong: seeds at and above 2^63
// and the largest uint64, integers above 2^53, empty outcomes (nulls), NaN
// and infinities (values, not nulls), -0, subnormals, the largest double,
// quoted strings with commas, quotes and non-ASCII text, an empty string
// (a null), and a numeric parameter column.
const runsCSV = `point,run,seed,scenario,fee_rate,final_price,max_drawdown,total_burned
0,0,0,base,0.01,1.2345678901234567,0.5,
0,1,9223372036854775807,base,0.01,,0.25,1e+21
0,2,9223372036854775808,"with, comma",0.01,NaN,+Inf,-Inf
1,0,18446744073709551615,"quote "" and ünïcode ✓",0.02,-0,5e-324,1.7976931348623157e+308
1,1,9223372036854788153,,0.02,0.1,0.30000000000000004,-2.2250738585072014e-308
9007199254740993,123,42,"multi
line",,,,
`

const seriesCSV = `point,step,metric,mean,p05,p25,p50,p75,p95
0,0,price,1,0.9,0.95,1,1.05,1.1
0,1,price,1.0000000000000002,,,,,
0,1,circulating_supply,123456789.5,1e-300,2,3,4,5e+300
-1,-9223372036854775808,fair_value,-0.5,-1,-0.75,-0.5,-0.25,0
`

var testMeta = map[string]string{
	"experiment_hash": "sha256:0123abcd",
	"seed":            "18446744073709551615",
	"seqsim_version":  "v0.0.0-test",
}

func writeFile(t testing.TB, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// cell is a value in a form both readers can be compared with: null, or a
// canonical text (decimal integers, the hex bits of a float64, the string).
type cell struct {
	null bool
	text string
}

func (c cell) String() string {
	if c.null {
		return "null"
	}
	return c.text
}

func floatCell(x float64) cell {
	return cell{text: fmt.Sprintf("%v (bits %#016x)", x, math.Float64bits(x))}
}

// wantCell is the value a CSV field must become in a column of kind k.
func wantCell(t testing.TB, k Kind, field string) cell {
	t.Helper()
	if field == "" && (k == Double || k == String) {
		return cell{null: true}
	}
	switch k {
	case Int:
		x, err := strconv.ParseInt(field, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		return cell{text: strconv.FormatInt(x, 10)}
	case Uint:
		x, err := strconv.ParseUint(field, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		return cell{text: strconv.FormatUint(x, 10)}
	case String:
		return cell{text: field}
	default:
		x, err := strconv.ParseFloat(field, 64)
		if err != nil {
			t.Fatal(err)
		}
		return floatCell(x)
	}
}

// compareWithCSV checks got (rows of cells) against the CSV file, cell by
// cell.
func compareWithCSV(t testing.TB, csvPath string, spec Spec, got [][]cell) {
	t.Helper()
	records := filetest.ReadCSV(t, csvPath)[1:]
	if len(got) != len(records) {
		t.Fatalf("%d rows, the CSV has %d", len(got), len(records))
	}
	bad := 0
	for r, rec := range records {
		if len(got[r]) != len(rec) {
			t.Fatalf("row %d: %d values, the CSV has %d", r, len(got[r]), len(rec))
		}
		for i, field := range rec {
			want := wantCell(t, spec.Columns[i].Kind, field)
			if got[r][i] != want {
				t.Errorf("row %d column %s: got %v, want %v (CSV %q)", r, spec.Columns[i].Name, got[r][i], want, field)
				if bad++; bad > 20 {
					t.FailNow()
				}
			}
		}
	}
}

// goFile is a Parquet file read back with parquet-go.
type goFile struct {
	file      *parquet.File
	rows      [][]cell
	rowGroups []int64
}

func readWithParquetGo(t testing.TB, path string, spec Spec) goFile {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		t.Fatal(err)
	}
	out := goFile{file: pf}
	buf := make([]parquet.Row, 100)
	for _, rg := range pf.RowGroups() {
		out.rowGroups = append(out.rowGroups, rg.NumRows())
		rows := rg.Rows()
		for {
			n, err := rows.ReadRows(buf)
			for _, row := range buf[:n] {
				out.rows = append(out.rows, goCells(t, row, spec))
			}
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		rows.Close()
	}
	return out
}

func goCells(t testing.TB, row parquet.Row, spec Spec) []cell {
	t.Helper()
	cells := make([]cell, len(row))
	for i, v := range row {
		if v.Column() != i {
			t.Fatalf("value %d is of column %d", i, v.Column())
		}
		if v.IsNull() {
			cells[i] = cell{null: true}
			continue
		}
		switch spec.Columns[i].Kind {
		case Int:
			cells[i] = cell{text: strconv.FormatInt(v.Int64(), 10)}
		case Uint:
			cells[i] = cell{text: strconv.FormatUint(v.Uint64(), 10)}
		case String:
			cells[i] = cell{text: string(v.ByteArray())}
		default:
			cells[i] = floatCell(v.Double())
		}
	}
	return cells
}

// checkGoSchema checks the column order, physical, converted and logical
// types and repetition of the schema elements in the file's footer.
func checkGoSchema(t testing.TB, pf *parquet.File, spec Spec) {
	t.Helper()
	elems := pf.Metadata().Schema
	if len(elems) != len(spec.Columns)+1 {
		t.Fatalf("%d schema elements, want %d", len(elems), len(spec.Columns)+1)
	}
	for i, e := range elems[1:] {
		c := spec.Columns[i]
		typ, _ := e.Type.Get()
		rep, _ := e.RepetitionType.Get()
		got := fmt.Sprintf("%s %v %v", e.Name, rep, typ)
		if conv, ok := e.ConvertedType.Get(); ok {
			name, known := map[deprecated.ConvertedType]string{
				deprecated.Int64: "INT_64", deprecated.Uint64: "UINT_64", deprecated.UTF8: "UTF8",
			}[conv]
			if !known {
				name = strconv.Itoa(int(conv))
			}
			got += " converted " + name
		}
		if e.LogicalType.Value != nil {
			got += " logical " + e.LogicalType.String()
		}
		want := map[Kind]string{
			Int:    " REQUIRED INT64 converted INT_64 logical INT(64,true)",
			Uint:   " REQUIRED INT64 converted UINT_64 logical INT(64,false)",
			String: " OPTIONAL BYTE_ARRAY converted UTF8 logical STRING",
			Double: " OPTIONAL DOUBLE",
		}[c.Kind]
		if got != c.Name+want {
			t.Errorf("column %d: %q, want %q", i, got, c.Name+want)
		}
	}
}

func checkGoMetadata(t testing.TB, pf *parquet.File, meta map[string]string) {
	t.Helper()
	md := pf.Metadata()
	if len(md.KeyValueMetadata) != len(meta) {
		t.Errorf("metadata %v, want %v", md.KeyValueMetadata, meta)
	}
	for i, kv := range md.KeyValueMetadata {
		if meta[kv.Key] != kv.Value {
			t.Errorf("metadata %s = %q, want %q", kv.Key, kv.Value, meta[kv.Key])
		}
		if i > 0 && md.KeyValueMetadata[i-1].Key >= kv.Key {
			t.Errorf("metadata keys not sorted: %v", md.KeyValueMetadata)
		}
	}
	if want := "github.com/parquet-go/parquet-go version " + parquetVersion; md.CreatedBy != want {
		t.Errorf("created_by %q, want %q", md.CreatedBy, want)
	}
	for _, rg := range md.RowGroups {
		for _, cc := range rg.Columns {
			if cc.MetaData.Codec != format.Snappy {
				t.Errorf("column %v codec %v, want SNAPPY", cc.MetaData.PathInSchema, cc.MetaData.Codec)
			}
		}
	}
}

func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	runsPath := writeFile(t, dir, "runs.csv", runsCSV)
	header := filetest.ReadCSV(t, runsPath)[0]
	runsSpec := RunsSpec(header, "scenario")
	runsSpec.RowGroupRows = 4 // two row groups
	for _, tc := range []struct {
		name, csv string
		spec      Spec
		groups    []int64
	}{
		{"runs", runsCSV, runsSpec, []int64{4, 2}},
		{"series", seriesCSV, SeriesSpec(), []int64{4}},
		{"header-only", "point,run,seed,final_price\n", RunsSpec([]string{"point", "run", "seed", "final_price"}), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			csvPath := writeFile(t, dir, tc.name+".csv", tc.csv)
			pqPath := filepath.Join(dir, tc.name+".parquet")
			if err := CSVToParquet(csvPath, pqPath, tc.spec, testMeta); err != nil {
				t.Fatal(err)
			}
			got := readWithParquetGo(t, pqPath, tc.spec)
			if fmt.Sprint(got.rowGroups) != fmt.Sprint(tc.groups) {
				t.Errorf("row groups %v, want %v", got.rowGroups, tc.groups)
			}
			checkGoSchema(t, got.file, tc.spec)
			checkGoMetadata(t, got.file, testMeta)
			compareWithCSV(t, csvPath, tc.spec, got.rows)
		})
	}
}

// TestSeedsAboveInt63 spells out the seed values, so that a bug shared by
// the test's expectations and the writer cannot hide.
func TestSeedsAboveInt63(t *testing.T) {
	dir := t.TempDir()
	csvPath := writeFile(t, dir, "runs.csv", runsCSV)
	header := filetest.ReadCSV(t, csvPath)[0]
	spec := RunsSpec(header, "scenario")
	pqPath := filepath.Join(dir, "runs.parquet")
	if err := CSVToParquet(csvPath, pqPath, spec, nil); err != nil {
		t.Fatal(err)
	}
	rows, err := parquet.ReadFile[struct {
		Seed  uint64   `parquet:"seed"`
		Price *float64 `parquet:"final_price,optional"`
	}](pqPath)
	if err != nil {
		t.Fatal(err)
	}
	want := []uint64{0, 1<<63 - 1, 1 << 63, math.MaxUint64, 1<<63 + 12345, 42}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(rows), len(want))
	}
	for i, r := range rows {
		if r.Seed != want[i] {
			t.Errorf("row %d: seed %d, want %d", i, r.Seed, want[i])
		}
	}
	if rows[1].Price != nil || rows[5].Price != nil {
		t.Errorf("empty final_price read as %v, %v, want nulls", *rows[1].Price, *rows[5].Price)
	}
	if rows[2].Price == nil || !math.IsNaN(*rows[2].Price) {
		t.Errorf("NaN final_price read as %v, want NaN", rows[2].Price)
	}
}

func TestDeterministic(t *testing.T) {
	dir := t.TempDir()
	csvPath := writeFile(t, dir, "runs.csv", runsCSV)
	header := filetest.ReadCSV(t, csvPath)[0]
	spec := RunsSpec(header, "scenario")
	spec.RowGroupRows = 2

	var hashes []string
	for i := range 4 {
		// The same metadata built in different orders (map iteration order
		// is random anyway), written into different folders.
		meta := map[string]string{}
		keys := []string{"seqsim_version", "experiment_hash", "seed"}
		for j := range keys {
			k := keys[(i+j)%len(keys)]
			meta[k] = testMeta[k]
		}
		sub := filepath.Join(dir, strconv.Itoa(i))
		if err := os.Mkdir(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		pq := filepath.Join(sub, "runs.parquet")
		if err := CSVToParquet(csvPath, pq, spec, meta); err != nil {
			t.Fatal(err)
		}
		hashes = append(hashes, filetest.Hash(t, pq))
	}
	for i, h := range hashes {
		if h != hashes[0] {
			t.Errorf("write %d: sha256 %s, write 0: %s", i, h, hashes[0])
		}
	}

	// Sanity: the hash does see the metadata.
	other := map[string]string{"experiment_hash": "sha256:ffff", "seed": "1", "seqsim_version": "v0.0.0-test"}
	pq := filepath.Join(dir, "other.parquet")
	if err := CSVToParquet(csvPath, pq, spec, other); err != nil {
		t.Fatal(err)
	}
	if filetest.Hash(t, pq) == hashes[0] {
		t.Error("different metadata gave the same bytes")
	}
}

func TestBadInput(t *testing.T) {
	runsHeader := "point,run,seed,scenario,final_price\n"
	spec := RunsSpec(strings.Split(strings.TrimSpace(runsHeader), ","), "scenario")
	for _, tc := range []struct {
		name string
		csv  string
		spec Spec
		want []string // substrings of the error, after "tables: <path>"
	}{
		{"short row", runsHeader + "0,0,1,a,1.5\n0,1,2,a\n", spec,
			[]string{":3: ", "column final_price", "missing", "4 fields"}},
		{"long row", runsHeader + "0,0,1,a,1.5\n0,1,2,a,1,2\n", spec,
			[]string{":3: ", "6 fields", "after column final_price"}},
		{"not a number", runsHeader + "0,0,1,a,1.5\n0,1,2,a,1.5\n0,2,3,a,abc\n", spec,
			[]string{":4: ", "column final_price", `invalid number "abc"`}},
		{"number out of range", runsHeader + "0,0,1,a,1e999\n", spec,
			[]string{":2: ", "column final_price", "out of range"}},
		{"not an integer", runsHeader + "0,1.5,1,a,1\n", spec,
			[]string{":2: ", "column run", `invalid integer "1.5"`}},
		{"empty integer", runsHeader + ",0,1,a,1\n", spec,
			[]string{":2: ", "column point", "empty"}},
		{"negative seed", runsHeader + "0,0,-1,a,1\n", spec,
			[]string{":2: ", "column seed", `invalid unsigned integer "-1"`}},
		{"seed above 2^64", runsHeader + "0,0,18446744073709551616,a,1\n", spec,
			[]string{":2: ", "column seed", "out of range"}},
		{"line counts quoted newlines", runsHeader + "0,0,1,\"a\nb\",1\n0,1,2,a,x\n", spec,
			[]string{":4: ", "column final_price", `"x"`}},
		{"line of the field, not the record", runsHeader + "0,0,1,\"a\nb\",y\n", spec,
			[]string{":3: ", "column final_price", `"y"`}},
		{"bare quote", runsHeader + "0,0,1,a\"b,1\n", spec,
			[]string{":2:", "bare"}},
		{"header mismatch", "point,run,seed,scenario,final_prize\n", spec,
			[]string{":1: ", `"final_prize"`, `want "final_price"`}},
		{"header too short", "point,run,seed,scenario\n", spec,
			[]string{":1: ", "4 columns, want 5"}},
		{"empty file", "", spec, []string{"empty file"}},
		{"string column not in header", runsHeader,
			RunsSpec(strings.Split(strings.TrimSpace(runsHeader), ","), "scenaro"), []string{`"scenaro"`}},
		{"runs header without seed", "point,run,final_price\n",
			RunsSpec([]string{"point", "run", "final_price"}), []string{"must start with point,run,seed"}},
		{"duplicate column", "a,a\n", Spec{Columns: []Column{{"a", Double}, {"a", Double}}}, []string{`"a" twice`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			csvPath := writeFile(t, dir, "runs.csv", tc.csv)
			pqPath := filepath.Join(dir, "runs.parquet")
			err := CSVToParquet(csvPath, pqPath, tc.spec, testMeta)
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "tables: ") {
				t.Errorf("error %q does not start with \"tables: \"", msg)
			}
			if tc.spec.err == nil && tc.spec.validate() == nil && !strings.Contains(msg, csvPath) {
				t.Errorf("error %q does not name the file %s", msg, csvPath)
			}
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q does not contain %q", msg, w)
				}
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Errorf("folder holds %v, want only runs.csv (nothing written, no temporary left)", names)
			}
		})
	}
}

// TestErrorKeepsOldFile: a failed conversion leaves an earlier file alone.
func TestErrorKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	pqPath := writeFile(t, dir, "series.parquet", "old")
	csvPath := writeFile(t, dir, "series.csv", seriesCSV+"0,2,price,1,2,3,4,5,oops\n")
	if err := CSVToParquet(csvPath, pqPath, SeriesSpec(), nil); err == nil {
		t.Fatal("no error")
	}
	if b, _ := os.ReadFile(pqPath); string(b) != "old" {
		t.Errorf("the old file became %q", b)
	}
}

func TestMissingCSV(t *testing.T) {
	dir := t.TempDir()
	err := CSVToParquet(filepath.Join(dir, "nope.csv"), filepath.Join(dir, "nope.parquet"), SeriesSpec(), nil)
	if err == nil || !strings.HasPrefix(err.Error(), "tables: ") || !strings.Contains(err.Error(), "nope.csv") {
		t.Errorf("error %v", err)
	}
}

// bigRunsCSV writes a runs.csv of n rows (about 110 bytes a row).
func bigRunsCSV(t testing.TB, path string, n int) Spec {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	header := []string{"point", "run", "seed", "scenario", "fee_rate", "final_price", "max_drawdown", "total_burned"}
	w.Write(header)
	rec := make([]string, len(header))
	for i := range n {
		x := float64(i)
		rec[0] = strconv.Itoa(i / 1000)
		rec[1] = strconv.Itoa(i % 1000)
		rec[2] = strconv.FormatUint(uint64(i)*0x9E3779B97F4A7C15, 10)
		rec[3] = []string{"base", "bear", "bull"}[i%3]
		rec[4] = strconv.FormatFloat(0.01*x, 'g', -1, 64)
		rec[5] = strconv.FormatFloat(math.Sqrt(x)/7, 'g', -1, 64)
		rec[6] = ""
		if i%5 != 0 {
			rec[6] = strconv.FormatFloat(math.Sin(x), 'g', -1, 64)
		}
		rec[7] = strconv.FormatFloat(x*x/3, 'g', -1, 64)
		w.Write(rec)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return RunsSpec(header, "scenario")
}

// peakHeap runs f and returns the highest heap size seen while it ran, above
// the heap before it.
func peakHeap(f func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	var peak uint64
	var wg sync.WaitGroup
	done := make(chan struct{})
	wg.Go(func() {
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			peak = max(peak, read())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	f()
	peak = max(peak, read())
	close(done)
	wg.Wait()
	return peak - min(peak, base)
}

// TestConstantMemory converts CSVs of 20k and 200k rows with small row
// groups: the file has many row groups, and the peak heap does not grow
// with the number of rows (a converter holding all rows would need over
// 40 MB more for the larger file).
func TestConstantMemory(t *testing.T) {
	dir := t.TempDir()
	const groupRows = 10_000
	var peaks []uint64
	for _, n := range []int{20_000, 200_000} {
		csvPath := filepath.Join(dir, fmt.Sprintf("runs%d.csv", n))
		pqPath := filepath.Join(dir, fmt.Sprintf("runs%d.parquet", n))
		spec := bigRunsCSV(t, csvPath, n)
		spec.RowGroupRows = groupRows
		var err error
		peaks = append(peaks, peakHeap(func() { err = CSVToParquet(csvPath, pqPath, spec, testMeta) }))
		if err != nil {
			t.Fatal(err)
		}

		f, err := os.Open(pqPath)
		if err != nil {
			t.Fatal(err)
		}
		st, _ := f.Stat()
		pf, err := parquet.OpenFile(f, st.Size())
		if err != nil {
			t.Fatal(err)
		}
		if pf.NumRows() != int64(n) {
			t.Errorf("%d rows, want %d", pf.NumRows(), n)
		}
		groups := pf.RowGroups()
		if want := (n + groupRows - 1) / groupRows; len(groups) != want || len(groups) < 2 {
			t.Errorf("%d row groups, want %d", len(groups), want)
		}
		for i, g := range groups {
			if g.NumRows() > groupRows {
				t.Errorf("row group %d has %d rows, more than %d", i, g.NumRows(), groupRows)
			}
		}
		f.Close()
		if n == 200_000 {
			// Every value, against the CSV.
			compareWithCSV(t, csvPath, spec, readWithParquetGo(t, pqPath, spec).rows)
		}
	}
	t.Logf("peak heap: %d KiB for 20k rows, %d KiB for 200k rows", peaks[0]>>10, peaks[1]>>10)
	if peaks[1] > peaks[0]+24<<20 {
		t.Errorf("peak heap grew from %d KiB (20k rows) to %d KiB (200k rows)", peaks[0]>>10, peaks[1]>>10)
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{Double: "double", Int: "int", Uint: "uint", String: "string", 9: "Kind(9)"} {
		if k.String() != want {
			t.Errorf("%d: %q, want %q", int(k), k.String(), want)
		}
	}
}

func TestSchemaString(t *testing.T) {
	s := SeriesSpec().schema().String()
	if i, j := strings.Index(s, "step"), strings.Index(s, "metric"); i < 0 || j < i {
		t.Errorf("schema lost the column order:\n%s", s)
	}
}

// TestCreatedByVersion keeps the created_by version in step with go.mod.
func TestCreatedByVersion(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repoRoot(t), "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if want := parquetModule + " v" + parquetVersion; !strings.Contains(string(b), want) {
		t.Errorf("go.mod does not require %s: update parquetVersion in convert.go", want)
	}
}

// repoRoot is the folder holding go.mod, found by walking up from the
// package folder (the test's working directory).
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's working directory")
		}
		dir = parent
	}
}
