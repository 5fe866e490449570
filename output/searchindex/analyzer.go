package searchindex

import (
	"bytes"
	"errors"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline/segment"
)

// AnalyzerName is the name of the jieba tokenizer and analyzer in bleve's
// registry. Index mappings refer to it, so it never changes.
const AnalyzerName = "baogao-jieba"

// ErrNotRegistered is returned by Create and Open before Register was
// called: the index could not analyse text.
var ErrNotRegistered = errors.New("searchindex: Register not called: no jieba segmenter for the analyzer")

// current is the segmenter behind the registered analyzer. bleve caches
// analyzers per index, so the tokenizer reads this pointer on every call
// and a later Register takes effect in open indexes too.
var current atomic.Pointer[segment.Jieba]

// Register makes the jieba analyzer available to bleve, segmenting with j.
// Call it once per process before Create or Open. It is idempotent; a
// second call with another Jieba replaces the first.
func Register(j *segment.Jieba) { current.Store(j) }

func registered() error {
	if current.Load() == nil {
		return ErrNotRegistered
	}
	return nil
}

func init() {
	// bleve's registry refuses a name twice and is global, so register
	// the constructors once here; Register only swaps the segmenter.
	if err := registry.RegisterTokenizer(AnalyzerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return tokenizer{}, nil
	}); err != nil {
		panic(err)
	}
	if err := registry.RegisterAnalyzer(AnalyzerName, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		// Terms come folded from segment.Term (width, case), so no token
		// filters: a filter that changed lengths would break highlighting.
		return &analysis.DefaultAnalyzer{Tokenizer: tokenizer{}}, nil
	}); err != nil {
		panic(err)
	}
}

// tokenizer cuts text with the registered Jieba in search mode. Sub-words
// keep the position of the word containing them (corpus.Token.Pos).
type tokenizer struct{}

// Tokenize implements analysis.Tokenizer. Offsets are bytes into input.
func (tokenizer) Tokenize(input []byte) analysis.TokenStream {
	j := current.Load()
	if j == nil {
		// bleve gives tokenizers no error path; Create and Open check
		// this first, so only direct bleve use gets here.
		panic(ErrNotRegistered)
	}
	if toks, ok := pretokenized.get(input); ok {
		return tokenStream(toks)
	}
	return tokenStream(j.SearchRepaired(cString(input)))
}

// pretokenized holds the search-mode tokens the pipeline's segment stage
// already computed, keyed by the text they came from, so indexing does not
// segment every document a second time (it halves indexing CPU). The
// Writer adds a document's tokens before handing it to bleve and removes
// them once bleve has analysed its batch; any text not found here is
// segmented as usual, so a miss costs time, never correctness.
var pretokenized = tokenCache{m: map[string][]corpus.Token{}}

// tokenCache is a map guarded for bleve's concurrent analysis workers.
type tokenCache struct {
	mu sync.RWMutex
	m  map[string][]corpus.Token
}

func (c *tokenCache) get(input []byte) ([]corpus.Token, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	toks, ok := c.m[string(input)] // no allocation: the compiler indexes by the bytes
	return toks, ok
}

func (c *tokenCache) put(text string, toks []corpus.Token) {
	c.mu.Lock()
	c.m[text] = toks
	c.mu.Unlock()
}

func (c *tokenCache) drop(texts []string) {
	c.mu.Lock()
	for _, t := range texts {
		delete(c.m, t)
	}
	c.mu.Unlock()
}

// cString returns input as a string safe for cppjieba, with the same byte
// offsets: a NUL would end the C string early, and cppjieba drops a whole
// sentence that is not UTF-8, so each NUL and each byte of an invalid
// sequence becomes a space.
func cString(input []byte) string {
	if bytes.IndexByte(input, 0) < 0 && utf8.Valid(input) {
		return string(input)
	}
	b := make([]byte, 0, len(input))
	for i := 0; i < len(input); {
		r, n := utf8.DecodeRune(input[i:])
		if r == 0 || r == utf8.RuneError && n == 1 {
			b = append(b, ' ')
		} else {
			b = append(b, input[i:i+n]...)
		}
		i += n
	}
	return string(b)
}

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
