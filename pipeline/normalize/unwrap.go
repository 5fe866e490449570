package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The hard-wrap heuristic. OCR and PDF extraction break every line at the
// column width, even inside a word or a date (7月29⏎日); a normal report has
// one paragraph per line. Unwrap only touches documents that look wrapped:
// at least minWrapLines non-blank lines, of which at least wrapShare lie in
// a block (a run of non-blank lines) of at least minBlockLines lines and
// within wrapTolerance runes of that block's most common length. Blocks, not
// the whole document, because a newspaper page has columns of different
// widths. The five seeds score 0, 0.16, 0, 0 and 0.86 (the OCR page).
const (
	minWrapLines  = 5
	minBlockLines = 3
	wrapTolerance = 3
	wrapShare     = 0.6
)

// sentenceEnds are the runes after which a line break is a real one.
const sentenceEnds = "。！？；：…”」』!?;:"

// bullets start a list item or a caption: a line starting with one begins a
// paragraph.
const bullets = "▲△●○■□◆◇★☆•·※#*-—【"

// line is one line of the text, without its '\n'.
type line struct {
	start, end int // byte offsets in the text
	runes      int // length in runes, trailing white space excluded
}

// Unwrap joins hard-wrapped lines. In a document that looks wrapped (see the
// constants above), a '\n' between two non-blank lines is removed when the
// line before is full (at least its block's common length minus the
// tolerance), does not end a sentence (。！？；：” …) and the line after does
// not start a paragraph (indentation, a bullet such as ▲ or ●, a list
// marker such as 一、 （二） 3. ). The '\n' becomes a space between two ASCII
// words (the English wrap at a space) and disappears otherwise: Chinese
// wraps anywhere, even inside a number (3⏎8 is 38). Blank lines always stay.
// Other documents come back unchanged.
func Unwrap(text string) *View {
	lines := splitLines(text)
	blocks := splitBlocks(lines)
	if !looksWrapped(lines, blocks) {
		return Identity(text)
	}
	return join(text, blocks, false)
}

// UnwrapLines joins hard-wrapped lines by Unwrap's rules in a text known
// to be wrapped: the lines of a PDF's text layer or of OCR output, laid
// out by the page, not by the writer. It skips Unwrap's document gate,
// which tables and headings on a page can fail although every paragraph
// of it is wrapped. A line holding a tab is a table row (the layout puts
// tabs at column gaps) and is joined to neither neighbour: rows of a
// table are as long as wrapped lines, and 43.2⏎1.96 must not become one
// number.
func UnwrapLines(text string) *View {
	return join(text, splitBlocks(splitLines(text)), true)
}

// join joins the wrapped lines of each block of text; rows keeps lines
// with tabs apart.
func join(text string, blocks [][]line, rows bool) *View {
	b := builder{orig: text}
	row := func(l line) bool { return rows && strings.IndexByte(text[l.start:l.end], '\t') >= 0 }
	for _, blk := range blocks {
		width := commonLength(blk)
		for i := 0; i+1 < len(blk); i++ {
			if row(blk[i]) || row(blk[i+1]) {
				continue
			}
			if sep, ok := joinLines(text, blk[i], blk[i+1], width); ok {
				b.replace(blk[i].end, 1, sep)
			}
		}
	}
	return b.view()
}

func splitLines(text string) []line {
	var lines []line
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		body := strings.TrimRightFunc(text[start:end], unicode.IsSpace)
		lines = append(lines, line{start, end, utf8.RuneCountInString(body)})
		start = end + 1
	}
	return lines
}

// splitBlocks groups runs of consecutive non-blank lines.
func splitBlocks(lines []line) [][]line {
	var blocks [][]line
	for i := 0; i < len(lines); {
		if lines[i].runes == 0 {
			i++
			continue
		}
		j := i
		for j < len(lines) && lines[j].runes > 0 {
			j++
		}
		blocks = append(blocks, lines[i:j])
		i = j
	}
	return blocks
}

// looksWrapped applies the document gate described at the constants.
func looksWrapped(lines []line, blocks [][]line) bool {
	nonBlank, regular := 0, 0
	for _, blk := range blocks {
		nonBlank += len(blk)
		width := commonLength(blk)
		if width == 0 {
			continue
		}
		for _, l := range blk {
			if abs(l.runes-width) <= wrapTolerance {
				regular++
			}
		}
	}
	return nonBlank >= minWrapLines && float64(regular) >= wrapShare*float64(nonBlank)
}

// commonLength returns the most common line length of a block, the longer
// one on ties, or 0 for a block too short to tell.
func commonLength(blk []line) int {
	if len(blk) < minBlockLines {
		return 0
	}
	count := make(map[int]int, len(blk))
	best := 0
	for _, l := range blk {
		count[l.runes]++
		if c := count[l.runes]; c > count[best] || c == count[best] && l.runes > best {
			best = l.runes
		}
	}
	return best
}

// joinLines decides whether the break between a and the next line b of a
// block with common length width is a wrap, and what replaces it.
func joinLines(text string, a, b line, width int) (string, bool) {
	if width == 0 || a.runes < width-wrapTolerance {
		return "", false
	}
	before := strings.TrimRightFunc(text[a.start:a.end], unicode.IsSpace)
	after := text[b.start:b.end]
	last, _ := utf8.DecodeLastRuneInString(before)
	first, _ := utf8.DecodeRuneInString(after)
	if strings.ContainsRune(sentenceEnds, last) || startsParagraph(after) {
		return "", false
	}
	if len(before) < a.end-a.start {
		return "", true // the line already ends in a space
	}
	if isASCIIWord(last) && isASCIIWord(first) && !(isDigit(last) && isDigit(first)) {
		return " ", true
	}
	return "", true
}

func isASCIIWord(r rune) bool { return r < utf8.RuneSelf && (unicode.IsLetter(r) || isDigit(r)) }

// startsParagraph reports whether a line opens a paragraph: indented, a
// bullet, or a list marker such as 一、 （二） (3) 4. 5、.
func startsParagraph(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	switch {
	case unicode.IsSpace(r), strings.ContainsRune(bullets, r):
		return true
	case r == '（' || r == '(':
		rest := strings.TrimLeftFunc(s[n:], isListNumeral)
		return len(rest) < len(s[n:]) && (strings.HasPrefix(rest, "）") || strings.HasPrefix(rest, ")"))
	}
	rest := strings.TrimLeftFunc(s, isListNumeral)
	if len(rest) == len(s) || len(s)-len(rest) > 9 {
		return false
	}
	next, m := utf8.DecodeRuneInString(rest)
	switch next {
	case '、':
		return true
	case '.', '．': // 3. item, but not 3.5%
		after, _ := utf8.DecodeRuneInString(rest[m:])
		return !isDigit(after)
	}
	return false
}

func isListNumeral(r rune) bool {
	return isDigit(r) || strings.ContainsRune("一二三四五六七八九十", r)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
