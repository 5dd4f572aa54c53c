package experiments

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/dist"
	"github.com/seqsim/seqsim/experiments/field"
	"github.com/seqsim/seqsim/internal/params"
)

// Settings are the experiment-level keys, in the [experiment] table.
type Settings struct {
	Name        string `toml:"name" doc:"experiment name; outputs go to out/<name>/ (letters, digits, - and _)"`
	Description string `toml:"description" doc:"one line shown in the report"`
	Runs        int    `toml:"runs" unit:"count" doc:"Monte Carlo runs per scenario point"`
	Seed        int64  `toml:"seed" unit:"integer >= 0" doc:"master seed: the same seed gives the same bytes"`
	Model       Model  `toml:"model" doc:"the model: the token economy, or a test function with known sensitivity indices"`
	// CommonRandomNumbers: see engine.RunSeed.
	CommonRandomNumbers bool `toml:"common_random_numbers" doc:"every scenario point reuses the same seed for the same run index (paired comparisons)"`
	// TargetCI: adaptive run counts (targetci.go).
	TargetCI TargetCI `toml:"target_ci" doc:"run each point until the listed outcomes' 95% intervals are narrow enough, or max_runs"`
}

// Experiment is one experiment file: settings plus the model's parameters,
// which sit at the top level of the file so that their dotted paths read
// as in `--set fees.split=[0.5,0.3,0.2]`.
type Experiment struct {
	Experiment    Settings `toml:"experiment" doc:"what to run"`
	agents.Params          // model parameters (top-level tables)

	Scenarios   []Scenario  `toml:"scenarios" doc:"named variants compared side by side"`
	Sweep       Sweep       `toml:"sweep" doc:"a grid or Latin hypercube over parameters"`
	Sensitivity Sensitivity `toml:"sensitivity" doc:"global sensitivity analysis"`
	Search      Search      `toml:"search" doc:"design search: the best values of chosen parameters for objectives under constraints"`
	Ishigami    Ishigami    `toml:"ishigami" doc:"test function (experiment.model = \"ishigami\")"`
	SobolG      SobolG      `toml:"sobol_g" doc:"test function (experiment.model = \"sobol-g\")"`

	// File is where the experiment came from (for messages); not in TOML.
	File string `toml:"-"`
	// lines are the source lines of the keys (from Load; nil when built
	// in Go), so that Plan can point a bad scenario or sweep point at the
	// line of the study key that made it.
	lines params.Lines
	// mechs are the optional mechanisms the experiment may turn on
	// (sections.go): the model's, then those given to Load.
	mechs []agents.SectionInfo
}

// Default returns the baseline experiment: the default model and 1,000 runs.
func Default() Experiment {
	infos, err := builtins()
	if err != nil {
		panic(err) // a built-in mechanism that cannot declare itself: a bug caught by every test
	}
	return Experiment{
		mechs: infos,
		Experiment: Settings{
			Name:                "baseline",
			Description:         "Arbitrum-like token: supply, vesting, AMM market, staking, fees and treasury",
			Runs:                1000,
			Seed:                1,
			Model:               ModelToken,
			CommonRandomNumbers: true,
			TargetCI:            TargetCI{Batch: DefaultTargetBatch},
		},
		Params:      agents.DefaultParams(),
		Sweep:       Sweep{Method: SweepNone},
		Sensitivity: Sensitivity{Method: SensitivityNone, N: 1024, Trajectories: 20, Levels: 4, Replicates: 4, Bootstrap: 1000},
		Search:      defaultSearch(),
		// The literature's constants (Ishigami and Homma 1990; Saltelli
		// et al. 2010 for G's a = 0, 1, 4.5, 9, 99, 99, 99, 99).
		Ishigami: Ishigami{A: 7, B: 0.1},
		SobolG:   SobolG{A: []float64{0, 1, 4.5, 9, 99, 99, 99, 99}, X: []float64{0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5}},
	}
}

// FieldError is one problem with one key of an experiment file, such as
//
//	baseline.toml:42: slashing.liveness_penalty: must be in [0, 1], got 1.5
//
// with File "baseline.toml", Line 42, Key "slashing.liveness_penalty" and
// Err the problem (Unwrap returns it). Load, LoadFile, ValidateParams and
// Experiment.Plan return an errors.Join of them: errors.As finds the first,
// field.Errors lists them all. It is defined in package field because the
// TOML decoder, below this package, builds it too.
type FieldError = field.Error

// Load decodes src over the defaults, applies the --set overrides (each
// "dotted.path=toml-value"), fills the defaults of new allocation entries and
// validates. Every problem is reported at once; the error joins
// *FieldError values naming the file, line and key.
//
// The experiment may turn on the model's optional mechanisms
// (agents.Mechanisms) and the extra ones given, by naming their sections.
func Load(file string, src []byte, sets []string, extra ...agents.NewMechanism) (*Experiment, error) {
	e := Default()
	e.File = file
	if err := e.withMechanisms(extra); err != nil {
		return nil, err
	}
	lines := params.KeyLines(src)
	err := e.walk(e.mechs, e.onIfNamed(slices.Collect(maps.Keys(lines))), func(root any) error {
		return params.Decode(file, src, root)
	})
	if err != nil {
		return nil, err
	}
	if err := e.Set(sets); err != nil {
		return nil, err
	}
	e.normalise()
	e.lines = lines
	set := setBy(lines, sets)
	if err := agents.ScaleDefaults(&e.Params, set); err != nil {
		return nil, err
	}
	if err := e.validate(e.lines); err != nil {
		blameSets(err, sets)
		blameScaled(err, set)
		return nil, err
	}
	return &e, nil
}

// blameScaled says, of a problem with a value nobody wrote, that it is a
// default scaled to the design's size (agents.ScaleDefaults), and by
// what: the size is what to look at.
func blameScaled(err error, set func(path string) bool) {
	for _, fe := range field.Errors(err) {
		for _, x := range agents.Proportionals() {
			if fe.Key == x.Path && !set(x.Path) {
				fe.Err = fmt.Errorf("%w (a default that scales with %s: set it, or check that size)", fe.Err, x.Measure)
			}
		}
	}
}

// LoadFile reads and loads an experiment file; name "" is the embedded
// baseline. The extra mechanisms are as for Load.
func LoadFile(path string, sets []string, extra ...agents.NewMechanism) (*Experiment, error) {
	if path == "" {
		return Load("baseline.toml", Embedded("baseline"), sets, extra...)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("experiments: %w", err)
	}
	return Load(filepath.Base(path), src, sets, extra...)
}

// Set applies --set overrides. Each is "dotted.path=value" with the value
// written in TOML (a number, a string in quotes, a list, an inline table).
// Each problem is its own *FieldError whose File is the flag as
// given ("--set fees.split=[1]") and whose Key is the dotted key at fault,
// which may lie below path ("fees.split.0"); a flag without "path=" has no
// key.
//
// A path into the section of an optional mechanism turns it on.
func (e *Experiment) Set(sets []string) error {
	return e.set(sets, func(path, val string) error {
		return e.walk(e.mechs, e.onIfNamed([]string{path}), func(root any) error {
			return params.Set(root, path, val)
		})
	})
}

// set applies sets with one, reporting every problem as Set does.
func (e *Experiment) set(sets []string, one func(path, val string) error) error {
	var errs []*field.Error
	for _, s := range sets {
		flag := "--set " + s
		path, val, ok := cut(s)
		if !ok {
			errs = append(errs, &field.Error{File: flag, Err: errors.New("want path=value")})
			continue
		}
		if slices.Contains(strings.Split(path, "."), "") {
			// "holders." or "fees..burn": no key of an experiment is
			// empty (a table's entry needs a name), so say so of the path
			// as given.
			errs = append(errs, &field.Error{File: flag, Key: path, Err: errors.New("the dotted path has an empty part")})
			continue
		}
		err := one(path, val)
		if err == nil {
			continue
		}
		// params.Set reports problems inside the value (an element of
		// the wrong type, a bad distribution parameter) as FieldErrors
		// keyed below path, and a bad path or TOML as a plain error.
		fes := field.Errors(err)
		if len(fes) == 0 {
			errs = append(errs, &field.Error{File: flag, Key: path, Err: err})
		}
		for _, fe := range fes {
			errs = append(errs, &field.Error{File: flag, Key: fe.Key, Err: fe.Err})
		}
	}
	return joinFieldErrors(errs)
}

// setBy reports whether a parameter's path was given by the file (the
// key or a key inside it, such as a distribution's parameter) or by a
// --set (the key, a key inside it, or a table holding it): those keep the
// value given; the others keep their defaults, scaled to the design's size
// when they are proportional (agents.ScaleDefaults).
func setBy(lines params.Lines, sets []string) func(path string) bool {
	return func(path string) bool {
		for k := range lines {
			if k == path || strings.HasPrefix(k, path+".") {
				return true
			}
		}
		for _, s := range sets {
			k, _, _ := cut(s)
			if k == path || strings.HasPrefix(k, path+".") || strings.HasPrefix(path, k+".") {
				return true
			}
		}
		return false
	}
}

// blameSets points problems with a value given by --set at the flag rather
// than at the file's line for that key.
func blameSets(err error, sets []string) {
	for _, fe := range field.Errors(err) {
		for _, s := range sets {
			path, _, _ := cut(s)
			if fe.Key == path || strings.HasPrefix(fe.Key, path+".") {
				fe.File, fe.Line = "--set "+s, 0
			}
		}
	}
}

func cut(s string) (string, string, bool) {
	for i := range len(s) {
		if s[i] == '=' {
			return s[:i], s[i+1:], i > 0
		}
	}
	return "", "", false
}

// normalise fills what a user may leave out of an [[allocations]] entry
// (a new array replaces the default one and starts from zero values).
func (e *Experiment) normalise() {
	e.Experiment.TargetCI.normalise()
	for i := range e.Allocations {
		a := &e.Allocations[i]
		if a.Weight == (dist.Dist{}) {
			a.Weight = dist.Dist{Kind: dist.KindConst, Params: [3]float64{1}} // equal weights
		}
		if a.VestingStepDays == 0 {
			a.VestingStepDays = 1
		}
		if a.Agents == 0 && a.Holder != agents.HolderTreasury {
			a.Agents = 1
		}
	}
}

// Resolved returns the experiment as TOML with every default filled in:
// loading it again gives the same experiment and the same bytes.
func (e *Experiment) Resolved() ([]byte, error) {
	var b []byte
	err := e.view(func(root any) (err error) {
		b, err = params.Encode(root)
		return err
	})
	return b, err
}

// Hash is the SHA-256 of the resolved TOML, hex-encoded: the experiment's
// identity in manifests and shard headers.
func (e *Experiment) Hash() (string, error) {
	b, err := e.Resolved()
	if err != nil {
		return "", err
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:]), nil
}

// ParamDoc documents one parameter: a row of `seqsim params`.
type ParamDoc struct {
	Path    string // dotted path; "N" stands for an array index, "<key>" for a map key
	Type    string // bool, int, uint, float, string, dist, []float, map[string]int, ...
	Default string // TOML form of the default; for array elements all defaults joined by ", "
	Unit    string // the field's unit
	Range   string // the values it accepts: "[0,1]", "(0,)" (> 0), "[0,)" (>= 0), "(,)" (finite); "mean [0,1]" bounds a distribution's mean; "" when its rule is not a plain range
	Doc     string // the field's meaning
}

// Describe lists every parameter with its dotted path, type, default, unit,
// range and meaning (the table `seqsim params` prints), the sections of the
// model's optional mechanisms included.
func Describe() []ParamDoc {
	d := Default()
	docs := params.Describe(d.sectioned(d.mechs).Interface())
	// A copy into this package's type: params is internal, and a
	// library user must be able to name what Describe returns.
	prop := map[string]agents.Measure{}
	for _, x := range agents.Proportionals() {
		prop[x.Path] = x.Measure
	}
	out := make([]ParamDoc, len(docs))
	for i, p := range docs {
		out[i] = ParamDoc(p)
		if m, ok := prop[p.Path]; ok {
			out[i].Doc += fmt.Sprintf("; the default is the baseline's, in proportion to %s (docs/model.md §23)", m)
		}
	}
	return out
}

func joinFieldErrors(errs []*field.Error) error {
	if len(errs) == 0 {
		return nil
	}
	es := make([]error, len(errs))
	for i, e := range errs {
		es[i] = e
	}
	return joinErrs(es)
}
