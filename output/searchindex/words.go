package searchindex

import (
	"encoding/json"
	"fmt"
)

// wordsKey holds the words a run added to the jieba dictionary (learned
// initiative names, the user's lexicon). A query must be segmented with the
// same dictionary as the documents, or a phrase over such a word misses:
// the index holds 健康守门人 as one word with its sub-words at one position,
// while a plain dictionary cuts the query into two positions.
var wordsKey = []byte("baogao.words")

// SetWords records the words added to the segmenter for this index.
func (w *Writer) SetWords(words []string) error {
	if w.done {
		return ErrFinished
	}
	b, err := json.Marshal(words)
	if err != nil {
		return err
	}
	if err := w.idx.SetInternal(wordsKey, b); err != nil {
		return fmt.Errorf("searchindex: %s: %w", w.dir, err)
	}
	return nil
}

// Words returns the words recorded with SetWords; add them to the
// segmenter (segment.Jieba.AddWord) before searching.
func (ix *Index) Words() ([]string, error) {
	b, err := ix.idx.GetInternal(wordsKey)
	if err != nil || b == nil {
		return nil, err
	}
	var words []string
	if err := json.Unmarshal(b, &words); err != nil {
		return nil, fmt.Errorf("searchindex: %s: words: %w", ix.dir, err)
	}
	return words, nil
}
