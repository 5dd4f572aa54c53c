package experiments

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/internal/params"
)

// The optional mechanisms' sections (agents.Mechanism) are top-level
// tables of the experiment file whose types only the mechanisms know. The
// TOML walkers of internal/params see them as fields of a struct built at
// run time: the Experiment, inlined, followed by one field per section
// (sectioned). A section is on when the file or a --set names it; an
// experiment that names none has the bytes of the built-in model.

// builtins are the model's mechanisms, read once.
var builtins = sync.OnceValues(func() ([]agents.SectionInfo, error) {
	return agents.Describes(agents.Mechanisms())
})

// withMechanisms sets the mechanisms e may turn on: the model's, then the
// caller's extra ones.
func (e *Experiment) withMechanisms(extra []agents.NewMechanism) error {
	infos, err := builtins()
	if err != nil {
		return err
	}
	if len(extra) > 0 {
		if infos, err = agents.Describes(append(agents.Mechanisms(), extra...)); err != nil {
			return err
		}
	}
	e.mechs = infos
	return nil
}

// sectionsOn are the mechanisms e turns on, in the order of e.mechs.
func (e *Experiment) sectionsOn() []agents.SectionInfo {
	var on []agents.SectionInfo
	for _, in := range e.mechs {
		if e.Params.Sections.Value(in.Key) != nil {
			on = append(on, in)
		}
	}
	return on
}

// sectioned returns a pointer to the value the TOML walkers see: a copy of
// e followed by the sections of infos (e's values, or the defaults of a
// section e does not turn on).
func (e *Experiment) sectioned(infos []agents.SectionInfo) reflect.Value {
	fields := []reflect.StructField{{Name: "Experiment", Type: reflect.TypeFor[Experiment](), Anonymous: true}}
	for i, in := range infos {
		fields = append(fields, reflect.StructField{
			Name: fmt.Sprintf("S%d", i),
			Type: reflect.TypeOf(in.Defaults).Elem(),
			Tag:  reflect.StructTag(fmt.Sprintf(`toml:%q doc:%q`, in.Key, in.Doc)),
		})
	}
	rv := reflect.New(reflect.StructOf(fields))
	rv.Elem().Field(0).Set(reflect.ValueOf(*e))
	for i, in := range infos {
		v := e.Params.Sections.Value(in.Key)
		if v == nil {
			v = in.Defaults
		}
		rv.Elem().Field(i + 1).Set(reflect.ValueOf(v).Elem())
	}
	return rv
}

// unsection copies the walkers' value rv (from sectioned(infos)) back into
// e; the sections for which on is true are turned on, each a new value
// (copy-on-write: no other copy of e sees it change).
func (e *Experiment) unsection(rv reflect.Value, infos []agents.SectionInfo, on func(key string) bool) {
	mechs := e.mechs
	*e = rv.Elem().Field(0).Interface().(Experiment)
	e.mechs = mechs
	for i, in := range infos {
		if !on(in.Key) {
			continue
		}
		v := reflect.New(reflect.TypeOf(in.Defaults).Elem())
		v.Elem().Set(rv.Elem().Field(i + 1))
		e.Params.Sections = e.Params.Sections.With(in, v.Interface())
	}
}

// walk runs f on the walkers' value of e with the sections of infos, and
// copies the result back, turning on the sections on reports.
func (e *Experiment) walk(infos []agents.SectionInfo, on func(key string) bool, f func(root any) error) error {
	if len(infos) == 0 {
		return f(e)
	}
	rv := e.sectioned(infos)
	if err := f(rv.Interface()); err != nil {
		return err
	}
	e.unsection(rv, infos, on)
	return nil
}

// view runs f on the walkers' value of e with the sections it turns on,
// for reading.
func (e *Experiment) view(f func(root any) error) error {
	on := e.sectionsOn()
	if len(on) == 0 {
		return f(e)
	}
	return f(e.sectioned(on).Interface())
}

// names reports whether path lies in the section key.
func names(path, key string) bool { return path == key || strings.HasPrefix(path, key+".") }

// onIfNamed turns on the sections e already has and those a key in keys
// names.
func (e *Experiment) onIfNamed(keys []string) func(string) bool {
	return func(key string) bool {
		return e.Params.Sections.Value(key) != nil || slices.ContainsFunc(keys, func(k string) bool { return names(k, key) })
	}
}

// keep turns on the sections e already has.
func (e *Experiment) keep(key string) bool { return e.Params.Sections.Value(key) != nil }

// getParam is params.Get on e, the sections it turns on included.
func (e *Experiment) getParam(path string) (v any, err error) {
	err = e.view(func(root any) error {
		v, err = params.Get(root, path)
		return err
	})
	return v, err
}

// setParam is params.Set on e for a point of its plan: a path may lie in a
// section e turns on, but may not turn one on (every point of a study has
// the same outputs).
func (e *Experiment) setParam(path, val string) error {
	return e.walk(e.sectionsOn(), e.keep, func(root any) error { return params.Set(root, path, val) })
}

// setNumber is params.SetNumber on e, like setParam.
func (e *Experiment) setNumber(path string, v float64) error {
	return e.walk(e.sectionsOn(), e.keep, func(root any) error { return params.SetNumber(root, path, v) })
}
