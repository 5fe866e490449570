package segment

import (
	"context"

	"github.com/baogao/baogao/corpus"
)

// Stage is the pipeline stage that segments a document in search mode
// into doc.Tokens.
type Stage struct{ J *Jieba }

// Name implements pipeline.Stage.
func (Stage) Name() string { return "segment" }

// Process implements pipeline.Stage.
func (s Stage) Process(_ context.Context, doc *corpus.Document) error {
	doc.Tokens = s.J.Search(doc.Text)
	return nil
}
