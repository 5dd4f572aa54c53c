package plots_test

// Golden images. Do not change the goldens casually: a chart that moves is
// a chart readers of the litepaper see move. Rewrite them only with
//
//	go test ./plots/ -run TestGolden -regen
//
// after looking at every changed PNG, and say in the commit why they moved.

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/plots"
)

var regen = flag.Bool("regen", false, "rewrite testdata/*_golden.svg and *_golden.png from the current output")

// PNG tolerance. Rasterisers differ in anti-aliasing between platforms and
// library versions, so a pixel counts as different only when a channel
// moves by more than pixelTol of full scale, and the image may have up to
// maxDiffFrac of such pixels (at 1350 × 900 px, 243 pixels; a moved line
// or label changes thousands). gonum/plot rasterises in pure Go, so on
// one architecture the PNG is in fact reproduced exactly; the tolerance
// absorbs FMA and math-library differences between architectures. The SVG
// golden is the exact check.
const (
	pixelTol    = 0.10
	maxDiffFrac = 0.0002
)

func TestGolden(t *testing.T) {
	for _, k := range chartKinds {
		t.Run(k.name, func(t *testing.T) {
			t.Parallel()
			p, err := k.build()
			if err != nil {
				t.Fatal(err)
			}
			svg, err := plots.Render(p, 0, 0, "svg")
			if err != nil {
				t.Fatal(err)
			}
			// Stable across renders of one plot and across rebuilds.
			again, err := plots.Render(p, 0, 0, "svg")
			if err != nil {
				t.Fatal(err)
			}
			p2, err := k.build()
			if err != nil {
				t.Fatal(err)
			}
			rebuilt, err := plots.Render(p2, 0, 0, "svg")
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(svg, again) || !bytes.Equal(svg, rebuilt) {
				t.Errorf("SVG differs between renders in one process (again equal: %v, rebuilt equal: %v)",
					bytes.Equal(svg, again), bytes.Equal(svg, rebuilt))
			}
			checkGolden(t, k.name+"_golden.svg", svg, func(want, got []byte) (bool, string) {
				return bytes.Equal(want, got), "bytes differ"
			})

			pngBytes, err := plots.Render(p, 0, 0, "png")
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, k.name+"_golden.png", pngBytes, func(want, got []byte) (bool, string) {
				return pngClose(t, k.name, want, got)
			})
		})
	}
}

// checkGolden compares got with testdata/name using same, or rewrites the
// golden under -regen. On a mismatch it keeps got (and a diff image for
// PNG) in the test's artifact directory.
func checkGolden(t *testing.T, name string, got []byte, same func(want, got []byte) (bool, string)) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *regen {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./plots/ -regen to create it)", err)
	}
	if ok, why := same(want, got); !ok {
		out := filepath.Join(t.ArtifactDir(), strings.Replace(name, "_golden", "_got", 1))
		if err := os.WriteFile(out, got, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Errorf("%s: %s; got written to %s (use -artifacts to keep it)", path, why, out)
	}
}

// pngClose decodes both images and compares them pixel by pixel within the
// tolerance above. On failure it writes a diff image (changed pixels red
// over a faded copy of the golden) to the artifact directory.
func pngClose(t *testing.T, name string, want, got []byte) (bool, string) {
	t.Helper()
	a, err := png.Decode(bytes.NewReader(want))
	if err != nil {
		return false, "golden: " + err.Error()
	}
	b, err := png.Decode(bytes.NewReader(got))
	if err != nil {
		return false, "output: " + err.Error()
	}
	if a.Bounds() != b.Bounds() {
		return false, fmt.Sprintf("size %v, golden %v", b.Bounds().Size(), a.Bounds().Size())
	}
	r := a.Bounds()
	diff := image.NewNRGBA(r)
	var n int
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			ca := color.NRGBAModel.Convert(a.At(x, y)).(color.NRGBA)
			cb := color.NRGBAModel.Convert(b.At(x, y)).(color.NRGBA)
			d := max(absDiff(ca.R, cb.R), absDiff(ca.G, cb.G), absDiff(ca.B, cb.B), absDiff(ca.A, cb.A))
			if float64(d)/255 > pixelTol {
				n++
				diff.SetNRGBA(x, y, color.NRGBA{R: 255, A: 255})
			} else {
				diff.SetNRGBA(x, y, color.NRGBA{R: ca.R, G: ca.G, B: ca.B, A: 40})
			}
		}
	}
	frac := float64(n) / float64(r.Dx()*r.Dy())
	if frac <= maxDiffFrac {
		return true, ""
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, diff); err == nil {
		_ = os.WriteFile(filepath.Join(t.ArtifactDir(), name+"_diff.png"), buf.Bytes(), 0o644)
	}
	return false, fmt.Sprintf("%d pixels (%.3f%%) differ by more than %.0f%%, allowed %.3f%%", n, 100*frac, 100*pixelTol, 100*maxDiffFrac)
}

func absDiff(a, b uint8) uint8 {
	if a > b {
		return a - b
	}
	return b - a
}
