package format

import (
	"maps"
	"regexp"
	"strings"
	"testing"
)

func TestTitle(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"first short line", "\n\n县医院开展义诊活动\n\n5月20日，县医院……", "县医院开展义诊活动"},
		{"heading marks removed", "# 守护群众健康 ## \n正文", "守护群众健康"},
		{"doubled headline", " 情系百姓办实事情系百姓办实事 凝心聚力促发展凝心聚力促发展\n正文", "情系百姓办实事 凝心聚力促发展"},
		{"doubled part only", "健康扶贫健康扶贫 在路上\n正文", "健康扶贫 在路上"},
		{"short doubles kept", "天天 向上\n正文", "天天 向上"},
		{"spaces collapsed", "医院\u3000 党建  工作\n正文", "医院 党建 工作"},
		{"opens with a paragraph", "今年以来，医院党委坚持以人民为中心的发展思想，把党史学习教育成果转化为为民服务的实际行动，受到广泛好评，群众满意度不断提升，医院发展迈上新台阶。\n短行", ""},
		{"sentence is no title", "医院召开会议。\n正文", ""},
		{"subtitle skipped", "——记市医院援鄂医疗队\n正文。", ""},
		{"date line skipped", "2021年6月25日\n医院举行表彰大会\n正文。", "医院举行表彰大会"},
		{"source line skipped", "来源：市卫健委\n医院举行表彰大会\n正文。", "医院举行表彰大会"},
		{"field line skipped", "发布时间：2021-06-25\n医院举行表彰大会\n正文。", "医院举行表彰大会"},
		{"only punctuation", "……\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lineTitle(tt.text); got != tt.want {
				t.Errorf("lineTitle(%q) = %q; want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestParseTitle(t *testing.T) {
	tests := []struct {
		name, file, text, want string
	}{
		{"header field first", "a.txt", "标题：院务公开目录\n正文内容：\n首行短句\n正文。", "院务公开目录"},
		{"header field undoubled", "a.txt", "标题: 便民服务便民服务 再升级再升级\n正文内容:\n正文。", "便民服务 再升级"},
		{"markdown heading", "a.md", "# **一线**传真\n\n正文。", "一线传真"},
		{"html title", "a.html", "<title>医院新闻医院新闻</title><p>正文。</p>", "医院新闻"},
		{"html without title", "a.html", "<p>医院新闻</p><p>正文。</p>", "医院新闻"},
		{"jsonl title field", "a.jsonl", `{"title": "社区义诊", "text": "短行\n正文。"}`, "社区义诊"},
		{"jsonl first line", "a.jsonl", `{"text": "社区义诊\n正文。"}`, "社区义诊"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, errs := Parse(tt.file, tt.text, Options{})
			if len(recs) != 1 || len(errs) != 0 {
				t.Fatalf("Parse(%q, %q) = %+v, %v; want one record", tt.file, tt.text, recs, errs)
			}
			if recs[0].Title != tt.want {
				t.Errorf("Parse(%q, %q).Title = %q; want %q", tt.file, tt.text, recs[0].Title, tt.want)
			}
		})
	}
}

func TestLineMeta(t *testing.T) {
	tests := []struct {
		name, text string
		want       map[string]string
	}{
		{"bullet author", "县医院开展义诊\n●林晓\n正文。", map[string]string{"author": "林晓"}},
		{"bullet on the title line is not an author", "●要闻\n正文。", map[string]string{}},
		{"reporter line", "标题\n\n市融媒体中心记者 赵阳 通讯员 钱多\n正文。", map[string]string{"author": "市融媒体中心记者 赵阳 通讯员 钱多"}},
		{"reporter in a sentence", "标题\n记者从市卫健委获悉，全市新建社区医院3所。", map[string]string{}},
		{"names under headline", "标题\n王明 李华\n正文。", map[string]string{"author": "王明 李华"}},
		{"names far down ignored", "标题\n一。\n二。\n三。\n四。\n五。\n王明 李华", map[string]string{}},
		{"labels", "标题\n正文。\n来源：县卫健局\n作者：孙文\n责任编辑：周末", map[string]string{"source": "县卫健局", "author": "孙文", "editor": "周末"}},
		{"first value wins", "来源：甲报\n来源：乙报", map[string]string{"source": "甲报"}},
		{"published in", "正文。\n原文刊发于2021年6月25日《某某日报》11版", map[string]string{"source": "某某日报"}},
		{"url", "正文见 https://example.org/a?id=1，欢迎转发。", map[string]string{"url": "https://example.org/a?id=1"}},
		{"trailing full stop", "详见 https://example.org/b.html.", map[string]string{"url": "https://example.org/b.html"}},
		{"link line before bare url", "正文 http://a.example/x\n原文链接：https://b.example/y", map[string]string{"url": "https://b.example/y"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]string{}
			lineMeta(got, tt.text)
			if !maps.Equal(got, tt.want) {
				t.Errorf("lineMeta(%q) = %q; want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestParseHeader(t *testing.T) {
	tests := []struct {
		name, text string
		fields     map[string]string
		body       string
	}{
		{"full header", "标题: 甲\n发布日期: 日期：2021-06-25 10:00\n浏览次数: 7\n正文内容:\n第一段。\n", map[string]string{"title": "甲", "date": "2021-06-25 10:00", "views": "7"}, "第一段。\n"},
		{"body on the marker line", "\n标题：乙\n正文内容：第一段。\n第二段。", map[string]string{"title": "乙"}, "第一段。\n第二段。"},
		{"no marker keeps text", "标题：丙\n第一段。", map[string]string{"title": "丙"}, "标题：丙\n第一段。"},
		{"unknown label ends header", "会议：丁\n正文内容：第一段。", nil, "会议：丁\n正文内容：第一段。"},
		{"marker at end of file", "标题：戊\n正文内容：", map[string]string{"title": "戊"}, ""},
		{"no header", "第一段。", nil, "第一段。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fields, body := parseHeader(tt.text)
			if !maps.Equal(fields, tt.fields) || body != tt.body {
				t.Errorf("parseHeader(%q) = %q, %q; want %q, %q", tt.text, fields, body, tt.fields, tt.body)
			}
		})
	}
}

func TestCleanMarkdown(t *testing.T) {
	tests := []struct {
		name, in, want, url string
	}{
		{"heading", "## 小标题\n正文", "小标题\n\n正文", ""},
		{"emphasis", "**加粗**与*强调*和~~删除~~", "加粗与强调和删除", ""},
		{"lone star kept", "注 * 号说明", "注 * 号说明", ""},
		{"blanks kept", "姓名：____", "姓名：____", ""},
		{"link text kept", "见[通知](https://e.org/n)全文", "见通知全文", ""},
		{"image dropped", "图![现场](x.jpg)示", "图示", ""},
		{"source link line", "正文\n\n[查看原文](https://e.org/v)\n", "正文", "https://e.org/v"},
		{"inline html", "<p>一段</p><p>二<strong>段</strong><br>三</p>", "一段\n\n二段\n\n三", ""},
		{"unknown tag kept", "比例<5%且x<y>z", "比例<5%且x<y>z", ""},
		{"entities", "A&amp;B&nbsp;C&lt;p&gt;", "A&B C<p>", ""},
		{"comment", "前<!-- INFO END -->后", "前后", ""},
		{"fence", "```\n**原样**\n```", "**原样**", ""},
		{"quote and bullets", "> 引文\n- 甲\n* 乙", "引文\n甲\n乙", ""},
		{"thematic break", "上\n\n---\n\n下", "上\n\n下", ""},
		{"escapes", `\*不是强调\*`, "*不是强调*", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, url := cleanMarkdown(tt.in)
			if got != tt.want || url != tt.url {
				t.Errorf("cleanMarkdown(%q) = %q, %q; want %q, %q", tt.in, got, url, tt.want, tt.url)
			}
		})
	}
}

func TestLineMetaSpans(t *testing.T) {
	text := "县医院开展义诊\n\n  本报记者 孙文  \n正文写了5月8日的事。\n原文刊发于2021年6月25日《某某日报》\n详见 https://example.org/a。"
	var got []string
	for _, s := range lineMeta(map[string]string{}, text) {
		got = append(got, text[s.Start:s.End])
	}
	want := []string{"本报记者 孙文", "原文刊发于2021年6月25日《某某日报》", "https://example.org/a"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("lineMeta spans = %q; want %q", got, want)
	}
}

// TestATXHeading: atxHeading reads every line as the expression it was
// written from does, over generated lines of hashes, blanks, closing
// runs and text.
func TestATXHeading(t *testing.T) {
	re := regexp.MustCompile(`^ {0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$`)
	parts := []string{"", " ", "  ", "   ", "    ", "\t", "#", "##", "######", "#######", "标题", "a", "a b", "#a", "x#", " #", "\n", "\xff"}
	n := 0
	var gen func(prefix string, depth int)
	gen = func(prefix string, depth int) {
		if depth == 0 {
			return
		}
		for _, p := range parts {
			line := prefix + p
			n++
			m := re.FindStringSubmatch(line)
			got, ok := atxHeading(line)
			if ok != (m != nil) || ok && got != m[1] {
				t.Errorf("atxHeading(%q) = %q, %v; the expression reads %q", line, got, ok, m)
			}
			gen(line, depth-1)
		}
	}
	gen("", 5)
	if n < 100000 {
		t.Fatalf("%d lines generated", n)
	}
}
