package searchindex

import (
	"unicode"
	"unicode/utf8"
)

// Grams are what makes phrase search exact whatever jieba does. In a run
// of word characters (letters, digits: what a query is mostly made of),
// every pair of adjacent characters is a term of the gram field, and the
// last character of the run is a term paired with endMark: postings only,
// no frequencies, positions or term vectors. A string of two word
// characters occurs in a document exactly when its pair does; a single
// character where some pair starts with it; a longer string only where
// all its pairs do, so the documents holding all its pairs are
// candidates, verified against the stored text (zoekt's design, with
// pairs instead of trigrams: Chinese words are mostly two characters).
// Punctuation and white space make no grams: a query with them is
// matched through its word characters and verified.
//
// Grams are taken from the repaired view with ASCII letters lower-cased,
// so that one posting list serves exact (case-sensitive) phrases and
// case-insensitive words; verification then applies the case rule.
//
// Measured on xwlb split per item (19,876 documents): pairs of all
// characters took 1.2× the text in bleve and single characters another
// 0.35×; pairs of word characters with end marks take less, and single
// characters are found through the pairs they start.

// endMark follows the last character of a run of word characters in its
// gram, so that every word character starts some gram.
const endMark = "\x00"

// isWordRune reports whether r makes grams: a letter, a digit or a mark.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// lowerASCII lower-cases the ASCII letters of s, which keeps every byte
// offset.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b := []byte(s)
			for k := i; k < len(b); k++ {
				if c := b[k]; 'A' <= c && c <= 'Z' {
					b[k] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// runs calls fn for each maximal run of word runes of s, with its rune
// start offsets (and the run's end last).
func runs(s string, fn func(starts []int)) {
	var starts []int
	for i, r := range s {
		if isWordRune(r) {
			starts = append(starts, i)
			continue
		}
		if len(starts) > 0 {
			fn(append(starts, i))
			starts = starts[:0]
		}
	}
	if len(starts) > 0 {
		fn(append(starts, len(s)))
	}
}

// queryPlan is how a string is looked up: the pairs all its matches hold,
// the single characters (runs of one word character) whose documents are
// found through the pairs they start, and whether holding all of them is
// holding the string.
type queryPlan struct {
	pairs, singles []string
	exact          bool
}

// planFor returns the plan of s (already lower-cased). It is exact for a
// string of two word characters; a string without word characters has no
// grams at all (every document is a candidate).
func planFor(s string) queryPlan {
	var p queryPlan
	seen := map[string]bool{}
	words := 0
	runs(s, func(starts []int) {
		n := len(starts) - 1
		words += n
		if n == 1 {
			p.singles = append(p.singles, s[starts[0]:starts[1]])
			return
		}
		for k := 0; k+1 < n; k++ {
			if g := s[starts[k]:starts[k+2]]; !seen[g] {
				seen[g] = true
				p.pairs = append(p.pairs, g)
			}
		}
	})
	// Two word characters are their pair; one is the pairs it starts.
	p.exact = words == utf8.RuneCountInString(s) &&
		(words == 2 && len(p.pairs) == 1 || words == 1 && len(p.singles) == 1)
	return p
}
