package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/engine"
	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/internal/atomicfile"
)

// replayCmd reruns one unit of a finished output folder alone, writes its
// full per-day trace, and checks its outcomes against the row in runs.csv:
// the way to explain a surprising outlier.
func replayCmd(args []string, stdout io.Writer) error {
	fs, point, run, out := replayFlags()
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("usage: seqsim replay DIR --point P --run R")
	}
	dir := pos[0]
	exp, err := experiments.LoadFile(filepath.Join(dir, "experiment.toml"), nil)
	if err != nil {
		return err
	}
	st, err := newStudy(exp)
	if err != nil {
		return err
	}
	if *point < 0 || *point >= st.pl.Points || *run < 0 || *run >= st.pl.Runs {
		return usagef("replay: %s has points 0..%d and runs 0..%d", dir, st.pl.Points-1, st.pl.Runs-1)
	}
	factory, err := st.pl.NewSimFactory()
	if err != nil {
		return err
	}
	sim, err := factory()
	if err != nil {
		return err
	}
	plan := st.enginePlan(1, engine.Shard{})
	u := plan.UnitOf(*point*st.pl.Runs + *run)
	rng := rand.New(rand.NewPCG(engine.PCGSeeds(u.Seed)))
	summary := make([]float64, len(st.schema.Summary))
	series := make([]float64, st.schema.Steps*len(st.schema.Series))
	var events []agents.Event
	if exp.Experiment.Model == "token" { // the token model also reports its events
		e, err := st.pl.Point(u.Point)
		if err != nil {
			return err
		}
		events, err = agents.NewSim(func(int) *agents.Params { return &e.Params }).RunTrace(u.Point, u.Run, rng, summary, series)
		if err != nil {
			return fmt.Errorf("replay: point %d run %d (seed %d): %w", u.Point, u.Run, u.Seed, err)
		}
	} else if err := sim.Run(u.Point, u.Run, rng, summary, series); err != nil {
		return fmt.Errorf("replay: point %d run %d (seed %d): %w", u.Point, u.Run, u.Seed, err)
	}
	path := *out
	if path == "" {
		path = filepath.Join(dir, fmt.Sprintf("replay-p%d-r%d.csv", u.Point, u.Run))
	}
	if err := writeTrace(path, st.schema, series); err != nil {
		return err
	}
	eventsPath := strings.TrimSuffix(path, ".csv") + "-events.csv"
	if err := writeEvents(eventsPath, events); err != nil {
		return err
	}
	recorded, err := findRow(filepath.Join(dir, "runs.csv"), len(st.pl.Columns), u)
	if err != nil {
		return err
	}
	var diffs []string
	for i, name := range st.schema.Summary {
		a, b := summary[i], recorded[i]
		if a != b && !(math.IsNaN(a) && math.IsNaN(b)) {
			diffs = append(diffs, fmt.Sprintf("%s: replayed %v, runs.csv %v", name, a, b))
		}
	}
	fmt.Fprintf(stdout, "replayed point %d run %d (seed %d): trace in %s, %d events in %s\n", u.Point, u.Run, u.Seed, path, len(events), eventsPath)
	if len(diffs) > 0 {
		return fmt.Errorf("replay: outcomes differ from runs.csv (a different seqsim version or architecture?):\n  %v", diffs)
	}
	fmt.Fprintln(stdout, "outcomes equal the row in runs.csv")
	return nil
}

// writeTrace writes day, then every series metric, one row per day.
func writeTrace(path string, s engine.Schema, series []float64) error {
	f, err := atomicfile.Create(path)
	if err != nil {
		return err
	}
	defer f.Abort()
	f.WriteString("day")
	for _, n := range s.Series {
		f.WriteString("," + n)
	}
	f.WriteString("\n")
	m := len(s.Series)
	var b []byte
	for step := range s.Steps {
		b = strconv.AppendInt(b[:0], int64(step), 10)
		for _, v := range series[step*m : (step+1)*m] {
			b = append(b, ',')
			b = engine.AppendFloat(b, v)
		}
		f.Write(append(b, '\n'))
	}
	return f.Commit()
}

// writeEvents writes day, kind, subject, amount, unit, detail: one row per
// event in the order they happened.
func writeEvents(path string, events []agents.Event) error {
	f, err := atomicfile.Create(path)
	if err != nil {
		return err
	}
	defer f.Abort()
	f.WriteString("day,kind,subject,amount,unit,detail\n")
	for _, e := range events {
		b := strconv.AppendInt(nil, int64(e.Day), 10)
		b = append(b, ',')
		b = append(b, e.Kind...)
		b = append(b, ',')
		b = engine.AppendCSVField(b, e.Subject)
		b = append(b, ',')
		b = engine.AppendFloat(b, e.Amount)
		b = append(b, ',')
		b = engine.AppendCSVField(b, e.Unit)
		b = append(b, ',')
		b = engine.AppendCSVField(b, e.Detail)
		f.Write(append(b, '\n'))
	}
	return f.Commit()
}

// findRow returns the outcomes recorded for unit u in runs.csv.
func findRow(path string, nExtra int, u engine.Unit) ([]float64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows := newRowReader(f, path, nExtra)
	for {
		got, summary, err := rows.next()
		if err == io.EOF {
			return nil, fmt.Errorf("replay: %s has no row for point %d run %d (did that run fail?)", path, u.Point, u.Run)
		}
		if err != nil {
			return nil, err
		}
		if got.Point == u.Point && got.Run == u.Run {
			return append([]float64(nil), summary...), nil
		}
	}
}

// replayFlags defines the flags of `seqsim replay`.
func replayFlags() (fs *flag.FlagSet, point, run *int, out *string) {
	fs = flag.NewFlagSet("replay", flag.ContinueOnError)
	point = fs.Int("point", 0, "scenario point")
	run = fs.Int("run", 0, "run index")
	out = fs.String("out", "", "trace file (default DIR/replay-pP-rR.csv)")
	return fs, point, run, out
}
