package report

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot"

	"github.com/seqsim/seqsim/plots"
)

// The "Design search" section and its charts, from a searchData
// (searchfiles.go reads it).

// maxShownDesigns is the most chosen designs the table and the
// parallel-coordinates chart show; of a longer list, the best ranked on
// fresh seeds are shown (front.csv has them all).
const maxShownDesigns = 10

// shownFront returns the chosen designs to show, ordered along the front
// by the first objective (best first). Of more than maxShownDesigns, it
// keeps those with the best rank on fresh seeds (the non-dominated first:
// the recommendations), the first objective deciding within a rank.
func (d *searchData) shownFront() []frontRow {
	rows := slices.Clone(d.front)
	sign := d.objSign(0)
	slices.SortStableFunc(rows, func(a, b frontRow) int {
		x, y := sign*a.obj[0].v, sign*b.obj[0].v
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return a.id - b.id
	})
	if len(rows) <= maxShownDesigns {
		return rows
	}
	order := make([]int, len(rows)) // positions along the front, best rank first
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return rows[a].rank - rows[b].rank })
	keep := order[:maxShownDesigns]
	slices.Sort(keep) // back in order along the front
	out := make([]frontRow, len(keep))
	for i, k := range keep {
		out[i] = rows[k]
	}
	return out
}

// objSign is +1 for an objective to minimise, −1 for one to maximise.
func (d *searchData) objSign(j int) float64 {
	if d.spec != nil && d.spec.Objectives[j].Maximize {
		return -1
	}
	return 1
}

// isProb reports whether an objective or constraint column is a
// probability: its stat in the manifest is P(>t).
func (d *searchData) isProb(name string) bool {
	if d.spec != nil {
		for _, o := range d.spec.Objectives {
			if o.Name == name {
				return strings.HasPrefix(o.Stat, "P(")
			}
		}
		for _, c := range d.spec.Constraints {
			if c.Name == name {
				return strings.HasPrefix(c.Stat, "P(")
			}
		}
	}
	return strings.Contains(name, "P(")
}

// unitOf is the unit of an objective's or constraint's column: none for a
// probability, the outcome's unit from manifest.json otherwise.
func (d *searchData) unitOf(name string, outcomes []metric) string {
	if d.isProb(name) {
		return plots.Dimensionless
	}
	if d.spec == nil {
		return ""
	}
	var outcome string
	for _, o := range d.spec.Objectives {
		if o.Name == name {
			outcome = o.Outcome
		}
	}
	for _, c := range d.spec.Constraints {
		if c.Name == name {
			outcome = c.Outcome
		}
	}
	for _, m := range outcomes {
		if m.Name == outcome {
			return m.Unit
		}
	}
	return ""
}

// designName names a chosen design in the table and the charts.
func designName(id int) string { return "#" + strconv.Itoa(id) }

// trade says in words what design b trades against design a, its
// neighbour on the front: the objectives it improves "for" those it
// worsens, e.g. "−4.0 pp P(captured) for +6.0 pp P(dump)". Probabilities
// differ in percentage points, other statistics in their unit.
func (d *searchData) trade(a, b frontRow, outcomes []metric) string {
	var gains, costs []string
	for j, name := range d.objs {
		diff := b.obj[j].v - a.obj[j].v
		if diff == 0 {
			continue
		}
		var s string
		if d.isProb(name) {
			s = signed(100*diff, func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }) + " pp " + name
		} else {
			s = signed(diff, plots.FormatValue) + unitSuffix(d.unitOf(name, outcomes)) + " " + name
		}
		if d.objSign(j)*diff < 0 {
			gains = append(gains, s)
		} else {
			costs = append(costs, s)
		}
	}
	switch {
	case len(gains) == 0 && len(costs) == 0:
		return "the same objectives"
	case len(costs) == 0:
		return strings.Join(gains, ", ") + ": better on every objective"
	case len(gains) == 0:
		return strings.Join(costs, ", ") + ": worse on every objective"
	}
	return strings.Join(gains, ", ") + " for " + strings.Join(costs, ", ")
}

func unitSuffix(u string) string {
	if u == "" || u == plots.Dimensionless || u == "-" {
		return ""
	}
	return " " + u
}

// gridRuns is the number of model runs a grid over the same variables at
// the same resolution would take, with the search's first replicates per
// point: each integer variable at every integer of its bounds, each
// discrete one at each of its values, each continuous one every Step. ok
// is false when that is not defined (no manifest description, or a
// continuous variable without a step), and the reason says why.
func (d *searchData) gridRuns() (runs float64, levels []int, ok bool, reason string) {
	if d.spec == nil {
		return 0, nil, false, "manifest.json does not describe the search"
	}
	runs = float64(max(d.spec.Replicates, 1))
	for _, v := range d.spec.Variables {
		var n int
		switch {
		case v.Kind == "discrete":
			n = len(v.Values)
		case v.Kind == "integer":
			n = int(v.Hi-v.Lo) + 1
		case v.Step > 0:
			n = int(math.Floor((v.Hi-v.Lo)/v.Step+1e-9)) + 1
		default:
			return 0, nil, false, fmt.Sprintf("continuous variable %s has no step to resolve it to", v.Name)
		}
		levels = append(levels, n)
		runs *= float64(n)
	}
	return runs, levels, true, ""
}

// searchSection is the "Design search" section: what was searched, the
// recommended designs and what each trades, the charts and the runs used.
func searchSection(f *folder, charts []*chart, formats []string) *section {
	d := f.search
	s := &section{ID: "search", Title: "Design search"}
	sp := d.spec
	method := "A design"
	if sp != nil {
		switch sp.Method {
		case "nsga2":
			method = "An NSGA-II"
		case "cmaes":
			method = "A CMA-ES"
		case "":
		default:
			method = "A " + sp.Method
		}
	}
	s.Lede = fmt.Sprintf("%s search over %s for %s%s: the designs it recommends, re-evaluated on fresh seeds, and what each trades against its neighbours on the front.",
		method, plural(len(d.vars), "variable"), plural(len(d.objs), "objective"), constraintPhrase(len(d.cons)))
	if sp == nil {
		s.Warnings = append(s.Warnings, "manifest.json does not describe the search: bounds, directions and limits are not known; every estimate is shown as an objective to minimise.")
	}
	s.Tables = append(s.Tables, searchedTable(d, f.man.Outcomes))
	s.Tables = append(s.Tables, designsTable(d, f.man.Outcomes))
	s.Notes = append(s.Notes, budgetNotes(d)...)
	for _, c := range charts {
		if c.section == "search" {
			s.Figures = append(s.Figures, figureOf(c, formats))
		}
	}
	return s
}

func constraintPhrase(n int) string {
	if n == 0 {
		return ""
	}
	return " under " + plural(n, "constraint")
}

// searchedTable lists the variables with their bounds, the objectives
// with their direction and the constraints with their limits.
func searchedTable(d *searchData, outcomes []metric) table {
	t := table{Caption: "What was searched", Head: []head{{Lines: []string{"name"}}, {Lines: []string{"role"}}, {Lines: []string{"range or goal"}}}}
	text := func(s string) tableCell { return tableCell{Value: s, Text: true} }
	for i, name := range d.vars {
		role, goal := "variable", "bounds not recorded"
		if d.spec != nil && i < len(d.spec.Variables) {
			v := d.spec.Variables[i]
			role = v.Kind + " variable"
			if v.Kind == "discrete" {
				vals := make([]string, len(v.Values))
				for k, x := range v.Values {
					vals[k] = exact(x)
				}
				goal = "one of " + strings.Join(vals, ", ")
			} else {
				goal = "[" + exact(v.Lo) + ", " + exact(v.Hi) + "]" + unitSuffix(v.Unit)
				if v.Step > 0 {
					goal += ", grid step " + exact(v.Step)
				}
			}
		}
		t.Rows = append(t.Rows, tableRow{Label: name, Cells: []tableCell{text(role), text(goal)}})
	}
	for j, name := range d.objs {
		goal := "minimise"
		if d.objSign(j) < 0 {
			goal = "maximise"
		}
		if d.spec != nil {
			o := d.spec.Objectives[j]
			goal += " the " + o.Stat + " of " + o.Outcome
		}
		t.Rows = append(t.Rows, tableRow{Label: name, Cells: []tableCell{text("objective"), text(goal + unitSuffix(d.unitOf(name, outcomes)))}})
	}
	for j, name := range d.cons {
		goal := "a constraint"
		if d.spec != nil {
			c := d.spec.Constraints[j]
			goal = fmt.Sprintf("%s of %s %s %s at %s%% confidence", c.Stat, c.Outcome, c.Op, exact(c.Limit), exact(100*c.Level))
		}
		t.Rows = append(t.Rows, tableRow{Label: name, Cells: []tableCell{text("constraint"), text(goal)}})
	}
	return t
}

// designsTable lists the recommended designs along the front, with their
// fresh estimates and what each trades against the one above it.
func designsTable(d *searchData, outcomes []metric) table {
	rows := d.shownFront()
	t := table{Caption: "Recommended designs (estimates from fresh seeds, 95% intervals)", Wide: len(d.vars)+len(d.objs)+len(d.cons) > 6}
	t.Head = append(t.Head, head{Lines: []string{"design"}})
	for _, v := range d.vars {
		t.Head = append(t.Head, head{Lines: []string{v}})
	}
	for _, o := range d.objs {
		t.Head = append(t.Head, head{Lines: []string{o}})
	}
	for _, c := range d.cons {
		t.Head = append(t.Head, head{Lines: []string{c}})
	}
	t.Head = append(t.Head, head{Lines: []string{"runs"}}, head{Lines: []string{"trades against the design above"}})
	for i, r := range rows {
		row := tableRow{Label: designName(r.id)}
		var subs []string
		if r.best {
			subs = append(subs, "best")
		}
		if r.violation > 0 {
			subs = append(subs, "violates a constraint on fresh seeds")
		}
		if r.rank > 0 {
			subs = append(subs, "dominated on fresh seeds")
		}
		row.Sub = strings.Join(subs, "; ")
		for _, x := range r.x {
			row.Cells = append(row.Cells, tableCell{Value: num(x)})
		}
		for j, e := range r.obj {
			row.Cells = append(row.Cells, estCell(e, d.isProb(d.objs[j])))
		}
		for j, e := range r.con {
			row.Cells = append(row.Cells, estCell(e, d.isProb(d.cons[j])))
		}
		row.Cells = append(row.Cells, tableCell{Value: strconv.Itoa(r.reps)})
		tr := "(first along the front)"
		if i > 0 {
			tr = d.trade(rows[i-1], r, outcomes)
		}
		row.Cells = append(row.Cells, tableCell{Value: tr, Text: true})
		t.Rows = append(t.Rows, row)
	}
	if len(rows) == 0 {
		t.Notes = append(t.Notes, "front.csv lists no design: the search chose none, or re-evaluated none on fresh seeds.")
		return t
	}
	if len(rows) < len(d.front) {
		t.Notes = append(t.Notes, fmt.Sprintf("%d of the %d chosen designs, the best ranked on fresh seeds (those no other chosen design dominates first); front.csv lists them all.", len(rows), len(d.front)))
	}
	t.Notes = append(t.Notes, fmt.Sprintf("Ordered by %s, best first. A trade compares a design's objectives with the design above it: what it gains, for what it pays. Differences smaller than the intervals are within the noise of the runs.", d.objs[0]))
	return t
}

func estCell(e est, prob bool) tableCell {
	f := num
	if prob {
		f = probFmt
	}
	return tableCell{Value: f(e.v), Interval: interval(e.lo, e.hi, f)}
}

// probFmt writes a probability with three decimals (prob), keeping an
// unbounded interval end readable.
func probFmt(v float64) string {
	if math.IsInf(v, 0) {
		return num(v)
	}
	return prob(v)
}

// budgetNotes say how many runs the search used, against a grid of the
// same resolution.
func budgetNotes(d *searchData) []string {
	var out []string
	evaluated := 0
	for _, c := range d.cands {
		if c.reps > 0 {
			evaluated++
		}
	}
	if sp := d.spec; sp != nil {
		s := fmt.Sprintf("The search evaluated %s with %s (%d per candidate at first; racing added runs near the front and the constraints), then re-evaluated the %s on %s with fresh seeds: %s in all.",
			plural(evaluated, "candidate"), plural(sp.Runs, "model run"), sp.Replicates, plural(len(d.front), "chosen design"), plural(sp.FinalRuns, "run"), plural(sp.Runs+sp.FinalRuns, "run"))
		if sp.Budget > 0 {
			s += fmt.Sprintf(" Its budget was %s.", plural(sp.Budget, "run"))
		}
		out = append(out, s)
	} else {
		out = append(out, fmt.Sprintf("The search evaluated %s.", plural(evaluated, "candidate")))
	}
	grid, levels, ok, why := d.gridRuns()
	if !ok {
		return append(out, "No comparison with a grid: "+why+".")
	}
	parts := make([]string, len(levels))
	for i, n := range levels {
		parts[i] = strconv.Itoa(n)
	}
	g := fmt.Sprintf("A grid of the same resolution (%s = %s points, %d runs each) would take %s runs",
		strings.Join(parts, " × "), exact(grid/float64(max(d.spec.Replicates, 1))), max(d.spec.Replicates, 1), exact(grid))
	if used := float64(d.spec.Runs + d.spec.FinalRuns); used > 0 {
		g += fmt.Sprintf(", %s times what the search used", strconv.FormatFloat(grid/used, 'g', 3, 64))
	}
	return append(out, g+".")
}

// searchCharts are the Pareto front, the chosen designs across their
// variables and objectives, and the convergence by generation.
func searchCharts(f *folder) []*chart {
	d := f.search
	if d == nil {
		return nil
	}
	outs := f.man.Outcomes
	axis := func(name string) string { return plots.WithUnit(name, d.unitOf(name, outs)) }
	var out []*chart
	if len(d.objs) >= 2 {
		caption := fmt.Sprintf("The front of %s against %s: each chosen design with its 95%% intervals from fresh seeds, the other candidates the search evaluated in grey (their search estimates); crosses do not meet every constraint.", d.objs[1], d.objs[0])
		if len(d.objs) > 2 {
			caption += fmt.Sprintf(" The search had %d objectives: this shows the first two.", len(d.objs))
		}
		out = append(out, &chart{name: "search_front", section: "search", caption: caption,
			build: func(th plots.Theme) (*plot.Plot, error) {
				return plots.ParetoFront(th, "Chosen designs and the candidates behind them", axis(d.objs[0]), axis(d.objs[1]), frontPoints(d))
			}})
	}
	out = append(out, &chart{name: "search_designs", section: "search",
		caption: "The recommended designs across their variables (each axis spans its bounds) and objectives (each axis spans the designs' estimates).",
		build: func(th plots.Theme) (*plot.Plot, error) {
			axes, lines := parallelDesigns(d)
			return plots.ParallelCoordinates(th, "Recommended designs", axes, lines)
		}})
	runs, val, lo, hi, what := convergence(d)
	capRuns := "the model runs used by the end of each generation (search_progress.csv)"
	if d.progRuns == nil {
		capRuns = "the runs of the candidates created by then (search.csv; racing's later runs on older candidates are counted at their creation)"
	}
	out = append(out, &chart{name: "search_convergence", section: "search",
		caption: fmt.Sprintf("%s after each generation; the top axis gives %s.", what, capRuns),
		build: func(th plots.Theme) (*plot.Plot, error) {
			y, line := "hypervolume (share of the box)", "feasible candidates so far"
			if len(d.objs) == 1 {
				y, line = axis(d.objs[0]), "best candidate so far"
			}
			return plots.Convergence(th, "Convergence of the search", y, line, runs, val, lo, hi)
		}})
	return out
}

// frontPoints are the Pareto chart's points: every candidate with search
// runs, faint, and the chosen designs with their fresh estimates.
func frontPoints(d *searchData) []plots.FrontPoint {
	var pts []plots.FrontPoint
	for _, c := range d.cands {
		if c.reps == 0 || c.chosen {
			continue
		}
		pts = append(pts, plots.FrontPoint{X: c.obj[0].v, XLo: c.obj[0].v, XHi: c.obj[0].v,
			Y: c.obj[1].v, YLo: c.obj[1].v, YHi: c.obj[1].v, Feasible: c.feasible})
	}
	shown := d.shownFront()
	for _, r := range d.front {
		label := ""
		if slices.ContainsFunc(shown, func(s frontRow) bool { return s.id == r.id }) {
			label = designName(r.id)
		}
		x, y := finiteBounds(r.obj[0]), finiteBounds(r.obj[1])
		pts = append(pts, plots.FrontPoint{Label: label, X: x.v, XLo: x.lo, XHi: x.hi,
			Y: y.v, YLo: y.lo, YHi: y.hi, Chosen: true, Feasible: r.violation == 0})
	}
	return pts
}

// parallelDesigns are the parallel-coordinates axes and lines of the
// shown designs: variables over their bounds (over the candidates' range
// when the manifest does not give them), objectives over the designs'
// estimates.
func parallelDesigns(d *searchData) ([]plots.ParallelAxis, []plots.ParallelLine) {
	rows := d.shownFront()
	var axes []plots.ParallelAxis
	for i, name := range d.vars {
		var lo, hi float64
		if d.spec != nil && i < len(d.spec.Variables) && d.spec.Variables[i].Kind != "discrete" {
			v := d.spec.Variables[i]
			lo, hi = v.Lo, v.Hi
			name = plots.WithUnit(name, v.Unit)
		} else {
			lo, hi = math.Inf(1), math.Inf(-1)
			for _, c := range d.cands {
				lo, hi = math.Min(lo, c.x[i]), math.Max(hi, c.x[i])
			}
		}
		axes = append(axes, plots.ParallelAxis{Name: name, Lo: lo, Hi: hi})
	}
	for j, name := range d.objs {
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, r := range rows {
			lo, hi = math.Min(lo, r.obj[j].v), math.Max(hi, r.obj[j].v)
		}
		axes = append(axes, plots.ParallelAxis{Name: name, Lo: lo, Hi: hi})
	}
	for i := range axes {
		if !(axes[i].Lo < axes[i].Hi) { // one value: an axis around it
			w := math.Max(math.Abs(axes[i].Lo)*0.1, 1e-9)
			axes[i].Lo, axes[i].Hi = axes[i].Lo-w, axes[i].Hi+w
		}
	}
	var lines []plots.ParallelLine
	for _, r := range rows {
		vals := slices.Clone(r.x)
		for _, e := range r.obj {
			vals = append(vals, e.v)
		}
		lines = append(lines, plots.ParallelLine{Label: designName(r.id), Values: vals})
	}
	return axes, lines
}

// convergence is the value the convergence chart follows by generation,
// from search.csv: with one objective the best candidate so far (feasible
// first, then by the objective; with its interval), with more the
// hypervolume of the feasible candidates so far on the first two
// objectives, each scaled to the range every candidate spans, as a share
// of the box up to the reference point hvRef (Zitzler and Thiele 1999's S
// metric). runs are from
// search_progress.csv when it has them.
func convergence(d *searchData) (runs []int, val, lo, hi []float64, what string) {
	gens := 0
	for _, c := range d.cands {
		gens = max(gens, c.gen+1)
	}
	cum := 0
	for g := range gens {
		for _, c := range d.cands {
			if c.gen == g {
				cum += c.reps
			}
		}
		runs = append(runs, cum)
	}
	if len(d.progRuns) == gens {
		runs = slices.Clone(d.progRuns)
	}
	if len(d.objs) == 1 {
		what = "The best " + d.objs[0] + " so far (feasible first), with its 95% interval,"
		sign := d.objSign(0)
		var best *searchCand
		for g := range gens {
			for i := range d.cands {
				c := &d.cands[i]
				if c.gen != g || c.reps == 0 {
					continue
				}
				if best == nil || better(c, best, sign) {
					best = c
				}
			}
			if best == nil {
				val, lo, hi = append(val, math.NaN()), append(lo, math.NaN()), append(hi, math.NaN())
				continue
			}
			e := finiteBounds(best.obj[0])
			val, lo, hi = append(val, e.v), append(lo, e.lo), append(hi, e.hi)
		}
		return runs, val, lo, hi, what
	}
	what = "The hypervolume of the feasible candidates so far (on " + d.objs[0] + " and " + d.objs[1] + ", scaled to the candidates' range; larger is better)"
	var mins, maxs [2]float64
	for j := range 2 {
		mins[j], maxs[j] = math.Inf(1), math.Inf(-1)
		for _, c := range d.cands {
			if c.reps > 0 {
				v := d.objSign(j) * c.obj[j].v
				mins[j], maxs[j] = math.Min(mins[j], v), math.Max(maxs[j], v)
			}
		}
		if !(maxs[j] > mins[j]) {
			maxs[j] = mins[j] + 1
		}
	}
	var pts [][2]float64
	for g := range gens {
		for _, c := range d.cands {
			if c.gen == g && c.reps > 0 && c.feasible {
				var p [2]float64
				for j := range 2 {
					p[j] = (d.objSign(j)*c.obj[j].v - mins[j]) / (maxs[j] - mins[j])
				}
				pts = append(pts, p)
			}
		}
		val = append(val, hypervolume2(pts, hvRef)/(hvRef*hvRef))
	}
	return runs, val, nil, nil, what
}

// hvRef is the hypervolume's reference point on each scaled objective:
// beyond the worst candidate (1), so that the extreme designs of the
// front count too (the usual 1.1 of the literature).
const hvRef = 1.1

// better reports whether candidate a beats b: feasible before infeasible,
// then less violation, then the objective (sign −1 maximises).
func better(a, b *searchCand, sign float64) bool {
	if a.feasible != b.feasible {
		return a.feasible
	}
	if !a.feasible && a.violation != b.violation {
		return a.violation < b.violation
	}
	return sign*a.obj[0].v < sign*b.obj[0].v
}

// hypervolume2 is the area dominated by points (to minimise) inside the
// box up to (ref, ref): sorted by the first coordinate, each point of the
// non-dominated staircase adds the strip up to the next one.
func hypervolume2(pts [][2]float64, ref float64) float64 {
	ps := slices.Clone(pts)
	slices.SortFunc(ps, func(a, b [2]float64) int {
		switch {
		case a[0] < b[0]:
			return -1
		case a[0] > b[0]:
			return 1
		case a[1] < b[1]:
			return -1
		case a[1] > b[1]:
			return 1
		}
		return 0
	})
	area, yBest := 0.0, ref
	for i, p := range ps {
		if p[1] >= yBest || p[0] >= ref {
			continue
		}
		next := ref
		for _, q := range ps[i+1:] {
			if q[1] < p[1] {
				next = math.Min(q[0], ref)
				break
			}
		}
		area += (next - p[0]) * (ref - p[1])
		yBest = p[1]
	}
	return area
}

// finiteBounds returns e with an unbounded or inverted interval end (one
// run bounds nothing: search.csv writes ±Inf) drawn at the estimate, so
// charts can place it.
func finiteBounds(e est) est {
	if math.IsInf(e.lo, 0) || e.lo > e.v {
		e.lo = e.v
	}
	if math.IsInf(e.hi, 0) || e.hi < e.v {
		e.hi = e.v
	}
	return e
}

// exact writes a value the experiment gave (a bound, a step, a limit) or
// a count as it is, not rounded to three digits.
func exact(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
