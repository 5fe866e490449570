// Package searchindex builds and searches the full-text index of a
// corpus: exact phrases whatever jieba does, words ranked with BM25,
// boolean queries, filters, facets and highlighted snippets, over one
// index or several searched as one.
//
// An index directory holds four parts (zoekt's design; the words in
// bleve):
//   - grams: the gram store (gramstore.go), for each pair of word
//     characters of the documents' repaired views (grams.go), the
//     documents holding it, as a roaring bitmap found through an FST;
//   - bleve/: postings only, no positions, frequencies or term vectors:
//     each document's jieba words of three or more characters;
//   - content.zst: the text of every document (and its repaired view
//     where it differs), in zstd blocks, read through a bounded cache;
//   - docs.gob.zst: the docs table: ids, paths, titles, dates,
//     initiatives, field lengths.
//
// A phrase of one or two word characters is answered by its postings; a
// longer one by the documents holding all its rarest pairs, verified in
// the stored text (documents where jieba cut it as a word of its own hold
// it for certain). So phrases match exactly the documents whose repaired
// view contains them, in the text or the title. Unquoted words are cut by
// jieba into words that must all occur; the run as typed adds to the
// score where it occurs whole. Scores are BM25 over the query's words and
// phrases with the statistics of every index searched (so several indexes
// rank as one), title matches weighing double; the best hits are scored
// again with the occurrences counted in their text.
//
// Each index owns its Analyzer: the shared, immutable segment.Jieba and the
// words its documents were cut keeping whole, recorded in the index. No
// analysis state is global, so indexes of different lexicons live side by
// side in one process.
package searchindex
