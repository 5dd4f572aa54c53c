package plots_test

import (
	"bytes"
	"errors"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot"

	"github.com/seqsim/seqsim/plots"
)

func smallChart(t *testing.T, title string) *plot.Plot {
	t.Helper()
	p, err := plots.LineBand(plots.Litepaper(), title, "fee (bps)", "revenue (USD)",
		[]float64{1, 2, 3}, []float64{2, 3, 2.5}, []float64{1, 2, 2}, []float64{3, 4, 3})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

func TestSave(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := smallChart(t, "Revenue")
	if err := plots.Save(p, dir, "rev", 0, 0); err != nil {
		t.Fatal(err)
	}
	// Exactly the three files, no temporary left behind.
	if got, want := dirNames(t, dir), []string{"rev.pdf", "rev.png", "rev.svg"}; !slices.Equal(got, want) {
		t.Fatalf("files %v, want %v", got, want)
	}
	for _, f := range []string{"rev.pdf", "rev.png", "rev.svg"} {
		fi, err := os.Stat(filepath.Join(dir, f))
		if err != nil || fi.Size() == 0 || fi.Mode().Perm() != 0o644 {
			t.Errorf("%s: %v, size %d, mode %v", f, err, fi.Size(), fi.Mode())
		}
	}
	// PNG at 300 dpi: 4.5 in × 3 in is 1350 × 900 pixels.
	raw, err := os.ReadFile(filepath.Join(dir, "rev.png"))
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(raw))
	if err != nil || cfg.Width != 1350 || cfg.Height != 900 {
		t.Errorf("PNG %d × %d (%v), want 1350 × 900", cfg.Width, cfg.Height, err)
	}
	// Overwriting works and a subset of formats writes only those.
	if err := plots.Save(p, dir, "rev", 3*72, 2*72, "svg"); err != nil {
		t.Fatal(err)
	}
	svg, err := os.ReadFile(filepath.Join(dir, "rev.svg"))
	if err != nil || !bytes.Contains(svg, []byte(`width="216pt" height="144pt"`)) {
		t.Errorf("resaved SVG does not have the new size (%v)", err)
	}
	if got := dirNames(t, dir); len(got) != 3 {
		t.Errorf("files after resave: %v", got)
	}
}

func TestSaveErrorsLeaveNoFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := smallChart(t, "Revenue")
	for _, tc := range []struct {
		name, file string
		formats    []string
	}{
		{"bad format", "a", []string{"svg", "gif"}},
		{"duplicate format", "a", []string{"svg", "svg"}},
		{"path in name", "sub/a", nil},
		{"empty name", "", nil},
	} {
		if err := plots.Save(p, dir, tc.file, 0, 0, tc.formats...); err == nil || !strings.HasPrefix(err.Error(), "plots: ") {
			t.Errorf("%s: error %v", tc.name, err)
		}
	}
	// Greek σ is outside the PDF fonts' code page: the PDF fails, and since
	// every format is rendered before any is written, the SVG and PNG are not
	// written either.
	greek := smallChart(t, "Revenue σ")
	if err := plots.Save(greek, dir, "greek", 0, 0); !errors.Is(err, plots.ErrRange) {
		t.Errorf("Greek title in PDF: error %v, want ErrRange", err)
	}
	if got := dirNames(t, dir); len(got) != 0 {
		t.Errorf("failed saves left files: %v", got)
	}
	// The same chart is fine as SVG and PNG.
	if err := plots.Save(greek, dir, "greek", 0, 0, "svg", "png"); err != nil {
		t.Error(err)
	}
	if err := plots.Save(nil, dir, "x", 0, 0); err == nil {
		t.Error("Save(nil) succeeded")
	}
	if err := plots.Save(p, filepath.Join(dir, "missing"), "x", 0, 0, "svg"); err == nil {
		t.Error("Save into a missing directory succeeded")
	}
}

func TestRenderDeterministic(t *testing.T) {
	t.Parallel()
	for _, f := range plots.Formats() {
		a, err := plots.Render(smallChart(t, "Revenue – µ"), 0, 0, f)
		if err != nil {
			t.Fatal(err)
		}
		b, err := plots.Render(smallChart(t, "Revenue – µ"), 0, 0, f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renders differ", f)
		}
	}
	pdf, err := plots.Render(smallChart(t, "x"), 0, 0, "pdf")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(pdf, []byte("/CreationDate (D:19700101000000)")) {
		t.Error("PDF creation date is not fixed")
	}
}

func TestSVGBytesInline(t *testing.T) {
	t.Parallel()
	b, err := plots.SVGBytes(smallChart(t, "Revenue"), 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte("<?xml")) || !bytes.Contains(b, []byte("<svg")) || bytes.Contains(b, []byte(" id=")) {
		t.Errorf("SVG not ready to inline: %.80q", b)
	}
	if !bytes.HasSuffix(bytes.TrimSpace(b), []byte("</svg>")) {
		t.Error("SVG does not end with </svg>")
	}
}

// TestZeroThemeIsLitepaper: a zero Theme takes every default, so the
// charts it gives are the litepaper's byte for byte.
func TestZeroThemeIsLitepaper(t *testing.T) {
	t.Parallel()
	names, s1, st := sobolIndices()
	a, err := plots.Bars(plots.Theme{}, "t", "index (–)", names, s1, st)
	if err != nil {
		t.Fatal(err)
	}
	b, err := plots.Bars(plots.Litepaper(), "t", "index (–)", names, s1, st)
	if err != nil {
		t.Fatal(err)
	}
	sa, _ := plots.Render(a, 0, 0, "svg")
	sb, _ := plots.Render(b, 0, 0, "svg")
	if !bytes.Equal(sa, sb) {
		t.Error("Theme{} and Litepaper() give different charts")
	}
}
