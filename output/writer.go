package output

import (
	"path/filepath"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/output/searchindex"
	"github.com/baogao/baogao/output/summary"
)

// IndexDir is the search index's directory inside an output directory.
const IndexDir = "index"

// indexQueue bounds the documents waiting for the index, which builds on
// its own goroutine: enough to keep it busy while the tables are written,
// few enough that their tokens stay a small part of the memory.
const indexQueue = 16

// Writer writes the outputs of one run (the Parquet tables and the search
// index) into a staging directory beside the output directory, and
// publishes them whole. It is the run's Sink.
//
// Concurrency: Add and Finish are called from one goroutine, as for any
// Sink; the index builds on a goroutine of its own.
type Writer struct {
	stage  *Staging
	Tables *summary.Writer
	index  *searchindex.Writer
	sinks  Multi
	done   bool
}

// NewWriter prepares the outputs of a run for out, which must have passed
// CheckTarget. an cuts as the run does (its segmenter and kept words); the
// index records the words so that queries are cut the same way.
func NewWriter(out string, an searchindex.Analyzer) (*Writer, error) {
	stage, err := NewStaging(out)
	if err != nil {
		return nil, err
	}
	tables, err := summary.New(stage.Dir, summary.Options{})
	if err != nil {
		stage.Discard()
		return nil, err
	}
	index, err := searchindex.Create(filepath.Join(stage.Dir, IndexDir), an)
	if err != nil {
		tables.Finish()
		stage.Discard()
		return nil, err
	}
	return &Writer{stage: stage, Tables: tables, index: index, sinks: Multi{NewAsync(index, indexQueue), tables}}, nil
}

// Add implements Sink.
func (w *Writer) Add(doc *corpus.Document) error { return w.sinks.Add(doc) }

// Finish implements Sink: it completes the tables and the index in the
// staging directory. Nothing is published yet.
func (w *Writer) Finish() error {
	if w.done {
		return nil
	}
	w.done = true
	return w.sinks.Finish()
}

// Publish finishes the outputs, writes the manifest and makes the staging
// directory the output directory (see Staging.Publish). m's counts are
// completed with the tables' row counts and its problems with their
// reasons.
func (w *Writer) Publish(m *Manifest) error {
	if err := w.Finish(); err != nil {
		return err
	}
	if m.Counts == nil {
		m.Counts = map[string]int64{}
	}
	for k, v := range w.Tables.Counts() {
		m.Counts[k] = v
	}
	m.Problems = w.Tables.Reasons()
	if err := WriteManifest(w.stage.Dir, m); err != nil {
		return err
	}
	return w.stage.Publish()
}

// Discard drops what was written; the published outputs stay as they were.
// Safe after Publish.
func (w *Writer) Discard() error {
	w.Finish()
	return w.stage.Discard()
}
