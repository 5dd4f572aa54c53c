package filetest

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Hash returns the SHA-256 of the file at path in lower-case hex (as
// sha256sum prints it). It fails the test if the file cannot be read.
func Hash(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// ReadCSV returns every record of the CSV file at path, the header first.
// The whole file is read into memory: it is meant for the small tables
// tests write. It fails the test if the file cannot be read or parsed.
func ReadCSV(t testing.TB, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

// CopyDir copies the folder src, with everything in it, into a fresh
// temporary folder of the test and returns the copy's path, which ends in
// src's last element (so messages that name the folder read the same).
// Tests that write into a fixture use it to leave testdata/ untouched. It
// fails the test if the copy fails.
func CopyDir(t testing.TB, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), filepath.Base(src))
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatalf("copy %s: %v", src, err)
	}
	return dst
}

// Golden compares got with the golden file at path; with update (a test's
// -update flag, set only for a deliberate change) it first writes got
// there. On a difference it fails the test naming the first line that
// differs, and saves got among the test's temporary files.
func Golden(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	i := 0
	for i < len(gl) && i < len(wl) && gl[i] == wl[i] {
		i++
	}
	line := func(ls []string) string {
		if i < len(ls) {
			return ls[i]
		}
		return "(end of file)"
	}
	saved := filepath.Join(t.TempDir(), filepath.Base(path)+".got")
	_ = os.WriteFile(saved, got, 0o644)
	t.Fatalf("%s differs at line %d:\n got %q\nwant %q\n(all of it: %s)", path, i+1, line(gl), line(wl), saved)
}
