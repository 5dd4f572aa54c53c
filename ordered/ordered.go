package ordered

import (
	"fmt"
	"iter"
	"slices"
)

// Entry is one named entry of a Table.
type Entry[T any] struct {
	Key   string // the entry's TOML key
	Doc   string // one line written above the entry in resolved files; may be empty
	Value T
}

// Table is an ordered list of entries with distinct keys. It is a value:
// With returns a new Table and never writes into the storage of the one
// it was called on, so a copy of a struct holding a Table (one scenario
// point made from another) can be changed without touching the original.
// The zero Table is empty and ready to use.
type Table[T any] struct {
	entries []Entry[T]
}

// New returns a table of the given entries in their order. It panics on
// an empty or repeated key: a table of defaults is written in Go, and such
// a key is a programming error.
func New[T any](entries ...Entry[T]) Table[T] {
	for i, e := range entries {
		if e.Key == "" {
			panic("ordered: empty key")
		}
		for _, f := range entries[:i] {
			if f.Key == e.Key {
				panic(fmt.Sprintf("ordered: key %q twice", e.Key))
			}
		}
	}
	return Table[T]{entries: slices.Clone(entries)}
}

// Len is the number of entries.
func (t Table[T]) Len() int { return len(t.entries) }

// Key is the key of entry i (0 <= i < Len).
func (t Table[T]) Key(i int) string { return t.entries[i].Key }

// Doc is the documentation line of entry i (0 <= i < Len).
func (t Table[T]) Doc(i int) string { return t.entries[i].Doc }

// At is the value of entry i (0 <= i < Len).
func (t Table[T]) At(i int) T { return t.entries[i].Value }

// Index is the position of key, or -1 when the table has no such entry.
func (t Table[T]) Index(key string) int {
	for i, e := range t.entries {
		if e.Key == key {
			return i
		}
	}
	return -1
}

// Get is the value of key, and whether the table has it.
func (t Table[T]) Get(key string) (T, bool) {
	if i := t.Index(key); i >= 0 {
		return t.entries[i].Value, true
	}
	var zero T
	return zero, false
}

// Keys lists the keys in order (a new slice).
func (t Table[T]) Keys() []string {
	out := make([]string, len(t.entries))
	for i, e := range t.entries {
		out[i] = e.Key
	}
	return out
}

// All yields the keys and values in order.
func (t Table[T]) All() iter.Seq2[string, T] {
	return func(yield func(string, T) bool) {
		for _, e := range t.entries {
			if !yield(e.Key, e.Value) {
				return
			}
		}
	}
}

// With returns a copy of t in which key has value v: an existing entry
// keeps its place and its doc, a new one goes last without a doc. It
// panics on an empty key.
func (t Table[T]) With(key string, v T) Table[T] {
	if key == "" {
		panic("ordered: empty key")
	}
	out := make([]Entry[T], len(t.entries), len(t.entries)+1)
	copy(out, t.entries)
	if i := t.Index(key); i >= 0 {
		out[i].Value = v
	} else {
		out = append(out, Entry[T]{Key: key, Value: v})
	}
	return Table[T]{entries: out}
}
