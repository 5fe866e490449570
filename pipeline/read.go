package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

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
// a skipped Document carrying the reason as a Problem of stage "read", so
// it is counted and reported while the good documents still come out.
func Read(roots []string, opts ReadOptions) Source {
	opts.SetDefaults()
	return func(ctx context.Context, emit func(*corpus.Document) error) error {
		bin := newBinaryReader(ctx, opts)
		defer bin.close()
		return walk.Walk(ctx, roots, opts.Walk, func(f walk.File) error {
			for _, doc := range readFile(f, opts, bin) {
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
	return parse(path, int64(len(b)), b, opts, bin)
}

func readFile(f walk.File, opts ReadOptions, bin *binaryReader) []*corpus.Document {
	if f.Err != nil {
		return []*corpus.Document{skipped(f.Path, 0, f.Size, "unreadable", f.Err)}
	}
	b, err := readAll(f)
	if err != nil {
		return []*corpus.Document{skipped(f.Path, 0, f.Size, "unreadable", err)}
	}
	return parse(f.Path, f.Size, b, opts, bin)
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
		return []*corpus.Document{skipped(p, 0, size, "empty", errors.New("empty file"))}
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
		reason := "undecodable"
		if errors.Is(err, charset.ErrBinary) {
			reason = "binary"
		}
		return []*corpus.Document{skipped(p, 0, size, reason, fmt.Errorf("decode: %w", err))}
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
			doc.Problems = append(doc.Problems, corpus.Problem{Path: p, Stage: "read", Offset: -1,
				Err: fmt.Errorf("decode %s: %d invalid byte sequences replaced by U+FFFD", res.Encoding, res.Replaced)})
		}
		if strings.TrimSpace(doc.Text) == "" {
			doc.Skip = "empty"
			doc.Problems = append(doc.Problems, corpus.Problem{Path: p, Stage: "read", Offset: -1, Err: errors.New("no text")})
		}
		docs = append(docs, doc)
	}
	for _, err := range errs {
		item := 0
		var fe *format.Error
		if errors.As(err, &fe) {
			item = fe.Item
		}
		d := skipped(p, item, size, "unparsable", fmt.Errorf("parse: %w", err))
		d.Encoding, d.Confidence = res.Encoding, res.Confidence
		docs = append(docs, d)
	}
	if len(docs) == 0 {
		docs = append(docs, skipped(p, 0, size, "empty", errors.New("no documents in file")))
	}
	sortByItem(docs)
	return docs
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
// not be analysed.
func skipped(p string, item int, size int64, reason string, err error) *corpus.Document {
	return &corpus.Document{
		ID: docID(p, item), Path: p, Item: item, Size: size, Skip: reason,
		Problems: []corpus.Problem{{Path: p, Stage: "read", Offset: -1, Err: err}},
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
