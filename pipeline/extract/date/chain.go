package date

import (
	"strings"
	"time"

	"github.com/baogao/baogao/corpus"
)

// chain is a run of adjacent atoms that together write one date, such as
// 2021年 + 6月 + 25日 + 傍晚 + 6点半. f holds the union of their fields.
type chain struct {
	span     corpus.Span
	top, fin level
	codes    []string
	weak     bool // a single weak atom: not a date on its own
	f        atom
}

func newChain(a atom) chain {
	return chain{span: a.span, top: a.top, fin: a.fin, codes: []string{a.code}, weak: a.weak, f: a}
}

// add appends atom b, which must continue c (see follows).
func (c *chain) add(b atom) {
	c.span.End, c.fin, c.weak = b.span.End, b.fin, false
	c.codes = append(c.codes, b.code)
	f := &c.f
	f.closed = b.closed
	for _, p := range [][2]*int{{&f.y, &b.y}, {&f.m, &b.m}, {&f.d, &b.d}, {&f.half, &b.half}, {&f.q0, &b.q0}, {&f.q1, &b.q1},
		{&f.m0, &b.m0}, {&f.m1, &b.m1}, {&f.d0, &b.d0}, {&f.d1, &b.d1}, {&f.xun, &b.xun}, {&f.wd, &b.wd}, {&f.nth, &b.nth}} {
		if *p[1] != 0 {
			*p[0] = *p[1]
		}
	}
	for _, p := range [][2]*int{{&f.h, &b.h}, {&f.mi, &b.mi}, {&f.s, &b.s}} {
		if *p[1] >= 0 {
			*p[0] = *p[1]
		}
	}
	if b.y != 0 {
		f.y2 = b.y2
	}
	if b.nthWD {
		f.nthWD = true
	}
	switch {
	case b.week && b.fin == lvWeek: // 2021年 + 第3周
		f.week = true
	case b.fin > lvWeek: // 下周 + 周六
		f.week = false
	}
	if b.hol != nil {
		f.hol = b.hol
	}
	if f.rel == relNone && b.rel != relNone {
		// 2021年 + 周三 would not chain; a relative atom after an absolute
		// one is a weekday in a week (第2周 + 周三): keep the written week.
		if b.rel != relWeek || f.nth == 0 {
			f.rel, f.off, f.shift = b.rel, b.off, b.shift
		}
	}
	if b.pod != "" {
		f.pod = b.pod
	}
	if b.approx != "" {
		f.approx = b.approx
	}
}

// levelCode is the rule letter of a level, used for bare range numbers.
var levelCode = map[level]string{lvYear: "y", lvHalf: "h", lvQuarter: "q", lvMonth: "m", lvWeek: "w", lvXun: "x", lvDay: "d", lvTime: "t"}

// addBare appends a bare number read at level lv (the 1 of 2021年1—7月
// becomes month 1). It reports false when the number does not fit lv.
func (c *chain) addBare(b atom, lv level) bool {
	n, ok := parseNum(b.num)
	if !ok {
		return false
	}
	v := newAtom(b.span.Start, b.span.End, lv, lv, levelCode[lv])
	switch lv {
	case lvYear:
		ok = n >= 1000 && n <= 2199 && (digitsOnly(b.num, 4) || strings.ContainsAny(b.num, "〇零○"))
		v.y = n
	case lvQuarter:
		ok = n >= 1 && n <= 4
		v.q0, v.q1 = n, n
	case lvMonth:
		ok = n >= 1 && n <= 12
		v.m = n
	case lvDay:
		ok = n >= 1 && n <= 31
		v.d = n
	case lvTime:
		ok = n <= 24
		v.h = n
	default:
		ok = false
	}
	if !ok {
		return false
	}
	if c.top == lvNone {
		*c = newChain(v)
	} else {
		c.add(v)
	}
	return true
}

// rule is the chain's rule name: the atom codes concatenated ("ymd") or,
// when one of them is a named form, joined with "+" ("relative/今年+m").
func (c *chain) rule() string {
	parts := make([]string, 0, len(c.codes))
	simple := true
	for _, code := range c.codes {
		if code == "" {
			continue
		}
		parts = append(parts, code)
		simple = simple && len(code) == 1
	}
	if simple {
		return strings.Join(parts, "")
	}
	return strings.Join(parts, "+")
}

// state walks the picked atoms of one text in order, building chains and
// ranges and remembering the last date for 25日 and 次日.
type state struct {
	text  string
	ref   corpus.Date
	atoms []atom
	prev  context
	out   []corpus.Mention
}

// context is the last date mentioned, the source of a missing month or
// year ("4月15日 … 16日") and the base of 次日 and 三天后.
type context struct {
	y, m, d int
	h, mi   int // -1: no time of day
	end     int // byte offset where its mention ends
	ok      bool
}

// chainAt builds the longest chain starting at atom i, and returns it
// with the index of the first atom after it. Bare numbers end chains.
func (s *state) chainAt(i int) (chain, int) {
	c := newChain(s.atoms[i])
	j := i + 1
	if s.atoms[i].bare {
		return c, j
	}
	for ; j < len(s.atoms) && !c.f.closed; j++ {
		b := s.atoms[j]
		if b.bare {
			break
		}
		if end, ok := s.annotation(c, b); ok {
			// 6月1日（周六）: the weekday names the date's own; it adds
			// nothing to the value.
			c.span.End = end
			continue
		}
		between := s.text[c.span.End:b.span.Start]
		if !(follows(c.fin, b.top) || yearPart(c, b)) || !onlySpace(between) && !(b.top == lvWeek && between == "的") {
			break // 八月份的第一个周二 keeps its 的
		}
		c.add(b)
	}
	return c, j
}

// annotation reports whether b is a weekday written after the date c
// names (6月1日周六, 3月5日（星期二）, 5月8日, 周日) and returns where the
// chain then ends, after a closing bracket.
func (s *state) annotation(c chain, b atom) (int, bool) {
	if !b.annot || c.fin != lvDay || c.f.wd != 0 || c.f.rel == relWeek {
		return 0, false
	}
	between := strings.Trim(s.text[c.span.End:b.span.Start], " \t　")
	switch between {
	case "", "（", "(", "，", ",", "、":
	default:
		return 0, false
	}
	end := b.span.End
	if strings.HasPrefix(between, "（") && strings.HasPrefix(s.text[end:], "）") {
		end += len("）")
	} else if between == "(" && strings.HasPrefix(s.text[end:], ")") {
		end++
	}
	return end, true
}

// yearPart reports whether b is a bare 年初, 年底 or 年末 written right
// after the year chain c (2021年年底, 今年年初): it makes c fuzzy.
func yearPart(c chain, b atom) bool {
	return c.fin == lvYear && c.f.approx == "" && c.f.fixed == "" && b.span.Start == c.span.End &&
		b.top == lvYear && b.y == 0 && b.rel == relNone && b.approx != ""
}

// connects reports whether atoms i and i+1 exist and only a range
// connector lies between them.
func (s *state) connects(i int) bool {
	return i+1 < len(s.atoms) && !s.atoms[i+1].bare &&
		isConn(s.text[s.atoms[i].span.End:s.atoms[i+1].span.Start])
}

func (s *state) run() {
	for i := 0; i < len(s.atoms); {
		a, j := s.chainAt(i)
		if a.f.bare {
			// 1—7月: the number takes the unit of the range end.
			if s.connects(i) {
				b, k := s.chainAt(j)
				if a.addBare(s.atoms[i], b.top) && s.emitRange(a, b) {
					i = k
					continue
				}
			}
			i = j
			continue
		}
		// 2021年1—7月: a chain continued by a bare number and a range end.
		if j < len(s.atoms) && s.atoms[j].bare && !a.f.closed &&
			onlySpace(s.text[a.span.End:s.atoms[j].span.Start]) && s.connects(j) {
			b, k := s.chainAt(j + 1)
			ab := a
			ab.codes = append([]string(nil), a.codes...)
			if follows(a.fin, b.top) && ab.addBare(s.atoms[j], b.top) && s.emitRange(ab, b) {
				i = k
				continue
			}
		}
		if j < len(s.atoms) && !a.weak && s.connects(j-1) {
			b, k := s.chainAt(j)
			if s.emitRange(a, b) {
				i = k
				continue
			}
		}
		if !a.weak {
			if r, ok := s.resolve(a.f, a.top, a.fin, a.span.Start); ok {
				s.emit(a.span, r, a.rule())
			}
		}
		i = j
	}
}

// emitRange emits a—b as one mention when both ends have the same grain
// and b is not before a. b takes what it does not write from a
// (5月11日至20日: the end is in May too); a relative end counts from the
// start (22:00~次日06:00), and a time range that ends before it starts
// ends the next day (晚上11点至凌晨2点).
func (s *state) emitRange(a, b chain) bool {
	if a.fin != b.fin || b.top < a.top && !(a.fin == lvTime && b.f.rel != relNone) || a.weak && b.weak {
		return false
	}
	ra, ok := s.resolve(a.f, a.top, a.fin, a.span.Start)
	if !ok {
		return false
	}
	f := b.f
	if f.rel == relNone && f.fixed == "" {
		if b.top > lvYear && f.y == 0 {
			f.y, f.y2 = ra.f.y, false
		}
		if b.top > lvMonth && f.m == 0 {
			f.m = ra.f.m
		}
		if b.top > lvDay && f.d == 0 && (a.top < lvPOD || ra.f.d != 0) {
			f.d = ra.f.d
		}
		if f.pod == "" {
			f.pod = ra.f.pod
		}
	}
	saved := s.prev
	s.prev = context{y: ra.f.y, m: ra.f.m, d: ra.f.d, h: ra.f.h, mi: ra.f.mi, end: a.span.End, ok: ra.f.y != 0}
	rb, ok := s.resolve(f, b.top, b.fin, b.span.Start)
	s.prev = saved
	if !ok {
		return false
	}
	if a.fin == lvTime && rb.hi < ra.lo && rb.f.y != 0 && b.f.rel == relNone && b.f.d == 0 && sameDay(ra.lo, rb.hi) {
		rb = s.nextDay(rb, b)
	}
	if rb.hi < ra.lo && rb.f.y != 0 && b.f.rel == relNone && b.f.y == 0 && b.f.hol == nil && a.fin <= lvDay {
		// 十二月至一月, 12月1号到1月1号: the end is in the next year;
		// 12号到3号: in the next month.
		g := f
		switch {
		case b.f.m != 0:
			g.y = ra.f.y + 1
		case b.f.d != 0 && ra.f.m != 0:
			t := time.Date(ra.f.y, time.Month(ra.f.m+1), 1, 0, 0, 0, 0, time.UTC)
			g.y, g.m = t.Year(), int(t.Month())
		}
		if g != f {
			s.prev = context{y: ra.f.y, m: ra.f.m, d: ra.f.d, h: ra.f.h, mi: ra.f.mi, end: a.span.End, ok: true}
			if r2, ok := s.resolve(g, b.top, b.fin, b.span.Start); ok {
				rb = r2
			}
			s.prev = saved
		}
	}
	if ra.f.y != 0 && rb.f.y != 0 && rb.hi < ra.lo || len(ra.lo) != len(rb.hi) && ra.f.y != 0 && rb.f.y != 0 {
		return false
	}
	r := rb
	r.lo = ra.lo
	r.typ = max(ra.typ, rb.typ)
	r.src = ra.src
	if r.grain != ra.grain && ra.grain != "" && (ra.grain == "second" || ra.grain == "minute" && r.grain == "hour") {
		r.grain = ra.grain // 8点至10点半: the finer of the two
	}
	span := corpus.Span{Start: a.span.Start, End: b.span.End}
	if strings.HasPrefix(s.text[span.End:], "止") {
		span.End += len("止") // 自…起至…止
	}
	s.emit(span, r, "range/"+a.rule()+"-"+b.rule())
	return true
}

// sameDay reports whether two ISO values with a time start with the same
// date.
func sameDay(a, b string) bool {
	i, j := strings.IndexByte(a, 'T'), strings.IndexByte(b, 'T')
	return i > 0 && j > 0 && a[:i] == b[:j]
}

// nextDay resolves the range end b one day later.
func (s *state) nextDay(rb resolved, b chain) resolved {
	f := rb.f
	t := dayAfter(f.y, f.m, f.d, 1)
	f.y, f.m, f.d = t.Year(), int(t.Month()), t.Day()
	f.rel = relNone
	lo, hi, grain := format(f, b.fin, false)
	rb.f, rb.lo, rb.hi, rb.grain = f, lo, hi, grain
	return rb
}
