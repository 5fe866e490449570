package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/corpustest"
	"github.com/baogao/baogao/pipeline/extract/entity"
)

// BenchmarkRun measures the whole `baogao run` on the five seed reports:
// read, segment, extract, write Parquet and index. SetBytes is the size of
// the inputs, so MB/s is corpus throughput; dictionary loading is outside
// the timer (it happens once per process).
//
//	go test ./cmd/baogao -run XXX -bench Run -benchmem
func BenchmarkRun(b *testing.B) {
	seeds := corpustest.Shared(b, "seeds")
	entries, err := os.ReadDir(seeds)
	if err != nil {
		b.Fatal(err)
	}
	var size int64
	for _, e := range entries {
		if fi, err := e.Info(); err == nil {
			size += fi.Size()
		}
	}
	an, err := newAnalysis("", "", true)
	if err != nil {
		b.Fatal(err)
	}
	defer an.Close()
	for _, workers := range []int{1, 0} {
		name := "workers=1"
		if workers == 0 {
			name = "workers=all"
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				f := runFlags{Out: filepath.Join(b.TempDir(), "out"), Workers: workers, Progress: "none"}
				code, err := runWith(context.Background(), an, f, []string{seeds}, io.Discard)
				if err != nil || code != exitOK {
					b.Fatalf("run: %d, %v", code, err)
				}
			}
		})
	}
}

// BenchmarkExtractVsSegment compares, on the same news text (the first 100
// xwlb transcripts), the extract stage (repaired view, dates, numbers,
// initiatives, overlap resolution) with segmentation (jieba search mode on
// the repaired view), and with the segment stage as the run does it
// (Analyse: one tagged cut giving the search tokens and the entity tags),
// and with the entity rules on tags cut once outside the timer.
// Extraction should cost at most a third of segmentation.
//
//	go test ./cmd/baogao -run XXX -bench ExtractVsSegment -count 5
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
	an, err := newAnalysis("", "", true)
	if err != nil {
		b.Fatal(err)
	}
	defer an.Close()
	ref := corpus.Date{Year: 2022, Month: 10, Day: 1}
	tags := map[string][]corpus.Token{}
	for _, t := range texts {
		tags[t] = an.Jieba.Tag(t)
	}
	for _, c := range []struct {
		name string
		fn   func(string)
	}{
		{"segment", func(s string) { an.Jieba.SearchRepaired(s) }},
		{"extract", func(s string) { an.Extract.Extract(s, ref) }},
		{"analyse", func(s string) { an.Jieba.Analyse(s) }},
		{"entity", func(s string) { entity.Extract(s, tags[s]) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, t := range texts {
					c.fn(t)
				}
			}
		})
	}
}
