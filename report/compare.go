package report

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/seqsim/seqsim/internal/atomicfile"
	"github.com/seqsim/seqsim/internal/stats"
	"github.com/seqsim/seqsim/plots"
	layout "github.com/seqsim/seqsim/study/folder"
)

// Compare builds a comparison of finished experiments: out/report.html
// with each experiment's key outcomes side by side (intervals, best and
// worst marked), overlaid fan charts of the series they share, bars of
// their means and risks, the parameters that differ and each one's
// provenance; charts go to out/plots/. Every point of an experiment with
// up to 12 points is a column; sensitivity studies and larger sweeps are
// left out with a note. out must not be one of dirs, and the experiments
// compared must be studies of one model. It is [LoadComparison] then
// [Comparison.Write]: a problem with dirs shows before out is created.
func Compare(out string, dirs []string) error { return CompareWith(out, dirs, Options{}) }

// CompareWith is [Compare] with options (Options.Manifest is ignored).
func CompareWith(out string, dirs []string, o Options) error {
	c, err := LoadComparison(out, dirs, o)
	if err != nil {
		return err
	}
	return c.Write()
}

// A Comparison is a comparison of finished experiments read and checked
// by [LoadComparison], to be written by [Comparison.Write].
type Comparison struct {
	out     string
	dirs    []string
	formats []string
	fs      []*folder
	labels  []string
	v       *view
	notices []string
}

// LoadComparison reads the output folders dirs for a comparison into the
// folder out (see [Compare]) and checks everything that can be checked
// before writing: the options, that out is not one of dirs, that each of
// dirs is a readable output folder, that the experiments compared are
// studies of one model, and that there is something to compare. It
// writes nothing, so a caller can refuse bad input before it creates out.
// An error about dirs matches [ErrBadFolder] and names the folder at
// fault; every folder's problem is reported at once.
func LoadComparison(out string, dirs []string, o Options) (*Comparison, error) {
	if len(dirs) == 0 {
		return nil, badFolder{errors.New("report: compare: no folders given")}
	}
	formats, err := checkFormats(o.Formats)
	if err != nil {
		return nil, err
	}
	absOut, err := filepath.Abs(out)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	var fs []*folder
	var errs []error
	for _, d := range dirs {
		if abs, err := filepath.Abs(d); err == nil && abs == absOut {
			errs = append(errs, badFolder{fmt.Errorf("report: compare: the output folder %s is also an input", out)})
			continue
		}
		f, err := loadFolder(d, nil)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		fs = append(fs, f)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if err := checkOneModel(fs); err != nil {
		return nil, err
	}
	labels := folderLabels(fs)
	v, notices := compareView(fs, labels)
	if len(v.cols) == 0 {
		return nil, badFolder{fmt.Errorf("report: compare: nothing to compare: %s", strings.Join(notices, " "))}
	}
	return &Comparison{out: out, dirs: dirs, formats: formats, fs: fs, labels: labels, v: v, notices: notices}, nil
}

// Write draws the comparison's charts into out/plots/ and writes
// out/report.html, creating out if it is missing. Every file is written
// whole or not at all (temporary file, then rename).
func (c *Comparison) Write() error {
	v, fs, labels, out := c.v, c.fs, c.labels, c.out
	charts := append(fanCharts(v, stepsPhrase(v)), compareCharts(v, "experiment")...)
	plotsDir := filepath.Join(out, layout.Plots)
	if err := os.MkdirAll(plotsDir, 0o755); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if err := render(charts, plotsDir, c.formats); err != nil {
		return err
	}
	p := &page{Kind: "Comparison", Title: "Comparison of " + plural(len(fs), "experiment"), Generator: "seqsim " + fs[0].man.Seqsim}
	if len(fs) <= 3 {
		p.Description = strings.Join(labels, " · ")
	}
	p.Facts = []fact{{"experiments", strconv.Itoa(len(fs))}, {"columns", strconv.Itoa(len(v.cols))}}
	p.Notices = slices.Clone(c.notices)
	if n := undrawn(charts); n > 0 {
		p.Notices = append(p.Notices, fmt.Sprintf("%s could not be drawn from this data; the sections say why.", plural(n, "chart")))
	}
	p.Sections = append([]*section{changedSection(fs, labels), overviewSection(fs, labels, c.dirs)}, metricSections(v, charts, c.formats, "experiment")...)
	p.Extra = []*section{diffSection(fs, labels), provenanceSection(fs, labels)}
	b, err := p.html()
	if err != nil {
		return err
	}
	if err := atomicfile.Write(filepath.Join(out, layout.Report), b); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// checkOneModel refuses experiments of different models among those a
// comparison shows (a study left out with a note is not compared, so its
// model does not matter): their outcomes are different quantities, and
// side by side they would only look comparable. It names each folder whose
// model differs from the first compared one's.
func checkOneModel(fs []*folder) error {
	var first *folder
	var errs []error
	for _, f := range fs {
		switch {
		case !f.compared():
		case first == nil:
			first = f
		case f.man.Model != first.man.Model:
			errs = append(errs, badFolder{fmt.Errorf("report: compare: %s is a study of the %s model, but %s of the %s model: only studies of one model can be compared",
				f.dir, f.man.Model, first.dir, first.man.Model)})
		}
	}
	return errors.Join(errs...)
}

// compared reports whether a comparison shows the folder's points: not a
// sensitivity study (its indices are not compared), and not more than
// maxCompared points.
func (f *folder) compared() bool {
	return f.man.Study.Kind != kindSensitivity && len(f.points) <= maxCompared
}

// differingParams lists the parameters of the resolved experiments whose
// values differ between fs (sorted), leaving out the experiment's name and
// description, which name it rather than define it.
func differingParams(fs []*folder) []string {
	keys := map[string]bool{}
	for _, f := range fs {
		for k := range f.params {
			keys[k] = true
		}
	}
	var out []string
	for _, k := range sortedKeys(keys) {
		if k == "experiment.name" || k == "experiment.description" {
			continue
		}
		for _, f := range fs[1:] {
			if paramOf(f, k) != paramOf(fs[0], k) {
				out = append(out, k)
				break
			}
		}
	}
	return out
}

// paramOf is f's value of parameter k as its experiment.toml gives it, or
// "–" when it has none.
func paramOf(f *folder, k string) string {
	if v, ok := f.params[k]; ok {
		return v
	}
	return "–"
}

// maxLabelParams is the most differing parameters a column label names;
// with more, the label falls back to the folder's name.
const maxLabelParams = 2

// folderLabels names each experiment: its name, and when two experiments
// share a name, what differs between them (up to two parameters,
// "fees.split=[0.2, 0.3, 0.5]"), else its folder's name; a number if that
// is not enough.
func folderLabels(fs []*folder) []string {
	diff := differingParams(fs)
	name := func(f *folder) string {
		if f.info.Experiment.Name != "" {
			return f.info.Experiment.Name
		}
		return f.man.Experiment
	}
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = name(f)
	}
	for i, f := range fs {
		n := 0
		for _, g := range fs {
			if name(g) == name(f) {
				n++
			}
		}
		if n > 1 {
			what := filepath.Base(filepath.Clean(f.dir))
			if len(diff) > 0 && len(diff) <= maxLabelParams {
				var kv []string
				for _, k := range diff {
					kv = append(kv, k+"="+paramOf(f, k))
				}
				what = strings.Join(kv, ", ")
			}
			out[i] = name(f) + " (" + what + ")"
		}
	}
	for i := range out {
		if slices.Index(out, out[i]) < i {
			out[i] += " #" + strconv.Itoa(i+1)
		}
	}
	return out
}

// compareView merges the experiments' metrics by name (first
// description wins; risk thresholds are pooled) and makes a column of
// every point it can compare.
func compareView(fs []*folder, labels []string) (*view, []string) {
	v := &view{}
	var notices []string
	oIdx, sIdx := map[string]int{}, map[string]int{}
	merge := func(dst *[]metric, idx map[string]int, ms []metric, label string) {
		for _, m := range ms {
			i, ok := idx[m.Name]
			if !ok {
				idx[m.Name] = len(*dst)
				*dst = append(*dst, m)
				(*dst)[len(*dst)-1].RiskAbove = slices.Clone(m.RiskAbove)
				continue
			}
			have := &(*dst)[i]
			if have.Unit != m.Unit {
				notices = append(notices, fmt.Sprintf("%s has unit %q in %s but %q in an earlier experiment: compared as they are.", m.Name, m.Unit, label, have.Unit))
			}
			for _, t := range m.RiskAbove {
				if !slices.Contains(have.RiskAbove, t) {
					have.RiskAbove = append(have.RiskAbove, t)
				}
			}
			have.Chart = have.Chart || m.Chart
		}
	}
	for k, f := range fs {
		switch {
		case f.man.Study.Kind == kindSensitivity:
			notices = append(notices, fmt.Sprintf("%s is a sensitivity study: its indices are not compared here (see its own report).", labels[k]))
			continue
		case len(f.points) > maxCompared:
			notices = append(notices, fmt.Sprintf("%s has %d points, more than %d: left out (see its own report).", labels[k], len(f.points), maxCompared))
			continue
		}
		merge(&v.outcomes, oIdx, f.man.Outcomes, labels[k])
		merge(&v.series, sIdx, f.man.Series, labels[k])
	}
	for k, f := range fs {
		if !f.compared() {
			continue
		}
		for p := range f.points {
			pt := &f.points[p]
			c := column{label: labels[k], parts: []string{labels[k]}, stats: make([]*stats.Outcome, len(v.outcomes)), bands: make([]*plots.Band, len(v.series))}
			if len(f.points) > 1 {
				c.parts = append(c.parts, f.labelParts(p, lastSegment)...)
				c.label = strings.Join(c.parts, " ")
			}
			c.values, c.seeds = make([][]float64, len(v.outcomes)), pt.seeds
			for i, m := range f.man.Outcomes {
				c.stats[oIdx[m.Name]] = &pt.stats[i]
				c.values[oIdx[m.Name]] = pt.values[i]
			}
			for j, m := range f.man.Series {
				if pt.bands != nil {
					c.bands[sIdx[m.Name]] = pt.bands[j]
				}
			}
			v.cols = append(v.cols, c)
		}
		if !f.man.Complete {
			notices = append(notices, fmt.Sprintf("%s is incomplete: %d of %d runs done.", labels[k], f.man.RunsDone, f.man.Study.Points*f.man.Study.Runs))
		}
	}
	return v, notices
}

// overviewSection lists the experiments compared.
func overviewSection(fs []*folder, labels, dirs []string) *section {
	s := &section{ID: "experiments", Title: "Experiments", Lede: "The output folders compared, each read from its files."}
	t := table{Head: heads("experiment", "folder", "study", "seed", "experiment hash", "complete")}
	for i, f := range fs {
		t.Rows = append(t.Rows, tableRow{Label: labels[i], Sub: f.info.Experiment.Description, Cells: []tableCell{
			{Value: dirs[i], Text: true}, {Value: studyPhrase(f), Text: true},
			{Value: strconv.FormatInt(f.man.Seed, 10)}, {Value: shortHash(f.man.ExperimentHash), Text: true},
			{Value: strconv.FormatBool(f.man.Complete)},
		}})
	}
	s.Tables = []table{t}
	return s
}

// changedSection opens a comparison with what differs between the
// designs: each parameter of the resolved experiments whose value differs,
// value by value, so that every difference the comparison shows can be read
// against it.
func changedSection(fs []*folder, labels []string) *section {
	s := &section{ID: "changed", Title: "What differs",
		Lede: "The parameters of the resolved experiments (every default filled in) whose values differ: the designs compared. The columns of every table are labelled by them when the experiments share a name."}
	diff := differingParams(fs)
	if len(diff) == 0 {
		s.Notes = []string{"Every parameter has the same value in all experiments: the differences below are seed noise, or come from different seqsim versions."}
		return s
	}
	t := table{Head: append(heads("parameter"), heads(labels...)...), Wide: len(fs) > 3}
	for _, k := range diff {
		row := tableRow{Label: k}
		for _, f := range fs {
			row.Cells = append(row.Cells, tableCell{Value: paramOf(f, k), Text: true})
		}
		t.Rows = append(t.Rows, row)
	}
	s.Tables = []table{t}
	return s
}

// diffSection ends a comparison with each experiment.toml in full.
func diffSection(fs []*folder, labels []string) *section {
	s := &section{ID: "parameters", Title: "Parameters",
		Lede: "Each experiment as resolved (every default filled in); the parameters that differ open the comparison."}
	for i, f := range fs {
		s.Details = append(s.Details, detail{Summary: labels[i] + ": experiment.toml", Body: string(f.toml)})
	}
	return s
}
