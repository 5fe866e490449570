package initiative

import (
	"strings"
	"unicode/utf8"
)

// view is the text with single line breaks between two Han characters
// removed, so names broken by hard wrapping (OCR pages: 党\n史学习教育) are
// found whole. off maps view byte offsets back to the text; nil means the
// view is the text itself.
type view struct {
	s   string
	off []int // off[i]: text offset of view byte i; off[len(s)] = len(text)
}

func newView(text string) view {
	if !strings.Contains(text, "\n") {
		return view{s: text}
	}
	var b strings.Builder
	var off []int
	last := 0 // text offset up to which bytes were copied
	for i := 0; i < len(text); {
		j, ok := wrapAt(text, i)
		if !ok {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			continue
		}
		if off == nil {
			b.Grow(len(text))
			off = make([]int, 0, len(text)+1)
		}
		for k := last; k < i; k++ {
			off = append(off, k)
		}
		b.WriteString(text[last:i])
		last, i = j, j
	}
	if off == nil {
		return view{s: text}
	}
	for k := last; k < len(text); k++ {
		off = append(off, k)
	}
	b.WriteString(text[last:])
	off = append(off, len(text))
	return view{s: b.String(), off: off}
}

// wrapAt reports whether a hard wrap starts at text[i:]: optional spaces,
// exactly one newline, optional spaces, with Han characters on both sides.
// It returns the offset of the next Han character.
func wrapAt(text string, i int) (int, bool) {
	if text[i] != '\n' && text[i] != '\r' && text[i] != ' ' {
		return 0, false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	if !isHan(prev) {
		return 0, false
	}
	j, newlines := i, 0
	for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\n') {
		if text[j] == '\n' {
			newlines++
		}
		j++
	}
	next, _ := utf8.DecodeRuneInString(text[j:])
	if newlines != 1 || !isHan(next) {
		return 0, false
	}
	return j, true
}

// span maps a view range back to a text range.
func (v view) span(start, end int) (int, int) {
	if v.off == nil {
		return start, end
	}
	// end-1 is inside the last rune of the range; map its rune start.
	_, size := utf8.DecodeLastRuneInString(v.s[:end])
	last := end - size
	return v.off[start], v.off[last] + size
}
