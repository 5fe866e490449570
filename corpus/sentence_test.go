package corpus

import (
	"testing"
	"unicode/utf8"
)

func TestSentence(t *testing.T) {
	tests := []struct {
		name, text, mention, want string
	}{
		{"middle", "上半年工作顺利。全年同比增长5.2%，好于预期。下半年继续。", "5.2%", "全年同比增长5.2%，好于预期。"},
		{"first", "同比增长5.2%。其余", "5.2%", "同比增长5.2%。"},
		{"last without an end", "开头。最后一句有3个", "3个", "最后一句有3个"},
		{"closing quote", "他说：“增长了8%。”然后走了", "8%", "他说：“增长了8%。”"},
		{"question", "增长几何？共计300万元！对", "300万元", "共计300万元！"},
		{"semicolon", "一是投入100万元；二是", "100万元", "一是投入100万元；"},
		{"line break", "标题 2021年\n正文从这里开始。", "2021年", "标题 2021年"},
		{"leading spaces", "上一句。  　下一句有5人。", "5人", "下一句有5人。"},
		{"html paragraph", "</p><p>据统计，增长3%。</p>", "3%", "据统计，增长3%。"},
		{"wrapped date", "医院于7月29\n日召开大会。", "7月29\n日", "医院于7月29\n日召开大会。"},
		{"ellipsis", "等等……共5项。", "5项", "共5项。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := indexOf(tt.text, tt.mention)
			s := Span{Start: i, End: i + len(tt.mention)}
			got := Sentence(tt.text, s)
			if g := tt.text[got.Start:got.End]; g != tt.want {
				t.Errorf("Sentence(%q, %q) = %q; want %q", tt.text, tt.mention, g, tt.want)
			}
			if got.Start > s.Start || got.End < s.End || !got.In(tt.text) {
				t.Errorf("Sentence(%q, %v) = %v; does not hold the mention on rune boundaries", tt.text, s, got)
			}
		})
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func FuzzSentence(f *testing.F) {
	f.Add("上半年工作顺利。全年同比增长5.2%，好于预期。", 3, 9)
	f.Add("他说：“增长了8%。”", 0, 3)
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		if !utf8.ValidString(text) {
			return // Document.Text is valid UTF-8
		}
		// Spans on rune boundaries, as mentions are.
		var bounds []int
		for i := range text {
			bounds = append(bounds, i)
		}
		bounds = append(bounds, len(text))
		if a < 0 || b < 0 {
			return
		}
		i, j := bounds[a%len(bounds)], bounds[b%len(bounds)]
		if i > j {
			i, j = j, i
		}
		s := Span{Start: i, End: j}
		got := Sentence(text, s)
		if got.Start > s.Start || got.End < s.End || got.Start < 0 || got.End > len(text) {
			t.Fatalf("Sentence(%q, %v) = %v; does not hold the span", text, s, got)
		}
		if got.Start < len(text) && got.Start > 0 && text[got.Start]&0xC0 == 0x80 || got.End < len(text) && text[got.End]&0xC0 == 0x80 {
			t.Fatalf("Sentence(%q, %v) = %v; not on rune boundaries", text, s, got)
		}
	})
}
