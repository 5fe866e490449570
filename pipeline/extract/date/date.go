package date

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
)

// Extractor finds date mentions. It holds only compiled patterns, so one
// Extractor is safe for concurrent use by any number of goroutines.
type Extractor struct {
	rules []rule
}

// New compiles the patterns. Build one Extractor and share it.
func New() *Extractor {
	return &Extractor{rules: rules()}
}

var _ corpus.Extractor = (*Extractor)(nil)

// Extract returns the dates in text, sorted by Span.Start and not
// overlapping. ref is the document's own date: it supplies missing years
// and months and anchors relative words; when it is zero, relative words
// are dropped and dates without a year keep the ISO "--MM-DD" form.
func (e *Extractor) Extract(text string, ref corpus.Date) []corpus.Mention {
	atoms := pick(e.find(text))
	if len(atoms) == 0 {
		return nil
	}
	s := &state{text: text, ref: ref, atoms: atoms}
	s.run()
	return s.out
}

// find runs every rule over text and returns the accepted atoms, in no
// particular order and possibly overlapping.
//
// Every pattern matches only characters of dateRunes, so the rules run
// on the runs of such characters rather than on the whole text: most
// of a report is prose the patterns would scan in vain, and Go's regexp
// cannot skip ahead to a literal when a pattern starts with a class.
func (e *Extractor) find(text string) []atom {
	var atoms []atom
	for start := 0; start < len(text); {
		r, n := utf8.DecodeRuneInString(text[start:])
		if !isDateRune(r) {
			start += n
			continue
		}
		end, runes := start, 0
		for end < len(text) {
			r, n := utf8.DecodeRuneInString(text[end:])
			if !isDateRune(r) {
				break
			}
			end += n
			runes++
		}
		if runes >= 2 {
			atoms = e.findIn(text, start, end, atoms)
		}
		start = end
	}
	return atoms
}

// findIn runs the rules over text[start:end] and appends what they build.
// Builders see the whole text, so their context checks look past the run.
func (e *Extractor) findIn(text string, start, end int, atoms []atom) []atom {
	window := text[start:end]
	for _, r := range e.rules {
		for _, m := range r.re.FindAllStringSubmatchIndex(window, -1) {
			for k := range m {
				if m[k] >= 0 {
					m[k] += start
				}
			}
			if a, ok := r.build(text, m); ok && a.span.End > a.span.Start {
				atoms = append(atoms, a)
			}
		}
	}
	return atoms
}

// dateChars lists every character the patterns in rules can match,
// besides digits and spaces. Adding a pattern with a new character means
// adding the character here.
const dateChars = "〇零○一二三四五六七八九十" +
	"年度初底末同期代月份个上中下旬日号时点钟整半分秒" +
	"凌清早晨午间傍晚夜里深今本去前明昨后次翌第天当季元旦" +
	"-/.—–~～〜至到:："

var dateRuneSet = func() map[rune]bool {
	set := map[rune]bool{}
	for _, r := range dateChars {
		set[r] = true
	}
	return set
}()

// isDateRune reports whether r can occur inside a date expression.
func isDateRune(r rune) bool {
	switch {
	case isArabic(r), r == ' ', r == '\t', r == '\n', r == '　':
		return true
	case r < utf8.RuneSelf:
		return strings.ContainsRune("-/.~:", r)
	}
	return dateRuneSet[r]
}

// pick keeps, of overlapping atoms, the longest (the first on a tie), and
// returns the rest sorted by start.
func pick(atoms []atom) []atom {
	slices.SortStableFunc(atoms, func(a, b atom) int {
		if c := cmp.Compare(a.span.Start, b.span.Start); c != 0 {
			return c
		}
		return cmp.Compare(b.span.Len(), a.span.Len())
	})
	out := atoms[:0]
	for _, a := range atoms {
		if n := len(out); n > 0 && a.span.Start < out[n-1].span.End {
			if a.span.Len() > out[n-1].span.Len() {
				out[n-1] = a
			}
			continue
		}
		out = append(out, a)
	}
	return out
}

// follows reports whether an atom starting at level next may continue a
// chain whose finest level so far is prev: 年→月→日→time of day.
func follows(prev, next level) bool {
	switch prev {
	case lvYear:
		return next == lvHalf || next == lvQuarter || next == lvMonth
	case lvMonth:
		return next == lvDay
	case lvDay:
		return next == lvPOD || next == lvTime
	case lvPOD:
		return next == lvTime
	}
	return false
}

// onlySpace reports whether s is what sp allows between the parts of
// one expression: spaces and at most one line break.
func onlySpace(s string) bool {
	return strings.Trim(s, " \t　\n") == "" && strings.Count(s, "\n") <= 1
}

// isConn reports whether s joins the two ends of a range: 至, 到 or a
// dash or tilde, with optional spaces.
func isConn(s string) bool {
	switch strings.Trim(s, " \t　") {
	case "-", "—", "–", "~", "～", "〜", "至", "到", "——", "--":
		return true
	}
	return false
}
