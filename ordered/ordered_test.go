package ordered

import (
	"slices"
	"testing"
)

func TestTable(t *testing.T) {
	t.Parallel()
	a := New(Entry[int]{Key: "team", Doc: "the team", Value: 1}, Entry[int]{Key: "investor", Value: 2})
	if a.Len() != 2 || a.Key(0) != "team" || a.Doc(0) != "the team" || a.At(1) != 2 {
		t.Fatalf("New: %+v", a)
	}
	if v, ok := a.Get("investor"); !ok || v != 2 {
		t.Errorf("Get(investor) = %d, %v", v, ok)
	}
	if _, ok := a.Get("fund"); ok || a.Index("fund") != -1 {
		t.Error("Get(fund) found an entry that is not there")
	}
	// An existing key keeps its place and doc; a new one goes last.
	b := a.With("team", 10).With("fund", 3)
	if got := b.Keys(); !slices.Equal(got, []string{"team", "investor", "fund"}) {
		t.Errorf("keys after With = %v", got)
	}
	if b.At(0) != 10 || b.Doc(0) != "the team" || b.At(2) != 3 || b.Doc(2) != "" {
		t.Errorf("values after With: %+v", b)
	}
	// With never writes into the table it was called on.
	if a.At(0) != 1 || a.Len() != 2 {
		t.Errorf("With changed the original: %+v", a)
	}
	var keys []string
	var sum int
	for k, v := range b.All() {
		keys = append(keys, k)
		sum += v
	}
	if !slices.Equal(keys, b.Keys()) || sum != 15 {
		t.Errorf("All: %v, sum %d", keys, sum)
	}
	var zero Table[int]
	if zero.Len() != 0 || zero.With("x", 1).Len() != 1 {
		t.Error("the zero Table is not an empty, usable table")
	}
}

func TestNewRefusesBadKeys(t *testing.T) {
	t.Parallel()
	for name, entries := range map[string][]Entry[int]{
		"empty":    {{Key: ""}},
		"repeated": {{Key: "a"}, {Key: "a"}},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s key: New did not panic", name)
				}
			}()
			New(entries...)
		}()
	}
}
