package pdf

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/format/layout"
)

// published holds PDFs made the ways reports are published
// (corpus/testdata/published-src/make.sh).
var published = filepath.Join("..", "..", "testdata", "published")

func read(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(published, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// engine returns an Engine closed when the test ends. PDFium compiles
// once per machine (the cache), then starts in a fraction of a second.
func engine(t *testing.T) *Engine {
	t.Helper()
	e := New(Options{})
	t.Cleanup(func() { e.Close() })
	return e
}

// pageTexts reads every page of d through layout.
func pageTexts(t *testing.T, d *Doc) []string {
	t.Helper()
	var texts []string
	ps := layout.NewPages(func(_ int, s string) { texts = append(texts, s) })
	for i := range d.NumPages() {
		p, _, err := d.Page(i)
		if err != nil {
			t.Fatalf("page %d: %v", i+1, err)
		}
		ps.Add(p)
	}
	ps.Close()
	return texts
}

func TestOpen(t *testing.T) {
	e := engine(t)
	tests := []struct {
		file    string
		pages   int
		title   string
		creator string   // part of Info.Producer or Info.Creator
		want    []string // on the pages, in order, across line breaks removed
		notWant []string // running headers, footers, page numbers
	}{
		{"qinghe_hospital.pdf", 4, "清河县人民医院2023年度工作报告", "LibreOffice",
			[]string{"全年完成门诊量48.6万", "门诊量（万人次）\t43.2\t48.6\t12.4%", "达到四级¹。", "2024年1月12日"},
			[]string{"- 1 -", "- 4 -"}},
		{"linshui_notice.pdf", 2, "临水县关于开展2024年春季爱国卫生运动的通知", "Skia/PDF",
			[]string{"各乡镇人民政府，县直各单位：", "统一灭鼠活动安排在4月8日至4月14日", "2024年2月26日"},
			[]string{"file://", " PM ", "1/2"}},
		{"shuiwu_memo_aes256.pdf", 1, "关于调整2024年城区供水管网检修时间的说明", "LibreOffice",
			[]string{"推迟至5月25日", "约1.3万户"}, nil},
		{"shuiwu_memo_rc4.pdf", 1, "关于调整2024年城区供水管网检修时间的说明", "LibreOffice",
			[]string{"推迟至5月25日"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d, err := e.Open(read(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer d.Close()
			if d.NumPages() != tt.pages {
				t.Errorf("NumPages() = %d; want %d", d.NumPages(), tt.pages)
			}
			info := d.Info()
			if info.Title != tt.title || !strings.Contains(info.Producer+info.Creator, tt.creator) || info.Created.IsZero() {
				t.Errorf("Info() = %+v; want title %q, made by %s, a creation date", info, tt.title, tt.creator)
			}
			// Joined over line breaks, as normalize would: the phrases
			// may be wrapped anywhere.
			text := strings.Join(pageTexts(t, d), "\n")
			flat := strings.NewReplacer("\n", "", "\u3000", "").Replace(text)
			at := 0
			for _, w := range tt.want {
				i := strings.Index(flat[at:], w)
				if i < 0 {
					t.Errorf("text lacks %q after byte %d:\n%s", w, at, text)
					continue
				}
				at += i + len(w)
			}
			for _, w := range tt.notWant {
				if strings.Contains(text, w) {
					t.Errorf("text has running header or footer %q:\n%s", w, text)
				}
			}
		})
	}
}

func TestOpenFails(t *testing.T) {
	e := engine(t)
	tests := []struct {
		file string
		want error
	}{
		{"bad_password.pdf", ErrPassword},
		{"bad_truncated.pdf", ErrFormat},
		{"bad_notpdf.pdf", ErrFormat},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d, err := e.Open(read(t, tt.file))
			if !errors.Is(err, tt.want) {
				if d != nil {
					d.Close()
				}
				t.Fatalf("Open(%s) = %v; want %v", tt.file, err, tt.want)
			}
		})
	}
	// The engine still reads good files after bad ones.
	d, err := e.Open(read(t, "shuiwu_memo_aes256.pdf"))
	if err != nil {
		t.Fatalf("after the bad files: %v", err)
	}
	d.Close()
}

func TestScannedPage(t *testing.T) {
	e := engine(t)
	d, err := e.Open(read(t, "mixed_scan.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for i, want := range []bool{false, true} {
		p, images, err := d.Page(i)
		if err != nil {
			t.Fatal(err)
		}
		if scanned := len(p.Lines) == 0 && images; scanned != want {
			t.Errorf("page %d: %d lines, images %v; want scanned %v", i+1, len(p.Lines), images, want)
		}
	}
	img, err := d.Render(context.Background(), 1, 100)
	if err != nil {
		t.Fatal(err)
	}
	// A4 at 100 dpi is 827 × 1169 pixels; a scan has dark ink on it.
	if w, h := img.Rect.Dx(), img.Rect.Dy(); w < 820 || w > 835 || h < 1160 || h > 1175 {
		t.Errorf("rendered %d × %d; want about 827 × 1169", w, h)
	}
	dark := 0
	for _, px := range img.Pix {
		if px < 128 {
			dark++
		}
	}
	if dark < len(img.Pix)/200 {
		t.Errorf("rendered page has %d dark pixels of %d; want the scanned text", dark, len(img.Pix))
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want corpus.Date
	}{
		{"D:20240112093000+08'00'", corpus.Date{Year: 2024, Month: 1, Day: 12}},
		{"D:20240112", corpus.Date{Year: 2024, Month: 1, Day: 12}},
		{"D:202401", corpus.Date{Year: 2024, Month: 1}},
		{"D:2024", corpus.Date{Year: 2024}},
		{"20231231235959Z", corpus.Date{Year: 2023, Month: 12, Day: 31}},
		{"D:20230230", corpus.Date{}},
		{"D:20231301", corpus.Date{}},
		{"", corpus.Date{}},
		{"Tue Dec 1 2026", corpus.Date{}},
	}
	for _, tt := range tests {
		if got := parseDate(tt.in); got != tt.want {
			t.Errorf("parseDate(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}
