package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/baogao/baogao/corpus"
)

// stageFunc adapts a function to Stage.
type stageFunc func(doc *corpus.Document) error

func (stageFunc) Name() string { return "test" }
func (f stageFunc) Process(_ context.Context, doc *corpus.Document) error {
	return f(doc)
}

func source(n int) Source {
	return func(ctx context.Context, emit func(*corpus.Document) error) error {
		for i := range n {
			if err := emit(&corpus.Document{ID: fmt.Sprint(i), Path: fmt.Sprintf("d%03d.txt", i), Text: strings.Repeat("字", i%7+1)}); err != nil {
				return err
			}
		}
		return nil
	}
}

// TestRunnerOrder: documents reach the consumer in input order whatever
// order the workers finish them in.
func TestRunnerOrder(t *testing.T) {
	slow := stageFunc(func(doc *corpus.Document) error {
		time.Sleep(time.Duration(len(doc.Text)%3) * time.Millisecond)
		return nil
	})
	for _, workers := range []int{1, 4} {
		var got []string
		r := NewRunner([]Stage{slow}, RunnerOptions{Workers: workers})
		st, err := r.Run(context.Background(), source(50), func(d *corpus.Document) error {
			got = append(got, d.ID)
			return nil
		})
		if err != nil || st.Documents != 50 {
			t.Fatalf("workers=%d: Run = %+v, %v", workers, st, err)
		}
		for i, id := range got {
			if id != fmt.Sprint(i) {
				t.Fatalf("workers=%d: document %d arrived at position %d", workers, i, i)
			}
		}
	}
}

// TestRunnerProblems: a stage error and a panic become Problems of their
// document, the run goes on, and -fail-fast's ProblemFunc stops it.
func TestRunnerProblems(t *testing.T) {
	flaky := stageFunc(func(doc *corpus.Document) error {
		switch doc.ID {
		case "3":
			return errors.New("bad segment")
		case "5":
			panic("extractor bug")
		}
		return nil
	})
	var seen []*corpus.Document
	st, err := NewRunner([]Stage{flaky}, RunnerOptions{Workers: 2}).Run(context.Background(), source(8), func(d *corpus.Document) error {
		seen = append(seen, d)
		return nil
	})
	if err != nil || len(seen) != 8 || st.Problems != 2 {
		t.Fatalf("Run = %+v, %v, %d documents; want 8 documents, 2 problems", st, err, len(seen))
	}
	if p := seen[5].Problems; len(p) != 1 || !strings.Contains(p[0].Error(), "panic: extractor bug") {
		t.Errorf("panic problem = %v", p)
	}
	if seen[3].Status() != corpus.StatusPartial || seen[4].Status() != corpus.StatusOK {
		t.Errorf("statuses = %s, %s; want partial, ok", seen[3].Status(), seen[4].Status())
	}

	stop := errors.New("fail fast")
	_, err = NewRunner([]Stage{flaky}, RunnerOptions{Workers: 2, OnProblem: func(*corpus.Document, corpus.Problem) error { return stop }}).
		Run(context.Background(), source(8), func(*corpus.Document) error { return nil })
	if !errors.Is(err, stop) {
		t.Errorf("Run with a failing ProblemFunc = %v; want %v", err, stop)
	}
}

func TestRunnerCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	_, err := NewRunner(nil, RunnerOptions{Workers: 2}).Run(ctx, source(1000), func(*corpus.Document) error {
		if n++; n == 10 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || n > 100 {
		t.Errorf("Run after cancel = %v after %d documents; want context.Canceled soon", err, n)
	}
}

// TestRunnerWindow: a slow first document holds back at most a window of
// finished documents, by count and by bytes, and the run still delivers
// every document in order.
func TestRunnerWindow(t *testing.T) {
	tests := []struct {
		name        string
		opts        RunnerOptions
		size        int // text bytes per document
		maxInFlight int64
	}{
		{"documents", RunnerOptions{Workers: 2, Window: 8}, 10, 8 + 1},
		{"bytes", RunnerOptions{Workers: 2, Window: 1000, WindowBytes: 4 << 20}, 1 << 20, 4 + 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var emitted, seenAtRelease atomic.Int64
			text := strings.Repeat("a", tt.size)
			src := func(ctx context.Context, emit func(*corpus.Document) error) error {
				for i := range 2000 {
					emitted.Add(1)
					if err := emit(&corpus.Document{ID: fmt.Sprint(i), Path: fmt.Sprint(i), Text: text}); err != nil {
						return err
					}
				}
				return nil
			}
			slowFirst := stageFunc(func(doc *corpus.Document) error {
				if doc.ID == "0" {
					time.Sleep(300 * time.Millisecond)
					seenAtRelease.Store(emitted.Load())
				}
				return nil
			})
			n := 0
			st, err := NewRunner([]Stage{slowFirst}, tt.opts).Run(context.Background(), src, func(d *corpus.Document) error {
				if d.ID != fmt.Sprint(n) {
					t.Fatalf("document %s delivered at position %d", d.ID, n)
				}
				n++
				return nil
			})
			if err != nil || st.Documents != 2000 {
				t.Fatalf("Run = %+v, %v; want 2000 documents", st, err)
			}
			if got := seenAtRelease.Load(); got > tt.maxInFlight {
				t.Errorf("while document 0 was being analysed the source emitted %d documents; want at most %d", got, tt.maxInFlight)
			}
		})
	}
}
