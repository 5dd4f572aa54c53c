package study_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/study"
	"github.com/seqsim/seqsim/study/folder"
)

// Run runs the embedded baseline experiment, made small with overrides
// (the --set flags of `seqsim run`), into a new folder: the same files,
// charts and report.html as `seqsim run`.
func ExampleRun() {
	exp, err := experiments.Load("baseline.toml", experiments.Embedded("baseline"),
		[]string{"experiment.runs=20", "simulation.horizon_days=400"})
	if err != nil {
		log.Fatal(err)
	}
	tmp, err := os.MkdirTemp("", "study-example-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	dir := filepath.Join(tmp, "baseline")
	res, err := study.Run(context.Background(), exp, study.Options{Dir: dir, Workers: 2})
	if err != nil {
		log.Fatal(err)
	}

	// The files written, the report among them.
	entries, _ := os.ReadDir(dir)
	var files []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") { // .seqsim.lock
			files = append(files, e.Name())
		}
	}
	fmt.Println(strings.Join(files, " "))

	// runs.csv has one row per run, read back with package folder.
	f, rows, err := folder.OpenRuns(filepath.Join(dir, folder.Runs), 0)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	n := 0
	for {
		if _, err := rows.Next(); err == io.EOF {
			break
		} else if err != nil {
			log.Fatal(err)
		}
		n++
	}
	fmt.Println("rows in runs.csv:", n, "of", res.Runs(), "runs")

	mean, _, _ := res.Mean(0, "final_price")
	fmt.Printf("mean final_price: %.2f\n", mean)
	// Output:
	// experiment.toml manifest.json plots report.html runs.csv runs.parquet series.csv series.parquet summary.md
	// rows in runs.csv: 20 of 20 runs
	// mean final_price: 0.55
}
