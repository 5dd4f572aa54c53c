// Package enum writes a closed set of named values (an emission kind, an
// APR model, ...) once: a small integer type whose names live in one
// Table, indexed by value. The type's text methods, its String and the
// list of allowed values that the parameter tables show all come from that
// table, so the names are never repeated in a tag, a validator or a
// switch, and the model's daily loop compares integers.
//
// A closed set is declared as
//
//	type Mode uint8
//
//	const (
//		ModeRotation Mode = iota
//		ModeAuction
//	)
//
//	var modeNames = enum.Table[Mode]{"rotation", "auction"}
//
//	func (m Mode) String() string                { return modeNames.String(m) }
//	func (m Mode) MarshalText() ([]byte, error)  { return modeNames.MarshalText(m) }
//	func (m *Mode) UnmarshalText(b []byte) error { return modeNames.UnmarshalText(m, b) }
//	func (Mode) EnumNames() []string             { return modeNames.Names() }
//
// internal/params decodes such a field through UnmarshalText (an unknown
// name becomes a *field.Error with file, line and key), writes it
// through MarshalText, and lists EnumNames as the field's unit.
package enum
