package number

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// notQuantity reports whether q, a well-formed numeral with its unit,
// names or labels something instead of counting it. Each case was a
// systematic false quantity in news text:
//
//   - 神舟十七号 (Shenzhou-17), 中央一号文件: a Chinese numeral with 号
//     after a name is part of the name.
//   - “两个维护” (the "two upholds"), “四个自信”: a slogan quoted whole.
//   - “12345” (a hotline), “323”: digits quoted alone are a code.
//   - 同中方一道 (together with China): 一道 as an adverb.
//   - 一户一策 (one plan per household), 一月一课: distributive pairs.
//   - 2023中国国际智能产业博览会, “2025海浪电影周”: a year in a name.
//   - “90后” (people born in the 1990s): a generation.
//   - 一株株 (row upon row): a repeated measure word.
//   - 12345热线: a hotline number; “猎鹰9” (Falcon 9): a numbered name.
//   - 三级医院, 二级响应, 三类手术: a grade; 2022级, 2023届: a cohort.
func (s *scanner) notQuantity(q *quantity) bool {
	t := s.text
	prev, _ := utf8.DecodeLastRuneInString(t[:q.start])
	next, _ := utf8.DecodeRuneInString(t[q.end:])
	one := q.n.single && q.n.val.m == 1 && q.n.val.scale == 0 && strings.HasPrefix(t[q.core:], "一")
	switch {
	case q.ordinal || q.isFraction:
		return false
	case q.n.zh && q.n.single && !q.isRange && len(q.approx) == 0 &&
		(rankUnits[q.unit] || q.unit == "类" && hasAnyPrefix(t[q.end:], rankAfterClass)):
		return true // 三级医院, 二级响应, 三类手术: a grade, not a count
	case !q.n.zh && (q.unit == "级" || q.unit == "届") && len(q.approx) == 0 && !q.isRange && q.n.exp == 0 &&
		q.n.val.scale == 0 && q.n.end-q.core == 4 && q.n.val.m >= 1900 && q.n.val.m <= 2100:
		return true // 2022级, 2023届: a cohort of students, not a count
	case q.unit == "号" && q.n.zh && unicode.Is(unicode.Han, prev):
		return true
	case (prev == '“' || prev == '"') && q.n.zh && s.e.classifier[q.unit] && len(q.approx) == 0:
		return quotedSlogan(t[q.end:])
	case (prev == '“' || prev == '"') && !q.n.zh && q.unit == "" && len(q.approx) == 0 && !q.neg &&
		(next == '”' || next == '"'):
		return true
	case one && q.unit != "" && s.e.classifier[q.unit] && strings.HasPrefix(t[q.end:], q.unit):
		return true // 一株株玉米苗 (row upon row of seedlings)
	case !q.n.zh && q.unit == "" && strings.HasPrefix(t[q.end:], "热线"):
		return true // 12345热线, a hotline
	case !q.n.zh && q.unit == "" && len(q.approx) == 0 && next == '”' && unicode.Is(unicode.Han, prev) &&
		strings.Contains(t[max(0, q.start-24):q.start], "“"):
		return true // “猎鹰9”火箭: a numbered name
	case one && q.unit == "道":
		return !unicode.Is(unicode.Han, next) || nounStops[string(next)] || s.e.verbs.prefix(t[q.end:]) != ""
	case one && strings.HasPrefix(t[q.end:], "一"):
		return true // 一户⟦一⟧策: the first of the pair
	case one && q.start >= 2*len("一") && followsOnePair(t[:q.start]):
		return true
	case !q.n.zh && q.unit == "" && len(q.approx) == 0 && !q.neg && !q.isRange && q.n.exp == 0 && q.n.val.scale == 0:
		digits := q.n.end - q.core
		if digits == 4 && q.n.val.m >= 1900 && q.n.val.m <= 2100 &&
			(unicode.Is(unicode.Han, next) || strings.ContainsRune("“《（(", next)) {
			return true
		}
		return digits == 2 && next == '后'
	}
	return false
}

// quotedSlogan reports whether rest, the text after a quoted numeral and
// its classifier, closes the quote after a short noun: 两个⟦维护”⟧.
func quotedSlogan(rest string) bool {
	n := 0
	for _, r := range rest {
		switch {
		case r == '”' || r == '"':
			return n > 0
		case unicode.Is(unicode.Han, r) && n < 4:
			n++
		default:
			return false
		}
	}
	return false
}

// followsOnePair reports whether before ends with 一 and one Han
// character: the first half of 一户一策 before the second 一.
func followsOnePair(before string) bool {
	r, size := utf8.DecodeLastRuneInString(before)
	if !unicode.Is(unicode.Han, r) || isZhNumeral(r) {
		return false
	}
	return strings.HasSuffix(before[:len(before)-size], "一")
}

// label flags numerals that rank rather than count although written
// without 第: 十四届全国人大 (the 14th NPC), 人大一次会议 (the first
// session), 二期工程 (phase two), 8号机组 (unit No. 8), 2026届毕业生
// (the class of 2026).
func (s *scanner) label(q *quantity) {
	if q.ordinal || q.isRange || len(q.approx) > 0 {
		return
	}
	t := s.text
	rest := t[q.end:]
	prev, _ := utf8.DecodeLastRuneInString(t[:q.start])
	switch q.unit {
	case "号":
	case "届":
		if !(q.n.val.m >= 1000 || hasAnyPrefix(rest, ordinalAfterJie) || zhThenAny(rest, "次", "中") ||
			hasAnySuffix(t[:q.start], "政协", "人大", "党的")) {
			return
		}
	case "次":
		if !(hasAnyPrefix(rest, sessionWords) && strings.ContainsRune("届大协委会", prev)) {
			return
		}
	case "期":
		if !hasAnyPrefix(rest, []string{"工程", "项目"}) {
			return
		}
	default:
		return
	}
	q.ordinal, q.rule = true, "ordinal-"+q.unit
}

func hasAnyPrefix(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

func hasAnySuffix(s string, words ...string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// zhThenAny reports whether s starts with Chinese numerals followed by
// one of the words: 四次 in 十四届四次会议, 四中 in 二十届四中全会.
func zhThenAny(s string, words ...string) bool {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isZhNumeral(r) {
			break
		}
		i += size
	}
	return i > 0 && hasAnyPrefix(s[i:], words)
}

// listNumber returns the end of a list number such as "5." at the start
// of a line when a digit follows (5.5月居民消费价格指数 is item 5 about
// May, 11.2024年 is item 11 about 2024), or i when there is none. Only
// a line after one that ends a clause (；。：) starts a list item: a
// sentence wrapped or broken by a blank line keeps its decimal (病例数的
// / 45.76%).
func (s *scanner) listNumber(i int) int {
	t := s.text
	if i > 0 && t[i-1] != '\n' {
		return i
	}
	q := i
	for q < len(t) && q-i < 3 && t[q] >= '0' && t[q] <= '9' {
		q++
	}
	if q == i || q-i > 2 || q+1 >= len(t) || t[q] != '.' || t[q+1] < '0' || t[q+1] > '9' {
		return i
	}
	before := strings.TrimRight(t[:i], " \t\r\n")
	last, _ := utf8.DecodeLastRuneInString(before)
	if strings.ContainsRune("；。：;:！？!?", last) {
		return q + 1
	}
	return i
}
