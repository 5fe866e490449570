package date

import (
	"strconv"
	"strings"
	"time"
)

// Bounds returns the half-open interval [start, end) that a date Value
// covers at its Grain, in UTC (the values carry no time zone): 2021 is
// 2021-01-01 00:00 to 2022-01-01 00:00, 2021-06 is June, 2021-06-24T22:00
// at grain hour is 22:00 to 23:00, 2021-05-11/2021-05-20 runs to
// 2021-05-21 00:00. ok is false when the value cannot be placed on the
// calendar: no year known (--06-25, ---25) or a time of day without a
// date (T16:00), and for anything that is not a Value this package writes.
//
// The end of a range is the end of its last unit: a range of months
// ends with the first day after its last month. Grain says how long a
// time of day lasts ("hour", "minute", "second"); the other grains are
// written in the value itself.
func Bounds(value, grain string) (start, end time.Time, ok bool) {
	lo, hi, isRange := strings.Cut(value, "/")
	if !isRange {
		hi = lo
	}
	start, _, ok = point(lo, grain)
	if !ok {
		return time.Time{}, time.Time{}, false
	}
	_, end, ok = point(hi, grain)
	if !ok || !end.After(start) {
		return time.Time{}, time.Time{}, false
	}
	return start, end, true
}

// point returns the interval of one ISO 8601 value: YYYY, YYYY-MM,
// YYYY-MM-DD, YYYY-MM-DDThh[:mm[:ss]]. A three-digit value is a decade
// (199 is the 1990s, the ISO 8601 reduced form).
func point(s, grain string) (start, end time.Time, ok bool) {
	date, clock, hasClock := strings.Cut(s, "T")
	parts := strings.Split(date, "-")
	nums := make([]int, 0, 3)
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || i == 0 && len(p) != 4 && !(len(p) == 3 && len(parts) == 1 && !hasClock) || i > 0 && len(p) != 2 {
			return start, end, false
		}
		nums = append(nums, n)
	}
	if len(nums) > 3 {
		return start, end, false
	}
	if len(parts[0]) == 3 { // decade
		start = time.Date(nums[0]*10, 1, 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(10, 0, 0), true
	}
	y, m, d := nums[0], 1, 1
	if len(nums) > 1 {
		m = nums[1]
	}
	if len(nums) > 2 {
		d = nums[2]
	}
	if y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return start, end, false
	}
	start = time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if !hasClock {
		switch len(nums) {
		case 1:
			return start, start.AddDate(1, 0, 0), true
		case 2:
			return start, start.AddDate(0, 1, 0), true
		}
		return start, start.AddDate(0, 0, 1), true
	}
	if len(nums) != 3 {
		return start, end, false
	}
	fields := strings.Split(clock, ":")
	if len(fields) > 3 {
		return start, end, false
	}
	var hms [3]int
	for i, f := range fields {
		n, err := strconv.Atoi(f)
		if err != nil || len(f) != 2 || n < 0 || n > []int{23, 59, 59}[i] {
			return start, end, false
		}
		hms[i] = n
	}
	start = start.Add(time.Duration(hms[0])*time.Hour + time.Duration(hms[1])*time.Minute + time.Duration(hms[2])*time.Second)
	step := time.Hour
	switch {
	case len(fields) == 3 || grain == "second":
		step = time.Second
	case grain == "minute" || len(fields) == 2 && grain != "hour":
		step = time.Minute
	}
	return start, start.Add(step), true
}
