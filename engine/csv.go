package engine

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/seqsim/seqsim/internal/atomicfile"
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

// CSVSink writes runs.csv: one row per unit with point, run, seed, optional
// per-point columns (the parameters a sweep varies), then the summary. Rows
// go to PATH.partial, which Sync makes durable (for checkpoints) and Commit
// renames to PATH, so an interrupted run never leaves a half-written
// runs.csv, and a resumed one continues the same file.
type CSVSink struct {
	f       *os.File
	w       *bufio.Writer
	path    string
	written int64
	buf     []byte
	extra   func(point int) []string
}

// PartialPath is where a CSVSink writes before Commit.
func PartialPath(path string) string { return path + ".partial" }

// NewCSVSink starts writing path with the header point, run, seed,
// extraNames..., summaryNames....
func NewCSVSink(path string, extraNames, summaryNames []string, extra func(point int) []string) (*CSVSink, error) {
	f, err := os.Create(PartialPath(path))
	if err != nil {
		return nil, fmt.Errorf("engine: %w", err)
	}
	s := &CSVSink{f: f, w: bufio.NewWriterSize(f, 1<<16), path: path, extra: extra}
	s.buf = append(s.buf, "point,run,seed"...)
	for _, n := range append(append([]string(nil), extraNames...), summaryNames...) {
		s.buf = append(s.buf, ',')
		s.buf = append(s.buf, n...)
	}
	s.buf = append(s.buf, '\n')
	return s, s.write(s.buf)
}

// ResumeCSVSink continues a sink whose partial file holds offset durable
// bytes (from a checkpoint): anything after them is discarded.
func ResumeCSVSink(path string, offset int64, extra func(point int) []string) (*CSVSink, error) {
	if _, err := os.Stat(PartialPath(path)); errors.Is(err, os.ErrNotExist) {
		// Stopped after runs.csv was committed but before the checkpoint
		// was removed: the committed file starts with the checkpoint's rows.
		if err := os.Rename(path, PartialPath(path)); err != nil {
			return nil, fmt.Errorf("engine: resuming %s: %w", path, err)
		}
	}
	f, err := os.OpenFile(PartialPath(path), os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("engine: resuming %s: %w", path, err)
	}
	if err = f.Truncate(offset); err == nil {
		_, err = f.Seek(offset, io.SeekStart)
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("engine: resuming %s: %w", path, err)
	}
	return &CSVSink{f: f, w: bufio.NewWriterSize(f, 1<<16), path: path, written: offset, extra: extra}, nil
}

func (s *CSVSink) write(b []byte) error {
	n, err := s.w.Write(b)
	s.written += int64(n)
	return err
}

// Row implements Sink.
func (s *CSVSink) Row(u Unit, summary []float64) error {
	b := s.buf[:0]
	b = strconv.AppendInt(b, int64(u.Point), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(u.Run), 10)
	b = append(b, ',')
	b = strconv.AppendUint(b, u.Seed, 10)
	if s.extra != nil {
		for _, v := range s.extra(u.Point) {
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
func (s *CSVSink) Sync() (int64, error) {
	if err := s.w.Flush(); err != nil {
		return 0, err
	}
	return s.written, s.f.Sync()
}

// Commit makes runs.csv appear.
func (s *CSVSink) Commit() error {
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
		return fmt.Errorf("engine: writing %s: %w", s.path, err)
	}
	return nil
}

// Close flushes and closes the partial file, keeping it for a resume.
func (s *CSVSink) Close() error {
	if s.f == nil {
		return nil
	}
	_, err := s.Sync()
	s.f.Close()
	s.f = nil
	return err
}

// Abort discards the partial file; safe after Commit or Close.
func (s *CSVSink) Abort() {
	if s.f != nil {
		s.f.Close()
		s.f = nil
		os.Remove(PartialPath(s.path))
	}
}

// WriteSeriesCSV writes series.csv: point, step, metric, mean, p05, p25,
// p50, p75, p95, in point, step and metric order.
func WriteSeriesCSV(path string, b *Bands) error {
	f, err := atomicfile.Create(path)
	if err != nil {
		return err
	}
	defer f.Abort()
	if _, err := f.WriteString("point,step,metric,mean,p05,p25,p50,p75,p95\n"); err != nil {
		return err
	}
	var buf []byte
	for _, p := range b.Points() {
		for k := range b.KeptSteps() {
			for j, name := range b.Schema.Series {
				st := b.Stat(p, k, j)
				buf = strconv.AppendInt(buf[:0], int64(p), 10)
				buf = append(buf, ',')
				buf = strconv.AppendInt(buf, int64(b.KeptStep(k)), 10)
				buf = append(buf, ',')
				buf = append(buf, name...)
				buf = append(buf, ',')
				buf = AppendFloat(buf, st.Mean)
				for _, q := range st.Q {
					buf = append(buf, ',')
					buf = AppendFloat(buf, q)
				}
				buf = append(buf, '\n')
				if _, err := f.Write(buf); err != nil {
					return err
				}
			}
		}
	}
	return f.Commit()
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
