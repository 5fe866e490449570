package pdf

import (
	"context"
	"errors"
	"fmt"
	"image"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/format/layout"
)

// ErrPassword reports a PDF that opens only with a password.
var ErrPassword = errors.New("password-protected")

// ErrFormat reports bytes that PDFium cannot read as a PDF, even after
// repairing it: a truncated or damaged file, or not a PDF at all.
var ErrFormat = errors.New("not a readable PDF (damaged or truncated?)")

// Options configures an Engine. The zero value caches the compiled
// PDFium in the user's cache directory.
type Options struct {
	// CacheDir keeps the machine code wazero compiles PDFium into
	// (about 20 MB), so that only the first run on a machine pays the
	// few seconds of compiling. "": os.UserCacheDir()/baogao/wazero;
	// "-": no cache. A directory that cannot be made means no cache.
	CacheDir string
}

// Engine opens PDFs. It compiles and starts PDFium on the first Open,
// not before, so runs without PDFs pay nothing.
//
// An Engine is safe for concurrent use; its documents are read one call
// at a time (PDFium is single-threaded).
type Engine struct {
	opts Options
	mu   sync.Mutex
	pool pdfium.Pool
	inst pdfium.Pdfium
	err  error // the start-up error, returned by every Open after it
}

// New returns an Engine; it does nothing until the first Open.
func New(opts Options) *Engine { return &Engine{opts: opts} }

// start compiles PDFium and makes its one instance, once.
func (e *Engine) start() (pdfium.Pdfium, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.inst != nil || e.err != nil {
		return e.inst, e.err
	}
	// The bundled module lowers setjmp/longjmp to exception handling,
	// which wazero runs only when asked (go-pdfium's default config).
	rc := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
	if dir := cacheDir(e.opts.CacheDir); dir != "" {
		if cache, err := wazero.NewCompilationCacheWithDir(dir); err == nil {
			rc = rc.WithCompilationCache(cache)
		}
	}
	pool, err := webassembly.Init(webassembly.Config{
		MinIdle: 1, MaxIdle: 1, MaxTotal: 1,
		RuntimeConfig: rc,
		// Bytes go in through memory: PDFium sees no file system, and
		// its diagnostics do not reach the user's terminal.
		FSConfig: wazero.NewFSConfig(),
		Stdout:   io.Discard, Stderr: io.Discard,
	})
	if err != nil {
		e.err = fmt.Errorf("pdf: start pdfium: %w", err)
		return nil, e.err
	}
	inst, err := pool.GetInstance(time.Minute)
	if err != nil {
		pool.Close()
		e.err = fmt.Errorf("pdf: start pdfium: %w", err)
		return nil, e.err
	}
	e.pool, e.inst = pool, inst
	return inst, nil
}

func cacheDir(opt string) string {
	switch opt {
	case "-":
		return ""
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		opt = filepath.Join(base, "baogao", "wazero")
	}
	if os.MkdirAll(opt, 0o755) != nil {
		return ""
	}
	return opt
}

// Close stops PDFium. Documents still open become unusable.
func (e *Engine) Close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.inst == nil {
		return nil
	}
	e.inst.Close()
	err := e.pool.Close()
	e.inst, e.pool = nil, nil
	e.err = errors.New("pdf: engine closed")
	return err
}

// Doc is an open PDF. Close it when done: PDFium holds a copy of the file.
type Doc struct {
	inst  pdfium.Pdfium
	ref   references.FPDF_DOCUMENT
	pages int
}

// Open opens the PDF in b. Encrypted PDFs with an empty user password
// (print or copy restrictions only) open; others fail with ErrPassword.
func (e *Engine) Open(b []byte) (*Doc, error) {
	inst, err := e.start()
	if err != nil {
		return nil, err
	}
	res, err := inst.OpenDocument(&requests.OpenDocument{File: &b})
	switch {
	case errors.Is(err, pdfiumerrors.ErrPassword):
		return nil, ErrPassword
	case errors.Is(err, pdfiumerrors.ErrFormat), errors.Is(err, pdfiumerrors.ErrFile):
		return nil, ErrFormat
	case err != nil:
		return nil, fmt.Errorf("pdf: %w", err)
	}
	d := &Doc{inst: inst, ref: res.Document}
	n, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: d.ref})
	if err != nil {
		d.Close()
		return nil, fmt.Errorf("pdf: count pages: %w", err)
	}
	d.pages = n.PageCount
	return d, nil
}

// Close releases the document.
func (d *Doc) Close() {
	d.inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: d.ref})
}

// NumPages returns the number of pages.
func (d *Doc) NumPages() int { return d.pages }

// Info is what a PDF's document information dictionary says about it.
type Info struct {
	Title, Author, Subject, Creator, Producer string
	// Created is the date part of CreationDate as written (the local
	// date of the machine that made the file), zero when absent.
	Created corpus.Date
}

// Info returns the document information.
func (d *Doc) Info() Info {
	get := func(tag string) string {
		r, err := d.inst.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: d.ref, Tag: tag})
		if err != nil || !utf8.ValidString(r.Value) {
			return ""
		}
		return r.Value
	}
	return Info{
		Title: get("Title"), Author: get("Author"), Subject: get("Subject"),
		Creator: get("Creator"), Producer: get("Producer"),
		Created: parseDate(get("CreationDate")),
	}
}

// pdfDate is the PDF date format, D:YYYYMMDDHHmmSS+HH'mm', of which
// everything after the year is optional.
var pdfDate = regexp.MustCompile(`^(?:D:)?(\d{4})(\d{2})?(\d{2})?`)

// parseDate reads the date part of a PDF date; a malformed or
// impossible date is the zero Date.
func parseDate(s string) corpus.Date {
	m := pdfDate.FindStringSubmatch(s)
	if m == nil {
		return corpus.Date{}
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if y < 1900 || mo > 12 || mo == 0 && d != 0 {
		return corpus.Date{}
	}
	if d > 0 {
		if t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC); t.Day() != d {
			return corpus.Date{}
		}
	}
	return corpus.Date{Year: y, Month: mo, Day: d}
}

// page returns the request form of page i.
func (d *Doc) page(i int) requests.Page {
	return requests.Page{ByIndex: &requests.PageByIndex{Document: d.ref, Index: i}}
}

// Page reads the text layer of page i (0-based) into lines. images
// reports whether the page draws images: a page with images and no text
// is a scan.
func (d *Doc) Page(i int) (p layout.Page, images bool, err error) {
	pg := d.page(i)
	w, err := d.inst.FPDF_GetPageWidthF(&requests.FPDF_GetPageWidthF{Page: pg})
	if err != nil {
		return p, false, fmt.Errorf("pdf: page %d: %w", i+1, err)
	}
	h, err := d.inst.FPDF_GetPageHeightF(&requests.FPDF_GetPageHeightF{Page: pg})
	if err != nil {
		return p, false, fmt.Errorf("pdf: page %d: %w", i+1, err)
	}
	p.Width, p.Height = float64(w.PageWidth), float64(h.PageHeight)
	tp, err := d.inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: pg})
	if err != nil {
		return p, false, fmt.Errorf("pdf: page %d: text: %w", i+1, err)
	}
	defer d.inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	p.Lines, err = d.lines(tp.TextPage, p.Height)
	if err != nil {
		return p, false, fmt.Errorf("pdf: page %d: text: %w", i+1, err)
	}
	if len(p.Lines) == 0 {
		images = d.hasImages(pg)
	}
	return p, images, nil
}

// lines reads the characters of a text page in PDFium's order, which
// follows the content and breaks lines by position, into layout lines.
// PDFium's own spaces ("generated" characters) are left out: layout
// spaces the runs by their gaps.
func (d *Doc) lines(tp references.FPDF_TEXTPAGE, height float64) ([]layout.Line, error) {
	cnt, err := d.inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp})
	if err != nil {
		return nil, err
	}
	var lines []layout.Line
	var runs []layout.Run
	end := func() {
		if len(runs) > 0 {
			if l := layout.NewLine(runs); l.Text != "" {
				lines = append(lines, l)
			}
			runs = runs[:0]
		}
	}
	for i := 0; i < cnt.Count; i++ {
		u, err := d.inst.FPDFText_GetUnicode(&requests.FPDFText_GetUnicode{TextPage: tp, Index: i})
		if err != nil {
			return nil, err
		}
		r := rune(u.Unicode)
		if r == '\n' || r == '\r' {
			end()
			continue
		}
		gen, err := d.inst.FPDFText_IsGenerated(&requests.FPDFText_IsGenerated{TextPage: tp, Index: i})
		if err != nil {
			return nil, err
		}
		if gen.IsGenerated {
			continue
		}
		if r == 0 || r == utf8.RuneError || !utf8.ValidRune(r) || r < ' ' && r != '\t' {
			continue // a glyph without a Unicode mapping: nothing to read
		}
		box, err := d.inst.FPDFText_GetLooseCharBox(&requests.FPDFText_GetLooseCharBox{TextPage: tp, Index: i})
		if err != nil {
			return nil, err
		}
		// The loose box spans the font's ascent and descent. Its height
		// is the size layout measures in: the font size PDFium reports
		// is the Tf operand, which Type 3 fonts (Chromium's) rescale.
		origin, err := d.inst.FPDFText_GetCharOrigin(&requests.FPDFText_GetCharOrigin{TextPage: tp, Index: i})
		if err != nil {
			return nil, err
		}
		rect := box.Rect // PDF space: y grows upwards from the bottom
		top, bottom := height-float64(rect.Top), height-float64(rect.Bottom)
		runs = append(runs, layout.Run{
			Text: string(r),
			Box:  layout.Rect{X0: float64(rect.Left), Y0: top, X1: float64(rect.Right), Y1: bottom},
			Size: bottom - top,
			Base: height - origin.Y,
		})
	}
	end()
	return lines, nil
}

// hasImages reports whether page pg draws an image.
func (d *Doc) hasImages(pg requests.Page) bool {
	n, err := d.inst.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: pg})
	if err != nil {
		return false
	}
	for k := 0; k < n.Count; k++ {
		obj, err := d.inst.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: pg, Index: k})
		if err != nil {
			continue
		}
		t, err := d.inst.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: obj.PageObject})
		if err == nil && t.Type == enums.FPDF_PAGEOBJ_IMAGE {
			return true
		}
	}
	return false
}

// Render draws page i (0-based) in grey at dpi dots per inch, for OCR.
func (d *Doc) Render(ctx context.Context, i, dpi int) (*image.Gray, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r, err := d.inst.RenderPageInDPI(&requests.RenderPageInDPI{Page: d.page(i), DPI: dpi, ImageFormat: requests.RenderImageFormatGrayscale})
	if err != nil {
		return nil, fmt.Errorf("pdf: render page %d: %w", i+1, err)
	}
	defer r.Cleanup()
	g, ok := r.Result.RenderedImage.(*image.Gray)
	if !ok {
		return nil, fmt.Errorf("pdf: render page %d: got %T", i+1, r.Result.RenderedImage)
	}
	// The pixels live in PDFium's memory until Cleanup: copy them out.
	return &image.Gray{Pix: slices.Clone(g.Pix), Stride: g.Stride, Rect: g.Rect}, nil
}
