package filetest

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

func TestHash(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "abc")
	if err := os.WriteFile(path, []byte("abc"), 0o644); err != nil {
		t.Fatal(err)
	}
	// FIPS 180-2, appendix B.1: SHA-256("abc").
	const want = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
	if got := Hash(t, path); got != want {
		t.Errorf("Hash = %s, want %s", got, want)
	}
}

func TestReadCSV(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "runs.csv")
	if err := os.WriteFile(path, []byte("point,run,x\n0,0,1.5\n0,1,\"a,b\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := ReadCSV(t, path)
	want := [][]string{{"point", "run", "x"}, {"0", "0", "1.5"}, {"0", "1", "a,b"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("ReadCSV = %q, want %q", got, want)
	}
}

// fatalRecorder stands in for a test: Fatal records its message and ends
// the goroutine, as testing.T's does; TempDir is the real test's.
type fatalRecorder struct {
	testing.TB
	t   *testing.T
	msg string
}

func (r *fatalRecorder) Helper() {}

func (r *fatalRecorder) TempDir() string { return r.t.TempDir() }

func (r *fatalRecorder) Fatal(args ...any) {
	r.msg = fmt.Sprint(args...)
	runtime.Goexit()
}

func (r *fatalRecorder) Fatalf(format string, args ...any) {
	r.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// fails runs f on a recorder of t in its own goroutine and returns what it
// failed with ("" if it returned).
func fails(t *testing.T, f func(tb testing.TB)) string {
	r := &fatalRecorder{t: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
	return r.msg
}

// TestMissingFileFails: a file that cannot be read fails the test, naming
// the file, instead of hashing or parsing nothing.
func TestMissingFileFails(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	missing := filepath.Join(dir, "runs.csv")
	if msg := fails(t, func(tb testing.TB) { Hash(tb, missing) }); !strings.Contains(msg, missing) {
		t.Errorf("Hash of a missing file: %q, want a failure naming %s", msg, missing)
	}
	if msg := fails(t, func(tb testing.TB) { ReadCSV(tb, missing) }); !strings.Contains(msg, missing) {
		t.Errorf("ReadCSV of a missing file: %q, want a failure naming %s", msg, missing)
	}
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("a,b\n1,2,3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if msg := fails(t, func(tb testing.TB) { ReadCSV(tb, bad) }); !strings.Contains(msg, bad) || !strings.Contains(msg, "wrong number of fields") {
		t.Errorf("ReadCSV of a ragged file: %q, want a failure naming %s and the field count", msg, bad)
	}
}

func TestCopyDir(t *testing.T) {
	t.Parallel()
	src := filepath.Join(t.TempDir(), "single")
	if err := os.MkdirAll(filepath.Join(src, "plots"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(src, "runs.csv"), []byte("point,run\n"), 0o644)
	os.WriteFile(filepath.Join(src, "plots", "a.svg"), []byte("<svg/>"), 0o644)
	dst := CopyDir(t, src)
	if filepath.Base(dst) != "single" || dst == src {
		t.Errorf("copy at %s, want a new folder named single", dst)
	}
	for _, f := range []string{"runs.csv", filepath.Join("plots", "a.svg")} {
		if Hash(t, filepath.Join(dst, f)) != Hash(t, filepath.Join(src, f)) {
			t.Errorf("%s differs in the copy", f)
		}
	}
	// Writing into the copy leaves the original alone.
	os.WriteFile(filepath.Join(dst, "runs.csv"), []byte("changed"), 0o644)
	if b, _ := os.ReadFile(filepath.Join(src, "runs.csv")); string(b) != "point,run\n" {
		t.Errorf("the original changed: %q", b)
	}
	if msg := fails(t, func(tb testing.TB) { CopyDir(tb, filepath.Join(src, "missing")) }); !strings.Contains(msg, "missing") {
		t.Errorf("CopyDir of a missing folder: %q, want a failure naming it", msg)
	}
}

// Golden passes on equal bytes, fails naming the first differing line
// (and the golden file) otherwise, and with update writes the file first.
func TestGolden(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "x.golden")
	if err := os.WriteFile(path, []byte("a\nb\nc\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if msg := fails(t, func(tb testing.TB) { Golden(tb, path, []byte("a\nb\nc\n"), false) }); msg != "" {
		t.Errorf("equal bytes failed: %q", msg)
	}
	msg := fails(t, func(tb testing.TB) { Golden(tb, path, []byte("a\nB\nc\n"), false) })
	if !strings.Contains(msg, path) || !strings.Contains(msg, "line 2") || !strings.Contains(msg, `got "B"`) {
		t.Errorf("a changed line: %q, want the file, line 2 and the line", msg)
	}
	if msg := fails(t, func(tb testing.TB) { Golden(tb, path, []byte("new\n"), true) }); msg != "" {
		t.Errorf("update failed: %q", msg)
	}
	if b, _ := os.ReadFile(path); string(b) != "new\n" {
		t.Errorf("update wrote %q", b)
	}
	if msg := fails(t, func(tb testing.TB) { Golden(tb, filepath.Join(t.TempDir(), "none"), nil, false) }); !strings.Contains(msg, "-update") {
		t.Errorf("a missing golden: %q, want a hint to -update", msg)
	}
}
