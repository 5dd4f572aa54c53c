package sensitivity_test

import (
	"errors"
	"fmt"
	"log"
	"math"
	"math/rand/v2"

	"github.com/seqsim/seqsim/engine/design"
	"github.com/seqsim/seqsim/engine/sensitivity"
)

func ishigamiSpace() design.Space {
	u, err := design.Uniform(-math.Pi, math.Pi)
	if err != nil {
		log.Fatal(err)
	}
	return design.Space{Names: []string{"x1", "x2", "x3"}, Marginals: []design.Quantiler{u, u, u}}
}

// evaluate runs the model at every design row, in row order.
func evaluate(n, dim int, point func(i int, dst []float64), f func([]float64) float64) []float64 {
	y := make([]float64, n)
	x := make([]float64, dim)
	for i := range y {
		point(i, x)
		y[i] = f(x)
	}
	return y
}

func ExampleSobol() {
	d, err := design.NewSaltelli(ishigamiSpace(), 2048, false, 1)
	if err != nil {
		log.Fatal(err)
	}
	y := evaluate(d.Len(), d.Dim(), d.Point, func(x []float64) float64 { return sensitivity.Ishigami(x, 7, 0.1) })

	res, err := sensitivity.Sobol(d, y, sensitivity.Bootstrap{Seed: 1})
	if err != nil {
		log.Fatal(err)
	}
	s1, st, _ := sensitivity.IshigamiIndices(7, 0.1)
	fmt.Printf("%d runs, %.0f%% intervals\n", d.Len(), 100*res.Level)
	for k, name := range res.Names {
		fmt.Printf("%s  S1 %.2f [%.2f, %.2f] (exact %.2f)  ST %.2f [%.2f, %.2f] (exact %.2f)\n", name,
			res.S1[k], res.S1Lo[k], res.S1Hi[k], s1[k], res.ST[k], res.STLo[k], res.STHi[k], st[k])
	}
	fmt.Println("warnings:", res.Warnings)
	// Output:
	// 10240 runs, 95% intervals
	// x1  S1 0.30 [0.26, 0.34] (exact 0.31)  ST 0.56 [0.50, 0.62] (exact 0.56)
	// x2  S1 0.44 [0.40, 0.48] (exact 0.44)  ST 0.44 [0.41, 0.47] (exact 0.44)
	// x3  S1 -0.02 [-0.06, 0.01] (exact 0.00)  ST 0.24 [0.23, 0.26] (exact 0.24)
	// warnings: [intervals are wide; increase N]
}

func ExampleMorris() {
	d, err := design.NewMorris(ishigamiSpace(), 1000, 4, 1)
	if err != nil {
		log.Fatal(err)
	}
	y := evaluate(d.Len(), d.Dim(), d.Point, func(x []float64) float64 { return sensitivity.Ishigami(x, 7, 0.1) })

	res, err := sensitivity.Morris(d, y, sensitivity.Bootstrap{Seed: 1})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d runs\n", design.MorrisRuns(1000, 3))
	for k, name := range res.Names {
		fmt.Printf("%s  mu* %.2f [%.2f, %.2f]  mu %5.2f  sigma %.2f\n", name,
			res.MuStar[k], res.MuStarLo[k], res.MuStarHi[k], res.Mu[k], res.Sigma[k])
	}
	for _, w := range res.Warnings {
		fmt.Println("warning:", w)
	}
	// Output:
	// 4000 runs
	// x1  mu* 7.89 [7.50, 8.29]  mu  7.89  sigma 6.25
	// x2  mu* 7.88 [7.88, 7.88]  mu  0.33  sigma 7.87
	// x3  mu* 6.25 [5.87, 6.65]  mu  0.37  sigma 8.83
	// warning: mu* intervals of x1 and x2 overlap: their order is uncertain; increase r
}

func ExampleOAT() {
	d, err := design.NewOAT([]string{"fee", "emission", "cooldown"},
		[]float64{0.3, 0.05, 7}, []float64{0.1, 0.02, 1}, []float64{0.5, 0.10, 28})
	if err != nil {
		log.Fatal(err)
	}
	model := func(x []float64) float64 { return 100*x[0] - 400*x[1] + 0.5*x[2] }
	y := evaluate(d.Len(), d.Dim(), d.Point, model)

	res, err := sensitivity.OAT(d, y)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("base %.1f\n", res.Base)
	for _, b := range res.Bars {
		fmt.Printf("%-8s [%g, %g] -> [%.1f, %.1f] swing %.1f\n", b.Name, b.Lo, b.Hi, b.YLo, b.YHi, b.Swing)
	}
	// Output:
	// base 13.5
	// fee      [0.1, 0.5] -> [-6.5, 33.5] swing 40.0
	// emission [0.02, 0.1] -> [25.5, -6.5] swing 32.0
	// cooldown [1, 28] -> [10.5, 24.0] swing 13.5
}

func ExampleNoiseShare() {
	// 200 design points, 5 seeds each: point effect sd 3, seed noise sd 1,
	// so the true share of seed noise is 1/(1+9) = 0.10.
	rng := rand.New(rand.NewPCG(1, 2))
	reps := make([][]float64, 200)
	for i := range reps {
		mu := 3 * rng.NormFloat64()
		reps[i] = make([]float64, 5)
		for r := range reps[i] {
			reps[i][r] = mu + rng.NormFloat64()
		}
	}
	share, err := sensitivity.NoiseShare(reps)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("seed noise share %.2f\n", share)
	// Output:
	// seed noise share 0.09
}

func ExampleNonFiniteError() {
	d, err := design.NewSaltelli(ishigamiSpace(), 4, false, 1)
	if err != nil {
		log.Fatal(err)
	}
	// A model that fails (NaN) when x3 > 2.
	y := evaluate(d.Len(), d.Dim(), d.Point, func(x []float64) float64 {
		if x[2] > 2 {
			return math.NaN()
		}
		return x[0]
	})
	_, err = sensitivity.Sobol(d, y, sensitivity.Bootstrap{})
	var nf *sensitivity.NonFiniteError
	if errors.As(err, &nf) {
		fmt.Println(err)
		fmt.Println("rows:", nf.Rows)
	}
	// Output:
	// sensitivity: 5 non-finite outputs (NaN or ±Inf) at design rows [8 9 15 16 17]; row 8 has x1=-1.07493 x2=2.40178 x3=2.51253
	// rows: [8 9 15 16 17]
}
