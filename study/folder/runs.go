package folder

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
)

// AppendFloat formats v in the shortest form that parses back to the same
// float64 (so CSV files round-trip exactly); NaN is written as an empty field
// (a metric with no value, e.g. the day of an event that never happened).
func AppendFloat(dst []byte, v float64) []byte {
	if math.IsNaN(v) {
		return dst
	}
	return strconv.AppendFloat(dst, v, 'g', -1, 64)
}

// RunsWriter writes runs.csv: one row per unit with point, run, seed,
// optional per-point columns (the parameters a sweep varies), then the
// summary. Rows go to PATH.partial, which Sync makes durable (for
// checkpoints) and Commit renames to PATH, so an interrupted run never
// leaves a half-written runs.csv, and a resumed one continues the same
// file.
type RunsWriter struct {
	f       *os.File
	w       *bufio.Writer
	path    string
	written int64
	buf     []byte
	extra   func(point int) []string
}

// PartialPath is where a RunsWriter writes before Commit.
func PartialPath(path string) string { return path + ".partial" }

// NewRunsWriter starts writing path with the header point, run, seed,
// extraNames..., summaryNames...; extra gives a point's per-point values
// (nil when there are none).
func NewRunsWriter(path string, extraNames, summaryNames []string, extra func(point int) []string) (*RunsWriter, error) {
	f, err := os.Create(PartialPath(path))
	if err != nil {
		return nil, fmt.Errorf("folder: %w", err)
	}
	s := &RunsWriter{f: f, w: bufio.NewWriterSize(f, 1<<16), path: path, extra: extra}
	for i, n := range slices.Concat(runsKeys[:], extraNames, summaryNames) {
		if i > 0 {
			s.buf = append(s.buf, ',')
		}
		s.buf = append(s.buf, n...)
	}
	s.buf = append(s.buf, '\n')
	return s, s.write(s.buf)
}

// ResumeRunsWriter continues a writer whose partial file holds offset
// durable bytes (from a checkpoint): anything after them is discarded.
func ResumeRunsWriter(path string, offset int64, extra func(point int) []string) (*RunsWriter, error) {
	if _, err := os.Stat(PartialPath(path)); errors.Is(err, os.ErrNotExist) {
		// Stopped after runs.csv was committed but before the checkpoint
		// was removed: the committed file starts with the checkpoint's rows.
		if err := os.Rename(path, PartialPath(path)); err != nil {
			return nil, fmt.Errorf("folder: resuming %s: %w", path, err)
		}
	}
	f, err := os.OpenFile(PartialPath(path), os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("folder: resuming %s: %w", path, err)
	}
	if err = f.Truncate(offset); err == nil {
		_, err = f.Seek(offset, io.SeekStart)
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("folder: resuming %s: %w", path, err)
	}
	return &RunsWriter{f: f, w: bufio.NewWriterSize(f, 1<<16), path: path, written: offset, extra: extra}, nil
}

func (s *RunsWriter) write(b []byte) error {
	n, err := s.w.Write(b)
	s.written += int64(n)
	return err
}

// Row writes the row of one unit: its point, run and seed, the point's
// per-point values, then summary (NaN as an empty field).
func (s *RunsWriter) Row(point, run int, seed uint64, summary []float64) error {
	b := s.buf[:0]
	b = strconv.AppendInt(b, int64(point), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(run), 10)
	b = append(b, ',')
	b = strconv.AppendUint(b, seed, 10)
	if s.extra != nil {
		for _, v := range s.extra(point) {
			b = append(b, ',')
			b = AppendCSVField(b, v)
		}
	}
	for _, v := range summary {
		b = append(b, ',')
		b = AppendFloat(b, v)
	}
	b = append(b, '\n')
	s.buf = b
	return s.write(b)
}

// Sync makes every row so far durable and returns the partial file's length.
func (s *RunsWriter) Sync() (int64, error) {
	if err := s.w.Flush(); err != nil {
		return 0, err
	}
	return s.written, s.f.Sync()
}

// Commit makes runs.csv appear.
func (s *RunsWriter) Commit() error {
	if s.f == nil {
		return nil
	}
	_, err := s.Sync()
	if cerr := s.f.Close(); err == nil {
		err = cerr
	}
	s.f = nil
	if err == nil {
		err = os.Rename(PartialPath(s.path), s.path)
	}
	if err != nil {
		return fmt.Errorf("folder: writing %s: %w", s.path, err)
	}
	return nil
}

// Close flushes and closes the partial file, keeping it for a resume.
func (s *RunsWriter) Close() error {
	if s.f == nil {
		return nil
	}
	_, err := s.Sync()
	s.f.Close()
	s.f = nil
	return err
}

// Abort discards the partial file; safe after Commit or Close.
func (s *RunsWriter) Abort() {
	if s.f != nil {
		s.f.Close()
		s.f = nil
		os.Remove(PartialPath(s.path))
	}
}

// AppendCSVField appends s as one CSV field, quoted when it holds a comma,
// a quote or a newline (RFC 4180).
func AppendCSVField(dst []byte, s string) []byte {
	if !strings.ContainsAny(s, ",\"\n\r") {
		return append(dst, s...)
	}
	dst = append(dst, '"')
	dst = append(dst, strings.ReplaceAll(s, `"`, `""`)...)
	return append(dst, '"')
}
