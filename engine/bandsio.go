package engine

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// bandsMagic starts a serialised Bands; the digit is the format version.
const bandsMagic = "seqsim-bands-1\n"

// WriteTo serialises the bands exactly (integer counts and fixed-point sums),
// so shards and checkpoints merge into the same bytes as one run. Points are
// written in increasing order: the encoding is deterministic.
func (b *Bands) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	e := &encoder{w: bw}
	e.bytes([]byte(bandsMagic))
	e.uvarint(uint64(b.KeptSteps()))
	e.uvarint(uint64(len(b.Schema.Series)))
	ps := b.Points()
	e.uvarint(uint64(len(ps)))
	for _, p := range ps {
		e.uvarint(uint64(p))
		pb := b.points[p]
		for i := range pb.sketches {
			e.sketch(&pb.sketches[i])
			s := pb.sums[i]
			e.uvarint(uint64(s.Hi))
			e.uvarint(s.Lo)
			e.bool(s.Invalid)
		}
	}
	if e.err == nil {
		e.err = bw.Flush()
	}
	return e.n, e.err
}

// ReadBands reads bands written by WriteTo for the given schema.
func ReadBands(r io.Reader, s Schema) (*Bands, error) {
	b := NewBands(s)
	d := &decoder{r: bufio.NewReader(r)}
	magic := make([]byte, len(bandsMagic))
	d.full(magic)
	if d.err == nil && string(magic) != bandsMagic {
		return nil, errors.New("engine: not a seqsim bands file (or another version)")
	}
	steps, metrics := d.uvarint(), d.uvarint()
	if d.err == nil && (steps != uint64(b.KeptSteps()) || metrics != uint64(len(s.Series))) {
		return nil, fmt.Errorf("engine: bands file has %d steps x %d metrics, the experiment %d x %d", steps, metrics, b.KeptSteps(), len(s.Series))
	}
	n := d.uvarint()
	for range n {
		if d.err != nil {
			break
		}
		pb := b.point(int(d.uvarint()))
		for i := range pb.sketches {
			d.sketch(&pb.sketches[i])
			pb.sums[i] = FixedSum{Hi: int64(d.uvarint()), Lo: d.uvarint(), Invalid: d.bool()}
		}
	}
	if d.err != nil {
		return nil, fmt.Errorf("engine: reading bands: %w", d.err)
	}
	return b, nil
}

type encoder struct {
	w   *bufio.Writer
	n   int64
	err error
	buf [binary.MaxVarintLen64]byte
}

func (e *encoder) bytes(b []byte) {
	if e.err == nil {
		k, err := e.w.Write(b)
		e.n += int64(k)
		e.err = err
	}
}

func (e *encoder) uvarint(x uint64) { e.bytes(binary.AppendUvarint(e.buf[:0], x)) }
func (e *encoder) varint(x int64)   { e.bytes(binary.AppendVarint(e.buf[:0], x)) }
func (e *encoder) float(x float64)  { e.uvarint(math.Float64bits(x)) }
func (e *encoder) bool(x bool) {
	if x {
		e.uvarint(1)
	} else {
		e.uvarint(0)
	}
}

func (e *encoder) counts(d *denseCounts) {
	lo, hi := 0, d.len() // trim zero ends: the encoding depends on counts only
	for lo < hi && d.at(lo) == 0 {
		lo++
	}
	for hi > lo && d.at(hi-1) == 0 {
		hi--
	}
	e.varint(int64(d.offset) + int64(lo))
	e.uvarint(uint64(hi - lo))
	for j := lo; j < hi; j++ {
		e.uvarint(uint64(d.at(j)))
	}
}

func (e *encoder) sketch(s *Sketch) {
	e.counts(&s.pos)
	e.counts(&s.neg)
	e.uvarint(s.zero)
	e.uvarint(s.n)
	e.float(s.min)
	e.float(s.max)
}

type decoder struct {
	r   *bufio.Reader
	err error
}

func (d *decoder) full(b []byte) {
	if d.err == nil {
		_, d.err = io.ReadFull(d.r, b)
	}
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	x, err := binary.ReadUvarint(d.r)
	d.err = err
	return x
}

func (d *decoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	x, err := binary.ReadVarint(d.r)
	d.err = err
	return x
}

func (d *decoder) float() float64 { return math.Float64frombits(d.uvarint()) }
func (d *decoder) bool() bool     { return d.uvarint() == 1 }

func (d *decoder) counts(c *denseCounts) {
	off, n := d.varint(), d.uvarint()
	if n > 1<<24 {
		d.err = errors.New("corrupt sketch")
		return
	}
	for j := range n {
		if v := d.uvarint(); v != 0 && d.err == nil {
			c.add(int32(off+int64(j)), uint32(v))
		}
	}
}

func (d *decoder) sketch(s *Sketch) {
	d.counts(&s.pos)
	d.counts(&s.neg)
	s.zero, s.n = d.uvarint(), d.uvarint()
	s.min, s.max = d.float(), d.float()
}

// Equal reports whether two bands hold the same counts and sums (for tests
// and merge checks).
func (b *Bands) Equal(o *Bands) bool {
	if !slices.Equal(b.Points(), o.Points()) {
		return false
	}
	for _, p := range b.Points() {
		for k := range b.KeptSteps() {
			for j := range b.Schema.Series {
				if b.Stat(p, k, j) != o.Stat(p, k, j) {
					return false
				}
			}
		}
	}
	return true
}
