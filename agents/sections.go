package agents

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
)

// Sections are the parameter sections of the optional mechanisms an
// experiment turns on, in the order of the model's mechanism list. Each
// value is a pointer to the mechanism's section struct. The zero value has
// none: the built-in model alone.
//
// Sections are values with copy-on-write: With returns new Sections and
// never writes a value another copy of the Params can see.
type Sections struct{ list []sectionValue }

type sectionValue struct {
	key   string
	value any // *T, the section struct
	build NewMechanism
}

// Len is the number of sections.
func (s Sections) Len() int { return len(s.list) }

// Keys lists the sections' keys in order.
func (s Sections) Keys() []string {
	out := make([]string, len(s.list))
	for i, v := range s.list {
		out[i] = v.key
	}
	return out
}

// Value is the section struct (a pointer) of key, or nil. Read-only.
func (s Sections) Value(key string) any {
	for _, v := range s.list {
		if v.key == key {
			return v.value
		}
	}
	return nil
}

// With returns s with the section of info set to value (a pointer to
// info's section type): replaced in place when present, appended when not.
func (s Sections) With(info SectionInfo, value any) Sections {
	if reflect.TypeOf(value) != reflect.TypeOf(info.Defaults) {
		panic(fmt.Sprintf("agents: section %q: value of type %T, want %T", info.Key, value, info.Defaults))
	}
	list := slices.Clone(s.list)
	for i := range list {
		if list[i].key == info.Key {
			list[i].value = value
			return Sections{list}
		}
	}
	return Sections{append(list, sectionValue{key: info.Key, value: value, build: info.New})}
}

// SectionInfo is what a mechanism declares about itself, read without
// running it: its section and its metrics.
type SectionInfo struct {
	Key, Doc string
	// Defaults is a pointer to a fresh copy of the section's defaults.
	Defaults any
	// New builds the mechanism.
	New NewMechanism
	// Series and Outcomes are the metrics it registers, in order.
	Series, Outcomes []Metric
}

// Describe reads the declarations of the mechanism that build makes.
func Describe(build NewMechanism) (SectionInfo, error) {
	e, err := declare(build, nil, numSeries(), numOutcomes(), 0)
	if err != nil {
		return SectionInfo{}, err
	}
	return SectionInfo{Key: e.key, Doc: e.doc, Defaults: e.defaults, New: build,
		Series: cloneMetrics(e.series), Outcomes: cloneMetrics(e.outcomes)}, nil
}

// Describes reads the declarations of several mechanisms, refusing two
// with one key.
func Describes(builds []NewMechanism) ([]SectionInfo, error) {
	out := make([]SectionInfo, 0, len(builds))
	for _, b := range builds {
		info, err := Describe(b)
		if err != nil {
			return nil, err
		}
		if slices.ContainsFunc(out, func(o SectionInfo) bool { return o.Key == info.Key }) {
			return nil, fmt.Errorf("agents: two mechanisms declare the section %q", info.Key)
		}
		out = append(out, info)
	}
	return out, nil
}

// SeriesColumns is the layout of a recorded step of a run of p: the
// built-in series, then those of p's mechanisms in order.
func SeriesColumns(p *Params) ([]Metric, error) {
	return columnsOf(p, SeriesMetrics(), func(in SectionInfo) []Metric { return in.Series })
}

// OutcomeColumns is the layout of a run's summary of p: the built-in
// outcomes, then those of p's mechanisms in order.
func OutcomeColumns(p *Params) ([]Metric, error) {
	return columnsOf(p, OutcomeMetrics(), func(in SectionInfo) []Metric { return in.Outcomes })
}

// columnsOf appends to the built-in metrics those that metrics picks from
// each of p's mechanisms, in order.
func columnsOf(p *Params, builtin []Metric, metrics func(SectionInfo) []Metric) ([]Metric, error) {
	for _, s := range p.Sections.list {
		info, err := Describe(s.build)
		if err != nil {
			return nil, err
		}
		builtin = append(builtin, metrics(info)...)
	}
	return builtin, nil
}

// errMechanism wraps the errors of a mechanism's declarations.
func errMechanism(key string, errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	return fmt.Errorf("agents: mechanism %q: %w", key, errors.Join(errs...))
}
