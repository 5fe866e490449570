package output

import (
	"errors"
	"fmt"
	"testing"

	"github.com/baogao/baogao/corpus"
)

type recordSink struct {
	ids      []string
	failAt   int
	finished int
}

func (r *recordSink) Add(doc *corpus.Document) error {
	if len(r.ids) == r.failAt {
		return errors.New("disk full")
	}
	r.ids = append(r.ids, doc.ID)
	return nil
}

func (r *recordSink) Finish() error { r.finished++; return nil }

func TestAsyncKeepsOrder(t *testing.T) {
	rec := &recordSink{failAt: -1}
	a := NewAsync(rec, 4)
	for i := range 100 {
		if err := a.Add(&corpus.Document{ID: fmt.Sprint(i)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.Finish(); err != nil {
		t.Fatal(err)
	}
	if err := a.Finish(); err != nil || rec.finished != 1 {
		t.Fatalf("second Finish = %v, inner finished %d times; want nil, once", err, rec.finished)
	}
	for i, id := range rec.ids {
		if id != fmt.Sprint(i) {
			t.Fatalf("document %d reached the sink at position %d", i, i)
		}
	}
	if len(rec.ids) != 100 {
		t.Fatalf("sink got %d documents; want 100", len(rec.ids))
	}
}

func TestAsyncReportsErrors(t *testing.T) {
	rec := &recordSink{failAt: 3}
	a := NewAsync(rec, 1)
	var addErr error
	for i := 0; i < 50 && addErr == nil; i++ {
		addErr = a.Add(&corpus.Document{ID: fmt.Sprint(i)})
	}
	finErr := a.Finish()
	if finErr == nil || (addErr != nil && addErr.Error() != "disk full") {
		t.Fatalf("Add error %v, Finish error %v; want the inner error", addErr, finErr)
	}
	if len(rec.ids) != 3 {
		t.Errorf("sink took %d documents; want 3 before failing", len(rec.ids))
	}
}
