package archtest

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestMechanismIsolation: a mechanism reaches the rest of the model only
// through the shared interfaces (docs/components.md). A mechanism file (one
// that declares a Declare(*Model) error method) may use no unexported name
// — type, function, variable, field or method — declared in another file of
// its package, and no other file may use the unexported names a mechanism
// file declares (its state).
func TestMechanismIsolation(t *testing.T) {
	t.Parallel()
	problems, mechs, err := checkMechanisms("../../agents")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
	if len(mechs) == 0 {
		t.Error("no mechanism file found in agents: the rule checks nothing")
	}
}

// The checker finds each kind of breach in a fixture.
func TestMechanismIsolationFindsBreaches(t *testing.T) {
	t.Parallel()
	problems, mechs, err := checkMechanisms("testdata/mech")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"bad.go", "good.go"}; !slices.Equal(mechs, want) {
		t.Errorf("mechanism files %v, want %v", mechs, want)
	}
	want := []string{
		`bad.go: uses goodState, declared in good.go`,
		`bad.go: uses w, declared in model.go`,
		`bad.go: uses world, declared in model.go`,
		`bad.go: uses helper, declared in model.go`,
		`bad.go: uses pool, declared in model.go`,
		`core.go: uses goodState, the state of mechanism file good.go`,
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

// checkMechanisms type-checks the non-test files of the package in dir and
// returns the breaches of the rule and the mechanism files.
func checkMechanisms(dir string) (problems, mechFiles []string, err error) {
	fset, files, info, pkg, err := typecheck(dir)
	if err != nil {
		return nil, nil, err
	}
	fileOf := func(p token.Pos) string { return filepath.Base(fset.Position(p).Filename) }
	isMech := map[string]bool{}
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && fd.Name.Name == "Declare" {
				isMech[fileOf(f.Pos())] = true
			}
		}
	}
	for f := range isMech {
		mechFiles = append(mechFiles, f)
	}
	slices.Sort(mechFiles)
	// ours reports whether obj is an unexported name of this package
	// declared at package level, or a field or method of one of its types.
	ours := func(obj types.Object) bool {
		return obj != nil && obj.Pkg() == pkg && !obj.Exported() && obj.Pos().IsValid()
	}
	check := func(at token.Pos, obj types.Object) {
		if !ours(obj) {
			return
		}
		if v, ok := obj.(*types.Var); ok && !v.IsField() && obj.Parent() != pkg.Scope() {
			return // a local variable or parameter
		}
		if _, ok := obj.(*types.Const); ok && obj.Parent() != pkg.Scope() {
			return
		}
		if tn, ok := obj.(*types.TypeName); ok && tn.Parent() != pkg.Scope() {
			return
		}
		use, decl := fileOf(at), fileOf(obj.Pos())
		switch {
		case use == decl:
		case isMech[use]:
			problems = append(problems, fmt.Sprintf("%s: uses %s, declared in %s (%s)", use, obj.Name(), decl, fset.Position(at)))
		case isMech[decl]:
			problems = append(problems, fmt.Sprintf("%s: uses %s, the state of mechanism file %s (%s)", use, obj.Name(), decl, fset.Position(at)))
		}
	}
	for id, obj := range info.Uses {
		check(id.Pos(), obj)
	}
	for sel, s := range info.Selections {
		check(sel.Sel.Pos(), s.Obj())
	}
	slices.Sort(problems)
	problems = slices.Compact(problems)
	return problems, mechFiles, nil
}

// typecheck parses and type-checks the non-test files of the package in
// dir, recording the uses of names and the selections.
func typecheck(dir string) (*token.FileSet, []*ast.File, *types.Info, *types.Package, error) {
	fset := token.NewFileSet()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, nil, nil, nil, err
	}
	var files []*ast.File
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		src, err := os.ReadFile(n)
		if err != nil {
			return nil, nil, nil, nil, err
		}
		f, err := parser.ParseFile(fset, n, src, 0)
		if err != nil {
			return nil, nil, nil, nil, err
		}
		files = append(files, f)
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check(dir, fset, files, info)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	return fset, files, info, pkg, nil
}
