package design

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// TestSaltelliLayout checks every row against the base Sobol sample and
// SALib's order (sample/sobol.py): A, AB_1..AB_D, [BA_1..BA_D], B.
func TestSaltelliLayout(t *testing.T) {
	t.Parallel()
	const seed = 11
	for _, second := range []bool{false, true} {
		const d = 3
		s, err := NewSaltelli(unitSpace(t, "a", "b", "c"), 8, second, seed)
		if err != nil {
			t.Fatal(err)
		}
		wantRows := d + 2 // N(D+2), Saltelli 2010 §3
		if second {
			wantRows = 2*d + 2 // N(2D+2), Saltelli 2002
		}
		if s.RowsPerBase() != wantRows || s.Len() != 8*wantRows || s.N() != 8 || s.Dim() != d || s.SecondOrder() != second {
			t.Fatalf("second=%v: RowsPerBase %d Len %d N %d, want %d, %d, 8", second, s.RowsPerBase(), s.Len(), s.N(), wantRows, 8*wantRows)
		}
		base, _ := NewSobol(2*d, rand.New(rand.NewPCG(seed, saltelliStream)))
		ab := make([]float64, 2*d)
		x := make([]float64, d)
		for i := range s.Len() {
			j, kind, f := s.Block(i)
			off := i % wantRows
			var wantKind BlockKind
			wantF := -1
			switch {
			case off == 0:
				wantKind = BlockA
			case off == wantRows-1:
				wantKind = BlockB
			case off <= d:
				wantKind, wantF = BlockAB, off-1
			default:
				wantKind, wantF = BlockBA, off-1-d
			}
			if j != i/wantRows || kind != wantKind || f != wantF {
				t.Fatalf("Block(%d) = (%d, %v, %d), want (%d, %v, %d)", i, j, kind, f, i/wantRows, wantKind, wantF)
			}
			base.Point(uint64(j), ab)
			s.UnitPoint(i, x)
			for k := range x {
				fromB := kind == BlockB || (kind == BlockAB && k == f) || (kind == BlockBA && k != f)
				want := ab[k]
				if fromB {
					want = ab[k+d]
				}
				if x[k] != want {
					t.Fatalf("row %d (%v_%d) coordinate %d = %g, want %g", i, kind, f, k, x[k], want)
				}
			}
		}
	}
}

func TestNewSaltelliN(t *testing.T) {
	t.Parallel()
	sp := unitSpace(t, "a", "b")
	for _, tc := range []struct {
		n, wantN int
		notice   bool
		ok       bool
	}{
		{1, 0, false, false}, {0, 0, false, false}, {-4, 0, false, false},
		{2, 2, false, true}, {3, 4, true, true}, {1000, 1024, true, true}, {4096, 4096, false, true},
	} {
		s, err := NewSaltelli(sp, tc.n, false, 1)
		if !tc.ok {
			if !errors.Is(err, ErrParam) {
				t.Errorf("n=%d: error %v, want ErrParam", tc.n, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("n=%d: %v", tc.n, err)
		}
		if s.N() != tc.wantN || (s.Notice != "") != tc.notice {
			t.Errorf("n=%d: N() = %d, Notice %q; want %d, notice=%v", tc.n, s.N(), s.Notice, tc.wantN, tc.notice)
		}
	}
	// 2D base columns must fit the 1111-dimension table: D ≤ 555.
	if _, err := NewSaltelli(unitSpace(t, names(556)...), 4, false, 1); !errors.Is(err, ErrParam) {
		t.Errorf("D=556: error %v, want ErrParam", err)
	}
	if _, err := NewSaltelli(Space{}, 4, false, 1); !errors.Is(err, ErrParam) {
		t.Errorf("empty space: error %v, want ErrParam", err)
	}
}

func names(n int) []string {
	s := make([]string, n)
	for i := range s {
		s[i] = fmt.Sprintf("x%d", i+1)
	}
	return s
}

func TestSaltelliRuns(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		n, d   int
		second bool
		want   int
	}{
		{4096, 3, false, 4096 * 5},  // N(D+2)
		{4096, 3, true, 4096 * 8},   // N(2D+2)
		{1000, 8, false, 1024 * 10}, // n rounded up to 1024
		{1, 3, false, 0},            // invalid n
		{8, 0, false, 0},            // invalid d
		{8, 556, false, 0},          // 2d > MaxSobolDim
	} {
		if got := SaltelliRuns(tc.n, tc.d, tc.second); got != tc.want {
			t.Errorf("SaltelliRuns(%d, %d, %v) = %d, want %d", tc.n, tc.d, tc.second, got, tc.want)
		}
	}
	s, _ := NewSaltelli(unitSpace(t, "a", "b", "c"), 100, true, 0)
	if s.Len() != SaltelliRuns(100, 3, true) {
		t.Errorf("Len() = %d, SaltelliRuns = %d", s.Len(), SaltelliRuns(100, 3, true))
	}
}

func TestSaltelliPointMapsMarginals(t *testing.T) {
	t.Parallel()
	u, _ := Uniform(-math.Pi, math.Pi)
	lu, _ := LogUniform(1, 100)
	s, err := NewSaltelli(Space{Names: []string{"u", "lu"}, Marginals: []Quantiler{u, lu}}, 16, true, 5)
	if err != nil {
		t.Fatal(err)
	}
	p, x := make([]float64, 2), make([]float64, 2)
	for i := range s.Len() {
		s.UnitPoint(i, p)
		s.Point(i, x)
		if x[0] != u.Quantile(p[0]) || x[1] != lu.Quantile(p[1]) {
			t.Fatalf("row %d: Point %v, want marginals of %v", i, x, p)
		}
	}
}

func TestBlockKindString(t *testing.T) {
	t.Parallel()
	for k, want := range map[BlockKind]string{BlockA: "A", BlockAB: "AB", BlockBA: "BA", BlockB: "B", 9: "BlockKind(9)"} {
		if got := k.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", k, got, want)
		}
	}
}
