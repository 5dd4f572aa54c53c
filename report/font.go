package report

import (
	"bytes"
	"compress/zlib"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"html/template"
	"slices"

	"codeberg.org/go-fonts/liberation/liberationsansregular"
)

// chartFontFace is the CSS rule that gives the page the font the charts
// were laid out with: gonum/plot measures text in Liberation Sans and the
// SVG names it, but a browser without it (a bare Linux) substitutes a
// wider face and labels run into each other. Embedding it as a data: URL
// keeps the page free of requests. Only the regular face is used by the
// charts. Liberation fonts are under the SIL Open Font License, which
// allows embedding; WOFF wrapping leaves the font data unchanged.
func chartFontFace() (template.CSS, error) {
	woff, err := toWOFF(liberationsansregular.TTF)
	if err != nil {
		return "", err
	}
	return template.CSS(`@font-face { font-family: "Liberation Sans"; font-style: normal; font-weight: 400; src: url("data:font/woff;base64,` +
		base64.StdEncoding.EncodeToString(woff) + `") format("woff"); }`), nil
}

// toWOFF wraps a TrueType/OpenType font in WOFF 1.0 (W3C Recommendation,
// 13 December 2012): the same tables, each zlib-compressed when that makes
// it smaller, about half the size of the TTF.
func toWOFF(sfnt []byte) ([]byte, error) {
	be := binary.BigEndian
	if len(sfnt) < 12 {
		return nil, errors.New("report: font: too short")
	}
	n := int(be.Uint16(sfnt[4:]))
	if len(sfnt) < 12+16*n {
		return nil, errors.New("report: font: truncated table directory")
	}
	type tab struct {
		tag, sum, off, length uint32
		data                  []byte
	}
	tabs := make([]tab, n)
	total := uint32(12 + 16*n) // totalSfntSize: the sfnt with 4-byte padded tables
	for i := range tabs {
		r := sfnt[12+16*i:]
		t := tab{tag: be.Uint32(r), sum: be.Uint32(r[4:]), off: be.Uint32(r[8:]), length: be.Uint32(r[12:])}
		if uint64(t.off)+uint64(t.length) > uint64(len(sfnt)) {
			return nil, fmt.Errorf("report: font: table %d out of range", i)
		}
		orig := sfnt[t.off : t.off+t.length]
		var z bytes.Buffer
		w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
		w.Write(orig)
		w.Close()
		t.data = orig
		if z.Len() < len(orig) {
			t.data = z.Bytes()
		}
		tabs[i] = t
		total += (t.length + 3) &^ 3
	}
	slices.SortFunc(tabs, func(a, b tab) int { return int(int64(a.tag) - int64(b.tag)) })
	const header = 44
	off := uint32(header + 20*n)
	var dir, body bytes.Buffer
	for _, t := range tabs {
		var e [20]byte
		be.PutUint32(e[0:], t.tag)
		be.PutUint32(e[4:], off)
		be.PutUint32(e[8:], uint32(len(t.data)))
		be.PutUint32(e[12:], t.length)
		be.PutUint32(e[16:], t.sum)
		dir.Write(e[:])
		body.Write(t.data)
		pad := (4 - len(t.data)%4) % 4
		body.Write(make([]byte, pad))
		off += uint32(len(t.data) + pad)
	}
	var h [header]byte
	be.PutUint32(h[0:], 0x774F4646) // "wOFF"
	copy(h[4:8], sfnt[0:4])         // flavor: the sfnt version
	be.PutUint32(h[8:], off)        // length of the whole file
	be.PutUint16(h[12:], uint16(n))
	be.PutUint32(h[16:], total)
	be.PutUint16(h[20:], 1) // WOFF file version 1.0; no metadata, no private data
	out := make([]byte, 0, off)
	out = append(append(append(out, h[:]...), dir.Bytes()...), body.Bytes()...)
	return out, nil
}
