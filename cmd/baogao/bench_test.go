package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
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

// TestBench runs `baogao bench -runs 2` as a user does: both processes
// measured, the table and the ratio printed. Each repetition of the run
// writes outputs of its own: over the previous repetition's it would find
// them up to date and measure nothing.
func TestBench(t *testing.T) {
	r := runBinary(t, bin, nil, "bench", "-runs", "2", "-workers", "1", sample)
	if r.code != exitOK {
		t.Fatalf("bench: exit %d\n%s", r.code, r.stderr)
	}
	for _, want := range []string{"segmentation (gojieba search mode)", "baogao run", "peak RSS", "run / segmentation throughput:"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("bench output lacks %q:\n%s", want, r.stdout)
		}
	}
	tmp := t.TempDir()
	run := benchJobs(tmp, nil, []string{sample})[1]
	seen := map[string]bool{}
	for rep := range 3 {
		args := run.args(rep)
		i := slices.Index(args, "-out")
		if i < 0 || i+1 == len(args) {
			t.Fatalf("repetition %d: no -out in %q", rep, args)
		}
		out := args[i+1]
		if seen[out] || filepath.Dir(out) != tmp {
			t.Errorf("repetition %d writes %s, not a directory of its own under %s", rep, out, tmp)
		}
		seen[out] = true
	}
}
