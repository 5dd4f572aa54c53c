package report

// The report in a real browser: headless Chromium opens report.html,
// takes a screenshot, and the test fails on a console error, an
// uncaught exception, any request that is not file: or data:, or a chart
// that is missing, empty or has no size. CI installs Debian's chromium
// package (.ci/run); there is no skip.

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	layout "github.com/seqsim/seqsim/study/folder"
)

// installChromium is what the failure message tells the reader to run.
const installChromium = "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium"

// chromiumPath finds the browser: $SEQSIM_CHROMIUM, else Debian's
// chromium or another Chromium or Chrome on the PATH.
func chromiumPath() (string, error) {
	if p := os.Getenv("SEQSIM_CHROMIUM"); p != "" {
		return exec.LookPath(p)
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("no chromium or chrome on this machine")
}

// browser starts one headless Chromium for a test, with a fresh profile
// and no background traffic of its own. Every wait below is bounded by
// the context's deadline.
func browser(t *testing.T) context.Context {
	t.Helper()
	bin, err := chromiumPath()
	if err != nil {
		t.Fatalf("headless Chromium is needed to test report.html (%v). Install it with\n\t%s\nor set SEQSIM_CHROMIUM to a Chromium or Chrome binary.", err, installChromium)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	actx, acancel := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox, // root in CI containers
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1200, 900),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("hide-scrollbars", true),
	)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	if err := chromedp.Do(bctx); err != nil { // start the browser
		t.Fatalf("starting %s: %v", bin, err)
	}
	return bctx
}

// pageStats is what the page reports about itself after loading.
type pageStats struct {
	Figures    int        `json:"figures"`
	Missing    int        `json:"missing"`
	Cards      int        `json:"cards"`
	Sections   int        `json:"sections"`
	FontLoaded bool       `json:"fontLoaded"`
	Overflow   bool       `json:"overflow"`
	BadImages  int        `json:"badImages"`
	SVGs       []svgStats `json:"svgs"`
}

type svgStats struct {
	Figure string  `json:"figure"`
	W      float64 `json:"w"`
	H      float64 `json:"h"`
	Paths  int     `json:"paths"` // paths with a non-empty bounding box
	Texts  int     `json:"texts"` // texts of non-zero length
}

// statsJS measures every chart in the page. A chart is drawn when its
// <svg> has a size and holds drawn paths and text.
const statsJS = `(() => {
  const out = {
    figures: document.querySelectorAll('figure').length,
    missing: document.querySelectorAll('figure .missing').length,
    cards: document.querySelectorAll('.card').length,
    sections: document.querySelectorAll('section.part').length,
    fontLoaded: [...document.fonts].some(f => f.family.replace(/["']/g, '') === 'Liberation Sans' && f.status === 'loaded'),
    overflow: document.documentElement.scrollWidth > window.innerWidth + 1,
    badImages: [...document.images].filter(i => !i.complete || i.naturalWidth === 0).length,
    svgs: [],
  };
  for (const s of document.querySelectorAll('svg')) {
    const r = s.getBoundingClientRect();
    const fig = s.closest('figure');
    let paths = 0;
    for (const p of s.querySelectorAll('path')) {
      const b = p.getBBox();
      if (b.width > 0 || b.height > 0) paths++;
    }
    const texts = [...s.querySelectorAll('text')].filter(t => t.getComputedTextLength() > 0).length;
    out.svgs.push({figure: fig ? fig.id : '', w: r.width, h: r.height, paths, texts});
  }
  return out;
})()`

// visit opens file in a new tab, waits for it and its fonts, takes a full
// screenshot and returns what went wrong: console errors, exceptions,
// requests that are not file: or data:, and broken or empty charts.
func visit(ctx context.Context, file string) (problems []string, stats pageStats, shot []byte, err error) {
	var mu sync.Mutex
	add := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		problems = append(problems, fmt.Sprintf(format, args...))
	}
	tab, cancel := chromedp.NewContext(ctx, chromedp.WithListener(func(ev any) {
		// Runs in the tab's read loop: record and return.
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			if u := ev.Request.URL; !strings.HasPrefix(u, "file:") && !strings.HasPrefix(u, "data:") {
				add("network request: %s", u)
			}
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var parts []string
				for _, a := range ev.Args {
					v := string(a.Value)
					if uq, err := strconv.Unquote(v); err == nil { // a JSON string
						v = uq
					}
					parts = append(parts, v+a.Description)
				}
				add("console.%s: %s", ev.Type, strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			add("uncaught exception: %s", msg)
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level == cdplog.EntryLevelError {
				add("browser log error (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
			}
		}
	}))
	defer cancel()
	enable := func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
			return chromedp.Void{}, err
		}
		_, err := cdp.Call(ctx, t, cdplog.Enable, cdp.Empty{})
		return chromedp.Void{}, err
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, stats, nil, err
	}
	u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
	if err := chromedp.Do(tab, enable, chromedp.Navigate(u)); err != nil {
		return nil, stats, nil, fmt.Errorf("opening %s: %w", u, err)
	}
	if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](`document.fonts.ready.then(() => true)`, chromedp.EvalAwaitPromise)); err != nil {
		return nil, stats, nil, fmt.Errorf("waiting for fonts: %w", err)
	}
	if stats, err = chromedp.Run(tab, chromedp.Evaluate[pageStats](statsJS)); err != nil {
		return nil, stats, nil, fmt.Errorf("measuring the page: %w", err)
	}
	if shot, err = chromedp.Run(tab, chromedp.FullScreenshot(100)); err != nil {
		return nil, stats, nil, fmt.Errorf("screenshot: %w", err)
	}
	if stats.Figures == 0 {
		add("no chart at all")
	}
	if stats.Missing > 0 {
		add("%d figures hold no chart", stats.Missing)
	}
	if stats.BadImages > 0 {
		add("%d broken images", stats.BadImages)
	}
	if n := len(stats.SVGs); n != stats.Figures {
		add("%d <svg> for %d figures", n, stats.Figures)
	}
	for _, s := range stats.SVGs {
		// A litepaper chart is 4.5 × 3 in; in a 1200 px page it is drawn at
		// least 300 px wide. Background, frame, axes and data need several
		// paths; title and axis labels several texts.
		if s.W < 300 || s.H < 150 || s.Paths < 5 || s.Texts < 3 {
			add("chart %s is empty or has no size: %.0f×%.0f px, %d drawn paths, %d texts", s.Figure, s.W, s.H, s.Paths, s.Texts)
		}
	}
	if !stats.FontLoaded {
		add("the embedded chart font (Liberation Sans) did not load")
	}
	if stats.Overflow {
		add("the page is wider than the 1200 px window")
	}
	mu.Lock()
	defer mu.Unlock()
	return problems, stats, shot, nil
}

// TestReportInBrowser opens the report of every fixture, of a folder with
// a design search and of a comparison in headless Chromium; screenshots go to the test's artifact folder
// (go test -artifacts keeps them).
func TestReportInBrowser(t *testing.T) {
	ctx := browser(t)
	pages := map[string]string{}
	var names []string
	for _, name := range fixtures {
		dir, _ := buildFixture(t, name, svgOnly)
		pages[name] = filepath.Join(dir, layout.Report)
		names = append(names, name)
	}
	// A folder with a design search: its section's table and three
	// charts must render like the others.
	sdir, _ := searchFolder(t)
	if err := BuildWith(sdir, svgOnly); err != nil {
		t.Fatal(err)
	}
	pages["search"] = filepath.Join(sdir, layout.Report)
	names = append(names, "search")
	cmp := filepath.Join(t.TempDir(), "compare")
	if err := CompareWith(cmp, []string{copyFixture(t, "single"), copyFixture(t, "scenarios")}, svgOnly); err != nil {
		t.Fatal(err)
	}
	pages["compare"] = filepath.Join(cmp, layout.Report)
	names = append(names, "compare")
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			problems, stats, shot, err := visit(ctx, pages[name])
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range problems {
				t.Error(p)
			}
			if name != "sobol" && stats.Cards == 0 {
				t.Error("no headline numbers")
			}
			if stats.Sections < 3 {
				t.Errorf("%d sections", stats.Sections)
			}
			png := filepath.Join(t.ArtifactDir(), "report-"+name+".png")
			if err := os.WriteFile(png, shot, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d charts checked; screenshot %s (%d bytes)", name, len(stats.SVGs), png, len(shot))
		})
	}
}

// TestBrowserCheckCatchesFaults: the checks above do fail on a page with
// a console error, an exception, a network request and an empty chart.
// The request goes to the discard port of this machine, never out.
func TestBrowserCheckCatchesFaults(t *testing.T) {
	ctx := browser(t)
	bad := filepath.Join(t.TempDir(), "bad.html")
	os.WriteFile(bad, []byte(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>bad</title></head><body>
<figure><svg width="400" height="300" viewBox="0 0 400 300"></svg></figure>
<img src="http://127.0.0.1:9/x.png" alt="">
<script>console.error("boom"); null.x;</script>
</body></html>`), 0o644)
	problems, _, _, err := visit(ctx, bad)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(problems, "\n")
	for _, want := range []string{"console.error: boom", "uncaught exception", "network request: http://127.0.0.1:9/x.png", "is empty or has no size", "did not load"} {
		if !strings.Contains(all, want) {
			t.Errorf("the check missed %q; it found:\n%s", want, all)
		}
	}
}
