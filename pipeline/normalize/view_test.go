package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// marked removes the ⟦ ⟧ markers from s and returns the text and the byte
// span of the first marked part.
func marked(s string) (string, int, int) {
	start := strings.Index(s, "⟦")
	s = strings.Replace(s, "⟦", "", 1)
	end := strings.Index(s, "⟧")
	return strings.Replace(s, "⟧", "", 1), start, end
}

// checkView asserts the map's contract for every span of v.Text on rune
// boundaries: Orig gives an ordered span in bounds, on rune boundaries of
// the original, monotone in both ends.
func checkView(t *testing.T, v *View, orig string) {
	t.Helper()
	bounds := runeStarts(v.Text)
	prevStart := 0
	for i, s := range bounds {
		os, _ := v.Orig(s, s)
		if os < prevStart {
			t.Fatalf("Orig(%d, %d) starts at %d, before %d for an earlier start", s, s, os, prevStart)
		}
		prevStart = os
		prevEnd := os
		for _, e := range bounds[i:] {
			gs, ge := v.Orig(s, e)
			if gs < 0 || ge > len(orig) || gs > ge {
				t.Fatalf("Orig(%d, %d) = %d, %d; out of [0, %d] or unordered", s, e, gs, ge, len(orig))
			}
			if !onRune(orig, gs) || !onRune(orig, ge) {
				t.Fatalf("Orig(%d, %d) = %d, %d; not on rune boundaries of %q", s, e, gs, ge, orig)
			}
			if ge < prevEnd {
				t.Fatalf("Orig(%d, %d) ends at %d, before %d for a shorter span", s, e, ge, prevEnd)
			}
			prevEnd = ge
		}
	}
}

func runeStarts(s string) []int {
	b := make([]int, 0, len(s)+1)
	for i := range s {
		b = append(b, i)
	}
	return append(b, len(s))
}

func onRune(s string, i int) bool { return i == len(s) || utf8.RuneStart(s[i]) }

func TestIdentity(t *testing.T) {
	text := "２０２１年６月"
	v := Identity(text)
	if v.Text != text || v.bps != nil {
		t.Fatalf("Identity(%q) = %q with map %v; want the text, no map", text, v.Text, v.bps)
	}
	if s, e := v.Orig(3, 7); s != 3 || e != 9 {
		t.Errorf("Identity(%q).Orig(3, 7) = %d, %d; want 3, 9 (rounded to runes)", text, s, e)
	}
	checkView(t, v, text)
}

func TestOrigClamps(t *testing.T) {
	v := Fold("共１２人")
	tests := []struct {
		name               string
		start, end         int
		wantStart, wantEnd int
	}{
		{"negative start", -5, 3, 0, 3},
		{"end past text", 4, 99, 6, len("共１２人")},
		{"end before start", 5, 2, 9, 9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, e := v.Orig(tt.start, tt.end)
			if s != tt.wantStart || e != tt.wantEnd {
				t.Errorf("Orig(%d, %d) = %d, %d; want %d, %d", tt.start, tt.end, s, e, tt.wantStart, tt.wantEnd)
			}
		})
	}
}

func TestBuilder(t *testing.T) {
	type edit struct {
		at, n int
		s     string
	}
	tests := []struct {
		name     string
		orig     string
		edits    []edit
		want     string
		wantMap  int    // breakpoints in the map
		span     string // marked span of want
		wantSpan string // what it maps back to
	}{
		{"no edit", "七月", nil, "七月", 0, "⟦七⟧月", "七"},
		{"equal length", "醫院", []edit{{0, 3, "医"}}, "医院", 0, "医⟦院⟧", "院"},
		{"shorter", "１号", []edit{{0, 3, "1"}}, "1号", 2, "1⟦号⟧", "号"},
		{"adjacent shorter", "１２号", []edit{{0, 3, "1"}, {3, 3, "2"}}, "12号", 3, "1⟦2⟧号", "２"},
		{"deletion", "a\u200bb", []edit{{1, 3, ""}}, "ab", 3, "⟦ab⟧", "a\u200bb"},
		{"deletion skipped at start", "a\u200bb", []edit{{1, 3, ""}}, "ab", 3, "a⟦b⟧", "b"},
		{"deletion skipped at end", "a\u200bb", []edit{{1, 3, ""}}, "ab", 3, "⟦a⟧b", "a"},
		{"longer", "x", []edit{{0, 1, "xyz"}}, "xyz", 1, "x⟦y⟧z", "x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := builder{orig: tt.orig}
			for _, e := range tt.edits {
				b.replace(e.at, e.n, e.s)
			}
			v := b.view()
			if v.Text != tt.want || len(v.bps) != tt.wantMap {
				t.Fatalf("view of %q = %q with %d breakpoints; want %q with %d", tt.orig, v.Text, len(v.bps), tt.want, tt.wantMap)
			}
			text, s, e := marked(tt.span)
			if text != v.Text {
				t.Fatalf("marked span %q is not over %q", tt.span, v.Text)
			}
			if os, oe := v.Orig(s, e); tt.orig[os:oe] != tt.wantSpan {
				t.Errorf("Orig(%d, %d) = %q; want %q", s, e, tt.orig[os:oe], tt.wantSpan)
			}
			checkView(t, v, tt.orig)
		})
	}
}

func TestThen(t *testing.T) {
	orig := "醫院\n於２０２１年"
	v := Identity(orig).Then(Fold).Then(T2S)
	if want := "医院\n于2021年"; v.Text != want {
		t.Fatalf("Fold then T2S of %q = %q; want %q", orig, v.Text, want)
	}
	tests := []struct{ span, want string }{
		{"医院\n于⟦2021⟧年", "２０２１"},
		{"医院\n⟦于2⟧021年", "於２"},
		{"⟦医⟧院\n于2021年", "醫"},
		{"医院\n于202⟦1年⟧", "１年"},
	}
	for _, tt := range tests {
		t.Run(tt.span, func(t *testing.T) {
			_, s, e := marked(tt.span)
			if os, oe := v.Orig(s, e); orig[os:oe] != tt.want {
				t.Errorf("Orig(%d, %d) = %q; want %q", s, e, orig[os:oe], tt.want)
			}
		})
	}
	checkView(t, v, orig)
}

func TestThenIdentityIsCheap(t *testing.T) {
	v := Fold("２号")
	if w := v.Then(Identity); w != v {
		t.Errorf("Then(Identity) = %p; want the view itself %p", w, v)
	}
	if w := Identity("二号").Then(T2S); w.parent != nil {
		t.Errorf("Identity.Then(T2S) has a parent; want none")
	}
}
