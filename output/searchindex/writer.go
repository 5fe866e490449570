package searchindex

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"

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

// textOptions index the jieba fields with term vectors (phrases and
// highlights need positions and offsets) and store them for snippets.
const textOptions = index.IndexField | index.StoreField | index.IncludeTermVectors

// ErrFinished is returned by Add after Finish.
var ErrFinished = errors.New("searchindex: add after finish")

// Writer builds a new index. It implements output.Sink.
//
// Concurrency: Add and Finish are called from one goroutine; bleve
// analyses each batch on its own workers.
type Writer struct {
	dir   string
	an    Analyzer
	idx   bleve.Index
	batch *bleve.Batch
	bytes int // bytes held by the batch: text and tokens
	limit int // flush at this many bytes: maxBatchBytes
	done  bool
}

// Create makes a new index at dir, which must not exist. an cuts what the
// documents do not bring cut (their titles); its words are recorded so
// that Open cuts queries the same way.
func Create(dir string, an Analyzer) (*Writer, error) {
	// bleve would take an existing empty directory; refuse it so an index
	// never lands among other files.
	if _, err := os.Lstat(dir); err == nil {
		return nil, fmt.Errorf("searchindex: create %s: %w", dir, fs.ErrExist)
	}
	idx, err := bleve.New(dir, newMapping())
	if err != nil {
		return nil, fmt.Errorf("searchindex: create %s: %w", dir, err)
	}
	w := &Writer{dir: dir, an: an, idx: idx, batch: idx.NewBatch(), limit: maxBatchBytes}
	err = idx.SetInternal(markerKey, markerValue)
	if err == nil {
		err = w.setWords(an.Words.List())
	}
	if err != nil {
		_ = idx.Close()
		return nil, fmt.Errorf("searchindex: create %s: %w", dir, err)
	}
	return w, nil
}

// Add indexes doc under doc.ID. Skipped documents (doc.Skip != "") are not
// indexed: they have no analysed text to search. The text is indexed with
// the tokens the pipeline cut it into (doc.Tokens), the title cut here.
func (w *Writer) Add(doc *corpus.Document) error {
	if w.done {
		return ErrFinished
	}
	if doc.Skip != "" {
		return nil
	}
	d := document.NewDocument(doc.ID)
	if err := w.idx.Mapping().MapDocument(d, fields(doc)); err != nil {
		return fmt.Errorf("searchindex: add %s: %w", doc.Path, err)
	}
	toks := doc.Tokens
	if toks == nil {
		toks = w.an.Tokens(doc.Text) // a document that was not cut before
	}
	d.AddField(document.NewTextFieldCustom(FieldText, nil, []byte(doc.Text), textOptions, analyzed(toks)))
	d.AddField(document.NewTextFieldCustom(FieldTitle, nil, []byte(doc.Title), textOptions, analyzed(w.an.Tokens(doc.Title))))
	if err := w.batch.IndexAdvanced(d); err != nil {
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
