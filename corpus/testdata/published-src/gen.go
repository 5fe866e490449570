//go:build ignore

// gen turns the report sources in src/*.txt into the documents that
// make.sh prints, converts and scans: a flat ODT (.fodt) for LibreOffice and
// an HTML page for Chromium, and the plain text a perfect reader would get
// (the want/ files the tests and the PDF library comparison check against).
//
//	go run gen.go OUTDIR
//	go run gen.go OUTDIR long N   (also long.fodt and long.html: the hospital report N times)
//
// Source markup, one paragraph per line: the first line is the title;
// lines like 一、… are section headings; |a|b|c lines are the rows of one
// table; {{fn:…}} is a footnote; a leading > right-aligns (signature and
// date lines); a leading ^ starts a new page.
package main

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

var (
	heading  = regexp.MustCompile(`^[一二三四五六七八九十]+、`)
	footnote = regexp.MustCompile(`\{\{fn:(.*?)\}\}`)
)

// meta is what the documents say about themselves.
type meta struct {
	title, created, creator string
}

var metas = map[string]meta{
	"qinghe_hospital": {"清河县人民医院2023年度工作报告", "2024-01-12T09:30:00", "清河县人民医院办公室"},
	"linshui_notice":  {"临水县关于开展2024年春季爱国卫生运动的通知", "", ""},
	"beiyuan_scan":    {"北园镇卫生院2023年第三季度工作简报", "", ""},
	"shuiwu_memo":     {"关于调整2024年城区供水管网检修时间的说明", "2024-05-08T16:20:00", "东川县水务局"},
}

func main() {
	out := os.Args[1]
	srcs, _ := filepath.Glob("src/*.txt")
	for _, src := range srcs {
		name := strings.TrimSuffix(filepath.Base(src), ".txt")
		b, err := os.ReadFile(src)
		check(err)
		lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
		m := metas[name]
		check(os.WriteFile(filepath.Join(out, name+".fodt"), []byte(fodt(lines, m)), 0o644))
		check(os.WriteFile(filepath.Join(out, name+".html"), []byte(page(lines, m)), 0o644))
		check(os.WriteFile(filepath.Join("want", name+".txt"), []byte(want(lines)), 0o644))
	}
	if len(os.Args) == 4 && os.Args[2] == "long" {
		n, err := strconv.Atoi(os.Args[3])
		check(err)
		b, err := os.ReadFile("src/qinghe_hospital.txt")
		check(err)
		one := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
		var lines []string
		for i := range n {
			for k, l := range one {
				if k == 0 && i > 0 {
					l = "一、" + l + fmt.Sprintf("（第%d份）", i+1)
				}
				lines = append(lines, l)
			}
		}
		m := metas["qinghe_hospital"]
		check(os.WriteFile(filepath.Join(out, "long.fodt"), []byte(fodt(lines, m)), 0o644))
		check(os.WriteFile(filepath.Join(out, "long.html"), []byte(page(lines, m)), 0o644))
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// want is the text of the document as a reader should give it: one
// paragraph per line, table rows as their cells separated by a space, each
// footnote after the paragraph that cites it.
func want(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		l = strings.TrimPrefix(strings.TrimPrefix(l, "^"), ">")
		if strings.HasPrefix(l, "|") {
			l = strings.Join(strings.Split(l[1:], "|"), " ")
		}
		var notes []string
		for _, m := range footnote.FindAllStringSubmatch(l, -1) {
			notes = append(notes, m[1])
		}
		b.WriteString(footnote.ReplaceAllString(l, ""))
		b.WriteByte('\n')
		for _, n := range notes {
			b.WriteString(n)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// fodt writes the document as a 公文 (official document) is laid out
// (GB/T 9704): A4, 16 pt serif body with a fixed 28 pt line pitch and a
// two-character first-line indent, a running header with the report's
// name and a page number footer "- N -".
func fodt(lines []string, m meta) string {
	var body strings.Builder
	inTable := false
	for i, l := range lines {
		if strings.HasPrefix(l, "|") {
			cells := strings.Split(l[1:], "|")
			if !inTable {
				body.WriteString(`<table:table table:name="t1" table:style-name="Tbl">`)
				fmt.Fprintf(&body, `<table:table-column table:number-columns-repeated="%d"/>`, len(cells))
				inTable = true
			}
			body.WriteString(`<table:table-row>`)
			for _, c := range cells {
				fmt.Fprintf(&body, `<table:table-cell table:style-name="Cell" office:value-type="string"><text:p text:style-name="CellText">%s</text:p></table:table-cell>`, html.EscapeString(c))
			}
			body.WriteString(`</table:table-row>`)
			continue
		}
		if inTable {
			body.WriteString(`</table:table>`)
			inTable = false
		}
		brk := strings.HasPrefix(l, "^")
		l = strings.TrimPrefix(l, "^")
		text := html.EscapeString(l)
		text = footnote.ReplaceAllStringFunc(text, func(s string) string {
			n := footnote.FindStringSubmatch(s)[1]
			return `<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p text:style-name="Footnote">` + n + `</text:p></text:note-body></text:note>`
		})
		switch {
		case i == 0:
			fmt.Fprintf(&body, `<text:h text:style-name="Title" text:outline-level="1">%s</text:h>`, text)
		case heading.MatchString(l) && brk:
			fmt.Fprintf(&body, `<text:h text:style-name="H2Break" text:outline-level="2">%s</text:h>`, text)
		case heading.MatchString(l):
			fmt.Fprintf(&body, `<text:h text:style-name="Heading_20_2" text:outline-level="2">%s</text:h>`, text)
		case strings.HasPrefix(l, ">"):
			fmt.Fprintf(&body, `<text:p text:style-name="Sign">%s</text:p>`, text[len("&gt;"):])
		case strings.HasPrefix(l, "表"):
			fmt.Fprintf(&body, `<text:p text:style-name="Caption">%s</text:p>`, text)
		default:
			fmt.Fprintf(&body, `<text:p text:style-name="Body">%s</text:p>`, text)
		}
	}
	var metaXML strings.Builder
	fmt.Fprintf(&metaXML, `<dc:title>%s</dc:title>`, html.EscapeString(m.title))
	if m.created != "" {
		fmt.Fprintf(&metaXML, `<meta:creation-date>%s</meta:creation-date><dc:date>%s</dc:date>`, m.created, m.created)
	}
	if m.creator != "" {
		fmt.Fprintf(&metaXML, `<meta:initial-creator>%s</meta:initial-creator><dc:creator>%s</dc:creator>`, m.creator, m.creator)
	}
	return strings.NewReplacer("{{META}}", metaXML.String(), "{{HEADER}}", html.EscapeString(m.title), "{{BODY}}", body.String()).Replace(fodtTemplate)
}

const fodtTemplate = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta>{{META}}</office:meta>
<office:font-face-decls>
 <style:font-face style:name="Noto Serif CJK SC" svg:font-family="'Noto Serif CJK SC'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
 <style:font-face style:name="Noto Sans CJK SC" svg:font-family="'Noto Sans CJK SC'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:line-height="28pt"/>
  <style:text-properties style:font-name="Noto Serif CJK SC" style:font-name-asian="Noto Serif CJK SC" fo:font-size="16pt" style:font-size-asian="16pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-indent="32pt" fo:text-align="justify"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1">
  <style:paragraph-properties fo:text-align="center" fo:line-height="40pt" fo:margin-bottom="28pt"/>
  <style:text-properties fo:font-size="22pt" style:font-size-asian="22pt" fo:font-weight="bold" style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2">
  <style:paragraph-properties fo:text-indent="32pt"/>
  <style:text-properties style:font-name="Noto Sans CJK SC" style:font-name-asian="Noto Sans CJK SC"/>
 </style:style>
 <style:style style:name="Sign" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="end" fo:margin-right="64pt"/>
 </style:style>
 <style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="14pt" style:font-size-asian="14pt"/>
 </style:style>
 <style:style style:name="CellText" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center" fo:line-height="22pt"/>
  <style:text-properties fo:font-size="12pt" style:font-size-asian="12pt"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:line-height="16pt"/>
  <style:text-properties fo:font-size="10.5pt" style:font-size-asian="10.5pt"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center" fo:line-height="16pt"/>
  <style:text-properties fo:font-size="10.5pt" style:font-size-asian="10.5pt"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center" fo:line-height="20pt"/>
  <style:text-properties fo:font-size="14pt" style:font-size-asian="14pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="H2Break" style:family="paragraph" style:parent-style-name="Heading_20_2"><style:paragraph-properties fo:break-before="page"/></style:style>
 <style:style style:name="Tbl" style:family="table"><style:table-properties style:width="15.6cm" table:align="center"/></style:style>
 <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.1cm"/></style:style>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2.4cm" fo:margin-bottom="2.2cm" fo:margin-left="2.8cm" fo:margin-right="2.6cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-bottom="0.5cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.5cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="Header">{{HEADER}}</text:p></style:header>
  <style:footer><text:p text:style-name="Footer">- <text:page-number text:select-page="current">1</text:page-number> -</text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>{{BODY}}</office:text></office:body>
</office:document>
`

// page writes the document as a web page that a reader prints to PDF.
func page(lines []string, m meta) string {
	var body strings.Builder
	inTable := false
	for i, l := range lines {
		if strings.HasPrefix(l, "|") {
			if !inTable {
				body.WriteString("<table>\n")
				inTable = true
			}
			body.WriteString("<tr>")
			for _, c := range strings.Split(l[1:], "|") {
				fmt.Fprintf(&body, "<td>%s</td>", html.EscapeString(c))
			}
			body.WriteString("</tr>\n")
			continue
		}
		if inTable {
			body.WriteString("</table>\n")
			inTable = false
		}
		brk := strings.HasPrefix(l, "^")
		l = strings.TrimPrefix(l, "^")
		text := footnote.ReplaceAllString(html.EscapeString(l), `<sup>[1]</sup>`)
		switch {
		case i == 0:
			fmt.Fprintf(&body, "<h1>%s</h1>\n", text)
		case heading.MatchString(l) && brk:
			fmt.Fprintf(&body, "<h2 style=\"break-before: page\">%s</h2>\n", text)
		case heading.MatchString(l):
			fmt.Fprintf(&body, "<h2>%s</h2>\n", text)
		case strings.HasPrefix(l, ">"):
			fmt.Fprintf(&body, "<p class=sign>%s</p>\n", text[len("&gt;"):])
		default:
			fmt.Fprintf(&body, "<p>%s</p>\n", text)
		}
	}
	for _, n := range footnote.FindAllStringSubmatch(strings.Join(lines, "\n"), -1) {
		fmt.Fprintf(&body, "<p class=note>%s</p>\n", html.EscapeString(n[1]))
	}
	return fmt.Sprintf(`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>%s</title>
<style>
@page { size: A4; margin: 2.5cm 2.6cm 2.5cm 2.8cm; }
body { font-family: "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 28pt; text-align: justify; }
h1 { font-size: 22pt; text-align: center; font-weight: bold; line-height: 40pt; }
h2 { font-family: "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
p { margin: 0; text-indent: 2em; }
p.sign { text-align: right; margin-right: 4em; }
p.note { font-size: 10.5pt; line-height: 16pt; text-indent: 0; }
table { border-collapse: collapse; margin: 0 auto; font-size: 12pt; line-height: 22pt; }
td { border: 0.5pt solid black; padding: 0 0.3em; text-align: center; }
</style></head>
<body>
%s</body></html>
`, html.EscapeString(m.title), body.String())
}
