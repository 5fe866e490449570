// Package summary writes the tidy Parquet tables of a run: one row per
// document (documents.parquet), per mention (mentions.parquet) and per
// problem (problems.parquet), and one row per canonical initiative
// (initiatives.parquet) and per canonical organisation, person and place
// (entities.parquet) of the whole run.
//
// The tables are meant to load in one line in DuckDB, polars, pandas and R
// arrow with the right types and no post-processing: strings carry the
// STRING logical type, the document date is a DATE, every offset is an
// INT64, and optional values are real nulls instead of empty strings.
// Mentions carry both byte offsets (what Go, gojieba and bleve use) and
// code-point offsets (what Python, R and DuckDB substring functions use).
// SCHEMA.md documents every column. Partition also writes documents,
// mentions and problems as hive-style datasets partitioned by the
// document's year, for readers that prune by partition.
//
// Files are written with zstd compression in bounded row groups, so memory
// stays flat on large corpora, and the same input always produces
// byte-identical files: parquet-go's created_by string names only the
// library version, and no timestamps are written.
package summary
