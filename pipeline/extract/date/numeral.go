package date

import (
	"unicode/utf8"

	"github.com/baogao/baogao/corpus/numeral"
)

// isArabic reports whether r is an ASCII or full-width digit. Full-width
// digits are digits here so that ２０２１年 needs no folded copy of the
// text.
func isArabic(r rune) bool { return numeral.IsArabic(r) }

// isNumeral reports whether r can be part of a number, Arabic or Chinese,
// or is 几 ("a few"): a date never starts right after one.
func isNumeral(r rune) bool {
	return numeral.IsArabic(r) || numeral.IsChinese(r) || r == '几'
}

// parseNum reads the small numbers dates are written with: digit strings
// (25, ２５, 二〇二一) and Chinese numerals below 100 (十, 十二, 二十五,
// 廿五). See numeral.Small.
func parseNum(s string) (int, bool) { return numeral.Small(s) }

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
