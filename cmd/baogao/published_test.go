package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// published holds reports made the ways they are published — printed to
// PDF by LibreOffice and Chromium, saved as DOCX, scanned, encrypted —
// and files that only look like them (corpus/testdata/published-src).
var published = filepath.Join("..", "..", "corpus", "testdata", "published")

// haveOCR reports whether tesseract with chi_sim is installed; with
// BAOGAO_REQUIRE_OCR set (CI) its absence fails the test instead.
func haveOCR(t *testing.T) bool {
	t.Helper()
	out, err := exec.Command("tesseract", "--list-langs").CombinedOutput()
	ok := err == nil && strings.Contains(string(out), "chi_sim")
	if !ok && os.Getenv("BAOGAO_REQUIRE_OCR") != "" {
		t.Fatalf("BAOGAO_REQUIRE_OCR is set but tesseract with chi_sim is not installed: %v %s", err, out)
	}
	return ok
}

// TestRunPublished runs `baogao run -ocr` over the published formats and
// reads the tables back: every good document whole with its pages, the
// bad ones problem rows that say why and what to do.
func TestRunPublished(t *testing.T) {
	if testing.Short() {
		t.Skip("OCR takes seconds a page")
	}
	ocr := haveOCR(t)
	out := filepath.Join(t.TempDir(), "out")
	r := baogao(t, nil, "run", "-ocr", "-progress", "none", "-out", out, published)
	if r.code != exitProblems {
		t.Fatalf("baogao run: exit %d; want %d (problems)\n%s", r.code, exitProblems, r.stderr)
	}
	docs, _ := readTable(t, filepath.Join(out, "documents.parquet"))
	byName := map[string]map[string]any{}
	for _, d := range docs {
		byName[filepath.Base(d["path"].(string))] = d
	}
	type want struct {
		status, skip string
		pages        any // int32 or nil
		ocr          bool
		title        string
		dateSource   string
		text         []string // phrases, in order
	}
	// The scan is dated by the year its text names, not by the day it
	// was scanned (its PDF's creation date, years later).
	scan := want{"ok", "", int32(1), true, "北园镇卫生院2023年第三季度工作简报", "text-year", []string{"本季度门诊接诊患者1.56万人次"}}
	scanPNG := scan
	if !ocr {
		scan = want{"skipped", "scanned", int32(1), false, "", "", nil}
		scanPNG = want{"skipped", "scanned", nil, false, "", "", nil}
	}
	memo := []string{"原定于5月18日进行的城区供水管网检修推迟至5月25日", "东川县水务局"}
	wants := map[string]want{
		"qinghe_hospital.pdf": {"ok", "", int32(4), false, "清河县人民医院2023年度工作报告", "text", []string{
			"\u3000\u3000一、基本情况\n", "全年完成门诊量48.6万人次，同比增长12.4%；", "达到四级¹。", "\n\u3000\u3000四、2024年工作安排\n"}},
		"qinghe_hospital.docx": {"ok", "", int32(2), false, "清河县人民医院2023年度工作报告", "text", []string{
			"\n一、基本情况\n", "\n门诊量（万人次）\t43.2\t48.6\t12.4%\n", "¹ 按国家卫生健康委"}},
		"linshui_notice.pdf": {"ok", "", int32(2), false, "临水县关于开展2024年春季爱国卫生运动的通知", "text", []string{
			"决定于2024年3月至5月在全县开展春季爱国卫生运动。", "联系电话：0551-6283417。"}},
		"shuiwu_memo_aes256.pdf": {"ok", "", int32(1), false, "关于调整2024年城区供水管网检修时间的说明", "text", memo},
		"shuiwu_memo_rc4.pdf":    {"ok", "", int32(1), false, "关于调整2024年城区供水管网检修时间的说明", "text", memo},
		"wps_memo.wps":           {"ok", "", nil, false, "关于调整2024年城区供水管网检修时间的说明", "text", memo},
		"web_memo.doc":           {"ok", "", nil, false, "关于调整2024年城区供水管网检修时间的说明", "text", memo},
		"mixed_scan.pdf":         {"partial", "", int32(2), ocr, "关于调整2024年城区供水管网检修时间的说明", "text", memo},
		"beiyuan_scan.pdf":       scan,
		"beiyuan_scan.png":       scanPNG,
		"bad_password.pdf":       {"skipped", "password-protected", nil, false, "", "", nil},
		"bad_truncated.pdf":      {"skipped", "unparsable", nil, false, "", "", nil},
		"bad_notpdf.pdf":         {"skipped", "unparsable", nil, false, "", "", nil},
		"bad_notdocx.docx":       {"skipped", "unparsable", nil, false, "", "", nil},
		"legacy_memo.doc":        {"skipped", "unsupported", nil, false, "", "", nil},
	}
	if ocr {
		w := wants["mixed_scan.pdf"]
		w.status = "ok" // the scanned second page is read too
		w.text = append(memo, "北园镇卫生院")
		wants["mixed_scan.pdf"] = w
	}
	if len(docs) != len(wants) {
		t.Errorf("documents.parquet has %d rows; want %d", len(docs), len(wants))
	}
	for name, w := range wants {
		d := byName[name]
		if d == nil {
			t.Errorf("%s: no document", name)
			continue
		}
		got := want{status: d["status"].(string), pages: d["pages"], ocr: d["ocr"].(bool)}
		if s, ok := d["skip_reason"].(string); ok {
			got.skip = s
		}
		if s, ok := d["title"].(string); ok {
			got.title = s
		}
		if s, ok := d["doc_date_source"].(string); ok && w.dateSource != "" {
			got.dateSource = s
		}
		got.text = w.text
		if got.status != w.status || got.skip != w.skip || got.pages != w.pages || got.ocr != w.ocr || got.title != w.title || got.dateSource != w.dateSource {
			t.Errorf("%s: status %s, skip %q, pages %v, ocr %v, title %q, date from %q;\nwant       %s, skip %q, pages %v, ocr %v, title %q, date from %q",
				name, got.status, got.skip, got.pages, got.ocr, got.title, got.dateSource, w.status, w.skip, w.pages, w.ocr, w.title, w.dateSource)
		}
		text := d["text"].(string)
		at := 0
		for _, phrase := range w.text {
			i := strings.Index(text[at:], phrase)
			if i < 0 {
				t.Errorf("%s: text lacks %q after byte %d:\n%s", name, phrase, at, text)
				break
			}
			at += i + len(phrase)
		}
		for _, header := range []string{"- 1 -", "- 2 -", "file://", " PM ", "1/2"} {
			if strings.Contains(text, header) {
				t.Errorf("%s: running header or footer %q in the text", name, header)
			}
		}
	}

	// Mentions carry the page they start on; formats without pages none.
	mentions, _ := readTable(t, filepath.Join(out, "mentions.parquet"))
	idOf := map[string]string{}
	for name, d := range byName {
		idOf[name] = d["id"].(string)
	}
	pageOf := func(doc, kind, text string) (any, bool) {
		for _, m := range mentions {
			if m["doc_id"] == idOf[doc] && m["kind"] == kind && strings.Contains(m["text"].(string), text) {
				return m["page"], true
			}
		}
		return nil, false
	}
	for _, tt := range []struct {
		doc, kind, text string
		page            any
	}{
		{"qinghe_hospital.pdf", "number", "48.6万人次", int32(1)},
		{"qinghe_hospital.pdf", "date", "3月15日", int32(1)},
		{"qinghe_hospital.pdf", "number", "1860万元", int32(2)},
		{"qinghe_hospital.pdf", "date", "2024年1月12日", int32(4)},
		{"qinghe_hospital.docx", "date", "2024年1月12日", int32(2)},
		{"linshui_notice.pdf", "date", "4月8日", int32(1)},
		{"linshui_notice.pdf", "number", "1600座", int32(2)},
		{"wps_memo.wps", "number", "1.3万户", nil},
	} {
		page, ok := pageOf(tt.doc, tt.kind, tt.text)
		if !ok || page != tt.page {
			t.Errorf("%s: %s %q on page %v (found %v); want page %v", tt.doc, tt.kind, tt.text, page, ok, tt.page)
		}
	}
	// The footnote mark ¹ is part of no mention (四级1 would be 41).
	text := byName["qinghe_hospital.pdf"]["text"].(string)
	mark := int64(strings.Index(text, "¹"))
	for _, m := range mentions {
		if m["doc_id"] == idOf["qinghe_hospital.pdf"] && m["start"].(int64) < mark+int64(len("¹")) && m["end"].(int64) > mark {
			t.Errorf("footnote mark read into a mention: %v", m)
		}
	}
	// Month-day dates take the year from the report, not from the day
	// the fixture was printed (the PDF's creation date).
	for _, m := range mentions {
		if m["doc_id"] == idOf["shuiwu_memo_aes256.pdf"] && m["text"] == "5月25日" && m["value"] != "2024-05-25" {
			t.Errorf("5月25日 = %v; want 2024-05-25", m["value"])
		}
	}

	problems, _ := readTable(t, filepath.Join(out, "problems.parquet"))
	says := map[string]string{
		"bad_password.pdf":  "qpdf --decrypt",
		"bad_truncated.pdf": "not a readable PDF",
		"bad_notpdf.pdf":    "not a readable PDF",
		"bad_notdocx.docx":  "not a Word document",
		"legacy_memo.doc":   "soffice --headless --convert-to docx",
	}
	if !ocr {
		says["beiyuan_scan.pdf"] = "apt-get install tesseract-ocr tesseract-ocr-chi-sim"
		says["beiyuan_scan.png"] = "apt-get install tesseract-ocr tesseract-ocr-chi-sim"
		says["mixed_scan.pdf"] = "apt-get install tesseract-ocr tesseract-ocr-chi-sim"
	}
	for name, phrase := range says {
		found := false
		for _, p := range problems {
			stage := p["stage"]
			if filepath.Base(p["path"].(string)) == name && (stage == "read" || stage == "parse") && strings.Contains(p["message"].(string), phrase) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no read or parse problem saying %q; problems: %v", name, phrase, problems)
		}
	}
	if len(problems) != len(says) {
		t.Errorf("%d problems; want %d: %v", len(problems), len(says), problems)
	}
}

// TestExtractPDF: `baogao extract` reads a PDF as it reads a text file.
func TestExtractPDF(t *testing.T) {
	r := baogao(t, nil, "extract", "-entities=false", filepath.Join(published, "shuiwu_memo_aes256.pdf"))
	if r.code != exitOK {
		t.Fatalf("baogao extract: exit %d\n%s", r.code, r.stderr)
	}
	for _, want := range []string{`"text":"5月25日"`, `"value":"2024-05-25"`, `"text":"约1.3万户"`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("extract output lacks %s:\n%s", want, r.stdout)
		}
	}
	r = baogao(t, nil, "extract", "-entities=false", filepath.Join(published, "beiyuan_scan.png"))
	if r.code != exitProblems || !strings.Contains(r.stderr, "run with -ocr") {
		t.Errorf("extract of a scan without -ocr: exit %d, stderr %q; want %d and the advice to use -ocr", r.code, r.stderr, exitProblems)
	}
}

// TestRunOCRMissing: with -ocr but no tesseract on the PATH, a scan is a
// skipped document whose problem says exactly what to install.
func TestRunOCRMissing(t *testing.T) {
	in := t.TempDir()
	b, err := os.ReadFile(filepath.Join(published, "beiyuan_scan.png"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in, "scan.png"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	// A report beside the scan, so that the run has a document to publish.
	if err := os.WriteFile(filepath.Join(in, "note.txt"), []byte("2024年5月，街道开展义诊。"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	r := baogao(t, []string{"PATH=" + t.TempDir()}, "run", "-ocr", "-progress", "none", "-out", out, in)
	if r.code != exitProblems {
		t.Fatalf("exit %d; want %d\n%s", r.code, exitProblems, r.stderr)
	}
	problems, _ := readTable(t, filepath.Join(out, "problems.parquet"))
	if len(problems) != 1 || !strings.Contains(problems[0]["message"].(string), "apt-get install tesseract-ocr tesseract-ocr-chi-sim") {
		t.Errorf("problems %v; want one saying what to install", problems)
	}
	docs, _ := readTable(t, filepath.Join(out, "documents.parquet"))
	if len(docs) != 2 || docs[1]["skip_reason"] != "scanned" {
		t.Errorf("documents %v; want the report and the scan skipped as scanned", docs)
	}
}
