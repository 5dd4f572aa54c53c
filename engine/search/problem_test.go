package search_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/engine/search"
)

func validProblem() search.Problem {
	return search.Problem{
		Variables: []search.Variable{search.Real("a", 0, 1), search.Int("b", 1, 3), search.OneOf("c", 1, 2)},
		Outcomes:  []string{"y", "z"},
		Objectives: []search.Objective{
			{Name: "y", Outcome: 0, Stat: search.Mean()},
			{Name: "z90", Outcome: 1, Stat: search.Quantile(0.9), Maximize: true},
		},
		Constraints: []search.Constraint{{Name: "P(y>1)", Outcome: 0, Stat: search.Probability(1), Op: search.AtMost, Limit: 0.05}},
	}
}

func TestValidate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		change func(p *search.Problem)
		want   []string // substrings of the joined error; nil means valid
	}{
		{"valid", func(*search.Problem) {}, nil},
		{"no variables", func(p *search.Problem) { p.Variables = nil }, []string{"len(Variables) = 0"}},
		{"empty bounds", func(p *search.Problem) { p.Variables[0].Hi = 0 }, []string{"Variables[0].[Lo, Hi] = [0 0], want finite with Lo < Hi"}},
		{"infinite bound", func(p *search.Problem) { p.Variables[0].Hi = math.Inf(1) }, []string{"Variables[0].[Lo, Hi]"}},
		{"fractional integer", func(p *search.Problem) { p.Variables[1].Hi = 2.5 }, []string{"Variables[1].[Lo, Hi] = [1 2.5], want integers"}},
		{"duplicate value", func(p *search.Problem) { p.Variables[2].Values = []float64{1, 1} }, []string{"Variables[2].Values[1] = 1, want finite and distinct"}},
		{"no values", func(p *search.Problem) { p.Variables[2].Values = nil }, []string{"Variables[2].Values"}},
		{"duplicate name", func(p *search.Problem) { p.Variables[1].Name = "a" }, []string{"Variables[1].Name = a"}},
		{"no outcome", func(p *search.Problem) { p.Objectives[0].Outcome = 2 }, []string{"Objectives[0].Outcome = 2, want in [0, 2)"}},
		{"quantile level", func(p *search.Problem) { p.Objectives[1].Stat.P = 1 }, []string{"Objectives[1].Stat.P = 1"}},
		{"same label", func(p *search.Problem) { p.Constraints[0].Name = "y" }, []string{"Constraints[0].Name = y, want a name no variable, objective or constraint has"}},
		{"default label", func(p *search.Problem) { p.Objectives[0].Name, p.Constraints[0].Name = "", "y_mean" }, []string{"Constraints[0].Name = y_mean"}},
		{"label of a variable", func(p *search.Problem) { p.Objectives[0].Name = "a" }, []string{"Objectives[0].Name = a"}},
		{"no objective", func(p *search.Problem) { p.Objectives = nil }, []string{"len(Objectives) = 0"}},
		{"level", func(p *search.Problem) { p.Constraints[0].Level = 0.3 }, []string{"Constraints[0].Level = 0.3"}},
		{"limit", func(p *search.Problem) { p.Constraints[0].Limit = math.NaN() }, []string{"Constraints[0].Limit = NaN"}},
		{"every problem at once", func(p *search.Problem) {
			p.Outcomes = nil
			p.Constraints[0].Op = 7
		}, []string{"len(Outcomes) = 0", "Objectives[0].Outcome", "Objectives[1].Outcome", "Constraints[0].Outcome", "Constraints[0].Op = Op(7)"}},
	} {
		p := validProblem()
		tc.change(&p)
		err := p.Validate()
		if tc.want == nil {
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
			continue
		}
		if !errors.Is(err, search.ErrParam) {
			t.Errorf("%s: %v, want ErrParam", tc.name, err)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) || !strings.HasPrefix(err.Error(), "search: ") {
				t.Errorf("%s: %q lacks %q", tc.name, err, w)
			}
		}
		if _, err := search.NewNSGA2(p, search.NSGA2Config{}, 1); !errors.Is(err, search.ErrParam) {
			t.Errorf("%s: NewNSGA2 accepted it: %v", tc.name, err)
		}
	}
}

func TestConfigErrors(t *testing.T) {
	t.Parallel()
	p := validProblem()
	for _, tc := range []struct {
		cfg  search.NSGA2Config
		want string
	}{
		{search.NSGA2Config{Population: 5}, "Population = 5"},
		{search.NSGA2Config{Generations: -1}, "Generations = -1"},
		{search.NSGA2Config{Level: 1}, "Level = 1"},
		{search.NSGA2Config{CrossoverProb: 1.5}, "CrossoverProb = 1.5"},
		{search.NSGA2Config{MutationEta: -1}, "MutationEta = -1"},
		{search.NSGA2Config{Replicates: search.Replicates{Start: 8, Cap: 4}}, "Replicates.Cap = 4"},
		{search.NSGA2Config{Replicates: search.Replicates{Start: -1}}, "Replicates.Start = -1"},
	} {
		_, err := search.NewNSGA2(p, tc.cfg, 1)
		if !errors.Is(err, search.ErrParam) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want %q", tc.cfg, err, tc.want)
		}
	}
	for _, tc := range []struct {
		cfg  search.CMAESConfig
		want string
	}{
		{search.CMAESConfig{}, "len(Objectives) = 2"},
	} {
		if _, err := search.NewCMAES(p, tc.cfg, 1); !errors.Is(err, search.ErrParam) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want %q", tc.cfg, err, tc.want)
		}
	}
	p.Objectives = p.Objectives[:1]
	for _, tc := range []struct {
		cfg  search.CMAESConfig
		want string
	}{
		{search.CMAESConfig{Lambda: 1}, "Lambda = 1"},
		{search.CMAESConfig{Sigma0: 2}, "Sigma0 = 2"},
		{search.CMAESConfig{X0: []float64{0.5}}, "len(X0) = 1"},
		{search.CMAESConfig{X0: []float64{0.5, 4, 1}}, "X0[b] = 4, want within the bounds"},
		{search.CMAESConfig{X0: []float64{0.5, 2, 3}}, "X0[c] = 3, want one of Values"},
	} {
		if _, err := search.NewCMAES(p, tc.cfg, 1); !errors.Is(err, search.ErrParam) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want %q", tc.cfg, err, tc.want)
		}
	}
	if _, err := search.NewCMAES(p, search.CMAESConfig{X0: []float64{0.5, 2, 2}}, 1); err != nil {
		t.Error(err)
	}
}

func TestTellErrors(t *testing.T) {
	t.Parallel()
	s, err := search.NewNSGA2(validProblem(), search.NSGA2Config{Population: 4, Generations: 1}, 1)
	if err != nil {
		t.Fatal(err)
	}
	batch := s.Ask()
	e := batch[0]
	if err := s.Tell(e.Candidate, e.Replicate, []float64{1, 2}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		cand, rep int
		out       []float64
		want      string
	}{
		{e.Candidate, e.Replicate, []float64{1, 2}, "already told"},
		{99, 0, []float64{1, 2}, "no such candidate"},
		{e.Candidate, 40, []float64{1, 2}, "not asked for"},
		{e.Candidate, -1, []float64{1, 2}, "not asked for"},
		{batch[1].Candidate, batch[1].Replicate, []float64{1}, "outcome has 1 values, want 2"},
		{batch[1].Candidate, batch[1].Replicate, []float64{1, math.NaN()}, "outcome z is not finite"},
	} {
		err := s.Tell(tc.cand, tc.rep, tc.out)
		if !errors.Is(err, search.ErrTell) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("tell %d/%d %v: %v, want %q", tc.cand, tc.rep, tc.out, err, tc.want)
		}
	}
	// A refused tell leaves the run pending, and asking again returns
	// exactly the runs not told.
	if got := s.Ask(); len(got) != len(batch)-1 || got[0].Candidate != batch[1].Candidate || got[0].Replicate != batch[1].Replicate {
		t.Errorf("ask after one tell: %d runs, want %d", len(got), len(batch)-1)
	}
}
