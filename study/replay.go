package study

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"path/filepath"
	"strconv"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/engine"
	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/internal/atomicfile"
	"github.com/seqsim/seqsim/study/folder"
)

// Replayed is what [Replay] wrote.
type Replayed struct {
	Unit    engine.Unit // the unit replayed, with its seed
	Trace   string      // the per-day trace: day, then every series metric
	Events  string      // the model's events, in the order they happened
	NEvents int         // how many events
}

// Replay reruns one unit (point, run) of the finished output folder dir
// alone, writes its full per-day trace to trace (default
// DIR/replay-pP-rR.csv) and its events beside it (-events.csv), and
// checks its outcomes against its row in runs.csv: the way to explain a
// surprising outlier. Outcomes that differ from the row are an error
// naming them (a different seqsim version or architecture).
//
// It holds the folder's lock meanwhile, exclusive when the trace goes into
// dir and shared when it goes elsewhere (replays of one folder can then
// run together), so that no run writes the folder while it is read;
// command is recorded in the lock file. A folder in use (by anyone when
// the trace goes into it, by a writer otherwise) is an [*InputError]
// wrapping a [*folder.LockedError]. A study of mechanisms outside the
// model (agents.Mechanism) replays with the same extra mechanisms.
func Replay(dir string, point, run int, trace string, command []string, extra ...agents.NewMechanism) (*Replayed, error) {
	lock, err := holdFolder(dir, command, trace == "" || within(trace, dir))
	if err != nil {
		return nil, err
	}
	defer lock.Unlock()
	exp, err := experiments.LoadFile(filepath.Join(dir, folder.Experiment), nil, extra...)
	if err != nil {
		return nil, err
	}
	st, err := newSpec(exp)
	if err != nil {
		return nil, err
	}
	if st.pl.Kind == experiments.KindSearch {
		// The plan's point is the experiment's own design, not runs.csv's
		// point p (front.csv's design p), and run j there has seed index
		// replicates_cap + j: replaying it here would run another design.
		return nil, inputf("replay: %s is a design search: its runs.csv's point p is front.csv's design p; replay a run of it from a single-point run of the design (docs/search.md, \"How it runs\")", dir)
	}
	if point < 0 || point >= st.pl.Points || run < 0 || run >= st.pl.Runs {
		return nil, inputf("replay: %s has points 0..%d and runs 0..%d", dir, st.pl.Points-1, st.pl.Runs-1)
	}
	factory, err := st.pl.NewSimFactory()
	if err != nil {
		return nil, err
	}
	sim, err := factory()
	if err != nil {
		return nil, err
	}
	plan := st.enginePlan(1, engine.Shard{})
	u := plan.UnitOf(point*st.pl.Runs + run)
	rng := rand.New(rand.NewPCG(engine.PCGSeeds(u.Seed)))
	summary := make([]float64, len(st.schema.Summary))
	series := make([]float64, st.schema.Steps*len(st.schema.Series))
	var events []agents.Event
	if exp.Experiment.Model == experiments.ModelToken { // the token model also reports its events
		e, err := st.pl.Point(u.Point)
		if err != nil {
			return nil, err
		}
		events, err = agents.NewSim(func(int) *agents.Params { return &e.Params }).RunTrace(u.Point, u.Run, rng, summary, series)
		if err != nil {
			return nil, fmt.Errorf("replay: point %d run %d (seed %d): %w", u.Point, u.Run, u.Seed, err)
		}
	} else if err := sim.Run(u.Point, u.Run, rng, summary, series); err != nil {
		return nil, fmt.Errorf("replay: point %d run %d (seed %d): %w", u.Point, u.Run, u.Seed, err)
	}
	path := trace
	if path == "" {
		path = filepath.Join(dir, folder.ReplayTrace(u.Point, u.Run))
	}
	if err := writeTrace(path, st.schema, series); err != nil {
		return nil, err
	}
	eventsPath := folder.ReplayEvents(path)
	if err := writeEvents(eventsPath, events); err != nil {
		return nil, err
	}
	recorded, err := findRow(filepath.Join(dir, folder.Runs), len(st.pl.Columns), u)
	if err != nil {
		return nil, err
	}
	var diffs []string
	for i, name := range st.schema.Summary {
		a, b := summary[i], recorded[i]
		if a != b && !(math.IsNaN(a) && math.IsNaN(b)) {
			diffs = append(diffs, fmt.Sprintf("%s: replayed %v, runs.csv %v", name, a, b))
		}
	}
	r := &Replayed{Unit: u, Trace: path, Events: eventsPath, NEvents: len(events)}
	if len(diffs) > 0 {
		return r, fmt.Errorf("replay: outcomes differ from runs.csv (a different seqsim version or architecture?):\n  %v", diffs)
	}
	return r, nil
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
			b = folder.AppendFloat(b, v)
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
		b = folder.AppendCSVField(b, e.Subject)
		b = append(b, ',')
		b = folder.AppendFloat(b, e.Amount)
		b = append(b, ',')
		b = folder.AppendCSVField(b, e.Unit)
		b = append(b, ',')
		b = folder.AppendCSVField(b, e.Detail)
		f.Write(append(b, '\n'))
	}
	return f.Commit()
}

// findRow returns the outcomes recorded for unit u in runs.csv.
func findRow(path string, nExtra int, u engine.Unit) ([]float64, error) {
	f, rows, err := folder.OpenRuns(path, nExtra)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	for {
		got, err := rows.Next()
		if err == io.EOF {
			return nil, fmt.Errorf("replay: %s has no row for point %d run %d (did that run fail?)", path, u.Point, u.Run)
		}
		if err != nil {
			return nil, err
		}
		if got.Point == u.Point && got.Run == u.Run {
			return append([]float64(nil), got.Summary...), nil
		}
	}
}
