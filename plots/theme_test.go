package plots

import (
	"bytes"
	"go/parser"
	"go/token"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestUnits(t *testing.T) {
	t.Parallel()
	if got := WithUnit("price", "USD"); got != "price (USD)" {
		t.Errorf("WithUnit = %q", got)
	}
	if got := WithUnit("runs", ""); got != "runs" {
		t.Errorf("WithUnit without unit = %q", got)
	}
	for _, tc := range []struct{ in, name, unit string }{
		{"price (USD)", "price", "USD"},
		{"revenue (million USD/yr)", "revenue", "million USD/yr"},
		{"rate (1/(day))", "rate", "1/(day)"},
		{"fee (bps) (capped)", "fee (bps)", "capped"},
		{"runs", "runs", ""},
		{"(USD)", "(USD)", ""},
		{"  stake (tokens) ", "stake", "tokens"},
	} {
		name, unit := SplitUnit(tc.in)
		if name != tc.name || unit != tc.unit {
			t.Errorf("SplitUnit(%q) = %q, %q; want %q, %q", tc.in, name, unit, tc.name, tc.unit)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"USD", "1/USD"}, {"USD/day", "1/(USD/day)"}, {"", Dimensionless}, {Dimensionless, Dimensionless}, {"-", Dimensionless},
	} {
		if got := perUnit(tc.in); got != tc.want {
			t.Errorf("perUnit(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFormatting(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		v    float64
		want string
	}{
		{0, "0"}, {1, "1.00"}, {19, "19.0"}, {73.66, "73.7"}, {99.96, "100"}, {-2.346, "-2.35"},
		{123456, "123k"}, {2.804e6, "2.80M"}, {9.08e4, "90.8k"}, {1.5e9, "1.50B"}, {3e12, "3.00T"},
		{0.0123, "0.0123"}, {0.0004, "0.0004"}, {math.NaN(), "n/a"},
	} {
		if got := FormatValue(tc.v); got != tc.want {
			t.Errorf("FormatValue(%g) = %q, want %q", tc.v, got, tc.want)
		}
	}
	labels := func(lo, hi float64) string {
		var s []string
		for _, tk := range (numTicks{}).Ticks(lo, hi) {
			s = append(s, tk.Label)
		}
		return strings.Join(s, " ")
	}
	for _, tc := range []struct {
		lo, hi float64
		want   string
	}{
		{0, 1, "0.00 0.25 0.50 0.75 1.00"},
		{0.3, 2.9, "0.5 1.0 1.5 2.0 2.5"},
		{0, 4.7e6, "0 1M 2M 3M 4M"},
		{-20, 20, "-20 -10 0 10 20"},
		{0, 2.5e4, "0 5k 10k 15k 20k 25k"},
	} {
		if got := labels(tc.lo, tc.hi); got != tc.want {
			t.Errorf("ticks(%g, %g) = %q, want %q", tc.lo, tc.hi, got, tc.want)
		}
	}
	var logs []string
	for _, tk := range (logTicks{}).Ticks(0.27, 1.25) {
		if tk.Label != "" {
			logs = append(logs, tk.Label)
		}
	}
	if got := strings.Join(logs, " "); got != "0.3 0.5 0.7 1" {
		t.Errorf("log ticks 0.27..1.25 = %q", got)
	}
	logs = logs[:0]
	for _, tk := range (logTicks{}).Ticks(50, 2e6) {
		if tk.Label != "" {
			logs = append(logs, tk.Label)
		}
	}
	if got := strings.Join(logs, " "); got != "100 1k 10k 100k 1M" {
		t.Errorf("log ticks 50..2e6 = %q", got)
	}
}

func TestViridisEnds(t *testing.T) {
	t.Parallel()
	// matplotlib's viridis runs from #440154 to #FDE725 through #21918C.
	for _, tc := range []struct {
		f    float64
		want color.RGBA
	}{{0, color.RGBA{0x44, 0x01, 0x54, 0xFF}}, {0.5, color.RGBA{0x21, 0x91, 0x8C, 0xFF}}, {1, color.RGBA{0xFD, 0xE7, 0x25, 0xFF}}, {-3, color.RGBA{0x44, 0x01, 0x54, 0xFF}}} {
		if got := Viridis(tc.f); got != tc.want {
			t.Errorf("Viridis(%g) = %v, want %v", tc.f, got, tc.want)
		}
	}
	if len(viridisHex) != 256*6 {
		t.Fatalf("viridis table has %d hex digits, want %d", len(viridisHex), 256*6)
	}
	// Lightness must rise: what makes viridis print in grey. Viridis is
	// monotone in CAM02-UCS lightness; after 8-bit rounding the WCAG
	// luminance may dip by a hair between neighbours, so allow 0.002.
	prev := -1.0
	for i := range 256 {
		l := luminance(Viridis(float64(i) / 255))
		if l < prev-0.002 {
			t.Fatalf("viridis luminance drops from %.4f to %.4f at entry %d", prev, l, i)
		}
		prev = math.Max(prev, l)
	}
	if lo, hi := luminance(Viridis(0)), luminance(Viridis(1)); hi/lo < 10 {
		t.Errorf("viridis luminance range %.3f..%.3f too flat", lo, hi)
	}
}

func TestPDFEncoding(t *testing.T) {
	t.Parallel()
	got, ok := toCP1252("p5–p95 µ* × 2 €")
	if !ok || got != "p5\x96p95 \xb5* \xd7 2 \x80" {
		t.Errorf("toCP1252 = %q, %v", got, ok)
	}
	if _, ok := toCP1252("σ ≤ 1"); ok {
		t.Error("toCP1252 accepted runes outside cp1252")
	}
	in := []byte("x /CreationDate (D:20261231235959) y /ModDate (D:20261231235959)")
	want := []byte("x /CreationDate (D:19700101000000) y /ModDate (D:19700101000000)")
	if got := fixPDFDates(in); !bytes.Equal(got, want) {
		t.Errorf("fixPDFDates = %q", got)
	}
}

// TestPackageBoundary checks the package's own rules on its source: it
// imports no other seqsim package (the plots row of STYLE.md's table) but
// the leaf internal/stats, and
// reads neither the clock nor a global random source.
func TestPackageBoundary(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		af, err := parser.ParseFile(fset, f, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range af.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			switch {
			case path == "github.com/seqsim/seqsim/internal/stats":
				// the leaf that holds the one type 7 quantile
			case strings.HasPrefix(path, "github.com/seqsim/seqsim"):
				t.Errorf("%s imports %s: plots must import no seqsim package but internal/stats", f, path)
			case path == "math/rand" || path == "math/rand/v2" || path == "time":
				t.Errorf("%s imports %s: charts must not depend on randomness or the clock", f, path)
			}
		}
	}
}

func TestWrapName(t *testing.T) {
	t.Parallel()
	sty := Litepaper().textStyle(8)
	w := sty.Width("emission_") + 0.5
	for _, tc := range []struct {
		in   string
		want []string
		ok   bool
	}{
		{"fee", []string{"fee"}, true},
		{"emission_rate", []string{"emission_", "rate"}, true},
		{"lock period days", []string{"lock", "period", "days"}, true},
		{"a_b_c_d_e_f_g_h_i_j_k_l_m_n_o_p", []string{"a_b_c_d_e_f_g_h_i_j_k_l_m_n_o_p"}, false}, // more than 3 lines
		{"emissionratewithoutbreaks", []string{"emissionratewithoutbreaks"}, false},
	} {
		got, ok := wrapName(sty, tc.in, w, 3)
		if ok != tc.ok || !slices.Equal(got, tc.want) {
			t.Errorf("wrapName(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
