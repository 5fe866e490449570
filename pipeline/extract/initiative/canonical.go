package initiative

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A quote style pairs an opening and a closing mark.
type quoteStyle struct {
	open, close rune
	kind        quoteKind
}

type quoteKind uint8

const (
	kindQuote quoteKind = iota // “…”, ‘…’, 「…」, 『…』, "…": names and emphasis
	kindTitle                  // 《…》: book or document titles
	kindTag                    // 【…】: column tags and headings
)

var quoteStyles = []quoteStyle{
	{'“', '”', kindQuote},
	{'‘', '’', kindQuote},
	{'「', '」', kindQuote},
	{'『', '』', kindQuote},
	{'"', '"', kindQuote},
	{'＂', '＂', kindQuote},
	{'《', '》', kindTitle},
	{'【', '】', kindTag},
}

func styleOpening(r rune) (quoteStyle, bool) {
	for _, q := range quoteStyles {
		if q.open == r {
			return q, true
		}
	}
	return quoteStyle{}, false
}

func isQuoteMark(r rune) bool {
	for _, q := range quoteStyles {
		if q.open == r || q.close == r {
			return true
		}
	}
	return false
}

func isClosing(r rune) bool {
	for _, q := range quoteStyles {
		if q.close == r {
			return true
		}
	}
	return false
}

// Canonical returns the canonical name of a surface form: whitespace and
// quotation marks removed; adjacent quotations joined with 、; a head noun
// that directly follows the quotation(s) stripped (“十四五”规划 → 十四五),
// while modifier characters before a head keep the head
// (“323”健康问题攻坚行动 → 323健康问题攻坚行动). Text without a leading
// quotation mark keeps its full text.
func Canonical(surface string) string {
	s := stripSpace(surface)
	if s == "" {
		return ""
	}
	first, _ := utf8.DecodeRuneInString(s)
	if _, ok := styleOpening(first); !ok || first == '"' && strings.Count(s, `"`) < 2 {
		return stripMarks(s)
	}
	last := lastClosing(s)
	if last <= 0 {
		return stripMarks(s)
	}
	quoted, rest := s[:last], s[last:]
	groups := splitGroups(quoted)
	for i, g := range groups {
		groups[i] = stripMarks(g)
	}
	name := strings.Join(nonEmpty(groups), "、")
	if _, ok := headChain(rest); ok || rest == "" {
		return name
	}
	return name + stripMarks(rest)
}

// lastClosing returns the byte offset just after the last closing mark in
// s, or 0 when there is none after the first rune.
func lastClosing(s string) int {
	_, size := utf8.DecodeRuneInString(s)
	end := 0
	for i, r := range s[size:] {
		if isClosing(r) {
			end = size + i + utf8.RuneLen(r)
		}
	}
	return end
}

// splitGroups splits “四线”“四色” into its quotations: a closing mark
// directly followed by an opening mark (or by 、 and an opening mark) ends a
// group. A closing mark followed by text (“‘暖医先锋’志愿者…” or a quotation
// broken by a stray mark) stays inside the group.
func splitGroups(s string) []string {
	var groups []string
	start := 0
	prevClose := false
	for i, r := range s {
		if prevClose {
			if _, ok := styleOpening(r); ok && i > start {
				groups = append(groups, s[start:i])
				start = i
			}
		}
		prevClose = isClosing(r) || prevClose && r == '、'
	}
	return append(groups, s[start:])
}

func nonEmpty(ss []string) []string {
	out := ss[:0]
	for _, s := range ss {
		s = strings.Trim(s, "、")
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// stripSpace removes all white space, including the ideographic space and
// line breaks inside a quotation.
func stripSpace(s string) string {
	if strings.IndexFunc(s, unicode.IsSpace) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func stripMarks(s string) string {
	if strings.IndexFunc(s, isQuoteMark) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isQuoteMark(r) {
			return -1
		}
		return r
	}, s)
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

func isHan(r rune) bool { return r == '〇' || unicode.Is(unicode.Han, r) }
