package experiments

import (
	"embed"
	"slices"
	"strings"
)

//go:embed *.toml
var embedded embed.FS

// Embedded returns the source of the embedded experiment name (without
// .toml), or nil.
func Embedded(name string) []byte {
	b, err := embedded.ReadFile(name + ".toml")
	if err != nil {
		return nil
	}
	return b
}

// EmbeddedNames lists the embedded experiments.
func EmbeddedNames() []string {
	ents, _ := embedded.ReadDir(".")
	var out []string
	for _, e := range ents {
		out = append(out, strings.TrimSuffix(e.Name(), ".toml"))
	}
	slices.Sort(out)
	return out
}
