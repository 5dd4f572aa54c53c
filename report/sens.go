package report

import (
	"fmt"
	layout "github.com/seqsim/seqsim/study/folder"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// sensMetric is the sensitivity analysis of one outcome, as
// sensitivity.csv gives it.
type sensMetric struct {
	metric string
	method string // sobol, morris, oat, or "" when there are no indices
	noise  float64
	rows   []sensRow
	notes  []string // the note column of rows without indices: why there are none
}

// sensRow is one parameter's indices; fields a method does not give are
// NaN.
type sensRow struct {
	param                        string
	s1, s1Lo, s1Hi               float64
	st, stLo, stHi               float64
	muStar, muStarLo, muStarHi   float64
	sigma                        float64
	oatLo, oatYLo, oatHi, oatYHi float64
	oatHalf                      float64 // half-width of the 95% interval of oatYHi − oatYLo (NaN: not written)
	oatPaired                    bool
	note                         string
}

// s2Row is one second-order Sobol index with its interval.
type s2Row struct {
	metric, pi, pj string
	s2, lo, hi     float64
}

var sensCols = [...]string{"metric", "parameter", "S1", "S1_lo", "S1_hi", "ST", "ST_lo", "ST_hi",
	"mu_star", "mu_star_lo", "mu_star_hi", "sigma", "noise_share", "note"}

// readSensitivity reads sensitivity.csv (required for a sensitivity study)
// and sensitivity_s2.csv (when present).
func (f *folder) readSensitivity() error {
	fh, r, head, err := openCSV(f.dir, layout.Sensitivity, true)
	if err != nil {
		return err
	}
	defer fh.Close()
	path := filepath.Join(f.dir, layout.Sensitivity)
	idx, err := columnIndex(path, head, sensCols[:])
	if err != nil {
		return err
	}
	num := func(rec []string, c, line int) (float64, error) {
		s := rec[idx[c]]
		if s == "" {
			return math.NaN(), nil
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return 0, fmt.Errorf("report: %s:%d: %s %q is not a number", path, line, sensCols[c], s)
		}
		return v, nil
	}
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("report: %w", err)
		}
		var v [11]float64 // S1 … noise_share
		for c := range v {
			if v[c], err = num(rec, 2+c, line); err != nil {
				return err
			}
		}
		name := rec[idx[0]]
		if len(f.sens) == 0 || f.sens[len(f.sens)-1].metric != name {
			f.sens = append(f.sens, sensMetric{metric: strings.Clone(name), noise: v[10]})
		}
		sm := &f.sens[len(f.sens)-1]
		note := strings.Clone(rec[idx[13]])
		param := rec[idx[1]]
		if param == "" {
			if note != "" {
				sm.notes = append(sm.notes, note)
			}
			continue
		}
		row := sensRow{param: strings.Clone(param),
			s1: v[0], s1Lo: v[1], s1Hi: v[2], st: v[3], stLo: v[4], stHi: v[5],
			muStar: v[6], muStarLo: v[7], muStarHi: v[8], sigma: v[9],
			oatLo: math.NaN(), oatYLo: math.NaN(), oatHi: math.NaN(), oatYHi: math.NaN(), oatHalf: math.NaN(), note: note}
		method := ""
		switch {
		case !math.IsNaN(row.s1) || !math.IsNaN(row.st):
			method = "sobol"
		case !math.IsNaN(row.muStar):
			method = "morris"
		case strings.HasPrefix(note, "oat "):
			method = "oat"
			// written by the run as "oat y(lo=%g)=%g y(hi=%g)=%g"
			if _, err := fmt.Sscanf(note, "oat y(lo=%g)=%g y(hi=%g)=%g", &row.oatLo, &row.oatYLo, &row.oatHi, &row.oatYHi); err != nil {
				return fmt.Errorf("report: %s:%d: note %q: %v", path, line, note, err)
			}
			// then, since issue 17, the interval of the difference
			if _, rest, ok := strings.Cut(note, " diff_half="); ok {
				if _, err := fmt.Sscanf(rest, "%g paired=%t", &row.oatHalf, &row.oatPaired); err != nil {
					return fmt.Errorf("report: %s:%d: note %q: %v", path, line, note, err)
				}
			}
			row.note = ""
		}
		if sm.method != "" && method != sm.method {
			return fmt.Errorf("report: %s:%d: metric %s mixes %s and %s indices", path, line, name, sm.method, method)
		}
		sm.method = method
		sm.rows = append(sm.rows, row)
	}
	return f.readS2()
}

func (f *folder) readS2() error {
	fh, r, head, err := openCSV(f.dir, layout.SensitivityS2, false)
	if err != nil || fh == nil {
		return err
	}
	defer fh.Close()
	path := filepath.Join(f.dir, layout.SensitivityS2)
	idx, err := columnIndex(path, head, []string{"metric", "parameter_i", "parameter_j", "S2", "S2_lo", "S2_hi"})
	if err != nil {
		return err
	}
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("report: %w", err)
		}
		row := s2Row{metric: strings.Clone(rec[idx[0]]), pi: strings.Clone(rec[idx[1]]), pj: strings.Clone(rec[idx[2]])}
		for i, dst := range []*float64{&row.s2, &row.lo, &row.hi} {
			s := rec[idx[3+i]]
			*dst = math.NaN()
			if s != "" {
				if *dst, err = strconv.ParseFloat(s, 64); err != nil {
					return fmt.Errorf("report: %s:%d: %q is not a number", path, line, s)
				}
			}
		}
		f.s2 = append(f.s2, row)
	}
}

// Thresholds of the warnings the report derives from the indices, the
// same as engine/sensitivity's (WideIntervals: an interval wider than a
// tenth of the [0, 1] scale; Morris: overlapping µ* intervals of
// neighbours in the ranking; Sobol: more than 10 factors).
const (
	wideInterval    = 0.1
	maxSobolFactors = 10
)

// warnings derives the cautions a reader needs from the indices
// themselves, so they survive in a rebuilt report, plus any note the run
// wrote on the rows.
func (sm *sensMetric) warnings() []string {
	var out []string
	add := func(s string) {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	switch sm.method {
	case "sobol":
		if len(sm.rows) > maxSobolFactors {
			add(fmt.Sprintf("%d factors: screen them with Morris first and keep the influential few for Sobol", len(sm.rows)))
		}
		for _, r := range sm.rows {
			if r.s1Hi-r.s1Lo > wideInterval || r.stHi-r.stLo > wideInterval {
				add(fmt.Sprintf("intervals are wide (wider than %g): the ranking of factors is uncertain; increase N", wideInterval))
				break
			}
		}
		var sum float64
		for _, r := range sm.rows {
			sum += r.s1
		}
		if sum > 1+wideInterval {
			add(fmt.Sprintf("the first-order indices sum to %.2f, above 1: estimates are noisy; increase N", sum))
		}
	case "morris":
		order := make([]int, len(sm.rows))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmpDesc(sm.rows[a].muStar, sm.rows[b].muStar) })
		for i := 1; i < len(order); i++ {
			a, b := sm.rows[order[i-1]], sm.rows[order[i]]
			if a.muStarLo <= b.muStarHi {
				add(fmt.Sprintf("µ* intervals of %s and %s overlap: their order is uncertain; increase the trajectories", a.param, b.param))
			}
		}
	}
	if !math.IsNaN(sm.noise) && sm.noise > 0.5 {
		add(fmt.Sprintf("seed noise is %.0f%% of the output's variance: the indices describe noise as much as the parameters; raise sensitivity.replicates", 100*sm.noise))
	}
	for _, r := range sm.rows {
		add(r.note)
	}
	return out
}

// cmpDesc orders larger values first, NaN last.
func cmpDesc(a, b float64) int {
	switch {
	case math.IsNaN(a) && math.IsNaN(b):
		return 0
	case math.IsNaN(a):
		return 1
	case math.IsNaN(b):
		return -1
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}

// sensLede says how the indices of each method were estimated.
func sensLede(method string) string {
	switch method {
	case "sobol":
		return "Sobol indices from a Saltelli design: first order S1 after Saltelli (2010), total order ST after Jansen (1999), with bootstrap percentile 95% intervals over the base samples. S1 is the share of the output's variance a parameter explains alone; ST adds its interactions."
	case "morris":
		return "Morris elementary effects (Campolongo, Cariboni and Saltelli 2007): µ* is the mean absolute effect of moving a parameter over its range scaled to [0, 1], with a bootstrap 95% interval over trajectories; σ is their spread, large when the effect is non-linear or interacts."
	case "oat":
		return "One at a time: each parameter moved to the low and the high end of its range with the others at their base values. Swings say nothing about interactions."
	}
	return ""
}

// sensSection is the report of a sensitivity study: one part per analysed
// outcome with its top factors, its table of indices, warnings and chart.
func sensSection(f *folder, charts []*chart, formats []string) *section {
	st := f.man.Study
	s := &section{ID: "sensitivity", Title: "Sensitivity",
		Lede: fmt.Sprintf("Which parameters drive each outcome, and by how much. %s", sensLede(st.Sensitivity))}
	for _, sm := range f.sens {
		sub := &section{ID: "sensitivity-" + sanitize(sm.metric), Title: sm.metric}
		if mi := slices.IndexFunc(f.man.Outcomes, func(m metric) bool { return m.Name == sm.metric }); mi >= 0 {
			m := f.man.Outcomes[mi]
			sub.Lede = m.Doc
			if m.Unit != "" {
				sub.Lede += " (" + m.Unit + ")"
			}
		}
		sub.Cards = sensCards(&sm)
		sub.Warnings = sm.warnings()
		sub.Tables = sensTables(f, &sm)
		for _, n := range sm.notes {
			sub.Notes = append(sub.Notes, "No indices: "+n+".")
		}
		for _, c := range charts {
			if c.name == "sensitivity_"+sm.metric {
				sub.Figures = append(sub.Figures, figureOf(c, formats))
			}
		}
		s.Subs = append(s.Subs, sub)
	}
	if len(f.sens) == 0 {
		s.Notes = []string{"sensitivity.csv has no analysed outcome."}
	}
	return s
}

// byDesc returns the row indices sorted by key, largest first.
func byDesc(rows []sensRow, key func(sensRow) float64) []int {
	idx := make([]int, len(rows))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmpDesc(key(rows[a]), key(rows[b])) })
	return idx
}

func sensCards(sm *sensMetric) []card {
	var out []card
	top := func(label string, key, lo, hi func(sensRow) float64, f func(float64) string, what string) {
		if len(sm.rows) == 0 {
			return
		}
		r := sm.rows[byDesc(sm.rows, key)[0]]
		out = append(out, card{Label: label + ": " + r.param, Doc: what,
			Kind: "95% bootstrap", Lines: []cardLine{{Value: f(key(r)), Interval: interval(lo(r), hi(r), f)}}})
	}
	idx3 := func(v float64) string {
		if math.IsNaN(v) {
			return "–"
		}
		return fmt.Sprintf("%.3f", v)
	}
	switch sm.method {
	case "sobol":
		top("largest total effect", func(r sensRow) float64 { return r.st }, func(r sensRow) float64 { return r.stLo }, func(r sensRow) float64 { return r.stHi }, idx3,
			"ST: the share of the variance this parameter is involved in, interactions included")
		top("largest first-order effect", func(r sensRow) float64 { return r.s1 }, func(r sensRow) float64 { return r.s1Lo }, func(r sensRow) float64 { return r.s1Hi }, idx3,
			"S1: the share of the variance this parameter explains alone")
	case "morris":
		top("largest µ*", func(r sensRow) float64 { return r.muStar }, func(r sensRow) float64 { return r.muStarLo }, func(r sensRow) float64 { return r.muStarHi }, num,
			"mean absolute elementary effect, in the outcome's unit")
	case "oat":
		nan := func(sensRow) float64 { return math.NaN() }
		top("largest swing", func(r sensRow) float64 { return math.Abs(r.oatYHi - r.oatYLo) }, nan, nan, num,
			"|y at high − y at low|, in the outcome's unit")
	}
	if !math.IsNaN(sm.noise) {
		out = append(out, card{Label: "seed noise", Doc: "share of the output's variance within design points (replicate runs), not explained by the parameters",
			Lines: []cardLine{{Value: fmt.Sprintf("%.1f%%", 100*sm.noise)}}})
	}
	return out
}

func sensTables(f *folder, sm *sensMetric) []table {
	f3 := func(v float64) string {
		if math.IsNaN(v) {
			return "–"
		}
		return fmt.Sprintf("%.3f", v)
	}
	var out []table
	switch sm.method {
	case "sobol":
		t := table{Caption: "Sobol indices, by total effect", Head: heads("parameter", "S1 (95% CI)", "ST (95% CI)", "ST − S1 (interactions)")}
		for _, i := range byDesc(sm.rows, func(r sensRow) float64 { return r.st }) {
			r := sm.rows[i]
			t.Rows = append(t.Rows, tableRow{Label: r.param, Cells: []tableCell{
				{Value: f3(r.s1), Interval: interval(r.s1Lo, r.s1Hi, f3)},
				{Value: f3(r.st), Interval: interval(r.stLo, r.stHi, f3)},
				{Value: f3(r.st - r.s1)},
			}})
		}
		out = append(out, t)
		var s2 []s2Row
		for _, r := range f.s2 {
			if r.metric == sm.metric {
				s2 = append(s2, r)
			}
		}
		if len(s2) > 0 {
			slices.SortStableFunc(s2, func(a, b s2Row) int { return cmpDesc(a.s2, b.s2) })
			t := table{Caption: "Second-order indices S2, largest first", Head: heads("parameters", "S2 (95% CI)")}
			for _, r := range s2 {
				t.Rows = append(t.Rows, tableRow{Label: r.pi + " × " + r.pj, Cells: []tableCell{{Value: f3(r.s2), Interval: interval(r.lo, r.hi, f3)}}})
			}
			out = append(out, t)
		}
	case "morris":
		t := table{Caption: "Morris screening, by µ*", Head: heads("parameter", "µ* (95% CI)", "σ", "σ / µ*")}
		for _, i := range byDesc(sm.rows, func(r sensRow) float64 { return r.muStar }) {
			r := sm.rows[i]
			ratio := math.NaN()
			if r.muStar > 0 {
				ratio = r.sigma / r.muStar
			}
			t.Rows = append(t.Rows, tableRow{Label: r.param, Cells: []tableCell{
				{Value: num(r.muStar), Interval: interval(r.muStarLo, r.muStarHi, num)},
				{Value: num(r.sigma)}, {Value: f3(ratio)},
			}})
		}
		out = append(out, t)
	case "oat":
		t := table{Caption: "One at a time, by swing", Head: heads("parameter", "low", "output at low", "high", "output at high", "swing", "high − low (95% CI)")}
		paired, unpaired := 0, 0
		for _, i := range byDesc(sm.rows, func(r sensRow) float64 { return math.Abs(r.oatYHi - r.oatYLo) }) {
			r := sm.rows[i]
			d := r.oatYHi - r.oatYLo
			diff := tableCell{Value: signed(d, num), Interval: interval(d-r.oatHalf, d+r.oatHalf, num)}
			switch {
			case math.IsNaN(r.oatHalf):
				diff = tableCell{Value: signed(d, num)}
			case r.oatPaired:
				paired++
			default:
				unpaired++
				diff.Value += " ‡"
			}
			if !math.IsNaN(r.oatHalf) && math.Abs(d) > r.oatHalf {
				diff.Mark = "best" // resolved: the interval excludes 0
			}
			t.Rows = append(t.Rows, tableRow{Label: r.param, Cells: []tableCell{
				{Value: num(r.oatLo)}, {Value: num(r.oatYLo)}, {Value: num(r.oatHi)}, {Value: num(r.oatYHi)}, {Value: num(math.Abs(d))}, diff,
			}})
		}
		switch {
		case paired > 0 && unpaired == 0:
			t.Notes = []string{"The interval of high − low is paired: replicate r of every design point ran on the same seed (common random numbers), so it is the Student t interval of the per-replicate differences. Marked where it excludes 0."}
		case unpaired > 0:
			t.Notes = []string{"‡ unpaired: the replicates do not share seeds, so the interval is Student's t over the two sets of replicates. Marked where it excludes 0."}
		}
		out = append(out, t)
	}
	return out
}
