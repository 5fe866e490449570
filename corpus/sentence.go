package corpus

import (
	"strings"
	"unicode/utf8"
)

// sentenceEnds are the characters that end a sentence and belong to it.
const sentenceEnds = "。！？!?；;…"

// closers may follow a sentence end and still belong to the sentence:
// 他说：“开始吧。” ends after the closing quote.
const closers = "”’」』）)】》\"'"

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
		if r == '\n' || r == '>' || strings.ContainsRune(sentenceEnds, r) {
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
		if strings.ContainsRune(sentenceEnds, r) {
			for end < len(text) {
				r, n := utf8.DecodeRuneInString(text[end:])
				if !strings.ContainsRune(sentenceEnds, r) && !strings.ContainsRune(closers, r) {
					break
				}
				end += n
			}
			break
		}
	}
	return Span{Start: start, End: end}
}
