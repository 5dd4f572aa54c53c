// Package params is seqsim's generic, reflection-based machinery for
// experiment parameters described in TOML: it decodes a file over a struct
// of defaults, addresses any parameter by a dotted path, writes the resolved
// experiment back out, documents the schema, reads the TOML form of a
// distribution (dist.Dist) and checks distributions for validators. It knows
// nothing about the experiment schema itself: any struct made of the
// supported shapes works.
//
// # Outline
//
//   - Schema: ordinary Go structs. A field's TOML key is its `toml` tag (or
//     its Go name); `unit` and `doc` tags document it; a `range` tag bounds
//     a numeric field (rangetag.go); toml:"-" and unexported fields are
//     skipped; untagged embedded structs are flattened. Supported shapes: nested structs (tables), slices of
//     structs (arrays of tables), slices of scalars, maps with string keys,
//     ordered tables (package ordered's Table, known by its methods: a
//     table with free keys that merges key by key, see table.go),
//     bool, all int/uint/float kinds, string (and named string types for
//     enums), dist.Dist, and types implementing toml.Marshaler+Unmarshaler or
//     encoding.TextMarshaler+TextUnmarshaler (a closed set of internal/enum
//     also lists its names as its unit, through EnumNames). Pointers and
//     interfaces are not.
//   - Paths: dotted TOML names with integer indices for array elements and
//     keys for map entries: "allocations.0.vesting.cliff_days",
//     "fees.split.2", "holders.team.sell_fraction".
//   - Decode: file over defaults; tables and ordered tables merge, arrays
//     and maps replace; a new ordered-table entry starts from the one its
//     like key names, or sets every key;
//     unknown keys, wrong types and bad distributions are all reported at
//     once as *field.Error ("baseline.toml:42: fees.burn: ...").
//   - KeyLines / Lines: where each key is in the source, since
//     BurntSushi/toml does not say.
//   - Set, Get, Paths: read and write any parameter by path (sweeps,
//     command-line overrides).
//   - Encode: the resolved experiment as TOML; Decode(Encode(x)) == x.
//   - Describe, MissingDocs, MarkdownTable: the parameter table.
//   - dist.Dist fields: distribution-valued parameters, written as a
//     number or as { dist = "beta", a = 2, b = 5 }; a bad parameter is
//     reported at its own key ("holders.team.sell_fraction.a").
//   - CheckTags: checks a value against its range tags, checks its
//     distributions, and calls the Validate (field.Validator) of every
//     section that has one, with the section's key as prefix: the model's
//     rules live beside its fields, and no dotted key is typed by hand.
//   - CheckDist: a distribution's problems recorded with a field.Checker
//     (the validation helpers schema validators use, in the public package
//     experiments/field), one per bad parameter.
package params
