package segment

import (
	"context"

	"github.com/baogao/baogao/corpus"
)

// Stage is the pipeline stage that segments the repaired view of a
// document in search mode into doc.Tokens (see SearchRepaired).
type Stage struct{ J *Jieba }

// Name implements pipeline.Stage.
func (Stage) Name() string { return "segment" }

// Process implements pipeline.Stage.
func (s Stage) Process(_ context.Context, doc *corpus.Document) error {
	doc.Tokens = s.J.SearchRepaired(doc.Text)
	return nil
}
