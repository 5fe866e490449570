package normalize

import (
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"full-width date", "于２０２１年６月２５日召开", "于2021年6月25日召开"},
		{"full-width digits", "共１２３４５人次", "共12345人次"},
		{"full-width letters", "开展ＣＴ检查和ｐｈ值检测", "开展CT检查和ph值检测"},
		{"number symbols", "增长１２．５％，占比１／３，－２℃，＋８", "增长12.5%，占比1/3，-2℃，+8"},
		{"colon between digits", "上午９：３０在会议室", "上午9:30在会议室"},
		{"colon in prose kept", "院长指出：要办实事", "院长指出：要办实事"},
		{"colon after digit before text kept", "第３：要点", "第3：要点"},
		{"ideographic space", "医院\u3000党委", "医院 党委"},
		{"zero-width space", "７月\u200b２９日", "7月29日"},
		{"byte order mark", "\ufeff报告全文", "报告全文"},
		{"circled number kept", "①加强组织领导", "①加强组织领导"},
		{"square metre kept", "面积１２００㎡", "面积1200㎡"},
		{"chinese zero kept", "二〇二一年", "二〇二一年"},
		{"chinese punctuation kept", "一是，二是；（三）“办实事”。", "一是，二是；（三）“办实事”。"},
		{"ascii unchanged", "2021-06-25 10:00", "2021-06-25 10:00"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Fold(tt.in)
			if v.Text != tt.want {
				t.Errorf("Fold(%q) = %q; want %q", tt.in, v.Text, tt.want)
			}
			checkView(t, v, tt.in)
		})
	}
}

func TestFoldSpans(t *testing.T) {
	tests := []struct {
		name, in, span, want string
	}{
		{"whole date", "于２０２１年６月２５日召开", "于⟦2021年6月25日⟧召开", "２０２１年６月２５日"},
		{"one digit", "共１２３４５人次", "共12⟦3⟧45人次", "３"},
		{"after removed zero-width space", "７月\u200b２９日", "7月⟦29日⟧", "２９日"},
		{"across removed zero-width space", "７月\u200b２９日", "7⟦月2⟧9日", "月\u200b２"},
		{"untouched text between folds", "Ａ级医院Ｂ", "A⟦级医院⟧B", "级医院"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Fold(tt.in)
			text, s, e := marked(tt.span)
			if text != v.Text {
				t.Fatalf("Fold(%q) = %q; want %q", tt.in, v.Text, text)
			}
			if os, oe := v.Orig(s, e); tt.in[os:oe] != tt.want {
				t.Errorf("Fold(%q).Orig(%d, %d) = %q; want %q", tt.in, s, e, tt.in[os:oe], tt.want)
			}
		})
	}
}

// TestFoldSet documents the exact set of runes Fold changes, against what
// x/text's width.Fold and NFKC would do.
func TestFoldSet(t *testing.T) {
	folded := "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ" +
		"ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ％．／－＋\u3000"
	for _, r := range folded {
		want := width.Fold.String(string(r))
		if r == '\u3000' {
			want = " " // width.Fold keeps U+3000, which is wide, not full-width
		}
		if got := Fold(string(r)).Text; got != want {
			t.Errorf("Fold(%q) = %q; want %q", r, got, want)
		}
	}
	// width.Fold narrows these, but Chinese text uses them as punctuation.
	for _, r := range "，；！？（）：＂＇［］｛｝＜＞＝＠＃＄＆＊＿～｜＼" {
		if width.Fold.String(string(r)) == string(r) {
			t.Errorf("width.Fold(%q) is unchanged; this test documents runes it folds", r)
		}
		if got := Fold(string(r)).Text; got != string(r) {
			t.Errorf("Fold(%q) = %q; want it kept", r, got)
		}
	}
	// NFKC changes these, Fold must not.
	for _, r := range "①⑩㎡㎞℃〇。、“”《》ｶﾀ" {
		if got := Fold(string(r)).Text; got != string(r) {
			t.Errorf("Fold(%q) = %q; want it kept (NFKC gives %q)", r, got, norm.NFKC.String(string(r)))
		}
	}
}

func TestIsFormat(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := isFormat(r), unicode.Is(unicode.Cf, r); got != want {
			t.Fatalf("isFormat(%U) = %v; want %v", r, got, want)
		}
	}
}
