package summary

import (
	"errors"
	"fmt"
	"maps"
	"os"

	"github.com/parquet-go/parquet-go"

	"github.com/baogao/baogao/corpus"
)

// File names of the tables inside the output directory.
const (
	DocumentsFile = "documents.parquet"
	MentionsFile  = "mentions.parquet"
	ProblemsFile  = "problems.parquet"
	// InitiativesFile has one row per canonical initiative of the run,
	// written by Finish.
	InitiativesFile = "initiatives.parquet"
	// EntitiesFile has one row per canonical organisation, person and
	// place of the run, written by Finish.
	EntitiesFile = "entities.parquet"
)

// Default row-group bounds. A row group is the unit readers load and
// skip, and parquet-go holds one per table in memory while writing.
const (
	// DefaultDocumentRows is small because each document row carries its
	// full text (10-100 KB for a work report): 1,000 rows keep a row group
	// near tens of MB.
	DefaultDocumentRows = 1_000
	// DefaultMentionRows suits short rows (~100 bytes): large enough for
	// good compression and dictionary reuse, small enough to stream.
	DefaultMentionRows = 10_000
	// DefaultProblemRows matches mentions: problem rows are short too.
	DefaultProblemRows = 10_000
	// DefaultRowGroupBytes bounds the strings buffered in one row group,
	// whatever the row count, so a corpus of huge documents cannot blow up
	// memory.
	DefaultRowGroupBytes = 64 << 20
)

// Options configures a Writer. The zero value is ready to use.
type Options struct {
	// RowGroupRows is the maximum number of rows per row group in every
	// table. 0 uses per-table defaults: DefaultDocumentRows for documents
	// (rows carry whole texts), DefaultMentionRows and DefaultProblemRows
	// for the short-row tables.
	RowGroupRows int
	// RowGroupBytes cuts a row group early once the strings written into
	// it exceed this many bytes. 0 means DefaultRowGroupBytes.
	RowGroupBytes int64
	// Carrying says AddCarried will be used (see table.asRows).
	Carrying bool
}

// SetDefaults fills zero fields with their defaults. RowGroupRows stays 0,
// meaning per-table defaults (see rowsFor).
func (o *Options) SetDefaults() {
	if o.RowGroupBytes <= 0 {
		o.RowGroupBytes = DefaultRowGroupBytes
	}
}

// rowsFor returns the row-group row bound for a table.
func (o *Options) rowsFor(def int) int {
	if o.RowGroupRows > 0 {
		return o.RowGroupRows
	}
	return def
}

// ErrFinished is returned by Add after Finish.
var ErrFinished = errors.New("summary: writer finished")

// Writer writes documents.parquet, mentions.parquet and problems.parquet,
// and at Finish initiatives.parquet and entities.parquet, into one
// directory. It implements output.Sink. The files are complete
// only after Finish; the caller stages and publishes the directory.
//
// Concurrency: a Writer is used from one goroutine, as output.Sink says.
type Writer struct {
	docs     *table[DocumentRow, *DocumentRow]
	mentions *table[MentionRow, *MentionRow]
	problems *table[ProblemRow, *ProblemRow]
	inits    *table[InitiativeRow, *InitiativeRow]
	initAgg  initiatives
	ents     *table[EntityRow, *EntityRow]
	entAgg   entities
	files    *table[FileRow, *FileRow]
	learned  *table[LearnedRow, *LearnedRow]
	file     FileRow // the file of the last document, written when the next file starts
	skipped  int64
	evidence []LearnedRow
	// Reused per document so Add allocates little for mentions.
	mentionBuf []MentionRow
	problemBuf []ProblemRow
	reasons    map[string]int64 // problems by Reason
	finished   bool
	err        error // the result of the first Finish
}

// New creates the table files in dir, creating dir if needed.
func New(dir string, opts Options) (*Writer, error) {
	opts.SetDefaults()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("summary: %w", err)
	}
	w := &Writer{}
	var err error
	if w.docs, err = openTable[DocumentRow](dir, DocumentsFile, opts.rowsFor(DefaultDocumentRows), opts.RowGroupBytes); err != nil {
		return nil, err
	}
	if w.mentions, err = openTable[MentionRow](dir, MentionsFile, opts.rowsFor(DefaultMentionRows), opts.RowGroupBytes); err != nil {
		_ = w.Finish()
		return nil, err
	}
	if w.problems, err = openTable[ProblemRow](dir, ProblemsFile, opts.rowsFor(DefaultProblemRows), opts.RowGroupBytes); err != nil {
		_ = w.Finish()
		return nil, err
	}
	if w.inits, err = openTable[InitiativeRow](dir, InitiativesFile, opts.rowsFor(DefaultMentionRows), opts.RowGroupBytes); err != nil {
		_ = w.Finish()
		return nil, err
	}
	if w.ents, err = openTable[EntityRow](dir, EntitiesFile, opts.rowsFor(DefaultMentionRows), opts.RowGroupBytes); err != nil {
		_ = w.Finish()
		return nil, err
	}
	if w.files, err = openTable[FileRow](dir, FilesFile, opts.rowsFor(DefaultMentionRows), opts.RowGroupBytes); err != nil {
		_ = w.Finish()
		return nil, err
	}
	if w.learned, err = openTable[LearnedRow](dir, LearnedFile, opts.rowsFor(DefaultMentionRows), opts.RowGroupBytes); err != nil {
		_ = w.Finish()
		return nil, err
	}
	w.docs.asRows, w.mentions.asRows, w.problems.asRows = opts.Carrying, opts.Carrying, opts.Carrying
	w.initAgg, w.entAgg = initiatives{}, entities{}
	w.reasons = map[string]int64{}
	return w, nil
}

// Add writes the rows of one document: one documents row, its mentions
// sorted by start, end and kind, and its problems. Skipped documents get
// a documents row too. A text that is not valid UTF-8 (ErrText) or a
// mention span that does not fit the text (ErrSpan) is an error, and
// nothing of the document is written.
func (w *Writer) Add(doc *corpus.Document) error {
	if w.finished {
		return ErrFinished
	}
	if err := checkDocument(doc); err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	defer func() { clear(w.mentionBuf) }() // drop references into doc.Text
	row := documentRow(doc)
	w.mentionBuf, w.problemBuf = mentionRows(w.mentionBuf[:0], doc), problemRows(w.problemBuf[:0], doc)
	return w.add(doc, &row, w.mentionBuf, w.problemBuf)
}

// Rows are the rows of one document as an earlier output wrote them
// (Reader): the Parquet rows themselves, and of their columns what the
// summaries count (document: id, size_on_disk, doc_date, doc_year,
// skip_reason; mentions: doc_id, kind, text, value, type; problems:
// doc_id, reason).
type Rows struct {
	Document DocumentRow
	Mentions []MentionRow
	Problems []ProblemRow
	raw      rawRows
}

type rawRows struct {
	doc                parquet.Row
	mentions, problems []parquet.Row
}

// AddCarried writes the rows of a document carried from an earlier
// output unchanged (doc has its ID, Path and File; rows are as the
// earlier output wrote them): the same rows Add would write for it, the
// summaries counting them the same way.
func (w *Writer) AddCarried(doc *corpus.Document, rows *Rows) error {
	if w.finished {
		return ErrFinished
	}
	if rows.Document.ID != doc.ID {
		return fmt.Errorf("summary: carried rows of %s for document %s", rows.Document.ID, doc.ID)
	}
	stub := *doc
	stub.Size = rows.Document.SizeOnDisk
	if err := w.addFile(&stub); err != nil {
		return err
	}
	if err := w.docs.carry([]parquet.Row{rows.raw.doc}); err != nil {
		return err
	}
	if err := w.mentions.carry(rows.raw.mentions); err != nil {
		return err
	}
	if err := w.problems.carry(rows.raw.problems); err != nil {
		return err
	}
	w.count(&rows.Document, rows.Mentions, rows.Problems)
	return nil
}

// add writes one document's rows and counts them in the summaries.
func (w *Writer) add(doc *corpus.Document, row *DocumentRow, ms []MentionRow, ps []ProblemRow) error {
	if err := w.addFile(doc); err != nil {
		return err
	}
	if err := w.docs.write([]DocumentRow{*row}); err != nil {
		return err
	}
	if err := w.mentions.write(ms); err != nil {
		return err
	}
	if err := w.problems.write(ps); err != nil {
		return err
	}
	w.count(row, ms, ps)
	return nil
}

// count adds a document's rows to the summaries: the initiatives and
// entities tables, the problem reasons, the skipped documents.
func (w *Writer) count(row *DocumentRow, ms []MentionRow, ps []ProblemRow) {
	if row.SkipReason != nil {
		w.skipped++
	}
	w.initAgg.add(row, ms)
	w.entAgg.add(row, ms)
	for _, r := range ps {
		w.reasons[r.Reason]++
	}
}

// addFile counts doc in its file's row, writing the previous file's row
// when doc starts a new file.
func (w *Writer) addFile(doc *corpus.Document) error {
	if w.file.Path != doc.Path || len(w.file.DocIDs) == 0 {
		if err := w.flushFile(); err != nil {
			return err
		}
		w.file = fileOf(doc)
	}
	w.file.DocIDs = append(w.file.DocIDs, doc.ID)
	return nil
}

func (w *Writer) flushFile() error {
	if len(w.file.DocIDs) == 0 {
		return nil
	}
	err := w.files.write([]FileRow{w.file})
	w.file = FileRow{}
	return err
}

// SetLearned records the evidence learning went by, written to
// learned.parquet by Finish.
func (w *Writer) SetLearned(rows []LearnedRow) { w.evidence = rows }

// Finish flushes the last row groups and writes the file footers. It is
// safe to call twice; the second call returns the first call's result.
func (w *Writer) Finish() error {
	if w.finished {
		return w.err
	}
	w.finished = true
	var errs []error
	if w.docs != nil {
		errs = append(errs, w.docs.close())
	}
	if w.mentions != nil {
		errs = append(errs, w.mentions.close())
	}
	if w.problems != nil {
		errs = append(errs, w.problems.close())
	}
	if w.inits != nil {
		errs = append(errs, w.inits.write(w.initAgg.rows()), w.inits.close())
	}
	if w.ents != nil {
		errs = append(errs, w.ents.write(w.entAgg.rows()), w.ents.close())
	}
	if w.files != nil {
		errs = append(errs, w.flushFile(), w.files.close())
	}
	if w.learned != nil {
		errs = append(errs, w.learned.write(w.evidence), w.learned.close())
	}
	w.err = errors.Join(errs...)
	return w.err
}

// Reasons returns the problems written so far, counted by reason.
func (w *Writer) Reasons() map[string]int64 { return maps.Clone(w.reasons) }

// Counts returns the rows written per table, keyed "documents",
// "mentions", "problems", "initiatives" and "entities", for the run
// manifest.
func (w *Writer) Counts() map[string]int64 {
	return map[string]int64{
		"documents":   w.docs.rows,
		"mentions":    w.mentions.rows,
		"problems":    w.problems.rows,
		"initiatives": w.inits.rows,
		"entities":    w.ents.rows,
		"files":       w.files.rows,
		"learned":     w.learned.rows,
		"skipped":     w.skipped,
	}
}
