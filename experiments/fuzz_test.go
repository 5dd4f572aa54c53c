package experiments

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/seqsim/seqsim/experiments/field"
	"github.com/seqsim/seqsim/internal/params"
)

// FuzzLoadExperiment feeds arbitrary TOML and --set overrides (one per line
// of sets) through Load, the way `seqsim run FILE --set ...` does, and
// checks three properties:
//
//   - Load never panics (nor does Plan on an experiment that loads and
//     whose design is small enough to enumerate quickly);
//   - every problem is a *field.Error of one of the forms documented
//     in doc.go ("Errors"): checkErrorForms, and checkPlanErrorForms for
//     Plan's problems with a scenario or sweep point;
//   - an experiment that loads is a fixed point of resolve → load: loading
//     its resolved TOML succeeds and resolves to the same bytes (the same
//     hash in manifest.json), STYLE.md "Fuzz targets".
//
// The seeds are every embedded experiment plus overrides that exercise
// each kind of --set problem; corpus entries for defects found by fuzzing
// are in testdata/fuzz/FuzzLoadExperiment.
func FuzzLoadExperiment(f *testing.F) {
	for _, name := range EmbeddedNames() {
		f.Add(Embedded(name), "")
	}
	base := Embedded("baseline")
	for _, sets := range []string{
		"fees.split=[0.5,0.3,0.2]\nallocations.1.cliff_days=180",
		`fees.split=["a", 0.5]`,
		`holders.team.sell_fraction={ dist = "beta", a = -1, b = 2 }`,
		"holders.team.sell_fraction.a=0\nfees.split.0=nan",
		"fees.split=[0.5,\nnoequals\n=1",
		"allocations.9.share=1\nnosuch.key=1",
		"simulation.horizon_days=300",
		`sweep={ method = "grid", params = [{ path = "fees.growth_annual", values = [0.1, 0.2] }] }`,
		"holders.mm={ like = \"team\" }\ngovernance.voters.mm={ like = \"grants\" }\nallocations.1.holder=\"mm\"",
		`holders.mm={ like = "nosuch" }`,
	} {
		f.Add(base, sets)
	}
	if mm, err := os.ReadFile(filepath.Join("testdata", "market-maker.toml")); err == nil {
		f.Add(mm, "holders.market_maker.sell_probability=0.5")
	}
	f.Fuzz(func(t *testing.T, src []byte, setLines string) {
		var sets []string
		if setLines != "" {
			sets = strings.Split(setLines, "\n")
		}
		e, err := Load("fuzz.toml", src, sets)
		if err != nil {
			if msg := checkErrorForms("fuzz.toml", src, sets, err); msg != "" {
				t.Fatalf("%s\nerror: %v", msg, err)
			}
			return
		}
		r1, err := e.Resolved()
		if err != nil {
			t.Fatalf("Resolved: %v", err)
		}
		e2, err := Load("resolved.toml", r1, nil)
		if err != nil {
			t.Fatalf("the resolved experiment does not load: %v\n%s", err, r1)
		}
		r2, err := e2.Resolved()
		if err != nil {
			t.Fatalf("Resolved again: %v", err)
		}
		if !bytes.Equal(r1, r2) {
			t.Fatalf("resolve → load → resolve changed the bytes:\n%s\n----\n%s", r1, r2)
		}
		if smallStudy(e) {
			if _, err := e.Plan(); err != nil {
				if msg := checkPlanErrorForms("fuzz.toml", src, err); msg != "" {
					t.Fatalf("%s\nPlan error: %v", msg, err)
				}
			}
		}
	})
}

// smallStudy reports whether e's plan has few enough points to build in a
// fuzz iteration: Plan validates every scenario and grid point (about 0.5 ms
// each) and scans every design point for its bounds, and a Saltelli design
// may have 2^24 (D+2) points. The embedded studies are larger, so their
// plans are built by their own tests, not here.
func smallStudy(e *Experiment) bool {
	se, sw := e.Sensitivity, e.Sweep
	switch se.Method {
	case SensitivitySobol:
		return se.N <= 16 && len(se.Params) <= 8
	case SensitivityMorris:
		return se.Trajectories <= 16 && len(se.Params) <= 8
	}
	if sw.Method == SweepLHS {
		return sw.Points <= 16
	}
	points := max(len(e.Scenarios), 1)
	for _, p := range sw.Params {
		points *= max(len(p.Values), 1)
		if points > 16 {
			return false
		}
	}
	return true
}

// checkErrorForms returns "" if err, from Load(file, src, sets), has only
// the forms documented in doc.go, else what is wrong:
//
//   - It is one *field.Error or an errors.Join of them (nothing
//     else, and no FieldError nested inside another: one problem, one
//     location).
//   - A problem with the file names it (File == file) and the dotted key,
//     with the line of the key in src or of its nearest enclosing table
//     (params.Lines.Line); the line is 0 only when neither is written in
//     src (a default value that conflicts with what the file sets).
//   - A TOML syntax error names the file and the line, and no key.
//   - A problem with an override names the flag as given, "--set
//     path=value", and the key, which is path or below it; a flag without
//     "path=" has no key.
func checkErrorForms(file string, src []byte, sets []string, err error) string {
	var es []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		es = j.Unwrap()
	} else {
		es = []error{err}
	}
	lines := params.KeyLines(src)
	nLines := bytes.Count(src, []byte("\n")) + 1
	for _, e := range es {
		fe, ok := e.(*field.Error)
		if !ok {
			return fmt.Sprintf("%T is not a *field.Error: %q", e, e)
		}
		if len(field.Errors(fe.Err)) > 0 {
			return fmt.Sprintf("FieldError inside a FieldError: %q", fe)
		}
		if strings.HasPrefix(fe.File, "--set") {
			if msg := checkSetError(fe, sets); msg != "" {
				return msg
			}
			continue
		}
		if fe.File != file {
			return fmt.Sprintf("names file %q, want %q: %q", fe.File, file, fe)
		}
		if fe.Key == "" {
			var pe toml.ParseError
			if !errors.As(fe, &pe) || fe.Line < 1 || fe.Line > nLines {
				return fmt.Sprintf("no key, and not a syntax error with a line in 1..%d: %q", nLines, fe)
			}
			continue
		}
		if want := lines.Line(fe.Key); fe.Line != want {
			return fmt.Sprintf("line %d, but %s is on line %d: %q", fe.Line, fe.Key, want, fe)
		}
	}
	return ""
}

// checkSetError checks a problem blamed on an override.
func checkSetError(fe *field.Error, sets []string) string {
	if fe.Line != 0 {
		return fmt.Sprintf("a --set problem with a line: %q", fe)
	}
	for _, s := range sets {
		if fe.File != "--set "+s {
			continue
		}
		path, _, ok := cut(s)
		switch {
		case !ok && fe.Key == "":
			return ""
		case ok && (fe.Key == path || strings.HasPrefix(fe.Key, path+".")):
			return ""
		}
	}
	return fmt.Sprintf("names no --set flag given with a key at or below its path: %q (sets %q)", fe, sets)
}

// checkPlanErrorForms returns "" if err, from Plan on the experiment
// loaded from src, has only the form Plan documents, else what is wrong:
// FieldErrors (not nested) naming the file, the parameter's key, and the
// line of the study key (scenarios, sweep or sensitivity) that made the bad
// point, or no line when that key is not in src.
func checkPlanErrorForms(file string, src []byte, err error) string {
	studyLines := map[int]bool{}
	for k, n := range params.KeyLines(src) {
		if strings.HasPrefix(k, "scenarios") || strings.HasPrefix(k, "sweep") || strings.HasPrefix(k, "sensitivity") {
			studyLines[n] = true
		}
	}
	var es []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		es = j.Unwrap()
	} else {
		es = []error{err}
	}
	for _, e := range es {
		fe, ok := e.(*field.Error)
		switch {
		case !ok:
			return fmt.Sprintf("%T is not a *field.Error: %q", e, e)
		case len(field.Errors(fe.Err)) > 0:
			return fmt.Sprintf("FieldError inside a FieldError: %q", fe)
		case fe.File != file || fe.Key == "":
			return fmt.Sprintf("names file %q and key %q, want %q and a key: %q", fe.File, fe.Key, file, fe)
		case fe.Line != 0 && !studyLines[fe.Line]:
			return fmt.Sprintf("line %d holds no scenario, sweep or sensitivity key: %q", fe.Line, fe)
		}
	}
	return ""
}
