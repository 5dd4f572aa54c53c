package enum

import (
	"fmt"
	"testing"
)

type color uint8

var colorNames = Table[color]{"red", "green", "blue"}

func (c color) String() string                { return colorNames.String(c) }
func (c color) MarshalText() ([]byte, error)  { return colorNames.MarshalText(c) }
func (c *color) UnmarshalText(b []byte) error { return colorNames.UnmarshalText(c, b) }

func TestRoundTrip(t *testing.T) {
	for i, name := range colorNames {
		var c color
		if err := c.UnmarshalText([]byte(name)); err != nil || c != color(i) {
			t.Errorf("UnmarshalText(%q) = %d, %v; want %d", name, c, err, i)
		}
		if b, err := c.MarshalText(); err != nil || string(b) != name {
			t.Errorf("MarshalText(%d) = %q, %v; want %q", c, b, err, name)
		}
		if c.String() != name {
			t.Errorf("String(%d) = %q, want %q", c, c.String(), name)
		}
	}
}

func TestUnknownName(t *testing.T) {
	c := color(2)
	err := c.UnmarshalText([]byte("Red"))
	want := `must be one of "red", "green", "blue", got "Red"`
	if err == nil || err.Error() != want {
		t.Errorf("UnmarshalText(Red) = %v, want %s", err, want)
	}
	if c != 2 {
		t.Errorf("a failed UnmarshalText changed the value to %d", c)
	}
}

func TestOutsideTheSet(t *testing.T) {
	c := color(7)
	if s := c.String(); s != "enum.color(7)" {
		t.Errorf("String = %q", s)
	}
	if _, err := c.MarshalText(); err == nil {
		t.Error("MarshalText of a value outside the set succeeded")
	}
}

func TestNamesIsACopy(t *testing.T) {
	n := colorNames.Names()
	n[0] = "black"
	if colorNames[0] != "red" {
		t.Error("Names returned the table itself")
	}
}

func ExampleTable() {
	var c color
	fmt.Println(c.UnmarshalText([]byte("blue")), c)
	fmt.Println(c.UnmarshalText([]byte("pink")))
	// Output:
	// <nil> blue
	// must be one of "red", "green", "blue", got "pink"
}
