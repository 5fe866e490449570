package number

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// money reads the 角 (tenths) and 分 (hundredths) written after 元, 圆 or
// 块 into the value, which is then in 元: 贰佰叁拾元伍角 is 230.5 元,
// 八块五毛 8.5 元, 三元零五分 3.05 元. 整 after the amount ("exactly", as
// cheques write 壹万元整) belongs to it. 块 alone stays a measure word
// (八块蛋糕, eight pieces of cake).
func (s *scanner) money(q *quantity) {
	t := s.text
	if q.unit != "元" && q.unit != "圆" && q.unit != "块" || q.n.pair || q.n.val.scale != 0 {
		return
	}
	if q.unit == "圆" {
		q.unit = "元" // the same unit, the cheque spelling
	}
	p := q.end
	tenths, hundredths := 0, 0
	found := false
	if d, n := moneyDigit(t, p); n > 0 && (strings.HasPrefix(t[p+n:], "角") || strings.HasPrefix(t[p+n:], "毛")) {
		tenths, p, found = d, p+n+len("角"), true
	}
	zero := !found && strings.HasPrefix(t[p:], "零")
	at := p
	if zero {
		at += len("零")
	}
	if d, n := moneyDigit(t, at); n > 0 && strings.HasPrefix(t[at+n:], "分") && !strings.HasPrefix(t[at+n+len("分"):], "钟") &&
		!strings.HasPrefix(t[at+n+len("分"):], "之") {
		hundredths, p, found = d, at+n+len("分"), true
	}
	if found {
		if q.n.val.m >= limit/100 {
			return
		}
		q.n.val = dec{m: q.n.val.m*100 + uint64(tenths*10+hundredths), scale: 2}
		q.unit, q.end = "元", p
		if strings.HasPrefix(t[p:], "钱") {
			q.end += len("钱")
		}
	}
	if q.unit == "元" && strings.HasPrefix(t[q.end:], "整") {
		q.end += len("整")
	}
}

// moneyDigit reads one digit, Arabic or Chinese (financial forms too),
// that no other numeral follows, and returns its value and size.
func moneyDigit(t string, p int) (int, int) {
	r, size := runeAt(t, p)
	d := -1
	switch {
	case isDigit(r):
		d = int(r - '0')
	case zhUnit(r) == 0:
		d = zhDigit(r)
	}
	if d <= 0 {
		return 0, 0
	}
	if next, _ := runeAt(t, p+size); isDigit(next) || isZhNumeral(next) {
		return 0, 0
	}
	return d, size
}

// halfWords are the words for one half: 一半, 半数 ("half the number"),
// 大半 ("the greater part") and 过半 ("more than half").
var halfWords = []string{"一半", "半数", "大半", "过半"}

// halfWord returns the half word at p, or "". 大半 and 过半 before a
// time or a measure word are another word (大半夜 "the dead of night",
// 大半年 "most of a year", 超过半年 "over half a year").
func halfWord(t string, p int) string {
	for _, w := range halfWords {
		if !strings.HasPrefix(t[p:], w) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(t[p+len(w):])
		if strings.ContainsRune("夜年天月日个辈生晌小时场岛", next) || w == "一半" && next == '天' {
			return ""
		}
		return w
	}
	return ""
}

// matchHalf builds the fraction 0.5 from the half word w at p, after the
// approximation prefix q may hold (超过半数, 近一半).
func (s *scanner) matchHalf(q quantity, p int, w string) quantity {
	q.core, q.end = p, p+len(w)
	q.n = reading{val: dec{m: 5, scale: 1}, end: q.end}
	q.num, q.denom, q.isFraction, q.rule = dec{m: 1}, dec{m: 2}, true, "half"
	switch w {
	case "大半":
		q.approx = append(q.approx, "大")
	case "过半":
		q.approx = append(q.approx, "过")
	}
	s.post(&q, s.ws(q.end))
	return q
}

// ratio writes num/denom as a decimal: exact when it terminates (四分之一
// is 0.25), else the shortest decimal that reads back as the same
// float64 (三分之一 is 0.3333333333333333, as Python prints it).
func ratio(num, denom dec) string {
	d := denom.float()
	if d == 0 {
		return num.String() + "/" + denom.String()
	}
	v := num.float() / d
	// Exact when denom divides num times a power of ten: try the scales
	// a decimal report writes.
	for scale := 0; scale <= 12; scale++ {
		n, ok := num.shift(scale)
		if !ok || n.scale != 0 || denom.scale != 0 {
			break
		}
		if n.m%denom.m == 0 {
			return dec{m: n.m / denom.m, scale: scale}.String()
		}
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
