package tables

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/parquet-go/parquet-go"

	"github.com/seqsim/seqsim/internal/atomicfile"
)

// rowBatch is how many rows are handed to the Parquet writer at once.
const rowBatch = 256

// CSVToParquet converts the CSV file at csvPath, whose header must be exactly
// spec's column names, into a Parquet file at parquetPath with spec's types
// and meta as key/value file metadata. It streams: memory depends on
// spec.RowGroupRows and the number of columns, not on the number of rows.
//
// The Parquet file is written under a temporary name in the same folder,
// synced and renamed, so on any error nothing new appears at parquetPath.
// Errors name the CSV file, the line and the column:
// "tables: out/x/runs.csv:12: column final_price: invalid number "abc"".
func CSVToParquet(csvPath, parquetPath string, spec Spec, meta map[string]string) error {
	if err := spec.validate(); err != nil {
		return err
	}
	in, err := os.Open(csvPath)
	if err != nil {
		return fmt.Errorf("tables: %w", err)
	}
	defer in.Close()

	r := csv.NewReader(bufio.NewReaderSize(in, 1<<16))
	r.ReuseRecord = true
	header, err := r.Read()
	if err == io.EOF {
		return fmt.Errorf("tables: %s: empty file, want the header %s", csvPath, strings.Join(spec.names(), ","))
	}
	if err != nil {
		return csvError(csvPath, err)
	}
	if err := checkHeader(csvPath, header, spec); err != nil {
		return err
	}
	r.FieldsPerRecord = len(spec.Columns)

	out, err := atomicfile.Create(parquetPath)
	if err != nil {
		return fmt.Errorf("tables: %w", err)
	}
	defer out.Abort() // no-op after Commit

	w := parquet.NewWriter(out, writerOptions(spec, meta)...)
	groupRows := spec.RowGroupRows
	if groupRows == 0 {
		groupRows = DefaultRowGroupRows
	}
	rows := make([]parquet.Row, rowBatch)
	n, inGroup := 0, 0
	writeBatch := func() error {
		if n == 0 {
			return nil
		}
		if _, err := w.WriteRows(rows[:n]); err != nil {
			return fmt.Errorf("tables: writing %s: %w", parquetPath, err)
		}
		n = 0
		return nil
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return recordError(csvPath, r, rec, spec, err)
		}
		row, bad, err := parseRow(rows[n][:0], rec, spec)
		if err != nil {
			line, _ := r.FieldPos(bad)
			return fmt.Errorf("tables: %s:%d: %w", csvPath, line, err)
		}
		rows[n] = row
		n++
		inGroup++
		if n == len(rows) || inGroup == groupRows {
			if err := writeBatch(); err != nil {
				return err
			}
		}
		if inGroup == groupRows {
			if err := w.Flush(); err != nil {
				return fmt.Errorf("tables: writing %s: %w", parquetPath, err)
			}
			inGroup = 0
		}
	}
	if err := writeBatch(); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("tables: writing %s: %w", parquetPath, err)
	}
	if err := out.Commit(); err != nil {
		return fmt.Errorf("tables: %w", err)
	}
	return nil
}

// writerOptions fixes everything that could make the bytes vary: the codec,
// the created_by string and the metadata order (parquet-go sorts it too).
func writerOptions(spec Spec, meta map[string]string) []parquet.WriterOption {
	opts := []parquet.WriterOption{
		spec.schema(),
		parquet.Compression(&parquet.Snappy),
		createdBy(createdByString),
	}
	keys := make([]string, 0, len(meta))
	for k := range meta {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		opts = append(opts, parquet.KeyValueMetadata(k, meta[k]))
	}
	return opts
}

// createdBy sets the file's created_by verbatim.
type createdBy string

func (c createdBy) ConfigureWriter(config *parquet.WriterConfig) { config.CreatedBy = string(c) }

// parquetLibrary is the module that writes the files and its version, as
// required in go.mod (a test keeps them in step).
const (
	parquetModule  = "github.com/parquet-go/parquet-go"
	parquetVersion = "0.32.0"
)

// createdByString names the library that wrote the file and its version, in
// the Parquet spec's "<application> version <version>" form. It is a
// constant, not read from the binary's build information (absent in test
// binaries), and has no build hash (which parquet-go appends by default), so
// every build writes the same bytes. Readers use created_by to work around
// known writer bugs; seqsim's own version is in the key/value metadata.
const createdByString = parquetModule + " version " + parquetVersion

// checkHeader compares the CSV header with the spec.
func checkHeader(csvPath string, header []string, spec Spec) error {
	want := spec.names()
	if slices.Equal(header, want) {
		return nil
	}
	for i := range min(len(header), len(want)) {
		if header[i] != want[i] {
			return fmt.Errorf("tables: %s:1: header column %d is %q, want %q (header %s, want %s)",
				csvPath, i+1, header[i], want[i], strings.Join(header, ","), strings.Join(want, ","))
		}
	}
	return fmt.Errorf("tables: %s:1: header has %d columns, want %d (header %s, want %s)",
		csvPath, len(header), len(want), strings.Join(header, ","), strings.Join(want, ","))
}

// recordError explains a CSV reading error; a ragged row names the first
// missing or extra column.
func recordError(csvPath string, r *csv.Reader, rec []string, spec Spec, err error) error {
	if errors.Is(err, csv.ErrFieldCount) && rec != nil {
		line, _ := r.FieldPos(0)
		if len(rec) < len(spec.Columns) {
			return fmt.Errorf("tables: %s:%d: column %s: missing: the row has %d fields, the header %d",
				csvPath, line, spec.Columns[len(rec)].Name, len(rec), len(spec.Columns))
		}
		return fmt.Errorf("tables: %s:%d: the row has %d fields, the header %d (extra field %q after column %s)",
			csvPath, line, len(rec), len(spec.Columns), rec[len(spec.Columns)], spec.Columns[len(spec.Columns)-1].Name)
	}
	return csvError(csvPath, err)
}

func csvError(csvPath string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("tables: %s:%d:%d: %w", csvPath, pe.Line, pe.Column, pe.Err)
	}
	return fmt.Errorf("tables: %s: %w", csvPath, err)
}

// parseRow appends rec's values to row, typed per spec. An error names the
// column, and bad is the index of the field (the caller adds the file and
// line).
func parseRow(row parquet.Row, rec []string, spec Spec) (_ parquet.Row, bad int, err error) {
	for i, field := range rec {
		c := spec.Columns[i]
		var v parquet.Value
		switch c.Kind {
		case Int:
			x, err := strconv.ParseInt(field, 10, 64)
			if err != nil {
				return row, i, fieldError(c, field, "integer", err)
			}
			v = parquet.Int64Value(x).Level(0, 0, i)
		case Uint:
			x, err := strconv.ParseUint(field, 10, 64)
			if err != nil {
				return row, i, fieldError(c, field, "unsigned integer", err)
			}
			v = parquet.Int64Value(int64(x)).Level(0, 0, i)
		case String:
			if field == "" {
				v = parquet.NullValue().Level(0, 0, i)
			} else {
				v = parquet.ByteArrayValue([]byte(field)).Level(0, 1, i)
			}
		default:
			if field == "" {
				v = parquet.NullValue().Level(0, 0, i)
				break
			}
			x, err := strconv.ParseFloat(field, 64)
			if err != nil {
				return row, i, fieldError(c, field, "number", err)
			}
			v = parquet.DoubleValue(x).Level(0, 1, i)
		}
		row = append(row, v)
	}
	return row, 0, nil
}

func fieldError(c Column, field, what string, err error) error {
	var ne *strconv.NumError
	if errors.As(err, &ne) && errors.Is(ne.Err, strconv.ErrRange) {
		return fmt.Errorf("column %s: %s %q out of range", c.Name, what, field)
	}
	if field == "" {
		return fmt.Errorf("column %s: empty, but %s columns cannot be null", c.Name, what)
	}
	return fmt.Errorf("column %s: invalid %s %q", c.Name, what, field)
}
