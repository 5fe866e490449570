package searchindex

import (
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/baogao/baogao/corpus"
)

// The fields of the index. Documents arrive analysed (Writer.Add). The
// word fields are bleve's, which stores nothing but the ordinal ID; the
// gram fields are in the gram store (gramstore.go); texts are in the
// content store, everything else in the docs table.
const (
	fieldGrams      = "g"   // pairs of word characters of the text's repaired view (grams.go): exact phrases
	fieldTitleGrams = "tg"  // the same of the title
	fieldWords      = "w3"  // jieba words of three or more characters of the text: documents that hold them for certain
	fieldTitleWords = "tw3" // the same of the title
)

// Field names of queries (title:医院) and their meaning.
const (
	FieldText       = "text"       // the document text
	FieldTitle      = "title"      // the title
	FieldPath       = "path"       // the path: a substring of it
	FieldInitiative = "initiative" // a canonical initiative name (any written form)
	FieldYear       = "year"       // the year of the document date: 2024
	FieldMonth      = "month"      // the month of the document date: 2024-03
	FieldID         = "id"         // the document id
)

// queryFields are the fields a query may name, for the error that lists
// them.
var queryFields = []string{FieldText, FieldTitle, FieldPath, FieldInitiative, FieldYear, FieldMonth, FieldID}

// indexOptions of every field: which documents hold a term, nothing
// more. No frequencies: ranking counts occurrences in the stored text of
// the best candidates (see Search); no term vectors: highlights are
// computed from the stored text, so positions would only cost space and
// time (measured: 1.5× faster indexing and a quarter of the size without).
const indexOptions = index.IndexField | index.SkipFreqNorm

// newMapping returns the index mapping: one static document type with the
// two word fields, nothing dynamic, nothing stored.
func newMapping() *mapping.IndexMappingImpl {
	im := bleve.NewIndexMapping()
	im.DefaultAnalyzer = AnalyzerName
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false
	dm := bleve.NewDocumentStaticMapping()
	for _, f := range []string{fieldWords, fieldTitleWords} {
		fm := bleve.NewTextFieldMapping()
		fm.Analyzer = AnalyzerName
		fm.Store, fm.IncludeInAll, fm.IncludeTermVectors, fm.DocValues = false, false, false, false
		dm.AddFieldMappingsAt(f, fm)
	}
	im.DefaultMapping = dm
	return im
}

// initiatives returns the distinct canonical initiative names, sorted.
func initiatives(ms []corpus.Mention) []string {
	var out []string
	for _, m := range ms {
		if m.Kind == corpus.KindInitiative && m.Value != "" {
			out = append(out, m.Value)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
