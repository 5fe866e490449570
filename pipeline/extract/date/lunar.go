package date

import "time"

// The lunar holidays (春节, 元宵, 端午, 七夕, 中秋, 重阳, 腊八, 除夕) and
// 清明, a solar term, move on the Gregorian calendar; lunar_table.go holds
// the lunar calendar for 1900–2088. That span covers every report and
// news text baogao reads, from historical records to plans for the
// coming decades, and ends where two independent calendar sources
// (lunar-python, lunarcalendar) stop agreeing on every holiday date.
// Outside it a lunar holiday is not resolved (Extract reports nothing).

// lunarYear is one lunar year: the day of the Gregorian year its first
// day (春节) falls on, the month a leap month follows (0: none), and the
// lengths of its 12 or 13 months in order, bit k set when month k has 30
// days rather than 29.
type lunarYear struct {
	cny  uint8
	leap uint8
	long uint16
}

// lunarToSolar returns the Gregorian date of day d of month m (not a leap
// month) of the lunar year that begins in Gregorian year y.
func lunarToSolar(y, m, d int) (time.Time, bool) {
	if y < firstLunarYear || y > lastLunarYear || m < 1 || m > 12 || d < 1 || d > 30 {
		return time.Time{}, false
	}
	ly := lunarYears[y-firstLunarYear]
	days := int(ly.cny) - 1
	// Months in order: 1 … leap, the leap month, leap+1 … 12.
	k := 0
	for month := 1; month < m; month++ {
		days += monthLen(ly, k)
		k++
		if month == int(ly.leap) {
			days += monthLen(ly, k)
			k++
		}
	}
	if d > monthLen(ly, k) {
		return time.Time{}, false
	}
	return time.Date(y, 1, 1+days+d-1, 0, 0, 0, 0, time.UTC), true
}

func monthLen(ly lunarYear, k int) int {
	if ly.long&(1<<k) != 0 {
		return 30
	}
	return 29
}

// holidayDate returns the date in Gregorian year y of a holiday: fixed
// ones from the table, lunar ones through the lunar calendar, 清明 from
// its own table. 除夕 and 腊八 of year y are the ones before the 春节 of
// year y (腊八 2021 is 2021-01-20, of the lunar year that began in 2020).
func holidayDate(h holiday, y int) (time.Time, bool) {
	switch {
	case h.solar && h.nth != 0:
		first := time.Date(y, time.Month(h.m), 1, 0, 0, 0, 0, time.UTC)
		return first.AddDate(0, 0, (h.wd-isoWeekday(first)+7)%7+7*(h.nth-1)), true
	case h.solar:
		return time.Date(y, time.Month(h.m), h.d, 0, 0, 0, 0, time.UTC), true
	case h.name == "清明":
		if y < firstLunarYear || y > lastLunarYear {
			return time.Time{}, false
		}
		return time.Date(y, 4, int(qingming[y-firstLunarYear]-'0'), 0, 0, 0, 0, time.UTC), true
	case h.name == "除夕":
		t, ok := lunarToSolar(y, 1, 1)
		return t.AddDate(0, 0, -1), ok
	case h.m == 12:
		return lunarToSolar(y-1, h.m, h.d)
	}
	return lunarToSolar(y, h.m, h.d)
}
