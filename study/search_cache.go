package study

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/seqsim/seqsim/study/folder"
)

// A search cache (folder.SearchCache) is append-only: a line naming the
// experiment by its hash, the header of search_runs.csv and the model's
// outcomes, then one row per run (its row of search_runs.csv, then its
// summary as runs.csv writes it) in the order the runs finished, written
// whole lines at a time and flushed after each batch. A reader takes only complete lines, so it may
// read a cache another process is writing (a shard reading its peers'),
// and a resume drops a line torn by a crash.

// cacheHead is a cache's first line.
func cacheHead(hash string) string { return "# seqsim search cache: experiment_hash=" + hash }

// searchCache appends runs to a cache file.
type searchCache struct {
	f    *os.File
	w    *bufio.Writer
	path string
	rows int   // runs in the file
	size int64 // bytes written
	buf  []byte
}

// csvLine joins cells as one CSV row.
func csvLine(b []byte, cells []string) []byte {
	for i, c := range cells {
		if i > 0 {
			b = append(b, ',')
		}
		b = folder.AppendCSVField(b, c)
	}
	return append(b, '\n')
}

// openCache creates the cache of a new search at path, or opens that of
// a resumed one (whose runs resumeCache read, rows of them) for appending.
func (sr *searcher) openCache(path string, resume bool, rows int) (*searchCache, error) {
	c := &searchCache{path: path, rows: rows}
	var err error
	if resume {
		c.f, err = os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
		if err == nil {
			var fi os.FileInfo
			if fi, err = c.f.Stat(); err == nil {
				c.size = fi.Size()
			}
		}
	} else {
		c.f, err = os.Create(path)
		if err == nil {
			head := csvLine([]byte(cacheHead(sr.st.hash)+"\n"), slices.Concat(searchRunsHeader(sr.sp), sr.st.schema.Summary))
			_, err = c.f.Write(head)
			c.size = int64(len(head))
		}
	}
	if err != nil {
		if c.f != nil {
			c.f.Close()
		}
		return nil, fmt.Errorf("search: %w", err)
	}
	c.w = bufio.NewWriter(c.f)
	return c, nil
}

// appendRun formats one run as a row of search_runs.csv.
func appendRun(b []byte, r cachedRun) []byte {
	b = strconv.AppendInt(b, int64(r.cand), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(r.rep), 10)
	b = append(b, ',')
	b = strconv.AppendUint(b, r.seed, 10)
	for _, v := range r.x {
		b = folder.AppendFloat(append(b, ','), v)
	}
	for _, v := range r.out {
		b = folder.AppendFloat(append(b, ','), v)
	}
	return append(b, '\n')
}

// append adds a run to the cache: its row of search_runs.csv with its
// summary after it.
func (c *searchCache) append(r cachedRun) error {
	c.buf = appendRun(c.buf[:0], r)
	c.buf = c.buf[:len(c.buf)-1] // the row's newline: the summary follows
	for _, v := range r.sum {
		c.buf = folder.AppendFloat(append(c.buf, ','), v)
	}
	c.buf = append(c.buf, '\n')
	if _, err := c.w.Write(c.buf); err != nil {
		return err
	}
	c.rows++
	c.size += int64(len(c.buf))
	return nil
}

// flush makes the rows appended so far visible to readers.
func (c *searchCache) flush() error { return c.w.Flush() }

func (c *searchCache) close() {
	if c.f != nil {
		c.w.Flush()
		c.f.Close()
		c.f = nil
	}
}

// remove deletes the cache of a search whose outputs are written.
func (c *searchCache) remove() error {
	c.close()
	return os.Remove(c.path)
}

// cacheReader reads the complete rows of a cache, from where it stopped
// the last time: a shard polls its peers' caches with it.
type cacheReader struct {
	path        string
	hash        string
	nVars, nOut int
	nSum        int   // the summary's columns
	offset      int64 // bytes consumed
	line        int   // lines consumed
	started     bool  // the two head lines were read
}

func (sr *searcher) newReader(path string) *cacheReader {
	return &cacheReader{path: path, hash: sr.st.hash, nVars: len(sr.sp.Problem.Variables), nOut: len(sr.sp.Problem.Outcomes),
		nSum: len(sr.st.schema.Summary)}
}

// read returns the rows completed since the last read; none when the file
// does not exist yet.
func (r *cacheReader) read() ([]cachedRun, error) {
	f, err := os.Open(r.path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer f.Close()
	if _, err := f.Seek(r.offset, io.SeekStart); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	var rows []cachedRun
	for {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			return rows, nil // a line being written, or torn
		}
		line := string(data[:i])
		data = data[i+1:]
		r.offset += int64(i + 1)
		r.line++
		switch {
		case r.line == 1:
			if line != cacheHead(r.hash) {
				return nil, fmt.Errorf("search: %s:1: not the cache of this experiment (want %q, got %q)", r.path, cacheHead(r.hash), line)
			}
		case r.line == 2:
			r.started = true
		default:
			run, err := r.parse(line)
			if err != nil {
				return nil, err
			}
			rows = append(rows, run)
		}
	}
}

func (r *cacheReader) parse(line string) (cachedRun, error) {
	f := strings.Split(line, ",")
	bad := func(what string, err error) (cachedRun, error) {
		return cachedRun{}, fmt.Errorf("search: %s:%d: %s: %v", r.path, r.line, what, err)
	}
	if want := 3 + r.nVars + r.nOut + r.nSum; len(f) != want {
		return bad("row", fmt.Errorf("%d fields, want %d", len(f), want))
	}
	var run cachedRun
	var err error
	if run.cand, err = strconv.Atoi(f[0]); err != nil {
		return bad("candidate", err)
	}
	if run.rep, err = strconv.Atoi(f[1]); err != nil {
		return bad("replicate", err)
	}
	if run.seed, err = strconv.ParseUint(f[2], 10, 64); err != nil {
		return bad("seed", err)
	}
	vals := make([]float64, r.nVars+r.nOut+r.nSum)
	for i := range vals {
		if i >= r.nVars+r.nOut && f[3+i] == "" {
			vals[i] = math.NaN() // a summary outcome without a value, as runs.csv writes it
			continue
		}
		if vals[i], err = strconv.ParseFloat(f[3+i], 64); err != nil {
			return bad(fmt.Sprintf("field %d", 4+i), err)
		}
	}
	n := r.nVars + r.nOut
	run.x, run.out, run.sum = vals[:r.nVars:r.nVars], vals[r.nVars:n:n], vals[n:]
	return run, nil
}

// resumeCache reads the runs of an interrupted search's cache and cuts a
// torn last line, so the rows appended next start on a line of their own.
func resumeCache(r *cacheReader) ([]cachedRun, error) {
	rows, err := r.read()
	if err != nil {
		return nil, err
	}
	if !r.started {
		return nil, inputf("--resume: %s has no search cache: start again without --resume", r.path)
	}
	if err := os.Truncate(r.path, r.offset); err != nil {
		return nil, fmt.Errorf("--resume: %w", err)
	}
	return rows, nil
}
