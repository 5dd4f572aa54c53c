package tables

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/seqsim/seqsim/internal/filetest"
)

// The acceptance test of the Parquet outputs: the files the Go writer
// produces are read back by an independent reader, hyparquet (pure
// JavaScript, sharing no code with parquet-go) run by node through
// tools/parquet-reader/read.mjs, and every value is compared with the CSV.

const npmHint = "run `npm ci --prefix tools/parquet-reader` in the repository root (needs Node.js and npm)"

// hyFile is read.mjs's output.
type hyFile struct {
	Rows      int64 `json:"rows"`
	CreatedBy string
	Columns   []struct {
		Name          string         `json:"name"`
		Type          string         `json:"type"`
		Repetition    string         `json:"repetition"`
		ConvertedType string         `json:"converted_type"`
		LogicalType   map[string]any `json:"logical_type"`
	} `json:"columns"`
	Metadata  map[string]string `json:"metadata"`
	RowGroups []int64           `json:"row_groups"`
	Data      [][]any           `json:"data"`
}

// hyparquetReader returns the node binary and the path of read.mjs. A
// missing node or node_modules fails the test: CI must not skip it.
func hyparquetReader(t *testing.T) (node, script string) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("node not found in PATH (%v): install Node.js, then %s", err, npmHint)
	}
	dir := filepath.Join(repoRoot(t), "tools", "parquet-reader")
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "hyparquet", "package.json")); err != nil {
		t.Fatalf("hyparquet is not installed in tools/parquet-reader/node_modules: %s", npmHint)
	}
	return node, filepath.Join(dir, "read.mjs")
}

// readWithHyparquet runs node read.mjs on path.
func readWithHyparquet(t *testing.T, node, script, path string) hyFile {
	t.Helper()
	cmd := exec.Command(node, script, path)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("node read.mjs %s: %v\n%s", path, err, stderr.Bytes())
	}
	dec := json.NewDecoder(&stdout)
	dec.UseNumber() // keep numbers as text: parse them as float64 ourselves
	var f hyFile
	if err := dec.Decode(&f); err != nil {
		t.Fatalf("read.mjs output: %v", err)
	}
	return f
}

// hyCell turns one JSON value from read.mjs into a cell of a column of kind
// k. Integers must come as strings (BigInt: exact), doubles as JSON numbers
// or the strings read.mjs uses for NaN, ±Infinity and -0.
func hyCell(k Kind, v any) (cell, error) {
	if v == nil {
		return cell{null: true}, nil
	}
	switch k {
	case Int, Uint:
		s, ok := v.(string)
		if !ok {
			return cell{}, fmt.Errorf("integer read as %T %v, want a BigInt (string)", v, v)
		}
		if k == Int {
			x, err := strconv.ParseInt(s, 10, 64)
			return cell{text: strconv.FormatInt(x, 10)}, err
		}
		x, err := strconv.ParseUint(s, 10, 64)
		return cell{text: strconv.FormatUint(x, 10)}, err
	case String:
		s, ok := v.(string)
		if !ok {
			return cell{}, fmt.Errorf("string read as %T %v", v, v)
		}
		return cell{text: s}, nil
	default:
		switch v := v.(type) {
		case json.Number:
			x, err := strconv.ParseFloat(string(v), 64)
			return floatCell(x), err
		case string:
			x, ok := map[string]float64{
				"NaN": math.NaN(), "Infinity": math.Inf(1), "-Infinity": math.Inf(-1), "-0": math.Copysign(0, -1),
			}[v]
			if !ok {
				return cell{}, fmt.Errorf("double read as string %q", v)
			}
			return floatCell(x), nil
		}
		return cell{}, fmt.Errorf("double read as %T %v", v, v)
	}
}

func TestIndependentReader(t *testing.T) {
	node, script := hyparquetReader(t)
	dir := t.TempDir()
	runsPath := writeFile(t, dir, "runs.csv", runsCSV)
	header := filetest.ReadCSV(t, runsPath)[0]
	runsSpec := RunsSpec(header, "scenario")
	runsSpec.RowGroupRows = 2 // row group boundaries too
	bigPath := filepath.Join(dir, "big.csv")
	bigSpec := bigRunsCSV(t, bigPath, 5000)
	bigSpec.RowGroupRows = 1000

	for _, tc := range []struct {
		name    string
		csvPath string
		spec    Spec
	}{
		{"runs", runsPath, runsSpec},
		{"series", writeFile(t, dir, "series.csv", seriesCSV), SeriesSpec()},
		{"header-only", writeFile(t, dir, "empty.csv", "point,step,metric,mean,p05,p25,p50,p75,p95\n"), SeriesSpec()},
		{"5000 runs", bigPath, bigSpec},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pqPath := filepath.Join(dir, tc.name+".parquet")
			if err := CSVToParquet(tc.csvPath, pqPath, tc.spec, testMeta); err != nil {
				t.Fatal(err)
			}
			f := readWithHyparquet(t, node, script, pqPath)

			// Metadata.
			for k, v := range testMeta {
				if f.Metadata[k] != v {
					t.Errorf("metadata %s = %q, want %q", k, f.Metadata[k], v)
				}
			}
			if len(f.Metadata) != len(testMeta) {
				t.Errorf("metadata %v, want %v", f.Metadata, testMeta)
			}

			// Columns: names in CSV order, and the types a reader sees.
			if len(f.Columns) != len(tc.spec.Columns) {
				t.Fatalf("%d columns, want %d", len(f.Columns), len(tc.spec.Columns))
			}
			for i, c := range f.Columns {
				want := tc.spec.Columns[i]
				lt := fmt.Sprint(c.LogicalType)
				var ok bool
				switch want.Kind {
				case Int:
					ok = c.Type == "INT64" && c.Repetition == "REQUIRED" && c.ConvertedType == "INT_64" &&
						lt == "map[bitWidth:64 isSigned:true type:INTEGER]"
				case Uint:
					ok = c.Type == "INT64" && c.Repetition == "REQUIRED" && c.ConvertedType == "UINT_64" &&
						lt == "map[bitWidth:64 isSigned:false type:INTEGER]"
				case String:
					ok = c.Type == "BYTE_ARRAY" && c.Repetition == "OPTIONAL" && c.ConvertedType == "UTF8" &&
						lt == "map[type:STRING]"
				default:
					ok = c.Type == "DOUBLE" && c.Repetition == "OPTIONAL" && c.ConvertedType == "" && c.LogicalType == nil
				}
				if c.Name != want.Name || !ok {
					t.Errorf("column %d: %+v, want %s of kind %v", i, c, want.Name, want.Kind)
				}
			}

			// Rows: the footer's count, the row groups, and every value.
			records := filetest.ReadCSV(t, tc.csvPath)[1:]
			if f.Rows != int64(len(records)) || len(f.Data) != len(records) {
				t.Fatalf("footer says %d rows, read %d, the CSV has %d", f.Rows, len(f.Data), len(records))
			}
			var sum int64
			for _, n := range f.RowGroups {
				sum += n
				if n > int64(tc.spec.RowGroupRows) && tc.spec.RowGroupRows > 0 {
					t.Errorf("row group of %d rows, more than %d", n, tc.spec.RowGroupRows)
				}
			}
			if sum != f.Rows {
				t.Errorf("row groups %v sum to %d, want %d", f.RowGroups, sum, f.Rows)
			}
			got := make([][]cell, len(f.Data))
			for r, row := range f.Data {
				got[r] = make([]cell, len(row))
				for i, v := range row {
					if i >= len(tc.spec.Columns) {
						t.Fatalf("row %d has %d values", r, len(row))
					}
					c, err := hyCell(tc.spec.Columns[i].Kind, v)
					if err != nil {
						t.Fatalf("row %d column %s: %v", r, tc.spec.Columns[i].Name, err)
					}
					got[r][i] = c
				}
			}
			compareWithCSV(t, tc.csvPath, tc.spec, got)
		})
	}
}
