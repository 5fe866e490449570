package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/baogao/baogao/corpus"
)

const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

// pack builds a DOCX from its parts.
func pack(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func body(xml string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + ns + `><w:body>` + xml + `</w:body></w:document>`
}

func p(runs string) string { return `<w:p>` + runs + `</w:p>` }
func r(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }

const styles = `<w:styles ` + ns + `>
<w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="BiaoTi"><w:name w:val="标题"/></w:style>
<w:style w:type="paragraph" w:styleId="Custom"><w:name w:val="正文标题"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
</w:styles>`

const notes = `<w:footnotes ` + ns + `>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:t>数据来源：</w:t></w:r><w:r><w:t>县统计局。</w:t></w:r></w:p></w:footnote>
</w:footnotes>`

const endnotes = `<w:endnotes ` + ns + `><w:endnote w:id="1"><w:p><w:r><w:t>2023年为初步统计数。</w:t></w:r></w:p></w:endnote></w:endnotes>`

func TestRead(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		text    string
		heading string
		pages   []int
	}{
		{"runs joined, paragraphs one per line",
			p(r("全年完成")+r("门诊量")+r("48.6万人次。")) + p(r("第二段。")),
			"全年完成门诊量48.6万人次。\n第二段。", "", nil},
		{"empty paragraphs as one blank line",
			p(r("一。")) + p("") + p("") + p(r("二。")),
			"一。\n\n二。", "", nil},
		{"heading by style name, outline level, or 标题",
			`<w:p><w:pPr><w:pStyle w:val="Custom"/></w:pPr>` + r("第一部分") + `</w:p>` + `<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr>` + r("后面的标题") + `</w:p>`,
			"第一部分\n后面的标题", "第一部分", nil},
		{"tables as rows of tab-separated cells",
			p(r("表1")) + `<w:tbl><w:tr><w:tc>` + p(r("指标")) + `</w:tc><w:tc>` + p(r("2023年")) + `</w:tc></w:tr>` +
				`<w:tr><w:tc>` + p(r("门诊量")) + p(r("（万人次）")) + `</w:tc><w:tc>` + p(r("48.6")) + `</w:tc></w:tr></w:tbl>` + p(r("表后。")),
			"表1\n指标\t2023年\n门诊量 （万人次）\t48.6\n表后。", "", nil},
		{"nested table flattened into its cell",
			`<w:tbl><w:tr><w:tc>` + p(r("外")) + `<w:tbl><w:tr><w:tc>` + p(r("内1")) + `</w:tc><w:tc>` + p(r("内2")) + `</w:tc></w:tr></w:tbl></w:tc><w:tc>` + p(r("右")) + `</w:tc></w:tr></w:tbl>`,
			"外 内1 内2\t右", "", nil},
		{"footnote and endnote after the citing paragraph",
			p(r("床位600张")+`<w:r><w:footnoteReference w:id="1"/></w:r>`+r("，到位率")+`<w:r><w:endnoteReference w:id="1"/></w:r>`+r("。")) + p(r("下一段。")),
			"床位600张¹，到位率²。\n¹ 数据来源：县统计局。\n² 2023年为初步统计数。\n下一段。", "", nil},
		{"deleted revision and field instructions left out",
			p(r("实有")+`<w:del><w:r><w:delText>1120</w:delText></w:r></w:del>`+`<w:ins>`+r("1126")+`</w:ins>`+r("人")) +
				p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`+r("3")+`<w:r><w:fldChar w:fldCharType="end"/></w:r>`),
			"实有1126人\n3", "", nil},
		{"text box read once, not its fallback copy",
			p(r("正文") + `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>` + p(r("框内文字")) + `</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>` + p(r("框内文字")) + `</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>` + r("继续。")),
			"框内文字\n正文继续。", "", nil},
		{"tabs, line breaks and no-break hyphens",
			p(r("甲") + `<w:r><w:tab/></w:r>` + r("乙") + `<w:r><w:br/></w:r>` + r("丙") + `<w:r><w:noBreakHyphen/></w:r>` + r("丁")),
			"甲\t乙\n丙-丁", "", nil},
		{"page breaks: explicit, before a paragraph, and as Word laid it out",
			p(r("第一页。")) + p(`<w:r><w:br w:type="page"/></w:r>`+r("第二页。")) +
				`<w:p><w:pPr><w:pageBreakBefore/></w:pPr>` + r("第三页") + `</w:p>` +
				p(r("接着")+`<w:r><w:lastRenderedPageBreak/><w:t>第四页。</w:t></w:r>`),
			"第一页。\n第二页。\n第三页\n接着第四页。", "",
			[]int{0, len("第一页。\n"), len("第一页。\n第二页。\n"), len("第一页。\n第二页。\n第三页\n接着")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Read(pack(t, map[string]string{
				"word/document.xml": body(tt.body), "word/styles.xml": styles,
				"word/footnotes.xml": notes, "word/endnotes.xml": endnotes,
			}))
			if err != nil {
				t.Fatal(err)
			}
			if d.Text != tt.text || d.Heading != tt.heading || !reflect.DeepEqual(d.Pages, tt.pages) {
				t.Errorf("Read() = %q, heading %q, pages %v;\nwant     %q, heading %q, pages %v", d.Text, d.Heading, d.Pages, tt.text, tt.heading, tt.pages)
			}
		})
	}
}

func TestReadCore(t *testing.T) {
	core := `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>年度报告</dc:title><dc:creator>办公室</dc:creator><dcterms:created>2023-12-30T17:05:00Z</dcterms:created></cp:coreProperties>`
	d, err := Read(pack(t, map[string]string{"word/document.xml": body(p(r("正文。"))), "docProps/core.xml": core}))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "年度报告" || d.Author != "办公室" || d.Created != (corpus.Date{Year: 2023, Month: 12, Day: 30}) {
		t.Errorf("properties = %q %q %v", d.Title, d.Author, d.Created)
	}
}

func TestParseDate(t *testing.T) {
	tests := map[string]corpus.Date{
		"2024-01-12T09:30:00Z": {Year: 2024, Month: 1, Day: 12},
		"2024-01-12":           {Year: 2024, Month: 1, Day: 12},
		"1601-01-01T00:00:00Z": {}, // Word's "never"
		"2024-13-01T00:00:00Z": {},
		"":                     {},
	}
	for in, want := range tests {
		if got := parseDate(in); got != want {
			t.Errorf("parseDate(%q) = %v; want %v", in, got, want)
		}
	}
}

func TestNotDOCX(t *testing.T) {
	for name, b := range map[string][]byte{
		"not a zip":            []byte("这不是文档。"),
		"zip without document": pack(t, map[string]string{"xl/workbook.xml": "<workbook/>"}),
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := Read(b); !errors.Is(err, ErrNotDOCX) {
				t.Errorf("Read = %v; want ErrNotDOCX", err)
			}
		})
	}
	if _, err := Read(pack(t, map[string]string{"word/document.xml": body(p(r("未闭合")))[:60]})); err == nil {
		t.Error("Read(truncated XML) = nil error")
	}
}

// TestPublished reads the DOCX that LibreOffice wrote from the hospital
// report (corpus/testdata/published-src/make.sh).
func TestPublished(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "published")
	b, err := os.ReadFile(filepath.Join(dir, "qinghe_hospital.docx"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read(b)
	if err != nil {
		t.Fatal(err)
	}
	if d.Heading != "清河县人民医院2023年度工作报告" || d.Title != d.Heading || d.Author != "清河县人民医院办公室" ||
		d.Created != (corpus.Date{Year: 2024, Month: 1, Day: 12}) {
		t.Errorf("heading %q title %q author %q created %v", d.Heading, d.Title, d.Author, d.Created)
	}
	for _, want := range []string{
		"\n门诊量（万人次）\t43.2\t48.6\t12.4%\n",
		"达到四级¹。",
		"\n¹ 按国家卫生健康委《电子病历系统应用水平分级评价标准》评定，2022年为三级。\n",
		"\n2024年1月12日",
	} {
		if !strings.Contains(d.Text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	// The page break before section 四 is the only one LibreOffice records.
	if len(d.Pages) != 2 || !strings.HasPrefix(d.Text[d.Pages[1]:], "四、2024年工作安排") {
		t.Errorf("pages %v; want a second page at 四、2024年工作安排", d.Pages)
	}
	if strings.Contains(d.Text, "- 1 -") {
		t.Error("the footer's page number is in the text")
	}
}

// FuzzRead: any bytes give a document or an error, never a panic, and
// page offsets lie inside the text, increasing.
func FuzzRead(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "published", "qinghe_hospital.docx")); err == nil {
		f.Add(b)
	}
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := Read(b)
		if err != nil {
			return
		}
		for i, p := range d.Pages {
			if p < 0 || p > len(d.Text) || i > 0 && p <= d.Pages[i-1] {
				t.Fatalf("pages %v in %d bytes", d.Pages, len(d.Text))
			}
		}
	})
}
