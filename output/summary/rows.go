package summary

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline/extract/date"
	"github.com/baogao/baogao/pipeline/extract/number"
)

// DocumentRow is one row of documents.parquet. Struct tags give the
// column names and Parquet types; SCHEMA.md explains each column.
type DocumentRow struct {
	ID   string `parquet:"id"`
	Path string `parquet:"path"`
	Item int32  `parquet:"item"`
	// Line is the 1-based line where a document of a multi-document file
	// (JSONL line, CSV row, -split section) starts; nil for whole files.
	Line  *int32  `parquet:"line"`
	Title *string `parquet:"title,optional"`
	// DocDate is days since 1970-01-01 (the Parquet DATE encoding), nil
	// when the document date is unknown.
	DocDate *int32 `parquet:"doc_date,date"`
	// DocYear is the year of the document date, also when only the year
	// is known (doc_date_source "text-year"); nil when unknown.
	DocYear            *int32  `parquet:"doc_year"`
	DocDateSource      *string `parquet:"doc_date_source,optional,dict"`
	Encoding           *string `parquet:"encoding,optional,dict"`
	EncodingConfidence float64 `parquet:"encoding_confidence"`
	Text               string  `parquet:"text"`
	Bytes              int64   `parquet:"bytes"`  // len(Text) in bytes
	Chars              int64   `parquet:"chars"`  // code points in Text
	Tokens             int64   `parquet:"tokens"` // words: corpus.Words(Document.Tokens)
	SizeOnDisk         int64   `parquet:"size_on_disk"`
	Status             string  `parquet:"status,dict"`
	SkipReason         *string `parquet:"skip_reason,optional"`
	// Source, Author and URL are copied from Meta ("source", "author",
	// "url"): the metadata researchers filter by most, as plain columns.
	Source *string `parquet:"source,optional"`
	Author *string `parquet:"author,optional"`
	URL    *string `parquet:"url,optional"`
	// Meta is nil (a null map) when the document has no metadata.
	Meta map[string]string `parquet:"meta,optional"`

	// Columns of paged documents (PDF, scans, DOCX), appended after the
	// others so that readers by position keep working.

	// Pages is the number of printed pages, nil when the format has none.
	Pages *int32 `parquet:"pages"`
	// OCR is true when some of the text was read from page images.
	OCR bool `parquet:"ocr"`
}

// MentionRow is one row of mentions.parquet. Start and End are byte
// offsets into documents.text, StartChar and EndChar code-point offsets
// into the same text; both pairs are 0-based and half-open.
type MentionRow struct {
	DocID     string  `parquet:"doc_id,dict"`
	Kind      string  `parquet:"kind,dict"`
	Text      string  `parquet:"text"`
	Start     int64   `parquet:"start"`
	End       int64   `parquet:"end"`
	StartChar int64   `parquet:"start_char"`
	EndChar   int64   `parquet:"end_char"`
	Value     *string `parquet:"value,optional"`
	Grain     *string `parquet:"grain,optional,dict"`
	Unit      *string `parquet:"unit,optional,dict"`
	Approx    *string `parquet:"approx,optional,dict"`
	Rule      *string `parquet:"rule,optional,dict"`
	Type      *string `parquet:"type,optional,dict"`
	Noun      *string `parquet:"noun,optional"`
	Period    *string `parquet:"period,optional"`
	// DateStart and DateEnd bound a date's value, half-open, at its grain
	// (2021-06 → 2021-06-01 00:00 to 2021-07-01 00:00), as microseconds
	// since 1970-01-01 00:00 without a time zone (DuckDB TIMESTAMP); nil
	// for other kinds and when the value has no year or no day
	// (--06-25, T16:00).
	DateStart *int64 `parquet:"date_start,timestamp(microsecond:local)"`
	DateEnd   *int64 `parquet:"date_end,timestamp(microsecond:local)"`
	// Num is a number's value when it is one value; NumLow and NumHigh
	// are its ends (both Num for one value, the ends of a range); nil for
	// other kinds.
	Num     *float64 `parquet:"num"`
	NumLow  *float64 `parquet:"num_low"`
	NumHigh *float64 `parquet:"num_high"`
	// SentStartChar and SentEndChar are the code-point offsets of the
	// sentence holding the mention (corpus.Sentence), half-open, into
	// documents.text.
	SentStartChar int64 `parquet:"sent_start_char"`
	SentEndChar   int64 `parquet:"sent_end_char"`
	// Page is the 1-based printed page the mention starts on
	// (Document.Page), nil when the document has no pages.
	Page *int32 `parquet:"page"`
}

// Typed holds the typed values of one mention: the bounds of a date, the
// value of a number. nil where the kind has none or the value cannot be
// placed; see MentionRow.
type Typed struct {
	DateStart, DateEnd   *time.Time
	Num, NumLow, NumHigh *float64
}

// TypedOf derives the typed values of m from its Value and Grain
// (date.Bounds, number.Values). `baogao extract` writes the same.
func TypedOf(m corpus.Mention) Typed {
	var t Typed
	switch m.Kind {
	case corpus.KindDate:
		if start, end, ok := date.Bounds(m.Value, m.Grain); ok {
			t.DateStart, t.DateEnd = &start, &end
		}
	case corpus.KindNumber:
		if low, high, exact, ok := number.Values(m.Value); ok {
			t.NumLow, t.NumHigh = &low, &high
			if exact {
				t.Num = &low
			}
		}
	}
	return t
}

// micros returns t as microseconds since the epoch, or nil.
func micros(t *time.Time) *int64 {
	if t == nil {
		return nil
	}
	us := t.UnixMicro()
	return &us
}

// ProblemRow is one row of problems.parquet.
type ProblemRow struct {
	Path  string `parquet:"path"`
	DocID string `parquet:"doc_id"`
	Stage string `parquet:"stage,dict"`
	// Offset is a byte offset into the document text (or into the file
	// when the text is unknown; 0 for the whole file or document), nil
	// only when no place is known.
	Offset  *int64 `parquet:"offset"`
	Message string `parquet:"message"`
	// Reason is the short, stable description problems are grouped by.
	Reason string `parquet:"reason,dict"`
	// Line is the 1-based line of the file the problem is about (a JSONL
	// line, a CSV row, the line of a replaced byte), nil when none.
	Line *int32 `parquet:"line"`
}

// ErrText reports a document text that is not valid UTF-8. The read
// stage guarantees valid text; an invalid one would make the code-point
// offsets disagree with readers and DuckDB refuse the file.
var ErrText = errors.New("text is not valid UTF-8")

// ErrSpan reports a mention whose span does not fit its document's text:
// out of range, reversed, or cutting a UTF-8 sequence. It is a bug in an
// extractor, and writing the row would put a wrong surface form and wrong
// character offsets into the table, so Add refuses the document.
var ErrSpan = errors.New("invalid mention span")

// documentRow converts doc into its documents row.
func documentRow(doc *corpus.Document) DocumentRow {
	var meta map[string]string
	if len(doc.Meta) > 0 {
		meta = doc.Meta
	}
	return DocumentRow{
		ID:                 doc.ID,
		Path:               doc.Path,
		Item:               int32(doc.Item),
		Line:               lineOf(doc),
		Title:              nullable(doc.Title),
		DocDate:            epochDays(doc.Date),
		DocYear:            year(doc.Date),
		DocDateSource:      nullable(doc.DateSource),
		Encoding:           nullable(doc.Encoding),
		EncodingConfidence: doc.Confidence,
		Text:               doc.Text,
		Bytes:              int64(len(doc.Text)),
		Chars:              int64(utf8.RuneCountInString(doc.Text)),
		Tokens:             int64(corpus.Words(doc.Tokens)),
		SizeOnDisk:         doc.Size,
		Status:             string(doc.Status()),
		SkipReason:         nullable(doc.Skip),
		Source:             nullable(doc.Meta["source"]),
		Author:             nullable(doc.Meta["author"]),
		URL:                nullable(doc.Meta["url"]),
		Meta:               meta,
		Pages:              count32(len(doc.Pages)),
		OCR:                doc.OCR,
	}
}

// count32 returns n as a nullable column value: nil for 0.
func count32(n int) *int32 {
	if n == 0 {
		return nil
	}
	v := int32(n)
	return &v
}

// lineOf returns the start line of a document inside a multi-document
// file, nil for a whole file.
func lineOf(doc *corpus.Document) *int32 {
	if doc.Item == 0 || doc.Line == 0 {
		return nil
	}
	l := int32(doc.Line)
	return &l
}

// year returns the year of d, or nil when d is unknown.
func year(d corpus.Date) *int32 {
	if d.IsZero() {
		return nil
	}
	y := int32(d.Year)
	return &y
}

// epochDays returns d as days since 1970-01-01, or nil when d is unknown
// or not a calendar date (a DATE column cannot hold "June 2021").
func epochDays(d corpus.Date) *int32 {
	if d.IsZero() {
		return nil
	}
	t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	if t.Year() != d.Year || int(t.Month()) != d.Month || t.Day() != d.Day {
		return nil // time.Date normalised it: month 0, 31 June, ...
	}
	days := int32(t.Unix() / 86400) // exact: t is a UTC midnight
	return &days
}

// checkDocument reports whether doc's text and mention spans can be
// written faithfully.
func checkDocument(doc *corpus.Document) error {
	if !utf8.ValidString(doc.Text) {
		return fmt.Errorf("document %s: %w", doc.ID, ErrText)
	}
	for i, m := range doc.Mentions {
		if err := checkSpan(doc.Text, m.Span); err != nil {
			return fmt.Errorf("document %s: mention %d (%s): %w", doc.ID, i, m.Kind, err)
		}
	}
	return nil
}

// mentionRows appends the mention rows of doc to rows, ordered by start,
// end and kind. doc must pass checkDocument. It does not modify doc.
func mentionRows(rows []MentionRow, doc *corpus.Document) []MentionRow {
	if len(doc.Mentions) == 0 {
		return rows
	}
	idx := corpus.NewCharIndex(doc.Text)
	first := len(rows)
	for _, m := range doc.Mentions {
		typed := TypedOf(m)
		sent := corpus.Sentence(doc.Text, m.Span)
		rows = append(rows, MentionRow{
			DocID:     doc.ID,
			Kind:      m.Kind.String(),
			Text:      doc.Text[m.Span.Start:m.Span.End],
			Start:     int64(m.Span.Start),
			End:       int64(m.Span.End),
			StartChar: int64(idx.Char(m.Span.Start)),
			EndChar:   int64(idx.Char(m.Span.End)),
			Value:     nullable(m.Value),
			Grain:     nullable(m.Grain),
			Unit:      nullable(m.Unit),
			Approx:    nullable(m.Approx),
			Rule:      nullable(m.Rule),
			Type:      nullable(m.Type),
			Noun:      nullable(m.Noun),
			Period:    nullable(m.Period),
			DateStart: micros(typed.DateStart),
			DateEnd:   micros(typed.DateEnd),
			Num:       typed.Num,
			NumLow:    typed.NumLow,
			NumHigh:   typed.NumHigh,
			// Sentences hold their mentions, so these are the nearest
			// lookups to ones already made.
			SentStartChar: int64(idx.Char(sent.Start)),
			SentEndChar:   int64(idx.Char(sent.End)),
			Page:          count32(doc.Page(m.Span.Start)),
		})
	}
	slices.SortStableFunc(rows[first:], compareMentions)
	return rows
}

// compareMentions orders mention rows of one document the way a reader
// would sort them: by position, then by the kind column.
func compareMentions(a, b MentionRow) int {
	return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), cmp.Compare(a.Kind, b.Kind))
}

// checkSpan reports whether s is a valid span of text on rune boundaries.
func checkSpan(text string, s corpus.Span) error {
	if s.Start < 0 || s.End < s.Start || s.End > len(text) {
		return fmt.Errorf("%w: [%d,%d) in %d bytes", ErrSpan, s.Start, s.End, len(text))
	}
	if !runeBoundary(text, s.Start) || !runeBoundary(text, s.End) {
		return fmt.Errorf("%w: [%d,%d) cuts a UTF-8 sequence", ErrSpan, s.Start, s.End)
	}
	return nil
}

// runeBoundary reports whether byte offset i of text starts a rune or is
// the end of text.
func runeBoundary(text string, i int) bool {
	return i == len(text) || utf8.RuneStart(text[i])
}

// problemRows appends the problem rows of doc to rows.
func problemRows(rows []ProblemRow, doc *corpus.Document) []ProblemRow {
	for _, p := range doc.Problems {
		var off *int64
		if p.Offset >= 0 {
			o := int64(p.Offset)
			off = &o
		}
		msg := ""
		if p.Err != nil {
			msg = p.Err.Error()
		}
		var line *int32
		if p.Line > 0 {
			l := int32(p.Line)
			line = &l
		}
		rows = append(rows, ProblemRow{
			Path:    cmp.Or(p.Path, doc.Path),
			DocID:   doc.ID,
			Stage:   p.Stage,
			Offset:  off,
			Message: msg,
			Reason:  Reason(p),
			Line:    line,
		})
	}
	return rows
}

// Sizes of rows in buffered bytes, for the row-group byte bound: the
// strings dominate, fixed-width columns are counted roughly.
func (r *DocumentRow) size() int64 {
	n := len(r.ID) + len(r.Path) + strLen(r.Title) + len(r.Text) + strLen(r.SkipReason) + 64
	for k, v := range r.Meta {
		n += len(k) + len(v)
	}
	return int64(n)
}

func (r *MentionRow) size() int64 {
	return int64(len(r.DocID) + len(r.Text) + strLen(r.Value) + strLen(r.Rule) + strLen(r.Noun) + 96)
}

func (r *ProblemRow) size() int64 {
	return int64(len(r.Path) + len(r.DocID) + len(r.Stage) + len(r.Message) + len(r.Reason) + 12)
}

// Reason is the reason column of a problem: its own, or its stage's name
// when it has none.
func Reason(p corpus.Problem) string {
	return cmp.Or(p.Reason, p.Stage)
}

// nullable returns nil for "" (null in the table) and &s otherwise.
// parquet-go treats the zero value of a non-pointer optional field
// inconsistently (some rows null, some ""), so every nullable string
// column is a pointer.
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func strLen(s *string) int {
	if s == nil {
		return 0
	}
	return len(*s)
}
