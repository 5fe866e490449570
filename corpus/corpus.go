package corpus

import (
	"fmt"
	"sort"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) into Document.Text.
type Span struct{ Start, End int }

// Len returns the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// In reports whether s is a non-empty span of text that starts and ends
// on rune boundaries: a span that slices text into a valid surface form.
func (s Span) In(text string) bool {
	return 0 <= s.Start && s.Start < s.End && s.End <= len(text) &&
		utf8.RuneStart(text[s.Start]) && (s.End == len(text) || utf8.RuneStart(text[s.End]))
}

// Kind says what a Mention is: the `kind` column of mentions.parquet and
// the `kind` key of `baogao extract`. A new kind is a new value, registered
// with its extractor (pipeline/extract.Registration); nothing else lists
// the kinds.
type Kind string

// The kinds baogao extracts.
const (
	KindDate       Kind = "date"
	KindNumber     Kind = "number"
	KindInitiative Kind = "initiative"
	KindOrg        Kind = "org"
	KindPerson     Kind = "person"
	KindPlace      Kind = "place"
)

func (k Kind) String() string { return string(k) }

// Mention is one expression found in a document: a date, a number, a named
// initiative or an entity.
type Mention struct {
	Kind Kind
	Span Span // the surface form is Text[Span.Start:Span.End]
	// Value is the normalised value: ISO 8601 for dates ("2021-04-08",
	// "2021-05", "T07:30", ranges "A/B"), exact decimal text for numbers
	// ("4000", "300000", "15/17"), the canonical name for initiatives.
	Value string
	// Grain is the precision of Value: for dates "year", "month", "day",
	// "minute", ...; for numbers "cardinal", "ordinal", "range", ...
	Grain string
	// Unit is the unit or measure word of a number ("元", "%", "名").
	Unit string
	// Approx is the approximation marker written with the value ("余",
	// "多", "以上", "约"); empty when the value is exact as written.
	Approx string
	// Rule names the rule that produced the mention, for auditing.
	Rule string
	// Type refines the kind: "campaign", "activity" for initiatives,
	// "relative" for dates computed from the document date, ...
	Type string
	// Noun is the counted noun after a number's measure word ("职工"), or
	// the role of a person ("院长").
	Noun string
	// Period is the span of years a plan name stands for, as an ISO 8601
	// interval of years ("2021/2025" for 十四五): plan periods are not
	// dates, but researchers place them in time. Empty otherwise.
	Period string
	// Matched is the text the rule matched in the repaired view of the
	// document (hard wraps joined, width folded, traditional script
	// simplified) when it differs from the surface form; empty otherwise.
	// `baogao extract -explain` shows it.
	Matched string
}

// Date is a calendar date without time zone, possibly partial: Day 0
// means only the year and month are known, Month 0 only the year. The
// zero Date is "unknown".
type Date struct{ Year, Month, Day int }

// IsZero reports whether d is the unknown date.
func (d Date) IsZero() bool { return d.Year == 0 }

// Full reports whether year, month and day are all known.
func (d Date) Full() bool { return d.Year != 0 && d.Month != 0 && d.Day != 0 }

// String formats d as ISO 8601 at its precision ("2021-06-25", "2021-06",
// "2021"), or "" for the zero Date.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Extractor finds mentions of one kind in a text. It is pure: no I/O, no
// error, safe for concurrent use. ref is the document date used for
// missing years and relative expressions; it may be zero.
type Extractor interface {
	Extract(text string, ref Date) []Mention
}

// Token is one word from segmentation.
type Token struct {
	Span Span   // bytes into Document.Text
	Term string // width-folded, lower-cased: what gets indexed
	POS  string // jieba part-of-speech tag ("n", "nr", "ns", "nt", "m", ...), may be empty
	// Pos is the 1-based phrase position of the word. Sub-words that
	// search mode emits inside a longer word (科学院 inside 中国科学院)
	// share the position of that word, so phrase queries match. Zero when
	// the tokens do not come from search mode.
	Pos int
}

// Status says how far a document got. It is the `status` column of
// documents.parquet.
type Status string

const (
	StatusOK      Status = "ok"      // analysed completely
	StatusPartial Status = "partial" // analysed, but a stage recorded a problem
	StatusSkipped Status = "skipped" // not analysed; Skip says why
)

// Document is one report. Stages add to it; Text is never modified after
// the Read stage.
type Document struct {
	ID       string // stable across runs, derived from Path (and item number for split files); never random
	Path     string // slash-separated: the input root's own name, then the path below it (walk.File.Path); "-" for stdin
	Item     int    // position of the document in a multi-document file, 0 for single documents
	Line     int    // 1-based line of the file where the document starts (multi-document files), 0 otherwise
	Encoding string // what the bytes on disk were: "utf-8", "gb18030", "utf-16le", ...
	// Confidence is how sure the decoder is of Encoding, in [0, 1].
	Confidence float64
	Size       int64  // bytes on disk
	Text       string // decoded UTF-8, BOM dropped, CRLF → LF; never modified afterwards
	Title      string
	Date       Date   // the document's own date, maybe partial; reference for missing years
	DateSource string // where Date came from: "field", "dateline", "filename", "text", "text-year", or ""
	Meta       map[string]string
	// MetaSpans are the byte spans of Text that hold metadata rather than
	// content (author, source and dateline lines, the URL): their values
	// are in Meta, and no mentions are taken from them.
	MetaSpans []Span
	Skip      string // non-empty: kept in every output with the reason, not analysed
	// View is the repaired view of Text the analysis read (hard wraps
	// joined, width folded, traditional script simplified) when it differs
	// from Text; empty when it is Text itself or the document was not
	// analysed. Spans are never into View: it is what search matches
	// phrases against.
	View     string
	Tokens   []Token // search-mode words with phrase positions: what the index holds
	Tags     []Token // the words of one cut with part-of-speech tags, for entities
	Mentions []Mention
	Problems []Problem

	// Pages are the byte offsets into Text where each printed page
	// starts, for documents read from paged formats (PDF, scans, DOCX
	// with page breaks): page n (1-based) is Text[Pages[n-1]:Pages[n]],
	// the last one running to the end. Nil when the format has no pages.
	// Page maps an offset to its page.
	Pages []int
	// OCR is true when some of Text was read from page images by OCR.
	OCR bool

	// File is the file the document came from, as the run found it.
	File File
	// From, when not empty, is the directory of an earlier output that
	// holds this document's rows, unchanged: an incremental run or a
	// merge carries them forward instead of analysing the document
	// again. Such a document has only its ID, Path, Item and File.
	From string
}

// File describes the file of a document: where the run's walk met it and
// what it held. Every document of a file (the items of a split file)
// carries the same.
type File struct {
	// Seq is the file's position in the walk over all the run's roots,
	// from 0, counting every file the walk met (refused ones too, and
	// those of other shards): documents of several outputs of the same
	// roots sort into one run's order by it.
	Seq int64
	// SHA256 is the hex SHA-256 of the file's bytes; "" when they could
	// not be read.
	SHA256 string
}

// Status derives the document status from Skip and Problems.
func (d *Document) Status() Status {
	switch {
	case d.Skip != "":
		return StatusSkipped
	case len(d.Problems) > 0:
		return StatusPartial
	}
	return StatusOK
}

// Page returns the 1-based number of the page that holds byte offset off
// of Text, or 0 when the document has no pages. A page without text
// starts where the next one does and holds no offset.
func (d *Document) Page(off int) int {
	if len(d.Pages) == 0 {
		return 0
	}
	// The pages starting at or before off: the last of them holds it.
	return max(sort.SearchInts(d.Pages, off+1), 1)
}

// Slice returns the surface text of span s.
func (d *Document) Slice(s Span) string { return d.Text[s.Start:s.End] }

// Problem is a non-fatal failure met while handling one document. The
// document still reaches the sinks.
type Problem struct {
	Path string // document path
	// Stage is where it happened: "walk" (the file was refused: format,
	// size, link), "read", "decode", "parse", "segment", "extract/date",
	// ... (see SCHEMA.md).
	Stage string
	// Reason is a short, stable description for grouping problems
	// ("unsupported format .xml", "invalid bytes replaced"); the details
	// are in Err.
	Reason string
	// Offset is a byte offset into Text, or into the file when the
	// problem is about the file or a record of it (0: the file as a
	// whole); -1 only when no place is known.
	Offset int
	// Line is the 1-based line of the file the problem is about (a JSONL
	// line, a CSV row), 0 when it is about no particular line.
	Line int
	Err  error
}

// Error formats the problem like a compiler error, "path:line: stage:
// message", or "path: stage: message" when it is about no line.
func (p Problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s: %v", p.Path, p.Line, p.Stage, p.Err)
	}
	return fmt.Sprintf("%s: %s: %v", p.Path, p.Stage, p.Err)
}

func (p Problem) Unwrap() error { return p.Err }

// CharIndex converts byte offsets of one text into code-point offsets
// (what Python, R and DuckDB slice by). Build it once per document; each
// lookup costs at most one block of decoding.
type CharIndex struct {
	text   string
	blocks []int // blocks[i]: code points before byte i*charBlock
}

const charBlock = 256

// NewCharIndex indexes text.
func NewCharIndex(text string) *CharIndex {
	x := &CharIndex{text: text, blocks: make([]int, 0, len(text)/charBlock+1)}
	chars := 0
	for i := 0; i <= len(text); i += charBlock {
		x.blocks = append(x.blocks, chars)
		end := min(i+charBlock, len(text))
		chars += runeStarts(text[i:end])
	}
	return x
}

// Char returns the number of code points in text[:off]. off must lie on a
// rune boundary within [0, len(text)].
func (x *CharIndex) Char(off int) int {
	b := off / charBlock
	return x.blocks[b] + runeStarts(x.text[b*charBlock:off])
}

// runeStarts counts the bytes of s that begin a rune, so a rune cut by a
// block boundary is counted once, in the block where it starts.
func runeStarts(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if utf8.RuneStart(s[i]) {
			n++
		}
	}
	return n
}

// SortMentions orders mentions by start, then end, then kind (by name):
// the row order of mentions.parquet and of `baogao extract`.
func SortMentions(ms []Mention) {
	sort.SliceStable(ms, func(i, k int) bool {
		a, b := ms[i].Span, ms[k].Span
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		return ms[i].Kind < ms[k].Kind
	})
}

// Words counts the words of search-mode tokens: distinct positions, so the
// sub-words inside a longer word do not count again. Tokens without
// positions count one each.
func Words(tokens []Token) int {
	n, last := 0, -1
	for _, t := range tokens {
		if t.Pos == 0 || t.Pos != last {
			n++
			last = t.Pos
		}
	}
	return n
}

// Outside returns the mentions of ms that overlap none of spans, in order.
// It filters ms in place.
func Outside(ms []Mention, spans []Span) []Mention {
	if len(spans) == 0 {
		return ms
	}
	keep := ms[:0]
	for _, m := range ms {
		inside := false
		for _, s := range spans {
			if m.Span.Start < s.End && s.Start < m.Span.End {
				inside = true
				break
			}
		}
		if !inside {
			keep = append(keep, m)
		}
	}
	return keep
}
