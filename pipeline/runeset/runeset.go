// Package runeset is a set of runes of the Basic Multilingual Plane, as
// bits. The extractors and the conversion of traditional characters test
// sets of characters at nearly every rune or word of a text: a map lookup
// hashes each time, while a set's 8 KiB stay in cache.
package runeset

// BMP bounds a Set: runes from it on (and negative ones) are never
// members. Every Han character of the sets baogao keeps is below it;
// callers that meet rarer runes treat them apart.
const BMP = 0x10000

// Set is a set of runes below BMP. The zero value is empty.
type Set [BMP / 64]uint64

// Of returns the set of the runes of s.
func Of(s string) *Set {
	b := new(Set)
	for _, r := range s {
		b.Add(r)
	}
	return b
}

// Add adds r; runes outside [0, BMP) are ignored.
func (b *Set) Add(r rune) {
	if r >= 0 && r < BMP {
		b[r>>6] |= 1 << (r & 63)
	}
}

// Has reports whether r is in the set.
func (b *Set) Has(r rune) bool { return r >= 0 && r < BMP && b[r>>6]&(1<<(r&63)) != 0 }
