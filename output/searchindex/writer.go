package searchindex

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline/normalize"
)

// Files of an index directory.
const (
	bleveDir    = "bleve"        // the postings (bleve, scorch)
	docsFile    = "docs.gob.zst" // the docs table
	contentFile = "content.zst"  // the content store
)

// maxBatchBytes bounds a bleve batch by what it holds in memory until it
// is flushed, not by a number of documents, so a batch of long reports
// costs no more than one of short news items: the terms of its fields,
// about termBytes each. bleve analyses a batch in parallel, so batches
// should not be tiny either.
const (
	maxBatchBytes = 64 << 20
	termBytes     = 48
)

// scorchConfig keeps scorch from merging segments while the index is
// built: an index is written once and merged into one segment at the end
// (Finish), so merges along the way would only write the same postings
// again (measured on 400 xwlb files: 11% less CPU without them).
var scorchConfig = map[string]interface{}{
	"scorchMergePlanOptions": map[string]interface{}{
		"MaxSegmentsPerTier": 1000, "SegmentsPerMergeTask": 10, "TierGrowth": 4.0,
		"FloorSegmentSize": 2000, "MaxSegmentSize": 5000000,
	},
}

// ErrFinished is returned by Add after Finish.
var ErrFinished = errors.New("searchindex: add after finish")

// Writer builds a new index. It implements output.Sink.
//
// Concurrency: Add and Finish are called from one goroutine; bleve
// analyses each batch on its own workers.
type Writer struct {
	dir     string
	an      Analyzer
	idx     bleve.Index
	batch   *bleve.Batch
	bytes   int // held by the batch
	limit   int // flush at this many bytes: maxBatchBytes
	content *contentWriter
	grams   *gramWriter
	docs    docTable
	names   map[string]uint32
	done    bool
}

// Create makes a new index at dir, which must not exist. an cuts what the
// documents do not bring cut (their titles, documents never analysed);
// its words are recorded so that Open cuts queries the same way.
func Create(dir string, an Analyzer) (*Writer, error) {
	// Refuse an existing directory so an index never lands among other
	// files.
	if _, err := os.Lstat(dir); err == nil {
		return nil, fmt.Errorf("searchindex: create %s: %w", dir, fs.ErrExist)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("searchindex: create %s: %w", dir, err)
	}
	idx, err := bleve.NewUsing(filepath.Join(dir, bleveDir), newMapping(), bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore, scorchConfig)
	if err != nil {
		return nil, fmt.Errorf("searchindex: create %s: %w", dir, err)
	}
	content, err := newContentWriter(filepath.Join(dir, contentFile))
	if err != nil {
		idx.Close()
		return nil, fmt.Errorf("searchindex: create %s: %w", dir, err)
	}
	w := &Writer{dir: dir, an: an, idx: idx, batch: idx.NewBatch(), limit: maxBatchBytes, content: content,
		grams: newGramWriter(filepath.Join(dir, gramsFile)), names: map[string]uint32{}}
	w.docs.Format, w.docs.Words = formatVersion, an.Words.List()
	return w, nil
}

// Add indexes doc. Skipped documents (doc.Skip != "") are not indexed:
// they have no analysed text to search. The text is indexed with the
// tokens and the repaired view the pipeline made of it (doc.Tokens,
// doc.View); a document that was not analysed is cut here.
func (w *Writer) Add(doc *corpus.Document) error {
	if w.done {
		return ErrFinished
	}
	if doc.Skip != "" {
		return nil
	}
	toks, view := doc.Tokens, doc.View
	if toks == nil {
		toks = w.an.Tokens(doc.Text)
		view = normalize.Repair(doc.Text).Text
	}
	if view == doc.Text {
		view = ""
	}
	titleToks := w.an.Tokens(doc.Title)
	ord := w.docs.add(&corpus.Document{ID: doc.ID, Path: doc.Path, Title: doc.Title, Date: doc.Date, Mentions: doc.Mentions, Tokens: toks}, corpus.Words(titleToks), w.names)
	block, off, err := w.content.add(doc.Text, view)
	if err != nil {
		return fmt.Errorf("searchindex: add %s: %w", doc.Path, err)
	}
	w.docs.Block = append(w.docs.Block, block)
	w.docs.Off = append(w.docs.Off, off)
	w.docs.TextLen = append(w.docs.TextLen, uint32(len(doc.Text)))
	w.docs.ViewLen = append(w.docs.ViewLen, uint32(len(view)))

	if view == "" {
		view = doc.Text
	}
	titleView := w.docs.TitleView[ord]
	if titleView == "" {
		titleView = doc.Title
	}
	if err := w.grams.add(fieldGrams, uint32(ord), lowerASCII(view)); err != nil {
		return fmt.Errorf("searchindex: add %s: %w", doc.Path, err)
	}
	if err := w.grams.add(fieldTitleGrams, uint32(ord), lowerASCII(titleView)); err != nil {
		return fmt.Errorf("searchindex: add %s: %w", doc.Path, err)
	}
	words, titleWords := longWords(toks), longWords(titleToks)
	d := document.NewDocument(strconv.Itoa(ord))
	d.AddField(document.NewTextFieldCustom(fieldWords, nil, nil, indexOptions, termStream(words)))
	d.AddField(document.NewTextFieldCustom(fieldTitleWords, nil, nil, indexOptions, termStream(titleWords)))
	if err := w.batch.IndexAdvanced(d); err != nil {
		return fmt.Errorf("searchindex: add %s: %w", doc.Path, err)
	}
	w.bytes += termBytes * (len(words) + len(titleWords))
	if w.bytes >= w.limit {
		return w.flush()
	}
	return nil
}

// minCertain is the length from which a string needs its stored text
// read to be verified, and so the length of the words indexed as holding
// it for certain: two characters are their gram.
const minCertain = 3

// longWords returns the distinct terms of three or more characters among
// toks (search mode: sub-words too). Terms are lower-cased (segment.Term)
// where grams lower-case ASCII only, so words with other letters of two
// cases are left out: their term would not say how the text writes them.
func longWords(toks []corpus.Token) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range toks {
		if utf8.RuneCountInString(t.Term) >= minCertain && !seen[t.Term] && caseless(t.Term) {
			seen[t.Term] = true
			out = append(out, t.Term)
		}
	}
	return out
}

// caseless reports whether s has no letters of two cases beyond ASCII.
func caseless(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf && unicode.SimpleFold(r) != r {
			return false
		}
	}
	return true
}

// merge merges the index into one segment: every segment has a
// dictionary of its own, and the gram dictionaries of several segments
// repeat most of their terms (measured: four segments of xwlb took a
// quarter more space than one). An index is written once and then only
// read, so it is merged once, at the end.
func (w *Writer) merge() error {
	adv, err := w.idx.Advanced()
	if err != nil {
		return fmt.Errorf("searchindex: merge %s: %w", w.dir, err)
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil
	}
	if err := s.ForceMerge(context.Background(), nil); err != nil {
		return fmt.Errorf("searchindex: merge %s: %w", w.dir, err)
	}
	// ForceMerge returns once the merged segment is in use, not once the
	// snapshot holding it is persisted: closed now, the index on disk
	// can still be the old segments. A batch (here of one internal value)
	// returns only when a snapshot from after it is persisted.
	if err := s.SetInternal([]byte(mergedKey), []byte("1")); err != nil {
		return fmt.Errorf("searchindex: merge %s: %w", w.dir, err)
	}
	return nil
}

// mergedKey is the internal value merge sets to wait for persistence.
const mergedKey = "baogao.merged"

// cleanup removes the segment files the merge left. Scorch deletes them
// in the background and keeps the previous snapshot's for a rollback, so
// closing right after the merge can leave them, doubling the index on
// disk. Which files the index still needs is what its last persisted
// snapshot holds: the index is opened read-only (as Open does) and asked,
// and every other segment file goes. (The newest file is not always the
// one: a merge can finish after a later segment was persisted.)
func cleanup(dir string) error {
	store := filepath.Join(dir, "store")
	zaps, err := filepath.Glob(filepath.Join(store, "*.zap"))
	if err != nil || len(zaps) < 2 {
		return err
	}
	live, err := liveSegments(dir)
	if err != nil {
		return fmt.Errorf("searchindex: clean up %s: %w", dir, err)
	}
	for _, z := range zaps {
		if live[filepath.Base(z)] {
			continue
		}
		if err := os.Remove(z); err != nil {
			return fmt.Errorf("searchindex: clean up %s: %w", dir, err)
		}
	}
	return nil
}

// liveSegments returns the base names of the segment files the last
// persisted snapshot of the closed scorch index in dir holds.
func liveSegments(dir string) (map[string]bool, error) {
	bi, err := bleve.OpenUsing(dir, map[string]interface{}{"read_only": true})
	if err != nil {
		return nil, err
	}
	defer bi.Close()
	adv, err := bi.Advanced()
	if err != nil {
		return nil, err
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil, fmt.Errorf("not a scorch index")
	}
	r, err := s.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, fmt.Errorf("scorch reader %T: not a snapshot", r)
	}
	live := map[string]bool{}
	for _, seg := range snap.Segments() {
		p, ok := seg.Segment().(interface{ Path() string })
		if !ok {
			return nil, fmt.Errorf("segment %T: not persisted", seg.Segment())
		}
		live[filepath.Base(p.Path())] = true
	}
	return live, nil
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

// Finish writes the pending documents, the content store and the docs
// table, and closes the index. It is safe to call twice; the second call
// does nothing.
func (w *Writer) Finish() error {
	if w.done {
		return nil
	}
	w.done = true
	// The gram store is independent of bleve: it is finished on a
	// goroutine of its own while bleve takes its last batch and merges
	// (about half a second each on xwlb, otherwise the run's serial tail).
	// Nothing else touches w.grams meanwhile.
	grams := make(chan error, 1)
	go func() { grams <- w.grams.finish() }()
	err := w.flush()
	if err == nil {
		err = w.merge()
	}
	if cerr := w.idx.Close(); cerr != nil && err == nil {
		err = fmt.Errorf("searchindex: close %s: %w", w.dir, cerr)
	}
	if err == nil {
		err = cleanup(filepath.Join(w.dir, bleveDir))
	}
	if gerr := <-grams; gerr != nil && err == nil {
		err = fmt.Errorf("searchindex: grams %s: %w", w.dir, gerr)
	}
	blocks, cerr := w.content.close()
	if cerr != nil && err == nil {
		err = fmt.Errorf("searchindex: content %s: %w", w.dir, cerr)
	}
	if err != nil {
		return err
	}
	w.docs.Blocks = blocks
	if err := writeDocs(filepath.Join(w.dir, docsFile), &w.docs); err != nil {
		return fmt.Errorf("searchindex: docs %s: %w", w.dir, err)
	}
	return nil
}
