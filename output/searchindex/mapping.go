package searchindex

import (
	"fmt"
	"slices"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/baogao/baogao/corpus"
)

// Field names of the index. They appear in queries (title:医院) and in the
// stored documents.
const (
	FieldText       = "text"       // the document text; jieba, stored, term vectors
	FieldTitle      = "title"      // the title; jieba, stored, term vectors
	FieldPath       = "path"       // the path, one keyword
	FieldDocDate    = "doc_date"   // the document date as a datetime, for range filters
	FieldDate       = "date"       // the document date as written precision ISO text; stored only
	FieldInitiative = "initiative" // canonical initiative names, one keyword each
	FieldEncoding   = "encoding"   // "utf-8", "gb18030", ...; keyword
	FieldStatus     = "status"     // corpus.Status; keyword
)

// defaultFields are the fields a word without a field name searches.
var defaultFields = []string{FieldText, FieldTitle}

// newMapping returns the index mapping: one static document type, jieba as
// the default analyzer. No field goes into _all: words without a field
// are rewritten to search text and title (see withDefaultFields), which
// keeps phrases from running across the title into the text and saves
// indexing every word twice.
func newMapping() *mapping.IndexMappingImpl {
	im := bleve.NewIndexMapping()
	im.DefaultAnalyzer = AnalyzerName
	im.DefaultField = FieldText
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false

	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt(FieldText, textField(true))
	dm.AddFieldMappingsAt(FieldTitle, textField(true))
	dm.AddFieldMappingsAt(FieldPath, keywordField(true, false))
	dm.AddFieldMappingsAt(FieldInitiative, keywordField(true, true))
	dm.AddFieldMappingsAt(FieldEncoding, keywordField(false, true))
	dm.AddFieldMappingsAt(FieldStatus, keywordField(false, true))

	date := bleve.NewDateTimeFieldMapping()
	date.IncludeInAll = false
	dm.AddFieldMappingsAt(FieldDocDate, date)

	written := bleve.NewTextFieldMapping()
	written.Index, written.Store = false, true
	written.IncludeInAll, written.IncludeTermVectors, written.DocValues = false, false, false
	dm.AddFieldMappingsAt(FieldDate, written)

	im.DefaultMapping = dm
	return im
}

// textField is a jieba-analysed field with term vectors: phrase queries
// and highlighting need the positions and offsets. No doc values: they
// serve sorting and facets, never wanted on running text.
func textField(store bool) *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Analyzer = AnalyzerName
	f.Store = store
	f.IncludeInAll = false
	f.DocValues = false
	return f
}

// keywordField indexes the whole value as one term. Doc values serve the
// facets.
func keywordField(store, docValues bool) *mapping.FieldMapping {
	f := bleve.NewKeywordFieldMapping()
	f.Analyzer = keyword.Name
	f.Store = store
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	f.DocValues = docValues
	return f
}

// fields returns the fields of doc the mapping turns into index fields:
// all but the jieba fields text and title, which Writer.Add adds analysed.
func fields(doc *corpus.Document) map[string]any {
	m := map[string]any{
		FieldPath:     doc.Path,
		FieldEncoding: doc.Encoding,
		FieldStatus:   string(doc.Status()),
	}
	if !doc.Date.IsZero() {
		m[FieldDocDate] = dayStart(doc.Date)
		m[FieldDate] = isoDate(doc.Date)
	}
	if ins := initiatives(doc.Mentions); len(ins) > 0 {
		m[FieldInitiative] = ins
	}
	return m
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

// dayStart returns the first instant of d in UTC; an unknown month or day
// (0) counts from the start of the year or month.
func dayStart(d corpus.Date) time.Time {
	return time.Date(d.Year, time.Month(max(d.Month, 1)), max(d.Day, 1), 0, 0, 0, 0, time.UTC)
}

// dayEnd returns the start of the last day d covers: 2021 ends on
// 2021-12-31, 2021-02 on 2021-02-28. Stored dates are midnights, so an
// inclusive range up to dayEnd takes every document dated within d.
func dayEnd(d corpus.Date) time.Time {
	switch {
	case d.Month == 0:
		return time.Date(d.Year, time.December, 31, 0, 0, 0, 0, time.UTC)
	case d.Day == 0:
		// Day 0 of the next month is the last day of this one.
		return time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return dayStart(d)
}

// isoDate formats d at its written precision: "2021", "2021-04",
// "2021-04-08".
func isoDate(d corpus.Date) string {
	switch {
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return d.String()
}
