package summary

import (
	"os"
	"path/filepath"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
)

// seedDocs loads the seed reports and gives each a number mention for
// every run of ASCII digits, roughly the density the extractors produce.
func seedDocs(b *testing.B) []*corpus.Document {
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "seeds")
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Skipf("seed corpus absent: %v", err)
	}
	var docs []*corpus.Document
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		text := string(data)
		doc := &corpus.Document{ID: e.Name(), Path: "seeds/" + e.Name(), Encoding: "utf-8", Confidence: 1,
			Size: int64(len(data)), Text: text, Date: corpus.Date{Year: 2021, Month: 7, Day: 1}, DateSource: "text"}
		for i := 0; i < len(text); {
			r, n := utf8.DecodeRuneInString(text[i:])
			if r > unicode.MaxASCII || !unicode.IsDigit(r) {
				i += n
				continue
			}
			j := i
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			doc.Mentions = append(doc.Mentions, corpus.Mention{Kind: corpus.KindNumber, Span: corpus.Span{Start: i, End: j},
				Value: text[i:j], Grain: "cardinal", Rule: "digits"})
			i = j
		}
		docs = append(docs, doc)
	}
	return docs
}

// BenchmarkWrite writes the seed reports 20 times over per iteration, so
// row groups fill as in a real run. MB/s counts document text.
func BenchmarkWrite(b *testing.B) {
	seeds := seedDocs(b)
	const copies = 20
	var textBytes, rows int64
	for _, d := range seeds {
		textBytes += int64(len(d.Text))
		rows += int64(1 + len(d.Mentions))
	}
	b.SetBytes(textBytes * copies)
	b.ReportAllocs()
	dir := b.TempDir()
	for b.Loop() {
		w, err := New(dir, Options{})
		if err != nil {
			b.Fatal(err)
		}
		for range copies {
			for _, d := range seeds {
				if err := w.Add(d); err != nil {
					b.Fatal(err)
				}
			}
		}
		if err := w.Finish(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rows*copies*int64(b.N))/b.Elapsed().Seconds(), "rows/s")
}
