package date

import (
	"fmt"
	"time"

	"github.com/baogao/baogao/corpus"
)

// dateType orders the Type values so a range takes the weaker of its ends.
type dateType uint8

const (
	typAbsolute dateType = iota
	typInferred
	typRelative
)

var typeNames = [...]string{typAbsolute: "absolute", typInferred: "inferred", typRelative: "relative"}

// resolved is a chain with every needed field filled and its Value
// bounds: lo == hi except for periods (上半年, 5月中旬).
type resolved struct {
	f      atom
	lo, hi string
	grain  string
	typ    dateType
	src    string // "+prev" or "+ref" when a field was filled in
}

// resolve fills what f does not write from the document date (relative
// words) or from the previous date in the text, then formats it. It
// reports false when the value cannot be known (a relative word without
// a document date) or is not a calendar date (2月30日).
func (s *state) resolve(f atom, top, fin level) (resolved, bool) {
	r := resolved{}
	if f.fixed != "" {
		r.f, r.lo, r.hi, r.grain = f, f.fixed, f.fixed, "decade"
		return r, true
	}
	if f.rel != relNone {
		if !s.relative(&f) {
			return r, false
		}
		r.typ = typRelative
	}
	dateless := top >= lvPOD && f.y == 0 && f.m == 0 && f.d == 0
	if !dateless {
		s.fill(&f, fin, &r)
		if !valid(f, fin) {
			return r, false
		}
	}
	adjustHour(&f)
	r.f = f
	r.lo, r.hi, r.grain = format(f, fin, dateless)
	return r, true
}

// relative applies f.rel to the document date (or, for 次日, to the
// previous date in the text).
func (s *state) relative(f *atom) bool {
	base := s.ref
	if f.rel == relAfter {
		base = corpus.Date{}
	}
	if (f.rel == relPrev || f.rel == relAfter) && s.prev.ok && s.prev.y != 0 && s.prev.d != 0 {
		base = corpus.Date{Year: s.prev.y, Month: s.prev.m, Day: s.prev.d}
	}
	if base.IsZero() {
		return false
	}
	switch f.rel {
	case relYear:
		f.y = base.Year + f.off
	case relMonth:
		t := time.Date(base.Year, time.Month(base.Month+f.off), 1, 0, 0, 0, 0, time.UTC)
		f.y, f.m = t.Year(), int(t.Month())
	case relDay, relPrev, relAfter:
		t := time.Date(base.Year, time.Month(base.Month), base.Day+f.off, 0, 0, 0, 0, time.UTC)
		f.y, f.m, f.d = t.Year(), int(t.Month()), t.Day()
	}
	return true
}

// fill supplies a missing year, and a missing month when the chain is at
// month grain or finer, from the previous date or else the document date.
func (s *state) fill(f *atom, fin level, r *resolved) {
	needM := fin >= lvMonth
	if f.y != 0 && (!needM || f.m != 0) {
		return
	}
	if s.prev.ok {
		if f.y == 0 {
			f.y = s.prev.y
		}
		if needM && f.m == 0 {
			f.m = s.prev.m
		}
		r.src = "+prev"
	} else if !s.ref.IsZero() {
		if f.y == 0 {
			f.y = s.ref.Year
		}
		if needM && f.m == 0 {
			f.m = s.ref.Month
		}
		r.src = "+ref"
	}
	if r.typ == typAbsolute && r.src != "" {
		r.typ = typInferred
	}
}

// valid checks that the filled fields make a calendar date.
func valid(f atom, fin level) bool {
	switch {
	case f.y == 0 && (fin == lvYear || fin == lvHalf || fin == lvQuarter):
		return false
	case f.m == 0 && (fin == lvMonth || fin == lvXun):
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
// into 24-hour ones: 晚上10点 is 22:00, 中午1点 is 13:00.
func adjustHour(f *atom) {
	if f.h < 0 {
		return
	}
	switch f.pod {
	case "下午", "傍晚", "晚上", "晚间", "夜间", "夜里":
		if f.h < 12 {
			f.h += 12
		}
	case "中午", "午间":
		if f.h < 6 {
			f.h += 12
		}
	case "深夜", "半夜":
		if f.h >= 6 && f.h < 12 {
			f.h += 12
		}
	}
}

// format writes the ISO 8601 bounds and the grain of f.
func format(f atom, fin level, dateless bool) (lo, hi, grain string) {
	ys := "-" // unknown year: --MM-DD, --MM
	if f.y != 0 {
		ys = fmt.Sprintf("%04d", f.y)
	}
	ym := func(m int) string { return fmt.Sprintf("%s-%02d", ys, m) }
	ymd := func(d int) string {
		if f.m == 0 {
			return fmt.Sprintf("---%02d", d)
		}
		return fmt.Sprintf("%s-%02d-%02d", ys, f.m, d)
	}
	switch fin {
	case lvYear:
		return ys, ys, "year"
	case lvHalf:
		return ym(f.half*6 - 5), ym(f.half * 6), "half"
	case lvQuarter:
		return ym(f.q0*3 - 2), ym(f.q1 * 3), "quarter"
	case lvMonth:
		return ym(f.m), ym(f.m), "month"
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
		return ymd(f.d), ymd(f.d), "day"
	}
	t, grain := clock(f)
	if !dateless {
		t = ymd(f.d) + t
	}
	return t, t, grain
}

// clock formats the time of day of f: T22, T07:30, T10:00:05.
func clock(f atom) (string, string) {
	switch {
	case f.s >= 0:
		return fmt.Sprintf("T%02d:%02d:%02d", f.h, f.mi, f.s), "second"
	case f.mi >= 0:
		return fmt.Sprintf("T%02d:%02d", f.h, f.mi), "minute"
	}
	return fmt.Sprintf("T%02d", f.h), "hour"
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
	if r.f.m != 0 && r.f.fixed == "" {
		s.prev = context{y: r.f.y, m: r.f.m, d: r.f.d, ok: true}
	}
}
