package study

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/seqsim/seqsim/engine"
	"github.com/seqsim/seqsim/engine/search"
	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/internal/atomicfile"
	"github.com/seqsim/seqsim/internal/manifest"
	"github.com/seqsim/seqsim/report"
	"github.com/seqsim/seqsim/study/folder"
)

// writeTable writes a CSV file atomically.
func writeTable(path string, header []string, rows [][]string) error {
	b := csvLine(nil, header)
	for _, r := range rows {
		b = csvLine(b, r)
	}
	return atomicfile.Write(path, b)
}

// writeSearchOutputs writes a search's folder: search.csv, front.csv,
// search_progress.csv, search_runs.csv, runs.csv, experiment.toml, and
// manifest.json last.
func writeSearchOutputs(dir string, rr *runResult) error {
	res := rr.search.res
	if err := writeSearchRuns(dir, rr.search); err != nil {
		return err
	}
	h, rows := res.SearchTable()
	if err := writeTable(filepath.Join(dir, folder.SearchCSV), h, rows); err != nil {
		return err
	}
	h, rows = res.FrontTable()
	if err := writeTable(filepath.Join(dir, folder.Front), h, rows); err != nil {
		return err
	}
	h, rows = progressTable(rr.search)
	if err := writeTable(filepath.Join(dir, folder.SearchProgress), h, rows); err != nil {
		return err
	}
	b := csvLine(nil, searchRunsHeader(rr.search.sp))
	for _, r := range rr.search.log {
		b = appendRun(b, r)
	}
	if err := atomicfile.Write(filepath.Join(dir, folder.SearchRuns), b); err != nil {
		return err
	}
	if err := writeResolved(dir, rr.exp); err != nil {
		return err
	}
	// The report comes from the files just written, as `seqsim plot DIR`
	// would rebuild it, before the manifest marks the folder complete.
	manifest, err := manifestBytes(rr, true)
	if err != nil {
		return err
	}
	if err := report.BuildWith(dir, report.Options{Manifest: manifest}); err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, folder.Manifest), manifest)
}

// finalDesigns are the chosen designs with a final re-evaluation, in
// front.csv's order: the points of runs.csv.
func (s *searchRun) finalDesigns() []int {
	var ids []int
	for _, id := range s.res.Chosen {
		if s.res.Candidates[id].Final != nil {
			ids = append(ids, id)
		}
	}
	return ids
}

// writeSearchRuns writes runs.csv, a search's final re-evaluation as any
// study's runs: point p is the p-th design of front.csv, with a sweep's
// point columns (the value each design sets at each path); its run j is
// the design's j-th fresh run, with the seed the search ran it with (seed
// index Replicates.Cap+j of every design: common random numbers, so the
// report pairs the designs run by run). The final runs are the last the
// search asked for, after its Runs search runs.
func writeSearchRuns(dir string, s *searchRun) error {
	if len(s.log) != s.res.Runs+s.res.FinalRuns {
		return fmt.Errorf("search: %d runs told, want %d search runs and %d final runs", len(s.log), s.res.Runs, s.res.FinalRuns)
	}
	final := s.log[s.res.Runs:]
	ids := s.finalDesigns()
	xs := make([][]float64, len(ids))
	for p, id := range ids {
		xs[p] = s.res.Candidates[id].X
	}
	batch := s.pl.SearchBatch(xs)
	w, err := folder.NewRunsWriter(filepath.Join(dir, folder.Runs), batch.Columns, s.summary, batch.Row)
	if err != nil {
		return err
	}
	defer w.Abort()
	for p, id := range ids {
		var runs []cachedRun
		for _, r := range final {
			if r.cand == id {
				runs = append(runs, r)
			}
		}
		slices.SortFunc(runs, func(a, b cachedRun) int { return a.rep - b.rep })
		if want := s.res.Candidates[id].Final.Replicates; len(runs) != want {
			return fmt.Errorf("search: design #%d has %d final runs, want %d", id, len(runs), want)
		}
		for j, r := range runs {
			if err := w.Row(p, j, r.seed, r.sum); err != nil {
				return err
			}
		}
	}
	return w.Commit()
}

// searchRunsHeader is the header of search_runs.csv and of a cache.
func searchRunsHeader(sp *experiments.SearchPlan) []string {
	h := folder.SearchRunsKeys()
	for _, v := range sp.Problem.Variables {
		h = append(h, v.Name)
	}
	return append(h, sp.Problem.Outcomes...)
}

// progressTable is search_progress.csv: per generation, the runs so far,
// the parents, how many are feasible, the size of the feasible parents'
// front, and each objective's best value among the feasible parents
// (empty while none is feasible): the convergence of the search.
func progressTable(s *searchRun) (header []string, rows [][]string) {
	res := s.res
	header = folder.SearchProgressKeys()
	for _, o := range res.Objectives {
		header = append(header, "best_"+o)
	}
	objs := s.sp.Problem.Objectives
	for g, gen := range res.Progress {
		var feas []*search.Candidate
		for _, id := range gen.Parents {
			if c := &res.Candidates[id]; c.Feasible() {
				feas = append(feas, c)
			}
		}
		front := 0
		for _, c := range feas {
			dominated := false
			for _, d := range feas {
				if d != c && dominatesEst(d, c, objs) {
					dominated = true
					break
				}
			}
			if !dominated {
				front++
			}
		}
		row := []string{strconv.Itoa(g), strconv.Itoa(gen.Runs), strconv.Itoa(len(gen.Parents)), strconv.Itoa(len(feas)), strconv.Itoa(front)}
		for k, o := range objs {
			best := math.NaN()
			for _, c := range feas {
				v := c.Objectives[k].Value
				if math.IsNaN(best) || (o.Maximize && v > best) || (!o.Maximize && v < best) {
					best = v
				}
			}
			row = append(row, string(folder.AppendFloat(nil, best)))
		}
		rows = append(rows, row)
	}
	return header, rows
}

// dominatesEst reports whether a's estimates are at least as good as b's
// in every objective and better in one.
func dominatesEst(a, b *search.Candidate, objs []search.Objective) bool {
	better := false
	for k, o := range objs {
		x, y := a.Objectives[k].Value, b.Objectives[k].Value
		if o.Maximize {
			x, y = -x, -y
		}
		if x > y {
			return false
		}
		better = better || x < y
	}
	return better
}

// manifest is the search's record in manifest.json: what was searched
// (the report's Design search section reads it) and how it went.
func (s *searchRun) manifest() *manifest.Search {
	chosen := len(s.finalDesigns())
	p := &s.sp.Problem
	start := max(s.sp.NSGA2.Replicates.Start, s.sp.CMAES.Replicates.Start)
	if start == 0 {
		start = search.DefaultStart
	}
	m := &manifest.Search{Method: s.sp.Method.String(), Replicates: start, Budget: s.sp.MaxRuns(),
		Runs: s.res.Runs, FinalRuns: s.res.FinalRuns, Generations: s.sp.Generations(), GenerationsRun: s.res.Generations,
		Candidates: len(s.res.Candidates), Chosen: chosen, Stopped: s.stopped}
	for i, v := range p.Variables {
		m.Variables = append(m.Variables, manifest.SearchVariable{Name: s.res.Variables[i], Kind: v.Kind.String(),
			Lo: v.Lo, Hi: v.Hi, Values: v.Values})
	}
	for i, o := range p.Objectives {
		outcome, stat := statOf(p.Outcomes[o.Outcome], o.Stat)
		m.Objectives = append(m.Objectives, manifest.SearchObjective{Name: s.res.Objectives[i], Outcome: outcome, Stat: stat, Maximize: o.Maximize})
	}
	for i, c := range p.Constraints {
		outcome, stat := statOf(p.Outcomes[c.Outcome], c.Stat)
		op, level := "<=", c.Level
		if c.Op == search.AtLeast {
			op = ">="
		}
		if level == 0 {
			level = search.DefaultConstraintLevel
		}
		m.Constraints = append(m.Constraints, manifest.SearchConstraint{Name: s.res.Constraints[i], Outcome: outcome, Stat: stat,
			Op: op, Limit: c.Limit, Level: level})
	}
	return m
}

// statOf names a search statistic as manifest.json does ("mean", "q0.9",
// "P(>0.5)"), with its outcome; an outcome the search negated (an event
// below a threshold, "-name") is named by its own name, the event "P(<t)".
func statOf(outcome string, st search.Stat) (string, string) {
	name, neg := strings.CutPrefix(outcome, "-")
	switch st.Kind {
	case search.StatQuantile:
		return name, fmt.Sprintf("q%g", st.P)
	case search.StatProbability:
		if neg {
			return name, fmt.Sprintf("P(<%g)", -st.Threshold)
		}
		return name, fmt.Sprintf("P(>%g)", st.Threshold)
	}
	return name, "mean"
}

// writeSearchShard writes a search shard's shard.json (its runs are in
// its cache) and experiment.toml, for `seqsim merge`.
func writeSearchShard(dir string, rr *runResult, shard engine.Shard, runs int) error {
	if err := writeResolved(dir, rr.exp); err != nil {
		return err
	}
	h := shardHeader{Seqsim: Version, Experiment: rr.exp.Experiment.Name, ExperimentHash: rr.hash, Seed: rr.exp.Experiment.Seed,
		ShardIndex: shard.Index, ShardCount: shard.Count, Units: runs, Done: runs}
	b, err := json.MarshalIndent(h, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, folder.Shard), append(b, '\n'))
}

// printSearchSummary writes the terminal summary of a search: how it went
// and the chosen designs with their fresh estimates.
func printSearchSummary(w io.Writer, rr *runResult) {
	s := rr.search
	res := s.res
	fmt.Fprintf(w, "\n%s: %s search, seed %d: %d candidates, %d search runs and %d final runs; %s\n",
		rr.exp.Experiment.Name, s.sp.Method, rr.exp.Experiment.Seed, len(res.Candidates), res.Runs, res.FinalRuns, s.stopped)
	h, rows := res.FrontTable()
	if len(rows) == 0 {
		fmt.Fprintln(w, "no design was chosen (search.csv lists every candidate)")
		return
	}
	fmt.Fprintf(w, "\nchosen designs (front.csv), estimated from %s fresh runs each:\n", rows[0][len(res.Variables)+1])
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	n, est := len(res.Variables), len(res.Objectives)+len(res.Constraints)
	fmt.Fprintln(tw, strings.Join(summaryColumns(h, n, est, true), "\t")+"\t")
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(summaryColumns(r, n, est, false), "\t")+"\t")
	}
	tw.Flush()
}

// summaryColumns shortens a row of front.csv (candidate, the n
// variables, replicates, est triples of estimate, low and high, then
// violation, rank and best) for the terminal: each estimate with its
// interval in one cell, without the replicates.
func summaryColumns(cells []string, n, est int, header bool) []string {
	out := append([]string(nil), cells[:1+n]...)
	for k := range est {
		i := 2 + n + 3*k
		if header {
			out = append(out, cells[i])
		} else {
			out = append(out, fmt.Sprintf("%s [%s, %s]", num(parseCell(cells[i])), num(parseCell(cells[i+1])), num(parseCell(cells[i+2]))))
		}
	}
	return append(out, cells[2+n+3*est:]...)
}

func parseCell(s string) float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return math.NaN()
	}
	return v
}

// searchProgress reports a search's progress on stderr: the generation,
// the runs so far and the budget, at most every few seconds.
type searchProgress struct {
	w     io.Writer
	sp    *experiments.SearchPlan
	last  time.Time // last line printed
	start time.Time
}

func newSearchProgress(w io.Writer, sp *experiments.SearchPlan) *searchProgress {
	now := time.Now()
	return &searchProgress{w: w, sp: sp, last: now, start: now}
}

// batch is called after each batch of runs.
func (p *searchProgress) batch(sr *searcher) {
	if p.w == nil {
		return
	}
	g, ok := sr.s.(interface{ Generation() int })
	gen := 0
	if ok {
		gen = g.Generation()
	}
	now := time.Now()
	if now.Sub(p.last) < 5*time.Second && !sr.s.Done() {
		return
	}
	p.last = now
	budget := "no budget"
	if m := p.sp.MaxRuns(); m > 0 {
		budget = fmt.Sprintf("budget %d", m)
	}
	rate := float64(sr.ran) / max(now.Sub(p.start).Seconds(), 1e-9)
	state := fmt.Sprintf("generation %d of %d", gen, p.sp.Generations())
	if sr.s.Done() {
		state = "final re-evaluation done"
	}
	fmt.Fprintf(p.w, "seqsim: search %s: %d runs told (%s), %d run here at %.1f runs/s\n", state, len(sr.log), budget, sr.ran, rate)
}
