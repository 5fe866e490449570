package searchindex

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/corpustest"
	"github.com/baogao/baogao/pipeline/normalize"
)

// newsDocs returns the items of the first n xwlb transcripts as analysed
// documents: tokens and repaired view made beforehand, as the pipeline
// hands them to the index.
func newsDocs(b *testing.B, n int) ([]*corpus.Document, int64) {
	dir := corpustest.Shared(b, "xwlb")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	var docs []*corpus.Document
	var size int64
	an := testAnalyzer()
	for _, p := range paths[:min(n, len(paths))] {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		for i, item := range strings.Split(string(raw), "\n### ")[1:] {
			title, text, _ := strings.Cut(item, "\n")
			d := &corpus.Document{ID: fmt.Sprintf("%s#%d", filepath.Base(p), i), Path: p, Title: title, Text: text, Tokens: an.Tokens(text)}
			if v := normalize.Repair(text).Text; v != text {
				d.View = v
			}
			docs = append(docs, d)
			size += int64(len(text))
		}
	}
	return docs, size
}

// BenchmarkWrite indexes news items already analysed, as a run does:
// the cost of the index itself.
//
//	go test ./output/searchindex -run XXX -bench Write -benchtime 3x
func BenchmarkWrite(b *testing.B) {
	files := 100
	if v, err := strconv.Atoi(os.Getenv("BAOGAO_BENCH_FILES")); err == nil {
		files = v
	}
	docs, size := newsDocs(b, files)
	b.SetBytes(size)
	b.ReportAllocs()
	tmp := b.TempDir()
	var before, after syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &before)
	defer func() {
		syscall.Getrusage(syscall.RUSAGE_SELF, &after)
		cpu := time.Duration(after.Utime.Nano()+after.Stime.Nano()-before.Utime.Nano()-before.Stime.Nano()) / time.Duration(b.N)
		b.ReportMetric(cpu.Seconds()/(float64(size)/1e6), "cpu-s/MB")
	}()
	for i := 0; b.Loop(); i++ {
		w, err := Create(filepath.Join(tmp, fmt.Sprint(i)), testAnalyzer())
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range docs {
			if err := w.Add(d); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Finish(); err != nil {
			b.Fatal(err)
		}
	}
}
