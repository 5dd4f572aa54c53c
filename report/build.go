package report

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/seqsim/seqsim/internal/atomicfile"
	schema "github.com/seqsim/seqsim/internal/manifest"
	"github.com/seqsim/seqsim/internal/stats"
	"github.com/seqsim/seqsim/plots"
	layout "github.com/seqsim/seqsim/study/folder"
)

// Options changes what [BuildWith] and [CompareWith] do. The zero value
// is what [Build] and [Compare] use.
type Options struct {
	// Manifest is the content of manifest.json to use instead of reading
	// dir/manifest.json: a run builds its report before it writes the
	// manifest, since a complete manifest marks a complete folder. Ignored
	// by CompareWith.
	Manifest []byte
	// Formats are the chart file formats to write ("svg", "png", "pdf");
	// nil writes all of plots.Formats(). The report inlines SVG whatever
	// the formats.
	Formats []string
}

// Build reads the output folder dir from its files alone (manifest.json,
// experiment.toml, runs.csv, series.csv, sensitivity.csv and
// sensitivity_s2.csv when present), writes every chart to dir/plots/ in
// SVG, PNG and PDF, and writes dir/report.html. Nothing is run. A folder
// without manifest.json, experiment.toml or runs.csv gives a
// [*MissingFileError].
func Build(dir string) error { return BuildWith(dir, Options{}) }

// BuildWith is [Build] with options.
func BuildWith(dir string, o Options) error {
	formats, err := checkFormats(o.Formats)
	if err != nil {
		return err
	}
	f, err := loadFolder(dir, o.Manifest)
	if err != nil {
		return err
	}
	v := folderView(f)
	charts := append(folderCharts(f, v), searchCharts(f)...)
	plotsDir := filepath.Join(dir, layout.Plots)
	if err := os.MkdirAll(plotsDir, 0o755); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if err := render(charts, plotsDir, formats); err != nil {
		return err
	}
	b, err := folderPage(f, v, charts, formats).html()
	if err != nil {
		return err
	}
	if err := atomicfile.Write(filepath.Join(dir, layout.Report), b); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

func checkFormats(fs []string) ([]string, error) {
	if fs == nil {
		return plots.Formats(), nil
	}
	for _, f := range fs {
		if !slices.Contains(plots.Formats(), f) {
			return nil, fmt.Errorf("report: format %q: want one of %v", f, plots.Formats())
		}
	}
	return fs, nil
}

// folderCharts lists the charts that fit the study: fans and
// distributions for one point; overlaid fans, bars of means and of risks
// for scenarios; lines or heat maps for grid sweeps; indices for a
// sensitivity study. The names are those seqsim has always used.
func folderCharts(f *folder, v *view) []*chart {
	st := f.man.Study
	steps := stepsPhrase(v)
	switch {
	case len(f.points) == 0:
		return nil // a search that re-evaluated no design
	case st.Kind == kindSensitivity:
		return sensCharts(f)
	case len(f.points) == 1:
		return append(fanCharts(v, steps), distCharts(v)...)
	case st.Kind == kindSweep:
		return sweepCharts(f, v)
	default:
		return append(fanCharts(v, steps), compareCharts(v, pointWord(f))...)
	}
}

// stepsPhrase says what the x axis of the fans covers: "days 0–1460".
func stepsPhrase(v *view) string {
	for _, c := range v.cols {
		for _, b := range c.bands {
			if b != nil && len(b.X) > 0 {
				return fmt.Sprintf("days %s–%s", fmtThr(b.X[0]), fmtThr(b.X[len(b.X)-1]))
			}
		}
	}
	return "time"
}

// sectionInfo names and introduces the report's fixed sections, in
// order. Metrics name their section in manifest.json; a section no metric
// names is left out, and a name not listed here gets a section of its
// own before health.
var sectionInfo = [...]struct{ id, title, lede string }{
	{"verification", "Verifier's dilemma", "Whether verifiers keep checking the sequencers' work when checking costs more than it is expected to earn, and what slips through when they stop."},
	{"dump", "Dump risk", "How far the price falls when locked tokens unlock and holders sell, and what that does to the value that secures the network."},
	{"capture", "Capture risk", "Whether one party can gather enough stake or votes to control the sequencer set, governance or the treasury."},
	{"health", "Network health", "Supply, staking, yields, fees and the treasury: the state of the economy over the run."},
}

// sectionOrder lists the section ids the metrics use, known ones in the
// fixed order, others (by first appearance) before health.
func sectionOrder(v *view) []string {
	used := map[string]bool{}
	var extra []string
	for _, ms := range [][]metric{v.outcomes, v.series} {
		for _, m := range ms {
			id := sectionOf(m)
			if !used[id] && !slices.ContainsFunc(sectionInfo[:], func(s struct{ id, title, lede string }) bool { return s.id == id }) {
				extra = append(extra, id)
			}
			used[id] = true
		}
	}
	var out []string
	for _, s := range sectionInfo {
		if s.id == "health" {
			out = append(out, extra...)
		}
		if used[s.id] {
			out = append(out, s.id)
		}
	}
	return out
}

func newSection(id string) *section {
	for _, s := range sectionInfo {
		if s.id == id {
			return &section{ID: id, Title: s.title, Lede: s.lede}
		}
	}
	title := strings.ReplaceAll(id, "_", " ")
	if title != "" {
		title = strings.ToUpper(title[:1]) + title[1:]
	}
	return &section{ID: id, Title: title}
}

// metricSections builds one section per metric section: headline cards,
// tables and the section's charts.
func metricSections(v *view, charts []*chart, formats []string, what string) []*section {
	var out []*section
	for _, id := range sectionOrder(v) {
		s := newSection(id)
		var idx []int
		for i, m := range v.outcomes {
			if sectionOf(m) == id {
				idx = append(idx, i)
			}
		}
		if len(idx) > 0 {
			s.Cards = cards(v, v.headline(idx), what)
			s.Tables = outcomeTables(v, idx, what)
		}
		if len(v.cols) > maxCompared && len(idx) > 0 {
			s.Notes = append(s.Notes, fmt.Sprintf("%d %ss: too many for a table; the charts show every one, and runs.csv has every run.", len(v.cols), what))
		}
		for _, c := range charts {
			if c.section == id {
				s.Figures = append(s.Figures, figureOf(c, formats))
			}
		}
		out = append(out, s)
	}
	return out
}

// cardLinesMax is the most columns a headline card lists; beyond it the
// card shows the best and the worst only.
const cardLinesMax = 4

// cards builds the headline cards of quantities qs.
func cards(v *view, qs []quantity, what string) []card {
	var out []card
	for _, q := range qs {
		m := v.outcomes[q.metric]
		c := card{Doc: m.Doc, Kind: "95% CI"}
		if q.risk {
			c.Label, c.Kind = riskLabel(m.Name, q.thr), "95% Wilson"
		} else {
			c.Label, c.Unit = "mean "+m.Name, m.Unit
		}
		mk, overlap := marks(v, q)
		var lines []cardLine
		for i := range v.cols {
			l := lineOf(v, q, i)
			if isKey(m) {
				l.Mark = mk[i]
				l.Overlap = overlap && mk[i] != ""
			}
			lines = append(lines, l)
		}
		if len(lines) > cardLinesMax {
			var best, worst *cardLine
			nb, nw := 0, 0
			for i := range lines {
				switch lines[i].Mark {
				case "best":
					nb++
					if best == nil {
						best = &lines[i]
					}
				case "worst":
					nw++
					if worst == nil {
						worst = &lines[i]
					}
				}
			}
			c.More = fmt.Sprintf("Best and worst of %d %ss.", len(lines), what)
			if best == nil {
				c.More = fmt.Sprintf("All %d %ss give the same value.", len(lines), what)
				best = &lines[0]
			}
			if nb > 1 {
				c.More += fmt.Sprintf(" %d tie for best.", nb)
			}
			if nw > 1 {
				c.More += fmt.Sprintf(" %d tie for worst.", nw)
			}
			kept := []cardLine{*best}
			if worst != nil {
				kept = append(kept, *worst)
			}
			lines = kept
		}
		if len(v.cols) == 1 {
			lines[0].Column = ""
		}
		c.Lines = lines
		out = append(out, c)
	}
	return out
}

// lineOf formats quantity q in column i.
func lineOf(v *view, q quantity, i int) cardLine {
	col := &v.cols[i]
	l := cardLine{Column: col.label}
	s := col.stats[q.metric]
	if s == nil {
		l.Value = "–"
		l.Detail = "not in this experiment"
		return l
	}
	x, lo, hi := q.value(col)
	if q.risk {
		r := s.Risk(q.thr)
		l.Value, l.Interval = prob(x), interval(lo, hi, prob)
		l.Detail = fmt.Sprintf("%d of %d runs", r.K, r.N)
	} else {
		l.Value, l.Interval = num(x), interval(lo, hi, num)
		l.Detail = fmt.Sprintf("%d runs", s.N())
	}
	if s.Missing > 0 {
		l.Detail += fmt.Sprintf("; %d without a value", s.Missing)
	}
	return l
}

// outcomeTables gives, for one column, the outcomes (mean, exact
// percentiles) and the risks of a section; for up to maxCompared columns,
// one comparison table.
func outcomeTables(v *view, idx []int, what string) []table {
	if len(v.cols) == 1 {
		s := v.cols[0]
		t := table{Caption: "Outcomes", Head: heads("outcome", "mean (95% CI)", "p5", "p50", "p95", "unit", "runs with a value")}
		risks := table{Caption: "Risks", Head: heads("event", "probability (Wilson 95%)", "runs")}
		for _, i := range idx {
			m, st := v.outcomes[i], s.stats[i]
			row := tableRow{Label: m.Name, Sub: m.Doc}
			row.Cells = []tableCell{
				{Value: num(st.Mean), Interval: interval(st.Mean-st.Half, st.Mean+st.Half, num)},
				{Value: pct(st.P05)}, {Value: pct(st.P50)}, {Value: pct(st.P95)},
				{Value: m.Unit, Text: true},
				{Value: runsOf(st)},
			}
			t.Rows = append(t.Rows, row)
			for _, thr := range m.RiskAbove {
				r := st.Risk(thr)
				risks.Rows = append(risks.Rows, tableRow{Label: m.Name + " > " + thrLabel(thr), Sub: m.Doc, Cells: []tableCell{
					{Value: prob(r.P), Interval: interval(r.Lo, r.Hi, prob)},
					{Value: fmt.Sprintf("%d of %d", r.K, r.N)},
				}})
			}
		}
		t.Notes = []string{"Percentiles are exact, from runs.csv: order statistics for whole-number outcomes (counts, days, 0/1), else type 7 interpolation."}
		for _, i := range idx {
			m, st := v.outcomes[i], s.stats[i]
			switch {
			case !m.Chart:
			case st.N() == 0:
				t.Notes = append(t.Notes, fmt.Sprintf("%s has no value in any run: nothing to chart.", m.Name))
			case st.N() == 1:
				t.Notes = append(t.Notes, fmt.Sprintf("%s has a value in one run only: no distribution to chart.", m.Name))
			case st.Sorted[0] == st.Sorted[st.N()-1]:
				t.Notes = append(t.Notes, fmt.Sprintf("Every run gave %s = %s: no distribution to chart.", m.Name, num(st.Sorted[0])))
			}
		}
		out := []table{t}
		if len(risks.Rows) > 0 {
			out = append(out, risks)
		}
		return out
	}
	if len(v.cols) > maxCompared {
		return nil
	}
	qs := v.quantities(idx)
	// cells[q][c]: quantity q in column c
	cells := make([][]tableCell, len(qs))
	anyMark := false
	for k, q := range qs {
		m := v.outcomes[q.metric]
		mk, overlap := marks(v, q)
		for i := range v.cols {
			l := lineOf(v, q, i)
			c := tableCell{Value: l.Value, Interval: l.Interval}
			if isKey(m) {
				c.Mark, c.Overlap = mk[i], overlap && mk[i] != ""
				anyMark = anyMark || c.Mark != ""
			}
			cells[k] = append(cells[k], c)
		}
	}
	qLabel := func(q quantity) (label, unit string) {
		m := v.outcomes[q.metric]
		if q.risk {
			return riskLabel(m.Name, q.thr), "probability"
		}
		return "mean " + m.Name, m.Unit
	}
	t := table{Caption: "Per " + what}
	if len(v.cols) <= len(qs) {
		// one column per point, one row per quantity
		t.Head = heads("", "unit")
		for _, c := range v.cols {
			t.Head = append(t.Head, head{Lines: c.parts})
		}
		for k, q := range qs {
			label, unit := qLabel(q)
			row := tableRow{Label: label}
			if !q.risk {
				row.Sub = v.outcomes[q.metric].Doc
			}
			row.Cells = append([]tableCell{{Value: unit, Text: true}}, cells[k]...)
			t.Rows = append(t.Rows, row)
		}
	} else {
		// more points than quantities: one row per point
		t.Head = heads(what)
		for _, q := range qs {
			label, unit := qLabel(q)
			t.Head = append(t.Head, head{Lines: []string{label, "(" + unit + ")"}})
		}
		for i, c := range v.cols {
			row := tableRow{Label: c.parts[0], Sub: strings.Join(c.parts[1:], ", ")}
			for k := range qs {
				row.Cells = append(row.Cells, cells[k][i])
			}
			t.Rows = append(t.Rows, row)
		}
	}
	t.Wide = len(t.Head) > 7
	t.Notes = []string{"Means with normal 95% confidence intervals; probabilities with Wilson 95% intervals."}
	if anyMark {
		t.Notes = append(t.Notes, "Best and worst are marked on key outcomes (charted or with risk thresholds): lower is better, except for outcomes whose risk is the low tail, where higher is better. † the difference of the best and the worst is not resolved at 95%: by its paired interval where their runs share seeds (the next table), else because their intervals overlap.")
	}
	out := []table{t}
	if d, ok := diffTable(v, qs, what); ok {
		out = append(out, d)
	}
	return out
}

func heads(ss ...string) []head {
	out := make([]head, len(ss))
	for i, s := range ss {
		out[i] = head{Lines: []string{s}}
	}
	return out
}

func runsOf(s *stats.Outcome) string {
	if s.Missing == 0 {
		return strconv.Itoa(s.N())
	}
	return fmt.Sprintf("%d of %d", s.N(), s.N()+s.Missing)
}

// folderPage lays out the report of one folder.
func folderPage(f *folder, v *view, charts []*chart, formats []string) *page {
	m := &f.man
	st := m.Study
	title := f.info.Experiment.Name
	if title == "" {
		title = m.Experiment
	}
	p := &page{Title: title, Kind: "Experiment report", Description: f.info.Experiment.Description,
		Generator: "seqsim " + m.Seqsim}
	p.Facts = []fact{
		{"study", studyPhrase(f)},
		{"seed", strconv.FormatInt(m.Seed, 10)},
		{"experiment hash", shortHash(m.ExperimentHash)},
		{"model", m.Model},
		{"started", m.Started},
	}
	p.Notices = folderNotices(f)
	switch st.Kind {
	case kindSensitivity:
		p.Sections = []*section{sensSection(f, charts, formats)}
	default:
		if len(f.points) == 0 {
			break // a search that re-evaluated no design: its section says so
		}
		p.Sections = metricSections(v, charts, formats, pointWord(f))
		if sc := scenarioSection(f); sc != nil {
			p.Sections = append([]*section{sc}, p.Sections...)
		}
	}
	if f.search != nil {
		p.Sections = append([]*section{searchSection(f, charts, formats)}, p.Sections...)
	}
	if n := undrawn(charts); n > 0 {
		p.Notices = append(p.Notices, fmt.Sprintf("%s could not be drawn from this data; the sections say why.", plural(n, "chart")))
	}
	p.Extra = []*section{paramSection(f), provenanceSection([]*folder{f}, nil)}
	return p
}

func pointWord(f *folder) string {
	switch f.man.Study.Kind {
	case kindScenarios:
		return "scenario"
	case kindSearch:
		return "design"
	}
	return "point"
}

func undrawn(charts []*chart) int {
	n := 0
	for _, c := range charts {
		if c.err != nil {
			n++
		}
	}
	return n
}

func shortHash(h string) string {
	if len(h) > 16 {
		return h[:16]
	}
	return h
}

// studyPhrase says in words what was run.
func studyPhrase(f *folder) string {
	st := f.man.Study
	runs := plural(st.Runs, "run")
	if len(st.TargetCI) > 0 {
		runs = adaptiveRuns(st)
	}
	switch st.Kind {
	case kindSingle:
		return "one point, " + runs
	case kindScenarios:
		return fmt.Sprintf("%d scenarios × %s", st.Points, runs)
	case kindSweep:
		s := fmt.Sprintf("%s sweep of %s", st.SweepMethod, plural(len(st.SweepPaths), "parameter"))
		if len(st.Scenarios) > 0 {
			s += fmt.Sprintf(" in %d scenarios", len(st.Scenarios))
		}
		return s + fmt.Sprintf(": %d points × %s", st.Points, runs)
	case kindSensitivity:
		return fmt.Sprintf("%s sensitivity: %d design points × %s", st.Sensitivity, st.Points, runs)
	case kindSearch:
		if s := f.man.Search; s != nil && st.Points == 0 {
			return fmt.Sprintf("%s design search: %d search runs, no design re-evaluated", s.Method, s.Runs)
		} else if s != nil {
			return fmt.Sprintf("%s design search: %d search runs, then %d chosen designs × %s with fresh seeds", s.Method, s.Runs, st.Points, runs)
		}
	}
	return fmt.Sprintf("%s: %d points × %s", st.Kind, st.Points, runs)
}

// adaptiveRuns says how many runs the points of a study with
// experiment.target_ci used: "70–200 runs (until the target_ci intervals
// were met, at most 400)".
func adaptiveRuns(st schema.Study) string {
	lo, hi := st.TargetCI[0].Runs, st.TargetCI[0].Runs
	capped := 0
	for _, p := range st.TargetCI {
		lo, hi = min(lo, p.Runs), max(hi, p.Runs)
		if p.Stopped == "cap" {
			capped++
		}
	}
	n := plural(hi, "run")
	if lo != hi {
		n = fmt.Sprintf("%d–%d runs", lo, hi)
	}
	s := fmt.Sprintf("%s (until the target_ci intervals were met, at most %d", n, st.Runs)
	if capped > 0 {
		s += fmt.Sprintf("; %d stopped at the cap", capped)
	}
	return s + ")"
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func folderNotices(f *folder) []string {
	m := &f.man
	var out []string
	if !m.Complete {
		out = append(out, fmt.Sprintf("This run is incomplete: %d of %d runs done, %d failed. Every number and chart covers the finished runs only; rerun to complete it.",
			m.RunsDone, m.Study.Points*m.Study.Runs, m.Failed))
	}
	if m.Study.Notice != "" {
		out = append(out, "Note: "+m.Study.Notice)
	}
	for _, w := range m.Warnings {
		out = append(out, "Out of proportion: "+w+".")
	}
	if len(m.Series) > 0 && !f.hasSerie {
		out = append(out, fmt.Sprintf("This %s study keeps no series (series.csv): its report has the runs' outcomes alone, and no chart over the days.", m.Study.Kind))
	}
	if f.nonFin > 0 {
		out = append(out, fmt.Sprintf("%d outcome values in runs.csv are not finite and are counted as missing.", f.nonFin))
	}
	return out
}

// paramSection shows the scenarios, the sweep and the resolved experiment.
// scenarioSection opens a scenario study's report with what differs
// between its designs: each scenario's overrides of the experiment, which
// the columns of every table are named after (nil without scenarios).
func scenarioSection(f *folder) *section {
	sc := f.info.Scenarios
	if len(sc) == 0 {
		return nil
	}
	s := &section{ID: "changed", Title: "What differs",
		Lede: "Each scenario's overrides of the experiment (as with --set): the designs compared in every table and chart below, each against the first where differences are shown."}
	t := table{Caption: "Scenarios", Head: heads("scenario", "overrides (as with --set)")}
	for _, x := range sc {
		set := strings.Join(x.Set, "; ")
		if set == "" {
			set = "none: the experiment as written"
		}
		t.Rows = append(t.Rows, tableRow{Label: x.Name, Cells: []tableCell{{Value: set, Text: true}}})
	}
	s.Tables = []table{t}
	return s
}

func paramSection(f *folder) *section {
	s := &section{ID: "parameters", Title: "Parameters",
		Lede: "The resolved experiment, every default filled in: running this file again gives the same results, byte for byte."}
	st := f.man.Study
	if len(st.SweepPaths) > 0 {
		t := table{Caption: "Swept parameters", Head: heads("parameter", "values")}
		if st.Kind == kindSensitivity {
			t.Caption, t.Head = "Parameters varied", heads("parameter", "values in the design")
		}
		for _, path := range st.SweepPaths {
			t.Rows = append(t.Rows, tableRow{Label: path, Cells: []tableCell{{Value: sweptValues(f, path), Text: true}}})
		}
		s.Tables = append(s.Tables, t)
	}
	if len(f.man.Set) > 0 {
		t := table{Caption: "Set by this experiment", Head: heads("parameter", "value", "default")}
		for _, c := range f.man.Set {
			def := c.Default
			if def == "" {
				def = "– (a key or list of its own)"
			}
			t.Rows = append(t.Rows, tableRow{Label: c.Path, Cells: []tableCell{{Value: c.Value, Text: true}, {Value: def, Text: true}}})
		}
		t.Notes = []string{"Every parameter not listed keeps seqsim's default; experiment.toml below marks the same values \"# set\"."}
		s.Tables = append(s.Tables, t)
	}
	lines := strings.Count(string(f.toml), "\n")
	s.Details = []detail{{Summary: fmt.Sprintf("experiment.toml (%d lines)", lines), Body: string(f.toml)}}
	return s
}

// sweptValues lists the distinct values a path takes over the points, or
// its range when there are many.
func sweptValues(f *folder, path string) string {
	j := slices.Index(f.man.Study.Columns, path)
	if j < 0 {
		return "–"
	}
	var vals []float64
	var texts []string
	for _, pt := range f.points {
		if pt.cols == nil {
			continue
		}
		x, err := strconv.ParseFloat(pt.cols[j], 64)
		if err != nil {
			if !slices.Contains(texts, pt.cols[j]) {
				texts = append(texts, pt.cols[j])
			}
			continue
		}
		if !slices.Contains(vals, x) {
			vals = append(vals, x)
		}
		if len(vals) > maxCompared {
			break
		}
	}
	slices.Sort(vals)
	if len(vals) > maxCompared {
		lo, hi := vals[0], vals[len(vals)-1]
		for _, pt := range f.points {
			if pt.cols != nil {
				if x, err := strconv.ParseFloat(pt.cols[j], 64); err == nil {
					lo, hi = min(lo, x), max(hi, x)
				}
			}
		}
		return fmt.Sprintf("%d points from %s to %s", len(f.points), num(lo), num(hi))
	}
	for _, x := range vals {
		texts = append(texts, fmtThr(x))
	}
	return strings.Join(texts, ", ")
}

// provenanceSection tabulates where each folder's results come from:
// one column per folder.
func provenanceSection(fs []*folder, labels []string) *section {
	s := &section{ID: "provenance", Title: "Provenance",
		Lede: "What produced these results, from manifest.json."}
	t := table{Head: heads("")}
	if len(fs) > 1 {
		t.Head = append(t.Head, heads(labels...)...)
		t.Wide = len(fs) > 3
	} else {
		t.Head = append(t.Head, heads("")...)
	}
	rows := []struct {
		label string
		get   func(m *manifest) string
	}{
		{"seqsim version", func(m *manifest) string { return m.Seqsim }},
		{"experiment", func(m *manifest) string { return m.Experiment }},
		{"experiment hash (SHA-256)", func(m *manifest) string { return m.ExperimentHash }},
		{"model", func(m *manifest) string { return m.Model }},
		{"seed", func(m *manifest) string { return strconv.FormatInt(m.Seed, 10) }},
		{"command", func(m *manifest) string { return shellJoin(m.Command) }},
		{"runs", func(m *manifest) string {
			if s := m.Search; s != nil && m.Study.Kind == kindSearch {
				return fmt.Sprintf("%d done (%d search runs, then %d designs × %d fresh), %d failed", m.RunsDone, s.Runs, m.Study.Points, m.Study.Runs, m.Failed)
			}
			return fmt.Sprintf("%d done of %d (%d points × %d), %d failed", m.RunsDone, m.Study.Points*m.Study.Runs, m.Study.Points, m.Study.Runs, m.Failed)
		}},
		{"complete", func(m *manifest) string { return strconv.FormatBool(m.Complete) }},
		{"started (UTC)", func(m *manifest) string { return m.Started }},
		{"wall time", func(m *manifest) string {
			return fmt.Sprintf("%.1f s (%s runs/s)", m.WallSeconds, num(m.RunsPerSecond))
		}},
		{"CPU time, peak memory", func(m *manifest) string {
			if m.CPUSeconds == 0 && m.PeakRSSMB == 0 {
				return "–"
			}
			return fmt.Sprintf("%.1f s, %.0f MB", m.CPUSeconds, m.PeakRSSMB)
		}},
		{"built with", func(m *manifest) string {
			s := m.Go + " " + m.GOOS + "/" + m.GOARCH
			if m.GOAMD64 != "" {
				s += " GOAMD64=" + m.GOAMD64
			}
			return s
		}},
	}
	for _, r := range rows {
		row := tableRow{Label: r.label}
		for _, f := range fs {
			row.Cells = append(row.Cells, tableCell{Value: r.get(&f.man), Text: true})
		}
		t.Rows = append(t.Rows, row)
	}
	s.Tables = []table{t}
	return s
}

// shellJoin quotes a command line so it can be pasted into a shell.
func shellJoin(args []string) string {
	out := make([]string, len(args))
	for i, a := range args {
		if a != "" && strings.IndexFunc(a, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./=:,+@%", r))
		}) < 0 {
			out[i] = a
			continue
		}
		out[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	return strings.Join(out, " ")
}
