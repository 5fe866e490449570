package pipeline

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/format/pdf"
)

// published holds the reports made the ways they are published
// (corpus/testdata/published-src/make.sh).
var published = filepath.Join("..", "corpus", "testdata", "published")

func TestPageJoiner(t *testing.T) {
	line := func(s string) string { return s + strings.Repeat("文", 16-len([]rune(s))) }
	tests := []struct {
		name  string
		pages []string
		text  string
		// want[i] is the text page i+1 starts with.
		starts []string
	}{
		{"a paragraph continued on the next page is joined across it",
			[]string{
				"\u3000\u3000" + line("第一段开头") + "\n" + line("接着写") + "\n" + line("再写一行"),
				line("翻页后接着") + "。\n\u3000\u3000" + line("第二段") + "\n" + "结束。",
			},
			"\u3000\u3000" + line("第一段开头") + line("接着写") + line("再写一行") + line("翻页后接着") + "。\n\u3000\u3000" + line("第二段") + "结束。",
			[]string{"\u3000\u3000第一段开头", "翻页后接着"}},
		{"a new paragraph on the next page stays apart",
			[]string{
				"\u3000\u3000" + line("第一段") + "\n" + line("写完了") + "\n" + "结束了。",
				"\u3000\u3000" + line("第二段") + "\n" + "也完了。",
			},
			"\u3000\u3000" + line("第一段") + line("写完了") + "结束了。\n\u3000\u3000" + line("第二段") + "也完了。",
			[]string{"\u3000\u3000第一段", "\u3000\u3000第二段"}},
		{"a blank page starts where the next page does",
			[]string{"\u3000\u3000第一页。", "", "\u3000\u3000第三页。"},
			"\u3000\u3000第一页。\n\u3000\u3000第三页。",
			[]string{"\u3000\u3000第一页", "\u3000\u3000第三页", "\u3000\u3000第三页"}},
		{"standalone lines stay", []string{"标题\n\n\u3000\u3000正文。\n\n落款\n\n2024年1月12日"},
			"标题\n\n\u3000\u3000正文。\n\n落款\n\n2024年1月12日", []string{"标题"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var j pageJoiner
			for _, p := range tt.pages {
				j.add(p)
			}
			text, starts := j.finish()
			if text != tt.text {
				t.Errorf("text =\n%q\nwant\n%q", text, tt.text)
			}
			if len(starts) != len(tt.starts) {
				t.Fatalf("page starts %v; want %d pages", starts, len(tt.starts))
			}
			for i, s := range starts {
				if !strings.HasPrefix(text[s:], tt.starts[i]) {
					t.Errorf("page %d starts at %d: %q; want %q", i+1, s, text[s:min(len(text), s+30)], tt.starts[i])
				}
			}
		})
	}
}

// TestPageJoinerLong joins a long document without paragraph starts in
// pieces, and still loses nothing.
func TestPageJoinerLong(t *testing.T) {
	var j pageJoiner
	page := strings.Repeat("没有缩进也没有空行的一行文字\n", 2000)
	n := 0
	for range 20 {
		j.add(strings.TrimSuffix(page, "\n"))
		n += len(page)
		if len(j.pending) > maxPending+len(page) {
			t.Fatalf("%d bytes held back; want at most about %d", len(j.pending), maxPending)
		}
	}
	text, starts := j.finish()
	if got := strings.Count(text, "没有缩进"); got != 40000 || len(starts) != 20 {
		t.Errorf("%d lines, %d pages; want 40000, 20", got, len(starts))
	}
}

func readPublished(t *testing.T, name string, opts ReadOptions) *corpus.Document {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(published, name))
	if err != nil {
		t.Fatal(err)
	}
	docs := ReadBytes(name, b, opts)
	if len(docs) != 1 {
		t.Fatalf("ReadBytes(%s) = %d documents; want 1", name, len(docs))
	}
	return docs[0]
}

// sharedPDF is one PDFium for the tests of this file.
func sharedPDF(t *testing.T) *pdf.Engine {
	e := pdf.New(pdf.Options{})
	t.Cleanup(func() { e.Close() })
	return e
}

func TestReadPublished(t *testing.T) {
	e := sharedPDF(t)
	tests := []struct {
		file       string
		pages      int
		title      string
		dateSource string
		// phrase → page it is on (0: the document has no pages)
		on map[string]int
	}{
		{"qinghe_hospital.pdf", 4, "清河县人民医院2023年度工作报告", "text", map[string]int{
			"全年完成门诊量48.6万人次": 1,
			// A sentence joined across the page break: it starts on 1,
			// its second half on 2.
			"医院开设夜间门诊和周末门诊": 1, "末门诊，延长服务时间": 2,
			"达到四级¹。": 2, "四、2024年工作安排": 4, "2024年1月12日": 4,
		}},
		{"linshui_notice.pdf", 2, "临水县关于开展2024年春季爱国卫生运动的通知", "text", map[string]int{
			"于2024年3月至5月在全县开展春季爱国卫生运动": 1, "结合第36个爱国卫生月活动": 1, "及卫生健康知识": 2, "年内新建和改造农村户厕1600座": 2,
		}},
		{"qinghe_hospital.docx", 2, "清河县人民医院2023年度工作报告", "text", map[string]int{
			"门诊量（万人次）\t43.2\t48.6\t12.4%": 1, "四、2024年工作安排": 2,
		}},
		{"wps_memo.wps", 0, "关于调整2024年城区供水管网检修时间的说明", "text", map[string]int{"约1.3万户": 0}},
		{"web_memo.doc", 0, "关于调整2024年城区供水管网检修时间的说明", "text", map[string]int{"约1.3万户": 0}},
		{"shuiwu_memo_aes256.pdf", 1, "关于调整2024年城区供水管网检修时间的说明", "text", map[string]int{"约1.3万户": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d := readPublished(t, tt.file, ReadOptions{PDF: e})
			if d.Skip != "" || len(d.Problems) > 0 {
				t.Fatalf("skip %q, problems %v", d.Skip, d.Problems)
			}
			if len(d.Pages) != tt.pages || d.Title != tt.title || d.DateSource != tt.dateSource {
				t.Errorf("%d pages, title %q, date %v (%s); want %d, %q, from %s", len(d.Pages), d.Title, d.Date, d.DateSource, tt.pages, tt.title, tt.dateSource)
			}
			for phrase, page := range tt.on {
				i := strings.Index(d.Text, phrase)
				if i < 0 {
					t.Errorf("text lacks %q:\n%s", phrase, d.Text)
					continue
				}
				if got := d.Page(i); got != page {
					t.Errorf("%q on page %d; want %d", phrase, got, page)
				}
			}
			for _, header := range []string{"- 1 -", "file://", "1/2"} {
				if strings.Contains(d.Text, header) {
					t.Errorf("running header or footer %q in the text", header)
				}
			}
		})
	}
}

func TestReadPublishedProblems(t *testing.T) {
	e := sharedPDF(t)
	tests := []struct {
		file, skip, problem string
		pages               int
	}{
		{"bad_password.pdf", "password-protected", "qpdf --decrypt", 0},
		{"bad_truncated.pdf", "unparsable", "not a readable PDF", 0},
		{"bad_notpdf.pdf", "unparsable", "not a readable PDF", 0},
		{"bad_notdocx.docx", "unparsable", "not a Word document", 0},
		{"legacy_memo.doc", "unsupported", "soffice --headless --convert-to docx", 0},
		{"beiyuan_scan.png", "scanned", "run with -ocr", 0},
		{"beiyuan_scan.pdf", "scanned", "apt-get install tesseract-ocr tesseract-ocr-chi-sim", 1},
		// A text page and a scanned one: the text page is read, the
		// scan is a problem.
		{"mixed_scan.pdf", "", "1 of 2 pages are scans without a text layer (page 2)", 2},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d := readPublished(t, tt.file, ReadOptions{PDF: e})
			if d.Skip != tt.skip || len(d.Problems) != 1 || !strings.Contains(d.Problems[0].Error(), tt.problem) || len(d.Pages) != tt.pages {
				t.Errorf("skip %q, problems %v, %d pages; want skip %q, a problem with %q, %d pages", d.Skip, d.Problems, len(d.Pages), tt.skip, tt.problem, tt.pages)
			}
			if d.Path != tt.file || d.Meta["format"] == "" {
				t.Errorf("path %q, meta %v", d.Path, d.Meta)
			}
		})
	}
}

// TestReadBadAmongGood reads a folder where every bad file is next to
// good ones: each file is one document, in order, the good ones whole.
func TestReadBadAmongGood(t *testing.T) {
	docs := readAllDocs(t, []string{published}, ReadOptions{PDF: sharedPDF(t)})
	var got []string
	for _, d := range docs {
		got = append(got, filepath.Base(d.Path)+":"+string(d.Status()))
	}
	want := []string{
		"bad_notdocx.docx:skipped", "bad_notpdf.pdf:skipped", "bad_password.pdf:skipped", "bad_truncated.pdf:skipped",
		"beiyuan_scan.pdf:skipped", "beiyuan_scan.png:skipped", "legacy_memo.doc:skipped", "linshui_notice.pdf:ok",
		"mixed_scan.pdf:partial", "qinghe_hospital.docx:ok", "qinghe_hospital.pdf:ok", "shuiwu_memo_aes256.pdf:ok",
		"shuiwu_memo_rc4.pdf:ok", "web_memo.doc:ok", "wps_memo.wps:ok",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("documents\n%v\nwant\n%v", got, want)
	}
}

func TestPageList(t *testing.T) {
	tests := map[string][]int{"page 3": {3}, "pages 1-3, 7": {1, 2, 3, 7}, "pages 2, 4, 6-7": {2, 4, 6, 7}}
	for want, ns := range tests {
		if got := pageList(ns); got != want {
			t.Errorf("pageList(%v) = %q; want %q", ns, got, want)
		}
	}
}

func TestLastLines(t *testing.T) {
	tests := []struct {
		text string
		n    int
		want string
	}{
		{"一\n二\n三\n", 2, "二\n三\n"},
		{"一\n二\n三\n", 5, "一\n二\n三\n"},
		{"一\n\n二\n三\n", 5, "二\n三\n"},
		{"一\n\n", 5, ""},
		{"", 3, ""},
	}
	for _, tt := range tests {
		if got := lastLines(tt.text, tt.n); got != tt.want {
			t.Errorf("lastLines(%q, %d) = %q; want %q", tt.text, tt.n, got, tt.want)
		}
	}
}

// BenchmarkReadPDF reads a four-page report exported by LibreOffice:
// PDFium's text layer, layout and joining (PDFium started before).
func BenchmarkReadPDF(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(published, "qinghe_hospital.pdf"))
	if err != nil {
		b.Fatal(err)
	}
	e := pdf.New(pdf.Options{})
	defer e.Close()
	opts := ReadOptions{PDF: e}
	ReadBytes("warm-up.pdf", data, opts)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if docs := ReadBytes("qinghe_hospital.pdf", data, opts); docs[0].Skip != "" {
			b.Fatal(docs[0].Problems)
		}
	}
}
