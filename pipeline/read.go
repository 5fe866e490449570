package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/charset"
	"github.com/baogao/baogao/corpus/format"
	"github.com/baogao/baogao/corpus/format/pdf"
	"github.com/baogao/baogao/corpus/walk"
)

// ReadOptions configures Read. The zero value reads every supported
// format, detects encodings, and has no size limit.
type ReadOptions struct {
	// Walk selects the files; a nil Walk.Accept is set to format.Supported.
	Walk walk.Options
	// Format tells how to split and parse files (-split, -text-column).
	Format format.Options
	// Encoding forces a decoder by name ("gb18030", "big5", ...) instead
	// of detection. Empty: detect.
	Encoding string

	// Binary formats (PDF, DOCX, page images: pipeline/binary.go).

	// OCR reads scanned pages and page images with tesseract (-ocr);
	// without it they are skipped with a problem that says so.
	OCR bool
	// PDF reads PDFs. Nil: Read and ReadBytes start their own and close
	// it when they return; a caller reading many files with ReadBytes
	// passes one to start PDFium once.
	PDF *pdf.Engine

	// Shard keeps the files of one shard (-shard i/n): the others are
	// walked, so that File.Seq counts them, but not read.
	Shard Shard
	// Carry, when not nil, is asked about each file read, with its path
	// and the SHA-256 of its bytes: documents it returns (with From set)
	// are emitted instead of the file's, whose rows an earlier output
	// holds unchanged.
	Carry func(path, sha256 string) []*corpus.Document
}

// SetDefaults fills the zero fields: Walk.Accept takes the formats
// format.Parse understands, and .zip archives.
func (o *ReadOptions) SetDefaults() {
	if o.Walk.Accept == nil {
		o.Walk.Accept = format.Supported
	}
}

// Read returns a Source over the report files under roots. Every file
// yields at least one Document: what cannot be read, decoded or parsed is
// a skipped Document carrying the reason as a Problem (stage "walk",
// "read", "decode" or "parse"), so it is counted and reported while the
// good documents still come out.
func Read(roots []string, opts ReadOptions) Source {
	opts.SetDefaults()
	return func(ctx context.Context, emit func(*corpus.Document) error) error {
		bin := newBinaryReader(ctx, opts)
		defer bin.close()
		var seq int64
		return walk.Walk(ctx, roots, opts.Walk, func(f walk.File) error {
			file := corpus.File{Seq: seq}
			seq++
			if !opts.Shard.Holds(f.Path) {
				return nil
			}
			for _, doc := range readFile(f, file, opts, bin) {
				if err := emit(doc); err != nil {
					return err
				}
			}
			return nil
		})
	}
}

// ReadBytes turns the content of one file into documents, as Read does
// for each file it finds. name decides the format; path is recorded.
func ReadBytes(path string, b []byte, opts ReadOptions) []*corpus.Document {
	bin := newBinaryReader(context.Background(), opts)
	defer bin.close()
	docs := parse(path, int64(len(b)), b, opts, bin)
	sum := sha256.Sum256(b)
	for _, d := range docs {
		d.File.SHA256 = hex.EncodeToString(sum[:])
	}
	return docs
}

func readFile(f walk.File, file corpus.File, opts ReadOptions, bin *binaryReader) []*corpus.Document {
	var docs []*corpus.Document
	if f.Err != nil {
		skip, reason := walkReason(f.Err)
		docs = []*corpus.Document{skipped(f.Path, f.Size, skip, corpus.Problem{Stage: "walk", Reason: reason, Err: f.Err})}
	} else if b, err := readAll(f); err != nil {
		docs = []*corpus.Document{skipped(f.Path, f.Size, "unreadable", corpus.Problem{Stage: "read", Reason: "unreadable", Err: err})}
	} else {
		sum := sha256.Sum256(b)
		file.SHA256 = hex.EncodeToString(sum[:])
		if opts.Carry != nil {
			docs = opts.Carry(f.Path, file.SHA256)
		}
		if docs == nil {
			docs = parse(f.Path, f.Size, b, opts, bin)
		}
	}
	for _, d := range docs {
		d.File = file
	}
	return docs
}

// Shard is one of N parts of a corpus, by file: shard I (0 ≤ I < N) holds
// the files whose path hashes to I, so each file belongs to one shard
// whatever machine reads it. The zero value (N 0 or 1) holds every file.
type Shard struct{ I, N int }

// ParseShard reads "i/n" (-shard), 0 ≤ i < n.
func ParseShard(s string) (Shard, error) {
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 0 || i >= n {
		return Shard{}, fmt.Errorf("-shard %q: want i/n with 0 ≤ i < n (shard 0/4 is the first of four)", s)
	}
	return Shard{i, n}, nil
}

// Holds reports whether the file at path (walk.File.Path) is the shard's.
func (s Shard) Holds(path string) bool {
	if s.N <= 1 {
		return true
	}
	h := sha256.Sum256([]byte(path))
	return binary.BigEndian.Uint64(h[:8])%uint64(s.N) == uint64(s.I)
}

func (s Shard) String() string {
	if s.N <= 1 {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.I, s.N)
}

// walkReason names a file the walker refused: the skip reason of its
// document and the reason of its problem.
func walkReason(err error) (skip, reason string) {
	var ue *walk.UnsupportedError
	switch {
	case errors.As(err, &ue):
		return "unsupported format", ue.Error()
	case errors.Is(err, walk.ErrTooLarge):
		return "too large", "file too large"
	case errors.Is(err, walk.ErrLoop):
		return "directory loop", "directory loop"
	case errors.Is(err, walk.ErrDangling):
		return "unreadable", "dangling symbolic link"
	case errors.Is(err, walk.ErrArchive):
		return "unreadable", "bad archive"
	case errors.Is(err, fs.ErrPermission):
		return "unreadable", "permission denied"
	}
	return "unreadable", "unreadable"
}

func readAll(f walk.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	buf := bytes.NewBuffer(make([]byte, 0, f.Size+bytes.MinRead))
	if _, err := io.Copy(buf, rc); err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	return buf.Bytes(), nil
}

func parse(p string, size int64, b []byte, opts ReadOptions, bin *binaryReader) []*corpus.Document {
	if len(b) == 0 {
		return []*corpus.Document{skipped(p, size, "empty", corpus.Problem{Stage: "read", Reason: "empty file", Err: errors.New("empty file")})}
	}
	// Binary formats are read from the bytes, before any charset
	// decoding; those that turn out to be text (a .doc that is an HTML
	// page) go on below, parsed as HTML when they look like it.
	name := path.Base(p)
	if kind := format.BinaryKind(p); kind != "" {
		if docs, ok := bin.read(p, size, b, kind); ok {
			return docs
		}
	}
	var (
		res charset.Result
		err error
	)
	if opts.Encoding != "" {
		res, err = charset.DecodeAs(b, opts.Encoding)
	} else {
		res, err = charset.Decode(b)
	}
	if err != nil {
		skip, reason := "undecodable", "undecodable"
		if errors.Is(err, charset.ErrBinary) {
			skip, reason = "binary", "binary file"
		}
		return []*corpus.Document{skipped(p, size, skip, corpus.Problem{Stage: "decode", Reason: reason, Err: err})}
	}
	text := lineEnds(res.Text)
	if format.BinaryKind(p) != "" && format.LooksHTML(text) {
		name += ".html" // the extension selects the parser
	}
	records, errs := format.Parse(name, text, opts.Format)
	var docs []*corpus.Document
	for _, rec := range records {
		doc := &corpus.Document{
			ID: docID(p, rec.Item), Path: p, Item: rec.Item, Line: rec.Line,
			Encoding: res.Encoding, Confidence: res.Confidence, Size: size,
			Text: rec.Text, Title: rec.Title, Date: rec.Date, DateSource: rec.DateSource,
			Meta: rec.Meta, MetaSpans: rec.MetaSpans,
		}
		if rec.ID != "" {
			if doc.Meta == nil {
				doc.Meta = map[string]string{}
			}
			doc.Meta["id"] = rec.ID
		}
		if res.Replaced > 0 {
			if at := strings.IndexRune(doc.Text, utf8.RuneError); at >= 0 || len(records) == 1 {
				doc.Problems = append(doc.Problems, corpus.Problem{Path: p, Stage: "decode", Reason: "invalid bytes replaced",
					Offset: max(at, 0), Line: lineAt(doc, at),
					Err: fmt.Errorf("%s: %d invalid byte sequences replaced by U+FFFD", res.Encoding, res.Replaced)})
			}
		}
		for _, w := range rec.Warnings {
			doc.Problems = append(doc.Problems, corpus.Problem{Path: p, Stage: "parse", Reason: parseReason(w),
				Offset: 0, Line: rec.Line, Err: w})
		}
		if strings.TrimSpace(doc.Text) == "" {
			doc.Skip = "empty"
			doc.Problems = append(doc.Problems, corpus.Problem{Path: p, Stage: "parse", Reason: "no text", Offset: 0, Line: rec.Line, Err: errors.New("no text")})
		}
		docs = append(docs, doc)
	}
	for _, err := range errs {
		pr := corpus.Problem{Stage: "parse", Reason: parseReason(err), Err: err}
		item := 0
		var fe *format.Error
		if errors.As(err, &fe) {
			item, pr.Line, pr.Offset = fe.Item, fe.Line, lineOffset(text, fe.Line)
			pr.Err = fe.Err // the line is in the Problem
		}
		d := skipped(p, size, "unparsable", pr)
		d.ID, d.Item, d.Line = docID(p, item), item, pr.Line
		d.Encoding, d.Confidence = res.Encoding, res.Confidence
		docs = append(docs, d)
	}
	if len(docs) == 0 {
		docs = append(docs, skipped(p, size, "empty", corpus.Problem{Stage: "parse", Reason: "no text", Err: errors.New("no documents in file")}))
	}
	sortByItem(docs)
	return docs
}

// parseReason names a parse error for grouping.
func parseReason(err error) string {
	var se *json.SyntaxError
	var ce *csv.ParseError
	switch {
	case errors.Is(err, format.ErrDateField):
		return "unparseable date field"
	case errors.Is(err, format.ErrNoColumn):
		return "missing text column"
	case errors.Is(err, format.ErrNoText):
		return "no text"
	case errors.As(err, &se):
		return "invalid JSON"
	case errors.As(err, &ce):
		return "malformed CSV row"
	}
	return "unparsable"
}

// lineOffset returns the byte offset of the 1-based line n of text; 0
// for n < 1 or past the end.
func lineOffset(text string, n int) int {
	off := 0
	for i := 1; i < n; i++ {
		k := strings.IndexByte(text[off:], '\n')
		if k < 0 {
			return 0
		}
		off += k + 1
	}
	return off
}

// lineAt returns the 1-based line of the file holding byte at of doc.Text:
// the document's own start line (multi-document files) plus the line
// breaks before at. 0 when at < 0.
func lineAt(doc *corpus.Document, at int) int {
	if at < 0 {
		return 0
	}
	return max(doc.Line, 1) + strings.Count(doc.Text[:at], "\n")
}

// sortByItem puts the skipped records of a bad line among the good ones in
// file order. Items are small and nearly sorted.
func sortByItem(docs []*corpus.Document) {
	for i := 1; i < len(docs); i++ {
		for k := i; k > 0 && docs[k].Item < docs[k-1].Item; k-- {
			docs[k], docs[k-1] = docs[k-1], docs[k]
		}
	}
}

// skipped makes the document that stands for a file or record that could
// not be analysed. A problem about the whole file has offset 0.
func skipped(p string, size int64, reason string, pr corpus.Problem) *corpus.Document {
	pr.Path = p
	return &corpus.Document{
		ID: docID(p, 0), Path: p, Size: size, Skip: reason,
		Problems: []corpus.Problem{pr},
	}
}

// docID derives a stable id from the path and the item number: the same
// corpus gives the same ids on every run and machine (paths as given).
func docID(p string, item int) string {
	h := sha256.Sum256([]byte(p + "#" + strconv.Itoa(item)))
	return hex.EncodeToString(h[:8])
}

// lineEnds turns CRLF and lone CR into LF.
func lineEnds(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}
