package searchindex

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight"
	"github.com/blevesearch/bleve/v2/search/highlight/format/ansi"
	"github.com/blevesearch/bleve/v2/search/highlight/format/html"
	"github.com/blevesearch/bleve/v2/search/highlight/format/plain"
	fragmenter "github.com/blevesearch/bleve/v2/search/highlight/fragmenter/simple"
	"github.com/blevesearch/bleve/v2/search/highlight/highlighter/simple"
	index "github.com/blevesearch/bleve_index_api"
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

// highlighterNames maps a Request.Highlight style to the name of our
// highlighter in bleve's registry.
var highlighterNames = map[string]string{
	HighlightPlain: AnalyzerName + "-plain",
	HighlightHTML:  AnalyzerName + "-html",
	HighlightANSI:  AnalyzerName + "-ansi",
}

func init() {
	formatters := map[string]highlight.FragmentFormatter{
		HighlightPlain: plain.NewFragmentFormatter(MarkStart, MarkEnd),
		HighlightHTML:  html.NewFragmentFormatter("<mark>", "</mark>"),
		HighlightANSI:  ansi.NewFragmentFormatter(ansi.DefaultAnsiHighlight),
	}
	for style, name := range highlighterNames {
		f := formatters[style]
		err := registry.RegisterHighlighter(name, func(map[string]interface{}, *registry.Cache) (highlight.Highlighter, error) {
			return highlighter{simple.NewHighlighter(fragmenter.NewFragmenter(snippetRunes), f, simple.DefaultSeparator)}, nil
		})
		if err != nil {
			panic(err)
		}
	}
}

// highlighterName returns the registered highlighter for a style.
func highlighterName(style string) (string, error) {
	name, ok := highlighterNames[style]
	if !ok {
		return "", fmt.Errorf("searchindex: unknown highlight style %q (want %q, %q or %q)", style, HighlightPlain, HighlightHTML, HighlightANSI)
	}
	return name, nil
}

// highlighter is bleve's simple highlighter with overlapping matches
// merged first. Search mode puts 中国, 科学院 and 中国科学院 over the same
// bytes; bleve's own merge (TermLocations.MergeOverlapping) only compares
// with the first location and can shorten it, so it would mark ⟦中国⟧科学院
// or drop a word. Merged into disjoint spans, every mark covers a whole
// word.
type highlighter struct{ *simple.Highlighter }

// BestFragmentInField implements highlight.Highlighter.
func (h highlighter) BestFragmentInField(dm *search.DocumentMatch, doc index.Document, field string) string {
	if f := h.BestFragmentsInField(dm, doc, field, 1); len(f) > 0 {
		return f[0]
	}
	return ""
}

// BestFragmentsInField implements highlight.Highlighter.
func (h highlighter) BestFragmentsInField(dm *search.DocumentMatch, doc index.Document, field string, num int) []string {
	if tlm, ok := dm.Locations[field]; ok {
		dm.Locations[field] = mergeLocations(tlm)
	}
	return h.Highlighter.BestFragmentsInField(dm, doc, field, num)
}

// mergeLocations returns the union of the locations in tlm as disjoint
// locations, each under the term of the longest location it covers.
// Locations that only touch stay apart, so adjacent words get separate
// marks.
func mergeLocations(tlm search.TermLocationMap) search.TermLocationMap {
	type loc struct {
		term string
		*search.Location
	}
	var all []loc
	for term, ls := range tlm {
		for _, l := range ls {
			all = append(all, loc{term, l})
		}
	}
	slices.SortFunc(all, func(a, b loc) int {
		if c := slices.Compare(a.ArrayPositions, b.ArrayPositions); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		if c := cmp.Compare(b.End, a.End); c != 0 {
			return c
		}
		return cmp.Compare(a.term, b.term)
	})
	out := search.TermLocationMap{}
	for i := 0; i < len(all); {
		// all[i] starts a group and, sorted longest first, names it.
		first := all[i]
		merged := *first.Location
		for i++; i < len(all) && all[i].Start < merged.End && slices.Equal(all[i].ArrayPositions, merged.ArrayPositions); i++ {
			merged.End = max(merged.End, all[i].End)
		}
		out[first.term] = append(out[first.term], &merged)
	}
	return out
}
