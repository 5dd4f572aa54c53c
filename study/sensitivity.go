package study

import (
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"strings"

	"github.com/seqsim/seqsim/engine/sensitivity"
	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/internal/atomicfile"
	"github.com/seqsim/seqsim/internal/stats"
	"github.com/seqsim/seqsim/study/folder"
)

// sensitivityResult is the analysis of one outcome metric.
type sensitivityResult struct {
	metric string
	sobol  *sensitivity.SobolResult
	morris *sensitivity.MorrisResult
	oat    *sensitivity.OATResult
	noise  float64 // share of output variance that is seed noise (NaN: one replicate)
	note   string  // why there are no indices ("no variance", non-finite points)
}

// analyse computes the indices of every requested outcome from the
// per-point replicate means.
func analyse(rr *runResult) []sensitivityResult {
	pl := rr.plan
	want := map[string]bool{}
	for _, m := range rr.exp.Sensitivity.Metrics {
		want[m] = true
	}
	boot := sensitivity.Bootstrap{Resamples: rr.exp.Sensitivity.Bootstrap, Level: 0.95, Seed: uint64(rr.exp.Experiment.Seed)}
	var out []sensitivityResult
	for j, m := range rr.schema.Outcomes {
		if len(want) > 0 && !want[m.Name] {
			continue
		}
		y := make([]float64, pl.Points)
		reps := make([][]float64, pl.Points) // point x replicate
		for p := range y {
			reps[p] = rr.values[p][j]
			y[p] = stats.Mean(reps[p])
		}
		r := sensitivityResult{metric: m.Name, noise: noiseShare(reps)}
		var err error
		switch {
		case pl.Saltelli != nil:
			r.sobol, err = sensitivity.Sobol(pl.Saltelli, y, boot)
		case pl.Morris != nil:
			r.morris, err = sensitivity.Morris(pl.Morris, y, boot)
		case pl.OAT != nil:
			// Replicate r of every row shares its seed under common random
			// numbers: each bar's interval is then paired.
			r.oat, err = sensitivity.OATReplicated(pl.OAT, y, reps, rr.exp.Experiment.CommonRandomNumbers)
		}
		if err != nil {
			r.note = noteFor(err, pl)
		}
		out = append(out, r)
	}
	return out
}

// oatNote is the note of an OAT row of sensitivity.csv: the outputs at
// the low and high ends, the half-width of the 95% interval of their
// difference and whether it is paired (the report reads it back).
func oatNote(b sensitivity.OATBar) string {
	return fmt.Sprintf("oat y(lo=%g)=%g y(hi=%g)=%g diff_half=%g paired=%t", b.Lo, b.YLo, b.Hi, b.YHi, b.Half, b.Paired)
}

// noteFor explains a failed analysis: no variance, or the points whose
// output is NaN or Inf with their parameters.
func noteFor(err error, pl *experiments.Plan) string {
	if errors.Is(err, sensitivity.ErrNoVariance) {
		return "no variance"
	}
	var nf *sensitivity.NonFiniteError
	if errors.As(err, &nf) {
		s := fmt.Sprintf("%d design points gave NaN or Inf, e.g.", len(nf.Rows))
		for _, row := range nf.Rows[:min(len(nf.Rows), 3)] {
			s += fmt.Sprintf(" [point %d:", row)
			for i, v := range pl.Values(row) {
				s += fmt.Sprintf(" %s=%g", pl.SweepPaths[i], v)
			}
			s += "]"
		}
		return s
	}
	return err.Error()
}

// noiseShare is the share of an outcome's variance that is seed noise,
// from the replicates of each design point (which differ only by seed):
// the ANOVA variance components of [sensitivity.NoiseShare]. Pooling all
// runs instead would be biased under common random numbers, where every
// point shares the same few seeds. NaN (an empty cell) when there is no
// estimate: one replicate per point, a run without a value, or an output
// that does not vary at all (whose note says "no variance").
func noiseShare(reps [][]float64) float64 {
	share, err := sensitivity.NoiseShare(reps)
	if err != nil {
		return math.NaN()
	}
	return share
}

// writeSensitivityCSV writes sensitivity.csv: one row per (metric,
// parameter) with whichever indices the method gives; and, for Sobol with
// second order, sensitivity_s2.csv.
func writeSensitivityCSV(dir string, rs []sensitivityResult) error {
	f, err := atomicfile.Create(filepath.Join(dir, folder.Sensitivity))
	if err != nil {
		return err
	}
	defer f.Abort()
	f.WriteString("metric,parameter,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi,mu_star,mu_star_lo,mu_star_hi,sigma,noise_share,note\n")
	nan := math.NaN()
	var s2 []byte
	for _, r := range rs {
		switch {
		case r.sobol != nil:
			s := r.sobol
			for i, n := range s.Names {
				writeRow(f, r.metric, n, []float64{s.S1[i], s.S1Lo[i], s.S1Hi[i], s.ST[i], s.STLo[i], s.STHi[i], nan, nan, nan, nan, r.noise}, "")
				for k := i + 1; s.S2 != nil && k < len(s.Names); k++ {
					s2 = fmt.Appendf(s2, "%s,%s,%s,%s,%s,%s\n", r.metric, n, s.Names[k],
						folder.AppendFloat(nil, s.S2[i][k]), folder.AppendFloat(nil, s.S2Lo[i][k]), folder.AppendFloat(nil, s.S2Hi[i][k]))
				}
			}
		case r.morris != nil:
			m := r.morris
			for i, n := range m.Names {
				writeRow(f, r.metric, n, []float64{nan, nan, nan, nan, nan, nan, m.MuStar[i], m.MuStarLo[i], m.MuStarHi[i], m.Sigma[i], r.noise}, "")
			}
		case r.oat != nil:
			for _, b := range r.oat.Bars {
				writeRow(f, r.metric, b.Name, []float64{nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, r.noise}, oatNote(b))
			}
		default:
			writeRow(f, r.metric, "", []float64{nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, r.noise}, r.note)
		}
	}
	if err := f.Commit(); err != nil {
		return err
	}
	if s2 != nil {
		return atomicfile.Write(filepath.Join(dir, folder.SensitivityS2), append([]byte("metric,parameter_i,parameter_j,S2,S2_lo,S2_hi\n"), s2...))
	}
	return nil
}

// writeRow writes one row of sensitivity.csv.
func writeRow(f *atomicfile.File, metric, param string, vals []float64, note string) {
	b := fmt.Appendf(nil, "%s,%s", metric, param)
	for _, v := range vals {
		b = append(b, ',')
		b = folder.AppendFloat(b, v)
	}
	b = append(b, ',')
	b = append(b, strings.ReplaceAll(note, ",", ";")...)
	f.Write(append(b, '\n'))
}
