package format

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/numeral"
)

// This file holds a deliberately small parser for full calendar dates.
// The date extractor (pipeline/extract/date) handles partial and relative
// dates; here only year-month-day dates matter, because a document date
// without a day would be a guess.

// dateSpan is one full date found in a string, with its byte range.
type dateSpan struct {
	Date       corpus.Date
	Start, End int
}

// findDates returns every valid full date in s, in order of position:
// 2021年6月25日, 2021 年 6 月 25 号, 二〇二一年六月二十五日, 2021-06-25,
// 2021/6/25, 2021.06.25, in ASCII or full-width digits.
//
// It is a hand-written scanner rather than regular expressions because it
// runs over every line of every document: it stops only at 年 and at runs
// of digits instead of trying a pattern at every byte.
func findDates(s string) []dateSpan {
	var out []dateSpan
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '年':
			if d, ok := yearMonthDay(s, i); ok {
				out = append(out, d)
				i = d.End
				continue
			}
		case isDigit(r):
			if d, ok := numericDate(s, i); ok {
				out = append(out, d)
				i = d.End
				continue
			}
			// A date starts a digit run; skip the rest of it.
			for i += size; i < len(s); i += size {
				if r, size = utf8.DecodeRuneInString(s[i:]); !isDigit(r) {
					break
				}
			}
			continue
		}
		i += size
	}
	return out
}

// yearMonthDay reads 2021年6月25日 or 二〇二一年六月二十五日 around the 年
// at s[at].
func yearMonthDay(s string, at int) (dateSpan, bool) {
	start, y := yearBefore(s, skipSpaceBack(s, at))
	if start < 0 {
		return dateSpan{}, false
	}
	i, m := smallNumber(s, skipSpace(s, at+len("年")))
	i = skipSpace(s, i)
	if m < 0 || !strings.HasPrefix(s[i:], "月") {
		return dateSpan{}, false
	}
	i, d := smallNumber(s, skipSpace(s, i+len("月")))
	i = skipSpace(s, i)
	if d < 0 || !(strings.HasPrefix(s[i:], "日") || strings.HasPrefix(s[i:], "号")) {
		return dateSpan{}, false
	}
	date, ok := validDate(y, m, d)
	return dateSpan{Date: date, Start: start, End: i + len("日")}, ok
}

// yearBefore reads the four-digit year (Arabic, full-width or Chinese
// digits, not mixed with a longer number) that ends at s[end]. start is
// -1 if there is none.
func yearBefore(s string, end int) (start, year int) {
	i := end
	for range 4 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if size == 0 || numeral.Digit(r) < 0 {
			return -1, 0
		}
		i -= size
	}
	if r, size := utf8.DecodeLastRuneInString(s[:i]); size > 0 {
		if numeral.Digit(r) >= 0 {
			return -1, 0
		}
	}
	for _, r := range s[i:end] {
		year = year*10 + numeral.Digit(r)
	}
	return i, year
}

// smallNumber reads a month or day at s[i]: one or two Arabic digits, or
// a Chinese numeral of up to three characters (numeral.Small: 六, 十二,
// 二十五, 廿五). It returns the index after it and the value, or -1.
func smallNumber(s string, i int) (int, int) {
	if j, n := digitRun(s, i, 1, 2); n >= 0 {
		return j, n
	}
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if numeral.IsArabic(r) || numeral.Digit(r) < 0 && r != '十' && numeral.Tens(r) == 0 {
			break
		}
		j += size
	}
	if j == i || utf8.RuneCountInString(s[i:j]) > 3 {
		return i, -1
	}
	n, ok := numeral.Small(s[i:j])
	if !ok {
		return i, -1
	}
	return j, n
}

// numericDate reads 2021-06-25, 2021/6/25 or 2021.06.25 starting at s[i];
// both separators must be the same and no digit may touch the date.
func numericDate(s string, i int) (dateSpan, bool) {
	if r, size := utf8.DecodeLastRuneInString(s[:i]); size > 0 && isDigit(r) {
		return dateSpan{}, false
	}
	j, y := digitRun(s, i, 4, 4)
	if y < 0 {
		return dateSpan{}, false
	}
	sep, size := utf8.DecodeRuneInString(s[j:])
	if !isDateSep(sep) {
		return dateSpan{}, false
	}
	j, m := digitRun(s, j+size, 1, 2)
	if m < 0 || !strings.HasPrefix(s[j:], string(sep)) {
		return dateSpan{}, false
	}
	j, d := digitRun(s, j+size, 1, 2)
	if d < 0 {
		return dateSpan{}, false
	}
	date, ok := validDate(y, m, d)
	return dateSpan{Date: date, Start: i, End: j}, ok
}

func isDateSep(r rune) bool {
	switch r {
	case '-', '/', '.', '．', '－':
		return true
	}
	return false
}

// digitRun reads a run of digits at s[i] and returns the index after it
// and its value; the value is -1 unless the whole run has between min and
// max digits.
func digitRun(s string, i, min, max int) (int, int) {
	j, n := i, 0
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !isDigit(r) {
			break
		}
		j += size
		n++
	}
	if n < min || n > max {
		return i, -1
	}
	return j, atoi(s[i:j])
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

func skipSpaceBack(s string, i int) int {
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
		i--
	}
	return i
}

// compactDate matches 20230105 in file names.
var compactDate = regexp.MustCompile(`((?:19|20)[0-9]{2})([0-9]{2})([0-9]{2})`)

// filenameSeparated matches 2021-06-25 and 2021_06_25 in file names.
var filenameSeparated = regexp.MustCompile(`([0-9]{4})[-_.]([0-9]{1,2})[-_.]([0-9]{1,2})`)

// dateFromFilename finds a full date in the base name of path.
func dateFromFilename(path string) (corpus.Date, bool) {
	base := path[strings.LastIndexAny(path, `/\`)+1:]
	if d, ok := firstDate(base); ok {
		return d, true
	}
	for _, re := range []*regexp.Regexp{filenameSeparated, compactDate} {
		for _, m := range re.FindAllStringSubmatchIndex(base, -1) {
			if digitAround(base, m[0], m[1]) {
				continue
			}
			y, mo, d := atoi(base[m[2]:m[3]]), atoi(base[m[4]:m[5]]), atoi(base[m[6]:m[7]])
			if date, ok := validDate(y, mo, d); ok {
				return date, true
			}
		}
	}
	return corpus.Date{}, false
}

// firstDate parses the first full date in s, as in a field value
// "2021-06-25T10:00:00+08:00" or "日期：2021-06-25 10:00".
func firstDate(s string) (corpus.Date, bool) {
	if ds := findDates(s); len(ds) > 0 {
		return ds[0].Date, true
	}
	return corpus.Date{}, false
}

// latestDate returns the latest full date in s.
func latestDate(s string) (corpus.Date, bool) {
	var best corpus.Date
	for _, ds := range findDates(s) {
		if dateBefore(best, ds.Date) {
			best = ds.Date
		}
	}
	return best, !best.IsZero()
}

// dateBefore reports whether a is earlier than b; the zero Date is
// earlier than every date.
func dateBefore(a, b corpus.Date) bool {
	if a.Year != b.Year {
		return a.Year < b.Year
	}
	if a.Month != b.Month {
		return a.Month < b.Month
	}
	return a.Day < b.Day
}

// validDate checks the calendar and a plausible year range: report files
// are not from before 1900 or after 2100, and a wider range lets serial
// numbers pass as dates.
func validDate(y, m, d int) (corpus.Date, bool) {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return corpus.Date{}, false
	}
	return corpus.Date{Year: y, Month: m, Day: d}, true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// atoi converts ASCII or full-width digits; it returns -1 on anything else.
func atoi(s string) int {
	n := 0
	for _, r := range s {
		if !numeral.IsArabic(r) {
			return -1
		}
		n = n*10 + numeral.Digit(r)
	}
	return n
}

// digitAround reports whether s[start:end] touches a digit on either side,
// which means the match is part of a longer number.
func digitAround(s string, start, end int) bool {
	r, size := utf8.DecodeLastRuneInString(s[:start])
	if size > 0 && isDigit(r) {
		return true
	}
	r, size = utf8.DecodeRuneInString(s[end:])
	return size > 0 && isDigit(r)
}

func isDigit(r rune) bool { return numeral.IsArabic(r) }

// commonYear returns the year a text writes most often as "YYYY年"
// (ties: the later one), leaving out targets (到2025年, 至2035年) since
// plans name years other than their own. Many reports date events by
// month and day only and name their year once ("2021年是建党100周年"):
// the year alone is enough to complete those dates.
func commonYear(s string) (int, bool) {
	count := map[int]int{}
	for i := 0; i < len(s); {
		k := strings.IndexRune(s[i:], '年')
		if k < 0 {
			break
		}
		end := i + k
		i = end + len("年")
		start, year := yearBefore(s, end)
		if start < 0 || year < 1900 || year > 2100 {
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(s[:start]); strings.ContainsRune("到至—-~～", r) {
			continue
		}
		count[year]++
	}
	best, bestN := 0, 0
	for y, n := range count {
		if n > bestN || n == bestN && y > best {
			best, bestN = y, n
		}
	}
	return best, bestN > 0
}
