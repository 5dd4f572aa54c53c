package design

// Golden hashes of designs. Do NOT change these casually: they pin the
// determinism contract (same seed, same design, on every machine). A change
// means every saved experiment's design moved; if a fix forces it, say in the
// commit why the stream changed.
//
// Only unit-cube coordinates are hashed: they are exact dyadic or k/(p−1)
// values computed with integer arithmetic, so they do not depend on FMA
// fusion or on the architecture's math routines, unlike mapped values.

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

type unitDesign interface {
	Len() int
	UnitPoint(i int, dst []float64)
}

func hashUnit(d unitDesign, dim int) string {
	h := sha256.New()
	x := make([]float64, dim)
	var b [8]byte
	for i := range d.Len() {
		d.UnitPoint(i, x)
		for _, v := range x {
			binary.LittleEndian.PutUint64(b[:], math.Float64bits(v))
			h.Write(b[:])
		}
	}
	return fmt.Sprintf("%x", h.Sum(nil)[:8])
}

type sobolRows struct {
	s *Sobol
	n int
}

func (s sobolRows) Len() int                       { return s.n }
func (s sobolRows) UnitPoint(i int, dst []float64) { s.s.Point(uint64(i), dst) }

func TestDesignGoldenHashes(t *testing.T) {
	t.Parallel()
	sp := unitSpace(t, "a", "b", "c")
	build := func(seed uint64) map[string]unitDesign {
		sal, err := NewSaltelli(sp, 64, true, seed)
		if err != nil {
			t.Fatal(err)
		}
		mor, err := NewMorris(sp, 10, 4, seed)
		if err != nil {
			t.Fatal(err)
		}
		lhs, err := LatinHypercube(sp, 50, seed)
		if err != nil {
			t.Fatal(err)
		}
		sob, err := NewSobol(3, rand.New(rand.NewPCG(seed, 0)))
		if err != nil {
			t.Fatal(err)
		}
		return map[string]unitDesign{"saltelli": sal, "morris": mor, "lhs": lhs, "sobol": sobolRows{sob, 256}}
	}
	// Computed by this implementation at its first commit (seed 42).
	golden := map[string]string{
		"saltelli": "3301a100c74d3dd9",
		"morris":   "5519c2d55a33ccb8",
		"lhs":      "852b9a7b4726388d",
		"sobol":    "bb38e1547ad2885a",
	}
	a, b, c := build(42), build(42), build(43)
	for name, want := range golden {
		ha, hb, hc := hashUnit(a[name], 3), hashUnit(b[name], 3), hashUnit(c[name], 3)
		if ha != hb {
			t.Errorf("%s: same seed, different designs (%s, %s)", name, ha, hb)
		}
		if ha == hc {
			t.Errorf("%s: seeds 42 and 43 give the same design", name)
		}
		if ha != want {
			t.Errorf("%s: hash %s, want golden %s", name, ha, want)
		}
	}
}

// TestSameSeedSamePoints compares mapped values of two constructions (values,
// unlike unit coordinates, are not golden across architectures).
func TestSameSeedSamePoints(t *testing.T) {
	t.Parallel()
	n, _ := Normal(0, 1)
	lu, _ := LogUniform(0.1, 10)
	sp := Space{Names: []string{"n", "lu"}, Marginals: []Quantiler{n, lu}}
	s1, _ := NewSaltelli(sp, 32, false, 7)
	s2, _ := NewSaltelli(sp, 32, false, 7)
	x, y := make([]float64, 2), make([]float64, 2)
	for i := range s1.Len() {
		s1.Point(i, x)
		s2.Point(i, y)
		if x[0] != y[0] || x[1] != y[1] {
			t.Fatalf("row %d: %v vs %v", i, x, y)
		}
	}
}
