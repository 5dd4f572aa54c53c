// Package tables writes seqsim's output tables as typed Parquet files beside
// the CSV files, so that pandas, polars and DuckDB load them with the right
// types (integers as integers, missing outcomes as nulls) and with the
// experiment's provenance in the file metadata.
//
// # Outline
//
//   - Spec, Column, Kind: the columns of a CSV file, in header order, each
//     with its Parquet type. RunsSpec builds it for runs.csv from its header
//     (point and run Int, seed Uint, the named scenario-like columns String,
//     the rest Double); SeriesSpec is the fixed spec of series.csv.
//   - CSVToParquet: streams a CSV file into a Parquet file in row groups of
//     at most Spec.RowGroupRows rows, so memory does not grow with the
//     number of rows. It checks the header against the spec and every field
//     against its column's type, reporting "tables: FILE:LINE: column NAME:
//     problem"; on any error nothing appears at the Parquet path, which is
//     written under a temporary name in the same folder, synced and renamed.
//   - Types: Int is a required INT64 (INTEGER(64, signed)); Uint is a
//     required INT64 annotated INTEGER(64, unsigned) / UINT_64, which DuckDB
//     reads as UBIGINT and pyarrow, pandas and polars as uint64, so seeds
//     above 2^63 keep their value; Double is an optional DOUBLE, an empty
//     field becoming a null (never NaN); String is an optional BYTE_ARRAY
//     annotated STRING, an empty field becoming a null.
//   - Determinism: the same CSV, spec and metadata give the same bytes:
//     Snappy compression, metadata keys sorted, no timestamps, and a fixed
//     created_by naming the Parquet library and its version without a build
//     string.
//
// The tests read every file back twice: with parquet-go, and with an
// independent reader, hyparquet (pure JavaScript) run by node through
// tools/parquet-reader/read.mjs, which needs `npm ci --prefix
// tools/parquet-reader` once.
package tables
