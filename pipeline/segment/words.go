package segment

import (
	"slices"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline/prefix"
)

// Words is a set of words a cut keeps whole: the initiative names of a run
// (its lexicon, learned or given), which jieba's dictionary does not know
// and would cut into pieces. Where one occurs, Cut takes it as one word and
// cuts the text around it as usual; so the dictionary itself never
// changes, and runs and indexes with different words share one Jieba.
//
// A Words is immutable and safe for concurrent use.
type Words struct {
	list []string // sorted
	scan *prefix.Index
}

// NewWords returns the set of words (duplicates and empty strings are
// dropped). Words of one character are dropped too: jieba already keeps
// every character whole.
func NewWords(words []string) *Words {
	w := &Words{}
	for _, s := range words {
		if utf8.RuneCountInString(s) < 2 {
			continue
		}
		w.list = append(w.list, s)
	}
	slices.Sort(w.list)
	w.list = slices.Compact(w.list)
	w.scan = prefix.New(w.list)
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
		match := w.scan.LongestAt(text, i)
		if match == "" {
			_, n := utf8.DecodeRuneInString(text[i:])
			i += n
			continue
		}
		out = append(out, corpus.Span{Start: i, End: i + len(match)})
		i += len(match)
	}
	return out
}
