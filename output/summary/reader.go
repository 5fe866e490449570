package summary

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/parquet-go/parquet-go"
)

// Reader reads an earlier output's tables back, a document's rows at a
// time, in the order they were written: what an incremental run or a
// merge carries forward. Documents are asked for in that order (a
// subsequence of it); the rows of those skipped are passed over.
//
// Concurrency: a Reader is used from one goroutine.
type Reader struct {
	dir      string
	docs     *cursor[DocumentRow]
	mentions *cursor[MentionRow]
	problems *cursor[ProblemRow]
	skipped  map[string]bool // documents passed over since the last Rows
}

// OpenReader opens the tables of the output in dir.
func OpenReader(dir string) (*Reader, error) {
	r := &Reader{dir: dir, skipped: map[string]bool{}}
	var err error
	if r.docs, err = openCursor[DocumentRow](filepath.Join(dir, DocumentsFile)); err != nil {
		return nil, err
	}
	if r.mentions, err = openCursor[MentionRow](filepath.Join(dir, MentionsFile)); err != nil {
		r.Close()
		return nil, err
	}
	if r.problems, err = openCursor[ProblemRow](filepath.Join(dir, ProblemsFile)); err != nil {
		r.Close()
		return nil, err
	}
	return r, nil
}

// ErrNotAhead is returned by Rows for a document that is not among those
// still to read.
var ErrNotAhead = errors.New("document not ahead in the earlier output")

// Rows returns the rows of document id, passing over the documents
// before it.
func (r *Reader) Rows(id string) (*Rows, error) {
	clear(r.skipped)
	var out Rows
	for {
		d, ok, err := r.docs.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, fmt.Errorf("summary: %s in %s: %w", id, r.dir, ErrNotAhead)
		}
		if d.ID == id {
			out.Document = d
			break
		}
		r.skipped[d.ID] = true
	}
	var err error
	if out.Mentions, err = take(r.mentions, id, r.skipped, func(m *MentionRow) string { return m.DocID }); err != nil {
		return nil, err
	}
	if out.Problems, err = take(r.problems, id, r.skipped, func(p *ProblemRow) string { return p.DocID }); err != nil {
		return nil, err
	}
	return &out, nil
}

// take passes over the rows of the skipped documents and returns those
// of document id.
func take[T any](c *cursor[T], id string, skipped map[string]bool, docOf func(*T) string) ([]T, error) {
	var out []T
	for {
		row, ok, err := c.peek()
		if err != nil || !ok {
			return out, err
		}
		switch doc := docOf(row); {
		case doc == id:
			out = append(out, *row)
		case skipped[doc]:
		default:
			return out, nil
		}
		c.pos++
	}
}

// Close closes the tables.
func (r *Reader) Close() {
	for _, c := range []interface{ close() }{r.docs, r.mentions, r.problems} {
		if c != nil {
			c.close()
		}
	}
}

// cursor reads a table's rows in order, a buffer at a time.
type cursor[T any] struct {
	f   *os.File
	r   *parquet.GenericReader[T]
	buf []T
	pos int
	eof bool
}

func openCursor[T any](path string) (*cursor[T], error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("summary: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("summary: %w", err)
	}
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("summary: %s: %w", path, err)
	}
	return &cursor[T]{f: f, r: parquet.NewGenericReader[T](pf)}, nil
}

// peek returns the next row without taking it.
func (c *cursor[T]) peek() (*T, bool, error) {
	if c.pos == len(c.buf) {
		if c.eof {
			return nil, false, nil
		}
		if c.buf == nil {
			c.buf = make([]T, 256)
		}
		c.buf = c.buf[:cap(c.buf)]
		clear(c.buf) // the reader appends into slices it finds
		n, err := c.r.Read(c.buf)
		c.buf, c.pos = c.buf[:n], 0
		if errors.Is(err, io.EOF) {
			c.eof = true
		} else if err != nil {
			return nil, false, fmt.Errorf("summary: read %s: %w", c.f.Name(), err)
		}
		if n == 0 {
			return c.peek()
		}
	}
	return &c.buf[c.pos], true, nil
}

// next takes the next row.
func (c *cursor[T]) next() (T, bool, error) {
	row, ok, err := c.peek()
	if !ok || err != nil {
		var zero T
		return zero, ok, err
	}
	c.pos++
	return *row, true, nil
}

func (c *cursor[T]) close() {
	c.r.Close()
	c.f.Close()
}

// ReadFiles reads files.parquet of the output in dir.
func ReadFiles(dir string) ([]FileRow, error) {
	return parquet.ReadFile[FileRow](filepath.Join(dir, FilesFile))
}

// ReadLearned reads learned.parquet of the output in dir.
func ReadLearned(dir string) ([]LearnedRow, error) {
	return parquet.ReadFile[LearnedRow](filepath.Join(dir, LearnedFile))
}
