package searchindex

import (
	"html"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline/normalize"
)

// Highlight styles of Request.Highlight.
const (
	HighlightPlain = ""     // matches between ⟦ and ⟧, other text as is
	HighlightHTML  = "html" // <mark>…</mark>, other text HTML-escaped
	HighlightANSI  = "ansi" // yellow background for terminals
)

// Plain markers of HighlightPlain: brackets that reports do not use.
const (
	MarkStart = "⟦"
	MarkEnd   = "⟧"
)

// snippetRunes is the length of a snippet in characters: about two lines
// of Chinese.
const snippetRunes = 100

// style formats a snippet: marks around matches, escaping of the rest.
type style struct {
	open, close string
	escape      func(string) string
}

var styles = map[string]style{
	HighlightPlain: {MarkStart, MarkEnd, func(s string) string { return s }},
	HighlightHTML:  {"<mark>", "</mark>", html.EscapeString},
	HighlightANSI:  {"\x1b[43m", "\x1b[0m", func(s string) string { return s }},
}

// sentenceEnds end a sentence where snippets prefer to start and stop.
const sentenceEnds = "。！？!?；;\n"

// snippet returns the passage of text (whose repaired view is view; ""
// when it is text itself) of at most limit characters that holds the most
// occurrences of the leaves, every occurrence in it marked; "" when none
// occurs. Occurrences are found in the view as the search matched them
// (phrases with their case, words without) and mapped back to the text as
// written. The passage starts at the beginning of a sentence when one is
// near, and is cut at a sentence end when it can be.
func snippet(text, view string, leaves []leaf, st style, limit int) string {
	spans := occurrences(text, view, leaves)
	if len(spans) == 0 {
		return ""
	}
	start, end := window(text, spans, limit)
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	pos := start
	for _, s := range spans {
		if s.End <= start || s.Start >= end {
			continue
		}
		s.Start, s.End = max(s.Start, start), min(s.End, end)
		b.WriteString(st.escape(text[pos:s.Start]))
		b.WriteString(st.open)
		b.WriteString(st.escape(text[s.Start:s.End]))
		b.WriteString(st.close)
		pos = s.End
	}
	b.WriteString(st.escape(text[pos:end]))
	if end < len(text) {
		b.WriteString("…")
	}
	return b.String()
}

// occurrences returns the spans of text that hold a leaf, sorted, merged
// where they overlap.
func occurrences(text, view string, leaves []leaf) []corpus.Span {
	var v *normalize.View
	if view == "" || view == text {
		view = text
	} else {
		v = normalize.Repair(text) // the view again, with its map back
		view = v.Text
	}
	lower := ""
	var spans []corpus.Span
	for _, l := range leaves {
		hay := view
		if !l.exact {
			if lower == "" {
				lower = lowerASCII(view)
			}
			hay = lower
		}
		if l.s == "" {
			continue
		}
		for i := 0; ; {
			k := strings.Index(hay[i:], l.s)
			if k < 0 {
				break
			}
			s, e := i+k, i+k+len(l.s)
			if v != nil {
				s, e = v.Orig(s, e)
			}
			spans = append(spans, corpus.Span{Start: s, End: e})
			i += k + len(l.s)
		}
	}
	slices.SortFunc(spans, func(a, b corpus.Span) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	out := spans[:0]
	for _, s := range spans {
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// window picks the passage of at most limit characters holding the most
// spans (the earliest on a tie) and returns its byte bounds.
func window(text string, spans []corpus.Span, limit int) (start, end int) {
	best, bestN := 0, 0
	for i := range spans {
		n, k := 0, i
		for k < len(spans) && utf8.RuneCountInString(text[spans[i].Start:spans[k].End]) <= limit {
			n++
			k++
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	first := spans[best]
	if utf8.RuneCountInString(text[first.Start:first.End]) >= limit {
		return first.Start, first.End
	}
	// Start at the sentence of the first span when it is near, else a
	// little before the span.
	start = sentenceStart(text, first.Start)
	if utf8.RuneCountInString(text[start:first.Start]) > limit/3 {
		start = back(text, first.Start, limit/5)
	}
	end = forward(text, start, limit)
	last := spans[best+max(bestN, 1)-1]
	if end < last.End {
		end = last.End
	}
	// Prefer to stop at a sentence end inside the passage, after the
	// spans.
	if i := strings.LastIndexAny(text[last.End:end], sentenceEnds); i >= 0 && end < len(text) {
		_, n := utf8.DecodeRuneInString(text[last.End+i:])
		end = last.End + i + n
	}
	for start < first.Start && (text[start] == '\n' || text[start] == ' ') {
		start++
	}
	return start, start + len(strings.TrimRight(text[start:end], "\n "))
}

// sentenceStart returns where the sentence holding byte i begins.
func sentenceStart(text string, i int) int {
	if k := strings.LastIndexAny(text[:i], sentenceEnds); k >= 0 {
		_, n := utf8.DecodeRuneInString(text[k:])
		return k + n
	}
	return 0
}

// back returns the offset n runes before i.
func back(text string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(text[:i])
		i -= size
	}
	return i
}

// forward returns the offset n runes after i.
func forward(text string, i, n int) int {
	for ; n > 0 && i < len(text); n-- {
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return i
}
