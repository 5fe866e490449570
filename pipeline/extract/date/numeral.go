package date

import "unicode/utf8"

// digit returns the value of an ASCII, full-width or Chinese digit
// (〇零○一…九), or -1. Full-width digits are digits here so that
// ２０２１年 needs no folded copy of the text.
func digit(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	switch r {
	case '〇', '零', '○':
		return 0
	case '一':
		return 1
	case '二':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

// isArabic reports whether r is an ASCII or full-width digit.
func isArabic(r rune) bool {
	return r >= '0' && r <= '9' || r >= '０' && r <= '９'
}

// isNumeral reports whether r can be part of a number, Arabic or Chinese.
func isNumeral(r rune) bool {
	if digit(r) >= 0 {
		return true
	}
	switch r {
	case '十', '百', '千', '万', '亿', '两', '廿', '几':
		return true
	}
	return false
}

// parseNum reads the small numbers dates are written with: digit strings
// (25, ２５, 二〇二一) and Chinese numerals with 十 (十, 十二, 二十五,
// 三十一). It is not a general numeral parser: 百, 千 and 万 never occur
// in dates.
func parseNum(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	var (
		n, tens int
		seenTen bool
		digits  int
	)
	for _, r := range s {
		if r == '十' {
			if seenTen || digits > 1 {
				return 0, false
			}
			seenTen = true
			tens = n
			if digits == 0 {
				tens = 1
			}
			n, digits = 0, 0
			continue
		}
		v := digit(r)
		if v < 0 {
			return 0, false
		}
		n = n*10 + v
		digits++
	}
	if seenTen {
		if digits > 1 {
			return 0, false
		}
		return tens*10 + n, true
	}
	return n, true
}

// digitsOnly reports whether s consists of n runes, all Arabic digits.
func digitsOnly(s string, n int) bool {
	if utf8.RuneCountInString(s) != n {
		return false
	}
	for _, r := range s {
		if !isArabic(r) {
			return false
		}
	}
	return true
}
