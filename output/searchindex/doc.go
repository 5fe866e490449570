// Package searchindex builds and searches the bleve full-text index of a
// corpus: a jieba analyzer registered with bleve, the index mapping, a
// batched Writer that is an output.Sink, and Index.Search over bleve's
// query-string syntax with date and initiative filters, an initiative
// facet and highlighted snippets.
//
// Chinese has no spaces, so words come from jieba in search mode, which
// also emits the dictionary words inside a longer word (中国科学院 "Chinese
// Academy of Sciences" gives 中国, 科学, 学院, 科学院 and 中国科学院). Every
// such sub-word is indexed at the position of the word containing it, the
// way synonyms share a position. A quoted phrase is analysed the same way
// and becomes a bleve multi-phrase query (any of the words at each
// position), so "中国科学院计算所" and "科学院计算所" both find 中国科学院计算所,
// while two words that occur apart do not match as a phrase. Every
// sub-word of the query must also occur in the document (a filter), so
// -日本京都大学 does not exclude every document that mentions 日本 (Japan).
// An unquoted run of Chinese is a phrase too: 义诊活动 needs 义诊 then 活动.
//
// Snippets mark whole words: overlapping sub-word matches are merged
// before bleve's simple highlighter formats them, as ⟦…⟧, <mark>…</mark>
// or ANSI colour.
//
// Words without a field search both the text and the title; a field name
// (title:…, path:…, initiative:…) restricts a word to that field.
//
// Each index owns its Analyzer: the shared, immutable segment.Jieba and the
// words its documents were cut keeping whole, recorded in the index. No
// analysis state is global, so indexes of different lexicons live side by
// side in one process.
package searchindex
