// Package prefix finds, at a position of a text, the longest of a set of
// strings that starts there: the scan that keeps a run's initiative names
// whole in segmentation (segment.Words) and finds lexicon names in text
// (initiative.Lexicon). Strings are indexed by their first two runes, so
// a position is compared with the few strings that start as it does; by
// the first rune alone, names starting with 中 or 全 are many, each
// compared at every such position.
package prefix

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/baogao/baogao/pipeline/runeset"
)

// Index is a set of strings. The zero Index is empty. An Index never
// changes after New and is safe for concurrent use.
type Index struct {
	byStart map[uint64][]string // by startKey, longest first
	first   runeset.Set         // first runes below runeset.BMP, a filter before the map
}

// New returns the index of words; empty strings are dropped.
func New(words []string) *Index {
	x := &Index{byStart: map[uint64][]string{}}
	for _, w := range words {
		if w == "" {
			continue
		}
		a, n := utf8.DecodeRuneInString(w)
		var b rune // 0: a word of one rune
		if n < len(w) {
			b, _ = utf8.DecodeRuneInString(w[n:])
		}
		x.byStart[startKey(a, b)] = append(x.byStart[startKey(a, b)], w)
		x.first.Add(a)
	}
	for k, ws := range x.byStart {
		slices.SortFunc(ws, func(p, q string) int { return cmp.Or(len(q)-len(p), strings.Compare(p, q)) })
		x.byStart[k] = slices.Compact(ws)
	}
	return x
}

// startKey packs the first two runes of a string.
func startKey(a, b rune) uint64 { return uint64(a)<<21 | uint64(b) }

// LongestAt returns the longest string of the index that s[i:] starts
// with, "" if none does.
func (x *Index) LongestAt(s string, i int) string {
	if x == nil || len(x.byStart) == 0 || i >= len(s) {
		return ""
	}
	a, n := utf8.DecodeRuneInString(s[i:])
	if a < runeset.BMP && !x.first.Has(a) {
		return ""
	}
	var b rune // 0 at the end of s
	if i+n < len(s) {
		b, _ = utf8.DecodeRuneInString(s[i+n:])
	}
	// Strings of two runes or more start with a and b; then those of one
	// rune, a.
	for _, k := range [2]uint64{startKey(a, b), startKey(a, 0)} {
		for _, w := range x.byStart[k] {
			if strings.HasPrefix(s[i:], w) {
				return w
			}
		}
		if b == 0 {
			break
		}
	}
	return ""
}
