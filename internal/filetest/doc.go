// Package filetest holds the helpers that tests in several packages use
// to look at the files a study writes, written once:
//
//   - [Hash]: the SHA-256 of a file, for "same seed, same bytes" checks
//     and the goldens;
//   - [ReadCSV]: every record of a small CSV file;
//   - [CopyDir]: a fresh copy of a fixture folder to write into.
//
// Each fails the calling test at once when the file cannot be read, so a
// test never compares the hash of a missing file. Only _test.go files may
// import it (internal/archtest checks this): it imports package testing.
package filetest
