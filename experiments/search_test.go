package experiments

import (
	"math"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/engine/search"
)

// TestSearchPlanColumns: a variable sets its path, its also-paths and,
// with rest = "proportional", the other elements of its list scaled so the
// list still sums to 1, through the sweep's setter (Plan.Point).
func TestSearchPlanColumns(t *testing.T) {
	t.Parallel()
	e, err := Load("design-search.toml", Embedded("design-search"), nil)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := e.Plan()
	if err != nil {
		t.Fatal(err)
	}
	if pl.Kind != KindSearch || pl.Search == nil {
		t.Fatalf("kind %s, search plan %v", pl.Kind, pl.Search)
	}
	want := []string{"allocations.1.cliff_days", "allocations.2.cliff_days", "allocations.1.cliff_unlock", "allocations.2.cliff_unlock",
		"fees.split.0", "fees.split.1", "fees.split.2", "fraud.slash", "governance.quorum", "emission.starknet_c"}
	if strings.Join(pl.SweepPaths, " ") != strings.Join(want, " ") {
		t.Errorf("columns %v, want %v", pl.SweepPaths, want)
	}
	if k := pl.Search.Problem.Variables[0].Kind; k != search.Integer {
		t.Errorf("cliff_days is %v, want an integer variable (its parameter is an int)", k)
	}
	x := []float64{400, 0.3, 0.7, 5e6, 0.1, 2}
	p, err := pl.SearchBatch([][]float64{x}).Point(0)
	if err != nil {
		t.Fatal(err)
	}
	// The baseline's split is 40/40/20: the treasury and the burn keep
	// their 2:1 proportion of the 30% left.
	split := p.Fees.Split
	if split[0] != 0.7 || math.Abs(split[1]-0.2) > 1e-15 || math.Abs(split[2]-0.1) > 1e-15 {
		t.Errorf("fees.split = %v, want [0.7 0.2 0.1]", split)
	}
	if p.Allocations[1].CliffDays != 400 || p.Allocations[2].CliffDays != 400 || p.Allocations[2].CliffUnlock != 0.3 {
		t.Errorf("cliffs %+v %+v, want both at 400 days and 0.3", p.Allocations[1], p.Allocations[2])
	}
	if p.Fraud.Slash != 5e6 || p.Governance.Quorum != 0.1 || p.Emission.StarknetC != 2 {
		t.Errorf("bond %g, quorum %g, C %g", p.Fraud.Slash, p.Governance.Quorum, p.Emission.StarknetC)
	}
	if e.Fees.Split[0] != 0.4 {
		t.Errorf("setting a point changed the experiment's split: %v", e.Fees.Split)
	}
	// The outcome vector: the objectives' and the constraint's outcomes.
	if got := strings.Join(pl.Search.Problem.Outcomes, " "); got != "max_drawdown_after_unlock captured frauds_undetected" {
		t.Errorf("outcomes %s", got)
	}
}

// TestSearchPlanErrors: problems only a plan finds (an outcome the model
// does not have; a bound that makes a design invalid) name the file, the
// line and the key; an event below a threshold is the negated outcome.
func TestSearchPlanErrors(t *testing.T) {
	t.Parallel()
	src := `[search]
method = "nsga2"

[[search.variables]]
path = "allocations.1.cliff_days"
min = 90
max = 5000

[[search.objectives]]
outcome = "final_prise"

[[search.constraints]]
outcome = "final_price"
statistic = "probability"
event = "below"
threshold = 0.1
op = "<="
limit = 0.1
`
	e, err := Load("x.toml", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.Plan()
	want := `x.toml:10: search.objectives.0.outcome: no outcome "final_prise" in this model`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("error %v, want %s", err, want)
	}
	e, err = Load("x.toml", []byte(strings.Replace(src, "final_prise", "final_price", 1)), nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.Plan()
	want = `x.toml:4: allocations.1.cliff_days: allocations.1.cliff_days = 5000 (its largest value): cliff on day 5000 is beyond the horizon`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("error %v, want %s", err, want)
	}
	e, err = Load("x.toml", []byte(strings.Replace(strings.Replace(src, "final_prise", "final_price", 1), "5000", "700", 1)), nil)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := e.Plan()
	if err != nil {
		t.Fatal(err)
	}
	sp := pl.Search
	if got := strings.Join(sp.Problem.Outcomes, " "); got != "final_price -final_price" {
		t.Errorf("outcomes %s, want final_price -final_price", got)
	}
	c := sp.Problem.Constraints[0]
	if c.Name != "final_price_P(<0.1)" || c.Stat != search.Probability(-0.1) || c.Outcome != 1 {
		t.Errorf("constraint %+v, want P(-final_price > -0.1) named final_price_P(<0.1)", c)
	}
	summary := make([]float64, len(e.Schema().Outcomes))
	for i, m := range e.Schema().Outcomes {
		if m.Name == "final_price" {
			summary[i] = 0.25
		}
	}
	out := make([]float64, 2)
	sp.Outcome(summary, out)
	if out[0] != 0.25 || out[1] != -0.25 {
		t.Errorf("outcome vector %v, want [0.25 -0.25]", out)
	}
}

// TestSearchMethodNames: the method is a closed set, refused at its line;
// a search without a method is refused rather than silently not run.
func TestSearchMethodNames(t *testing.T) {
	t.Parallel()
	_, err := Load("x.toml", []byte("[search]\nmethod = \"bayes\"\n"), nil)
	want := `x.toml:2: search.method: must be one of "none", "nsga2", "cmaes", got "bayes"`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want %s", err, want)
	}
	_, err = Load("x.toml", []byte("[search]\n[[search.objectives]]\noutcome = \"captured\"\n"), nil)
	want = `x.toml:1: search.method: the search has variables, objectives or constraints but no method`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want %s", err, want)
	}
}
