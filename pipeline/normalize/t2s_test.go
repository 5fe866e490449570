package normalize

import (
	"strings"
	"sync"
	"testing"
	"unicode"
)

func TestT2S(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"hospital", "醫院開展義診活動", "医院开展义诊活动"},
		{"phrase", "群眾不瞭解新政策", "群众不了解新政策"},
		{"mixed with ascii", "2021年6月，衛生院為300名長者體檢", "2021年6月，卫生院为300名长者体检"},
		{"simplified unchanged", "医院开展义诊活动", "医院开展义诊活动"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := T2S(tt.in)
			if v.Text != tt.want {
				t.Errorf("T2S(%q) = %q; want %q", tt.in, v.Text, tt.want)
			}
			checkView(t, v, tt.in)
		})
	}
}

func TestT2SSpans(t *testing.T) {
	orig := "醫院開展義診活動"
	v := T2S(orig)
	tests := []struct{ span, want string }{
		{"医院开展⟦义诊⟧活动", "義診"},
		{"⟦医⟧院开展义诊活动", "醫"},
		{"医院开展义诊⟦活动⟧", "活動"},
		{"医院⟦开展义⟧诊活动", "開展義"},
	}
	for _, tt := range tests {
		t.Run(tt.span, func(t *testing.T) {
			text, s, e := marked(tt.span)
			if text != v.Text {
				t.Fatalf("T2S(%q) = %q; want %q", orig, v.Text, text)
			}
			if os, oe := v.Orig(s, e); orig[os:oe] != tt.want {
				t.Errorf("T2S(%q).Orig(%d, %d) = %q; want %q", orig, s, e, orig[os:oe], tt.want)
			}
		})
	}
}

// TestT2SMatchesOpenCC guards the reimplemented dictionary walk against
// OpenCC's own Convert.
func TestT2SMatchesOpenCC(t *testing.T) {
	inputs := []string{
		"醫院開展義診活動，群眾不瞭解新政策",
		"一目瞭然的乾淨環境與著名的醫學專家",
		"於2021年６月舉辦「為民辦實事」活動。",
		"医院开展义诊活动",
	}
	inputs = append(inputs, readSeeds(t)...)
	for _, in := range inputs {
		want, err := converter().cc.Convert(in)
		if err != nil {
			t.Fatalf("Convert: %v", err)
		}
		if got := T2S(in).Text; got != want {
			t.Errorf("T2S(%.40q...) differs from opencc Convert:\n%s\nwant\n%s", in, got, want)
		}
	}
}

func TestIsTraditional(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"traditional", "醫院開展義診活動，為群眾辦實事", true},
		{"simplified", "医院开展义诊活动，为群众办实事", false},
		{"simplified with a few dictionary characters", "乾坤朗朗，著名专家在医院开展义诊活动，为群众办实事", false},
		{"no han", "2021-06-25 10:00", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsTraditional(tt.in); got != tt.want {
				t.Errorf("IsTraditional(%q) = %v; want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestIsTraditionalOnCorpus(t *testing.T) {
	dir := sharedDir(t, "encodings", "golang-text")
	for name, want := range map[string]bool{
		"sunzi-bingfa-traditional-utf-8.txt": true,
		"sunzi-bingfa-simplified-utf-8.txt":  false,
	} {
		t.Run(name, func(t *testing.T) {
			text := readFile(t, dir, name)
			if got := IsTraditional(text); got != want {
				t.Errorf("IsTraditional(%s) = %v; want %v", name, got, want)
			}
		})
	}
}

// TestT2SConcurrent lets the race detector check that the shared converter
// is only read.
func TestT2SConcurrent(t *testing.T) {
	const in = "醫院開展義診活動"
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				if got := T2S(in).Text; got != "医院开展义诊活动" {
					t.Errorf("T2S(%q) = %q in a goroutine", in, got)
					return
				}
				IsTraditional(strings.Repeat(in, 3))
			}
		})
	}
	wg.Wait()
}

func TestIsHan(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := isHan(r), unicode.Is(unicode.Han, r); got != want {
			t.Fatalf("isHan(%U) = %v; want %v", r, got, want)
		}
	}
}
