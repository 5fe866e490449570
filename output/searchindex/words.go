package searchindex

import (
	"encoding/json"
	"fmt"
)

// wordsKey holds the words the documents were cut keeping whole (learned
// initiative names, the user's lexicon). A query must be cut the same way,
// or a phrase over such a word misses: the index holds 健康守门人 as one
// word with its sub-words at one position, while a plain cut makes two
// positions of the query.
var wordsKey = []byte("baogao.words")

// setWords records the words the documents were cut keeping whole.
func (w *Writer) setWords(words []string) error {
	b, err := json.Marshal(words)
	if err != nil {
		return err
	}
	if err := w.idx.SetInternal(wordsKey, b); err != nil {
		return fmt.Errorf("searchindex: %s: %w", w.dir, err)
	}
	return nil
}

// words returns the words recorded at Create.
func (ix *Index) words() ([]string, error) {
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
