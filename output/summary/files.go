package summary

import "github.com/baogao/baogao/corpus"

// More tables of a run: what incremental runs and merges go by.
const (
	// FilesFile has one row per file the run read (or refused), in the
	// order of the walk.
	FilesFile = "files.parquet"
	// LearnedFile has one row per confident quotation learning found: a
	// document and the name it quotes (run -learn).
	LearnedFile = "learned.parquet"
)

// FileRow is one row of files.parquet.
type FileRow struct {
	Path string `parquet:"path"`
	// Seq is the file's position in the run's walk over all its roots,
	// from 0 (corpus.File.Seq): shards of one corpus number files alike.
	Seq        int64 `parquet:"seq"`
	SizeOnDisk int64 `parquet:"size_on_disk"`
	// SHA256 is the hex SHA-256 of the file's bytes, nil when they could
	// not be read (refused or unreadable files).
	SHA256 *string `parquet:"sha256,optional"`
	// DocIDs are the documents of the file, in order (documents.id).
	DocIDs []string `parquet:"doc_ids,list"`
}

func (r *FileRow) size() int64 { return int64(len(r.Path)+64) + listBytes(r.DocIDs) }

// LearnedRow is one row of learned.parquet: a document quoting a name
// confidently enough for it to be learned (pipeline.Evidence).
type LearnedRow struct {
	DocID   string  `parquet:"doc_id"`
	Path    string  `parquet:"path"`
	Name    string  `parquet:"name"`
	Type    *string `parquet:"type,optional,dict"`
	Example string  `parquet:"example"` // the quotation, as the repaired view reads it
}

func (r *LearnedRow) size() int64 {
	return int64(len(r.DocID)+len(r.Path)+len(r.Name)+len(r.Example)) + int64(strLen(r.Type))
}

// fileOf starts the files row of doc's file.
func fileOf(doc *corpus.Document) FileRow {
	return FileRow{Path: doc.Path, Seq: doc.File.Seq, SizeOnDisk: doc.Size, SHA256: nullable(doc.File.SHA256)}
}
