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
// Rows are read as Parquet rows, not decoded into structs and encoded
// again, and ahead of the caller on a goroutine of their own, so carrying
// a row costs little more than copying it.
//
// Concurrency: a Reader is used from one goroutine.
type Reader struct {
	dir  string
	next chan *Rows
	stop chan struct{}
	done chan error
	err  error
}

// readAhead bounds the documents read ahead of the caller: their texts
// are in memory until carried.
const readAhead = 32

// OpenReader opens the tables of the output in dir.
func OpenReader(dir string) (*Reader, error) {
	var ts [3]*rowTable
	for i, f := range []string{DocumentsFile, MentionsFile, ProblemsFile} {
		t, err := openRowTable(filepath.Join(dir, f))
		if err != nil {
			for _, t := range ts[:i] {
				t.close()
			}
			return nil, err
		}
		ts[i] = t
	}
	r := &Reader{dir: dir, next: make(chan *Rows, readAhead), stop: make(chan struct{}), done: make(chan error, 1)}
	go func() {
		defer func() {
			for _, t := range ts {
				t.close()
			}
		}()
		r.done <- r.read(ts[0], ts[1], ts[2])
		close(r.next)
	}()
	return r, nil
}

// read sends the rows of every document, in order.
func (r *Reader) read(docs, mentions, problems *rowTable) error {
	id, size, date, year, skip := docs.col("id"), docs.col("size_on_disk"), docs.col("doc_date"), docs.col("doc_year"), docs.col("skip_reason")
	mDoc, kind, text, value, typ := mentions.col("doc_id"), mentions.col("kind"), mentions.col("text"), mentions.col("value"), mentions.col("type")
	pDoc, reason := problems.col("doc_id"), problems.col("reason")
	for {
		row, ok, err := docs.take()
		if err != nil || !ok {
			return err
		}
		out := &Rows{raw: rawRows{doc: row}}
		d := &out.Document
		d.ID, d.SizeOnDisk = valueOf(row, id).String(), valueOf(row, size).Int64()
		d.DocDate, d.DocYear, d.SkipReason = int32Of(row, date), int32Of(row, year), stringOf(row, skip)
		err = mentions.takeOf(mDoc, d.ID, func(m parquet.Row) {
			out.raw.mentions = append(out.raw.mentions, m)
			out.Mentions = append(out.Mentions, MentionRow{DocID: d.ID, Kind: valueOf(m, kind).String(), Text: valueOf(m, text).String(),
				Value: stringOf(m, value), Type: stringOf(m, typ)})
		})
		if err == nil {
			err = problems.takeOf(pDoc, d.ID, func(p parquet.Row) {
				out.raw.problems = append(out.raw.problems, p)
				out.Problems = append(out.Problems, ProblemRow{DocID: d.ID, Reason: valueOf(p, reason).String()})
			})
		}
		if err != nil {
			return err
		}
		select {
		case r.next <- out:
		case <-r.stop:
			return nil
		}
	}
}

// ErrNotAhead is returned by Rows for a document that is not among those
// still to read.
var ErrNotAhead = errors.New("document not ahead in the earlier output")

// Rows returns the rows of document id, passing over the documents
// before it.
func (r *Reader) Rows(id string) (*Rows, error) {
	for rows := range r.next {
		if rows.Document.ID == id {
			return rows, nil
		}
	}
	if err := r.wait(); err != nil {
		return nil, err
	}
	return nil, fmt.Errorf("summary: %s in %s: %w", id, r.dir, ErrNotAhead)
}

func (r *Reader) wait() error {
	if r.done != nil {
		r.err, r.done = <-r.done, nil
	}
	return r.err
}

// Close stops reading and closes the tables.
func (r *Reader) Close() {
	if r.stop != nil {
		close(r.stop)
		r.stop = nil
	}
	for range r.next {
	}
	r.wait()
}

// rowTable reads a table's rows in order, a buffer at a time, as Parquet
// rows.
type rowTable struct {
	f       *os.File
	r       parquet.Rows
	schema  *parquet.Schema
	buf     []parquet.Row // rows read, copies
	scratch []parquet.Row // what the reader reads into
	pos     int
	eof     bool
}

func openRowTable(path string) (*rowTable, error) {
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
	rows := parquet.MultiRowGroup(pf.RowGroups()...).Rows()
	return &rowTable{f: f, r: rows, schema: pf.Schema()}, nil
}

// col returns the index of a leaf column, -1 when the table has none.
func (t *rowTable) col(name string) int {
	c, err := columnOf(t.schema, name)
	if err != nil {
		return -1
	}
	return c
}

// peek returns the next row without taking it. Rows are copies: they
// stay valid after the buffer is read again.
func (t *rowTable) peek() (parquet.Row, bool, error) {
	if t.pos == len(t.buf) {
		if t.eof {
			return nil, false, nil
		}
		if t.scratch == nil {
			t.scratch = make([]parquet.Row, 256)
		}
		n, err := t.r.ReadRows(t.scratch)
		t.buf = make([]parquet.Row, n)
		for i := range t.buf {
			// The reader reuses its rows and its pages: copies are
			// handed out.
			t.buf[i] = t.scratch[i].Clone()
		}
		t.pos = 0
		if errors.Is(err, io.EOF) {
			t.eof = true
		} else if err != nil {
			return nil, false, fmt.Errorf("summary: read %s: %w", t.f.Name(), err)
		}
		if n == 0 {
			return t.peek()
		}
	}
	return t.buf[t.pos], true, nil
}

// take takes the next row.
func (t *rowTable) take() (parquet.Row, bool, error) {
	row, ok, err := t.peek()
	if ok {
		t.pos++
	}
	return row, ok, err
}

// takeOf takes the next rows whose column col holds id (the rows of one
// document, which a table holds together), calling fn with each.
func (t *rowTable) takeOf(col int, id string, fn func(parquet.Row)) error {
	for {
		row, ok, err := t.peek()
		if err != nil || !ok || valueOf(row, col).String() != id {
			return err
		}
		t.pos++
		fn(row)
	}
}

func (t *rowTable) close() {
	t.r.Close()
	t.f.Close()
}

// valueOf returns the value of a row's column (the first, for repeated
// ones); a null value when the row has none.
func valueOf(row parquet.Row, col int) parquet.Value {
	if col >= 0 && col < len(row) && row[col].Column() == col {
		return row[col] // flat rows: a value per column, in order
	}
	for _, v := range row {
		if v.Column() == col {
			return v
		}
	}
	return parquet.Value{}
}

func stringOf(row parquet.Row, col int) *string {
	v := valueOf(row, col)
	if v.IsNull() {
		return nil
	}
	s := v.String()
	return &s
}

func int32Of(row parquet.Row, col int) *int32 {
	v := valueOf(row, col)
	if v.IsNull() {
		return nil
	}
	n := v.Int32()
	return &n
}

// ReadFiles reads files.parquet of the output in dir.
func ReadFiles(dir string) ([]FileRow, error) {
	return parquet.ReadFile[FileRow](filepath.Join(dir, FilesFile))
}

// ReadLearned reads learned.parquet of the output in dir.
func ReadLearned(dir string) ([]LearnedRow, error) {
	return parquet.ReadFile[LearnedRow](filepath.Join(dir, LearnedFile))
}
