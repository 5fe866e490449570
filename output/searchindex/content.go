package searchindex

import (
	"container/list"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/klauspost/compress/zstd"
)

// The content store holds the text of every document, to verify phrase
// candidates and to cut snippets: blocks of consecutive documents, each
// compressed as one zstd frame. Chinese text compresses about threefold,
// so the store costs about a third of the text; a block is read and
// decompressed whole (blockTarget bytes), and a bounded cache keeps the
// blocks of recent queries (cacheBytes).
const (
	// blockTarget is the uncompressed size at which a block is closed:
	// large enough for zstd to find the repetition of a corpus, small
	// enough that reading one document decompresses little besides it.
	blockTarget = 64 << 10
	// cacheBytes bounds the decompressed blocks a reader keeps. A corpus
	// of tens of MB of text stays in it whole once warm.
	cacheBytes = 64 << 20
)

// contentWriter appends documents' texts to the store file.
//
// Concurrency: used from one goroutine (the index Writer's).
type contentWriter struct {
	f      *os.File
	enc    *zstd.Encoder
	block  []byte
	offset int64   // bytes written to f
	blocks []int64 // file offset where each block starts, and the end last
}

func newContentWriter(path string) (*contentWriter, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(1))
	if err != nil {
		f.Close()
		return nil, err
	}
	return &contentWriter{f: f, enc: enc, blocks: []int64{0}}, nil
}

// add appends the strings of one document to the current block and
// returns where they are: the block and the offset inside it. Strings
// are stored back to back; their lengths are in the docs table.
func (w *contentWriter) add(parts ...string) (block, off uint32, err error) {
	block, off = uint32(len(w.blocks)-1), uint32(len(w.block))
	for _, p := range parts {
		w.block = append(w.block, p...)
	}
	if len(w.block) >= blockTarget {
		err = w.flush()
	}
	return block, off, err
}

func (w *contentWriter) flush() error {
	if len(w.block) == 0 {
		return nil
	}
	b := w.enc.EncodeAll(w.block, nil)
	if _, err := w.f.Write(b); err != nil {
		return err
	}
	w.offset += int64(len(b))
	w.blocks = append(w.blocks, w.offset)
	w.block = w.block[:0]
	return nil
}

// close writes the last block and closes the file; it returns the block
// offsets.
func (w *contentWriter) close() ([]int64, error) {
	err := w.flush()
	if serr := w.f.Sync(); err == nil {
		err = serr
	}
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	w.enc.Close()
	return w.blocks, err
}

// contentReader reads documents' texts from the store.
//
// Concurrency: safe for concurrent use.
type contentReader struct {
	f      *os.File
	dec    *zstd.Decoder
	blocks []int64

	mu    sync.Mutex
	cache map[uint32]*list.Element // block → element of lru, holding a *cached
	lru   *list.List               // most recent at the front
	bytes int
	limit int
}

// cached is a decompressed block, held as a string so that documents are
// substrings of it, not copies.
type cached struct {
	block uint32
	data  string
}

func openContent(path string, blocks []int64) (*contentReader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(0))
	if err != nil {
		f.Close()
		return nil, err
	}
	return &contentReader{f: f, dec: dec, blocks: blocks, cache: map[uint32]*list.Element{}, lru: list.New(), limit: cacheBytes}, nil
}

// block returns the decompressed block b, from the cache or the file.
func (r *contentReader) block(b uint32) (string, error) {
	r.mu.Lock()
	if e, ok := r.cache[b]; ok {
		r.lru.MoveToFront(e)
		data := e.Value.(*cached).data
		r.mu.Unlock()
		return data, nil
	}
	r.mu.Unlock()
	if int(b)+1 >= len(r.blocks) {
		return "", fmt.Errorf("searchindex: content block %d of %d", b, len(r.blocks)-1)
	}
	start, end := r.blocks[b], r.blocks[b+1]
	raw := make([]byte, end-start)
	if _, err := r.f.ReadAt(raw, start); err != nil && err != io.EOF {
		return "", fmt.Errorf("searchindex: content: %w", err)
	}
	dec, err := r.dec.DecodeAll(raw, nil)
	if err != nil {
		return "", fmt.Errorf("searchindex: content block %d: %w", b, err)
	}
	data := string(dec)
	r.mu.Lock()
	defer r.mu.Unlock()
	if e, ok := r.cache[b]; ok { // another goroutine read it meanwhile
		return e.Value.(*cached).data, nil
	}
	r.cache[b] = r.lru.PushFront(&cached{b, data})
	r.bytes += len(data)
	for r.bytes > r.limit && r.lru.Len() > 1 {
		last := r.lru.Back()
		c := last.Value.(*cached)
		r.lru.Remove(last)
		delete(r.cache, c.block)
		r.bytes -= len(c.data)
	}
	return data, nil
}

func (r *contentReader) close() error {
	r.dec.Close()
	return r.f.Close()
}
