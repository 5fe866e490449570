package date

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
)

// level is the calendar unit of a piece of a date, coarse to fine. A
// chain of atoms (年, 月, 日, time) is valid when each atom continues
// the previous one at a finer level (see follows).
type level uint8

const (
	lvNone level = iota
	lvYear
	lvHalf    // 上半年, 下半年
	lvQuarter // 一季度
	lvMonth
	lvWeek // 下周, 第3周: a Monday-to-Sunday week
	lvXun  // 上旬, 中旬, 下旬: a third of a month
	lvDay
	lvPOD  // part of day: 上午, 傍晚
	lvTime // hour, minute, second
)

// relKind says how a relative word is counted: from the document date,
// or from the previous date in the text (the story's own timeline).
type relKind uint8

const (
	relNone    relKind = iota
	relYear            // 今年, 去年: years from the document date
	relMonth           // 本月, 上月
	relQuarter         // 本季度, 上季度
	relWeek            // 本周, 下周三, 周四: Monday-start weeks around the document date
	relDay             // 今天, 昨天
	relCentury         // 本世纪, 上世纪
	// relPrev counts from the previous date in the text when there is a
	// plausible one (see state.anchor), else from the document date:
	// 次日, 当天, 同年, 当月, 三天后.
	relPrev
	// relAfter counts days from the previous date in the text only:
	// 第二天 "the day after" and 前一天 follow a story's own timeline
	// (第二天 after admission), which the document date is not.
	relAfter
)

// unit is the calendar unit of a relative offset (三年前, 两个月后, 半小时后)
// or of a relative word counted from the previous date (同年, 当月, 次日).
type unit uint8

const (
	uNone unit = iota
	uYear
	uMonth
	uDay
	uHour
	uMinute
	uSecond
)

// atom is one recognised piece of a date expression: a number with its
// unit (2021年, 6月, 25日, 10时30分), a self-contained form (2021-06-25,
// 7:30), a word (去年, 上半年, 傍晚, 春节) or a bare number waiting for the
// unit of a range end (the 1 of 1—7月).
type atom struct {
	span     corpus.Span
	top, fin level  // coarsest and finest level written
	code     string // rule fragment: "y", "m", "d", "t", "iso/ymd", "relative/去年", ...
	weak     bool   // needs a neighbour in its chain to count (98年, 三点, 25号)
	closed   bool   // nothing finer may follow (年底, 5月上旬, 同期)
	bare     bool   // a number whose unit comes from the end of the range
	num      string // bare: the number as written

	y, m, d  int // written values, 0 = not written
	h, mi, s int // -1 = not written
	pod      string
	half     int    // 1 or 2
	q0, q1   int    // quarters, first and last (前三季度 = 1..3)
	m0, m1   int    // months of a year, first and last (前三个月 = 1..3)
	d0, d1   int    // days of a month (前10天 = 1..10; 最后3天 = -3..-1)
	xun      int    // 1..3
	days     int    // the value covers this many days from d (weeks 7, 周末 2); 0 and 1: one
	wd       int    // weekday, 1 (Monday) … 7 (Sunday); 0 = not written
	weekend  bool   // 周末: Saturday and Sunday
	week     bool   // a whole week: 下周, 第3周
	nth      int    // 第3周 (week of the year or month); with wd, the 3rd such weekday (第三个星期一)
	nthWD    bool   // nth counts weekdays of a month, not weeks
	annot    bool   // a weekday after a date that names its weekday (6月1日周六)
	approx   string // fuzziness marker: 初, 底, 末, 旬, 同期, 许, 多, ...
	rel      relKind
	off      int  // relative offset in rel (or shift) units
	shift    unit // relPrev: the unit counted (三天后: uDay, off 3)
	hol      *holiday
	y2       bool // a two-digit year (98年): the century comes from the document date
	// fixed is a complete Value (decades, centuries), bypassing
	// resolution; fixedGrain is its grain.
	fixed, fixedGrain string
}

func newAtom(start, end int, top, fin level, code string) atom {
	return atom{span: corpus.Span{Start: start, End: end}, top: top, fin: fin, code: code, h: -1, mi: -1, s: -1}
}

// prevRune returns the rune before byte offset i, or 0 at the start.
func prevRune(text string, i int) rune {
	if i <= 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r
}

// nextRune returns the rune at byte offset i, or 0 at the end.
func nextRune(text string, i int) rune {
	if i >= len(text) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r
}

// glued reports whether r, next to a number, makes it part of a longer
// token: another digit, a Latin letter, a decimal point or a path or
// version separator. Such numbers are IDs, URLs or decimals, not dates.
func glued(r rune) bool {
	if isArabic(r) {
		return true
	}
	switch r {
	case '.', '/', '_', '%', '．', '％', '@', '#', '=':
		return true
	}
	return r < utf8.RuneSelf && unicode.IsLetter(r)
}

// countPrefix holds characters that turn a following number into a count
// or an ordinal (第3日 "the third day", 近3日 "the last three days", 每5日
// "every five days") rather than a calendar value.
const countPrefix = "第每近逾满连余数个共计达"

// bareOK holds what may precede a free-standing relative word made of
// common characters (前年, 上月, 后天): punctuation, the start, or one of
// these function words. A Han character outside the list usually means
// the word is the tail of another one (当前年度, 以上月份, 先天后天).
const bareOK = "在于至到和与及从自比较同是的为将截止今及、，。；：（）“”《》"

// freeStanding reports whether the word at [start, …) is not glued to a
// preceding Han character outside bareOK.
func freeStanding(text string, start int) bool {
	r := prevRune(text, start)
	if r == 0 || !unicode.Is(unicode.Han, r) {
		return true
	}
	return strings.ContainsRune(bareOK, r) || expects(text, start)
}

// badAfterChu holds characters that make 初 the start of another word
// (初步 "preliminary", 初中 "junior high", 初心 "original aspiration"),
// so 2021年初步建成 is the year 2021, not "early 2021".
const badAfterChu = "步期中级次心始衷审赛稿等创见露具"

// numberStartOK checks the left edge of an atom that starts with a
// number: not inside a longer number, not a count or an ordinal.
func numberStartOK(text string, start int) bool {
	r := prevRune(text, start)
	if r == 0 {
		return true
	}
	if r == '.' && listNumber(text, start-1) {
		return true // 3.2024年四季度: item 3 of a list
	}
	if glued(r) || isNumeral(r) {
		return false
	}
	return !strings.ContainsRune(countPrefix, r) || expects(text, start)
}

// listNumber reports whether the point at byte offset i ends a list
// number at the start of a line: one or two digits after a line break,
// spaces or the start of the text.
func listNumber(text string, i int) bool {
	j := i
	for j > 0 && i-j < 2 && text[j-1] >= '0' && text[j-1] <= '9' {
		j--
	}
	if j == i {
		return false
	}
	return j == 0 || text[j-1] == '\n' || text[j-1] == ' '
}

// expects reports whether the word before byte offset i is 预计 or 估计
// ("expected to", "estimated"): their 计 is not the 计 of 共计 "in total",
// so 预计2023年 and 预计明年 are dates.
func expects(text string, i int) bool {
	return strings.HasSuffix(text[:i], "预计") || strings.HasSuffix(text[:i], "估计")
}

// numberEndOK checks the right edge of an atom that ends with a digit.
func numberEndOK(text string, end int) bool {
	r := nextRune(text, end)
	return r == 0 || !glued(r) && r != ':' && r != '：'
}
