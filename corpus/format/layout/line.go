package layout

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Rect is a box on a page in points (1/72 inch), measured from the
// top-left corner of the page, y growing downwards.
type Rect struct{ X0, Y0, X1, Y1 float64 }

// union returns the smallest rectangle holding r and s; the zero Rect is
// empty.
func (r Rect) union(s Rect) Rect {
	if r == (Rect{}) {
		return s
	}
	return Rect{math.Min(r.X0, s.X0), math.Min(r.Y0, s.Y0), math.Max(r.X1, s.X1), math.Max(r.Y1, s.Y1)}
}

// Run is a piece of a line with its box: one glyph of a PDF, one word of
// OCR output. A run of white space is a space the document wrote.
type Run struct {
	Text string
	Box  Rect
	Size float64 // type size in points: the height of the glyph's font box, or of the OCR line
	// Base is the baseline the run stands on (y, points); zero means
	// the bottom of Box.
	Base float64
}

// base returns the baseline of r.
func (r Run) base() float64 {
	if r.Base != 0 {
		return r.Base
	}
	return r.Box.Y1
}

// Line is one printed line of a page.
type Line struct {
	Text string // the runs joined as described in the package comment
	Box  Rect   // the union of the boxes of its visible runs
	Size float64
}

// Thresholds of NewLine, in em (the line's main type size).
const (
	wordGap   = 0.15 // a gap between Latin runs at least this wide is a space
	columnGap = 1.5  // a gap at least this wide is a tab, whatever the script: a column
	// A run at most supSize times the main size whose bottom is at least
	// supRise above the line's bottom is a superscript.
	supSize = 0.8
	supRise = 0.25
)

// NewLine joins the runs of one line, in order, into a Line.
func NewLine(runs []Run) Line {
	size := mainSize(runs)
	var bottom float64 // the line's baseline: the lowest of the main-size runs
	for _, r := range runs {
		if !blank(r.Text) && math.Abs(r.Size-size) < 0.5 {
			bottom = math.Max(bottom, r.base())
		}
	}
	// A small glyph is not enough: a flat one (一) has a small box in
	// fonts without ascent and descent (Type 3). It must also stand
	// raised above the line.
	superscript := func(r Run) bool {
		return r.Size <= supSize*size && r.base() < bottom-supRise*size
	}
	var (
		b     strings.Builder
		box   Rect
		prev  *Run // the last visible run written
		space bool // a space run since prev
		sup   strings.Builder
	)
	flushSup := func() {
		b.WriteString(Superscript(sup.String()))
		sup.Reset()
	}
	for i := range runs {
		r := &runs[i]
		if blank(r.Text) {
			space = true
			continue
		}
		if superscript(*r) {
			if prev != nil && space {
				b.WriteByte(' ')
			}
			sup.WriteString(r.Text)
			box = box.union(r.Box)
			prev, space = r, false
			continue
		}
		flushSup()
		if prev != nil {
			last, _ := utf8.DecodeLastRuneInString(prev.Text)
			first, _ := utf8.DecodeRuneInString(r.Text)
			gap := r.Box.X0 - prev.Box.X1
			latin := !isCJK(last) && !isCJK(first)
			switch {
			case gap >= columnGap*size:
				b.WriteByte('\t')
			case space || latin && gap >= wordGap*size:
				b.WriteByte(' ')
			}
		}
		b.WriteString(r.Text)
		box = box.union(r.Box)
		prev, space = r, false
	}
	flushSup()
	return Line{Text: b.String(), Box: box, Size: size}
}

// mainSize returns the type size most of the runs' characters have.
func mainSize(runs []Run) float64 {
	count := map[float64]int{}
	best, bestN := 0.0, 0
	for _, r := range runs {
		if blank(r.Text) || r.Size <= 0 {
			continue
		}
		k := math.Round(r.Size*2) / 2
		count[k] += utf8.RuneCountInString(r.Text)
		if n := count[k]; n > bestN || n == bestN && k > best {
			best, bestN = k, n
		}
	}
	return best
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// superDigits are the superscript forms of 0–9.
var superDigits = [10]rune{'⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'}

// Superscript writes the digits of s as superscript digits (U+2070…):
// a footnote mark or exponent set raised stays apart from the number
// before it, 1200例¹ rather than 12001, as the page shows it.
func Superscript(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return superDigits[r-'0']
		}
		return r
	}, s)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// isCJK reports whether r is set as a full-width character in Chinese
// text: ideographs, kana, hangul, CJK and full-width punctuation, and the
// curly quotes that Chinese fonts set full width.
func isCJK(r rune) bool {
	switch {
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
		return true
	case r >= 0x3000 && r <= 0x303f, r >= 0xff00 && r <= 0xffef, r >= 0xfe30 && r <= 0xfe4f:
		return true
	case r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—' || r == '·':
		return true
	}
	return false
}
