package study

import (
	"strconv"
	"strings"

	"github.com/seqsim/seqsim/engine"
	"github.com/seqsim/seqsim/internal/atomicfile"
	"github.com/seqsim/seqsim/study/folder"
)

// writeSeriesCSV writes series.csv: point, step, metric, mean, p05, p25,
// p50, p75, p95, in point, step and metric order.
func writeSeriesCSV(path string, b *engine.Bands) error {
	f, err := atomicfile.Create(path)
	if err != nil {
		return err
	}
	defer f.Abort()
	if _, err := f.WriteString(strings.Join(append(folder.SeriesKeys(), folder.SeriesStats()...), ",") + "\n"); err != nil {
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
				buf = folder.AppendFloat(buf, st.Mean)
				for _, q := range st.Q {
					buf = append(buf, ',')
					buf = folder.AppendFloat(buf, q)
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
