package layout

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// glyphs lays s out as one run per rune from x, each w wide, size high,
// standing on baseline y (PDF-like input).
func glyphs(s string, x, y, w, size float64) []Run {
	var runs []Run
	for _, r := range s {
		gw := w
		if r < utf8.RuneSelf {
			gw = w / 2 // Latin letters and digits are half as wide
		}
		runs = append(runs, Run{Text: string(r), Box: Rect{X0: x, Y0: y - size, X1: x + gw, Y1: y}, Size: size})
		x += gw
	}
	return runs
}

// shift moves runs right by dx.
func shift(runs []Run, dx float64) []Run {
	for i := range runs {
		runs[i].Box.X0 += dx
		runs[i].Box.X1 += dx
	}
	return runs
}

func TestNewLine(t *testing.T) {
	// Latin words set apart by a third of an em, no space glyph.
	words := append(glyphs("Page", 0, 20, 12, 12), shift(glyphs("ten", 24, 20, 12, 12), 4)...)
	// A superscript footnote mark after Chinese: small, raised.
	mark := append(glyphs("达到四级", 0, 20, 12, 12), Run{Text: "1", Box: Rect{48, 6, 52, 13}, Size: 7, Base: 13})
	mark = append(mark, glyphs("。", 52, 20, 12, 12)...)
	// The same small glyph on the baseline is not a superscript: a
	// Type 3 font gives 一 a flat box.
	flat := append(glyphs("统", 0, 20, 12, 12), Run{Text: "一", Box: Rect{12, 14, 24, 16}, Size: 2, Base: 20})
	flat = append(flat, glyphs("采购", 24, 20, 12, 12)...)
	// A superscript after a Latin letter is an exponent.
	exponent := append(glyphs("面积100m", 0, 20, 12, 12), Run{Text: "2", Box: Rect{42, 6, 46, 13}, Size: 7, Base: 13})
	tests := []struct {
		name string
		runs []Run
		want string
	}{
		{"Chinese and digits without spaces", glyphs("门诊量48.6万人次", 0, 20, 12, 12), "门诊量48.6万人次"},
		{"autospace gap next to Chinese is no space", append(glyphs("全年", 0, 20, 12, 12), shift(glyphs("2023", 24, 20, 12, 12), 3)...), "全年2023"},
		{"gap between Latin words", words, "Page ten"},
		{"column gap in a table row", append(glyphs("门诊量", 0, 20, 12, 12), shift(glyphs("43.2", 36, 20, 12, 12), 24)...), "门诊量\t43.2"},
		{"space glyph kept", append(glyphs("第", 0, 20, 12, 12), append([]Run{{Text: " ", Box: Rect{12, 8, 15, 20}, Size: 12}}, glyphs("3", 15, 20, 12, 12)...)...), "第 3"},
		{"footnote mark in superscript digits", mark, "达到四级¹。"},
		{"flat glyph on the baseline", flat, "统一采购"},
		{"exponent after a letter", exponent, "面积100m²"},
		{"white space only", []Run{{Text: " "}, {Text: "\t"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NewLine(tt.runs).Text; got != tt.want {
				t.Errorf("NewLine(%q) = %q; want %q", runText(tt.runs), got, tt.want)
			}
		})
	}
}

func runText(runs []Run) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

func TestNewLineBox(t *testing.T) {
	l := NewLine(append(glyphs("报告", 10, 30, 12, 12), glyphs("全文", 40, 30, 12, 12)...))
	if want := (Rect{10, 18, 64, 30}); l.Box != want || l.Size != 12 {
		t.Errorf("NewLine box %v size %v; want %v size 12", l.Box, l.Size, want)
	}
}

// A4 page geometry for the page tests, in points.
const (
	pageW, pageH = 595.0, 842.0
	left         = 80.0
	em           = 16.0
)

// line makes a body line of text starting indent em in from the left
// margin at height y; full lines end at the right margin.
func line(text string, indent, y float64) Line {
	x0 := left + indent*em
	x1 := x0 + float64(utf8.RuneCountInString(text))*em
	return Line{Text: text, Box: Rect{x0, y, x1, y + em}, Size: em}
}

func centred(text string, y, size float64) Line {
	w := float64(utf8.RuneCountInString(text)) * size
	x0 := (pageW - w) / 2
	return Line{Text: text, Box: Rect{x0, y, x0 + w, y + size}, Size: size}
}

// body returns n full body lines starting at y, numbered to tell them
// apart.
func body(page, n int, y float64) []Line {
	var ls []Line
	for i := range n {
		text := fmt.Sprintf("第%d页正文第%d行内容", page, i+1)
		text += strings.Repeat("文", 27-utf8.RuneCountInString(text))
		ls = append(ls, line(text, 0, y+float64(i)*28))
	}
	return ls
}

// run feeds pages to Pages and returns the page texts.
func run(pages []Page) []string {
	var got []string
	ps := NewPages(func(n int, text string) {
		if n != len(got)+1 {
			panic(fmt.Sprintf("page %d emitted after %d pages", n, len(got)))
		}
		got = append(got, text)
	})
	for _, p := range pages {
		ps.Add(p)
	}
	ps.Close()
	return got
}

func TestRunningHeadersAndFooters(t *testing.T) {
	tests := []struct {
		name         string
		header       func(n int) Line // nil: none
		footer       func(n int) Line
		pages        int
		wantHeader   bool // the header stays in the text
		wantFooter   bool
		headerSubstr string
		footerSubstr string
	}{
		{"word processor: title header, dashed page number", func(int) Line { return centred("清河县人民医院2023年度工作报告", 60, 10.5) },
			func(n int) Line { return centred(fmt.Sprintf("- %d -", n), 780, 14) }, 3, false, false, "工作报告", "- "},
		{"browser print: date and title, URL and n/N", func(int) Line {
			return Line{Text: "12/1/26, 8:23 PM 临水县通知", Box: Rect{24, 15, 430, 26}, Size: 10.5}
		},
			func(n int) Line {
				return Line{Text: fmt.Sprintf("file:///tmp/notice.html %d/3", n), Box: Rect{24, 817, 571, 827}, Size: 10.5}
			}, 3, false, false, "PM", "file:"},
		{"single browser page: by its place and type", func(int) Line {
			return Line{Text: "12/1/26, 8:23 PM 北园镇简报", Box: Rect{24, 15, 430, 26}, Size: 10.5}
		},
			func(n int) Line {
				return Line{Text: fmt.Sprintf("file:///tmp/brief.html %d/1", n), Box: Rect{24, 817, 571, 827}, Size: 10.5}
			}, 1, false, false, "PM", "file:"},
		{"第N页 共M页 footer", nil, func(n int) Line { return centred(fmt.Sprintf("第 %d 页 共 4 页", n), 780, 10.5) }, 4, false, false, "", "共"},
		{"bare page numbers that count", nil, func(n int) Line { return centred(fmt.Sprint(n), 780, 12) }, 3, false, false, "", "\n3"},
		{"bare page numbers offset by front matter", nil, func(n int) Line { return centred(fmt.Sprint(n+4), 780, 12) }, 3, false, false, "", "\n6"},
		{"full-width page number", nil, func(n int) Line { return centred(fmt.Sprintf("—%c—", '０'+rune(n)), 780, 12) }, 2, false, false, "", "—"},
		{"alternating book headers", func(n int) Line {
			if n%2 == 1 {
				return centred("第一章 总体情况", 60, 10.5)
			}
			return centred("清河县统计年鉴", 60, 10.5)
		}, nil, 4, false, false, "年鉴", ""},
		{"a one-page number that is a year stays", nil, func(int) Line { return centred("2023", 700, em) }, 1, false, true, "", "2023"},
		{"a different last line on each page stays", nil, func(n int) Line { return line([]string{"", "联系人：王志刚", "附件：检查表"}[n], 0, 700) }, 2, false, true, "", "附件"},
		{"a numeric table row continued on each page stays", func(n int) Line { return line(fmt.Sprintf("20%d 1%d34 5%d78", 18+n, n, n), 0, 72) }, nil, 3, true, false, "2020 1234 5278", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var pages []Page
			for n := 1; n <= tt.pages; n++ {
				p := Page{Width: pageW, Height: pageH}
				if tt.header != nil {
					p.Lines = append(p.Lines, tt.header(n))
				}
				p.Lines = append(p.Lines, body(n, 20, 100)...)
				if tt.footer != nil {
					p.Lines = append(p.Lines, tt.footer(n))
				}
				pages = append(pages, p)
			}
			got := run(pages)
			if len(got) != tt.pages {
				t.Fatalf("%d page texts; want %d", len(got), tt.pages)
			}
			all := strings.Join(got, "\n")
			if tt.headerSubstr != "" && strings.Contains(all, tt.headerSubstr) != tt.wantHeader {
				t.Errorf("header %q kept = %v; want %v\n%s", tt.headerSubstr, !tt.wantHeader, tt.wantHeader, all)
			}
			if tt.footerSubstr != "" && strings.Contains(all, tt.footerSubstr) != tt.wantFooter {
				t.Errorf("footer %q kept = %v; want %v\n%s", tt.footerSubstr, !tt.wantFooter, tt.wantFooter, all)
			}
			for n := 1; n <= tt.pages; n++ {
				if first := fmt.Sprintf("第%d页正文第1行", n); !strings.HasPrefix(got[n-1], first) && !tt.wantHeader {
					t.Errorf("page %d starts %q; want the body's first line %q", n, firstLine(got[n-1]), first)
				}
			}
		})
	}
}

func firstLine(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }

func TestParagraphs(t *testing.T) {
	p := Page{Width: pageW, Height: pageH, Lines: []Line{
		centred("关于开展春季爱国卫生运动的通知", 80, 22),
		line("各乡镇人民政府：", 0, 130),
		line("为深入贯彻落实爱国卫生运动工作部署巩固", 2, 160),
		line("国家卫生县城创建成果经县政府同意决定于", 0, 190),
		line("三月开展。", 0, 220),
		line("一、工作目标", 2, 250),
		line("临水县爱卫办", 18, 280),
		line("2024年2月26日", 19, 310),
	}}
	want := strings.Join([]string{
		"关于开展春季爱国卫生运动的通知",
		"",
		"各乡镇人民政府：",
		"\u3000\u3000为深入贯彻落实爱国卫生运动工作部署巩固",
		"国家卫生县城创建成果经县政府同意决定于",
		"三月开展。",
		"\u3000\u3000一、工作目标",
		"",
		"临水县爱卫办",
		"",
		"2024年2月26日",
	}, "\n")
	got := run([]Page{p})
	if len(got) != 1 || got[0] != want {
		t.Errorf("page text =\n%s\nwant\n%s", strings.Join(got, "\n---\n"), want)
	}
}

// TestWindow checks that Pages holds at most 2×reach+1 pages and emits
// each page once, in order, also for fewer pages than the window.
func TestWindow(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 5, 12} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var got []int
			ps := NewPages(func(page int, _ string) { got = append(got, page) })
			for i := range n {
				ps.Add(Page{Width: pageW, Height: pageH, Lines: body(i+1, 3, 100)})
				if len(ps.win) > 2*reach+1 {
					t.Fatalf("after page %d the window holds %d pages", i+1, len(ps.win))
				}
				if done := max(0, i+1-reach); len(got) != done {
					t.Fatalf("after page %d, %d pages emitted; want %d", i+1, len(got), done)
				}
			}
			ps.Close()
			if len(got) != n {
				t.Fatalf("emitted %v; want %d pages", got, n)
			}
			for i, p := range got {
				if p != i+1 {
					t.Fatalf("emitted %v; want 1..%d in order", got, n)
				}
			}
		})
	}
}

func TestNumber(t *testing.T) {
	tests := []struct {
		text      string
		n         int
		decorated bool
		ok        bool
	}{
		{"- 3 -", 3, true, true}, {"—12—", 12, true, true}, {"·7·", 7, true, true},
		{"第3页", 3, true, true}, {"第 3 页 共 12 页", 3, true, true}, {"共12页 第4页", 4, true, true},
		{"3/12", 3, true, true}, {"Page 5 of 9", 5, true, true}, {"page 2", 2, true, true},
		{"１５", 15, false, true}, {"42", 42, false, true},
		{"2023年", 0, false, false}, {"第三章", 0, false, false}, {"3月15日", 0, false, false}, {"12345", 0, false, false},
	}
	for _, tt := range tests {
		n, dec, ok := number(tt.text)
		if n != tt.n || dec != tt.decorated || ok != tt.ok {
			t.Errorf("number(%q) = %d, %v, %v; want %d, %v, %v", tt.text, n, dec, ok, tt.n, tt.decorated, tt.ok)
		}
	}
}

// TestShortBrowserPage: on a page with little body text, the browser's
// header and footer have more characters than the body; they still go.
func TestShortBrowserPage(t *testing.T) {
	p := Page{Width: pageW, Height: pageH, Lines: []Line{
		{Text: "12/1/26, 8:45 PM 关于调整2024年城区供水管网检修时间的说明", Box: Rect{24, 15, 430, 26}, Size: 10.5},
		centred("关于调整检修时间的说明", 90, 22),
		line("因配合道路改造工程原定检修推迟", 2, 140),
		{Text: "file:///tmp/tmp.Ab12Cd34Ef/shuiwu_memo.html 1/1", Box: Rect{24, 817, 571, 827}, Size: 10.5},
	}}
	got := run([]Page{p})
	// One body line is its own left margin: no indent to see.
	want := "关于调整检修时间的说明\n\n因配合道路改造工程原定检修推迟"
	if len(got) != 1 || got[0] != want {
		t.Errorf("page text = %q; want %q", got, want)
	}
}
