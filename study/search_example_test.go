package study_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/study"
	"github.com/seqsim/seqsim/study/folder"
)

// A search is a study like the others: an experiment with a [search]
// section, run by study.Run (`seqsim run`). This one asks CMA-ES for the
// minimum of the Ishigami function over x1 (x2 = x3 = 0, so y = sin x1,
// least at x1 = -pi/2), and reads the chosen design from front.csv (runs.csv
// holds its fresh runs, as any study's).
func ExampleRun_search() {
	src := []byte(`
[experiment]
name = "sine-min"
model = "ishigami"

[search]
method = "cmaes"
population = 6
generations = 40
replicates = 1
replicates_cap = 1
replicates_final = 1

[[search.variables]]
path = "ishigami.x1"
min = -3.141592653589793
max = 3.141592653589793

[[search.objectives]]
outcome = "y"
`)
	exp, err := experiments.Load("sine-min.toml", src, nil)
	if err != nil {
		log.Fatal(err)
	}
	tmp, err := os.MkdirTemp("", "study-search-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	dir := filepath.Join(tmp, "sine-min")
	if _, err := study.Run(context.Background(), exp, study.Options{Dir: dir, Workers: 2}); err != nil {
		log.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	var files []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".csv") {
			files = append(files, e.Name())
		}
	}
	fmt.Println(strings.Join(files, " "))

	front, _ := os.ReadFile(filepath.Join(dir, folder.Front))
	lines := strings.Split(strings.TrimSpace(string(front)), "\n")
	fmt.Println(lines[0])
	for _, l := range lines[1:] {
		var id, reps int
		var x, y float64
		var rest string
		fmt.Sscanf(strings.ReplaceAll(l, ",", " "), "%d %g %d %g %s", &id, &x, &reps, &y, &rest)
		fmt.Printf("x1 = %.3f, y = %.4f\n", x, y)
	}
	// Output:
	// front.csv runs.csv search.csv search_progress.csv search_runs.csv
	// candidate,ishigami.x1,replicates,y_mean,y_mean_lo,y_mean_hi,violation,rank,best
	// x1 = -1.571, y = -1.0000
	// x1 = -1.571, y = -1.0000
}
