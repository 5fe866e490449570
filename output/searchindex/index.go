package searchindex

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline/extract/initiative"
	"github.com/baogao/baogao/pipeline/segment"
)

// ErrNotIndex is returned by Open for a directory that holds no index
// written by this package.
var ErrNotIndex = errors.New("not a baogao search index")

// ErrQuery is wrapped by Search's error for a query that does not parse
// (a *QueryError): the caller's mistake, not the index's.
var ErrQuery = errors.New("bad query")

// Index is an open index, read only.
//
// Concurrency: Search is safe for concurrent use; Close must not run
// during a Search.
type Index struct {
	dir     string
	bi      bleve.Index
	r       index.IndexReader // one snapshot for the life of the Index
	docs    *docTable
	ordOf   []uint32 // bleve's internal document number → ordinal
	content *contentReader
	grams   *gramReader // the postings of the gram fields
	an      Analyzer
	// inits canonicalises initiative names as the run that built the
	// index did: the built-in lexicon and the words it kept whole.
	inits  *initiative.Extractor
	byInit map[string]*roaring.Bitmap // canonical initiative → ordinals
	all    *roaring.Bitmap
	// textLen and titleLen are the total field lengths, for BM25's
	// average.
	textLen, titleLen uint64
	byID              map[string]uint32 // document id → ordinal
	// deleted are the ordinals of documents an incremental run or a merge
	// left out of a part (parts.go): they are in the postings, and no
	// search sees them. nil: none.
	deleted *roaring.Bitmap
	// label names the index in hits: its directory, or for a part the
	// directory of the index it is part of (OpenSet).
	label string
}

// Open opens the index at dir for searching. Queries are cut by j keeping
// the words the documents were cut with. A run's output directory is taken
// for its index (OUT/index).
func Open(dir string, j *segment.Jieba) (*Index, error) {
	if st, err := os.Stat(filepath.Join(dir, "index", docsFile)); err == nil && !st.IsDir() {
		dir = filepath.Join(dir, "index")
	}
	return openPart(dir, j, nil)
}

// openPart opens the index at dir, leaving out the documents with the
// deleted ids.
func openPart(dir string, j *segment.Jieba, deleted []string) (*Index, error) {
	docs, err := readDocs(filepath.Join(dir, docsFile))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("searchindex: open %s: %w (no %s)", dir, ErrNotIndex, docsFile)
		}
		return nil, fmt.Errorf("searchindex: open %s: %w: %w", dir, ErrNotIndex, err)
	}
	bi, err := bleve.OpenUsing(filepath.Join(dir, bleveDir), map[string]interface{}{"read_only": true})
	if err != nil {
		return nil, fmt.Errorf("searchindex: open %s: %w (%v)", dir, ErrNotIndex, err)
	}
	ix := &Index{dir: dir, label: dir, bi: bi, docs: docs, byInit: map[string]*roaring.Bitmap{}}
	if len(deleted) > 0 {
		ix.deleted = roaring.New()
		gone := map[string]bool{}
		for _, id := range deleted {
			gone[id] = true
		}
		for ord, id := range docs.ID {
			if gone[id] {
				ix.deleted.Add(uint32(ord))
			}
		}
	}
	if err := ix.load(); err != nil {
		ix.Close()
		return nil, fmt.Errorf("searchindex: open %s: %w", dir, err)
	}
	ix.an = Analyzer{Jieba: j, Words: segment.NewWords(docs.Words)}
	lex := &initiative.Lexicon{}
	for _, w := range docs.Words {
		lex.Add(w, "")
	}
	ix.inits = initiative.New(initiative.Options{Lexicon: lex})
	return ix, nil
}

// load opens the reader and the content store and builds what searches
// look up: the ordinal of each internal document number, the documents of
// each initiative, the field lengths.
func (ix *Index) load() error {
	adv, err := ix.bi.Advanced()
	if err != nil {
		return err
	}
	if ix.r, err = adv.Reader(); err != nil {
		return err
	}
	n := ix.docs.len()
	count, err := ix.r.DocCount()
	if err != nil {
		return err
	}
	if int(count) != n {
		return fmt.Errorf("%w: %d documents in bleve, %d in the docs table", ErrNotIndex, count, n)
	}
	ix.ordOf = make([]uint32, n)
	ids, err := ix.r.DocIDReaderAll()
	if err != nil {
		return err
	}
	defer ids.Close()
	for {
		id, err := ids.Next()
		if err != nil {
			return err
		}
		if id == nil {
			break
		}
		num := docNum(id)
		ext, err := ix.r.ExternalID(id)
		if err != nil {
			return err
		}
		ord, err := strconv.Atoi(ext)
		if err != nil || num >= uint64(n) || ord < 0 || ord >= n {
			return fmt.Errorf("%w: document %q at %d of %d", ErrNotIndex, ext, num, n)
		}
		ix.ordOf[num] = uint32(ord)
	}
	ix.all = roaring.New()
	ix.all.AddRange(0, uint64(n))
	if ix.deleted != nil {
		ix.all.AndNot(ix.deleted)
	}
	ix.byID = make(map[string]uint32, n)
	for ord := range n {
		if ix.deleted != nil && ix.deleted.Contains(uint32(ord)) {
			continue
		}
		ix.byID[ix.docs.ID[ord]] = uint32(ord)
		for _, id := range ix.docs.Inits[ord] {
			name := ix.docs.Names[id]
			b := ix.byInit[name]
			if b == nil {
				b = roaring.New()
				ix.byInit[name] = b
			}
			b.Add(uint32(ord))
		}
		ix.textLen += uint64(ix.docs.TextWords[ord])
		ix.titleLen += uint64(ix.docs.TitleWords[ord])
	}
	if ix.grams, err = openGrams(filepath.Join(ix.dir, gramsFile)); err != nil {
		return err
	}
	ix.content, err = openContent(filepath.Join(ix.dir, contentFile), ix.docs.Blocks)
	return err
}

// docNum decodes scorch's internal document number: 8 bytes, big-endian.
func docNum(id index.IndexInternalID) uint64 { return binary.BigEndian.Uint64(id) }

// Close closes the index.
func (ix *Index) Close() error {
	var errs []error
	if ix.content != nil {
		errs = append(errs, ix.content.close())
	}
	if ix.grams != nil {
		errs = append(errs, ix.grams.close())
	}
	if ix.r != nil {
		errs = append(errs, ix.r.Close())
	}
	errs = append(errs, ix.bi.Close())
	return errors.Join(errs...)
}

// Dir returns the index directory.
func (ix *Index) Dir() string { return ix.dir }

// Label returns the directory hits name: Dir, or for a part the index it
// is part of.
func (ix *Index) Label() string { return ix.label }

// Len returns the number of documents searched.
func (ix *Index) Len() int { return int(ix.all.GetCardinality()) }

// Words returns the words the index's documents were cut keeping whole.
func (ix *Index) Words() *segment.Words { return ix.an.Words }

// Initiative returns the canonical name of a written form of an
// initiative, as the run that built the index names it.
func (ix *Index) Initiative(name string) string { return ix.inits.Name(name) }

// Doc is one document as the index holds it.
type Doc struct {
	ID, Path, Title string
	Date            corpus.Date
	Text            string // as written; the target of mention offsets
}

// ErrNoDoc is returned by Document for an id the index does not hold.
var ErrNoDoc = errors.New("no such document")

// Document returns the document with the id, or ErrNoDoc.
func (ix *Index) Document(id string) (Doc, error) {
	ord, ok := ix.byID[id]
	if !ok {
		return Doc{}, fmt.Errorf("searchindex: %s: %w", id, ErrNoDoc)
	}
	text, _, err := ix.text(ord)
	if err != nil {
		return Doc{}, err
	}
	return Doc{ID: id, Path: ix.docs.Path[ord], Title: ix.docs.Title[ord], Date: unpackDate(ix.docs.Date[ord]), Text: text}, nil
}

// text returns the stored text of document ord and its repaired view
// (the text itself when they are equal).
func (ix *Index) text(ord uint32) (text, view string, err error) {
	b, err := ix.content.block(ix.docs.Block[ord])
	if err != nil {
		return "", "", err
	}
	off := ix.docs.Off[ord]
	tl, vl := ix.docs.TextLen[ord], ix.docs.ViewLen[ord]
	if int(off+tl+vl) > len(b) {
		return "", "", fmt.Errorf("searchindex: content of document %d out of its block", ord)
	}
	text = b[off : off+tl]
	view = text
	if vl > 0 {
		view = b[off+tl : off+tl+vl]
	}
	return text, view, nil
}

// Request is one search.
type Request struct {
	// Query is in the query language of this package (see query.go):
	// words, "quoted phrases", AND, OR, NOT, parentheses, +required,
	// -excluded, field:value. Empty matches every document.
	Query string
	// Or makes juxtaposed clauses alternatives instead of all required.
	Or bool
	// N is the page size and From the offset of the first hit. N 0 asks
	// for the total and the facets only.
	N, From int
	// After and Before keep documents dated within them, both inclusive,
	// at their precision (Before 2021 takes all of 2021). Zero: open end.
	// Undated documents fall out when either is set.
	After, Before corpus.Date
	// Initiatives keeps documents mentioning all of these initiatives
	// (any written form: canonicalised as the index's run did).
	Initiatives []string
	// Kinds keeps documents with mentions of all of these kinds (date,
	// number, initiative, org, person, place, ...).
	Kinds []string
	// Highlight is the snippet style: HighlightPlain (""), HighlightHTML
	// or HighlightANSI.
	Highlight string
	// Facets is how many initiatives to count over all hits, most
	// frequent first. 0: none. Years and months are always counted.
	Facets int
}

// Hit is one matching document. The JSON names are part of the search
// command's and the server's output.
type Hit struct {
	ID    string  `json:"id"`
	Path  string  `json:"path"`
	Title string  `json:"title"`
	Date  string  `json:"date"`  // ISO 8601 at the written precision, or "" when undated
	Score float64 `json:"score"` // BM25 over words and phrases, title matches weighing double
	// Snippets are highlighted passages: the best of the text, then the
	// title when the query matched it. Empty when only filters matched.
	Snippets []string `json:"snippets"`
	// Index is the directory of the index holding the hit, when several
	// were searched.
	Index string `json:"index,omitempty"`
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
	Years       []Facet       `json:"years"`       // hits by year of the document date, in order
	Months      []Facet       `json:"months"`      // hits by month (YYYY-MM), in order
	Took        time.Duration `json:"-"`
}

// Search runs req over ix.
func (ix *Index) Search(ctx context.Context, req Request) (*Result, error) {
	return Search(ctx, []*Index{ix}, req)
}
