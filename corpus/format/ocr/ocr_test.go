package ocr

import (
	"context"
	"errors"
	"image"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baogao/baogao/corpus/format/layout"
)

// needTesseract skips a test when tesseract with chi_sim is missing,
// unless BAOGAO_REQUIRE_OCR is set (CI sets it: there OCR is tested for
// real, never skipped).
func needTesseract(t *testing.T) *Tesseract {
	t.Helper()
	ts := New(Options{})
	if err := ts.Check(context.Background()); err != nil {
		if os.Getenv("BAOGAO_REQUIRE_OCR") != "" {
			t.Fatalf("BAOGAO_REQUIRE_OCR is set: %v", err)
		}
		t.Skipf("no OCR here: %v", err)
	}
	return ts
}

func TestPage(t *testing.T) {
	ts := needTesseract(t)
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "published", "beiyuan_scan.png"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := ts.Page(context.Background(), b, 0)
	if err != nil {
		t.Fatal(err)
	}
	// The scan is A4 at 200 dpi: 1654 pixels wide, taken as 595 points.
	if p.Width < 590 || p.Width > 600 || p.Height < 835 || p.Height > 850 {
		t.Errorf("page %v × %v points; want A4, 595 × 842", p.Width, p.Height)
	}
	var text strings.Builder
	ps := layout.NewPages(func(_ int, s string) { text.WriteString(s) })
	ps.Add(p)
	ps.Close()
	got := strings.NewReplacer("\n", "", "\u3000", "").Replace(text.String())
	// OCR misreads some characters; these phrases it reads reliably on
	// this scan, numbers included.
	for _, want := range []string{"北园镇卫生院", "本季度门诊接诊患者1.56万人次", "建档率达到91.6%", "8月20日"} {
		if !strings.Contains(got, want) {
			t.Errorf("OCR text lacks %q:\n%s", want, text.String())
		}
	}
}

func TestCheckMissing(t *testing.T) {
	err := New(Options{Path: filepath.Join(t.TempDir(), "tesseract")}).Check(context.Background())
	if !errors.Is(err, ErrMissing) || !strings.Contains(err.Error(), "apt-get install tesseract-ocr tesseract-ocr-chi-sim") {
		t.Errorf("Check() = %v; want ErrMissing saying what to install", err)
	}
	if _, err := exec.LookPath("tesseract"); err != nil {
		return
	}
	err = New(Options{Lang: "xqz"}).Check(context.Background())
	if !errors.Is(err, ErrMissing) || !strings.Contains(err.Error(), "no xqz language data") {
		t.Errorf("Check() with an unknown language = %v; want ErrMissing naming it", err)
	}
}

func TestParseTSV(t *testing.T) {
	// Two lines of a 300 dpi page: a Chinese line read as single
	// characters and words, and a Latin one.
	tsv := strings.Join([]string{
		"level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
		"1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t",
		"4\t1\t1\t1\t1\t0\t300\t400\t900\t50\t-1\t",
		"5\t1\t1\t1\t1\t1\t300\t402\t50\t46\t95\t门诊",
		"5\t1\t1\t1\t1\t2\t360\t400\t45\t50\t93\t量",
		"5\t1\t1\t1\t1\t3\t415\t405\t90\t40\t91\t48.6",
		"5\t1\t1\t1\t1\t4\t515\t401\t48\t48\t90\t万",
		"4\t1\t1\t1\t2\t0\t300\t480\t600\t50\t-1\t",
		"5\t1\t1\t1\t2\t1\t300\t480\t150\t50\t88\tPage",
		"5\t1\t1\t1\t2\t2\t480\t480\t60\t50\t88\t3",
		"5\t1\t1\t1\t2\t3\t560\t480\t60\t50\t10\t ",
	}, "\n")
	p, err := parseTSV([]byte(tsv), 300)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(p.Width-2480*72.0/300) > 1e-9 || len(p.Lines) != 2 {
		t.Fatalf("page width %v, %d lines; want %v, 2", p.Width, len(p.Lines), 2480*72.0/300)
	}
	if p.Lines[0].Text != "门诊量48.6万" || p.Lines[1].Text != "Page 3" {
		t.Errorf("lines %q, %q; want 门诊量48.6万, Page 3", p.Lines[0].Text, p.Lines[1].Text)
	}
	if b := p.Lines[0].Box; math.Abs(b.Y0-400*72.0/300) > 1e-9 || math.Abs(b.Y1-450*72.0/300) > 1e-9 {
		t.Errorf("line box %v; want the line's height, not the words'", b)
	}
	if _, err := parseTSV([]byte("5\t1\tx\t1\t1\t1\t0\t0\t1\t1\t9\t字"), 0); err == nil {
		t.Error("parseTSV(garbage) = nil error")
	}
}

func TestPNM(t *testing.T) {
	g := image.NewGray(image.Rect(0, 0, 3, 2))
	g.Stride = 3
	copy(g.Pix, []byte{0, 128, 255, 1, 2, 3})
	want := "P5\n3 2\n255\n\x00\x80\xff\x01\x02\x03"
	if got := string(PNM(g)); got != want {
		t.Errorf("PNM = %q; want %q", got, want)
	}
}
