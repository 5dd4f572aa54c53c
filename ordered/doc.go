// Package ordered is a table of named entries of one type, in a fixed
// order: the shape of a TOML table with free keys whose entries merge key
// by key, such as the holder types of the token model ([holders.team],
// [holders.market_maker]).
//
// A Go map would do for lookups, but not for the two promises of an
// experiment file: its resolved form is written in a fixed order (the
// defaults' order, then new entries in the order they were added), and a
// file that sets one key of one entry keeps every other entry and key.
// The TOML codec (internal/params) knows a Table by its methods (Len, Key,
// Doc, At, With), so any schema can use it.
package ordered
