package output

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

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

// Options configures a Writer. The zero value writes the single-file
// tables and the index.
type Options struct {
	// Partition, when not "", also writes the documents, mentions and
	// problems tables as hive-style partitioned datasets in directories
	// of their own (summary.Partition; "year" is the one partitioning),
	// beside the single-file tables, before publishing.
	Partition string
}

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
	opts   Options
	done   bool
}

// NewWriter prepares the outputs of a run for out, which must have passed
// CheckTarget. an cuts as the run does (its segmenter and kept words); the
// index records the words so that queries are cut the same way.
func NewWriter(out string, an searchindex.Analyzer, opts Options) (*Writer, error) {
	if opts.Partition != "" && !slices.Contains(summary.Partitionings(), opts.Partition) {
		return nil, fmt.Errorf("output: partition %q: unknown; one of %s", opts.Partition, strings.Join(summary.Partitionings(), ", "))
	}
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
	return &Writer{stage: stage, Tables: tables, index: index, sinks: Multi{NewAsync(index, indexQueue), tables}, opts: opts}, nil
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

// Publish finishes the outputs, writes the partitioned tables when
// Options.Partition asks for them, writes the manifest and makes the
// staging directory the output directory (see Staging.Publish). m's
// counts are completed with the tables' row counts, its problems with
// their reasons, its Partition with Options.Partition, and its seconds
// with "partition", which "wall" (when m has one) grows by: the
// partitioned tables are written from the finished single-file ones,
// after the run has timed itself.
func (w *Writer) Publish(m *Manifest) error {
	if err := w.Finish(); err != nil {
		return err
	}
	if w.opts.Partition != "" {
		start := time.Now()
		counts, err := summary.Partition(w.stage.Dir, w.opts.Partition, summary.Options{})
		if err != nil {
			return err
		}
		tables := w.Tables.Counts()
		for k, n := range counts {
			if n != tables[k] {
				return fmt.Errorf("output: partition: %d rows of %s copied; the table has %d", n, k, tables[k])
			}
		}
		if m.Seconds == nil {
			m.Seconds = map[string]float64{}
		}
		d := time.Since(start).Seconds()
		m.Seconds["partition"] = d
		if _, ok := m.Seconds["wall"]; ok {
			m.Seconds["wall"] += d
		}
		m.Partition = w.opts.Partition
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
