package searchindex

import (
	"unicode"
	"unicode/utf8"

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

// analyzed is a bleve analyzer that returns tokens computed beforehand:
// the seam through which a document's own tokens reach its field
// (document.NewTextFieldCustom) without a shared analyzer.
type analyzed []corpus.Token

// Analyze implements analysis.Analyzer; the input is the field's text,
// which the tokens were computed from.
func (a analyzed) Analyze([]byte) analysis.TokenStream { return tokenStream(a) }

// tokenStream converts segment tokens to bleve tokens, allocating the
// tokens in one block.
func tokenStream(toks []corpus.Token) analysis.TokenStream {
	block := make([]analysis.Token, len(toks))
	out := make(analysis.TokenStream, len(toks))
	for i, t := range toks {
		block[i] = analysis.Token{
			Start:    t.Span.Start,
			End:      t.Span.End,
			Term:     []byte(t.Term),
			Position: t.Pos,
			Type:     tokenType(t.Term),
		}
		out[i] = &block[i]
	}
	return out
}

// tokenType classifies a term the way bleve's unicode tokenizer does.
func tokenType(term string) analysis.TokenType {
	r, _ := utf8.DecodeRuneInString(term)
	switch {
	case unicode.Is(unicode.Han, r):
		return analysis.Ideographic
	case unicode.IsDigit(r):
		return analysis.Numeric
	}
	return analysis.AlphaNumeric
}
