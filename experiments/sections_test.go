package experiments_test

import (
	"strings"
	"testing"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/experiments/field"
)

// tip is a test mechanism with a section and one outcome; it does nothing.
type tip struct{}

type tipParams struct {
	Rate float64 `toml:"rate" unit:"fraction" range:"[0,1]" doc:"a test rate"`
	Days int     `toml:"days" unit:"days" doc:"a test length"`
}

// Validate is the section's cross-field rule.
func (p *tipParams) Validate(c *field.Checker) {
	if p.Days > 100 && p.Rate > 0.5 {
		c.Errorf("days", "more than 100 days at a rate above 0.5")
	}
}

func (tip) Declare(m *agents.Model) error {
	agents.Section(m, "tip", "a test mechanism", tipParams{Rate: 0.25, Days: 7})
	m.Outcome(agents.Metric{Name: "tip_total", Unit: "tokens", Doc: "test"})
	return nil
}

func newTip() agents.Mechanism { return tip{} }

const small = `
[experiment]
name = "t"
runs = 2
[simulation]
horizon_days = 400
`

func TestSectionTurnsMechanismOn(t *testing.T) {
	t.Parallel()
	off, err := experiments.Load("t.toml", []byte(small), nil, newTip)
	if err != nil {
		t.Fatal(err)
	}
	if n := off.Params.Sections.Len(); n != 0 {
		t.Fatalf("no [tip] table, yet %d sections on", n)
	}
	offBytes, _ := off.Resolved()
	if strings.Contains(string(offBytes), "[tip]") {
		t.Fatal("a mechanism that is off is written in the resolved file")
	}
	on, err := experiments.Load("t.toml", []byte(small+"[tip]\nrate = 0.5\n"), nil, newTip)
	if err != nil {
		t.Fatal(err)
	}
	v, ok := on.Params.Sections.Value("tip").(*tipParams)
	if !ok || v.Rate != 0.5 || v.Days != 7 {
		t.Fatalf("section %+v, want rate 0.5 over the default days 7", on.Params.Sections.Value("tip"))
	}
	res, err := on.Resolved()
	if err != nil {
		t.Fatal(err)
	}
	if _, sec, _ := strings.Cut(string(res), "\n[tip]\n"); !strings.Contains(sec, "\nrate = 0.5\n") || !strings.Contains(sec, "\ndays = 7\n") {
		t.Fatalf("resolved file lacks the section:\n%s", res)
	}
	again, err := experiments.Load("t.toml", res, nil, newTip)
	if err != nil {
		t.Fatal(err)
	}
	res2, _ := again.Resolved()
	if string(res2) != string(res) {
		t.Fatal("the resolved file does not load to the same bytes")
	}
	s := on.Schema()
	if last := s.Outcomes[len(s.Outcomes)-1].Name; last != "tip_total" || len(s.Outcomes) != len(off.Schema().Outcomes)+1 {
		t.Fatalf("schema ends with %q (%d outcomes)", last, len(s.Outcomes))
	}
	// --set turns it on too, and the copy it came from is untouched.
	set := *off
	if err := set.Set([]string{"tip.days=3"}); err != nil {
		t.Fatal(err)
	}
	if v := set.Params.Sections.Value("tip").(*tipParams); v.Days != 3 || v.Rate != 0.25 {
		t.Fatalf("--set tip.days=3 gave %+v", v)
	}
	if off.Params.Sections.Len() != 0 {
		t.Fatal("Set on a copy turned the mechanism on in the original")
	}
}

func TestSectionErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, src, want string }{
		{"typo", small + "[tp]\nrate = 1\n", "t.toml:7: tp: unknown key (did you mean \"tip\"?)"},
		{"bad type", small + "[tip]\ndays = \"x\"\n", "t.toml:8: tip.days: wrong type"},
		{"unknown key", small + "[tip]\nrat = 1\n", "t.toml:8: tip.rat: unknown key"},
		{"scenario turns it on", small + "[[scenarios]]\nname = \"a\"\nset = [\"tip.rate=0.1\"]\n", "tip.rate"},
		{"range tag", small + "[tip]\nrate = 1.5\n", "t.toml:8: tip.rate: must be in [0, 1], got 1.5"},
		{"Validate", small + "[tip]\nrate = 0.9\ndays = 200\n", "t.toml:9: tip.days: more than 100 days at a rate above 0.5"},
	} {
		_, err := experiments.Load("t.toml", []byte(tc.src), nil, newTip)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
	// Without the mechanism the section is an unknown key.
	if _, err := experiments.Load("t.toml", []byte(small+"[tip]\nrate = 1\n"), nil); err == nil || !strings.Contains(err.Error(), "tip: unknown key") {
		t.Errorf("without the mechanism: %v", err)
	}
}

// A sweep over a section's parameter gives points that differ in it.
func TestSweepOverSection(t *testing.T) {
	t.Parallel()
	src := small + "[tip]\n[sweep]\nmethod = \"grid\"\n[[sweep.params]]\npath = \"tip.rate\"\nvalues = [0.1, 0.9]\n"
	e, err := experiments.Load("t.toml", []byte(src), nil, newTip)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := e.Plan()
	if err != nil {
		t.Fatal(err)
	}
	var got []float64
	for p := range pl.Points {
		pe, err := pl.Point(p)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, pe.Params.Sections.Value("tip").(*tipParams).Rate)
	}
	if len(got) != 2 || got[0] != 0.1 || got[1] != 0.9 || e.Params.Sections.Value("tip").(*tipParams).Rate != 0.25 {
		t.Fatalf("points' rates %v (base %v)", got, e.Params.Sections.Value("tip"))
	}
}
