package dist_test

import (
	"errors"
	"fmt"
	"math/rand/v2"

	"github.com/seqsim/seqsim/dist"
)

// A distribution is built by a constructor, printed in its TOML form and
// sampled with an explicit generator: the same seed gives the same draws.
func Example() {
	d, err := dist.Beta(2, 5)
	if err != nil {
		panic(err)
	}
	s, err := d.Sampler()
	if err != nil {
		panic(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	fmt.Printf("%s mean=%.4f\n", d, d.Mean())
	fmt.Printf("first draw %.4f\n", s.Rand(r))
	// Output:
	// { dist = "beta", a = 2, b = 5 } mean=0.2857
	// first draw 0.3014
}

// A constructor rejects parameters outside the family's domain; the error
// says which parameter, and errors.As reads it.
func ExampleBeta_error() {
	_, err := dist.Beta(0, 1)
	fmt.Println(err)
	var pe *dist.ParamError
	if errors.As(err, &pe) {
		fmt.Println(pe.Kind, pe.Param)
	}
	// Output:
	// dist: beta distribution: a: must be > 0, got 0
	// beta a
}
