package format

import (
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/baogao/baogao/corpus"
)

// Options control how Parse splits and reads a file. The zero value reads
// every file as one document per file (or per line/row) with the text in
// a column called "text".
type Options struct {
	// Split, if non-empty, is a line prefix that starts a new document in
	// .md and .txt files, e.g. "### ". The text before the first such line
	// is front matter and is not a document. Ignored by other formats.
	Split string
	// TextColumn is the CSV column holding the document text; "" means
	// "text".
	TextColumn string
	// TextOnly leaves records as their text, title and fields give them:
	// no Meta from source lines, no date read from the text (a date field
	// alone), no title taken from the first line. The learning pass reads
	// only the text, and finding dates and source lines cost it a third of
	// its reading.
	TextOnly bool
}

// SetDefaults fills the zero fields of o with their defaults.
func (o *Options) SetDefaults() {
	if o.TextColumn == "" {
		o.TextColumn = "text"
	}
}

// Record is one document read from a file.
type Record struct {
	// Item is 0 for a single-document file, else the 1-based position of
	// the document in its file: JSONL line (blank lines not counted), CSV
	// data row, split section.
	Item int
	// Line is the 1-based line of the file where the record starts.
	Line int
	// MetaSpans are the lines of Text whose content went to Meta (author,
	// source and dateline lines) and the URL, as byte spans of Text:
	// metadata, not content, so later stages take no mentions from them.
	MetaSpans []corpus.Span
	// ID is the record's explicit "id" (JSONL, CSV), else "".
	ID string
	// Text is the text to analyse: markup removed, metadata header
	// dropped (see the package comment). Offsets of later stages point
	// into it.
	Text  string
	Title string
	// Date is the document's own date, zero if none was found (with
	// Options.TextOnly, the date of a field only).
	Date corpus.Date
	// DateSource says where Date came from: "field", "dateline",
	// "filename", "text", or "" when Date is zero.
	DateSource string
	// Meta holds source, author, editor, url, views, other JSONL/CSV
	// keys and metadata header fields. It is never nil.
	Meta map[string]string
	// Warnings are problems of a record that is still good: a date field
	// that is no date. The record keeps what could be read.
	Warnings []error
}

// ErrNoText is wrapped by errors about a record or file without text.
var ErrNoText = errors.New("no text")

// ErrNoColumn is wrapped by the error about a CSV file that lacks the text
// column.
var ErrNoColumn = errors.New("missing text column")

// Error is one bad record of a file, or the failure of a whole file (Line
// and Item 0). Other records of the file are still returned.
type Error struct {
	Line int // 1-based line where the bad record starts; 0 for the whole file
	Item int // the record's Item, as in Record; 0 for the whole file
	Err  error
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Item > 0:
		return fmt.Sprintf("line %d (item %d): %v", e.Line, e.Item, e.Err)
	case e.Line > 0:
		return fmt.Sprintf("line %d: %v", e.Line, e.Err)
	}
	return e.Err.Error()
}

// Unwrap returns the underlying error, for errors.Is.
func (e *Error) Unwrap() error { return e.Err }

// kind is a file format.
type kind int

const (
	kindText kind = iota
	kindMarkdown
	kindHTML
	kindJSONL
	kindCSV
)

var kinds = map[string]kind{
	".txt":      kindText,
	".md":       kindMarkdown,
	".markdown": kindMarkdown,
	".html":     kindHTML,
	".htm":      kindHTML,
	".jsonl":    kindJSONL,
	".ndjson":   kindJSONL,
	".csv":      kindCSV,
}

func kindOf(name string) (kind, bool) {
	k, ok := kinds[strings.ToLower(path.Ext(strings.ReplaceAll(name, `\`, "/")))]
	return k, ok
}

// Supported reports whether Parse understands the extension of name, or
// it names a binary format (BinaryKind) that pipeline reads from bytes;
// Parse reads other files as plain text.
func Supported(name string) bool {
	_, ok := kindOf(name)
	return ok || BinaryKind(name) != ""
}

// Parse splits and cleans text read from a file called name; the
// extension decides the format. It returns every good record and one
// *Error per bad record. A whole-file failure is one *Error and no
// records.
func Parse(name, text string, opts Options) ([]Record, []error) {
	opts.SetDefaults()
	if strings.TrimSpace(text) == "" {
		return nil, []error{&Error{Err: fmt.Errorf("empty file: %w", ErrNoText)}}
	}
	k, _ := kindOf(name)
	var recs []Record
	var errs []error
	switch k {
	case kindHTML:
		recs, errs = parseHTMLFile(name, text)
	case kindJSONL:
		recs, errs = parseJSONL(name, text)
	case kindCSV:
		recs, errs = parseCSV(name, text, opts.TextColumn)
	default:
		recs, errs = parseText(name, text, opts.Split, k == kindMarkdown)
	}
	if len(recs) == 0 && len(errs) == 0 {
		errs = []error{&Error{Err: ErrNoText}}
	}
	if !opts.TextOnly {
		for i := range recs {
			recs[i] = completed(name, recs[i])
		}
	}
	return recs, errs
}

// completed completes a record from its text and the file name: Meta from
// source lines, the document date, and the title when none was given. The
// parsers leave in rec.Date the date of a field, zero if none.
func completed(name string, rec Record) Record {
	if rec.Meta == nil {
		rec.Meta = map[string]string{}
	}
	rec.MetaSpans = lineMeta(rec.Meta, rec.Text)
	rec.Date, rec.DateSource = documentDate(rec.Date, rec.Text, name)
	if rec.Title == "" {
		rec.Title = lineTitle(rec.Text)
	}
	return rec
}

func parseHTMLFile(name, text string) ([]Record, []error) {
	doc, err := parseHTML(text)
	if err != nil {
		return nil, []error{&Error{Err: fmt.Errorf("html: %w", err)}}
	}
	if doc.text == "" {
		return nil, []error{&Error{Err: fmt.Errorf("html: no body text: %w", ErrNoText)}}
	}
	return []Record{{Line: 1, Text: doc.text, Title: doc.title, Meta: doc.meta, Date: doc.date}}, nil
}
