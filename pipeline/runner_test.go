package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"
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
		r := New([]Stage{slow}, Options{Workers: workers})
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
	st, err := New([]Stage{flaky}, Options{Workers: 2}).Run(context.Background(), source(8), func(d *corpus.Document) error {
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
	_, err = New([]Stage{flaky}, Options{Workers: 2, OnProblem: func(*corpus.Document, corpus.Problem) error { return stop }}).
		Run(context.Background(), source(8), func(*corpus.Document) error { return nil })
	if !errors.Is(err, stop) {
		t.Errorf("Run with a failing ProblemFunc = %v; want %v", err, stop)
	}
}

func TestRunnerCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	_, err := New(nil, Options{Workers: 2}).Run(ctx, source(1000), func(*corpus.Document) error {
		if n++; n == 10 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || n > 100 {
		t.Errorf("Run after cancel = %v after %d documents; want context.Canceled soon", err, n)
	}
}
