package engine

import (
	"math"
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
// per-point columns (the parameters a sweep varies), then the summary.
type CSVSink struct {
	f     *atomicfile.File
	buf   []byte
	extra func(point int) []string
}

// NewCSVSink starts writing path (atomically: see Commit) with the header
// point, run, seed, extraNames..., summaryNames....
func NewCSVSink(path string, extraNames, summaryNames []string, extra func(point int) []string) (*CSVSink, error) {
	f, err := atomicfile.Create(path)
	if err != nil {
		return nil, err
	}
	s := &CSVSink{f: f, extra: extra}
	s.buf = append(s.buf, "point,run,seed"...)
	for _, n := range append(append([]string(nil), extraNames...), summaryNames...) {
		s.buf = append(s.buf, ',')
		s.buf = append(s.buf, n...)
	}
	s.buf = append(s.buf, '\n')
	_, err = f.Write(s.buf)
	return s, err
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
			b = appendCSVField(b, v)
		}
	}
	for _, v := range summary {
		b = append(b, ',')
		b = AppendFloat(b, v)
	}
	b = append(b, '\n')
	s.buf = b
	_, err := s.f.Write(b)
	return err
}

// Commit makes runs.csv appear; Abort discards it.
func (s *CSVSink) Commit() error { return s.f.Commit() }

// Abort discards the file.
func (s *CSVSink) Abort() { s.f.Abort() }

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

// appendCSVField quotes a field that holds a comma, a quote or a newline
// (RFC 4180).
func appendCSVField(dst []byte, s string) []byte {
	if !strings.ContainsAny(s, ",\"\n\r") {
		return append(dst, s...)
	}
	dst = append(dst, '"')
	dst = append(dst, strings.ReplaceAll(s, `"`, `""`)...)
	return append(dst, '"')
}
