package corpus

import "unicode/utf8"

// sentenceEnd reports whether r ends a sentence and belongs to it. A
// switch, not strings.ContainsRune: Sentence tests every rune around every
// mention, and ContainsRune searches the string for each.
func sentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '!', '?', '；', ';', '…':
		return true
	}
	return false
}

// closer reports whether r may follow a sentence end and still belong to
// the sentence: 他说：“开始吧。” ends after the closing quote.
func closer(r rune) bool {
	switch r {
	case '”', '’', '」', '』', '）', ')', '】', '》', '"', '\'':
		return true
	}
	return false
}

// Sentence returns the byte span of the sentence of text that holds s: from
// just after the previous sentence end (。！？!?；; …), line break or HTML
// tag (the > of <p>, common in scraped pages), leading spaces left out, to
// its own end with any closing quotes or brackets after it, or to the next
// line break or tag. A span that crosses a line break (a date hard-wrapped
// by OCR) stays whole inside its sentence. s must lie on rune boundaries
// within text; the result does too.
func Sentence(text string, s Span) Span {
	start := s.Start
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:start])
		if r == '\n' || r == '>' || sentenceEnd(r) {
			break
		}
		start -= n
	}
	for start < s.Start {
		r, n := utf8.DecodeRuneInString(text[start:])
		if r != ' ' && r != '\t' && r != '\u3000' && r != '\n' && r != '\r' {
			break
		}
		start += n
	}
	end := s.End
	for end < len(text) {
		r, n := utf8.DecodeRuneInString(text[end:])
		if r == '\n' || r == '<' || r == '\r' {
			break
		}
		end += n
		if sentenceEnd(r) {
			for end < len(text) {
				r, n := utf8.DecodeRuneInString(text[end:])
				if !sentenceEnd(r) && !closer(r) {
					break
				}
				end += n
			}
			break
		}
	}
	return Span{Start: start, End: end}
}
