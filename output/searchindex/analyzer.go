package searchindex

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline/normalize"
	"github.com/baogao/baogao/pipeline/segment"
)

// AnalyzerName is the analyzer the mapping names for the jieba fields. The
// index never asks bleve to analyse them: documents arrive analysed (see
// Writer.Add) and queries are analysed by the Index's own Analyzer. The
// name is registered as bleve's stateless keyword analyzer so that the
// mapping validates; mappings refer to it, so it never changes.
const AnalyzerName = "baogao-jieba"

func init() {
	// bleve's registry refuses a name twice and is global: it holds a
	// constructor only, no state of ours.
	if err := registry.RegisterAnalyzer(AnalyzerName, keyword.AnalyzerConstructor); err != nil {
		panic(err)
	}
}

// Analyzer cuts text for an index and its queries: the repaired view of
// the text (normalize.Repair) cut by jieba keeping Words whole, spans
// mapped back to the text. Each index owns one, with the words it was
// built with, so two indexes of different lexicons in one process cut
// their queries each their own way.
//
// An Analyzer is immutable and safe for concurrent use.
type Analyzer struct {
	Jieba *segment.Jieba
	Words *segment.Words
}

// Tokens returns the search-mode tokens of text (segment.Jieba.Cut), spans
// into text.
func (a Analyzer) Tokens(text string) []corpus.Token {
	view := normalize.Repair(text)
	toks, _ := a.Jieba.Cut(view.Text, a.Words)
	for i := range toks {
		toks[i].Span.Start, toks[i].Span.End = view.Orig(toks[i].Span.Start, toks[i].Span.End)
	}
	return toks
}

// termStream is the analyzer of a word field: its distinct terms as
// tokens, each once (the field keeps no frequencies).
type termStream []string

// Analyze implements analysis.Analyzer.
func (g termStream) Analyze([]byte) analysis.TokenStream {
	block := make([]analysis.Token, len(g))
	out := make(analysis.TokenStream, len(g))
	for i, s := range g {
		block[i] = analysis.Token{Term: []byte(s), Position: i + 1, Type: analysis.Ideographic}
		out[i] = &block[i]
	}
	return out
}
