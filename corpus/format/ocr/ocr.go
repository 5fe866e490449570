package ocr

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"os/exec"
	"strconv"
	"strings"
	"sync"

	"github.com/baogao/baogao/corpus/format/layout"
)

// Install says what to install for OCR, in the words of the problems a
// run records when it is missing.
const Install = "tesseract and its Simplified Chinese data (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-chi-sim; Fedora: dnf install tesseract tesseract-langpack-chi_sim; macOS: brew install tesseract tesseract-lang)"

// ErrMissing is wrapped by the error about a missing tesseract or
// missing language data.
var ErrMissing = errors.New("OCR is not installed")

// Options configures a Tesseract. The zero value runs "tesseract" from
// $PATH with Simplified Chinese.
type Options struct {
	Path string // the tesseract program; "": found in $PATH
	Lang string // tesseract language; "": chi_sim (its Latin letters and digits included)
}

// Tesseract runs the tesseract command, one process per page.
//
// A Tesseract is safe for concurrent use.
type Tesseract struct {
	opts Options
	once sync.Once
	err  error // the result of the installation check
}

// New returns a Tesseract; it runs nothing until the first Check or Page.
func New(opts Options) *Tesseract {
	if opts.Path == "" {
		opts.Path = "tesseract"
	}
	if opts.Lang == "" {
		opts.Lang = "chi_sim"
	}
	return &Tesseract{opts: opts}
}

// Check reports whether tesseract and its language data are installed,
// with an error that says what to install. It checks once.
func (t *Tesseract) Check(ctx context.Context) error {
	t.once.Do(func() {
		path, err := exec.LookPath(t.opts.Path)
		if err != nil {
			t.err = fmt.Errorf("%w: no %s program: install %s", ErrMissing, t.opts.Path, Install)
			return
		}
		t.opts.Path = path
		out, err := exec.CommandContext(ctx, path, "--list-langs").CombinedOutput()
		if err != nil {
			t.err = fmt.Errorf("%w: %s --list-langs: %v: %s", ErrMissing, path, err, bytes.TrimSpace(out))
			return
		}
		have := map[string]bool{}
		for _, l := range strings.Fields(string(out)) {
			have[l] = true
		}
		for _, l := range strings.Split(t.opts.Lang, "+") {
			if !have[l] {
				t.err = fmt.Errorf("%w: tesseract has no %s language data: install %s", ErrMissing, l, Install)
				return
			}
		}
	})
	return t.err
}

// Page reads the text of one page image: the bytes of a PNG, JPEG, TIFF,
// BMP or PNM file. dpi is the image's resolution when the caller knows
// it (a rendered PDF page), 0 otherwise: the page is then taken to be as
// wide as A4, which is what scans of reports are.
func (t *Tesseract) Page(ctx context.Context, img []byte, dpi int) (layout.Page, error) {
	if err := t.Check(ctx); err != nil {
		return layout.Page{}, err
	}
	args := []string{"stdin", "stdout", "-l", t.opts.Lang}
	if dpi > 0 {
		args = append(args, "--dpi", strconv.Itoa(dpi))
	}
	args = append(args, "tsv")
	cmd := exec.CommandContext(ctx, t.opts.Path, args...)
	cmd.Stdin = bytes.NewReader(img)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if ctx.Err() != nil {
			return layout.Page{}, ctx.Err()
		}
		return layout.Page{}, fmt.Errorf("ocr: tesseract: %v: %s", err, lastLine(stderr.String()))
	}
	return parseTSV(out, dpi)
}

// PNM encodes a grey image as a binary PGM file, the cheapest image
// format tesseract reads.
func PNM(g *image.Gray) []byte {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	var b bytes.Buffer
	fmt.Fprintf(&b, "P5\n%d %d\n255\n", w, h)
	b.Grow(w * h)
	for y := 0; y < h; y++ {
		off := y * g.Stride
		b.Write(g.Pix[off : off+w])
	}
	return b.Bytes()
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// a4Width is the width of A4 paper in points.
const a4Width = 595.0

// word is one level-5 row of tesseract's TSV output.
type word struct {
	line       [3]int // block, paragraph and line numbers
	x, y, w, h float64
	text       string
}

// parseTSV turns tesseract's TSV (level, page, block, par, line, word,
// left, top, width, height, conf, text) into a page in points.
func parseTSV(out []byte, dpi int) (layout.Page, error) {
	var (
		page  layout.Page
		words []word
		lines = map[[3]int]layout.Rect{}
		order [][3]int
	)
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 12 || f[0] == "level" {
			continue
		}
		var n [10]float64
		for i := range n {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return page, fmt.Errorf("ocr: tesseract output: %q: %v", sc.Text(), err)
			}
			n[i] = v
		}
		box := layout.Rect{X0: n[6], Y0: n[7], X1: n[6] + n[8], Y1: n[7] + n[9]}
		key := [3]int{int(n[2]), int(n[3]), int(n[4])}
		switch int(n[0]) {
		case 1:
			page.Width, page.Height = box.X1, box.Y1
		case 4:
			lines[key] = box
			order = append(order, key)
		case 5:
			if text := strings.TrimSpace(f[11]); text != "" {
				words = append(words, word{key, box.X0, box.Y0, box.X1 - box.X0, box.Y1 - box.Y0, text})
			}
		}
	}
	if err := sc.Err(); err != nil {
		return page, fmt.Errorf("ocr: tesseract output: %w", err)
	}
	scale := a4Width / page.Width
	if dpi > 0 {
		scale = 72 / float64(dpi)
	}
	if page.Width == 0 {
		scale = 1
	}
	page.Width, page.Height = page.Width*scale, page.Height*scale
	byLine := map[[3]int][]layout.Run{}
	for _, w := range words {
		lb := lines[w.line]
		// Every word gets its line's height as its size and the line's
		// bottom as its baseline: OCR boxes are tight around the glyphs,
		// so their heights say nothing about the type.
		byLine[w.line] = append(byLine[w.line], layout.Run{
			Text: w.text,
			Box:  layout.Rect{X0: w.x * scale, Y0: lb.Y0 * scale, X1: (w.x + w.w) * scale, Y1: lb.Y1 * scale},
			Size: (lb.Y1 - lb.Y0) * scale,
		})
	}
	for _, k := range order {
		if runs := byLine[k]; len(runs) > 0 {
			page.Lines = append(page.Lines, layout.NewLine(runs))
		}
	}
	return page, nil
}
