// compare measures PDF text extractors on PDFs whose source text is known:
// two pure Go readers, PDFium through go-pdfium's WebAssembly build,
// poppler's pdftotext, and baogao's own reader (PDFium plus package layout
// and normalize.UnwrapLines), which also drops running headers, footers
// and page numbers.
//
//	go run . -want ../want PDF...
//
// For each PDF x.pdf (or x_suffix.pdf) it reads WANT/x.txt, the text as
// written, and prints a Markdown table: per extractor, the share of the
// wanted characters found and of the found characters wanted (as
// multisets, white space removed), the in-order share (longest common
// subsequence / wanted), the character error rate (edit distance /
// wanted) and the milliseconds per file (mean of -n runs, after one
// warm-up run; PDFium's start-up is printed apart).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	dslipak "github.com/dslipak/pdf"
	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	ledong "github.com/ledongthuc/pdf"

	bpdf "github.com/baogao/baogao/corpus/format/pdf"
	"github.com/baogao/baogao/pipeline"
)

type extractor struct {
	name string
	run  func(path string, b []byte) (string, error)
}

func main() {
	wantDir := flag.String("want", "want", "directory of the source texts")
	reps := flag.Int("n", 3, "repetitions for timing")
	ocr := flag.Bool("ocr", false, "let baogao's reader OCR scanned pages and images (tesseract)")
	flag.Parse()

	t0 := time.Now()
	pool, err := webassembly.Init(webassembly.Config{MinIdle: 1, MaxIdle: 1, MaxTotal: 1})
	if err != nil {
		panic(err)
	}
	inst, err := pool.GetInstance(time.Minute)
	if err != nil {
		panic(err)
	}
	fmt.Printf("pdfium wasm init: %v\n\n", time.Since(t0).Round(time.Millisecond))
	eng := bpdf.New(bpdf.Options{})
	defer eng.Close()

	exs := []extractor{
		{"ledongthuc/pdf (pure Go) GetPlainText", func(_ string, b []byte) (string, error) { return ledongPlain(b) }},
		{"ledongthuc/pdf (pure Go) rows", func(_ string, b []byte) (string, error) { return ledongRows(b) }},
		{"dslipak/pdf (pure Go) GetPlainText", func(_ string, b []byte) (string, error) { return dslipakPlain(b) }},
		{"go-pdfium v1.21.4 wasm GetPageText", func(_ string, b []byte) (string, error) { return pdfiumText(inst, b) }},
		{"pdftotext 22.12 (poppler)", func(p string, _ []byte) (string, error) { return popplerText(p, false) }},
		{"pdftotext -layout", func(p string, _ []byte) (string, error) { return popplerText(p, true) }},
		{"baogao (PDFium + layout + UnwrapLines)", func(p string, b []byte) (string, error) { return baogaoText(eng, p, b, *ocr) }},
	}
	fmt.Println("| file | extractor | recall | precision | in order | CER | ms/file |")
	fmt.Println("|---|---|---|---|---|---|---|")
	for _, p := range flag.Args() {
		b, err := os.ReadFile(p)
		if err != nil {
			panic(err)
		}
		base := strings.TrimSuffix(filepath.Base(p), ".pdf")
		wb, err := os.ReadFile(filepath.Join(*wantDir, base+".txt"))
		if err != nil {
			stem, _, _ := strings.Cut(base, "_")
			matches, _ := filepath.Glob(filepath.Join(*wantDir, stem+"_*.txt"))
			if len(matches) == 1 {
				wb, _ = os.ReadFile(matches[0])
			}
		}
		want := []rune(squeeze(string(wb)))
		for _, ex := range exs {
			var got string
			var err error
			safe(func() (string, error) { return ex.run(p, b) }) // warm-up
			start := time.Now()
			for i := 0; i < *reps; i++ {
				got, err = safe(func() (string, error) { return ex.run(p, b) })
			}
			el := time.Since(start) / time.Duration(*reps)
			if err != nil {
				fmt.Printf("| %s | %s | error: %.60s | | | | %d |\n", base, ex.name, err, el.Milliseconds())
				continue
			}
			g := []rune(squeeze(got))
			if len(want) == 0 {
				fmt.Printf("| %s | %s | (no want) %d chars | | | | %d |\n", base, ex.name, len(g), el.Milliseconds())
				continue
			}
			inter := bag(g, want)
			fmt.Printf("| %s | %s | %.3f | %.3f | %.3f | %.3f | %d |\n", base, ex.name,
				float64(inter)/float64(len(want)), float64(inter)/float64(max(len(g), 1)),
				float64(lcs(g, want))/float64(len(want)), float64(edit(g, want))/float64(len(want)), el.Milliseconds())
		}
	}
}

func safe(f func() (string, error)) (s string, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return f()
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func bag(a, b []rune) int {
	m := map[rune]int{}
	for _, r := range b {
		m[r]++
	}
	n := 0
	for _, r := range a {
		if m[r] > 0 {
			m[r]--
			n++
		}
	}
	return n
}

func lcs(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				cur[j] = prev[j-1] + 1
			} else {
				cur[j] = max(prev[j], cur[j-1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func edit(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func ledongPlain(b []byte) (string, error) {
	r, err := ledong.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return "", err
	}
	rd, err := r.GetPlainText()
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	buf.ReadFrom(rd)
	return buf.String(), nil
}

func ledongRows(b []byte) (string, error) {
	r, err := ledong.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return "", err
	}
	var sb strings.Builder
	for i := 1; i <= r.NumPage(); i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		rows, err := p.GetTextByRow()
		if err != nil {
			return "", err
		}
		for _, row := range rows {
			for _, w := range row.Content {
				sb.WriteString(w.S)
			}
			sb.WriteByte('\n')
		}
	}
	return sb.String(), nil
}

func dslipakPlain(b []byte) (string, error) {
	r, err := dslipak.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return "", err
	}
	rd, err := r.GetPlainText()
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	buf.ReadFrom(rd)
	return buf.String(), nil
}

func pdfiumText(inst pdfium.Pdfium, b []byte) (string, error) {
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &b})
	if err != nil {
		return "", err
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	n, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return "", err
	}
	var sb strings.Builder
	for i := 0; i < n.PageCount; i++ {
		t, err := inst.GetPageText(&requests.GetPageText{Page: requests.Page{ByIndex: &requests.PageByIndex{Document: doc.Document, Index: i}}})
		if err != nil {
			return "", err
		}
		sb.WriteString(t.Text)
		sb.WriteByte('\n')
	}
	return sb.String(), nil
}

func baogaoText(eng *bpdf.Engine, p string, b []byte, ocr bool) (string, error) {
	docs := pipeline.ReadBytes(p, b, pipeline.ReadOptions{PDF: eng, OCR: ocr})
	if len(docs) != 1 || docs[0].Skip != "" {
		return "", fmt.Errorf("%v", docs[0].Problems)
	}
	return docs[0].Text, nil
}

func popplerText(p string, layout bool) (string, error) {
	args := []string{"-enc", "UTF-8"}
	if layout {
		args = append(args, "-layout")
	}
	out, err := exec.Command("pdftotext", append(args, p, "-")...).Output()
	return string(out), err
}
