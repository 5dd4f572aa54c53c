package plots

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Default chart size: a litepaper column.
const (
	DefaultWidth  = 4.5 * vg.Inch
	DefaultHeight = 3 * vg.Inch
)

// outerMargin is left blank around every chart.
const outerMargin = vg.Length(4)

// PNGDPI is the resolution of PNG output, in dots per inch: print quality
// for a paper, so a 4.5 in chart is 1350 pixels wide.
const PNGDPI = 300

// Formats lists the formats [Save] writes when given none, in order.
func Formats() []string { return []string{"svg", "png", "pdf"} }

// Render draws p in one format ("svg", "png" or "pdf") into memory.
// A zero w or h takes [DefaultWidth] or [DefaultHeight].
//
// Render draws on the canvases p.WriterTo would use, with these
// differences:
//   - a 4 pt blank margin around the chart (gonum/plot sets the title and
//     the widest tick label flush against the edge);
//   - PNG at [PNGDPI] instead of gonum/plot's 96 dpi, too coarse for print;
//   - SVG text names metric-compatible fallbacks (Arial, Helvetica) after
//     Liberation Sans, so browsers without it keep the layout;
//   - PDF creation and modification dates fixed at the Unix epoch, so the
//     same chart gives the same bytes;
//   - PDF text re-encoded to the cp1252 its fonts use: gonum/plot passes
//     UTF-8 through and garbles "–" or "µ". Text with a character outside
//     cp1252, such as a Greek letter other than µ, makes PDF rendering fail
//     with [ErrRange] rather than print mojibake.
//
// A plot must not be rendered by two goroutines at once.
func Render(p *plot.Plot, w, h vg.Length, format string) ([]byte, error) {
	if p == nil {
		return nil, errors.New("plots: Render: nil plot")
	}
	if w <= 0 {
		w = DefaultWidth
	}
	if h <= 0 {
		h = DefaultHeight
	}
	var wt vg.CanvasWriterTo
	switch format {
	case "png":
		wt = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(PNGDPI))}
	case "pdf":
		wt = &pdfCanvas{Canvas: vgpdf.New(w, h)}
	case "svg":
		wt = vgsvg.New(w, h) // what p.WriterTo(w, h, "svg") uses
	default:
		return nil, fmt.Errorf("plots: Render: format %q: %w (want svg, png or pdf)", format, ErrRange)
	}
	// A thin outer margin: gonum/plot sets the title, axis labels and the
	// widest tick label flush against the canvas edge. The margin takes
	// the plot's background too, so the chart has no transparent frame.
	dc := draw.New(wt)
	if p.BackgroundColor != nil {
		dc.SetColor(p.BackgroundColor)
		dc.Fill(dc.Rectangle.Path())
	}
	p.Draw(draw.Crop(dc, outerMargin, -outerMargin, outerMargin, -outerMargin))
	if pc, ok := wt.(*pdfCanvas); ok && len(pc.bad) > 0 {
		return nil, pc.err()
	}
	var buf bytes.Buffer
	if _, err := wt.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("plots: Render %s: %w", format, err)
	}
	switch format {
	case "pdf":
		return fixPDFDates(buf.Bytes()), nil
	case "svg":
		// vgsvg names only the Liberation family, so a browser without it
		// falls back to a serif face. Arial and Helvetica have the same
		// metrics as Liberation Sans, so the layout holds with them.
		return bytes.ReplaceAll(buf.Bytes(), []byte("font-family:Liberation Sans;"),
			[]byte("font-family:Liberation Sans,Arial,Helvetica,sans-serif;")), nil
	}
	return buf.Bytes(), nil
}

// SVGBytes renders p as SVG for inlining in an HTML page: the document
// without its XML declaration, which HTML does not allow. gonum/plot's SVG
// uses no element ids, so several charts can share one page.
func SVGBytes(p *plot.Plot, w, h vg.Length) ([]byte, error) {
	b, err := Render(p, w, h, "svg")
	if err != nil {
		return nil, err
	}
	if i := bytes.Index(b, []byte("?>")); bytes.HasPrefix(b, []byte("<?xml")) && i >= 0 {
		b = bytes.TrimLeft(b[i+2:], "\n")
	}
	return b, nil
}

// Save writes p as dir/name.svg, dir/name.png and dir/name.pdf, or only
// the formats given. A zero w or h takes the default size.
//
// Every format is rendered in memory first, so a rendering error leaves no
// file behind. Each file is then written under a temporary name in dir,
// synced and renamed, so a reader never sees a half-written chart, and a
// crash leaves either the old file or the new one.
func Save(p *plot.Plot, dir, name string, w, h vg.Length, formats ...string) error {
	if name == "" || name == "." || name == ".." || strings.ContainsAny(name, `/\`) {
		return fmt.Errorf("plots: Save: name %q: must be a plain file name without extension", name)
	}
	if len(formats) == 0 {
		formats = Formats()
	}
	out := make([][]byte, len(formats))
	for i, f := range formats {
		if slices.Contains(formats[:i], f) {
			return fmt.Errorf("plots: Save: format %q given twice", f)
		}
		b, err := Render(p, w, h, f)
		if err != nil {
			return err
		}
		out[i] = b
	}
	for i, f := range formats {
		if err := writeAtomic(dir, name+"."+f, out[i]); err != nil {
			return err
		}
	}
	return syncDir(dir)
}

// writeAtomic writes data to dir/file through a synced temporary file and a
// rename.
func writeAtomic(dir, file string, data []byte) (err error) {
	tmp, err := os.CreateTemp(dir, "."+file+".*.tmp")
	if err != nil {
		return fmt.Errorf("plots: Save: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			err = fmt.Errorf("plots: Save %s: %w", file, err)
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, file))
}

// syncDir makes the renames durable. Some platforms cannot sync a
// directory; that is not an error worth failing a chart for.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("plots: Save: %w", err)
	}
	defer d.Close()
	_ = d.Sync()
	return nil
}
