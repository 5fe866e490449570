package pipeline

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baogao/baogao/pipeline/normalize"
)

// maxPending bounds the text a pageJoiner holds back for the next page
// to continue: a document that never starts a new paragraph is joined in
// pieces of about this size rather than held whole.
const maxPending = 256 << 10

// pageJoiner builds the text of a paged document (PDF, scan) from the
// texts of its pages as layout.Pages hands them over, joining the lines
// each paragraph was wrapped into with normalize.UnwrapLines: the rules
// every other hard-wrapped text gets, without asking first whether the
// text looks wrapped (a page's lines are). It joins a piece at a time and keeps
// back only the last paragraph, which the next page may continue, so a
// 500-page PDF is never held as raw and joined text at once.
//
// A pageJoiner is not safe for concurrent use.
type pageJoiner struct {
	out     strings.Builder
	pages   []int  // offsets into out where each page starts
	pending string // raw text after the last paragraph start
	marks   []int  // offsets into pending where pages start
	blank   int    // blank pages since the last page with text: they start where the next one does
	// context are the raw lines written last, of the block pending
	// continues: UnwrapLines sees them again (its rules measure a block's
	// common line length) and their joined form is dropped.
	context string
}

// contextLines is how many written lines a piece is unwrapped with: a
// page's worth, enough for the block's common length.
const contextLines = 40

// add appends the text of the next page.
func (j *pageJoiner) add(text string) {
	if text == "" {
		j.blank++
		return
	}
	raw := j.pending
	switch {
	case raw != "":
		raw += "\n"
	case j.out.Len() > 0 && !strings.HasSuffix(j.out.String(), "\n"):
		j.out.WriteByte('\n') // the last piece was cut at maxPending
	}
	for ; j.blank >= 0; j.blank-- {
		j.marks = append(j.marks, len(raw))
	}
	j.blank = 0
	raw += text
	cut := lastParagraph(raw)
	if len(raw)-cut > maxPending {
		cut = len(raw)
	}
	var head []int
	for len(j.marks) > 0 && j.marks[0] < cut {
		head = append(head, j.marks[0])
		j.marks = j.marks[1:]
	}
	for i := range j.marks {
		j.marks[i] -= cut
	}
	j.flush(raw[:cut], head)
	j.pending = raw[cut:]
}

// finish returns the document's text and its page offsets.
func (j *pageJoiner) finish() (string, []int) {
	for ; j.blank > 0; j.blank-- {
		j.marks = append(j.marks, len(j.pending)) // trailing blank pages
	}
	j.flush(j.pending, j.marks)
	j.pending, j.marks = "", nil
	text := strings.TrimRight(j.out.String(), "\n")
	for i, p := range j.pages {
		j.pages[i] = min(p, len(text))
	}
	return text, j.pages
}

// flush unwraps raw and appends it, recording where the pages starting
// at marks (offsets into raw) land.
func (j *pageJoiner) flush(raw string, marks []int) {
	full := j.context + raw
	v := normalize.UnwrapLines(full)
	// at returns the first offset of the joined text that maps at or
	// after offset o of full.
	at := func(o int) int {
		return sort.Search(len(v.Text)+1, func(x int) bool {
			s, _ := v.Orig(x, x)
			return s >= o
		})
	}
	skip := at(len(j.context))
	for _, m := range marks {
		j.pages = append(j.pages, j.out.Len()+at(len(j.context)+m)-skip)
	}
	j.out.WriteString(v.Text[skip:])
	j.context = lastLines(full, contextLines)
}

// lastLines returns the last n lines of text, fewer when a blank line
// (the end of a block) comes first.
func lastLines(text string, n int) string {
	start, end := len(text), len(strings.TrimSuffix(text, "\n"))
	for range n {
		prev := strings.LastIndexByte(text[:end], '\n') + 1
		if strings.TrimSpace(text[prev:end]) == "" {
			break
		}
		start = prev
		if prev == 0 {
			break
		}
		end = prev - 1
	}
	return text[start:]
}

// lastParagraph returns the offset of the last line of text that starts a
// paragraph, which no line before it is joined to: an indented line, or
// a line after a blank one. 0 when there is none after the first line.
func lastParagraph(text string) int {
	for end := len(text); end > 0; {
		start := strings.LastIndexByte(text[:end], '\n') + 1
		if start == 0 {
			return 0
		}
		prevStart := strings.LastIndexByte(text[:start-1], '\n') + 1
		r, _ := utf8.DecodeRuneInString(text[start:])
		if unicode.IsSpace(r) && r != '\n' || strings.TrimSpace(text[prevStart:start-1]) == "" {
			return start
		}
		end = start - 1
	}
	return 0
}
