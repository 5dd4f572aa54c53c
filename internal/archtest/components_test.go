package archtest

import (
	"fmt"
	"go/ast"
	"go/types"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A component is a built-in part of the token model that owns its state
// (docs/components.md): the types that hold the state, and the files that
// make the part. Its files are the only ones that name those types or
// touch their fields; the wiring file calls its methods.
type component struct {
	name  string
	types []string // the state types, declared in its files
	files []string // its files, in agents (base names)
}

// components are agents' built-in parts that are components, one line
// each: the one table of who may touch what. A part becomes a component
// by moving its state into its own type, reached through the interfaces of
// shared_<component>.go and called from wire_<component>.go, and adding its
// line here.
var components = []component{
	{
		name:  "verification",
		types: []string{"verification", "verifiers", "gameState"},
		files: []string{"verification.go", "verifiers.go", "fraud.go", "payoffs.go", "verification_metrics.go"},
	},
	{
		name:  "capture meter",
		types: []string{"captureMeter", "captureMeasure"},
		files: []string{"capture.go"},
	},
	{
		name:  "security council",
		types: []string{"securityCouncil"},
		files: []string{"council.go"},
	},
	{
		name:  "operator churn",
		types: []string{"churn"},
		files: []string{"churn.go"},
	},
	{
		name:  "effective governance",
		types: []string{"effectiveness"},
		files: []string{"effective.go"},
	},
	{
		name:  "attacker",
		types: []string{"attacker"},
		files: []string{"attacker.go"},
	},
	{
		name:  "governance",
		types: []string{"governance", "voterSet"},
		files: []string{"governance.go", "proposals.go", "voters.go", "votingpower.go", "bribes.go"},
	},
	{
		name:  "sequencer network",
		types: []string{"sequencing", "operators", "network", "networkTotals"},
		files: []string{"network.go", "operators.go", "activeset.go", "sequencing.go", "offences.go", "slashing.go"},
	},
	{
		name:  "treasury",
		types: []string{"treasury"},
		files: []string{"treasury.go"},
	},
	{
		name:  "schedules",
		types: []string{"schedules", "allocation"},
		files: []string{"emission.go", "vesting.go"},
	},
	{
		name:  "demand side",
		types: []string{"demandSide"},
		files: []string{"demand.go", "fees.go"},
	},
	{
		name:  "market",
		types: []string{"market"},
		files: []string{"market.go"},
	},
	{
		name:  "route prices",
		types: []string{"routePrices"},
		files: []string{"capture_prices.go"},
	},
	{
		name:  "governed parameters",
		types: []string{"governed"},
		files: []string{"governed.go"},
	},
}

// The files every component may reach into, and the wiring's files.
const (
	sharedPrefix = "shared_"    // shared_<component>.go: the interfaces between parts, and the column views they hand out
	schemaFile   = "columns.go" // the metrics' columns: the schema, not a part's state
	wiringPrefix = "wire_"      // wire_<component>.go: the World's calls of a component's methods
	modelFile    = "model.go"   // names the components and runs their phases, in the day's order
)

// isShared reports whether a file holds interfaces and views every
// component may use.
func isShared(file string) bool { return strings.HasPrefix(file, sharedPrefix) }

// isWiring reports whether a file may name the components' state types
// and call their methods.
func isWiring(file string) bool { return file == modelFile || strings.HasPrefix(file, wiringPrefix) }

// TestComponentIsolation: a built-in component's state is its own. Outside
// its files no file names its state types or uses their fields, and only
// the wiring (model.go and wire_*.go) calls their methods; inside them no
// code uses an unexported field or method declared elsewhere (the World's
// state, another part's), except the views and interfaces of shared_*.go and the
// metric columns: what it needs of the rest of the model comes through the
// interfaces the World implements.
func TestComponentIsolation(t *testing.T) {
	t.Parallel()
	problems, err := checkComponents("../../agents", components)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

// The checker finds each kind of breach in a fixture, and nothing else.
func TestComponentIsolationFindsBreaches(t *testing.T) {
	t.Parallel()
	fixture := []component{{name: "game", types: []string{"game", "gameState"}, files: []string{"game.go", "game_rules.go"}}}
	problems, err := checkComponents("testdata/parts", fixture)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"core.go: uses gameState, a state type of component game",
		"core.go: uses n, state of component game",
		"core.go: uses play, a method of component game, outside the wiring",
		"core.go: uses state, state of component game",
		"game_rules.go: component game uses hidden, declared in model.go",
		"game_rules.go: component game uses score, declared in model.go",
	}
	for _, w := range want {
		if !slices.ContainsFunc(problems, func(p string) bool { return strings.HasPrefix(p, w) }) {
			t.Errorf("missed %q in %q", w, problems)
		}
	}
	if len(problems) != len(want) {
		t.Errorf("%d problems, want %d: %q", len(problems), len(want), problems)
	}
}

// checkComponents type-checks the non-test files of the package in dir and
// returns the breaches of the component rule.
func checkComponents(dir string, comps []component) ([]string, error) {
	fset, files, info, pkg, err := typecheck(dir)
	if err != nil {
		return nil, err
	}
	present := map[string]bool{}
	for _, f := range files {
		present[filepath.Base(fset.Position(f.Pos()).Filename)] = true
	}
	owner := map[string]string{}     // file -> component
	stateType := map[string]string{} // type name -> component
	for _, c := range comps {
		for _, f := range c.files {
			if !present[f] {
				return nil, fmt.Errorf("component %s: no file %s in %s", c.name, f, dir)
			}
			owner[f] = c.name
		}
		for _, n := range c.types {
			tn, ok := pkg.Scope().Lookup(n).(*types.TypeName)
			if !ok {
				return nil, fmt.Errorf("component %s: no type %s in %s", c.name, n, dir)
			}
			if f := filepath.Base(fset.Position(tn.Pos()).Filename); owner[f] != c.name {
				return nil, fmt.Errorf("component %s: type %s is declared in %s, not one of its files", c.name, n, f)
			}
			stateType[n] = c.name
		}
	}
	fileOf := func(obj types.Object) string { return filepath.Base(fset.Position(obj.Pos()).Filename) }
	// holder is the component whose state type declares a field or method
	// obj ("" for any other object).
	holder := func(obj types.Object) string {
		var recv types.Type
		switch o := obj.(type) {
		case *types.Var:
			if !o.IsField() {
				return ""
			}
			return stateType[stateTypeOfField(pkg, o, stateType)]
		case *types.Func:
			sig, _ := o.Type().(*types.Signature)
			if sig == nil || sig.Recv() == nil {
				return ""
			}
			recv = sig.Recv().Type()
		default:
			return ""
		}
		if p, ok := recv.(*types.Pointer); ok {
			recv = p.Elem()
		}
		if n, ok := recv.(*types.Named); ok && n.Obj().Pkg() == pkg {
			return stateType[n.Obj().Name()]
		}
		return ""
	}
	var problems []string
	check := func(at ast.Node, obj types.Object) {
		if obj == nil || obj.Pkg() != pkg || !obj.Pos().IsValid() {
			return
		}
		use := filepath.Base(fset.Position(at.Pos()).Filename)
		where := fset.Position(at.Pos())
		if tn, ok := obj.(*types.TypeName); ok && tn.Parent() == pkg.Scope() {
			if c := stateType[tn.Name()]; c != "" && owner[use] != c && !isWiring(use) {
				problems = append(problems, fmt.Sprintf("%s: uses %s, a state type of component %s (%s)", use, tn.Name(), c, where))
			}
			return
		}
		if c := holder(obj); c != "" && owner[use] != c {
			if _, isFunc := obj.(*types.Func); isFunc {
				if !isWiring(use) {
					problems = append(problems, fmt.Sprintf("%s: uses %s, a method of component %s, outside the wiring (%s)", use, obj.Name(), c, where))
				}
			} else {
				problems = append(problems, fmt.Sprintf("%s: uses %s, state of component %s (%s)", use, obj.Name(), c, where))
			}
			return
		}
		c := owner[use]
		if c == "" || obj.Exported() {
			return
		}
		decl := fileOf(obj)
		if owner[decl] == c || isShared(decl) || decl == schemaFile {
			return
		}
		switch o := obj.(type) {
		case *types.Var:
			if !o.IsField() {
				return // a package-level function's helper variable or a local
			}
		case *types.Func:
			if sig, _ := o.Type().(*types.Signature); sig == nil || sig.Recv() == nil {
				return // a package-level function: a pure helper, no state
			}
		default:
			return
		}
		problems = append(problems, fmt.Sprintf("%s: component %s uses %s, declared in %s (%s)", use, c, obj.Name(), decl, where))
	}
	for id, obj := range info.Uses {
		check(id, obj)
	}
	for sel, s := range info.Selections {
		check(sel.Sel, s.Obj())
	}
	slices.Sort(problems)
	return slices.Compact(problems), nil
}

// stateTypeOfField returns the component state type (a key of stateType)
// whose struct declares the field f, or "".
func stateTypeOfField(pkg *types.Package, f *types.Var, stateType map[string]string) string {
	for name := range stateType {
		tn, _ := pkg.Scope().Lookup(name).(*types.TypeName)
		if tn == nil {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for i := range st.NumFields() {
			if st.Field(i) == f {
				return name
			}
		}
	}
	return ""
}
