package prefix

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestLongestAt: the longest string starting at a position is found among
// strings sharing its first one or two runes, strings of one rune too, at
// the end of the text and past the Basic Multilingual Plane; a position
// whose first two runes start no string finds none.
func TestLongestAt(t *testing.T) {
	x := New([]string{"河", "河长", "河长制", "河湖长制", "河长制工作", "湖长制", "", "河长", "𠀋a", "ab"})
	for _, c := range []struct {
		s    string
		i    int
		want string
	}{
		{"推行河长制工作方案", len("推行"), "河长制工作"},
		{"推行河长制", len("推行"), "河长制"},
		{"全面推行河湖长制", len("全面推行"), "河湖长制"},
		{"河长", 0, "河长"},
		{"一条河", len("一条"), "河"},
		{"河道", 0, "河"},
		{"湖长", 0, ""},
		{"推行", 0, ""},
		{"x𠀋ab", 1, "𠀋a"},
		{"cab", 1, "ab"},
		{"a", 0, ""},
		{"河", len("河"), ""},
	} {
		if got := x.LongestAt(c.s, c.i); got != c.want {
			t.Errorf("LongestAt(%q, %d) = %q; want %q", c.s, c.i, got, c.want)
		}
	}
	var zero Index
	if got := zero.LongestAt("河长", 0); got != "" {
		t.Errorf("zero Index: LongestAt = %q; want none", got)
	}
}

// TestLongestAtScan: LongestAt agrees with comparing every string at
// every position, over a text that holds the strings and their pieces.
func TestLongestAtScan(t *testing.T) {
	words := []string{"乡村振兴", "乡村振兴战略", "乡村", "一带一路", "一带", "健康中国", "中国", "中", "数字中国建设"}
	x := New(words)
	text := "实施乡村振兴战略，推进乡村振兴和一带一路，建设健康中国与数字中国建设，中国中"
	for i := range len(text) {
		if !utf8.RuneStart(text[i]) {
			continue
		}
		want := ""
		for _, w := range words {
			if strings.HasPrefix(text[i:], w) && len(w) > len(want) {
				want = w
			}
		}
		if got := x.LongestAt(text, i); got != want {
			t.Errorf("LongestAt(text, %d) = %q; want %q", i, got, want)
		}
	}
}
