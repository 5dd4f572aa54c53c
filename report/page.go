package report

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"math"
	"strings"

	"github.com/seqsim/seqsim/internal/stats"
	"github.com/seqsim/seqsim/plots"
	layout "github.com/seqsim/seqsim/study/folder"
)

// page is everything report.html shows; the template only lays it out.
type page struct {
	Title       string
	Kind        string // "Experiment report" or "Comparison"
	Description string
	Facts       []fact   // under the title
	Notices     []string // shown in a box before the sections: incomplete runs, notes
	Sections    []*section
	Extra       []*section // after the metric sections: parameters, provenance
	Generator   string
	FontFace    template.CSS // @font-face of the charts' font, set by html
}

type fact struct{ Label, Value string }

// section is one part of the report: a risk, health, sensitivity,
// parameters or provenance.
type section struct {
	ID, Title, Lede string
	Cards           []card
	Tables          []table
	Notes           []string
	Figures         []figure
	Subs            []*section // sensitivity: one per outcome
	Details         []detail   // collapsible listings
	Warnings        []string
}

// card is one headline number: a probability or a mean with its interval,
// for one column or several.
type card struct {
	Label, Doc, Unit string
	Kind             string // of the intervals: "95% CI", "95% Wilson"
	Lines            []cardLine
	More             string // "and 20 more points: see …"
}

type cardLine struct {
	Column   string // empty for a single column
	Value    string
	Interval string
	Detail   string // "162 of 200 runs"
	Mark     string // best, worst or ""
	Overlap  bool
}

// table is a table with a header row; the first cell of each row is its
// label.
type table struct {
	Caption string
	Head    []head
	Rows    []tableRow
	Notes   []string
	Wide    bool // many columns: smaller type
}

// head is a header cell, one line per part (a sweep point's scenario and
// values).
type head struct{ Lines []string }

type tableRow struct {
	Label, Sub string
	Cells      []tableCell
}

type tableCell struct {
	Value, Interval string
	Mark            string
	Overlap         bool
	Text            bool // left-aligned text, not a number
}

type figure struct {
	ID      string
	SVG     template.HTML // plots.SVGBytes output: escaped by gonum/plot's SVG writer
	Caption string
	Stem    string // plots/NAME
	Files   []file // NAME.svg, .png, .pdf
	Missing string // why the chart could not be drawn
}

type file struct{ Ext, Href string }

type detail struct {
	Summary string
	Body    string
}

//go:embed page.tmpl
var pageTemplate string

// tmpl is parsed once; a *template.Template is safe for concurrent
// execution and never modified after this.
var tmpl = template.Must(template.New("page").Funcs(template.FuncMap{
	"lower": strings.ToLower,
}).Parse(pageTemplate))

func (p *page) html() ([]byte, error) {
	ff, err := chartFontFace()
	if err != nil {
		return nil, err
	}
	p.FontFace = ff
	var b bytes.Buffer
	if err := tmpl.Execute(&b, p); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return b.Bytes(), nil
}

// figureOf turns a rendered chart into a figure.
func figureOf(c *chart, formats []string) figure {
	f := figure{ID: "fig-" + c.name, Caption: c.caption}
	if c.err != nil {
		f.Missing = c.err.Error()
		return f
	}
	// Safe to inline unescaped: gonum/plot's SVG writer escapes every
	// text it draws (html.EscapeString), so names from the experiment
	// file cannot inject markup.
	f.SVG = template.HTML(c.svg)
	f.Stem = layout.Plots + "/" + c.name
	if c.note != "" {
		f.Caption += " " + c.note
	}
	for _, ext := range formats {
		if ext == "pdf" && c.note != "" {
			continue
		}
		f.Files = append(f.Files, file{Ext: ext, Href: f.Stem + "." + ext})
	}
	return f
}

// Number formats for tables and cards.

// num formats a value with three significant digits and k/M/B suffixes
// (as the chart axes do); NaN as a dash.
func num(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	return plots.FormatValue(v)
}

// pct formats a percentile: exactly when whole ([stats.Whole]: counts and
// 0/1 outcomes keep whole percentiles), else as num.
func pct(v float64) string {
	if s, ok := stats.Whole(v); ok {
		return s
	}
	return num(v)
}

// prob formats a probability with three decimals.
func prob(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	return fmt.Sprintf("%.3f", v)
}

func interval(lo, hi float64, f func(float64) string) string {
	if math.IsNaN(lo) || math.IsNaN(hi) {
		return ""
	}
	return "[" + f(lo) + ", " + f(hi) + "]"
}
