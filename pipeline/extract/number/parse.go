package number

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus/numeral"
)

// Parse converts a numeral to exact decimal text: Arabic (1,234,567,
// 3.14, -3), full-width (１２３４５), Chinese (三, 一万零四十, 二〇二一,
// 一七二零点一), financial (壹佰贰拾万) and mixed (1.2万, 3.5亿). ok is
// false when s is not one numeral: empty, other text around it, a pair
// of digits read as a range (三五), or too large to be exact.
func Parse(s string) (string, bool) {
	s = strings.TrimSpace(s)
	neg := false
	for _, sign := range []string{"-", "−", "－", "负", "+"} {
		if strings.HasPrefix(s, sign) {
			neg = sign != "+"
			s = s[len(sign):]
			break
		}
	}
	n, ok := scanNumeral(s, 0)
	if !ok || n.end != len(s) || n.pair || n.approx != "" {
		return "", false
	}
	return n.val.signed(neg), true
}

// dec is an exact decimal: m / 10^scale. uint64 holds every quantity
// written in a report; anything larger is treated as not a number.
type dec struct {
	m     uint64
	scale int
}

// limit keeps every intermediate product below the uint64 overflow; it
// is the bound the numeral package keeps too.
const limit = numeral.MaxExact

// shift multiplies d by 10^k, using up fractional digits first so that
// 1.2万 stays exact.
func (d dec) shift(k int) (dec, bool) {
	for ; k > 0 && d.scale > 0; k-- {
		d.scale--
	}
	for ; k > 0; k-- {
		if d.m >= limit/10 {
			return d, false
		}
		d.m *= 10
	}
	return d, true
}

// float is for ordering the ends of a range only; values stay exact.
func (d dec) float() float64 {
	f := float64(d.m)
	for i := 0; i < d.scale; i++ {
		f /= 10
	}
	return f
}

// String formats d without exponent and without trailing fractional
// zeros: 3.50 → "3.5", 2.0 → "2".
func (d dec) String() string {
	s := strconv.FormatUint(d.m, 10)
	if d.scale == 0 {
		return s
	}
	if len(s) <= d.scale {
		s = strings.Repeat("0", d.scale-len(s)+1) + s
	}
	ip, fp := s[:len(s)-d.scale], strings.TrimRight(s[len(s)-d.scale:], "0")
	if fp == "" {
		return ip
	}
	return ip + "." + fp
}

func (d dec) signed(neg bool) string {
	s := d.String()
	if neg && s != "0" {
		return "-" + s
	}
	return s
}

// reading is one numeral read at a position, before units and markers.
type reading struct {
	val    dec
	hi     dec    // upper end when pair
	pair   bool   // two adjacent Chinese digits read as a range: 三五, 两三百
	end    int    // byte offset after the numeral
	exp    int    // power of ten written as multiplier after the digits (30万 → 4)
	approx string // marker between the digits and the multiplier: 100多万
	zh     bool   // written in Chinese numerals
	digits bool   // Chinese digits read one by one: 二〇二一
	single bool   // exactly one Chinese character: needs a unit to count
	bare   bool   // multiplier characters only (千, 万, 百万): needs a marker
	tail   tail   // the unit characters the numeral ends with (六千万: 千 万)
}

// tail lists the powers of ten of the unit characters a numeral is
// written with at its end, in written order: 六千万 → 3 4, 3.5亿 → 8,
// 三百五 → none. The lower end of a range shares the units its upper
// end writes and it does not (三到五万: the 三 is 30000).
type tail struct {
	exp [4]int8
	n   int8
}

func (t *tail) add(u int) {
	if t.n < int8(len(t.exp)) {
		t.exp[t.n] = int8(u)
		t.n++
	}
}

// beyond returns the sum of the powers t writes after the prefix p, and
// false when p is not a prefix of t: lower 二百 (百) and upper 三百万
// (百 万) share 百, so the lower end lacks 万, 10^4.
func (t tail) beyond(p tail) (int, bool) {
	if p.n > t.n {
		return 0, false
	}
	for i := range p.n {
		if p.exp[i] != t.exp[i] {
			return 0, false
		}
	}
	sum := 0
	for i := p.n; i < t.n; i++ {
		sum += int(t.exp[i])
	}
	return sum, true
}

// fold maps full-width ASCII to ASCII so that １２３ reads as 123.
func fold(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFEE0
	}
	return r
}

// runeAt returns the rune at byte i of s, folded, and its size; (0, 0)
// at the end.
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return 0, 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return fold(r), n
}

func isDigit(r rune) bool  { return r >= '0' && r <= '9' }
func isLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// zhDigit returns the value of a Chinese or financial digit (〇, 一, 两,
// 壹, 貳 …), or -1; Arabic digits are read by scanArabic.
func zhDigit(r rune) int {
	if numeral.IsArabic(r) {
		return -1
	}
	return numeral.Digit(r)
}

// zhUnit returns the power of ten of a Chinese positional character
// (十 1, 百 2, 千 3, 万 4, 亿 8), or 0.
func zhUnit(r rune) int { return numeral.Unit(r) }

// isZhNumeral reports whether r can be part of a Chinese numeral,
// including the contracted tens 廿, 卅 and 卌.
func isZhNumeral(r rune) bool { return numeral.IsChinese(r) }

// scanNumeral reads the numeral starting at byte p of s.
func scanNumeral(s string, p int) (reading, bool) {
	r, _ := runeAt(s, p)
	var n reading
	var ok bool
	switch {
	case isDigit(r):
		n, ok = scanArabic(s, p)
	case r == '.':
		if next, _ := runeAt(s, p+1); isDigit(next) {
			n, ok = scanArabic(s, p) // .25: the 0 left out
		}
	case isZhNumeral(r):
		n, ok = scanChinese(s, p)
	}
	if !ok || n.pair || n.digits {
		return n, ok
	}
	return multiplier(s, n, !n.zh)
}

// digits appends the digits at s[q:] (ASCII or full-width) to d's
// mantissa, as decimals when frac. It returns the index after them, how
// many there were, and false when the mantissa would overflow.
func (d *dec) digits(s string, q int, frac bool) (int, int, bool) {
	count := 0
	for {
		r, size := runeAt(s, q)
		if !isDigit(r) {
			return q, count, true
		}
		if d.m >= limit/10 {
			return q, count, false
		}
		d.m = d.m*10 + uint64(r-'0')
		if frac {
			d.scale++
		}
		q += size
		count++
	}
}

// scanArabic reads digits with optional thousands separators (ASCII
// commas only: the Chinese comma separates clauses) and decimals.
func scanArabic(s string, p int) (reading, bool) {
	var d dec
	q, count, ok := d.digits(s, p, false)
	if !ok {
		return reading{}, false
	}
	for count <= 3 && q < len(s) && s[q] == ',' && groupOf3(s, q+1) {
		for i := 0; i < 3; i++ {
			d.m = d.m*10 + uint64(s[q+1+i]-'0')
		}
		q += 4
		if d.m >= limit/1000 {
			return reading{}, false
		}
	}
	if r, size := runeAt(s, q); r == '.' {
		if r2, _ := runeAt(s, q+size); isDigit(r2) {
			if q, _, ok = d.digits(s, q+size, true); !ok {
				return reading{}, false
			}
		}
	}
	return reading{val: d, end: q}, true
}

// groupOf3 reports whether s[i:] starts with exactly three ASCII digits.
func groupOf3(s string, i int) bool {
	if i+3 > len(s) {
		return false
	}
	for j := i; j < i+3; j++ {
		if !isDigit(rune(s[j])) {
			return false
		}
	}
	return i+3 == len(s) || !isDigit(rune(s[i+3]))
}

// maxZhRun bounds a Chinese numeral: longer runs are no numeral, and
// rejecting them early keeps a text of repeated numerals linear.
const maxZhRun = 24

// scanChinese reads a run of Chinese numeral characters with an optional
// decimal part (三十五点五) and multipliers after it (三点五亿).
func scanChinese(s string, p int) (reading, bool) {
	var run []rune
	q := p
	for {
		r, size := runeAt(s, q)
		if !isZhNumeral(r) {
			break
		}
		if len(run) == maxZhRun {
			return reading{}, false
		}
		run = append(run, r)
		q += size
	}
	// 五万千瓦 is 50000 kilowatts: 千 there starts the unit.
	for len(run) > 1 && zhUnit(run[len(run)-1]) < 4 && zhUnit(run[len(run)-1]) > 1 && metricPrefix(s, q-len(string(run[len(run)-1]))) {
		q -= len(string(run[len(run)-1]))
		run = run[:len(run)-1]
	}
	n := reading{zh: true, end: q}
	if len(run) == 1 && numeral.Financial(run[0]) {
		return n, false // 陆 (land), 伍 (ranks), 拾 (pick up) alone are words
	}
	if lo, hi, ok := zhPair(run); ok {
		n.val, n.hi, n.pair = lo, hi, true
		for _, r := range run[2:] {
			n.tail.add(zhUnit(r))
		}
		return n, true
	}
	units, big := 0, false
	for _, r := range run {
		if u := zhUnit(r); u > 0 || numeral.Tens(r) > 0 {
			units++
			big = big || u >= 2
		}
	}
	var v uint64
	var ok bool
	if units == 0 {
		v, ok = numeral.DigitByDigit(string(run))
		n.digits = len(run) > 1
	} else {
		v, ok = numeral.Chinese(string(run))
	}
	if !ok {
		return n, false
	}
	n.val = dec{m: v}
	k := len(run)
	for k > 0 && (zhUnit(run[k-1]) > 0 || numeral.Tens(run[k-1]) > 0) {
		k--
	}
	for _, r := range run[k:] {
		n.tail.add(max(zhUnit(r), 1)) // 廿 ends in 十
	}
	n.single = len(run) == 1
	n.bare = units == len(run) && big // 十 alone counts like a digit: 十个
	if frac, end, ok := zhFraction(s, q); ok && !n.bare {
		if n.val, ok = joinFraction(n.val, frac); !ok {
			return n, false
		}
		n.end, n.single = end, false
	}
	return n, true
}

// zhFraction reads 点 and the Chinese digits after it.
func zhFraction(s string, q int) (string, int, bool) {
	if !strings.HasPrefix(s[q:], "点") {
		return "", q, false
	}
	q += len("点")
	var b strings.Builder
	for {
		r, size := runeAt(s, q)
		d := zhDigit(r)
		if d < 0 || r == '两' {
			break
		}
		b.WriteByte(byte('0' + d))
		q += size
	}
	return b.String(), q, b.Len() > 0
}

func joinFraction(d dec, frac string) (dec, bool) {
	for _, c := range frac {
		if d.m >= limit/10 {
			return d, false
		}
		d.m = d.m*10 + uint64(c-'0')
		d.scale++
	}
	return d, true
}

// zhPair reads two adjacent digits as a range: 三五 (three to five),
// 两三 (two or three), optionally followed by multipliers (七八十,
// 三四百万). Other digit pairs (七一, 五四) are names or dates.
func zhPair(run []rune) (dec, dec, bool) {
	if len(run) < 2 {
		return dec{}, dec{}, false
	}
	a, b := zhDigit(run[0]), zhDigit(run[1])
	switch {
	case a <= 0 || b <= 0:
		return dec{}, dec{}, false
	case run[1] == '两' && a != 1, run[0] == '两' && b != 3:
		return dec{}, dec{}, false
	case b != a+1 && !(a == 3 && b == 5):
		return dec{}, dec{}, false
	}
	exp := 0
	for _, r := range run[2:] {
		u := zhUnit(r)
		if u == 0 {
			return dec{}, dec{}, false
		}
		exp += u
	}
	lo, ok1 := dec{m: uint64(a)}.shift(exp)
	hi, ok2 := dec{m: uint64(b)}.shift(exp)
	return lo, hi, ok1 && ok2
}

func pow10(k int) uint64 {
	p := uint64(1)
	for ; k > 0; k-- {
		p *= 10
	}
	return p
}

// multiplier applies 万, 亿, 百万 written after a numeral (30万, 3.5亿,
// 三百多万), with an optional 余/多/几 before it. Arabic numerals take
// 百/千 too (5千); after Chinese ones only 万 and 亿 can follow, since
// 百/千 were already part of the run.
func multiplier(s string, n reading, arabic bool) (reading, bool) {
	q := n.end
	approx := ""
	for _, a := range approxMid {
		if strings.HasPrefix(s[q:], a) {
			approx = a
			q += len(a)
			break
		}
	}
	if approx == "" && strings.HasPrefix(s[q:], "个亿") && !strings.HasPrefix(s[q+len("个亿"):], "级") {
		q += len("个") // 三个亿: three hundred million (but 两个万亿级产业: two industries)
	}
	exp := 0
	var t tail
	for {
		r, size := runeAt(s, q)
		u := zhUnit(r)
		if u == 0 || u == 1 || !arabic && u < 4 || metricPrefix(s, q) {
			break
		}
		exp += u
		t.add(u)
		q += size
	}
	if exp == 0 {
		return n, true
	}
	v, ok := n.val.shift(exp)
	if !ok {
		return n, false
	}
	n.val, n.end, n.exp, n.approx, n.tail = v, q, exp, approx, t
	n.single, n.bare = false, false
	return remainder(s, n), true
}

// remainder adds the lower places written after a multiplier: 3万500
// (30500), 20万零八千 (208000), 1亿2000万 (120000000). The lower part
// must be smaller than the multiplier and written unambiguously: with a
// zero, a unit of its own or at least three digits, since 3万5 is the
// colloquial 35000, not 30005, and 3万5人 is no form at all.
func remainder(s string, n reading) reading {
	if n.approx != "" || n.tail.n == 0 || n.tail.exp[n.tail.n-1] < 4 || n.val.scale != 0 {
		return n
	}
	q, zero := n.end, false
	if strings.HasPrefix(s[q:], "零") {
		q, zero = q+len("零"), true
	}
	r, _ := runeAt(s, q)
	if !isDigit(r) && zhDigit(r) <= 0 {
		return n
	}
	m, ok := scanNumeral(s, q)
	if !ok || m.pair || m.digits || m.approx != "" || m.val.scale != 0 {
		return n
	}
	if m.val.float() >= float64(pow10(int(n.tail.exp[n.tail.n-1]))) {
		return n
	}
	if !zero && m.tail.n == 0 && (m.zh || utf8.RuneCountInString(s[q:m.end]) < 3) {
		return n
	}
	n.val.m += m.val.m
	n.end, n.tail = m.end, m.tail
	return n
}

// metricPrefix reports whether 千 or 百 at byte q starts a unit (千瓦
// kilowatt, 千克, 千米, 百帕) rather than multiplying the numeral before
// it: 9260万千瓦 is 92,600,000 kW, not 92,600,000,000 W.
func metricPrefix(s string, q int) bool {
	for _, u := range []string{"千瓦", "千克", "千米", "千伏", "千帕", "千焦", "千卡", "千兆", "百帕"} {
		if strings.HasPrefix(s[q:], u) {
			return true
		}
	}
	return false
}

// plusHalf returns d + 0.5, exactly.
func (d dec) plusHalf() dec {
	if d.scale == 0 {
		return dec{m: d.m*10 + 5, scale: 1}
	}
	return dec{m: d.m + 5*pow10(d.scale-1), scale: d.scale}
}
