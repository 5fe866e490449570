package numeral

// MaxExact bounds every value this package returns: a numeral whose value
// or whose intermediate products reach it is not read (ok is false).
// Callers keep values exact in a uint64 mantissa; no report writes a
// quantity this large.
const MaxExact = 1_000_000_000_000_000_000

// Digit returns the value of r as a single digit, or -1: ASCII and
// full-width digits, the Chinese digits 〇 零 ○ 一 … 九 and 两 (2 in
// 两千, 两个), and the financial forms 壹 贰 叁 … 玖 with their
// traditional spellings (貳 參 叄 陸 兩).
func Digit(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	switch r {
	case '〇', '零', '○':
		return 0
	case '一', '壹':
		return 1
	case '二', '两', '贰', '貳', '兩':
		return 2
	case '三', '叁', '叄', '參', '参':
		return 3
	case '四', '肆':
		return 4
	case '五', '伍':
		return 5
	case '六', '陆', '陸':
		return 6
	case '七', '柒':
		return 7
	case '八', '捌':
		return 8
	case '九', '玖':
		return 9
	}
	return -1
}

// Unit returns the power of ten a positional character multiplies by:
// 十 拾 1, 百 佰 2, 千 仟 3, 万 萬 4, 亿 億 8; 0 for anything else.
func Unit(r rune) int {
	switch r {
	case '十', '拾':
		return 1
	case '百', '佰':
		return 2
	case '千', '仟':
		return 3
	case '万', '萬':
		return 4
	case '亿', '億':
		return 8
	}
	return 0
}

// Tens returns the number of tens a contracted tens character stands
// for (廿 2, 卅 3, 卌 4: 廿五 is 二十五), or 0.
func Tens(r rune) int {
	switch r {
	case '廿', '卄':
		return 2
	case '卅':
		return 3
	case '卌':
		return 4
	}
	return 0
}

// IsArabic reports whether r is an ASCII or full-width digit.
func IsArabic(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// IsChinese reports whether r can be part of a Chinese numeral: a
// Chinese or financial digit, a positional character or a contracted
// tens character.
func IsChinese(r rune) bool {
	return !IsArabic(r) && Digit(r) >= 0 || Unit(r) > 0 || Tens(r) > 0
}

// Financial reports whether r is a financial (anti-forgery) numeral,
// simplified or traditional: 壹 贰 叁 肆 伍 陆 柒 捌 玖 拾 佰 仟 and 貳
// 參 叄 陸. Alone, most of them are ordinary words (陆 "land", 伍
// "ranks", 拾 "pick up").
func Financial(r rune) bool {
	switch r {
	case '壹', '贰', '貳', '叁', '叄', '參', '参', '肆', '伍', '陆', '陸', '柒', '捌', '玖', '拾', '佰', '仟':
		return true
	}
	return false
}

// isZero reports whether r is written for the digit zero in a Chinese
// numeral (一万零四十).
func isZero(r rune) bool { return r == '零' || r == '〇' || r == '○' }

// Chinese reads s, all of it, as one Chinese integer numeral: a single
// digit (三, 两) or a positional numeral (一万零四十 → 10040, 壹佰贰拾万,
// 十五, 廿一). It accepts the colloquial forms news and reports write: a
// trailing digit one place below the last unit (三百五 → 350, 一万五 →
// 15000) and 十 without its 一 after a zero or a larger unit (一百十五 →
// 115, 一千零十二 → 1012). Several digits without a unit are not one
// positional numeral: 二〇二一 is read by DigitByDigit, and 三五 is
// usually a range ("three or five"), which callers decide. ok is false
// for those, for 万一 ("in case"), 一百百 and values of MaxExact or more.
func Chinese(s string) (uint64, bool) {
	var buf [32]rune
	rs := buf[:0]
	for _, r := range s {
		if IsArabic(r) || !IsChinese(r) {
			return 0, false
		}
		if t := Tens(r); t > 0 { // 廿 is written for 二十
			rs = append(rs, rune('0'+t), '十')
			continue
		}
		rs = append(rs, r)
	}
	if len(rs) == 0 {
		return 0, false
	}
	units := false
	for _, r := range rs {
		units = units || Unit(r) > 0
	}
	if !units {
		if len(rs) > 1 {
			return 0, false
		}
		return uint64(Digit(rs[0])), true
	}
	return positional(rs)
}

// DigitByDigit reads s as Chinese digits written one by one (二〇二一,
// 一九九八, 九八): every rune a digit, 两 only alone. ok is false for
// anything else.
func DigitByDigit(s string) (uint64, bool) {
	var n uint64
	count := 0
	for _, r := range s {
		d := Digit(r)
		if d < 0 || IsArabic(r) || n >= MaxExact/10 {
			return 0, false
		}
		if (r == '两' || r == '兩') && count > 0 {
			return 0, false
		}
		n = n*10 + uint64(d)
		count++
	}
	if count > 1 && (containsRune(s, '两') || containsRune(s, '兩')) {
		return 0, false
	}
	return n, count > 0
}

func containsRune(s string, r rune) bool {
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}

// positional reads a numeral with at least one positional character,
// with 廿, 卅 and 卌 already expanded.
func positional(rs []rune) (uint64, bool) {
	if Unit(rs[0]) >= 4 {
		for _, r := range rs {
			if Unit(r) == 0 {
				return 0, false // 万一 is "in case", not 10001
			}
		}
	}
	var total, section uint64
	num := -1      // pending digit
	lastSmall := 4 // power of the last 十/百/千 in this section; 4: none yet
	prevUnit := 0  // power of the unit right before the pending digit
	lastBig, zero := 0, false
	for i, r := range rs {
		if d := Digit(r); d >= 0 {
			if num >= 0 {
				return 0, false // two digits in a row: 三五百 is a range
			}
			if d == 0 && isZero(r) {
				zero, prevUnit = true, 0
				continue
			}
			if d == 0 {
				return 0, false
			}
			num = d
			continue
		}
		u := Unit(r)
		if u < 4 {
			if num < 0 {
				// 十五, 百, 千余; and 十 without its 一 after a zero or
				// a larger unit of the same section (一千零十二, 一百十五).
				if !(i == 0 || u == 1 && (zero || lastSmall < 4)) {
					return 0, false
				}
				num = 1
			}
			if u >= lastSmall {
				return 0, false
			}
			section += uint64(num) * pow10(u)
			num, lastSmall, prevUnit, zero = -1, u, u, false
			continue
		}
		if num >= 0 {
			section += uint64(num)
			num = -1
		}
		switch {
		case section == 0 && i == 0:
			section = 1
		case section == 0 && Unit(rs[i-1]) >= 4:
			if total >= MaxExact/pow10(u) {
				return 0, false
			}
			total *= pow10(u) // 万亿: 10^12
			lastBig, prevUnit = u, u
			continue
		case section == 0:
			return 0, false
		}
		if total+section >= MaxExact/pow10(u) {
			return 0, false
		}
		if lastBig == 0 || lastBig < u {
			total = (total + section) * pow10(u)
		} else {
			total += section * pow10(u)
		}
		section, lastSmall, lastBig, prevUnit, zero = 0, 4, u, u, false
	}
	if num >= 0 {
		if !zero && prevUnit >= 2 {
			section += uint64(num) * pow10(prevUnit-1) // 三百五 is 350
		} else {
			section += uint64(num)
		}
	}
	if total+section >= MaxExact {
		return 0, false
	}
	return total + section, true
}

func pow10(k int) uint64 {
	p := uint64(1)
	for ; k > 0; k-- {
		p *= 10
	}
	return p
}

// Small reads a number the way dates write it: Arabic or full-width
// digits (25, ２０２１), Chinese digits one by one (二〇二一, 九八) or a
// Chinese numeral below 100 (十, 十二, 二十五, 廿五, 卅一). Dates never
// write 百, 千 or 万, and digits are not mixed with Chinese numerals; ok
// is false for those and for the empty string.
func Small(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	arabic, chinese := 0, 0
	for _, r := range s {
		switch {
		case IsArabic(r):
			arabic++
		case IsChinese(r) && Unit(r) <= 1:
			chinese++
		default:
			return 0, false
		}
	}
	if arabic > 0 {
		if chinese > 0 || arabic > 9 {
			return 0, false
		}
		n := 0
		for _, r := range s {
			n = n*10 + Digit(r)
		}
		return n, true
	}
	if n, ok := DigitByDigit(s); ok {
		return int(n), true
	}
	n, ok := Chinese(s)
	if !ok || n >= 100 {
		return 0, false
	}
	return int(n), true
}
