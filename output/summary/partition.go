package summary

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/parquet-go/parquet-go"
)

// PartitionYear is the one partitioning Partition knows: documents,
// mentions and problems by the year of the document (documents.doc_year).
const PartitionYear = "year"

// Partitionings returns the partitionings Partition accepts, for the
// command line's message.
func Partitionings() []string { return []string{PartitionYear} }

// CheckPartitioning reports whether Partition accepts partitioning.
func CheckPartitioning(partitioning string) error {
	if !slices.Contains(Partitionings(), partitioning) {
		return fmt.Errorf("partition %q: unknown; one of %s", partitioning, strings.Join(Partitionings(), ", "))
	}
	return nil
}

// Directories of the partitioned tables inside the output directory:
// DIR/documents/year=2021/part-0.parquet and so on.
const (
	DocumentsDir = "documents"
	MentionsDir  = "mentions"
	ProblemsDir  = "problems"
	// PartFile is the one file of every partition.
	PartFile = "part-0.parquet"
	// NullPartition is the directory value of the documents whose year is
	// unknown, and of their mentions and problems: Hive's default
	// partition, which DuckDB, polars and pyarrow read back as null.
	NullPartition = "__HIVE_DEFAULT_PARTITION__"
)

// ErrOrder is wrapped by Partition's error for a mentions or problems row
// whose doc_id is not among the documents rows at or after the one of
// the row before: the tables of a run list every document's rows in
// document order, and Partition relies on it to join without a map.
var ErrOrder = errors.New("doc_id not in document order")

// Partition writes hive-style partitioned copies of the documents,
// mentions and problems tables in dir (written and finished by a Writer)
// keyed by partitioning, which must be PartitionYear:
// dir/documents/year=Y/part-0.parquet, dir/mentions/year=Y/… and
// dir/problems/year=Y/…, where Y is documents.doc_year, through doc_id
// for mentions and problems, or NullPartition when it is unknown. Each
// partition file has the schema of its single-file table and its rows in
// the same order; the year is in the path only, where hive-partitioned
// readers take it from. A table without rows gets one file without rows
// in NullPartition, so that a reader's glob always finds a file with the
// schema. It returns the rows written per table, "documents",
// "mentions" and "problems", and refuses a dir that holds partitioned
// tables already.
//
// Rows are copied as parquet-go rows, without decoding them into
// structs, one table at a time with one open writer per partition. The
// strings buffered by a table's writers are bounded by opts.RowGroupBytes
// together (the fullest writer cuts its row group when they exceed it),
// so memory stays that of the single-file writer however many years a
// corpus spans.
func Partition(dir, partitioning string, opts Options) (map[string]int64, error) {
	if err := CheckPartitioning(partitioning); err != nil {
		return nil, fmt.Errorf("summary: %w", err)
	}
	opts.SetDefaults()
	for _, sub := range []string{DocumentsDir, MentionsDir, ProblemsDir} {
		if _, err := os.Lstat(filepath.Join(dir, sub)); err == nil {
			return nil, fmt.Errorf("summary: partition: %s exists already", filepath.Join(dir, sub))
		}
	}
	docs := filepath.Join(dir, DocumentsFile)
	counts := map[string]int64{}
	var err error
	if counts["documents"], err = partitionTable[DocumentRow](dir, DocumentsFile, DocumentsDir,
		opts.rowsFor(DefaultDocumentRows), opts.RowGroupBytes, ownYear); err != nil {
		return nil, err
	}
	if counts["mentions"], err = partitionTable[MentionRow](dir, MentionsFile, MentionsDir,
		opts.rowsFor(DefaultMentionRows), opts.RowGroupBytes, joinYear(docs)); err != nil {
		return nil, err
	}
	if counts["problems"], err = partitionTable[ProblemRow](dir, ProblemsFile, ProblemsDir,
		opts.rowsFor(DefaultProblemRows), opts.RowGroupBytes, joinYear(docs)); err != nil {
		return nil, err
	}
	return counts, nil
}

// A keyer prepares the partition keys of the rows of a table of schema
// s; done releases what it opened.
type keyer func(s *parquet.Schema) (key keyFunc, done func() error, err error)

// keyFunc returns the partition directory value of a row.
type keyFunc func(row parquet.Row) (string, error)

// yearKey returns the partition value of a doc_year value.
func yearKey(v parquet.Value) string {
	if v.IsNull() {
		return NullPartition
	}
	return strconv.Itoa(int(v.Int32()))
}

// ownYear keys a documents row by its own doc_year.
func ownYear(s *parquet.Schema) (keyFunc, func() error, error) {
	col, err := columnOf(s, "doc_year")
	if err != nil {
		return nil, nil, err
	}
	key := func(row parquet.Row) (string, error) { return yearKey(valueOf(row, col)), nil }
	return key, func() error { return nil }, nil
}

// joinYear keys a row by its doc_id: the year of that document, found by
// reading the id and doc_year columns of docs alongside, in document
// order (see ErrOrder).
func joinYear(docs string) keyer {
	return func(s *parquet.Schema) (keyFunc, func() error, error) {
		col, err := columnOf(s, "doc_id")
		if err != nil {
			return nil, nil, err
		}
		f, err := os.Open(docs)
		if err != nil {
			return nil, nil, fmt.Errorf("summary: %w", err)
		}
		c := &docCursor{r: parquet.NewGenericReader[docYear](f), buf: make([]docYear, 1024)}
		key := func(row parquet.Row) (string, error) {
			id := valueOf(row, col).ByteArray()
			y, err := c.find(id)
			if err != nil {
				return "", fmt.Errorf("summary: %s: doc_id %q: %w", s.Name(), id, err)
			}
			return y, nil
		}
		done := func() error {
			err := c.r.Close()
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			return err
		}
		return key, done, nil
	}
}

// columnOf returns the leaf column index of a top-level column.
func columnOf(s *parquet.Schema, name string) (int, error) {
	leaf, ok := s.Lookup(name)
	if !ok {
		return 0, fmt.Errorf("summary: no column %s in %s", name, s.Name())
	}
	return leaf.ColumnIndex, nil
}

// docYear is the part of a documents row that partitioning needs; the
// reader decodes only these two columns, not the texts.
type docYear struct {
	ID      string `parquet:"id"`
	DocYear *int32 `parquet:"doc_year"`
}

// docCursor walks the documents in order, keeping the current one.
type docCursor struct {
	r      *parquet.GenericReader[docYear]
	buf    []docYear
	i, n   int
	cur    string // id of the current document, "" before the first
	curKey string
	done   bool
}

// find moves to the document id, the current one or a later one, and
// returns its partition value.
func (c *docCursor) find(id []byte) (string, error) {
	if c.cur != "" && c.cur == string(id) {
		return c.curKey, nil
	}
	for {
		for ; c.i < c.n; c.i++ {
			d := &c.buf[c.i]
			if d.ID != string(id) {
				continue
			}
			c.cur, c.curKey = d.ID, NullPartition
			if d.DocYear != nil {
				c.curKey = strconv.Itoa(int(*d.DocYear))
			}
			c.i++
			return c.curKey, nil
		}
		if c.done {
			return "", ErrOrder
		}
		n, err := c.r.Read(c.buf)
		c.i, c.n = 0, n
		if errors.Is(err, io.EOF) {
			c.done = true
		} else if err != nil {
			return "", err
		}
	}
}

// partitionTable copies the rows of dir/file, a table of T, into
// dir/sub/year=K/PartFile by the keys of keys, and returns how many it
// copied.
func partitionTable[T any, P sized[T]](dir, file, sub string, maxRows int, maxBytes int64, keys keyer) (n int64, err error) {
	src := filepath.Join(dir, file)
	f, err := os.Open(src)
	if err != nil {
		return 0, fmt.Errorf("summary: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return 0, fmt.Errorf("summary: %w", err)
	}
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		return 0, fmt.Errorf("summary: %s: %w", src, err)
	}
	schema := parquet.SchemaOf(new(T))
	if !parquet.EqualNodes(pf.Schema(), schema) {
		return 0, fmt.Errorf("summary: %s: not a table of %s", src, schema.Name())
	}
	key, done, err := keys(schema)
	if err != nil {
		return 0, err
	}
	defer func() {
		if derr := done(); err == nil && derr != nil {
			err = fmt.Errorf("summary: %w", derr)
		}
	}()
	parts := &partitions[T, P]{dir: filepath.Join(dir, sub), maxRows: maxRows, maxBytes: maxBytes, open: map[string]*table[T, P]{}}
	defer func() {
		if cerr := parts.close(); err == nil {
			err = cerr
		}
	}()
	for _, rg := range pf.RowGroups() {
		c, err := copyRows(rg.Rows(), key, parts)
		n += c
		if err != nil {
			return n, fmt.Errorf("summary: %s: %w", src, err)
		}
	}
	if n == 0 {
		return 0, parts.write(NullPartition, nil)
	}
	return n, nil
}

// copyRows copies the rows of one row group into their partitions and
// closes rr.
func copyRows[T any, P sized[T]](rr parquet.Rows, key keyFunc, parts *partitions[T, P]) (n int64, err error) {
	defer func() {
		if cerr := rr.Close(); err == nil {
			err = cerr
		}
	}()
	// Rows are read and written in batches; consecutive rows of one
	// partition (the mentions of a document) go in one write.
	rows := make([]parquet.Row, 256)
	for {
		k, rerr := rr.ReadRows(rows)
		for i := 0; i < k; {
			part, err := key(rows[i])
			if err != nil {
				return n, err
			}
			j := i + 1
			for ; j < k; j++ {
				next, err := key(rows[j])
				if err != nil {
					return n, err
				}
				if next != part {
					break
				}
			}
			if err := parts.write(part, rows[i:j]); err != nil {
				return n, err
			}
			n += int64(j - i)
			i = j
		}
		if errors.Is(rerr, io.EOF) {
			return n, nil
		}
		if rerr != nil {
			return n, rerr
		}
	}
}

// partitions are the open writers of one partitioned table, by key.
type partitions[T any, P sized[T]] struct {
	dir      string
	maxRows  int
	maxBytes int64
	open     map[string]*table[T, P]
	keys     []string // of open, in the order they were opened
	pending  int64    // bytes buffered by all of open
}

// write appends rows to the partition key, opening its file on first
// use, and cuts the row groups of the fullest writers while the bytes
// buffered by all of them exceed maxBytes.
func (p *partitions[T, P]) write(key string, rows []parquet.Row) error {
	t := p.open[key]
	if t == nil {
		d := filepath.Join(p.dir, PartitionYear+"="+key)
		if err := os.MkdirAll(d, 0o755); err != nil {
			return fmt.Errorf("summary: %w", err)
		}
		var err error
		if t, err = openTable[T, P](d, PartFile, p.maxRows, p.maxBytes); err != nil {
			return err
		}
		p.open[key] = t
		p.keys = append(p.keys, key)
	}
	added, err := t.writeRows(rows)
	if err != nil {
		return err
	}
	p.pending += added
	for p.pending >= p.maxBytes {
		var fullest *table[T, P]
		for _, k := range p.keys {
			if o := p.open[k]; fullest == nil || o.pending > fullest.pending {
				fullest = o
			}
		}
		if fullest.pending == 0 {
			break // cannot happen: pending is the sum of theirs
		}
		p.pending -= fullest.pending
		if err := fullest.flush(); err != nil {
			return err
		}
	}
	return nil
}

// close closes every writer, in the order they were opened.
func (p *partitions[T, P]) close() error {
	var errs []error
	for _, k := range p.keys {
		errs = append(errs, p.open[k].close())
	}
	return errors.Join(errs...)
}
