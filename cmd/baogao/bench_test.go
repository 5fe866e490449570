package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/baogao/baogao/corpus/corpustest"
	"github.com/baogao/baogao/pipeline"
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
	for _, workers := range []int{1, 0} {
		name := "workers=1"
		if workers == 0 {
			name = "workers=all"
		}
		e, err := pipeline.New(pipeline.Options{Workers: workers, Learn: true})
		if err != nil {
			b.Fatal(err)
		}
		defer e.Close()
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				f := runFlags{Out: filepath.Join(b.TempDir(), "out"), Progress: "none"}
				code, err := runWith(context.Background(), e, f, []string{seeds}, time.Now(), io.Discard)
				if err != nil || code != exitOK {
					b.Fatalf("run: %d, %v", code, err)
				}
			}
		})
	}
}
