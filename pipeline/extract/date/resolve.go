package date

import (
	"strings"
	"time"

	"github.com/baogao/baogao/corpus"
)

// dateType orders the Type values so a range takes the weaker of its ends.
type dateType uint8

const (
	typAbsolute dateType = iota
	typInferred
	typRelative
	typHoliday
)

var typeNames = [...]string{typAbsolute: "absolute", typInferred: "inferred", typRelative: "relative", typHoliday: "holiday"}

// resolved is a chain with every needed field filled and its Value
// bounds: lo == hi except for periods (上半年, 5月中旬, 下周).
type resolved struct {
	f      atom
	lo, hi string
	grain  string
	typ    dateType
	src    string // "+prev" or "+ref" when a field was filled in
}

// resolve fills what f does not write from the document date (relative
// words) or from the previous date in the text, then formats it. at is
// where the expression starts. It reports false when the value cannot be
// known (a relative word without a document date) or is not a calendar
// date (2月30日).
func (s *state) resolve(f atom, top, fin level, at int) (resolved, bool) {
	r := resolved{}
	if f.y2 {
		f.y, f.y2 = century(f.y, s.ref.Year), false
	}
	if f.rel != relNone {
		if !s.relative(&f, at) {
			return r, false
		}
		r.typ = typRelative
	}
	if f.fixed != "" {
		r.f, r.grain = f, f.fixedGrain
		r.lo, r.hi, _ = strings.Cut(f.fixed, "/")
		if r.hi == "" {
			r.hi = r.lo
		}
		return r, true
	}
	if f.hol != nil {
		var near time.Time
		if f.y == 0 {
			near = s.fillYear(&f, &r, at)
		}
		t, ok := holidayDate(*f.hol, f.y)
		if !ok || f.y == 0 {
			return r, false
		}
		if !near.IsZero() {
			t = nearestHoliday(*f.hol, t, near)
		}
		f.y, f.m, f.d = t.Year(), int(t.Month()), t.Day()
		r.typ = typHoliday
	}
	dateless := top >= lvPOD && f.y == 0 && f.m == 0 && f.d == 0
	if dateless {
		// A clock time without a date: on the day of the previous date in
		// the text, else of the document.
		if c, ok := s.anchor(at, uDay); ok {
			f.y, f.m, f.d, r.src = c.y, c.m, c.d, "+prev"
		} else if s.ref.Full() {
			f.y, f.m, f.d, r.src = s.ref.Year, s.ref.Month, s.ref.Day, "+ref"
		}
		if r.src != "" {
			dateless = false
			if r.typ == typAbsolute {
				r.typ = typInferred
			}
		}
	} else {
		s.fill(&f, top, fin, &r, at)
	}
	if !dateless && !s.weeks(&f, top, fin) {
		return r, false
	}
	if !dateless && !valid(f, fin) {
		return r, false
	}
	adjustHour(&f)
	if f.h == 24 && !dateless {
		// 16日24时 is 17日 00:00.
		t := dayAfter(f.y, f.m, f.d, 1)
		f.y, f.m, f.d, f.h = t.Year(), int(t.Month()), t.Day(), 0
	}
	r.f = f
	r.lo, r.hi, r.grain = format(f, fin, dateless)
	return r, true
}

// anchor returns the previous date in the text as the base of a date
// written at byte at without its year, month or day, when that date has
// the fields need asks for (uMonth: a month; uDay: a day) and is a
// plausible anchor: in the same sentence, or not after the document date.
// Reports tell what happened; a date they put in the future is a plan, a
// deadline or the far end of a period (项目周期为2026年5月至2027年4月。), and
// the next sentence returns to the report's own time (19日，专家组到场验收。).
func (s *state) anchor(at int, need unit) (context, bool) {
	c := s.prev
	if !c.ok || c.y == 0 && need == uYear || need >= uMonth && c.m == 0 || need >= uDay && c.d == 0 {
		return c, false
	}
	if s.ref.IsZero() || s.sameSentence(c.end, at) {
		return c, true
	}
	return c, !after(c, s.ref)
}

// sameSentence reports whether no sentence ends between byte offsets
// from and to of the text. Paragraph and line-break tags of scraped pages
// (</p>, <br>) end sentences too.
func (s *state) sameSentence(from, to int) bool {
	if from > to || to > len(s.text) {
		return false
	}
	between := s.text[from:to]
	return !strings.ContainsAny(between, "。！？!?；;\n") && !strings.Contains(between, "</p>") && !strings.Contains(between, "<br")
}

// after reports whether the context date starts after the reference date
// (comparing the fields both know).
func after(c context, ref corpus.Date) bool {
	switch {
	case c.y != ref.Year:
		return c.y > ref.Year
	case ref.Month == 0 || c.m == 0:
		return false
	case c.m != ref.Month:
		return c.m > ref.Month
	case ref.Day == 0 || c.d == 0:
		return false
	}
	return c.d > ref.Day
}

// base is a date and a time of day to count from.
type base struct {
	y, m, d int
	h, mi   int
}

// relative applies f.rel to the document date, or to the previous date in
// the text for the kinds that count from it.
func (s *state) relative(f *atom, at int) bool {
	var b base
	need := f.shift
	if need == uNone {
		need = uDay
	}
	switch f.rel {
	case relPrev, relAfter:
		if c, ok := s.anchor(at, min(need, uDay)); ok {
			b = base{c.y, c.m, c.d, c.h, c.mi}
		} else if f.rel == relAfter {
			return false
		}
	}
	if b.y == 0 {
		if !s.ref.Full() && !(s.ref.Year != 0 && (f.rel == relYear || f.rel == relCentury || f.rel == relPrev && f.shift == uYear)) {
			return false
		}
		b = base{s.ref.Year, s.ref.Month, s.ref.Day, -1, -1}
	}
	switch f.rel {
	case relYear:
		f.y = b.y + f.off
	case relMonth:
		t := time.Date(b.y, time.Month(b.m+f.off), 1, 0, 0, 0, 0, time.UTC)
		f.y, f.m = t.Year(), int(t.Month())
	case relQuarter:
		q := (b.m-1)/3 + f.off
		y := b.y + floorDiv(q, 4)
		q = q - floorDiv(q, 4)*4 + 1
		f.y, f.q0, f.q1 = y, q, q
	case relWeek:
		monday := weekStart(b.y, b.m, b.d).AddDate(0, 0, 7*f.off)
		t := monday
		switch {
		case f.wd > 0:
			t = monday.AddDate(0, 0, f.wd-1)
		case f.weekend:
			t, f.days = monday.AddDate(0, 0, 5), 2
		default:
			f.days = 7
		}
		f.y, f.m, f.d = t.Year(), int(t.Month()), t.Day()
	case relDay:
		t := dayAfter(b.y, b.m, b.d, f.off)
		f.y, f.m, f.d = t.Year(), int(t.Month()), t.Day()
	case relCentury:
		f.fixed, f.fixedGrain = centuryValue(b.y/100+1+f.off, f.nth-1)
	case relPrev, relAfter:
		switch f.shift {
		case uYear:
			f.y = b.y + f.off
		case uMonth:
			t := time.Date(b.y, time.Month(b.m+f.off), 1, 0, 0, 0, 0, time.UTC)
			f.y, f.m = t.Year(), int(t.Month())
		case uHour, uMinute, uSecond:
			// From the time of the previous date when it has one, else
			// from the start of its day.
			t := time.Date(b.y, time.Month(b.m), b.d, max(b.h, 0), max(b.mi, 0), 0, 0, time.UTC)
			step := map[unit]time.Duration{uHour: time.Hour, uMinute: time.Minute, uSecond: time.Second}[f.shift]
			t = t.Add(time.Duration(f.off) * step)
			f.y, f.m, f.d, f.h, f.mi = t.Year(), int(t.Month()), t.Day(), t.Hour(), t.Minute()
			switch {
			case f.shift == uSecond:
				f.s = t.Second()
			case f.shift == uHour && f.mi == 0:
				f.mi = -1 // the unit's grain: 2小时后 is an hour
			}
		default:
			t := dayAfter(b.y, b.m, b.d, f.off)
			f.y, f.m, f.d = t.Year(), int(t.Month()), t.Day()
		}
	}
	return true
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// weekStart returns the Monday of the week of y-m-d.
func weekStart(y, m, d int) time.Time {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.AddDate(0, 0, -isoWeekday(t)+1)
}

// isoWeekday is 1 for Monday … 7 for Sunday.
func isoWeekday(t time.Time) int {
	if w := int(t.Weekday()); w != 0 {
		return w
	}
	return 7
}

func dayAfter(y, m, d, n int) time.Time {
	return time.Date(y, time.Month(m), d+n, 0, 0, 0, 0, time.UTC)
}

// fillYear supplies a missing year from the previous date or else the
// document date (a holiday written without its year), and returns that
// date when it is a full one.
func (s *state) fillYear(f *atom, r *resolved, at int) time.Time {
	var near time.Time
	if c, ok := s.anchor(at, uMonth); ok {
		f.y, r.src = c.y, "+prev"
		if c.d != 0 {
			near = time.Date(c.y, time.Month(c.m), c.d, 0, 0, 0, 0, time.UTC)
		}
	} else if s.ref.Year != 0 {
		f.y, r.src = s.ref.Year, "+ref"
		if s.ref.Full() {
			near = time.Date(s.ref.Year, time.Month(s.ref.Month), s.ref.Day, 0, 0, 0, 0, time.UTC)
		}
	}
	if r.typ == typAbsolute && r.src != "" {
		r.typ = typInferred
	}
	return near
}

// nearestHoliday returns, of the holiday in t's year and the years
// before and after, the one nearest to the date near: in a report of
// December, 元旦、春节将至 are the coming ones; in March, 春节期间 is the
// past one.
func nearestHoliday(h holiday, t, near time.Time) time.Time {
	best := t
	for _, dy := range []int{-1, 1} {
		if u, ok := holidayDate(h, t.Year()+dy); ok && absDays(u.Sub(near)) < absDays(best.Sub(near)) {
			best = u
		}
	}
	return best
}

func absDays(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// farAhead is how far after its base a month and day completed with the
// base's year may lie before the year before is meant: in a report of
// January, 12月30日 is last December; after 1月2日, 12月30日以来 is too.
const farAhead = 300 * 24 * time.Hour

// quarterAhead is how far after the document date a quarter completed
// with the document's year may begin before last year's is meant: a
// report of January that writes 三季度 and 四季度 reviews the year before
// (较三季度增速提高); 二季度 in January is still ahead.
const quarterAhead = 120 * 24 * time.Hour

// fill supplies a missing year, and a missing month when the chain is at
// month grain or finer, from the previous date or else the document date.
// A year alone (2023年…) completes only what needs no month (一季度, 上半年,
// 年底): after 1998年出生的他, 6月 is this June.
func (s *state) fill(f *atom, top, fin level, r *resolved, at int) {
	needM := fin >= lvMonth && f.m0 == 0 && !(f.nth != 0 && !f.nthWD && top <= lvYear)
	if f.y != 0 && (!needM || f.m != 0) {
		return
	}
	need := uMonth
	if !needM {
		need = uYear
	}
	var by, bm, bd int
	if c, ok := s.anchor(at, need); ok {
		by, bm, bd, r.src = c.y, c.m, c.d, "+prev"
	} else if !s.ref.IsZero() && (!needM || f.m != 0 || s.ref.Month != 0) {
		by, bm, bd, r.src = s.ref.Year, s.ref.Month, s.ref.Day, "+ref"
	} else {
		return
	}
	fillY := f.y == 0
	if fillY {
		f.y = by
	}
	if needM && f.m == 0 {
		f.m = bm
	}
	if fillY && bm != 0 && f.y != 0 {
		b := time.Date(by, time.Month(bm), max(bd, 1), 0, 0, 0, 0, time.UTC)
		switch {
		case f.m != 0 && time.Date(f.y, time.Month(f.m), max(f.d, 1), 0, 0, 0, 0, time.UTC).Sub(b) > farAhead:
			f.y--
		case f.q0 != 0 && r.src == "+ref" && time.Date(f.y, time.Month(f.q0*3-2), 1, 0, 0, 0, 0, time.UTC).Sub(b) > quarterAhead:
			f.y--
		}
	}
	if r.typ == typAbsolute {
		r.typ = typInferred
	}
}

// weeks turns the weeks of a year or month (2021年第3周, 6月第二周), the
// Nth weekday of a month (十月第一个星期一) and the first or last days of a
// month (前10天, 最后三天) into days. It reports false when they do not
// exist (第6周 of a month, a fifth Monday).
func (s *state) weeks(f *atom, top, fin level) bool {
	switch {
	case f.d0 != 0:
		if f.y == 0 || f.m == 0 {
			return false
		}
		last := daysIn(f.y, f.m)
		start, n := f.d0, f.d1-f.d0+1
		if f.d0 < 0 {
			start = last + f.d0 + 1
		}
		if start < 1 || start+n-1 > last {
			return false
		}
		f.d, f.days = start, n
	case f.nth != 0 && f.nthWD:
		if f.y == 0 || f.m == 0 {
			return false
		}
		first := time.Date(f.y, time.Month(f.m), 1, 0, 0, 0, 0, time.UTC)
		t := first.AddDate(0, 0, (f.wd-isoWeekday(first)+7)%7+7*(f.nth-1))
		if int(t.Month()) != f.m {
			return false
		}
		f.d = t.Day()
	case f.nth != 0 && f.rel != relWeek:
		if f.y == 0 {
			return false
		}
		var monday time.Time
		if f.m != 0 && top > lvYear {
			// Week 1 of a month is the week of its first day.
			first := time.Date(f.y, time.Month(f.m), 1, 0, 0, 0, 0, time.UTC)
			monday = weekStart(f.y, f.m, 1).AddDate(0, 0, 7*(f.nth-1))
			if monday.After(first.AddDate(0, 1, -1)) {
				return false
			}
		} else {
			// ISO 8601: week 1 of a year is the week of 4 January.
			monday = weekStart(f.y, 1, 4).AddDate(0, 0, 7*(f.nth-1))
			if monday.AddDate(0, 0, 3).Year() != f.y {
				return false
			}
		}
		t, days := monday, 7
		if f.wd > 0 {
			t, days = monday.AddDate(0, 0, f.wd-1), 1
		}
		f.y, f.m, f.d, f.days = t.Year(), int(t.Month()), t.Day(), days
	case fin == lvWeek && f.days == 0:
		return false
	}
	return true
}

// valid checks that the filled fields make a calendar date.
func valid(f atom, fin level) bool {
	switch {
	case f.y == 0 && (fin == lvYear || fin == lvHalf || fin == lvQuarter):
		return false
	case f.m == 0 && f.m0 == 0 && (fin == lvMonth || fin == lvXun):
		return false
	case f.d != 0 && f.m != 0:
		y := f.y
		if y == 0 {
			y = 2000 // a leap year: 2月29日 without a year is possible
		}
		return f.d <= daysIn(y, f.m)
	}
	return true
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m+1), 0, 0, 0, 0, 0, time.UTC).Day()
}

// adjustHour turns 12-hour clock readings after 下午, 晚上 and the like
// into 24-hour ones: 晚上10点 is 22:00, 中午1点 is 13:00, 晚上12点 is
// midnight (24:00), 凌晨12点 is 00:00.
func adjustHour(f *atom) {
	if f.h < 0 {
		return
	}
	switch f.pod {
	case "下午", "午后", "傍晚", "pm":
		if f.h < 12 {
			f.h += 12
		}
	case "晚上", "晚间", "夜间", "夜里", "夜晚":
		if f.h == 12 {
			f.h = 24
		} else if f.h >= 5 && f.h < 12 { // 晚上1点 is 1:00 at night
			f.h += 12
		}
	case "中午", "午间":
		if f.h < 6 {
			f.h += 12
		}
	case "深夜", "半夜", "午夜":
		if f.h == 12 {
			f.h = 24
		} else if f.h >= 6 && f.h < 12 {
			f.h += 12
		}
	case "凌晨", "am":
		if f.h == 12 {
			f.h = 0 // 12 a.m. is midnight (上午12点 is noon)
		}
	}
}

// format writes the ISO 8601 bounds and the grain of f.
func format(f atom, fin level, dateless bool) (lo, hi, grain string) {
	ys := "-" // unknown year: --MM-DD, --MM
	if f.y != 0 {
		ys = pad(f.y, 4)
	}
	ym := func(m int) string { return ys + "-" + pad(m, 2) }
	ymd := func(d int) string {
		if f.m == 0 {
			return "---" + pad(d, 2)
		}
		return ys + "-" + pad(f.m, 2) + "-" + pad(d, 2)
	}
	days := func() (string, string) {
		t := time.Date(f.y, time.Month(f.m), f.d, 0, 0, 0, 0, time.UTC)
		e := t.AddDate(0, 0, f.days-1)
		return t.Format("2006-01-02"), e.Format("2006-01-02")
	}
	switch fin {
	case lvYear:
		return ys, ys, "year"
	case lvHalf:
		return ym(f.half*6 - 5), ym(f.half * 6), "half"
	case lvQuarter:
		return ym(f.q0*3 - 2), ym(f.q1 * 3), "quarter"
	case lvMonth:
		if f.m0 != 0 {
			return ym(f.m0), ym(f.m1), "month"
		}
		return ym(f.m), ym(f.m), "month"
	case lvWeek:
		lo, hi := days()
		return lo, hi, "week"
	case lvXun:
		last := f.xun * 10
		if f.xun == 3 {
			y := f.y
			if y == 0 {
				y = 2000
			}
			last = daysIn(y, f.m)
		}
		return ymd(f.xun*10 - 9), ymd(last), "day"
	case lvDay, lvPOD:
		if f.days > 1 && f.y != 0 {
			lo, hi := days()
			return lo, hi, "day"
		}
		return ymd(f.d), ymd(f.d), "day"
	}
	t, grain := clock(f)
	if !dateless {
		t = ymd(f.d) + t
	}
	return t, t, grain
}

// clock formats the time of day of f: T22:00 (grain hour), T07:30,
// T10:00:05. An hour is written with its minutes so that every value
// casts (DuckDB and pandas read 2021-06-24T22:00, not 2021-06-24T22).
func clock(f atom) (string, string) {
	switch {
	case f.s >= 0:
		return "T" + pad(f.h, 2) + ":" + pad(f.mi, 2) + ":" + pad(f.s, 2), "second"
	case f.mi >= 0:
		return "T" + pad(f.h, 2) + ":" + pad(f.mi, 2), "minute"
	}
	return "T" + pad(f.h, 2) + ":00", "hour"
}

// pad writes n, not negative, with at least width digits: fmt.Sprintf
// was a tenth of Extract.
func pad(n, width int) string {
	var b [8]byte
	i := len(b)
	for n > 0 || i > len(b)-width {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// emit appends a mention and makes it the context for later dates.
func (s *state) emit(span corpus.Span, r resolved, rule string) {
	value := r.lo
	if r.hi != r.lo {
		value += "/" + r.hi
	}
	s.out = append(s.out, corpus.Mention{
		Kind:   corpus.KindDate,
		Span:   span,
		Value:  value,
		Grain:  r.grain,
		Approx: r.f.approx,
		Rule:   rule + r.src,
		Type:   typeNames[r.typ],
	})
	if (r.f.y != 0 || r.f.m != 0) && r.f.fixed == "" {
		s.prev = context{y: r.f.y, m: r.f.m, d: r.f.d, h: r.f.h, mi: r.f.mi, end: span.End, ok: true}
		if r.f.days > 1 || r.f.m0 != 0 || r.f.q0 != 0 || r.f.half != 0 || r.f.xun != 0 {
			s.prev.d = 0 // a period: no single day to count from
		}
	}
}
