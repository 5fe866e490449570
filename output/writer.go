package output

import (
	"fmt"
	"os"
	"path/filepath"
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

// Writer writes the outputs of one run (the Parquet tables and the search
// index) into a staging directory beside the output directory, and
// publishes them whole. It is the run's Sink.
//
// A run that carries documents from earlier outputs (an incremental run,
// a merge) names them as Sources: documents with From set take their
// rows from there, and the index keeps those outputs' index parts for
// them (searchindex.Parts) beside a part of its own for the documents
// analysed.
//
// Concurrency: Add and Finish are called from one goroutine, as for any
// Sink; the index builds on a goroutine of its own.
type Writer struct {
	stage   *Staging
	Tables  *summary.Writer
	index   *searchindex.Writer
	sinks   Multi
	opts    WriterOptions
	words   []string
	sources map[string]*source
	order   []*source
	fresh   string // the index part of the documents analysed, "" without sources
	added   int    // documents the fresh part got
	done    bool
}

// source is an earlier output documents are carried from.
type source struct {
	dir     string
	rows    *summary.Reader
	parts   []searchindex.Part
	ids     [][]string // the documents of each part
	carried map[string]bool
}

// WriterOptions configures NewWriter. The zero value writes the
// single-file tables and the index of a run from nothing.
type WriterOptions struct {
	// Sources are earlier outputs documents may be carried from
	// (corpus.Document.From names one of them).
	Sources []string
	// Partition, when not "", also writes the documents, mentions and
	// problems tables as hive-style partitioned datasets in directories
	// of their own (summary.Partition; "year" is the one partitioning),
	// beside the single-file tables, before publishing.
	Partition string
}

// NewWriter prepares the outputs of a run for out, which must have passed
// CheckTarget. an cuts as the run does (its segmenter and kept words); the
// index records the words so that queries are cut the same way.
func NewWriter(out string, an searchindex.Analyzer, opts WriterOptions) (*Writer, error) {
	if opts.Partition != "" {
		if err := summary.CheckPartitioning(opts.Partition); err != nil {
			return nil, fmt.Errorf("output: %w", err)
		}
	}
	stage, err := NewStaging(out)
	if err != nil {
		return nil, err
	}
	w := &Writer{stage: stage, opts: opts, words: an.Words.List(), sources: map[string]*source{}}
	fail := func(err error) (*Writer, error) {
		w.closeSources()
		if w.Tables != nil {
			w.Tables.Finish()
		}
		stage.Discard()
		return nil, err
	}
	nparts := 0
	for _, dir := range opts.Sources {
		src := &source{dir: dir, carried: map[string]bool{}}
		w.sources[dir], w.order = src, append(w.order, src)
		if src.rows, err = summary.OpenReader(dir); err != nil {
			return fail(err)
		}
		if src.parts, src.ids, err = searchindex.PartsOf(filepath.Join(dir, IndexDir)); err != nil {
			return fail(err)
		}
		nparts += len(src.parts)
	}
	if w.Tables, err = summary.New(stage.Dir, summary.Options{Carrying: len(opts.Sources) > 0}); err != nil {
		return fail(err)
	}
	ixDir := filepath.Join(stage.Dir, IndexDir)
	if len(opts.Sources) > 0 {
		w.fresh = partName(nparts)
		ixDir = filepath.Join(ixDir, w.fresh)
	}
	if w.index, err = searchindex.Create(ixDir, an); err != nil {
		return fail(err)
	}
	w.sinks = Multi{NewAsync(w.index, indexQueue), w.Tables}
	return w, nil
}

// partName names the index part i of a run's index.
func partName(i int) string { return fmt.Sprintf("p%04d", i+1) }

// Add implements Sink.
func (w *Writer) Add(doc *corpus.Document) error {
	if doc.From == "" {
		if doc.Skip == "" {
			w.added++
		}
		return w.sinks.Add(doc)
	}
	src := w.sources[doc.From]
	if src == nil {
		return fmt.Errorf("output: document %s carried from %s, not a source of the run", doc.ID, doc.From)
	}
	rows, err := src.rows.Rows(doc.ID)
	if err != nil {
		return err
	}
	src.carried[doc.ID] = true
	return w.Tables.AddCarried(doc, rows)
}

// Finish implements Sink: it completes the tables and the index in the
// staging directory. Nothing is published yet.
func (w *Writer) Finish() error {
	if w.done {
		return nil
	}
	w.done = true
	err := w.sinks.Finish()
	if err == nil && w.fresh != "" {
		err = w.linkParts()
	}
	w.closeSources()
	return err
}

// linkParts makes the index of a run with sources: the parts of the
// sources that hold carried documents, those left out listed as deleted,
// and the run's own part when it analysed any.
func (w *Writer) linkParts() error {
	ixDir := filepath.Join(w.stage.Dir, IndexDir)
	var ps searchindex.Parts
	n := 0
	for _, src := range w.order {
		srcIx := filepath.Join(src.dir, IndexDir)
		for i, p := range src.parts {
			gone := map[string]bool{}
			for _, id := range p.Deleted {
				gone[id] = true
			}
			var deleted []string
			live := 0
			for _, id := range src.ids[i] {
				if !gone[id] && src.carried[id] {
					live++
				} else {
					deleted = append(deleted, id)
				}
			}
			if live == 0 {
				continue
			}
			name := partName(n)
			n++
			if err := searchindex.LinkPart(filepath.Join(srcIx, p.Dir), filepath.Join(ixDir, name), w.words); err != nil {
				return err
			}
			ps.Parts = append(ps.Parts, searchindex.Part{Dir: name, Deleted: deleted})
		}
	}
	fresh := filepath.Join(ixDir, w.fresh)
	if w.added == 0 {
		if err := os.RemoveAll(fresh); err != nil { // made by this run, in its staging directory
			return err
		}
	} else {
		name := partName(n)
		if name != w.fresh {
			if err := os.Rename(fresh, filepath.Join(ixDir, name)); err != nil {
				return err
			}
		}
		ps.Parts = append(ps.Parts, searchindex.Part{Dir: name})
	}
	return searchindex.WriteParts(ixDir, &ps)
}

func (w *Writer) closeSources() {
	for _, src := range w.order {
		if src.rows != nil {
			src.rows.Close()
			src.rows = nil
		}
	}
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
