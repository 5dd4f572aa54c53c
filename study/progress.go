package study

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress reports runs done/total, runs/s and ETA: a bar on a terminal,
// a plain line every few seconds otherwise (CI logs, pipes).
type progress struct {
	bar      *progressbar.ProgressBar
	w        io.Writer
	start    time.Time
	last     time.Time
	every    time.Duration
	disabled bool
}

// newProgress reports to w; a nil w reports nothing.
func newProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, start: time.Now(), every: 5 * time.Second, disabled: w == nil}
	p.last = p.start
	if p.disabled {
		return p
	}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("runs"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("runs"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

// update is called after each finished unit.
func (p *progress) update(done, total int) {
	if p.disabled {
		return
	}
	if p.bar != nil {
		p.bar.Set(done)
		return
	}
	now := time.Now()
	if now.Sub(p.last) < p.every && done < total {
		return
	}
	p.last = now
	el := now.Sub(p.start).Seconds()
	rate := float64(done) / max(el, 1e-9)
	eta := time.Duration(float64(total-done)/max(rate, 1e-9)) * time.Second
	fmt.Fprintf(p.w, "seqsim: %d/%d runs (%.0f%%), %.1f runs/s, ETA %s\n", done, total, 100*float64(done)/float64(total), rate, eta.Round(time.Second))
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
