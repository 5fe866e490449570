package number

import (
	"regexp"
	"testing"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
)

var fuzzSeeds = []string{
	"该院现有4000余名职工。", "全年完成营收3.5亿余元", "百分之九十", "三分之一的病例",
	"15-17 岁青少年", "15 岁至 17 岁", "徐州健康热线:0516——85707122", "零下9℃",
	"第110个", "两三个", "一步一个脚印", "1,234,567人次", "１２３４５", "详见https://a.cn/1",
	"一七二零点一", "壹佰贰拾万元", "3-5万元", "七八成", "400 多\n元", "-", "第", "百分之",
	"9999999999999999999亿", "一亿亿亿亿亿", "1.9999999999999999999万",
	"三到五万元", "3万500元", "20万零八千元", "贰佰叁拾元伍角", "八块五毛", "三个亿", ".25", "负 3,500",
	"超过半数", "四分之一", "廿一", "參拾萬", "9999999999999999万9999", "一元零五分",
}

func FuzzExtract(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	e := New()
	f.Fuzz(func(t *testing.T, text string) {
		ms := e.Extract(text, corpus.Date{})
		if !utf8.ValidString(text) {
			return // Document.Text is valid UTF-8; here only "no panic" holds
		}
		end := 0
		for _, m := range ms {
			sp := m.Span
			if sp.Start < end || sp.Start >= sp.End || sp.End > len(text) {
				t.Fatalf("Extract(%q): span %v out of order, empty or out of bounds (previous end %d)", text, sp, end)
			}
			if !boundary(text, sp.Start) || !boundary(text, sp.End) {
				t.Fatalf("Extract(%q): span %v not on rune boundaries", text, sp)
			}
			if m.Kind != corpus.KindNumber || m.Value == "" {
				t.Fatalf("Extract(%q): bad mention %+v", text, m)
			}
			if _, _, _, ok := Values(m.Value); !ok {
				t.Fatalf("Extract(%q): Values(%q) not ok", text, m.Value)
			}
			end = sp.End
		}
	})
}

func boundary(s string, i int) bool { return i == len(s) || utf8.RuneStart(s[i]) }

var decimalText = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$`)

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := Parse(s)
		if ok && !decimalText.MatchString(v) {
			t.Fatalf("Parse(%q) = %q; not decimal text", s, v)
		}
		if !ok && v != "" {
			t.Fatalf("Parse(%q) = %q, false; want empty value", s, v)
		}
	})
}
