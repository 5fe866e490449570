package date

import (
	"testing"
	"time"
)

func TestBounds(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	at := func(y, m, d, h, mi, s int) time.Time { return time.Date(y, time.Month(m), d, h, mi, s, 0, time.UTC) }
	tests := []struct {
		value, grain string
		start, end   time.Time
		ok           bool
	}{
		{"2021", "year", day(2021, 1, 1), day(2022, 1, 1), true},
		{"2021-06", "month", day(2021, 6, 1), day(2021, 7, 1), true},
		{"2021-12", "month", day(2021, 12, 1), day(2022, 1, 1), true},
		{"2021-06-25", "day", day(2021, 6, 25), day(2021, 6, 26), true},
		{"2021-06-24T22:00", "hour", at(2021, 6, 24, 22, 0, 0), at(2021, 6, 24, 23, 0, 0), true},
		{"2021-06-24T22:30", "minute", at(2021, 6, 24, 22, 30, 0), at(2021, 6, 24, 22, 31, 0), true},
		{"2021-06-24T23:59:59", "second", at(2021, 6, 24, 23, 59, 59), day(2021, 6, 25), true},
		{"2021-05-11/2021-05-20", "day", day(2021, 5, 11), day(2021, 5, 21), true},
		{"2021-01/2021-06", "half", day(2021, 1, 1), day(2021, 7, 1), true},
		{"2021-07/2021-09", "quarter", day(2021, 7, 1), day(2021, 10, 1), true},
		{"2021-06-21/2021-06-27", "week", day(2021, 6, 21), day(2021, 6, 28), true},
		{"1990/1999", "decade", day(1990, 1, 1), day(2000, 1, 1), true},
		{"1800/1899", "century", day(1800, 1, 1), day(1900, 1, 1), true},
		{"199", "decade", day(1990, 1, 1), day(2000, 1, 1), true},
		{"2021-06-25T08:00/2021-06-25T10:30", "minute", at(2021, 6, 25, 8, 0, 0), at(2021, 6, 25, 10, 31, 0), true},
		{"2021-06-25T22:00/2021-06-26T06:00", "minute", at(2021, 6, 25, 22, 0, 0), at(2021, 6, 26, 6, 1, 0), true},
		{"--06-25", "day", time.Time{}, time.Time{}, false},
		{"---25", "day", time.Time{}, time.Time{}, false},
		{"--07", "month", time.Time{}, time.Time{}, false},
		{"T16:00", "hour", time.Time{}, time.Time{}, false},
		{"2021-02-30", "day", time.Time{}, time.Time{}, false},
		{"2021-06-25T24:00", "hour", time.Time{}, time.Time{}, false},
		{"2025/2021", "year", time.Time{}, time.Time{}, false},
		{"", "", time.Time{}, time.Time{}, false},
		{"乡村振兴", "", time.Time{}, time.Time{}, false},
	}
	for _, tt := range tests {
		start, end, ok := Bounds(tt.value, tt.grain)
		if ok != tt.ok || !start.Equal(tt.start) || !end.Equal(tt.end) {
			t.Errorf("Bounds(%q, %q) = %v, %v, %v; want %v, %v, %v", tt.value, tt.grain, start, end, ok, tt.start, tt.end, tt.ok)
		}
	}
}
