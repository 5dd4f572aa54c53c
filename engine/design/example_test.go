package design_test

import (
	"fmt"
	"log"
	"math"
	"math/rand/v2"

	"github.com/seqsim/seqsim/engine/design"
)

func ExampleNewSobol() {
	// Unscrambled: the reference points of Joe and Kuo's generator.
	s, err := design.NewSobol(3, nil)
	if err != nil {
		log.Fatal(err)
	}
	x := make([]float64, 3)
	for i := range uint64(4) {
		s.Point(i, x)
		fmt.Println(x)
	}
	// Scrambled (Matoušek linear scramble + digital shift) from a seeded PCG.
	sc, err := design.NewSobol(3, rand.New(rand.NewPCG(1, 2)))
	if err != nil {
		log.Fatal(err)
	}
	sc.Point(0, x)
	fmt.Printf("scrambled point 0: %.4f\n", x)
	// Output:
	// [0 0 0]
	// [0.5 0.5 0.5]
	// [0.75 0.25 0.25]
	// [0.25 0.75 0.75]
	// scrambled point 0: [0.8844 0.6794 0.8405]
}

func ExampleNewSaltelli() {
	u, _ := design.Uniform(-math.Pi, math.Pi)
	lu, _ := design.LogUniform(1, 100)
	space := design.Space{Names: []string{"phase", "rate"}, Marginals: []design.Quantiler{u, lu}}

	d, err := design.NewSaltelli(space, 1000, false, 42)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.Notice)
	fmt.Println("runs:", d.Len(), "=", design.SaltelliRuns(1000, 2, false))
	x := make([]float64, d.Dim())
	for i := range d.RowsPerBase() {
		base, kind, j := d.Block(i)
		d.Point(i, x)
		fmt.Printf("row %d: base %d %-2v j=%2d  %.3f\n", i, base, kind, j, x)
	}
	// Output:
	// n = 1000 is not a power of two: rounded up to 1024 so the Sobol base sample stays balanced (4096 model runs)
	// runs: 4096 = 4096
	// row 0: base 0 A  j=-1  [-1.178 2.479]
	// row 1: base 0 AB j= 0  [0.923 2.479]
	// row 2: base 0 AB j= 1  [-1.178 3.382]
	// row 3: base 0 B  j=-1  [0.923 3.382]
}

func ExampleNewMorris() {
	u, _ := design.Uniform(0, 3)
	space := design.Space{Names: []string{"a", "b"}, Marginals: []design.Quantiler{u, u}}
	m, err := design.NewMorris(space, 2, 4, 7)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("Δ = %.4f, runs = %d\n", m.Delta(), design.MorrisRuns(2, 2))
	x := make([]float64, 2)
	for t := range m.Trajectories() {
		for k := 0; k <= m.Dim(); k++ {
			m.Point(t*(m.Dim()+1)+k, x)
			fmt.Printf("trajectory %d point %d: %v", t, k, x)
			if k < m.Dim() {
				f, delta := m.Step(t, k)
				fmt.Printf("  then %s %+.4f", m.Names()[f], delta)
			}
			fmt.Println()
		}
	}
	// Output:
	// Δ = 0.6667, runs = 6
	// trajectory 0 point 0: [3 2]  then b -0.6667
	// trajectory 0 point 1: [3 0]  then a -0.6667
	// trajectory 0 point 2: [1 0]
	// trajectory 1 point 0: [1 0]  then a +0.6667
	// trajectory 1 point 1: [3 0]  then b +0.6667
	// trajectory 1 point 2: [3 2]
}

func ExampleLatinHypercube() {
	ints, _ := design.IntRange(1, 4)
	u, _ := design.Uniform(0, 1)
	space := design.Space{Names: []string{"k", "u"}, Marginals: []design.Quantiler{ints, u}}
	tab, err := design.LatinHypercube(space, 4, 3)
	if err != nil {
		log.Fatal(err)
	}
	x := make([]float64, 2)
	for i := range tab.Len() {
		tab.Point(i, x)
		fmt.Printf("%.0f %.3f\n", x[0], x[1])
	}
	// Output:
	// 3 0.695
	// 4 0.256
	// 1 0.877
	// 2 0.026
}

func ExampleNewGrid() {
	g, err := design.NewGrid([]string{"fee_bps", "days"}, [][]float64{{10, 30}, {7, 14, 28}})
	if err != nil {
		log.Fatal(err)
	}
	x := make([]float64, g.Dim())
	for i := range g.Len() {
		g.Point(i, x)
		fmt.Println(x)
	}
	// Output:
	// [10 7]
	// [10 14]
	// [10 28]
	// [30 7]
	// [30 14]
	// [30 28]
}

func ExampleNewOAT() {
	o, err := design.NewOAT([]string{"a", "b"}, []float64{1, 5}, []float64{0, 4}, []float64{2, 9})
	if err != nil {
		log.Fatal(err)
	}
	x := make([]float64, o.Dim())
	for i := range o.Len() {
		o.Point(i, x)
		k, high := o.Factor(i)
		fmt.Println(i, k, high, x)
	}
	// Output:
	// 0 -1 false [1 5]
	// 1 0 false [0 5]
	// 2 0 true [2 5]
	// 3 1 false [1 4]
	// 4 1 true [1 9]
}

func ExampleDiscrete() {
	for _, mk := range []func() (design.Marginal, error){
		func() (design.Marginal, error) { return design.Uniform(0, 10) },
		func() (design.Marginal, error) { return design.LogUniform(0.01, 1) },
		func() (design.Marginal, error) { return design.Normal(0, 1) },
		func() (design.Marginal, error) { return design.TruncatedNormal(0, 1, -1, 1) },
		func() (design.Marginal, error) { return design.Discrete(1, 2, 5) },
		func() (design.Marginal, error) { return design.IntRange(0, 9) },
	} {
		m, err := mk()
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%-30v median %.4g\n", m, m.Quantile(0.5))
	}
	_, err := design.LogUniform(0, 1)
	fmt.Println(err)
	// Output:
	// Uniform(0, 10)                 median 5
	// LogUniform(0.01, 1)            median 0.1
	// Normal(0, 1)                   median 0
	// TruncatedNormal(0, 1, -1, 1)   median 0
	// Discrete(1, 2, 5)              median 2
	// IntRange(0, 9)                 median 5
	// design: LogUniform: lo = 0, want finite and > 0
}
