package date

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Pieces of the atom patterns. sp allows spaces and one line break
// between a number and its unit: OCR text breaks lines anywhere
// ("7月29\n日"), but a blank line ends an expression.
const (
	sp   = `[ \t　]*(?:\n[ \t　]*)?`
	d4   = `[12１２][0-9０-９]{3}`
	d12  = `[0-9０-９]{1,2}`
	cn   = `[一二三四五六七八九十]{1,3}`
	n12  = `(?:` + d12 + `|` + cn + `)`
	conn = `(?:——|--|[-—–~～〜至到])`
)

// rule finds one kind of atom: re proposes matches, build checks the
// context and fills the atom (false rejects the match).
type rule struct {
	re    *regexp.Regexp
	need  key // the rule runs only on runs holding one of these
	build func(text string, m []int) (atom, bool)
}

// sub returns submatch i of m in text, or "" when the group did not take part.
func sub(text string, m []int, i int) string {
	if m[2*i] < 0 {
		return ""
	}
	return text[m[2*i]:m[2*i+1]]
}

// rules lists every atom pattern. Overlaps between them are settled by
// length (pick), so the order here does not matter.
func rules() []rule {
	return []rule{
		{regexp.MustCompile(`(` + d4 + `|[〇零○一二][〇零○一二三四五六七八九]{3})` + sp + `年(度|初|底|末)?`), kYear, buildYear},
		{regexp.MustCompile(`([0-9０-９]{2})` + sp + `年`), kYear, buildYear2},
		{regexp.MustCompile(`([12１２][0-9０-９]{2}|[1-9１-９])[0０]年代`), kYear, buildDecade},
		{regexp.MustCompile(`(今年|本年|去年|上年|前年|明年)(度|初|底|末|同期)?`), kYear, buildRelYear},
		{regexp.MustCompile(`(本月|上月|下月|上个月|下个月)(份)?(初|底|末|上旬|中旬|下旬)?`), kMonth, buildRelMonth},
		{regexp.MustCompile(`今天|今日|昨天|昨日|前天|明天|明日|后天|次日|翌日|第二天|前一天|当天|当日|今晚|今早|今晨|昨晚|昨夜|当晚`), kRelDay, buildRelDay},
		{regexp.MustCompile(`(上|下)半年`), kHalf, buildHalf},
		{regexp.MustCompile(`(第|前)?([一二三四1-4１-４])季度`), kQuarter, buildQuarter},
		{regexp.MustCompile(`年(初|底|末)`), kYear, buildYearPart},
		{regexp.MustCompile(`月(初|底|末)`), kMonth, buildMonthPart},
		{regexp.MustCompile(`(上|中|下)旬`), kXun, buildXun},
		{regexp.MustCompile(`(` + n12 + `)` + sp + `月(份)?(初|底|末|上旬|中旬|下旬)?`), kMonth, buildMonth},
		{regexp.MustCompile(`(` + n12 + `)` + sp + `([日号])`), kDay, buildDay},
		{regexp.MustCompile(`(` + n12 + `)` + sp + `([时点])(钟|整)?(?:(半)|(` + n12 + `)(分)?(?:(` + n12 + `)秒)?)?`), kHour, buildHour},
		{regexp.MustCompile(`(` + d12 + `)[:：]([0-9０-９]{2})(?:[:：]([0-9０-９]{2}))?`), kColon, buildClock},
		{regexp.MustCompile(`凌晨|清晨|早晨|早上|上午|中午|午间|下午|傍晚|晚上|晚间|夜间|夜里|深夜|半夜`), kPOD, buildPOD},
		{regexp.MustCompile(`(` + d4 + `)([-/.])(` + d12 + `)([-/.])(` + d12 + `)`), kSep, buildISO},
		{regexp.MustCompile(`(` + d4 + `)-([0-9０-９]{2})`), kDash, buildISOMonth},
		{regexp.MustCompile(`(` + d4 + `)([0-9０-９]{2})([0-9０-９]{2})`), kDigits8, buildCompact},
		{regexp.MustCompile(`(` + d4 + `|` + n12 + `)[ \t　]*` + conn), kConn, buildBare},
		{regexp.MustCompile(`元旦|五一|五四|七一`), kHoliday, buildHoliday},
	}
}

func buildYear(text string, m []int) (atom, bool) {
	num, suffix := sub(text, m, 1), sub(text, m, 2)
	y, ok := parseNum(num)
	if !ok || y < 1000 || y > 2199 || !numberStartOK(text, m[0]) {
		return atom{}, false
	}
	end := m[1]
	if suffix == "初" && strings.ContainsRune(badAfterChu, nextRune(text, end)) {
		suffix, end = "", m[4]
	}
	if p := prevRune(text, m[0]); suffix == "" && nextRune(text, end) == '来' && p != '自' && p != '从' {
		// 2000年来: "for 2000 years"; 自1978年来: "since 1978".
		return atom{}, false
	}
	a := newAtom(m[0], end, lvYear, lvYear, "y")
	a.y = y
	if suffix != "" && suffix != "度" {
		a.approx, a.closed = suffix, true
	}
	return a, true
}

func buildYear2(text string, m []int) (atom, bool) {
	if !numberStartOK(text, m[0]) {
		return atom{}, false
	}
	n, _ := parseNum(sub(text, m, 1))
	a := newAtom(m[0], m[1], lvYear, lvYear, "y")
	a.y = 1900 + n
	if n < 50 {
		a.y = 2000 + n
	}
	a.weak = true // 30年 is usually "thirty years"
	return a, true
}

func buildDecade(text string, m []int) (atom, bool) {
	if !numberStartOK(text, m[0]) {
		return atom{}, false
	}
	n, _ := parseNum(sub(text, m, 1))
	if n < 10 {
		n += 190 // 90年代: the 1990s
	}
	a := newAtom(m[0], m[1], lvYear, lvYear, "decade")
	a.fixed, a.closed = itoa3(n), true
	return a, true
}

func itoa3(n int) string {
	return string([]byte{byte('0' + n/100), byte('0' + n/10%10), byte('0' + n%10)})
}

// badAfterYearWord holds characters that make 年 the start of another
// word (年轻 "young", 年纪/年龄 "age", 年级 "grade"): 如今年轻人 has no 今年.
const badAfterYearWord = "轻纪龄级华迈限薪货画"

var relYearOff = map[string]int{"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1}

func buildRelYear(text string, m []int) (atom, bool) {
	word, suffix := sub(text, m, 1), sub(text, m, 2)
	end := m[1]
	if suffix == "初" && strings.ContainsRune(badAfterChu, nextRune(text, end)) {
		suffix, end = "", m[3]
	}
	if suffix == "" && strings.ContainsRune(badAfterYearWord, nextRune(text, end)) {
		return atom{}, false
	}
	if word != "今年" && word != "去年" && !freeStanding(text, m[0]) {
		return atom{}, false
	}
	code := "relative/" + word
	if suffix == "同期" {
		code += suffix
	}
	a := newAtom(m[0], end, lvYear, lvYear, code)
	a.rel, a.off = relYear, relYearOff[word]
	if suffix != "" && suffix != "度" {
		a.approx, a.closed = suffix, true
	}
	return a, true
}

func buildRelMonth(text string, m []int) (atom, bool) {
	word, suffix := sub(text, m, 1), sub(text, m, 3)
	if word != "本月" && !freeStanding(text, m[0]) {
		return atom{}, false
	}
	off := 0
	switch word {
	case "上月", "上个月":
		off = -1
	case "下月", "下个月":
		off = 1
	}
	a := newAtom(m[0], m[1], lvMonth, lvMonth, "relative/"+word)
	a.rel, a.off = relMonth, off
	monthSuffix(&a, suffix)
	return a, true
}

// monthSuffix applies 初/底/末 or 上旬/中旬/下旬 after a month.
func monthSuffix(a *atom, suffix string) {
	switch suffix {
	case "":
		return
	case "上旬":
		a.xun = 1
	case "中旬":
		a.xun = 2
	case "下旬":
		a.xun = 3
	default:
		a.approx, a.closed = suffix, true
		return
	}
	a.approx, a.fin, a.closed = "旬", lvXun, true
}

var relDayWords = map[string]struct {
	kind relKind
	off  int
	pod  string
}{
	"今天": {relDay, 0, ""}, "今日": {relDay, 0, ""}, "昨天": {relDay, -1, ""}, "昨日": {relDay, -1, ""},
	"前天": {relDay, -2, ""}, "明天": {relDay, 1, ""}, "明日": {relDay, 1, ""}, "后天": {relDay, 2, ""},
	"次日": {relPrev, 1, ""}, "翌日": {relPrev, 1, ""}, "第二天": {relAfter, 1, ""}, "前一天": {relAfter, -1, ""}, "当天": {relAfter, 0, ""}, "当日": {relAfter, 0, ""},
	"今晚": {relDay, 0, "晚上"}, "今早": {relDay, 0, "早上"}, "今晨": {relDay, 0, "早上"},
	"昨晚": {relDay, -1, "晚上"}, "昨夜": {relDay, -1, "晚上"}, "当晚": {relAfter, 0, "晚上"},
}

func buildRelDay(text string, m []int) (atom, bool) {
	word := text[m[0]:m[1]]
	w := relDayWords[word]
	if (word == "前天" || word == "后天" || word == "明日") && !freeStanding(text, m[0]) {
		return atom{}, false
	}
	a := newAtom(m[0], m[1], lvDay, lvDay, "relative/"+word)
	a.rel, a.off = w.kind, w.off
	if w.pod != "" {
		a.pod, a.fin = w.pod, lvPOD
	}
	return a, true
}

func buildHalf(text string, m []int) (atom, bool) {
	a := newAtom(m[0], m[1], lvHalf, lvHalf, "h")
	a.half, a.closed = 1, true
	if sub(text, m, 1) == "下" {
		a.half = 2
	}
	return a, true
}

func buildQuarter(text string, m []int) (atom, bool) {
	prefix := sub(text, m, 1)
	if prefix == "" && !numberStartOK(text, m[0]) {
		return atom{}, false
	}
	q, _ := parseNum(sub(text, m, 2))
	if q < 1 || q > 4 {
		return atom{}, false
	}
	a := newAtom(m[0], m[1], lvQuarter, lvQuarter, "q")
	a.q0, a.q1, a.closed = q, q, true
	if prefix == "前" { // 前三季度: the first three quarters
		if q == 1 {
			return atom{}, false
		}
		a.q0 = 1
	}
	return a, true
}

// notPeriodPrefix holds characters before a bare 年初/月底 that make it a
// recurring or unrelated period (每年年底 "at every year end", 全年中, 个月底).
const notPeriodPrefix = "每年月当那该同往历多全逐周两几半学财青少老成童晚早近整常中之个岁满按上下本"

func buildYearPart(text string, m []int) (atom, bool) {
	r := prevRune(text, m[0])
	joined := r == '年' && afterYear(text, m[0]-len("年"))
	if !joined && (isNumeral(r) || strings.ContainsRune(notPeriodPrefix, r)) {
		return atom{}, false
	}
	suffix := sub(text, m, 1)
	if suffix == "初" && strings.ContainsRune(badAfterChu, nextRune(text, m[1])) {
		return atom{}, false
	}
	a := newAtom(m[0], m[1], lvYear, lvYear, "y")
	a.approx, a.closed = suffix, true
	// 2021年年底, 今年年初: chainAt joins it to the year; alone (the year
	// was rejected) it is not the document's year.
	a.weak = joined
	return a, true
}

// afterYear reports whether the 年 at byte offset i ends a year (2021年,
// 今年, 去年) rather than a count or a recurrence (每年, 一年).
func afterYear(text string, i int) bool {
	r := prevRune(text, i)
	if r == '一' || r == '十' { // 一年年底 "the end of one year", 十一年
		return isNumeral(prevRune(text, i-len("一"))) && prevRune(text, i-len("一")) != '十'
	}
	return isNumeral(r) || strings.ContainsRune("今去明本上前", r)
}

func buildMonthPart(text string, m []int) (atom, bool) {
	r := prevRune(text, m[0])
	if isNumeral(r) || strings.ContainsRune(notPeriodPrefix, r) {
		return atom{}, false
	}
	a := newAtom(m[0], m[1], lvMonth, lvMonth, "m")
	a.approx, a.closed = sub(text, m, 1), true
	return a, true
}

func buildXun(text string, m []int) (atom, bool) {
	a := newAtom(m[0], m[1], lvXun, lvXun, "x")
	monthSuffix(&a, text[m[0]:m[1]])
	a.top = lvXun
	return a, true
}

func buildMonth(text string, m []int) (atom, bool) {
	num, suffix := sub(text, m, 1), sub(text, m, 3)
	n, ok := parseNum(num)
	if !ok || n < 1 || n > 12 || !numberStartOK(text, m[0]) {
		return atom{}, false
	}
	end := m[1]
	if suffix == "初" && strings.ContainsRune(badAfterChu, nextRune(text, end)) {
		suffix, end = "", m[6]
	}
	a := newAtom(m[0], end, lvMonth, lvMonth, "m")
	a.m = n
	monthSuffix(&a, suffix)
	return a, true
}

// badAfterDay holds characters that make N日 a duration or another word
// (3日内 "within three days", 1日游 "a day trip", 5日元 "five yen").
const badAfterDay = "内游元均里间"

func buildDay(text string, m []int) (atom, bool) {
	num, unit := sub(text, m, 1), sub(text, m, 2)
	n, ok := parseNum(num)
	if !ok || n < 1 || n > 31 || !numberStartOK(text, m[0]) {
		return atom{}, false
	}
	if unit == "日" && strings.ContainsRune(badAfterDay, nextRune(text, m[1])) {
		return atom{}, false
	}
	a := newAtom(m[0], m[1], lvDay, lvDay, "d")
	a.d = n
	// 25号 alone is a house or bed number, 一日 alone is "one day".
	a.weak = unit == "号" || !isArabic(firstRune(num)) && n < 10
	return a, true
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// hourEndOK holds what may follow a bare "N点" for it to be a time: 12点了,
// 10点结束, 8点前. Anything else (3点意见 "three points of advice") needs
// a part of the day or a date before it.
const hourEndOK = "了前后左至到起开结许多过半整，。、；）—-～~ \n"

func buildHour(text string, m []int) (atom, bool) {
	hs, unit := sub(text, m, 1), sub(text, m, 2)
	h, ok := parseNum(hs)
	if !ok || h > 24 || !numberStartOK(text, m[0]) {
		return atom{}, false
	}
	a := newAtom(m[0], m[1], lvTime, lvTime, "t")
	a.h = h
	arabic := isArabic(firstRune(hs))
	withFen := m[12] >= 0
	switch {
	case sub(text, m, 4) == "半":
		a.mi = 30
	case m[10] >= 0:
		mi, ok := parseNum(sub(text, m, 5))
		if !ok || mi > 59 || unit == "时" && !withFen {
			a.span.End = m[10] // 10时30 without 分: keep the hour only
			break
		}
		a.mi = mi
		if m[14] >= 0 {
			if s, ok := parseNum(sub(text, m, 7)); ok && s < 60 && withFen {
				a.s = s
			} else {
				a.span.End = m[13]
			}
		}
	}
	switch {
	case !arabic:
		// 三点 "three points", 一时 "for a while", 十五点五 "15.5".
		a.weak = sub(text, m, 3) == "" && !(withFen && a.mi >= 0)
	case unit == "点" && a.mi < 0 && sub(text, m, 3) == "":
		r := nextRune(text, a.span.End)
		a.weak = r != 0 && !strings.ContainsRune(hourEndOK, r)
	}
	return a, true
}

func buildClock(text string, m []int) (atom, bool) {
	h, _ := parseNum(sub(text, m, 1))
	mi, _ := parseNum(sub(text, m, 2))
	if h > 24 || mi > 59 || !numberStartOK(text, m[0]) || !numberEndOK(text, m[1]) {
		return atom{}, false
	}
	a := newAtom(m[0], m[1], lvTime, lvTime, "t")
	a.h, a.mi = h, mi
	if m[6] >= 0 {
		s, _ := parseNum(sub(text, m, 3))
		if s > 59 {
			return atom{}, false
		}
		a.s = s
	}
	return a, true
}

func buildPOD(text string, m []int) (atom, bool) {
	a := newAtom(m[0], m[1], lvPOD, lvPOD, "")
	a.pod, a.weak = text[m[0]:m[1]], true
	return a, true
}

func buildISO(text string, m []int) (atom, bool) {
	if sub(text, m, 2) != sub(text, m, 4) || !numberStartOK(text, m[0]) || !numberEndOK(text, m[1]) {
		return atom{}, false
	}
	a := newAtom(m[0], m[1], lvYear, lvDay, "iso/ymd")
	a.y, _ = parseNum(sub(text, m, 1))
	a.m, _ = parseNum(sub(text, m, 3))
	a.d, _ = parseNum(sub(text, m, 5))
	return a, a.m >= 1 && a.m <= 12 && a.d >= 1 && a.d <= 31
}

func buildISOMonth(text string, m []int) (atom, bool) {
	if !numberStartOK(text, m[0]) || !numberEndOK(text, m[1]) || nextRune(text, m[1]) == '-' {
		return atom{}, false
	}
	a := newAtom(m[0], m[1], lvYear, lvMonth, "iso/ym")
	a.y, _ = parseNum(sub(text, m, 1))
	a.m, _ = parseNum(sub(text, m, 2))
	return a, a.m >= 1 && a.m <= 12
}

// buildCompact accepts 20210625 only where a date is expected: after 于,
// 在 or 日期, or before 日 or 讯 (datelines). Elsewhere eight digits are
// an ID, an amount or a phone number.
func buildCompact(text string, m []int) (atom, bool) {
	if !numberStartOK(text, m[0]) || !numberEndOK(text, m[1]) {
		return atom{}, false
	}
	before := strings.TrimRight(text[max(0, m[0]-12):m[0]], " ：:")
	after := nextRune(text, m[1])
	if !(strings.HasSuffix(before, "于") || strings.HasSuffix(before, "在") ||
		strings.HasSuffix(before, "日期") || after == '日' || after == '讯') {
		return atom{}, false
	}
	a := newAtom(m[0], m[1], lvYear, lvDay, "compact/ymd")
	a.y, _ = parseNum(sub(text, m, 1))
	a.m, _ = parseNum(sub(text, m, 2))
	a.d, _ = parseNum(sub(text, m, 3))
	return a, a.m >= 1 && a.m <= 12 && a.d >= 1 && a.d <= 31
}

func buildBare(text string, m []int) (atom, bool) {
	if !numberStartOK(text, m[0]) {
		return atom{}, false
	}
	a := newAtom(m[2], m[3], lvNone, lvNone, "")
	a.bare, a.num = true, sub(text, m, 1)
	return a, true
}

var holidays = map[string][2]int{"元旦": {1, 1}, "五一": {5, 1}, "五四": {5, 4}, "七一": {7, 1}}

// notHolidayNext holds what makes 五一 part of a number, a name or a plan
// (五一路 "May First Road", 五一广场, 七一五).
const notHolidayNext = "〇零一二三四五六七八九十百千万届次个名号条路广村街大中小型"

func buildHoliday(text string, m []int) (atom, bool) {
	word := text[m[0]:m[1]]
	if word != "元旦" {
		p, n := prevRune(text, m[0]), nextRune(text, m[1])
		if isNumeral(p) || p == '第' || p == '周' || strings.ContainsRune(notHolidayNext, n) {
			return atom{}, false
		}
	}
	md := holidays[word]
	a := newAtom(m[0], m[1], lvMonth, lvDay, "holiday/"+word)
	a.m, a.d, a.closed = md[0], md[1], true
	return a, true
}
