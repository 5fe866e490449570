package format

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/baogao/baogao/corpus/corpustest"
)

func sharedCorpus(tb testing.TB, set string) string { return corpustest.Shared(tb, set) }

// The seeds were read by eye: only 001 carries a full date (its header
// and its 原文刊发于 line both say 2021-06-25); 000, 002, 003 and 004 write
// month-day dates or a bare year only, so their date is unknown.
func TestSeeds(t *testing.T) {
	dir := sharedCorpus(t, "seeds")
	tests := []struct {
		file       string
		title      string
		date, src  string
		meta       map[string]string
		textPrefix string
	}{
		{
			file: "000_50101eb0aab7898d.txt", title: "聚焦为民办实事 开创发展新局面",
			date: "2021", src: "text-year",
			meta: map[string]string{"author": "乌日娜"},
		},
		{
			file: "001_053007b6293db7e9.txt", title: "【我为师生办实事】一附院：把人民群众的生命健康放在第一位",
			date: "2021-06-25", src: "field",
			meta: map[string]string{
				"views": "709", "source": "陕西日报", "date": "2021-06-25 10:00",
				"url": "http://esb.sxdaily.com.cn/pc/content/202106/25/content_759491.html",
			},
			textPrefix: "党的百年历史",
		},
		{
			file: "002_0dfbbe1d1ffe3c64.txt", title: "奋斗百年路 启航新征程·我为群众办实事",
			date: "2021", src: "text-year",
			meta: map[string]string{"author": "随州日报全媒体记者 王松 通讯员 熊仕伟 蒋小科"},
		},
		{file: "003_04b2cdd8770e71ea.txt", title: "徐州市中心医院为民办实事--解决“急难愁盼”厚植为民情怀"},
		{
			file: "004_b755a261bd7289f8.txt", title: "用心为民办实事 提升品质为民生",
			meta: map[string]string{"author": "陈贻贵 李文娟 孟天笑"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			recs, errs := Parse(tt.file, string(b), Options{})
			if len(recs) != 1 || len(errs) != 0 {
				t.Fatalf("Parse(%s) = %d records, %v; want 1 record", tt.file, len(recs), errs)
			}
			r := recs[0]
			if r.Title != tt.title {
				t.Errorf("Parse(%s).Title = %q; want %q", tt.file, r.Title, tt.title)
			}
			if r.Date.String() != tt.date || r.DateSource != tt.src {
				t.Errorf("Parse(%s) date = %q, %q; want %q, %q", tt.file, r.Date, r.DateSource, tt.date, tt.src)
			}
			for k, v := range tt.meta {
				if r.Meta[k] != v {
					t.Errorf("Parse(%s).Meta[%q] = %q; want %q", tt.file, k, r.Meta[k], v)
				}
			}
			if !strings.HasPrefix(r.Text, tt.textPrefix) {
				t.Errorf("Parse(%s).Text starts %q; want prefix %q", tt.file, r.Text[:min(len(r.Text), 40)], tt.textPrefix)
			}
		})
	}
}

var (
	hanChar     = regexp.MustCompile(`\p{Han}`)
	boilerplate = regexp.MustCompile(`^(?:\[查看原文\]\(.*\)|---|\(更新时间戳: \d+\)|undefined)$`)
)

// realItems counts the ### sections of a transcript that have a body:
// something besides the source link, the scrape placeholder and the
// update trailer. It is written independently of splitSections.
func realItems(text string) (items []string, lines []int) {
	sections := strings.Split("\n"+text, "\n### ")[1:]
	lineNo := strings.Count(strings.Split("\n"+text, "\n### ")[0], "\n")
	for _, s := range sections {
		lineNo++
		heading, body, _ := strings.Cut(s, "\n")
		real := false
		for _, l := range strings.Split(body, "\n") {
			l = strings.TrimSpace(l)
			if l != "" && !boilerplate.MatchString(l) && hanChar.MatchString(l) {
				real = true
			}
		}
		if real {
			items = append(items, heading)
			lines = append(lines, lineNo)
		}
		lineNo += strings.Count(s, "\n")
	}
	return items, lines
}

func TestXWLB(t *testing.T) {
	dir := sharedCorpus(t, "xwlb")
	files := []string{
		"20220924.md", // no source links
		"20221121.md", // one-line summary, an `undefined` item
		"20230105.md",
		"20250831.md", // a law "将于2025年10月1日起施行" is no dateline
		"20251031.md", // items with an empty body
		"20260101.md", // "创刊于1986年1月1日" is no dateline
	}
	leftovers := []string{"<p", "</p>", "<br", "<strong", "<span", "[查看原文]", "](", "&nbsp;", "更新时间戳", "### "}
	for _, file := range files {
		t.Run(file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dir, file))
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			want, lines := realItems(text)
			recs, errs := Parse(file, text, Options{Split: "### "})
			if len(recs) != len(want) {
				t.Fatalf("Parse(%s) = %d records; want %d (errors %v)", file, len(recs), len(want), errs)
			}
			if n := strings.Count("\n"+text, "\n### "); len(recs)+len(errs) != n {
				t.Errorf("Parse(%s): %d records + %d errors; want %d ### lines", file, len(recs), len(errs), n)
			}
			wantDate, _ := dateFromFilename(file)
			for i, r := range recs {
				if r.Title != strings.TrimSpace(want[i]) || r.Line != lines[i] {
					t.Errorf("Parse(%s)[%d]: Title, Line = %q, %d; want %q, %d", file, i, r.Title, r.Line, want[i], lines[i])
				}
				if !strings.HasPrefix(r.Text, r.Title+"\n\n") {
					t.Errorf("Parse(%s)[%d].Text starts %q; want the heading paragraph", file, i, r.Text[:min(60, len(r.Text))])
				}
				if r.Date != wantDate || r.DateSource != "filename" {
					t.Errorf("Parse(%s)[%d] date = %v, %q; want %v, filename", file, i, r.Date, r.DateSource, wantDate)
				}
				for _, bad := range leftovers {
					if strings.Contains(r.Text, bad) {
						t.Errorf("Parse(%s)[%d].Text contains %q", file, i, bad)
					}
				}
				if u := r.Meta["url"]; u != "" && !strings.HasPrefix(u, "https://tv.cctv.com/") {
					t.Errorf("Parse(%s)[%d].Meta[url] = %q; want the item's source link", file, i, u)
				}
			}
		})
	}
}

func BenchmarkParse(b *testing.B) {
	dir := sharedCorpus(b, "xwlb")
	files, err := filepath.Glob(filepath.Join(dir, "2023*.md"))
	if err != nil || len(files) == 0 {
		b.Skip("no xwlb files")
	}
	files = files[:min(len(files), 100)]
	texts := make([]string, len(files))
	var size int64
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts[i] = string(data)
		size += int64(len(data))
	}
	b.ReportAllocs()
	b.SetBytes(size)
	for b.Loop() {
		for i, text := range texts {
			Parse(filepath.Base(files[i]), text, Options{Split: "### "})
		}
	}
}
