package format

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
)

// wantRecord is what a test checks of one Record.
type wantRecord struct {
	item, line int
	id, title  string
	date, src  string            // Date.String() and DateSource
	meta       map[string]string // a subset of Record.Meta
	has        []string          // substrings Text must contain
	hasNot     []string          // substrings Text must not contain
}

// wantError is what a test checks of one *Error.
type wantError struct {
	line, item int
	is         error // errors.Is target, nil to skip the check
	msg        string
}

func readFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func checkRecords(t *testing.T, call string, got []Record, want []wantRecord) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d records; want %d: %+v", call, len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Item != w.item || g.Line != w.line || g.ID != w.id {
			t.Errorf("%s[%d]: Item, Line, ID = %d, %d, %q; want %d, %d, %q", call, i, g.Item, g.Line, g.ID, w.item, w.line, w.id)
		}
		if g.Title != w.title {
			t.Errorf("%s[%d].Title = %q; want %q", call, i, g.Title, w.title)
		}
		if g.Date.String() != w.date || g.DateSource != w.src {
			t.Errorf("%s[%d]: Date, DateSource = %q, %q; want %q, %q", call, i, g.Date, g.DateSource, w.date, w.src)
		}
		for k, v := range w.meta {
			if g.Meta[k] != v {
				t.Errorf("%s[%d].Meta[%q] = %q; want %q", call, i, k, g.Meta[k], v)
			}
		}
		for _, s := range w.has {
			if !strings.Contains(g.Text, s) {
				t.Errorf("%s[%d].Text = %q; want it to contain %q", call, i, g.Text, s)
			}
		}
		for _, s := range w.hasNot {
			if strings.Contains(g.Text, s) {
				t.Errorf("%s[%d].Text = %q; want no %q", call, i, g.Text, s)
			}
		}
		if g.Meta == nil {
			t.Errorf("%s[%d].Meta is nil", call, i)
		}
	}
}

func checkErrors(t *testing.T, call string, got []error, want []wantError) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: errors %v; want %d", call, got, len(want))
	}
	for i, w := range want {
		var e *Error
		if !errors.As(got[i], &e) {
			t.Errorf("%s: error %d is %T; want *Error", call, i, got[i])
			continue
		}
		if e.Line != w.line || e.Item != w.item {
			t.Errorf("%s: error %d at line %d item %d; want line %d item %d", call, i, e.Line, e.Item, w.line, w.item)
		}
		if w.is != nil && !errors.Is(e, w.is) {
			t.Errorf("%s: error %d = %v; want errors.Is %v", call, i, e, w.is)
		}
		if !strings.Contains(e.Error(), w.msg) {
			t.Errorf("%s: error %d = %q; want it to contain %q", call, i, e.Error(), w.msg)
		}
	}
}

func TestParseFixtures(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		opts    Options
		records []wantRecord
		errors  []wantError
	}{
		{
			name: "metadata header",
			file: "header.txt",
			records: []wantRecord{{
				line: 1, title: "【为民办实事】市人民医院：把便民服务送到群众家门口",
				date: "2022-03-18", src: "field",
				meta: map[string]string{
					"views": "1288", "date": "2022-03-18 09:30", "source": "市卫生健康委员会",
					"url": "https://example.org/news/2022/0318/health.html",
				},
				has:    []string{"今年以来", "来源：市卫生健康委员会"},
				hasNot: []string{"浏览次数", "正文内容", "标题:"},
			}},
		},
		{
			name: "no trailing newline",
			file: "noeol.txt",
			records: []wantRecord{{
				line: 1, title: "县疾控中心开展春季传染病防控培训",
				has: []string{"共培训120余人。"},
			}},
		},
		{
			name:   "empty file",
			file:   "empty.txt",
			errors: []wantError{{is: ErrNoText, msg: "empty file"}},
		},
		{
			name: "markdown",
			file: "news.md",
			records: []wantRecord{{
				line: 1, title: "筑牢基层健康防线 打通服务“最后一公里”",
				date: "2022-05-12", src: "dateline",
				meta: map[string]string{
					"author": "县融媒体中心记者 周文涛 通讯员 韩雪",
					"source": "县域健康报",
					"url":    "https://example.org/news/5512.html",
				},
				has: []string{
					"筑牢基层健康防线 打通服务“最后一公里”\n\n——县中医院",
					"签约一人 健康一家\n\n家庭医生团队", "提供免费体检", "详见服务指南。",
					"3.2万人 ，", "68%。\n\n下一步", "建立慢病随访台账\n开通",
				},
				hasNot: []string{"#", "**", "*", "](", "![", "<p>", "<strong>", "&nbsp;", "阅读原文", "> ", "- "},
			}},
		},
		{
			name: "split markdown items",
			file: "items_20220315.md",
			opts: Options{Split: "### "},
			records: []wantRecord{
				{
					item: 1, line: 13, title: "各地春耕备耕有序展开", date: "2022-03-15", src: "filename",
					meta:   map[string]string{"url": "https://example.org/2022/03/15/a.shtml"},
					has:    []string{"各地春耕备耕有序展开\n\n本台消息：眼下", "作业。\n\n在江汉平原"},
					hasNot: []string{"<", "查看原文", "内容提要", "晚间新闻"},
				},
				{
					item: 3, line: 25, title: "多地出台稳就业新举措", date: "2022-03-15", src: "filename",
					meta:   map[string]string{"url": "https://example.org/2022/03/15/c.shtml"},
					has:    []string{"高校毕业生&农民工"},
					hasNot: []string{"<p", "&amp;", "更新时间戳", "---"},
				},
			},
			errors: []wantError{
				{line: 19, item: 2, is: ErrNoText, msg: "empty item"},
				{line: 31, item: 4, is: ErrNoText, msg: "empty item"},
			},
		},
		{
			name: "split option ignored without split lines",
			file: "noeol.txt",
			opts: Options{Split: "### "},
			records: []wantRecord{{
				line: 1, title: "县疾控中心开展春季传染病防控培训",
			}},
		},
		{
			name: "html",
			file: "page.html",
			records: []wantRecord{{
				line: 1, title: "区妇幼保健院开展“母婴安全”宣传周活动",
				date: "2022-08-09", src: "field",
				meta: map[string]string{"author": "宣传科", "source": "区妇幼保健院"},
				has: []string{
					"宣传周活动\n\n来源：区妇幼保健院\n\n8月8日", "咨询台—共有5个科室参加。\n\n下一步",
					"孕产妇健康讲座\n\n免费血压测量",
				},
				hasNot: []string{"tracker", "脚本", "color", "<"},
			}},
		},
		{
			name:   "html without body text",
			file:   "nobody.html",
			errors: []wantError{{is: ErrNoText, msg: "no body text"}},
		},
		{
			name: "jsonl with bad lines",
			file: "docs.jsonl",
			records: []wantRecord{
				{
					item: 1, line: 1, id: "a1", title: "社区卫生服务中心延长服务时间",
					date: "2022-06-01", src: "field", meta: map[string]string{"source": "区卫健局"},
					has: []string{"晚上8点"},
				},
				{
					item: 3, line: 3, id: "3", date: "2022-06-02", src: "field",
					meta: map[string]string{
						"url": "https://example.org/a3", "tags": `["义诊","健康"]`, "views": "215",
						"date": "2022-06-02T08:15:00+08:00",
					},
				},
				{item: 6, line: 7, id: "a6", date: "2022-06-03", src: "dateline"},
			},
			errors: []wantError{
				{line: 2, item: 2, msg: "invalid json"},
				{line: 5, item: 4, is: ErrNoText, msg: `no "text" key`},
				{line: 6, item: 5, msg: "not a string"},
			},
		},
		{
			name: "csv with bad rows",
			file: "rows.csv",
			records: []wantRecord{
				{
					item: 1, line: 2, id: "r1", title: "医联体建设稳步推进", date: "2022-07-01", src: "field",
					meta: map[string]string{"栏目": "医改动态", "date": "2022/7/1"},
				},
				{
					item: 3, line: 4, id: "r3", title: "跨行正文", date: "2022-07-03", src: "field",
					has: []string{"背景。\n第二段"},
				},
				{item: 6, line: 8, id: "r6", date: "2022-07-06", src: "text"},
			},
			errors: []wantError{
				{line: 3, item: 2, msg: "wrong number of fields"},
				{line: 6, item: 4, msg: "bare \""},
				{line: 7, item: 5, is: ErrNoText, msg: `empty "text" column`},
			},
		},
		{
			name:   "csv without the text column",
			file:   "notext.csv",
			errors: []wantError{{line: 1, is: ErrNoColumn, msg: `"text": header has ["编号" "标题" "内容"]`}},
		},
		{
			name: "csv with another text column",
			file: "notext.csv",
			opts: Options{TextColumn: "内容"},
			records: []wantRecord{{
				item: 1, line: 2, meta: map[string]string{"编号": "1", "标题": "某某医院召开会议"},
				has: []string{"值班值守"},
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := Parse(tt.file, readFixture(t, tt.file), tt.opts)
			call := "Parse(" + tt.file + ")"
			checkRecords(t, call, got, tt.records)
			checkErrors(t, call, errs, tt.errors)
		})
	}
}

func TestParseUnknownExtension(t *testing.T) {
	text := "# 不是标题标记\n正文里的**星号**原样保留。"
	got, errs := Parse("notes.log", text, Options{})
	if len(errs) != 0 || len(got) != 1 || got[0].Text != text {
		t.Fatalf("Parse(notes.log) = %+v, %v; want the text unchanged", got, errs)
	}
	if got[0].Title != "不是标题标记" {
		t.Errorf("Parse(notes.log).Title = %q; want %q", got[0].Title, "不是标题标记")
	}
}

func TestParseSplitText(t *testing.T) {
	text := "汇编说明\n\n== 第一篇\n城区新增社区医院两家。\n== 第二篇\n\n== 第三篇\n乡镇卫生院完成改造。\n"
	got, errs := Parse("汇编.txt", text, Options{Split: "== "})
	checkRecords(t, "Parse(汇编.txt)", got, []wantRecord{
		{item: 1, line: 3, title: "第一篇", has: []string{"第一篇\n\n城区新增"}, hasNot: []string{"==", "汇编说明"}},
		{item: 3, line: 7, title: "第三篇", has: []string{"乡镇卫生院完成改造。"}},
	})
	checkErrors(t, "Parse(汇编.txt)", errs, []wantError{{line: 5, item: 2, is: ErrNoText}})
}

func TestParseHeaderOnlyCSV(t *testing.T) {
	_, errs := Parse("空表.csv", "id,text\n", Options{})
	checkErrors(t, "Parse(空表.csv)", errs, []wantError{{is: ErrNoText, msg: "no text"}})
}

func TestSupported(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"a.txt", true}, {"b.MD", true}, {"c.markdown", true}, {"d.html", true},
		{"e.htm", true}, {"f.jsonl", true}, {"g.ndjson", true}, {"h.csv", true},
		{"报告/2021/i.TXT", true}, {"j.docx", true}, {"k", false}, {"l.json", false},
		{"m.PDF", true}, {"n.doc", true}, {"o.wps", true}, {"p.png", true}, {"q.jpeg", true},
		{"r.tif", true}, {"s.xlsx", false}, {"t.pptx", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Supported(tt.name); got != tt.want {
				t.Errorf("Supported(%q) = %v; want %v", tt.name, got, tt.want)
			}
		})
	}
}

func TestErrorString(t *testing.T) {
	tests := []struct {
		name string
		err  *Error
		want string
	}{
		{"whole file", &Error{Err: ErrNoText}, "no text"},
		{"line", &Error{Line: 1, Err: ErrNoColumn}, "line 1: missing text column"},
		{"line and item", &Error{Line: 4, Item: 3, Err: ErrNoText}, "line 4 (item 3): no text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q; want %q", got, tt.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"header.txt", "news.md", "items_20220315.md", "page.html", "docs.jsonl", "rows.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(name, string(b), "### ")
	}
	f.Add("x.md", "### **\n<p>&#xD800;</p>\n[查看原文](", "### ")
	f.Add("x.txt", "标题：\n正文内容：", "")
	f.Fuzz(func(t *testing.T, name, text, split string) {
		if !utf8.ValidString(text) {
			t.Skip("Parse takes decoded UTF-8")
		}
		recs, errs := Parse(name, text, Options{Split: split})
		for _, r := range recs {
			if !utf8.ValidString(r.Text) || !utf8.ValidString(r.Title) {
				t.Errorf("Parse(%q, %q): invalid UTF-8 in %+v", name, text, r)
			}
			if strings.TrimSpace(r.Text) == "" {
				t.Errorf("Parse(%q, %q): record with empty Text %+v", name, text, r)
			}
			if lines := strings.Count(text, "\n") + 1; r.Line < 1 || r.Line > lines {
				t.Errorf("Parse(%q, %q): Line %d outside 1..%d", name, text, r.Line, lines)
			}
			if (r.DateSource == "") != r.Date.IsZero() {
				t.Errorf("Parse(%q, %q): Date %v with DateSource %q", name, text, r.Date, r.DateSource)
			}
		}
		for _, e := range errs {
			var fe *Error
			if !errors.As(e, &fe) {
				t.Errorf("Parse(%q, %q): error %T; want *Error", name, text, e)
			}
		}
		if len(recs) == 0 && len(errs) == 0 {
			t.Errorf("Parse(%q, %q): no records and no errors", name, text)
		}
	})
}

// TestParseTextOnly: with TextOnly, records keep the text, items and
// field values Parse gives without it, and gain nothing read from the
// text: no source-line Meta, no date from a dateline, no title from the
// first line.
func TestParseTextOnly(t *testing.T) {
	tests := []struct {
		name, text string
		date       string // the date TextOnly keeps: a field's, or "" for none
	}{
		{"通讯.txt", "全市开展义诊活动\n新华社北京2023年6月25日电 记者张三报道\n来源：市卫健委\n全市开展义诊活动。\n", ""},
		{"报道.md", "标题：工作报告\n日期：2022年3月1日\n\n本报讯 2022年3月2日，医院召开会议。\n", "2022-03-01"},
		{"新闻.jsonl", `{"id":"a1","date":"2021-05-04","text":"来源：人民网\n2021年5月5日，座谈会召开。"}` + "\n", "2021-05-04"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			full, errs := Parse(tt.name, tt.text, Options{})
			only, onlyErrs := Parse(tt.name, tt.text, Options{TextOnly: true})
			if len(errs) != 0 || len(onlyErrs) != 0 || len(full) != 1 || len(only) != 1 {
				t.Fatalf("Parse(%s) = %d records, errors %v; TextOnly %d records, errors %v; want one each", tt.name, len(full), errs, len(only), onlyErrs)
			}
			f, o := full[0], only[0]
			if o.Text != f.Text || o.ID != f.ID || o.Item != f.Item || o.Line != f.Line {
				t.Errorf("Parse(%s, TextOnly) = %+v; want the text, id, item and line of %+v", tt.name, o, f)
			}
			if len(o.MetaSpans) != 0 || o.DateSource != "" {
				t.Errorf("Parse(%s, TextOnly): MetaSpans %v, DateSource %q; want none", tt.name, o.MetaSpans, o.DateSource)
			}
			if got := dateString(o.Date); got != tt.date {
				t.Errorf("Parse(%s, TextOnly).Date = %q; want %q", tt.name, got, tt.date)
			}
			if f.Date.IsZero() || f.DateSource == "" {
				t.Errorf("Parse(%s).Date = %v from %q; want the date the text gives", tt.name, f.Date, f.DateSource)
			}
		})
	}
}

func dateString(d corpus.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}
