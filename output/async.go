package output

import (
	"sync"

	"github.com/baogao/baogao/corpus"
)

// Async runs a sink on its own goroutine behind a bounded queue, so a slow
// sink (the search index) works while the caller goes on with the next
// document. Documents reach the inner sink in the order Add received them.
//
// Concurrency: Add and Finish are called from one goroutine, as for any
// Sink; the inner sink is called from Async's goroutine only.
type Async struct {
	inner Sink
	queue chan *corpus.Document
	done  chan struct{}
	mu    sync.Mutex
	err   error // the first error of inner.Add
	once  sync.Once
	fin   error
}

// NewAsync starts the goroutine; queue bounds the documents waiting.
func NewAsync(inner Sink, queue int) *Async {
	a := &Async{inner: inner, queue: make(chan *corpus.Document, queue), done: make(chan struct{})}
	go func() {
		defer close(a.done)
		for doc := range a.queue {
			if a.failed() != nil {
				continue // drain: the run is stopping
			}
			if err := inner.Add(doc); err != nil {
				a.mu.Lock()
				a.err = err
				a.mu.Unlock()
			}
		}
	}()
	return a
}

func (a *Async) failed() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.err
}

// Add queues doc. It returns the error of an earlier Add of the inner
// sink, if any: errors surface one document late, which stops the run all
// the same.
func (a *Async) Add(doc *corpus.Document) error {
	if err := a.failed(); err != nil {
		return err
	}
	a.queue <- doc
	return nil
}

// Finish waits for the queue to drain, then finishes the inner sink. Safe
// twice.
func (a *Async) Finish() error {
	a.once.Do(func() {
		close(a.queue)
		<-a.done
		a.fin = a.inner.Finish()
		if err := a.failed(); err != nil {
			a.fin = err
		}
	})
	return a.fin
}
