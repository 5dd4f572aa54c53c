package report_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/seqsim/seqsim/report"
)

// Build rebuilds the charts and the report of an output folder from its
// files; here a copy of the small Sobol study in testdata.
func ExampleBuild() {
	dir, err := os.MkdirTemp("", "report-example-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	for _, f := range []string{"manifest.json", "experiment.toml", "runs.csv", "sensitivity.csv", "sensitivity_s2.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata", "sobol", f))
		if err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			log.Fatal(err)
		}
	}
	if err := report.Build(dir); err != nil {
		log.Fatal(err)
	}
	charts, _ := os.ReadDir(filepath.Join(dir, "plots"))
	for _, c := range charts {
		fmt.Println("plots/" + c.Name())
	}
	html, _ := os.ReadFile(filepath.Join(dir, "report.html"))
	fmt.Println("inline charts:", strings.Count(string(html), "<svg"))
	fmt.Println("scripts:", strings.Count(string(html), "<script"))

	// A folder that is not an output folder names the missing file.
	fmt.Println(report.Build(os.TempDir()) != nil)
	// Output:
	// plots/sensitivity_y.pdf
	// plots/sensitivity_y.png
	// plots/sensitivity_y.svg
	// inline charts: 1
	// scripts: 0
	// true
}
