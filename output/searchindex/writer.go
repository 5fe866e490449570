package searchindex

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/blevesearch/bleve/v2"

	"github.com/baogao/baogao/corpus"
)

// maxBatchBytes bounds a batch by what it holds in memory until it is
// flushed: the documents' text and their tokens (tokenBytes each), not by
// a number of documents, so a batch of long reports costs no more than
// one of short news items. 32 MiB is some 600 KB of Chinese text with its
// tokens; bleve analyses a batch in parallel, so batches should not be
// tiny either.
const (
	maxBatchBytes = 32 << 20
	tokenBytes    = 56 // a corpus.Token and its term, as held
)

// Internal key marking an index as written by this package, with the
// version of the mapping.
var (
	markerKey   = []byte("baogao.searchindex")
	markerValue = []byte("1")
)

// ErrFinished is returned by Add after Finish.
var ErrFinished = errors.New("searchindex: add after finish")

// Writer builds a new index. It implements output.Sink.
//
// Concurrency: Add and Finish are called from one goroutine; bleve
// analyses each batch on its own workers.
type Writer struct {
	dir   string
	idx   bleve.Index
	batch *bleve.Batch
	bytes int      // bytes held by the batch: text and tokens
	limit int      // flush at this many bytes: maxBatchBytes
	texts []string // texts of the batch with tokens in pretokenized
	done  bool
}

// Create makes a new index at dir, which must not exist.
func Create(dir string) (*Writer, error) {
	if err := registered(); err != nil {
		return nil, err
	}
	// bleve would take an existing empty directory; refuse it so an index
	// never lands among other files.
	if _, err := os.Lstat(dir); err == nil {
		return nil, fmt.Errorf("searchindex: create %s: %w", dir, fs.ErrExist)
	}
	idx, err := bleve.New(dir, newMapping())
	if err != nil {
		return nil, fmt.Errorf("searchindex: create %s: %w", dir, err)
	}
	if err := idx.SetInternal(markerKey, markerValue); err != nil {
		_ = idx.Close()
		return nil, fmt.Errorf("searchindex: create %s: %w", dir, err)
	}
	return &Writer{dir: dir, idx: idx, batch: idx.NewBatch(), limit: maxBatchBytes}, nil
}

// Add indexes doc under doc.ID. Skipped documents (doc.Skip != "") are not
// indexed: they have no analysed text to search.
func (w *Writer) Add(doc *corpus.Document) error {
	if w.done {
		return ErrFinished
	}
	if doc.Skip != "" {
		return nil
	}
	if len(doc.Tokens) > 0 {
		pretokenized.put(doc.Text, doc.Tokens)
		w.texts = append(w.texts, doc.Text)
	}
	if err := w.batch.Index(doc.ID, fields(doc)); err != nil {
		return fmt.Errorf("searchindex: add %s: %w", doc.Path, err)
	}
	w.bytes += len(doc.Text) + len(doc.Title) + tokenBytes*len(doc.Tokens)
	if w.bytes >= w.limit {
		return w.flush()
	}
	return nil
}

// flush writes the pending batch to the index.
func (w *Writer) flush() error {
	if w.batch.Size() == 0 {
		return nil
	}
	defer func() {
		pretokenized.drop(w.texts)
		w.texts = w.texts[:0]
	}()
	if err := w.idx.Batch(w.batch); err != nil {
		return fmt.Errorf("searchindex: write %s: %w", w.dir, err)
	}
	w.batch.Reset()
	w.bytes = 0
	return nil
}

// Finish writes the pending documents and closes the index. It is safe to
// call twice; the second call does nothing.
func (w *Writer) Finish() error {
	if w.done {
		return nil
	}
	w.done = true
	err := w.flush()
	if cerr := w.idx.Close(); cerr != nil && err == nil {
		err = fmt.Errorf("searchindex: close %s: %w", w.dir, cerr)
	}
	return err
}
