package plots

import (
	"fmt"
	"regexp"
	"unicode/utf8"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgpdf"
)

// gonum/plot v0.17.0's PDF backend embeds its fonts with the cp1252
// (Windows Western) encoding but passes the UTF-8 bytes of each string
// through unchanged, so every non-ASCII character comes out as mojibake
// ("–" prints as "â€“"). pdfCanvas re-encodes text to cp1252 on its way in,
// and records any rune cp1252 lacks (Greek letters, "≤", "→"), so Render
// can fail loudly instead of shipping a garbled PDF.
type pdfCanvas struct {
	*vgpdf.Canvas
	bad []string // texts with a rune cp1252 cannot encode
}

func (c *pdfCanvas) FillString(f font.Face, pt vg.Point, s string) {
	enc, ok := toCP1252(s)
	if !ok {
		c.bad = append(c.bad, s)
	}
	c.Canvas.FillString(f, pt, enc)
}

func (c *pdfCanvas) err() error {
	return fmt.Errorf("plots: Render pdf: text %q has a character outside cp1252, which gonum/plot's PDF fonts cannot show; use svg/png or rewrite it (µ U+00B5, ×, ±, ·, ° and – are fine): %w", c.bad[0], ErrRange)
}

// toCP1252 encodes s in Windows-1252. Runes it lacks become '?', and ok
// reports whether there were none.
func toCP1252(s string) (string, bool) {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s, true
	}
	ok := true
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r < 0x80 || (r >= 0xA0 && r <= 0xFF):
			b = append(b, byte(r))
		default:
			if k, found := cp1252High(r); found {
				b = append(b, k)
			} else {
				b = append(b, '?')
				ok = false
			}
		}
	}
	return string(b), ok
}

// cp1252High maps the runes Windows-1252 places in 0x80–0x9F
// (unicode.org MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT).
func cp1252High(r rune) (byte, bool) {
	switch r {
	case 0x20AC:
		return 0x80, true // €
	case 0x201A:
		return 0x82, true
	case 0x0192:
		return 0x83, true
	case 0x201E:
		return 0x84, true
	case 0x2026:
		return 0x85, true // …
	case 0x2020:
		return 0x86, true
	case 0x2021:
		return 0x87, true
	case 0x02C6:
		return 0x88, true
	case 0x2030:
		return 0x89, true // ‰
	case 0x0160:
		return 0x8A, true
	case 0x2039:
		return 0x8B, true
	case 0x0152:
		return 0x8C, true
	case 0x017D:
		return 0x8E, true
	case 0x2018:
		return 0x91, true
	case 0x2019:
		return 0x92, true
	case 0x201C:
		return 0x93, true
	case 0x201D:
		return 0x94, true
	case 0x2022:
		return 0x95, true // •
	case 0x2013:
		return 0x96, true // –
	case 0x2014:
		return 0x97, true // —
	case 0x02DC:
		return 0x98, true
	case 0x2122:
		return 0x99, true
	case 0x0161:
		return 0x9A, true
	case 0x203A:
		return 0x9B, true
	case 0x0153:
		return 0x9C, true
	case 0x017E:
		return 0x9E, true
	case 0x0178:
		return 0x9F, true
	}
	return 0, false
}

// pdfDate matches the creation and modification dates fpdf stamps from
// the clock (fpdf.go putinfo: "/CreationDate (D:20060102150405)").
var pdfDate = regexp.MustCompile(`/(CreationDate|ModDate) \(D:[0-9]{14}\)`)

// fixPDFDates replaces both dates with the Unix epoch, so the same chart
// gives the same PDF bytes. The replacement has the same length, which
// keeps the cross-reference offsets valid.
func fixPDFDates(b []byte) []byte {
	return pdfDate.ReplaceAllFunc(b, func(m []byte) []byte {
		i := len(m) - len("19700101000000)")
		return append(m[:i:i], "19700101000000)"...)
	})
}
