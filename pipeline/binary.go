package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/format"
	"github.com/baogao/baogao/corpus/format/docx"
	"github.com/baogao/baogao/corpus/format/layout"
	"github.com/baogao/baogao/corpus/format/ocr"
	"github.com/baogao/baogao/corpus/format/pdf"
)

// Skip reasons of binary files.
const (
	skipPassword    = "password-protected"
	skipScanned     = "scanned"     // page images only, and no OCR (-ocr off, or tesseract missing)
	skipUnsupported = "unsupported" // a known format baogao does not read (.doc, .rtf)
	skipUnparsable  = "unparsable"
)

// ocrDPI is the resolution scanned PDF pages are rendered at for OCR:
// tesseract reads Chinese best at about 300 dpi, and more only costs time.
const ocrDPI = 300

// binaryReader reads the files of binary formats (PDF, DOCX, page images)
// for one Read or ReadBytes call. It owns the PDF engine unless
// ReadOptions gave one, and starts tesseract only for scans with -ocr.
//
// A binaryReader is used from one goroutine.
type binaryReader struct {
	ctx  context.Context
	opts ReadOptions
	pdf  *pdf.Engine
	own  bool // pdf was made here: close closes it
	ocr  *ocr.Tesseract
}

func newBinaryReader(ctx context.Context, opts ReadOptions) *binaryReader {
	r := &binaryReader{ctx: ctx, opts: opts, pdf: opts.PDF}
	if r.pdf == nil {
		r.pdf, r.own = pdf.New(pdf.Options{}), true
	}
	if opts.OCR {
		r.ocr = ocr.New(ocr.Options{})
	}
	return r
}

func (r *binaryReader) close() {
	if r.own {
		r.pdf.Close()
	}
}

// read returns the documents of file p, whose name promises the binary
// format kind. ok is false when the bytes are text after all (a .doc
// that is an HTML page): the caller decodes them as text.
func (r *binaryReader) read(p string, size int64, b []byte, kind string) (docs []*corpus.Document, ok bool) {
	kind = format.Sniff(kind, b)
	if kind == "" {
		return nil, false
	}
	// The readers parse untrusted files: a panic in one (PDFium traps
	// come back as errors, Go code can still panic) skips the file, not
	// the run, since the Runner's recovery covers only its stages.
	defer func() {
		if e := recover(); e != nil {
			docs = []*corpus.Document{skipped(p, size, skipUnparsable, corpus.Problem{Stage: "parse", Reason: "panic in the " + kind + " reader", Err: fmt.Errorf("%s: panic: %v\n%s", kind, e, debug.Stack())})}
			ok = true
		}
	}()
	var doc *corpus.Document
	switch kind {
	case format.PDF:
		doc = r.readPDF(p, size, b)
	case format.DOCX:
		doc = r.readDOCX(p, size, b)
	case format.Image:
		doc = r.readImage(p, size, b)
	case format.Doc:
		doc = skipped(p, size, skipUnsupported, corpus.Problem{Stage: "read", Reason: "legacy Word or WPS file", Err: errors.New("legacy Word or WPS file (OLE compound document) is not read: convert it to .docx, for example with LibreOffice: soffice --headless --convert-to docx FILE")})
	case format.RTF:
		doc = skipped(p, size, skipUnsupported, corpus.Problem{Stage: "read", Reason: "RTF file", Err: errors.New("RTF is not read: convert it to .docx, for example with LibreOffice: soffice --headless --convert-to docx FILE")})
	default:
		doc = skipped(p, size, skipUnsupported, corpus.Problem{Stage: "read", Reason: "unknown binary format", Err: fmt.Errorf("unknown binary format %q", kind)})
	}
	if doc.Meta == nil {
		doc.Meta = map[string]string{}
	}
	doc.Meta["format"] = kind
	return []*corpus.Document{doc}, true
}

// document makes the document of a binary file from its assembled text.
func document(p string, size int64, text string, pages []int, info format.FileInfo) *corpus.Document {
	rec := format.FileRecord(p, text, info)
	return &corpus.Document{
		ID: docID(p, 0), Path: p, Size: size,
		Text: rec.Text, Title: rec.Title, Date: rec.Date, DateSource: rec.DateSource,
		Meta: rec.Meta, MetaSpans: rec.MetaSpans, Pages: pages,
	}
}

func (r *binaryReader) readPDF(p string, size int64, b []byte) *corpus.Document {
	d, err := r.pdf.Open(b)
	switch {
	case errors.Is(err, pdf.ErrPassword):
		return skipped(p, size, skipPassword, corpus.Problem{Stage: "read", Reason: "password-protected PDF", Err: errors.New("pdf: password-protected: it opens only with its password; remove it first, for example qpdf --decrypt --password=PASSWORD in.pdf out.pdf")})
	case errors.Is(err, pdf.ErrFormat):
		return skipped(p, size, skipUnparsable, corpus.Problem{Stage: "parse", Reason: "damaged PDF", Err: fmt.Errorf("pdf: %w", err)})
	case err != nil:
		return skipped(p, size, "unreadable", corpus.Problem{Stage: "read", Reason: "unreadable", Err: err})
	}
	defer d.Close()
	info := d.Info()
	var (
		j        pageJoiner
		problems []corpus.Problem
		scanned  []int // 1-based numbers of scanned pages left unread
		ocrPages int
	)
	pages := layout.NewPages(func(_ int, text string) { j.add(text) })
	for i := range d.NumPages() {
		if err := r.ctx.Err(); err != nil {
			break // the run is stopping; the Runner reports ctx's error
		}
		pg, images, err := d.Page(i)
		if err != nil {
			problems = append(problems, corpus.Problem{Path: p, Stage: "parse", Reason: "PDF page unreadable", Err: err})
		}
		if len(pg.Lines) == 0 && images {
			switch ocrPage, err := r.ocrPDFPage(d, i); {
			case err == nil:
				pg = ocrPage
				ocrPages++
			case errors.Is(err, errNoOCR):
				scanned = append(scanned, i+1)
			case errors.Is(err, ocr.ErrMissing):
				scanned = append(scanned, i+1)
				if len(problems) == 0 || !errors.Is(problems[len(problems)-1].Err, ocr.ErrMissing) {
					problems = append(problems, corpus.Problem{Path: p, Stage: "read", Reason: "tesseract missing", Err: err})
				}
			default:
				problems = append(problems, corpus.Problem{Path: p, Stage: "read", Reason: "OCR failed", Err: fmt.Errorf("page %d: %w", i+1, err)})
			}
		}
		pages.Add(pg)
	}
	pages.Close()
	text, starts := j.finish()
	fi := format.FileInfo{Titles: []string{info.Title}, Meta: map[string]string{
		"file_author": info.Author, "producer": strings.TrimSpace(info.Producer + " " + info.Creator),
	}}
	if !info.Created.IsZero() {
		fi.Meta["created"] = info.Created.String()
		if !browserPrint(info) {
			fi.Created = info.Created
		}
	}
	doc := document(p, size, text, starts, fi)
	doc.OCR = ocrPages > 0
	if doc.OCR {
		doc.Meta["ocr_pages"] = strconv.Itoa(ocrPages)
	}
	if len(scanned) > 0 {
		problems = append(problems, corpus.Problem{Path: p, Stage: "read", Reason: "scanned pages not read",
			Err: fmt.Errorf("pdf: %d of %d pages are scans without a text layer (%s) and were not read: %s", len(scanned), d.NumPages(), pageList(scanned), r.ocrAdvice())})
	}
	doc.Problems = problems
	if strings.TrimSpace(doc.Text) == "" {
		doc.Skip = "empty"
		if len(scanned) > 0 {
			doc.Skip = skipScanned
		} else {
			doc.Problems = append(doc.Problems, corpus.Problem{Path: p, Stage: "parse", Reason: "no text", Err: errors.New("pdf: no text")})
		}
	}
	return doc
}

// browserPrint reports whether a browser printed the PDF: its creation
// date is the moment of printing, not the document's date.
func browserPrint(info pdf.Info) bool {
	return strings.HasPrefix(info.Producer, "Skia/PDF") || strings.Contains(info.Creator, "Mozilla/") ||
		strings.Contains(info.Creator, "Chrome")
}

// errNoOCR reports a scanned page met without -ocr.
var errNoOCR = errors.New("ocr not enabled")

func (r *binaryReader) ocrAdvice() string {
	if r.ocr == nil {
		return "run with -ocr to read them (needs " + ocr.Install + ")"
	}
	return "install " + ocr.Install
}

// ocrPDFPage renders page i and reads it with tesseract.
func (r *binaryReader) ocrPDFPage(d *pdf.Doc, i int) (layout.Page, error) {
	if r.ocr == nil {
		return layout.Page{}, errNoOCR
	}
	if err := r.ocr.Check(r.ctx); err != nil {
		return layout.Page{}, err
	}
	img, err := d.Render(r.ctx, i, ocrDPI)
	if err != nil {
		return layout.Page{}, err
	}
	return r.ocr.Page(r.ctx, ocr.PNM(img), ocrDPI)
}

func (r *binaryReader) readImage(p string, size int64, b []byte) *corpus.Document {
	if r.ocr == nil {
		return skipped(p, size, skipScanned, corpus.Problem{Stage: "read", Reason: "scanned image not read", Err: errors.New("image: a scanned page: run with -ocr to read it (needs " + ocr.Install + ")")})
	}
	pg, err := r.ocr.Page(r.ctx, b, 0)
	switch {
	case errors.Is(err, ocr.ErrMissing):
		return skipped(p, size, skipScanned, corpus.Problem{Stage: "read", Reason: "tesseract missing", Err: err})
	case err != nil:
		return skipped(p, size, skipUnparsable, corpus.Problem{Stage: "read", Reason: "OCR failed", Err: fmt.Errorf("image: %w", err)})
	}
	var j pageJoiner
	pages := layout.NewPages(func(_ int, text string) { j.add(text) })
	pages.Add(pg)
	pages.Close()
	text, starts := j.finish()
	doc := document(p, size, text, starts, format.FileInfo{})
	doc.OCR = true
	if strings.TrimSpace(doc.Text) == "" {
		doc.Skip = "empty"
		doc.Problems = append(doc.Problems, corpus.Problem{Path: p, Stage: "parse", Reason: "no text", Err: errors.New("image: OCR found no text")})
	}
	return doc
}

func (r *binaryReader) readDOCX(p string, size int64, b []byte) *corpus.Document {
	d, err := docx.Read(b)
	if err != nil {
		return skipped(p, size, skipUnparsable, corpus.Problem{Stage: "parse", Reason: "damaged DOCX", Err: fmt.Errorf("docx: %w", err)})
	}
	doc := document(p, size, d.Text, d.Pages, format.FileInfo{
		Titles:  []string{d.Heading, d.Title},
		Created: d.Created,
		Meta:    map[string]string{"file_author": d.Author, "created": d.Created.String()},
	})
	if strings.TrimSpace(doc.Text) == "" {
		doc.Skip = "empty"
		doc.Problems = append(doc.Problems, corpus.Problem{Path: p, Stage: "parse", Reason: "no text", Err: errors.New("docx: no text")})
	}
	return doc
}

// pageList writes page numbers compactly: "pages 1-3, 7".
func pageList(ns []int) string {
	var b strings.Builder
	b.WriteString("page")
	if len(ns) > 1 {
		b.WriteByte('s')
	}
	for i := 0; i < len(ns); {
		k := i
		for k+1 < len(ns) && ns[k+1] == ns[k]+1 {
			k++
		}
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, " %d", ns[i])
		if k > i {
			fmt.Fprintf(&b, "-%d", ns[k])
		}
		i = k + 1
	}
	return b.String()
}
