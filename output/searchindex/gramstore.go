package searchindex

import (
	"bufio"
	"bytes"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/mmap-go"
	"github.com/blevesearch/vellum"
)

// The gram store holds the postings of the gram fields (grams.go): for
// each gram of a field, the ordinals of the documents that hold it, as a
// roaring bitmap, found through a vellum FST. Grams need no more than
// that (no frequencies, positions or stored values), and they are about
// one term per character of text: written through bleve, building and
// merging zap segments of them made the index cost 13.4 CPU-s on xwlb
// (whole files), against 3.9 CPU-s with this store, and 9.0 for the
// jieba words with term vectors that came before both. Here a document's
// grams are appended to in-memory lists, spilled to sorted runs when the
// lists grow past a bound, and merged once into the file.
//
// File layout: the bitmaps (roaring's portable format) one after the
// other; the FST, whose value for a key is the bitmap's offset<<24 | its
// length; then the FST's offset (8 bytes, little-endian) and gramMagic.
// A key is the field's byte (gramFieldByte) followed by the gram.
const (
	gramsFile = "grams"
	gramMagic = "bggrams1"
	// gramLenBits bound a bitmap's length (16 MiB: some 130 million
	// documents in bitmap containers) and leave 40 bits of offset.
	gramLenBits = 24
	// gramSpillPairs is how many (gram, document) pairs the lists hold
	// before they are written to a run: 8 bytes each, and as many again
	// while they are sorted, some 64 MB.
	gramSpillPairs = 4 << 20
	// gramOrdBits hold a pair's document: its ordinal counted from the
	// first of the lists in memory (gramWriter.base). A gram key takes the
	// 42 bits above them.
	gramOrdBits = 22
)

// gramFieldByte is the key prefix of each gram field.
var gramFieldByte = map[string]byte{fieldGrams: 1, fieldTitleGrams: 2}

// gramLists are the postings of one field gathered in memory, one number
// per (gram, document) pair: the gram's key (gramKey) above the
// document's ordinal (gramOrdBits). A document's distinct keys are
// appended in key order, documents in ordinal order; the pairs are sorted
// by key once, when they are written (sortKeys is stable, so each gram's
// documents stay in order). Appending touches memory in order: looking
// each pair's gram up in a map of lists and appending to its list cost
// 1.0 of 21 CPU-s on xwlb, most of it cache misses over lists far larger
// than any cache.
type gramLists struct {
	pairs []uint64
	doc   []uint64 // the current document's keys, reused
	tmp   []uint64 // sortKeys' buffer, reused
}

// sortKeys sorts keys in place by their 44 bits from shift up (keys below
// 1<<(shift+44)), stably, and returns its buffer for the next call: a
// radix sort of four 11-bit digits, which sorts a document's 25,000 keys
// several times faster than a comparison sort (the sort cost 0.58 of 21
// CPU-s of a run over xwlb). Short lists of whole keys take slices.Sort.
func sortKeys(keys, buf []uint64, shift uint) []uint64 {
	const bits, digits = 11, 4
	if len(keys) < 512 && shift == 0 {
		slices.Sort(keys)
		return buf
	}
	if cap(buf) < len(keys) {
		buf = make([]uint64, len(keys))
	}
	src, dst := keys, buf[:len(keys)]
	var count [1 << bits]int
	for d := range digits {
		shift := shift + uint(d*bits)
		clear(count[:])
		for _, k := range src {
			count[k>>shift&(1<<bits-1)]++
		}
		sum := 0
		for i, c := range count {
			count[i], sum = sum, sum+c
		}
		for _, k := range src {
			b := k >> shift & (1<<bits - 1)
			dst[count[b]] = k
			count[b]++
		}
		src, dst = dst, src
	}
	return buf // digits is even: the last pass wrote keys
}

// gramKey packs a pair of runes, or with b = 0 a last character (its gram
// ends in endMark, rune 0, which is no word rune).
func gramKey(a, b rune) uint64 { return uint64(a)<<21 | uint64(b) }

// gramOf returns the gram a key packs. Keys sort as their grams do:
// UTF-8 keeps the order of code points, and endMark is the least.
func gramOf(k uint64) string {
	a, b := rune(k>>21), rune(k&(1<<21-1))
	if b == 0 {
		return string(a) + endMark
	}
	return string(a) + string(b)
}

// add records the grams of s (already lower-cased) as held by the
// document off ordinals after the lists' first, and returns how many
// distinct ones it has. The grams are those of grams.go: every pair of
// adjacent word runes, and the last of each run followed by endMark.
func (l *gramLists) add(off uint32, s string) int {
	keys := l.doc[:0]
	prev := rune(-1)
	for _, r := range s {
		switch {
		case isWordRune(r):
			if prev >= 0 {
				keys = append(keys, gramKey(prev, r))
			}
			prev = r
		case prev >= 0:
			keys = append(keys, gramKey(prev, 0))
			prev = -1
		}
	}
	if prev >= 0 {
		keys = append(keys, gramKey(prev, 0))
	}
	l.tmp = sortKeys(keys, l.tmp, 0)
	keys = slices.Compact(keys)
	for _, k := range keys {
		l.pairs = append(l.pairs, k<<gramOrdBits|uint64(off))
	}
	l.doc = keys
	return len(keys)
}

// gramWriter writes the gram store of an index. Documents come in
// ordinal order, so every list is sorted as it grows and the runs hold
// increasing ranges of ordinals.
type gramWriter struct {
	path   string
	fields [2]gramLists // by gramFieldByte - 1
	base   uint32       // the ordinal the lists' pairs count from
	pairs  int
	limit  int
	runs   []string // spilled runs, in ordinal order
	made   int      // runs made, for their names
}

// maxRuns bounds the runs kept: when a spill makes more, they are merged
// into one, so that the files open and the buffers read at the end stay
// few whatever the corpus size.
const maxRuns = 32

// runBuffer is the buffer of a run's reader and writer.
const runBuffer = 64 << 10

func newGramWriter(path string) *gramWriter {
	return &gramWriter{path: path, limit: gramSpillPairs}
}

// add records the grams of s (already lower-cased) in field as held by
// document ord.
func (w *gramWriter) add(field string, ord uint32, s string) error {
	if w.pairs == 0 {
		w.base = ord
	} else if ord-w.base >= 1<<gramOrdBits {
		if err := w.spill(); err != nil {
			return err
		}
		w.base = ord
	}
	w.pairs += w.fields[gramFieldByte[field]-1].add(ord-w.base, s)
	if w.pairs >= w.limit {
		return w.spill()
	}
	return nil
}

// sorted returns the lists in memory as one source in key order.
func (w *gramWriter) sorted() *pairSource {
	s := &pairSource{base: w.base}
	var buf []uint64
	for f := range w.fields {
		p := w.fields[f].pairs
		buf = sortKeys(p, buf, gramOrdBits)
		s.fields[f] = p
	}
	return s
}

// pairSource yields the sorted pairs of gramLists, field by field, each
// gram with its documents.
type pairSource struct {
	fields [2][]uint64
	base   uint32
	f, i   int
	ords   []uint32
}

func (s *pairSource) next() (head, error) {
	for s.f < len(s.fields) && s.i == len(s.fields[s.f]) {
		s.f, s.i = s.f+1, 0
	}
	if s.f == len(s.fields) {
		return head{}, nil
	}
	p := s.fields[s.f]
	k := p[s.i] >> gramOrdBits
	s.ords = s.ords[:0]
	for ; s.i < len(p) && p[s.i]>>gramOrdBits == k; s.i++ {
		s.ords = append(s.ords, s.base+uint32(p[s.i]&(1<<gramOrdBits-1)))
	}
	return head{key: string(rune(s.f+1)) + gramOf(k), ords: s.ords, ok: true}, nil
}

// spill writes the lists in memory to a run beside the store and empties
// them; past maxRuns, the runs are merged into one.
func (w *gramWriter) spill() error {
	if err := w.writeRun([]gramSource{w.sorted()}); err != nil {
		return err
	}
	w.fields = [2]gramLists{}
	w.pairs = 0
	if len(w.runs) <= maxRuns {
		return nil
	}
	runs := w.runs
	srcs, err := openRuns(runs)
	if err == nil {
		w.runs = nil
		err = w.writeRun(srcs)
	}
	closeSources(srcs)
	if err != nil {
		return err
	}
	return removeAll(runs)
}

// writeRun writes the merge of srcs to a new run.
func (w *gramWriter) writeRun(srcs []gramSource) error {
	path := w.path + ".run" + strconv.Itoa(w.made)
	w.made++
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("gram run: %w", err)
	}
	w.runs = append(w.runs, path)
	bw := bufio.NewWriterSize(f, runBuffer)
	var buf []byte
	err = mergeSources(srcs, func(key string, ords []uint32) error {
		buf = binary.AppendUvarint(buf[:0], uint64(len(key)))
		buf = append(buf, key...)
		buf = binary.AppendUvarint(buf, uint64(len(ords)))
		prev := uint32(0)
		for _, o := range ords {
			buf = binary.AppendUvarint(buf, uint64(o-prev))
			prev = o
		}
		_, err := bw.Write(buf)
		return err
	})
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("gram run: %w", err)
	}
	return nil
}

// finish writes the store: the lists in memory and the runs merged, key
// by key. The runs are removed. The FST is built beside the bitmaps, in
// a file of its own, and appended to them.
func (w *gramWriter) finish() (err error) {
	srcs, err := openRuns(w.runs)
	defer func() {
		closeSources(srcs)
		if rerr := removeAll(w.runs); err == nil {
			err = rerr
		}
		w.runs = nil
	}()
	if err != nil {
		return err
	}
	srcs = append(srcs, w.sorted())
	w.fields = [2]gramLists{}

	f, err := os.Create(w.path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	ff, err := os.Create(w.path + ".fst")
	if err != nil {
		return err
	}
	defer func() {
		ff.Close()
		if rerr := os.Remove(ff.Name()); rerr != nil && err == nil {
			err = rerr
		}
	}()
	bw := bufio.NewWriterSize(f, 1<<20)
	cw := &countWriter{w: bw}
	fw := bufio.NewWriterSize(ff, runBuffer)
	fst, err := vellum.New(fw, nil)
	if err != nil {
		return err
	}
	var post bytes.Buffer
	err = mergeSources(srcs, func(key string, ords []uint32) error {
		b := roaring.New()
		b.AddMany(ords)
		b.RunOptimize()
		post.Reset()
		if _, err := b.WriteTo(&post); err != nil {
			return err
		}
		if post.Len() >= 1<<gramLenBits {
			return fmt.Errorf("gram %q: postings of %d bytes, more than the store holds", key, post.Len())
		}
		if err := fst.Insert([]byte(key), uint64(cw.n)<<gramLenBits|uint64(post.Len())); err != nil {
			return err
		}
		_, err := cw.Write(post.Bytes())
		return err
	})
	if err != nil {
		return err
	}
	if err := fst.Close(); err != nil {
		return err
	}
	if err := fw.Flush(); err != nil {
		return err
	}
	fstOff := cw.n
	if _, err := ff.Seek(0, io.SeekStart); err != nil {
		return err
	}
	if _, err := io.Copy(cw, ff); err != nil {
		return err
	}
	var foot [8]byte
	binary.LittleEndian.PutUint64(foot[:], uint64(fstOff))
	if _, err := cw.Write(append(foot[:], gramMagic...)); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return f.Sync()
}

// mergeSources calls emit for each key of srcs in increasing order, with
// the ordinals every source holds for it, in source order (increasing
// ordinals).
func mergeSources(srcs []gramSource, emit func(key string, ords []uint32) error) error {
	h := &sourceHeap{}
	for i, s := range srcs {
		hd, err := s.next()
		if err != nil {
			return err
		}
		if hd.ok {
			h.items = append(h.items, heapItem{hd, i})
		}
	}
	heap.Init(h)
	var ords []uint32
	for h.Len() > 0 {
		key := h.items[0].key
		ords = ords[:0]
		for h.Len() > 0 && h.items[0].key == key {
			it := &h.items[0]
			ords = append(ords, it.ords...)
			next, err := srcs[it.src].next()
			if err != nil {
				return err
			}
			if next.ok {
				it.head = next
				heap.Fix(h, 0)
			} else {
				heap.Pop(h)
			}
		}
		if err := emit(key, ords); err != nil {
			return err
		}
	}
	return nil
}

// sourceHeap orders the sources' heads by key, then by source.
type sourceHeap struct{ items []heapItem }

type heapItem struct {
	head
	src int
}

func (h *sourceHeap) Len() int { return len(h.items) }
func (h *sourceHeap) Less(i, j int) bool {
	a, b := h.items[i], h.items[j]
	return a.key < b.key || a.key == b.key && a.src < b.src
}
func (h *sourceHeap) Swap(i, j int) { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *sourceHeap) Push(x any)    { h.items = append(h.items, x.(heapItem)) }
func (h *sourceHeap) Pop() any {
	it := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return it
}

// countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// head is a source's current key and its ordinals (valid until the next
// call); ok is false once the source is done.
type head struct {
	key  string
	ords []uint32
	ok   bool
}

// gramSource yields keys in increasing order with their ordinals.
type gramSource interface{ next() (head, error) }

// runSource reads a spilled run.
type runSource struct {
	f    *os.File
	r    *bufio.Reader
	ords []uint32
	key  []byte
}

// openRuns opens the runs at paths as sources; on an error, those opened
// are returned with it, to be closed.
func openRuns(paths []string) ([]gramSource, error) {
	srcs := make([]gramSource, 0, len(paths)+1)
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return srcs, fmt.Errorf("gram run: %w", err)
		}
		srcs = append(srcs, &runSource{f: f, r: bufio.NewReaderSize(f, runBuffer)})
	}
	return srcs, nil
}

func closeSources(srcs []gramSource) {
	for _, s := range srcs {
		if r, ok := s.(*runSource); ok {
			r.f.Close()
		}
	}
}

func removeAll(paths []string) error {
	var errs []error
	for _, p := range paths {
		errs = append(errs, os.Remove(p))
	}
	return errors.Join(errs...)
}

func (s *runSource) next() (head, error) {
	n, err := binary.ReadUvarint(s.r)
	if errors.Is(err, io.EOF) {
		return head{}, nil
	}
	if err != nil {
		return head{}, fmt.Errorf("gram run %s: %w", s.f.Name(), err)
	}
	s.key = slices.Grow(s.key[:0], int(n))[:n]
	if _, err := io.ReadFull(s.r, s.key); err != nil {
		return head{}, fmt.Errorf("gram run %s: %w", s.f.Name(), err)
	}
	c, err := binary.ReadUvarint(s.r)
	if err != nil {
		return head{}, fmt.Errorf("gram run %s: %w", s.f.Name(), err)
	}
	s.ords = s.ords[:0]
	prev := uint64(0)
	for range c {
		d, err := binary.ReadUvarint(s.r)
		if err != nil {
			return head{}, fmt.Errorf("gram run %s: %w", s.f.Name(), err)
		}
		prev += d
		s.ords = append(s.ords, uint32(prev))
	}
	return head{key: string(s.key), ords: s.ords, ok: true}, nil
}

// gramReader reads a gram store, mapped into memory.
type gramReader struct {
	data mmap.MMap
	fst  *vellum.FST
}

func openGrams(path string) (*gramReader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := mmap.Map(f, mmap.RDONLY, 0)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	r := &gramReader{data: data}
	n := len(data)
	if n < 8+len(gramMagic) || string(data[n-len(gramMagic):]) != gramMagic {
		r.close()
		return nil, fmt.Errorf("%s: %w (no gram store)", filepath.Base(path), ErrNotIndex)
	}
	off := binary.LittleEndian.Uint64(data[n-len(gramMagic)-8:])
	if off > uint64(n-len(gramMagic)-8) {
		r.close()
		return nil, fmt.Errorf("%s: %w (gram store cut short)", filepath.Base(path), ErrNotIndex)
	}
	if r.fst, err = vellum.Load(data[off : n-len(gramMagic)-8]); err != nil {
		r.close()
		return nil, fmt.Errorf("%s: %w (%v)", filepath.Base(path), ErrNotIndex, err)
	}
	return r, nil
}

func (r *gramReader) close() error {
	if r.data == nil {
		return nil
	}
	err := r.data.Unmap()
	r.data = nil
	return err
}

// bitmap reads the bitmap an FST value points to.
func (r *gramReader) bitmap(val uint64) (*roaring.Bitmap, error) {
	off, n := val>>gramLenBits, val&(1<<gramLenBits-1)
	if off+n > uint64(len(r.data)) {
		return nil, fmt.Errorf("%w: gram postings beyond the store", ErrNotIndex)
	}
	b := roaring.New()
	if _, err := b.ReadFrom(bytes.NewReader(r.data[off : off+n])); err != nil {
		return nil, fmt.Errorf("%w: gram postings: %v", ErrNotIndex, err)
	}
	return b, nil
}

// postings returns the documents holding gram in field (empty when none
// does).
func (r *gramReader) postings(field, gram string) (*roaring.Bitmap, error) {
	val, ok, err := r.fst.Get(append([]byte{gramFieldByte[field]}, gram...))
	if err != nil || !ok {
		return roaring.New(), err
	}
	return r.bitmap(val)
}

// prefix returns the documents holding a gram of field that starts with
// prefix.
func (r *gramReader) prefix(field, prefix string) (*roaring.Bitmap, error) {
	start := append([]byte{gramFieldByte[field]}, prefix...)
	end := prefixEnd(start)
	out := roaring.New()
	it, err := r.fst.Iterator(start, end)
	for err == nil {
		_, val := it.Current()
		b, berr := r.bitmap(val)
		if berr != nil {
			return nil, berr
		}
		out.Or(b)
		err = it.Next()
	}
	if !errors.Is(err, vellum.ErrIteratorDone) {
		return nil, err
	}
	return out, nil
}

// prefixEnd returns the first key after every key starting with p, nil
// when there is none.
func prefixEnd(p []byte) []byte {
	end := slices.Clone(p)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xff {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}
