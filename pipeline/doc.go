// Package pipeline runs documents through analysis stages: a Source emits
// documents in input order, N workers apply the Stages to each, and the
// results reach one consumer in the same order, so the same corpus and flags
// give the same rows in the same order.
//
// Read is the Source of files: text formats are decoded (corpus/charset)
// and parsed (corpus/format); PDF, DOCX and page images are read from
// their bytes first (binary.go), their pages joined into one text with
// normalize.UnwrapLines (pages.go), and every file that cannot be read
// is a skipped document with the reason.
package pipeline
