package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// propertyInputs mix every transform's triggers: full-width forms, format
// characters, hard wraps, traditional characters.
var propertyInputs = []string{
	"",
	"\u200b",
	"１",
	"于２０２１年６月２５日召开，共１２３４５人次①㎡〇",
	"７月\u200b２９日\ufeff上午９：３０",
	wrapped,
	strings.ReplaceAll(wrapped, "医院", "醫院"),
	"醫院開展義診活動，群眾不瞭解新政策\n一目瞭然",
	"a\u200b\u200bb\u3000ｃ",
}

// TestOrigProperties checks every span of every transform's view on the
// inputs above: in bounds, on rune boundaries, ordered, monotone.
func TestOrigProperties(t *testing.T) {
	transforms := []struct {
		name string
		f    func(string) *View
	}{
		{"Fold", Fold}, {"Unwrap", Unwrap}, {"T2S", T2S}, {"Repair", Repair},
		{"FoldThenT2S", func(s string) *View { return Fold(s).Then(T2S) }},
	}
	for _, tr := range transforms {
		for _, in := range propertyInputs {
			t.Run(tr.name+"/"+in, func(t *testing.T) {
				checkView(t, tr.f(in), in)
			})
		}
	}
}

func FuzzRepair(f *testing.F) {
	for _, in := range propertyInputs {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if !utf8.ValidString(in) {
			return // Document.Text is valid UTF-8: the decoder replaces bad bytes
		}
		v := Repair(in)
		bounds := runeStarts(v.Text)
		for i := 0; i < len(bounds); i++ {
			for j := i; j < len(bounds) && j < i+8; j++ {
				s, e := v.Orig(bounds[i], bounds[j])
				if s < 0 || e > len(in) || s > e || !onRune(in, s) || !onRune(in, e) {
					t.Fatalf("Repair(%q).Orig(%d, %d) = %d, %d; invalid", in, bounds[i], bounds[j], s, e)
				}
			}
		}
		// The whole view covers the whole original but for removed
		// format characters at its ends.
		if s, e := v.Orig(0, len(v.Text)); Fold(in[:s]).Text != "" || Fold(in[e:]).Text != "" {
			t.Fatalf("Repair(%q).Orig(0, %d) = %d, %d; leaves out text", in, len(v.Text), s, e)
		}
	})
}
