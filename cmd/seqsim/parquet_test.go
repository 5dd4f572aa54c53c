package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/seqsim/seqsim/internal/filetest"
	"github.com/seqsim/seqsim/internal/manifest"
)

// TestRunParquetReadByIndependentReader: the Parquet files of a real run,
// read by hyparquet (not the library that wrote them), have the rows,
// values and metadata of the CSV files and the manifest.
func TestRunParquetReadByIndependentReader(t *testing.T) {
	t.Parallel()
	reader := filepath.Join("..", "..", "tools", "parquet-reader")
	if _, err := os.Stat(filepath.Join(reader, "node_modules", "hyparquet")); err != nil {
		t.Fatalf("hyparquet is not installed: run `npm ci --prefix tools/parquet-reader` (make test does): %v", err)
	}
	dir := filepath.Join(t.TempDir(), "out")
	if _, _, err := runCLI(t, append([]string{"run", "--out", dir}, small...)...); err != nil {
		t.Fatal(err)
	}
	var m manifest.Manifest
	b, _ := os.ReadFile(filepath.Join(dir, "manifest.json"))
	json.Unmarshal(b, &m)
	for _, name := range []string{"runs", "series"} {
		out, err := exec.Command("node", filepath.Join(reader, "read.mjs"), filepath.Join(dir, name+".parquet")).Output()
		if err != nil {
			t.Fatalf("node read.mjs %s.parquet: %v", name, err)
		}
		var got struct {
			Rows     int               `json:"rows"`
			Metadata map[string]string `json:"metadata"`
			Data     [][]any           `json:"data"`
		}
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatal(err)
		}
		rows := filetest.ReadCSV(t, filepath.Join(dir, name+".csv"))
		if got.Rows != len(rows)-1 || len(got.Data) != got.Rows {
			t.Fatalf("%s: parquet has %d rows, csv %d", name, got.Rows, len(rows)-1)
		}
		if got.Metadata["experiment_hash"] != m.ExperimentHash || got.Metadata["seed"] != "1" {
			t.Errorf("%s: metadata %v", name, got.Metadata)
		}
		for i, row := range rows[1:] {
			for j, cell := range row {
				v := got.Data[i][j]
				switch {
				case cell == "":
					if v != nil {
						t.Fatalf("%s row %d col %s: csv empty, parquet %v", name, i, rows[0][j], v)
					}
				default:
					want, err := strconv.ParseFloat(cell, 64)
					if err != nil { // a string column (metric name)
						if v != cell {
							t.Fatalf("%s row %d col %s: %q vs %v", name, i, rows[0][j], cell, v)
						}
						continue
					}
					var have float64
					switch x := v.(type) {
					case float64:
						have = x
					case string: // BigInt from the reader
						have, _ = strconv.ParseFloat(x, 64)
					}
					if have != want {
						t.Fatalf("%s row %d col %s: csv %v, parquet %v", name, i, rows[0][j], want, v)
					}
				}
			}
		}
	}
}
