package initiative

import (
	"fmt"
	"strings"
)

// PlanPeriod returns the years of a five-year plan named at the start of
// an initiative name ("十四五", "十四五规划", "“十五五”时期" → "2021/2025",
// "2026/2030"), or "" for any other name. The plans ran 1953–1957 and
// 1958–1962, then, after three years of readjustment, from 1966 in
// consecutive five-year periods.
func PlanPeriod(name string) string {
	var n int
	rest := name
	if r, ok := strings.CutPrefix(rest, "十"); ok {
		n, rest = 10, r
	}
	d := strings.IndexRune("一二三四五六七八九", firstRune(rest))
	if d < 0 && n == 0 {
		return ""
	}
	if d >= 0 {
		n += d/len("一") + 1
		rest = rest[len("一"):]
	}
	if !strings.HasPrefix(rest, "五") || n < 1 {
		return ""
	}
	switch after := strings.TrimPrefix(rest, "五"); after {
	case "", "规划", "计划", "时期", "期间", "发展规划", "规划纲要":
	default:
		return ""
	}
	var start int
	switch {
	case n == 1:
		start = 1953
	case n == 2:
		start = 1958
	default:
		start = 1966 + 5*(n-3)
	}
	return fmt.Sprintf("%d/%d", start, start+4)
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}
