package pipeline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/corpustest"
	"github.com/baogao/baogao/pipeline/extract"
	"github.com/baogao/baogao/pipeline/normalize"
)

// BenchmarkExtractVsSegment compares, on the same news text (the first 100
// xwlb transcripts), the parts of Analyze: the repaired view, the one
// jieba cut (search tokens and tags), and the extractors with overlap
// resolution on that view with its tags. Extraction should cost at most a
// third of segmentation.
//
//	go test ./pipeline -run XXX -bench ExtractVsSegment -count 5
func BenchmarkExtractVsSegment(b *testing.B) {
	dir := corpustest.Shared(b, "xwlb")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	var texts []string
	var size int64
	for _, p := range paths[:min(100, len(paths))] {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(raw))
		size += int64(len(raw))
	}
	e, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	ref := corpus.Date{Year: 2022, Month: 10, Day: 1}
	views := make([]*normalize.View, len(texts))
	inputs := make([]*extract.Input, len(texts))
	for i, t := range texts {
		views[i] = normalize.Repair(t)
		_, tags := e.jieba.Cut(views[i].Text, e.words)
		inputs[i] = &extract.Input{Text: views[i].Text, Ref: ref, Tags: tags}
	}
	for _, c := range []struct {
		name string
		fn   func(i int)
	}{
		{"repair", func(i int) { normalize.Repair(texts[i]) }},
		{"segment", func(i int) { e.jieba.Cut(views[i].Text, e.words) }},
		{"extract", func(i int) { e.set.Mentions(texts[i], views[i], inputs[i]) }},
		{"analyze", func(i int) { e.Analyze(&corpus.Document{Text: texts[i], Date: ref}) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for i := range texts {
					c.fn(i)
				}
			}
		})
	}
}
