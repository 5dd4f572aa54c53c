package filetest

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"os"
	"path/filepath"
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
