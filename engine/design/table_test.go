package design

import (
	"errors"
	"math"
	"testing"
)

func TestLatinHypercubeStrata(t *testing.T) {
	t.Parallel()
	const n, d = 97, 4 // a prime n so no stratum lines up with another by accident
	tab, err := LatinHypercube(unitSpace(t, "a", "b", "c", "e"), n, 4)
	if err != nil {
		t.Fatal(err)
	}
	if tab.Len() != n || tab.Dim() != d {
		t.Fatalf("Len %d Dim %d", tab.Len(), tab.Dim())
	}
	x := make([]float64, d)
	for f := range d {
		seen := make([]bool, n)
		for i := range n {
			tab.UnitPoint(i, x)
			k := int(x[f] * n)
			if seen[k] {
				t.Fatalf("factor %d: stratum %d used twice", f, k)
			}
			seen[k] = true
		}
	}
	if _, err := LatinHypercube(unitSpace(t, "a"), 0, 1); !errors.Is(err, ErrParam) {
		t.Errorf("n=0: error %v, want ErrParam", err)
	}
}

func TestGrid(t *testing.T) {
	t.Parallel()
	g, err := NewGrid([]string{"a", "b"}, [][]float64{{1, 2, 3}, {10, 20}})
	if err != nil {
		t.Fatal(err)
	}
	// Last factor fastest: (1,10) (1,20) (2,10) (2,20) (3,10) (3,20).
	want := [][2]float64{{1, 10}, {1, 20}, {2, 10}, {2, 20}, {3, 10}, {3, 20}}
	if g.Len() != len(want) || g.Dim() != 2 {
		t.Fatalf("Len %d Dim %d", g.Len(), g.Dim())
	}
	x := make([]float64, 2)
	for i, w := range want {
		g.Point(i, x)
		if x[0] != w[0] || x[1] != w[1] {
			t.Errorf("Point(%d) = %v, want %v", i, x, w)
		}
	}
	for _, tc := range []struct {
		name   string
		names  []string
		values [][]float64
	}{
		{"no factors", nil, nil},
		{"mismatch", []string{"a"}, [][]float64{{1}, {2}}},
		{"empty values", []string{"a"}, [][]float64{{}}},
		{"dup name", []string{"a", "a"}, [][]float64{{1}, {2}}},
		{"too many rows", []string{"a", "b", "c"}, [][]float64{make([]float64, 1<<14), make([]float64, 1<<14), make([]float64, 1<<14)}},
	} {
		if _, err := NewGrid(tc.names, tc.values); !errors.Is(err, ErrParam) {
			t.Errorf("%s: error %v, want ErrParam", tc.name, err)
		}
	}
}

func TestOAT(t *testing.T) {
	t.Parallel()
	o, err := NewOAT([]string{"a", "b"}, []float64{1, 5}, []float64{0, 4}, []float64{2, 9})
	if err != nil {
		t.Fatal(err)
	}
	// Base, then (lo, hi) of each factor with the other at base.
	want := [][2]float64{{1, 5}, {0, 5}, {2, 5}, {1, 4}, {1, 9}}
	wantK := []int{-1, 0, 0, 1, 1}
	if o.Len() != 5 || o.Dim() != 2 {
		t.Fatalf("Len %d Dim %d, want 5, 2", o.Len(), o.Dim())
	}
	x := make([]float64, 2)
	for i, w := range want {
		o.Point(i, x)
		k, high := o.Factor(i)
		if x[0] != w[0] || x[1] != w[1] || k != wantK[i] || high != (i > 0 && i%2 == 0) {
			t.Errorf("row %d: Point %v Factor (%d, %v), want %v, %d", i, x, k, high, w, wantK[i])
		}
	}
	for _, tc := range []struct {
		name         string
		base, lo, hi []float64
	}{
		{"length", []float64{1}, []float64{0, 0}, []float64{2, 2}},
		{"base outside", []float64{3, 5}, []float64{0, 4}, []float64{2, 9}},
		{"NaN", []float64{1, 5}, []float64{0, 4}, []float64{2, math.NaN()}},
	} {
		if _, err := NewOAT([]string{"a", "b"}, tc.base, tc.lo, tc.hi); !errors.Is(err, ErrParam) {
			t.Errorf("%s: error %v, want ErrParam", tc.name, err)
		}
	}
}
