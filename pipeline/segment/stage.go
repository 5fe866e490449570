package segment

import (
	"context"

	"github.com/baogao/baogao/corpus"
)

// Stage is the pipeline stage that segments the repaired view of a
// document once (see Analyse): search-mode tokens into doc.Tokens for the
// index, tagged words into doc.Tags for the entity rules.
type Stage struct{ J *Jieba }

// Name implements pipeline.Stage.
func (Stage) Name() string { return "segment" }

// Process implements pipeline.Stage.
func (s Stage) Process(_ context.Context, doc *corpus.Document) error {
	doc.Tokens, doc.Tags = s.J.Analyse(doc.Text)
	return nil
}
