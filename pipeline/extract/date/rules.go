package date

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/numeral"
)

// Pieces of the atom patterns. sp allows spaces and one line break
// between a number and its unit: OCR text breaks lines anywhere
// ("7月29\n日"), but a blank line ends an expression.
const (
	sp   = `[ \t　]*(?:\n[ \t　]*)?`
	d4   = `[12１２][0-9０-９]{3}`
	d2   = `[0-9０-９]{2}`
	d12  = `[0-9０-９]{1,2}`
	cn   = `[一二三四五六七八九十廿卅]{1,3}`
	n12  = `(?:` + d12 + `|` + cn + `)`
	conn = `(?:——|--|[-—–~～〜至到－])`
	// cnt is the count of a relative offset: 3, 三, 两, 十五, 一百, 半.
	cnt = `(?:[0-9０-９]{1,3}|[一二两三四五六七八九十百]{1,4}|半)`
	// weekWord is "week" as weekdays are written: 周一, 星期一, 礼拜一, 週一.
	weekWord = `(?:周|星期|礼拜|週)`
	// period is the part of a decade or century: 90年代末, 本世纪初, 中叶.
	period = `(初期|中期|末期|前期|后期|中叶|初|中|末)?`
)

// rule finds one kind of atom: re proposes matches, build checks the
// context and fills the atom (false rejects the match).
type rule struct {
	re *regexp.Regexp
	// The rule runs only on runs holding one of need and, when also is
	// not zero, one of also: a regexp call costs far more than the scan
	// that decides.
	need, also key
	build      func(text string, m []int) (atom, bool)
}

// sub returns submatch i of m in text, or "" when the group did not take part.
func sub(text string, m []int, i int) string {
	if m[2*i] < 0 {
		return ""
	}
	return text[m[2*i]:m[2*i+1]]
}

// rules lists every atom pattern. Overlaps between them are settled by
// length (pick), so the order here does not matter. Holidays are found
// by findHolidays, without a pattern.
func rules() []rule {
	return []rule{
		{regexp.MustCompile(`(` + d4 + `|[〇零○一二][〇零○一二三四五六七八九]{3})` + sp + `年(度|初|底|末|尾)?`), kYear, kNum, buildYear},
		{regexp.MustCompile(`(` + d2 + `|[〇零○一二三四五六七八九]{2})` + sp + `年(度|初|底|末)?`), kYear, kNum, buildYear2},
		{regexp.MustCompile(`(?:([12１２][0-9０-９]{2}|[1-9１-９])[0０]|([一二三四五六七八九])十)年代` + period), kYear, kNum, buildDecade},
		{regexp.MustCompile(`(?:(上个?|本|这个|下个?)|(` + d12 + `|[一二三四五六七八九十]{1,3}))世纪(?:([1-9１-９])[0０]年代|([一二三四五六七八九])十年代)?` + period), kCentury, 0, buildCentury},
		{regexp.MustCompile(`(大前年|大后年|今年|本年|这一年|去年|上年|前年|明年|下年|后年|次年|翌年|同年|当年|上一年|下一年)(度|初|底|末|尾|同期)?`), kYear, kRel, buildRelYear},
		{regexp.MustCompile(`(上上个月|下下个月|本月|上月|下月|上个月|下个月|这个月|当月|同月|次月)(份)?(初|底|末|上旬|中旬|下旬)?`), kMonth, kRel, buildRelMonth},
		{regexp.MustCompile(`(上个?|下个?|本|这个)季度(初|末|底)?`), kQuarter, kRel, buildRelQuarter},
		{regexp.MustCompile(`大前天|大后天|今天|今日|昨天|昨日|前天|明天|明日|后天|次日|翌日|第二天|前一天|当天|当日|同日|隔天|隔日|今晚|今早|今晨|今夜|昨晚|昨夜|明晚|明早|当晚|当夜`), kRelDay, kRel, buildRelDay},
		{regexp.MustCompile(`(上|下)半年`), kHalf, 0, buildHalf},
		{regexp.MustCompile(`(?:(第|前|后)?([一二三四两1-4１-４])(个)?|(首))季度(初|末|底)?`), kQuarter, kNum | kFirstLast, buildQuarter},
		{regexp.MustCompile(`年(初|底|末|尾)`), kYear, 0, buildYearPart},
		{regexp.MustCompile(`月(初|底|末|头|尾)`), kMonth, 0, buildMonthPart},
		{regexp.MustCompile(`(上|中|下)旬`), kXun, 0, buildXun},
		{regexp.MustCompile(`(` + n12 + `)` + sp + `月(份)?(初|底|末|头|尾|上旬|中旬|下旬|中)?`), kMonth, kNum, buildMonth},
		{regexp.MustCompile(`(` + n12 + `)月([一二三四五六七八九十廿卅]{1,3})`), kMonth, kNum, buildMonthDayBare},
		{regexp.MustCompile(`(` + n12 + `)` + sp + `([日号號])`), kDay, kNum, buildDay},
		{regexp.MustCompile(`(` + n12 + `|零)` + sp + `([时点])(钟|整|正)?(?:(半)|([一三13１３])刻|(零?` + n12 + `)(分)?(?:(` + n12 + `)秒)?)?`), kHour, kNum, buildHour},
		{regexp.MustCompile(`(` + d12 + `)[:：](` + d2 + `)(?:[:：](` + d2 + `))?`), kColon, 0, buildClock},
		{regexp.MustCompile(`(` + d12 + `) ?([aApP])\.?[mM]\.?`), kMeridiem, kNum, buildMeridiem},
		{regexp.MustCompile(`凌晨|清晨|早晨|早上|上午|中午|午间|午后|下午|傍晚|晚上|晚间|夜间|夜里|夜晚|深夜|半夜|午夜`), kPOD, 0, buildPOD},
		{regexp.MustCompile(`(` + d4 + `)([-/.])(` + d12 + `)([-/.])(` + d12 + `)`), kSep, 0, buildISO},
		{regexp.MustCompile(`(` + d4 + `)-(` + d2 + `)`), kDash, 0, buildISOMonth},
		{regexp.MustCompile(`(` + d4 + `)(` + d2 + `)(` + d2 + `)`), kDigits8, 0, buildCompact},
		{regexp.MustCompile(`(` + d4 + `) {1,2}(` + d2 + `) {1,2}(` + d2 + `)`), kDigits4, 0, buildSpaced},
		{regexp.MustCompile(`(` + d12 + `)-(` + d12 + `)[ \t]+(` + d12 + `)[:：](` + d2 + `)`), kColon, 0, buildMonthDayClock},
		{regexp.MustCompile(`(` + d12 + `)[·•](` + d12 + `)`), kDot, 0, buildDotDate},
		{regexp.MustCompile(`(` + d4 + `|` + n12 + `)[ \t　]*` + conn), kConn, kNum, buildBare},
		{regexp.MustCompile(`(上上个?|下下个?|上个?|下个?|本|这一|这个?|今个)?` + weekWord + `([一二三四五六日天末1-7１-７])?`), kWeek, 0, buildWeekday},
		{regexp.MustCompile(`第(` + n12 + `|两)(个)?` + weekWord + `([一二三四五六日天])?`), kWeek, kNum, buildNthWeek},
		{regexp.MustCompile(`(前|后|头|最后|首)(` + n12 + `|两)?(个)?(月|天|日)`), kFirstLast, kMonth | kDay | kRelDay, buildFirstLast},
		{regexp.MustCompile(`(` + cnt + `)(个)?(年|月|周|星期|礼拜|天|日|小时|钟头|分钟|秒钟|秒)|一刻钟`), kShift, kNum | kHalf, buildShift},
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
	if suffix == "尾" {
		suffix = "底" // 年尾 is 年底
	}
	if suffix != "" && suffix != "度" {
		a.approx, a.closed = suffix, true
	}
	return a, true
}

// buildYear2 reads a year written with two digits (98年, 22年底, 零九年,
// 九八年); its century comes from the document date (see century). 30年
// is far more often "thirty years", so an Arabic one alone is weak; two
// consecutive Chinese digits are a range of years (七八年, "seven or
// eight years"), weak too.
func buildYear2(text string, m []int) (atom, bool) {
	num, suffix := sub(text, m, 1), sub(text, m, 2)
	if !numberStartOK(text, m[0]) {
		return atom{}, false
	}
	n, _ := parseNum(num)
	end := m[1]
	if suffix == "初" && strings.ContainsRune(badAfterChu, nextRune(text, end)) {
		suffix, end = "", m[4]
	}
	if suffix == "" && nextRune(text, end) == '来' {
		return atom{}, false // 30年来: "for thirty years"
	}
	a := newAtom(m[0], end, lvYear, lvYear, "y")
	a.y, a.y2 = n, true
	zh := !isArabic(firstRune(num))
	switch {
	case suffix != "":
		if suffix != "度" {
			a.approx, a.closed = suffix, true
		}
	case zh:
		rs := []rune(num)
		a1, b1 := numeral.Digit(rs[0]), numeral.Digit(rs[1])
		a.weak = b1 == a1+1 || a1 == 3 && b1 == 5 // 三五年, 七八年: "three to five years"
	default:
		a.weak = true // 30年 is usually "thirty years"
	}
	return a, true
}

// century returns the year a two-digit year n stands for: the one of
// the 100 years up to 20 after the reference year (98 → 1998 and 22 →
// 2022 for a report of 2021); without a reference, 50–99 are 19xx and
// 00–49 20xx.
func century(n int, ref int) int {
	if ref == 0 {
		if n < 50 {
			return 2000 + n
		}
		return 1900 + n
	}
	y := ref/100*100 + n
	if y > ref+20 {
		y -= 100
	}
	return y
}

// buildDecade reads 90年代, 1990年代 and 九十年代: the 1990s, as a range
// of years. Two digits mean the twentieth century.
func buildDecade(text string, m []int) (atom, bool) {
	if !numberStartOK(text, m[0]) {
		return atom{}, false
	}
	var start int
	if num := sub(text, m, 1); num != "" {
		n, _ := parseNum(num)
		if n < 10 {
			n += 190 // 90年代: the 1990s
		}
		start = n * 10
	} else {
		start = 1900 + numeral.Digit(firstRune(sub(text, m, 2)))*10
	}
	a := newAtom(m[0], m[1], lvYear, lvYear, "decade")
	a.fixed, a.fixedGrain, a.closed = itoa4(start)+"/"+itoa4(start+9), "decade", true
	if part := sub(text, m, 3); part == "中" && unicode.Is(unicode.Han, nextRune(text, m[1])) {
		a.span.End = m[6] // 80年代中国: 中 starts 中国
	} else {
		a.approx = periodApprox(part)
	}
	return a, true
}

// buildCentury reads 19世纪, 二十一世纪, 本世纪, 上世纪 and a decade after
// them (上世纪九十年代, 20世纪50年代). A century is a range of years: 19世纪
// is 1800/1899 and 本世纪 in a report of 2021 is 2000/2099, the way
// Chinese writes them (二十世纪九十年代 is the 1990s). 本世纪 and 上世纪 count
// from the document date.
func buildCentury(text string, m []int) (atom, bool) {
	if !numberStartOK(text, m[0]) {
		return atom{}, false
	}
	a := newAtom(m[0], m[1], lvYear, lvYear, "century")
	a.closed = true
	if part := sub(text, m, 5); part == "中" && unicode.Is(unicode.Han, nextRune(text, m[1])) {
		a.span.End = m[10] // 21世纪中国: 中 starts 中国
	} else {
		a.approx = periodApprox(part)
	}
	decade := -1
	if d := sub(text, m, 3); d != "" {
		decade, _ = parseNum(d)
	} else if d := sub(text, m, 4); d != "" {
		decade = numeral.Digit(firstRune(d))
	}
	a.nth = decade + 1 // 0: no decade written
	if word := sub(text, m, 1); word != "" {
		if !freeStanding(text, m[0]) && word != "本" {
			return atom{}, false
		}
		a.rel, a.code = relCentury, "relative/"+word+"世纪"
		switch word[:len("上")] {
		case "上":
			a.off = -1
		case "下":
			a.off = 1
		}
		return a, true
	}
	c, ok := parseNum(sub(text, m, 2))
	if !ok || c < 1 || c > 22 {
		return atom{}, false
	}
	a.fixed, a.fixedGrain = centuryValue(c, decade)
	return a, true
}

// centuryValue writes century c (1-based), or decade d (0–9) of it, as a
// range of years.
func centuryValue(c, d int) (string, string) {
	start := (c - 1) * 100
	if d >= 0 {
		start += d * 10
		return itoa4(start) + "/" + itoa4(start+9), "decade"
	}
	return itoa4(start) + "/" + itoa4(start+99), "century"
}

// periodApprox is the Approx of a part of a decade or century: 末期 and
// 末 are "末", 中叶 and 中期 "中", 初期, 前期 and 初 "初", 后期 "末".
func periodApprox(p string) string {
	switch p {
	case "":
		return ""
	case "初期", "前期", "初":
		return "初"
	case "中期", "中叶", "中":
		return "中"
	}
	return "末"
}

func itoa4(n int) string {
	return string([]byte{byte('0' + n/1000%10), byte('0' + n/100%10), byte('0' + n/10%10), byte('0' + n%10)})
}

// badAfterYearWord holds characters that make 年 the start of another
// word (年轻 "young", 年纪/年龄 "age", 年级 "grade"): 如今年轻人 has no 今年.
const badAfterYearWord = "轻纪龄级华迈限薪货画"

var relYearOff = map[string]int{
	"大前年": -3, "前年": -2, "去年": -1, "上年": -1, "上一年": -1, "今年": 0, "本年": 0,
	"这一年": 0, "明年": 1, "下年": 1, "下一年": 1, "后年": 2, "大后年": 3, "次年": 1, "翌年": 1, "同年": 0, "当年": 0,
}

func buildRelYear(text string, m []int) (atom, bool) {
	word, suffix := sub(text, m, 1), sub(text, m, 2)
	end := m[1]
	if suffix == "初" && strings.ContainsRune(badAfterChu, nextRune(text, end)) {
		suffix, end = "", m[3]
	}
	if suffix == "" && strings.ContainsRune(badAfterYearWord, nextRune(text, end)) {
		return atom{}, false
	}
	switch word {
	case "今年", "去年", "明年", "大前年", "大后年", "上一年", "下一年", "当年", "这一年":
	default:
		if !freeStanding(text, m[0]) {
			return atom{}, false
		}
	}
	code := "relative/" + word
	if suffix == "同期" {
		code += suffix
	}
	a := newAtom(m[0], end, lvYear, lvYear, code)
	a.rel, a.off = relYear, relYearOff[word]
	switch word {
	case "次年", "翌年", "同年":
		// The year after (or of) the previous date in the text.
		a.rel, a.shift = relPrev, uYear
	case "当年":
		// "That year" after a date; alone (想当年, "back then") no year.
		a.rel, a.shift = relAfter, uYear
	}
	if suffix == "尾" {
		suffix = "底"
	}
	if suffix != "" && suffix != "度" {
		a.approx, a.closed = suffix, true
	}
	return a, true
}

func buildRelMonth(text string, m []int) (atom, bool) {
	word, suffix := sub(text, m, 1), sub(text, m, 3)
	switch word {
	case "本月", "这个月":
	case "当月", "同月":
		if prevRune(text, m[0]) != '月' && !freeStanding(text, m[0]) {
			return atom{}, false
		}
	default:
		if !freeStanding(text, m[0]) {
			return atom{}, false
		}
	}
	off := 0
	switch word {
	case "上月", "上个月":
		off = -1
	case "下月", "下个月", "次月":
		off = 1
	case "上上个月":
		off = -2
	case "下下个月":
		off = 2
	}
	a := newAtom(m[0], m[1], lvMonth, lvMonth, "relative/"+word)
	a.rel, a.off = relMonth, off
	if word == "当月" || word == "同月" || word == "次月" {
		a.rel, a.shift = relPrev, uMonth // the month of (or after) the previous date
	}
	monthSuffix(&a, suffix)
	return a, true
}

func buildRelQuarter(text string, m []int) (atom, bool) {
	word := sub(text, m, 1)
	if word != "本" && word != "这个" && !freeStanding(text, m[0]) {
		return atom{}, false
	}
	a := newAtom(m[0], m[1], lvQuarter, lvQuarter, "relative/"+word+"季度")
	a.rel, a.closed = relQuarter, true
	switch word[:len("上")] {
	case "上":
		a.off = -1
	case "下":
		a.off = 1
	}
	if p := sub(text, m, 2); p != "" {
		a.approx = p
	}
	return a, true
}

// monthSuffix applies 初/底/末 or 上旬/中旬/下旬 after a month; 头 and 尾
// (五月头, 六月尾) are 初 and 底, 中 alone (五月中) is 中旬.
func monthSuffix(a *atom, suffix string) {
	switch suffix {
	case "":
		return
	case "头":
		suffix = "初"
	case "尾":
		suffix = "底"
	case "中":
		suffix = "中旬"
	}
	switch suffix {
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
	"前天": {relDay, -2, ""}, "大前天": {relDay, -3, ""}, "明天": {relDay, 1, ""}, "明日": {relDay, 1, ""},
	"后天": {relDay, 2, ""}, "大后天": {relDay, 3, ""},
	"次日": {relPrev, 1, ""}, "翌日": {relPrev, 1, ""}, "隔天": {relPrev, 1, ""}, "隔日": {relPrev, 1, ""},
	"当天": {relPrev, 0, ""}, "当日": {relPrev, 0, ""}, "同日": {relPrev, 0, ""},
	"当晚": {relPrev, 0, "晚上"}, "当夜": {relPrev, 0, "晚上"},
	"第二天": {relAfter, 1, ""}, "前一天": {relAfter, -1, ""},
	"今晚": {relDay, 0, "晚上"}, "今夜": {relDay, 0, "晚上"}, "今早": {relDay, 0, "早上"}, "今晨": {relDay, 0, "早上"},
	"昨晚": {relDay, -1, "晚上"}, "昨夜": {relDay, -1, "晚上"}, "明晚": {relDay, 1, "晚上"}, "明早": {relDay, 1, "早上"},
}

func buildRelDay(text string, m []int) (atom, bool) {
	word := text[m[0]:m[1]]
	w := relDayWords[word]
	switch word {
	case "前天", "后天", "明日", "隔日", "同日":
		if !freeStanding(text, m[0]) {
			return atom{}, false
		}
	}
	a := newAtom(m[0], m[1], lvDay, lvDay, "relative/"+word)
	a.rel, a.off = w.kind, w.off
	if w.kind == relPrev {
		a.shift = uDay
	}
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

// buildQuarter reads 三季度, 第三季度, 前三季度 (the first three), 前两个
// 季度, 后两个季度 (the last two), 首季度 (the first) and their ends (一季度
// 末, Approx "末"). 三个季度 is a duration.
func buildQuarter(text string, m []int) (atom, bool) {
	prefix, num, ge, first := sub(text, m, 1), sub(text, m, 2), sub(text, m, 3), sub(text, m, 4)
	if first == "" && prefix == "" && !numberStartOK(text, m[0]) {
		return atom{}, false
	}
	if (ge != "" || num == "两") && prefix != "前" && prefix != "后" {
		return atom{}, false
	}
	q := 1
	if first == "" {
		n, ok := parseNum(strings.Replace(num, "两", "二", 1))
		if !ok || n < 1 || n > 4 {
			return atom{}, false
		}
		q = n
	}
	a := newAtom(m[0], m[1], lvQuarter, lvQuarter, "q")
	a.q0, a.q1, a.closed = q, q, true
	switch prefix {
	case "前": // 前三季度: the first three quarters
		if q == 1 {
			return atom{}, false
		}
		a.q0 = 1
	case "后": // 后两个季度: the last two
		if q == 1 || q == 4 {
			return atom{}, false
		}
		a.q0, a.q1 = 5-q, 4
	}
	if p := sub(text, m, 5); p != "" {
		a.approx = p
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
	if suffix == "尾" {
		suffix = "底"
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
	if unicode.Is(unicode.Han, nextRune(text, m[1])) && (sub(text, m, 1) == "头" || sub(text, m, 1) == "尾") {
		return atom{}, false // 月头条, 月尾巴
	}
	a := newAtom(m[0], m[1], lvMonth, lvMonth, "m")
	a.approx, a.closed = map[string]string{"头": "初", "尾": "底"}[sub(text, m, 1)], true
	if a.approx == "" {
		a.approx = sub(text, m, 1)
	}
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
	if !numberStartOK(text, m[0]) {
		return atom{}, false
	}
	if a, ok := monthPair(num); ok {
		// 六七月间, 七八月份: two months written as juxtaposed digits.
		a.span = corpus.Span{Start: m[0], End: m[1]}
		return a, suffix == ""
	}
	n, ok := parseNum(num)
	if !ok || n < 1 || n > 12 {
		return atom{}, false
	}
	end := m[1]
	if suffix == "初" && strings.ContainsRune(badAfterChu, nextRune(text, end)) ||
		(suffix == "中" || suffix == "头" || suffix == "尾") && unicode.Is(unicode.Han, nextRune(text, end)) {
		suffix, end = "", m[6] // 5月中国, 3月头条
	}
	a := newAtom(m[0], end, lvMonth, lvMonth, "m")
	a.m = n
	monthSuffix(&a, suffix)
	return a, true
}

// buildMonthDayBare reads a month and a day written without 日 or 号
// (二月十五, 十月一), as speech writes them: the day must end the phrase,
// since 三月一次 is not 3月1日.
func buildMonthDayBare(text string, m []int) (atom, bool) {
	next := nextRune(text, m[1])
	if !numberStartOK(text, m[0]) || unicode.Is(unicode.Han, next) || isArabic(next) || unicode.IsLetter(next) {
		return atom{}, false
	}
	mo, ok1 := parseNum(sub(text, m, 1))
	d, ok2 := parseNum(sub(text, m, 2))
	if !ok1 || !ok2 || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return atom{}, false
	}
	a := newAtom(m[0], m[1], lvMonth, lvDay, "md")
	a.m, a.d = mo, d
	return a, true
}

// monthPair reads two consecutive Chinese digits as a range of months
// (六七 → June and July).
func monthPair(num string) (atom, bool) {
	rs := []rune(num)
	if len(rs) != 2 {
		return atom{}, false
	}
	a1, b1 := numeral.Digit(rs[0]), numeral.Digit(rs[1])
	if isArabic(rs[0]) || a1 < 1 || b1 != a1+1 || rs[1] == '两' {
		return atom{}, false
	}
	a := newAtom(0, 0, lvMonth, lvMonth, "m")
	a.m0, a.m1 = a1, b1
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
	if unit == "日" && (strings.ContainsRune(badAfterDay, nextRune(text, m[1])) || prevRune(text, m[0]) == '起') {
		return atom{}, false // 之日起三十日: thirty days from then
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
const hourEndOK = "了前后左至到起开结许多过半整正钟，。、；）—-～~ \n"

// buildHour reads 9时, 10点半, 下午三点十五, 20时1刻, 九点零九分, 8时30分15秒,
// 零时, and the approximations after them: 7点多钟, 10时许, 8点左右.
func buildHour(text string, m []int) (atom, bool) {
	hs, unit := sub(text, m, 1), sub(text, m, 2)
	h, ok := 0, true
	if hs != "零" {
		h, ok = parseNum(hs)
	}
	if !ok || h > 24 || !numberStartOK(text, m[0]) {
		return atom{}, false
	}
	a := newAtom(m[0], m[1], lvTime, lvTime, "t")
	a.h = h
	arabic := isArabic(firstRune(hs))
	withFen := m[14] >= 0
	switch {
	case m[8] >= 0:
		a.mi = 30
	case m[10] >= 0:
		a.mi = 15 // 一刻, a quarter
		if n, _ := parseNum(sub(text, m, 5)); n == 3 {
			a.mi = 45
		}
	case m[12] >= 0:
		mi, ok := parseNum(sub(text, m, 6))
		if !ok || mi > 59 || unit == "时" && !withFen || hs == "零" && unit == "点" && !withFen {
			a.span.End = m[12] // 10时30 without 分: keep the hour only
			if hs == "零" && unit == "点" {
				return atom{}, false // 零点五 is 0.5
			}
			break
		}
		a.mi = mi
		if m[16] >= 0 {
			if s, ok := parseNum(sub(text, m, 8)); ok && s < 60 && withFen {
				a.s = s
			} else {
				a.span.End = m[15]
			}
		}
	}
	if a.mi < 0 {
		// 7点多钟, 10时许, 8点左右: about that hour.
		rest := text[a.span.End:]
		switch {
		case strings.HasPrefix(rest, "多钟"):
			a.approx, a.span.End = "多", a.span.End+len("多钟")
		case strings.HasPrefix(rest, "多") && !strings.HasPrefix(rest, "多年") && !strings.HasPrefix(rest, "多个"):
			a.approx, a.span.End = "多", a.span.End+len("多")
		}
	}
	if pod, end := meridiem(text, a.span.End); pod != "" && arabic {
		a.pod, a.span.End = pod, end // 6点30pm
	}
	switch rest := text[a.span.End:]; {
	case strings.HasPrefix(rest, "许"):
		a.approx, a.span.End = "许", a.span.End+len("许")
	case strings.HasPrefix(rest, "左右"):
		a.approx, a.span.End = "左右", a.span.End+len("左右")
	}
	marked := sub(text, m, 3) != "" || a.approx != "" && a.approx != "多"
	switch {
	case !arabic:
		// 三点 "three points", 一时 "for a while", 十五点五 "15.5".
		a.weak = !marked && !(withFen && a.mi >= 0) && m[10] < 0
	case unit == "点" && a.mi < 0 && !marked:
		r := nextRune(text, a.span.End)
		a.weak = r != 0 && !strings.ContainsRune(hourEndOK, r)
	}
	return a, true
}

func buildClock(text string, m []int) (atom, bool) {
	h, _ := parseNum(sub(text, m, 1))
	mi, _ := parseNum(sub(text, m, 2))
	pod, end := meridiem(text, m[1])
	if h > 24 || mi > 59 || !numberStartOK(text, m[0]) || pod == "" && !numberEndOK(text, m[1]) {
		return atom{}, false
	}
	a := newAtom(m[0], end, lvTime, lvTime, "t")
	a.pod = pod
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

// meridiem reads am or pm (a.m., PM) right after a time at byte i and
// returns the part of the day it stands for and where it ends.
func meridiem(text string, i int) (string, int) {
	j := i
	if j < len(text) && text[j] == ' ' {
		j++
	}
	if j >= len(text) {
		return "", i
	}
	pod := ""
	switch text[j] {
	case 'a', 'A':
		pod = "am"
	case 'p', 'P':
		pod = "pm"
	default:
		return "", i
	}
	j++
	if j < len(text) && text[j] == '.' {
		j++
	}
	if j >= len(text) || text[j] != 'm' && text[j] != 'M' {
		return "", i
	}
	j++
	if j < len(text) && text[j] == '.' {
		j++
	}
	if j < len(text) && text[j] < utf8.RuneSelf && unicode.IsLetter(rune(text[j])) {
		return "", i // 3 Apples
	}
	return pod, j
}

// buildMeridiem reads 3pm and 10 a.m.: an hour that am or pm makes a time.
func buildMeridiem(text string, m []int) (atom, bool) {
	pod, end := meridiem(text, m[3])
	if pod == "" || !numberStartOK(text, m[0]) {
		return atom{}, false
	}
	h, _ := parseNum(sub(text, m, 1))
	if h < 1 || h > 12 {
		return atom{}, false
	}
	a := newAtom(m[0], end, lvTime, lvTime, "t")
	a.h, a.pod = h, pod
	return a, true
}

func buildPOD(text string, m []int) (atom, bool) {
	a := newAtom(m[0], m[1], lvPOD, lvPOD, "")
	a.pod, a.weak = text[m[0]:m[1]], true
	return a, true
}

// buildISO reads 2021-06-25, 2021/6/25, 2021.06.25 and 2019.03-08 (a dot,
// then a dash); a clock time glued to a two-digit day is read with it
// (2020-05-0614:30, as scraped pages write it).
func buildISO(text string, m []int) (atom, bool) {
	s1, s2 := sub(text, m, 2), sub(text, m, 4)
	if s1 != s2 && !(s1 == "." && s2 == "-") || !numberStartOK(text, m[0]) {
		return atom{}, false
	}
	a := newAtom(m[0], m[1], lvYear, lvDay, "iso/ymd")
	a.y, _ = parseNum(sub(text, m, 1))
	a.m, _ = parseNum(sub(text, m, 3))
	a.d, _ = parseNum(sub(text, m, 5))
	if !numberEndOK(text, m[1]) {
		h, mi, end, ok := gluedClock(text, m[1])
		if !ok || m[11]-m[10] != 2 {
			return atom{}, false
		}
		a.h, a.mi, a.span.End, a.fin = h, mi, end, lvTime
	}
	return a, a.m >= 1 && a.m <= 12 && a.d >= 1 && a.d <= 31
}

// gluedClock reads hh:mm (or h:mm) at i, followed by no digit.
func gluedClock(text string, i int) (h, mi, end int, ok bool) {
	j := i
	for j < len(text) && j-i < 2 && text[j] >= '0' && text[j] <= '9' {
		j++
	}
	if j == i || j >= len(text) || text[j] != ':' || j+3 > len(text) {
		return 0, 0, 0, false
	}
	hs, ms := text[i:j], text[j+1:j+3]
	if !digitsOnly(ms, 2) {
		return 0, 0, 0, false
	}
	h, _ = parseNum(hs)
	mi, _ = parseNum(ms)
	end = j + 3
	if h > 23 || mi > 59 || !numberEndOK(text, end) {
		return 0, 0, 0, false
	}
	return h, mi, end, true
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

// idBefore holds the words before eight digits that make them an
// identifier rather than a date: 订单号20210625, 编码, 批次, No.
var idBefore = []string{"号", "码", "编号", "批次", "代码", "账户", "卡", "证", "单", "No", "NO", "no", "ID", "id", "#"}

// unitAfter holds the characters after eight digits that make them an
// amount (20210625元) rather than a date.
const unitAfter = "元万亿人个次件台位名吨米克户项份股"

// buildCompact accepts 20210625 (a valid date of 1000–2199 of eight
// digits) unless an identifier word comes before it or a unit after it.
// Other eight-digit numbers (amounts, phone numbers) rarely make a valid
// date, and longer digit runs are never one.
func buildCompact(text string, m []int) (atom, bool) {
	if !numberStartOK(text, m[0]) || !numberEndOK(text, m[1]) || strings.ContainsRune(unitAfter, nextRune(text, m[1])) {
		return atom{}, false
	}
	before := strings.TrimRight(text[max(0, m[0]-12):m[0]], " ：:")
	for _, w := range idBefore {
		if strings.HasSuffix(before, w) {
			return atom{}, false
		}
	}
	a := newAtom(m[0], m[1], lvYear, lvDay, "compact/ymd")
	a.y, _ = parseNum(sub(text, m, 1))
	a.m, _ = parseNum(sub(text, m, 2))
	a.d, _ = parseNum(sub(text, m, 3))
	return a, a.m >= 1 && a.m <= 12 && a.d >= 1 && a.d <= 31
}

// buildSpaced reads 2023 09 15: a four-digit year, month and day of two
// digits each, apart by spaces.
func buildSpaced(text string, m []int) (atom, bool) {
	if !numberStartOK(text, m[0]) || !numberEndOK(text, m[1]) || nextRune(text, m[1]) == ' ' && isArabic(nextRune(text, m[1]+1)) {
		return atom{}, false
	}
	a := newAtom(m[0], m[1], lvYear, lvDay, "spaced/ymd")
	a.y, _ = parseNum(sub(text, m, 1))
	a.m, _ = parseNum(sub(text, m, 2))
	a.d, _ = parseNum(sub(text, m, 3))
	return a, a.m >= 1 && a.m <= 12 && a.d >= 1 && a.d <= 31 && a.y >= 1900
}

// buildMonthDayClock reads 07-01 08:30: a month and day without a year,
// which only a clock time after them makes a date (07-01 alone is as
// often a score or a code).
func buildMonthDayClock(text string, m []int) (atom, bool) {
	if !numberStartOK(text, m[0]) || !numberEndOK(text, m[1]) || strings.ContainsRune("-/.－", prevRune(text, m[0])) {
		return atom{}, false
	}
	a := newAtom(m[0], m[1], lvMonth, lvTime, "md-t")
	a.m, _ = parseNum(sub(text, m, 1))
	a.d, _ = parseNum(sub(text, m, 2))
	a.h, _ = parseNum(sub(text, m, 3))
	a.mi, _ = parseNum(sub(text, m, 4))
	return a, a.m >= 1 && a.m <= 12 && a.d >= 1 && a.d <= 31 && a.h <= 24 && a.mi <= 59
}

// buildDotDate reads 7·1 and 10·1: month and day joined by a middle dot.
// Quoted and followed by a name (“7·20”特大暴雨, “5·12”汶川地震), the dots
// name an event of some past year, which the text does not give.
func buildDotDate(text string, m []int) (atom, bool) {
	if !numberStartOK(text, m[0]) || !numberEndOK(text, m[1]) {
		return atom{}, false
	}
	if prevRune(text, m[0]) == '“' && nextRune(text, m[1]) == '”' && unicode.Is(unicode.Han, nextRune(text, m[1]+len("”"))) {
		return atom{}, false
	}
	a := newAtom(m[0], m[1], lvMonth, lvDay, "dot/md")
	a.m, _ = parseNum(sub(text, m, 1))
	a.d, _ = parseNum(sub(text, m, 2))
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

// weekOffset is the week a prefix of 周 names, from the reference week.
func weekOffset(prefix string) int {
	switch {
	case strings.HasPrefix(prefix, "上上"):
		return -2
	case strings.HasPrefix(prefix, "下下"):
		return 2
	case strings.HasPrefix(prefix, "上"):
		return -1
	case strings.HasPrefix(prefix, "下"):
		return 1
	}
	return 0
}

// weekdayOf returns the weekday a character after 周 names, 1 (Monday)
// to 7 (Sunday), or 0.
func weekdayOf(r rune) int {
	switch r {
	case '日', '天':
		return 7
	}
	if n := numeral.Digit(r); n >= 1 && n <= 7 && r != '两' {
		return n
	}
	return 0
}

// notAfterWeek holds characters that make 周 the start of another word:
// 周转 (turnover), 周边, 周期, 周年, 周岁.
const notAfterWeek = "转边围期年岁密全到知旋游长身折"

// buildWeekday reads weekdays in every spelling (周四, 星期五, 礼拜六, 週二,
// 星期天), weeks (本周, 上周, 下下周, 这个星期, 上礼拜) and weekends (周末,
// 下周末), all in Monday-start weeks around the document date. 每周一
// recurs; 一周, 两周 and 两个星期 are durations.
func buildWeekday(text string, m []int) (atom, bool) {
	prefix, day := sub(text, m, 1), sub(text, m, 2)
	p := prevRune(text, m[0])
	if p == '每' || prefix == "" && (isNumeral(p) || p == '第' || p == '个' || p == '两') {
		return atom{}, false
	}
	if prefix == "" && day == "" {
		return atom{}, false
	}
	if len(prefix) == len("本") && !freeStanding(text, m[0]) {
		return atom{}, false // 样本周转 (sample turnover), 基本周期
	}
	if day == "" && strings.ContainsRune(notAfterWeek, nextRune(text, m[1])) {
		return atom{}, false // 上周期, 本周年
	}
	if next := nextRune(text, m[1]); day != "" && (isArabic(next) || prefix == "" && next == '代') {
		return atom{}, false // 时装周2023, 夏商周三代 (three dynasties)
	}
	code := "weekday"
	a := newAtom(m[0], m[1], lvDay, lvDay, code)
	a.rel, a.off = relWeek, weekOffset(prefix)
	switch {
	case day == "":
		a.week, a.top, a.fin, a.code = true, lvWeek, lvWeek, "week"
	case day == "末":
		a.weekend, a.code = true, "weekend"
	default:
		a.wd = weekdayOf(firstRune(day))
		if a.wd == 0 {
			return atom{}, false
		}
	}
	if prefix == "" && !a.week && !a.weekend {
		a.annot = true // may name the weekday of the date before it
	}
	return a, true
}

// buildNthWeek reads 第3周 (a week of the year or month before it) and
// 第一个星期一 (the first Monday of the month before it). Alone, a course
// or a season has weeks too: the atom is weak.
func buildNthWeek(text string, m []int) (atom, bool) {
	n, ok := parseNum(strings.Replace(sub(text, m, 1), "两", "二", 1))
	ge, day := sub(text, m, 2), sub(text, m, 3)
	if !ok || n < 1 || n > 53 {
		return atom{}, false
	}
	a := newAtom(m[0], m[1], lvWeek, lvWeek, "nth-week")
	a.nth, a.weak, a.week = n, true, true
	if day != "" {
		if ge == "" || n > 5 {
			return atom{}, false // 第二周三: unclear
		}
		a.wd, a.nthWD, a.week, a.fin, a.code = weekdayOf(firstRune(day)), true, false, lvDay, "nth-weekday"
	}
	return a, true
}

// notBeforeFirstLast holds characters that make 前 or 后 the end of
// another word: 此前三天 ("three days before this"), 之后, 目前, 最后.
const notBeforeFirstLast = "此之以提日目面当空史眼跟门生然今随其过落背"

// buildFirstLast reads the first or last months or days of the period
// before it: 前三个月 (2021年前三个月: January to March), 后两个月, 头两个月,
// 首月, 前10天 and 最后三天 (of a month). 前N个月 and 前N月 alone, as
// economic news writes them, are of the document's year; the others need
// their period.
func buildFirstLast(text string, m []int) (atom, bool) {
	which, num, ge, u := sub(text, m, 1), sub(text, m, 2), sub(text, m, 3), sub(text, m, 4)
	if strings.ContainsRune(notBeforeFirstLast, prevRune(text, m[0])) {
		return atom{}, false
	}
	n := 1
	switch {
	case which == "首":
		if num != "" || ge != "" || u != "月" {
			return atom{}, false
		}
	case num == "":
		return atom{}, false
	default:
		var ok bool
		if n, ok = parseNum(strings.Replace(num, "两", "二", 1)); !ok || n < 1 {
			return atom{}, false
		}
	}
	first := which == "前" || which == "头" || which == "首"
	a := newAtom(m[0], m[1], lvMonth, lvMonth, "first-last")
	if u == "月" {
		if n > 12 {
			return atom{}, false
		}
		a.m0, a.m1 = 1, n
		if !first {
			a.m0, a.m1 = 13-n, 12
		}
		// 后三月 alone is "after March"; after a year (2021年后三月) it is
		// the last three months. 前2月 alone is a statistic's period.
		a.weak = which != "前"
		return a, true
	}
	if ge != "" || n > 31 {
		return atom{}, false
	}
	a.top, a.fin, a.weak = lvDay, lvDay, true
	a.d0, a.d1 = 1, n
	if !first {
		a.d0, a.d1 = -n, -1
	}
	return a, true
}

// notAfterBefore and notAfterAfter hold characters that make 前 and 后
// after a duration the start of another word: 3天前往 ("three days going
// to"), 5年后期.
const (
	notAfterBefore = "往来进行夕线列沿所提景后"
	notAfterAfter  = "续期方面者盾勤卫备台来果劲"
)

// buildShift reads offsets: 三年前, 10天后, 两个月后, 两周后, 半小时后, 一刻钟后,
// 5分钟之后, 三年以前. The value is the resulting date or time at the
// unit's grain, counted from the previous date in the text (4月30日入院，
// 10天后出院) or the document date. A duration without 前 or 后 is no
// date; vague counts (几年前, 十多年前) give none.
func buildShift(text string, m []int) (atom, bool) {
	if p := prevRune(text, m[0]); !numberStartOK(text, m[0]) || p == '的' || p == '起' {
		// 会议举行的四十五日前, 自公布之日起三十日后: before or after an event,
		// not a date.
		return atom{}, false
	}
	count, ge, u := sub(text, m, 1), sub(text, m, 2), sub(text, m, 3)
	end := m[1]
	rest := text[end:]
	sign := 0
	for _, w := range []struct {
		s    string
		sign int
	}{{"之后", 1}, {"以后", 1}, {"过后", 1}, {"后", 1}, {"之前", -1}, {"以前", -1}, {"前", -1}} {
		if strings.HasPrefix(rest, w.s) {
			sign, end = w.sign, end+len(w.s)
			break
		}
	}
	if sign == 0 {
		return atom{}, false
	}
	next := nextRune(text, end)
	if sign < 0 && strings.ContainsRune(notAfterBefore, next) || sign > 0 && strings.ContainsRune(notAfterAfter, next) {
		return atom{}, false
	}
	n := 0
	if m[2] < 0 { // 一刻钟
		n, u = 15, "分钟"
	} else if count != "半" {
		v, ok := numeral.Chinese(count)
		if !ok {
			small, ok2 := parseNum(count)
			v, ok = uint64(small), ok2
		}
		if !ok || v == 0 || v > 1000 {
			return atom{}, false
		}
		n = int(v)
	}
	a := newAtom(m[0], end, lvDay, lvDay, "shift")
	a.rel = relPrev
	switch u {
	case "年":
		a.shift, a.top, a.fin = uYear, lvYear, lvYear
		if count == "半" {
			a.shift, a.top, a.fin, n = uMonth, lvMonth, lvMonth, 6
		}
	case "月":
		if ge == "" {
			return atom{}, false // 3月后 is after March
		}
		a.shift, a.top, a.fin = uMonth, lvMonth, lvMonth
		if count == "半" {
			a.shift, a.top, a.fin, n = uDay, lvDay, lvDay, 15
		}
	case "周", "星期", "礼拜":
		if count == "半" {
			return atom{}, false
		}
		a.shift, n = uDay, n*7
	case "天", "日":
		if count == "半" || u == "日" && isArabic(firstRune(count)) || ge != "" {
			return atom{}, false // 5日后 is after the fifth
		}
		a.shift = uDay
	case "小时", "钟头":
		a.shift, a.top, a.fin = uHour, lvTime, lvTime
		if count == "半" {
			a.shift, n = uMinute, 30
		}
	case "分钟":
		a.shift, a.top, a.fin = uMinute, lvTime, lvTime
		if count == "半" {
			a.shift, n = uSecond, 30
		}
	case "秒钟", "秒":
		if count == "半" {
			return atom{}, false
		}
		a.shift, a.top, a.fin = uSecond, lvTime, lvTime
	}
	if ge != "" && a.shift != uMonth && u != "星期" && u != "礼拜" && u != "小时" && u != "钟头" && count != "半" {
		return atom{}, false // 三个年后: no such form
	}
	a.off = sign * n
	a.closed = a.shift == uYear || a.shift == uMonth
	if sign < 0 && a.closed {
		// 三年前, 两个月前: before now, the document's date; 两年后 follows
		// the event before it (2019年立项，两年后建成).
		a.rel = relYear
		if a.shift == uMonth {
			a.rel = relMonth
		}
	}
	return a, true
}
