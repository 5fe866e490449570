package searchindex

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline/segment"
)

// ErrNotIndex is returned by Open for a directory that holds no index
// written by this package.
var ErrNotIndex = errors.New("not a baogao search index")

// ErrQuery is wrapped by Search's error for a query that does not parse:
// the caller's mistake, not the index's.
var ErrQuery = errors.New("bad query")

// Index is an open index, read only.
//
// Concurrency: Search is safe for concurrent use; Close must not run
// during a Search.
type Index struct {
	dir string
	idx bleve.Index
	an  Analyzer
}

// Open opens the index at dir for searching. Queries are cut by j keeping
// the words the documents were cut with.
func Open(dir string, j *segment.Jieba) (*Index, error) {
	idx, err := bleve.OpenUsing(dir, map[string]interface{}{"read_only": true})
	if err != nil {
		if errors.Is(err, bleve.ErrorIndexPathDoesNotExist) || errors.Is(err, bleve.ErrorIndexMetaMissing) || errors.Is(err, bleve.ErrorIndexMetaCorrupt) {
			return nil, fmt.Errorf("searchindex: open %s: %w (%v)", dir, ErrNotIndex, err)
		}
		return nil, fmt.Errorf("searchindex: open %s: %w", dir, err)
	}
	v, err := idx.GetInternal(markerKey)
	if err == nil && !bytes.Equal(v, markerValue) {
		err = fmt.Errorf("%w (bleve index without the %s marker)", ErrNotIndex, markerKey)
	}
	if err != nil {
		_ = idx.Close()
		return nil, fmt.Errorf("searchindex: open %s: %w", dir, err)
	}
	ix := &Index{dir: dir, idx: idx}
	words, err := ix.words()
	if err != nil {
		_ = idx.Close()
		return nil, err
	}
	ix.an = Analyzer{Jieba: j, Words: segment.NewWords(words)}
	return ix, nil
}

// Words returns the words the index's documents were cut keeping whole.
func (ix *Index) Words() *segment.Words { return ix.an.Words }

// Close closes the index.
func (ix *Index) Close() error { return ix.idx.Close() }

// Request is one search.
type Request struct {
	// Query is in bleve query-string syntax: words, "quoted phrases",
	// +required, -excluded, field:value (fields title, text, path,
	// initiative). Words without a field search text and title. Empty
	// matches every document.
	Query string
	// N is the page size and From the offset of the first hit. N 0 asks
	// for the total and the facets only.
	N, From int
	// After and Before keep documents dated within them, both inclusive,
	// at their precision (Before 2021 takes all of 2021). Zero: open end.
	// Undated documents fall out when either is set.
	After, Before corpus.Date
	// Initiatives keeps documents mentioning all of these canonical
	// initiative names.
	Initiatives []string
	// Highlight is the snippet style: HighlightPlain (""), HighlightHTML
	// or HighlightANSI.
	Highlight string
	// Facets is how many initiatives to count over all hits, most
	// frequent first. 0: none.
	Facets int
}

// Hit is one matching document. The JSON names are part of the search
// command's and the server's output.
type Hit struct {
	ID    string  `json:"id"`
	Path  string  `json:"path"`
	Title string  `json:"title"`
	Date  string  `json:"date"`  // ISO 8601 at the written precision, or "" when undated
	Score float64 `json:"score"` // bleve's tf-idf score
	// Snippets are highlighted passages: the best one of the text, then
	// the title when the query matched it. Empty when only filters
	// matched.
	Snippets []string `json:"snippets"`
}

// Facet is one value of a facet and the number of hits with it.
type Facet struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// Result is one page of hits.
type Result struct {
	Total       uint64        `json:"total"` // hits in all pages
	Hits        []Hit         `json:"hits"`
	Initiatives []Facet       `json:"initiatives"` // the initiative facet, when Request.Facets > 0
	Took        time.Duration `json:"-"`
}

// Search runs req. Ties in score are ordered by document ID, so results
// are stable.
func (ix *Index) Search(ctx context.Context, req Request) (*Result, error) {
	sr, err := ix.an.searchRequest(&req)
	if err != nil {
		return nil, err
	}
	res, err := ix.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("searchindex: search %s: %w", ix.dir, err)
	}
	out := &Result{Total: res.Total, Took: res.Took, Hits: make([]Hit, 0, len(res.Hits)), Initiatives: []Facet{}}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, hit(h))
	}
	if f, ok := res.Facets[FieldInitiative]; ok && f.Terms != nil {
		for _, t := range f.Terms.Terms() {
			out.Initiatives = append(out.Initiatives, Facet{Name: t.Term, Count: t.Count})
		}
	}
	return out, nil
}

// searchRequest translates req into a bleve request.
func (a Analyzer) searchRequest(req *Request) (*bleve.SearchRequest, error) {
	if !utf8.ValidString(req.Query) {
		return nil, fmt.Errorf("searchindex: query %q: invalid UTF-8", req.Query)
	}
	if req.N < 0 || req.From < 0 || req.Facets < 0 {
		return nil, fmt.Errorf("searchindex: negative N, From or Facets (%d, %d, %d)", req.N, req.From, req.Facets)
	}
	style, err := highlighterName(req.Highlight)
	if err != nil {
		return nil, err
	}
	q, err := a.parseQuery(req.Query)
	if err != nil {
		return nil, err
	}
	if fs := filters(req); len(fs) > 0 {
		// A filter narrows the hits without changing their scores.
		b := query.NewBooleanQuery([]query.Query{q}, nil, nil)
		b.AddFilter(query.NewConjunctionQuery(fs))
		q = b
	}
	sr := bleve.NewSearchRequestOptions(q, req.N, req.From, false)
	sr.Fields = []string{FieldPath, FieldTitle, FieldDate}
	sr.SortBy([]string{"-_score", "_id"})
	sr.Highlight = bleve.NewHighlightWithStyle(style)
	sr.Highlight.Fields = []string{FieldText, FieldTitle}
	if req.Facets > 0 {
		sr.AddFacet(FieldInitiative, bleve.NewFacetRequest(FieldInitiative, req.Facets))
	}
	return sr, nil
}

// hit converts a bleve hit, reading the stored fields.
func hit(h *search.DocumentMatch) Hit {
	str := func(f string) string { s, _ := h.Fields[f].(string); return s }
	out := Hit{ID: h.ID, Path: str(FieldPath), Title: str(FieldTitle), Date: str(FieldDate), Score: h.Score}
	for _, f := range []string{FieldText, FieldTitle} {
		for _, s := range h.Fragments[f] {
			// bleve formats an empty field as one empty fragment.
			if s != "" {
				out.Snippets = append(out.Snippets, s)
			}
		}
	}
	return out
}
