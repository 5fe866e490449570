package segment

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline/runeset"
)

// Words is a set of words a cut keeps whole: the initiative names of a run
// (its lexicon, learned or given), which jieba's dictionary does not know
// and would cut into pieces. Where one occurs, Cut takes it as one word and
// cuts the text around it as usual; so the dictionary itself never
// changes, and runs and indexes with different words share one Jieba.
//
// A Words is immutable and safe for concurrent use.
type Words struct {
	list    []string          // sorted
	byFirst map[rune][]string // words by first rune, longest first
	first   runeset.Set       // their first runes below runeset.BMP: find tests every rune
}

// NewWords returns the set of words (duplicates and empty strings are
// dropped). Words of one character are dropped too: jieba already keeps
// every character whole.
func NewWords(words []string) *Words {
	w := &Words{byFirst: map[rune][]string{}}
	for _, s := range words {
		if utf8.RuneCountInString(s) < 2 {
			continue
		}
		w.list = append(w.list, s)
	}
	slices.Sort(w.list)
	w.list = slices.Compact(w.list)
	for _, s := range w.list {
		r, _ := utf8.DecodeRuneInString(s)
		w.byFirst[r] = append(w.byFirst[r], s)
		w.first.Add(r)
	}
	for _, ws := range w.byFirst {
		slices.SortStableFunc(ws, func(a, b string) int { return len(b) - len(a) })
	}
	return w
}

// List returns the words, sorted. Nil Words have none.
func (w *Words) List() []string {
	if w == nil {
		return nil
	}
	return slices.Clone(w.list)
}

// Len returns the number of words.
func (w *Words) Len() int {
	if w == nil {
		return 0
	}
	return len(w.list)
}

// find returns the occurrences of the words in text, leftmost first,
// longest at each place, not overlapping.
func (w *Words) find(text string) []corpus.Span {
	if w.Len() == 0 {
		return nil
	}
	var out []corpus.Span
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r < runeset.BMP && !w.first.Has(r) {
			i += n
			continue
		}
		match := ""
		for _, s := range w.byFirst[r] {
			if strings.HasPrefix(text[i:], s) {
				match = s
				break
			}
		}
		if match == "" {
			i += n
			continue
		}
		out = append(out, corpus.Span{Start: i, End: i + len(match)})
		i += len(match)
	}
	return out
}
