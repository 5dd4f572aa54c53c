// Package atomicfile writes a file under a temporary name and renames it into
// place only when it is complete and synced, so a crash or an interrupt never
// leaves a half-written output (DESIGN.md, "Errors": nothing already written
// is lost).
package atomicfile

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
)

// File is a buffered file being written under a temporary name.
type File struct {
	*bufio.Writer
	f    *os.File
	path string
	done bool
}

// Create starts writing path; nothing appears at path until Commit.
func Create(path string) (*File, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("atomicfile: %w", err)
	}
	return &File{Writer: bufio.NewWriterSize(f, 1<<16), f: f, path: path}, nil
}

// Commit flushes, syncs and renames the file into place.
func (a *File) Commit() error {
	if a.done {
		return nil
	}
	a.done = true
	err := a.Flush()
	if err == nil {
		err = a.f.Sync()
	}
	if cerr := a.f.Close(); err == nil {
		err = cerr
	}
	if err == nil { // CreateTemp makes 0600 files; outputs are for sharing
		err = os.Chmod(a.f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(a.f.Name(), a.path)
	}
	if err != nil {
		os.Remove(a.f.Name())
		return fmt.Errorf("atomicfile: writing %s: %w", a.path, err)
	}
	return nil
}

// Abort discards the temporary file; safe to call after Commit.
func (a *File) Abort() {
	if a.done {
		return
	}
	a.done = true
	a.f.Close()
	os.Remove(a.f.Name())
}

// Write writes data to path atomically in one call.
func Write(path string, data []byte) error {
	a, err := Create(path)
	if err != nil {
		return err
	}
	if _, err := a.Writer.Write(data); err != nil {
		a.Abort()
		return fmt.Errorf("atomicfile: writing %s: %w", path, err)
	}
	return a.Commit()
}
