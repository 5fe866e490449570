package summary

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/zstd"
)

// sized is a row that can estimate its buffered size in bytes.
type sized[T any] interface {
	*T
	size() int64
}

// createdBy is the created_by field of every file footer. parquet-go's
// default is derived from the binary's build info, so a test binary and
// the CLI would write different bytes for the same input; a constant keeps
// the output a function of the input alone.
const createdBy = "github.com/baogao/baogao output/summary (parquet-go)"

// table writes one Parquet file of rows of type T.
//
// Row groups are cut at maxRows rows by parquet-go itself, and earlier by
// write when the strings buffered since the last cut exceed maxBytes:
// parquet-go keeps a whole row group in memory until it is flushed, and
// the documents table holds full texts.
type table[T any, P sized[T]] struct {
	path     string
	f        *os.File
	w        *parquet.GenericWriter[T]
	rows     int64 // rows written so far
	pending  int64 // bytes buffered since the last flush
	maxBytes int64
	closed   bool
	// asRows writes structs as Parquet rows too (Writer.AddCarried):
	// parquet-go's writer loses the rows given as Parquet rows before
	// structs written to the same row group (v0.32.0), so a table that
	// gets both gets rows only.
	asRows bool
	schema *parquet.Schema
	rowBuf []parquet.Row
}

// openTable creates dir/file.
func openTable[T any, P sized[T]](dir, file string, maxRows int, maxBytes int64) (*table[T, P], error) {
	path := filepath.Join(dir, file)
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("summary: %w", err)
	}
	w := parquet.NewGenericWriter[T](f,
		&parquet.WriterConfig{CreatedBy: createdBy},
		parquet.Compression(&zstd.Codec{Level: zstd.SpeedFastest}),
		// Version 1 data pages, as pyarrow writes by default: every reader
		// supports them, while v2 pages still trip some (older Spark,
		// fastparquet, JavaScript readers).
		parquet.DataPageVersion(1),
		parquet.MaxRowsPerRowGroup(int64(maxRows)),
	)
	return &table[T, P]{path: path, f: f, w: w, maxBytes: maxBytes, schema: w.Schema()}, nil
}

// write appends rows, flushing the row group when its buffered bytes
// exceed the bound.
func (t *table[T, P]) write(rows []T) error {
	if len(rows) == 0 {
		return nil
	}
	if t.asRows {
		t.rowBuf = t.rowBuf[:0]
		for i := range rows {
			t.rowBuf = append(t.rowBuf, t.schema.Deconstruct(nil, &rows[i]))
		}
		if _, err := t.w.WriteRows(t.rowBuf); err != nil {
			return fmt.Errorf("summary: write %s: %w", t.path, err)
		}
		clear(t.rowBuf)
	} else if _, err := t.w.Write(rows); err != nil {
		return fmt.Errorf("summary: write %s: %w", t.path, err)
	}
	t.rows += int64(len(rows))
	for i := range rows {
		t.pending += P(&rows[i]).size()
	}
	if t.pending >= t.maxBytes {
		return t.flush()
	}
	return nil
}

// carry appends Parquet rows of the table's schema (as Reader reads
// them back), cutting the row group at the same bound as write.
func (t *table[T, P]) carry(rows []parquet.Row) error {
	if len(rows) == 0 {
		return nil
	}
	if _, err := t.writeRows(rows); err != nil {
		return err
	}
	if t.pending >= t.maxBytes {
		return t.flush()
	}
	return nil
}

// writeRows appends rows read from a file of T's schema, as write does,
// and returns the bytes they add to the row group (see rowSize). It
// leaves cutting the row group early to the caller (see partitions):
// parquet-go still cuts it at maxRows.
func (t *table[T, P]) writeRows(rows []parquet.Row) (int64, error) {
	if _, err := t.w.WriteRows(rows); err != nil {
		return 0, fmt.Errorf("summary: write %s: %w", t.path, err)
	}
	t.rows += int64(len(rows))
	var n int64
	for _, r := range rows {
		n += rowSize(r)
	}
	t.pending += n
	return n, nil
}

// flush cuts the row group.
func (t *table[T, P]) flush() error {
	t.pending = 0
	if err := t.w.Flush(); err != nil {
		return fmt.Errorf("summary: write %s: %w", t.path, err)
	}
	return nil
}

// rowSize estimates the bytes a row buffers, as the size methods of the
// row types do: its strings, and 8 bytes for every other value.
func rowSize(r parquet.Row) int64 {
	var n int64
	for _, v := range r {
		if k := v.Kind(); (k == parquet.ByteArray || k == parquet.FixedLenByteArray) && !v.IsNull() {
			n += int64(len(v.ByteArray()))
		} else {
			n += 8
		}
	}
	return n
}

// close writes the footer, syncs and closes the file. Safe twice.
func (t *table[T, P]) close() error {
	if t.closed {
		return nil
	}
	t.closed = true
	err := t.w.Close()
	if err == nil {
		err = t.f.Sync()
	}
	if cerr := t.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("summary: close %s: %w", t.path, err)
	}
	return nil
}
