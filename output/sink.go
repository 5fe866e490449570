package output

import (
	"errors"

	"github.com/baogao/baogao/corpus"
)

// Sink receives every document of a run, in input order, failed and
// skipped ones too (they carry a status).
//
// Concurrency: Add and Finish are called from one goroutine.
type Sink interface {
	// Add takes one document. An error is fatal: it stops the run.
	Add(doc *corpus.Document) error
	// Finish flushes and closes what Add wrote. It is always called,
	// also after a failure, and is safe to call twice.
	Finish() error
}

// Multi fans documents out to several sinks in order.
type Multi []Sink

// Add hands doc to every sink, stopping at the first error.
func (m Multi) Add(doc *corpus.Document) error {
	for _, s := range m {
		if err := s.Add(doc); err != nil {
			return err
		}
	}
	return nil
}

// Finish finishes every sink, also after one fails, and joins the errors.
func (m Multi) Finish() error {
	var errs []error
	for _, s := range m {
		errs = append(errs, s.Finish())
	}
	return errors.Join(errs...)
}
