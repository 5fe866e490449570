package segment

import (
	"os"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yanyiwu/gojieba"
	"golang.org/x/text/width"

	"github.com/baogao/baogao/corpus"
)

// Options configures New. The zero value loads the dictionaries found as
// the package comment describes.
type Options struct {
	// DictDir holds jieba.dict.utf8, hmm_model.utf8, user.dict.utf8,
	// idf.utf8 and stop_words.utf8. Empty: BAOGAO_DICT_DIR, then the
	// embedded ones.
	DictDir string
}

// Jieba segments Chinese text. It never changes after New, and cutting is
// safe for concurrent use: cppjieba only reads its dictionaries while
// cutting.
type Jieba struct {
	// loaded is closed once x is set: the dictionaries load
	// on a goroutine of their own (see New), and every cut waits for it.
	loaded chan struct{}
	x      *gojieba.Jieba
	dir    string
	source string
	hash   string
	// dict holds the dictionaries' words and tags, for the tags of Tag
	// and the sub-words of subwords, built from data at the first Tag or
	// Cut (words): the bare segmentation that bench measures uses
	// cppjieba alone and must not pay for it (0.2 CPU-s, 35 MB).
	data     [2]string // the main and the user dictionary
	dictOnce sync.Once
	dict     *dictionary
}

// words returns the dictionaries' words and tags, built at the first call.
func (j *Jieba) words() *dictionary {
	j.dictOnce.Do(func() { j.dict = newDictionary(j.data[0], j.data[1]) })
	return j.dict
}

// New checks the dictionaries and returns a Jieba that loads them on a
// goroutine: loading takes about half a second of one CPU and 100 MB, and
// a command has other work to do meanwhile (an incremental run carries the
// rows of unchanged files before it cuts anything); the first cut waits
// for it. Make one per process and share it.
func New(opts Options) (*Jieba, error) {
	dir, source, hash, err := dictDir(opts.DictDir)
	if err != nil {
		return nil, err
	}
	paths, err := checkDicts(dir)
	if err != nil {
		return nil, err
	}
	if hash == "" {
		if hash, err = hashDicts(paths); err != nil {
			return nil, &DictError{Path: dir, Err: err}
		}
	}
	j := &Jieba{loaded: make(chan struct{}), dir: dir, source: source, hash: hash}
	for i, p := range []string{paths[0], paths[2]} {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, &DictError{Path: p, Err: err}
		}
		j.data[i] = string(b)
	}
	go func() {
		// checkDicts has read every file cppjieba reads, so it finds
		// them whole.
		j.x = gojieba.NewJieba(paths...)
		close(j.loaded)
	}()
	return j, nil
}

// Wait blocks until the dictionaries are loaded. Cuts wait by
// themselves; a caller that times its cuts (search's took_ms) or must not
// keep its first client waiting (serve) waits first.
func (j *Jieba) Wait() { j.load() }

// load waits until the dictionaries are loaded.
func (j *Jieba) load() *gojieba.Jieba {
	<-j.loaded
	return j.x
}

// Dir returns the dictionary directory in use and where it came from
// ("flag", "BAOGAO_DICT_DIR", "embedded").
func (j *Jieba) Dir() (dir, source string) { return j.dir, j.source }

// Hash identifies the dictionaries' content: runs with equal hashes cut
// alike.
func (j *Jieba) Hash() string { return j.hash }

// Close frees the C++ segmenter. Safe twice.
func (j *Jieba) Close() { j.load().Free() }

// maxChunk bounds the bytes handed to cppjieba at once: it copies its input
// and output, and words never span a line break anyway.
const maxChunk = 64 << 10

// keptPOS is the part-of-speech tag of a word kept whole (Words): the
// names kept whole are proper nouns.
const keptPOS = "nz"

// Cut cuts text once, with part-of-speech tags, keeping the words of keep
// whole (keep may be nil), and returns both what the index needs and what
// entity rules need, spans into text:
//   - search: every word with the dictionary sub-words search mode adds
//     inside it, at the word's position (Token.Pos);
//   - tagged: the words with their POS tags.
//
// It costs one cut through cppjieba; the tags and the sub-words are looked
// up in Go (dictionary), instead of two cuts (search mode and tags).
// Callers pass the text to analyse as it should be read: the pipeline
// passes the repaired view (pipeline/normalize.Repair).
func (j *Jieba) Cut(text string, keep *Words) (search, tagged []corpus.Token) {
	tagged = j.Tag(text, keep)
	return j.subwords(text, tagged), tagged
}

// Tag cuts text into non-overlapping words with jieba part-of-speech tags
// (n, v, nr person, ns place, nt organisation, m numeral, x other ...),
// keeping the words of keep whole (tagged nz). Whitespace and punctuation
// are dropped.
func (j *Jieba) Tag(text string, keep *Words) []corpus.Token {
	text = cString(text)
	// About one word in five bytes of Chinese text (news: one in 5.5): room
	// for them at once instead of a slice doubling nine times.
	out := make([]corpus.Token, 0, len(text)/5+8)
	from := 0
	for _, w := range keep.find(text) {
		out = j.tagPiece(text, from, w.Start, out)
		out = append(out, corpus.Token{Span: w, Term: Term(text[w.Start:w.End]), POS: keptPOS})
		from = w.End
	}
	return j.tagPiece(text, from, len(text), out)
}

// tagPiece appends the tagged words of text[from:to].
func (j *Jieba) tagPiece(text string, from, to int, out []corpus.Token) []corpus.Token {
	dict := j.words()
	forChunks(text[from:to], func(off int, chunk string) {
		off += from
		// cppjieba's Tag is this same cut (MixSegment with HMM), each
		// word then looked up for its tag (tagTable.lookup). Tokenize in
		// default mode is that cut returning byte offsets in one buffer
		// (Cut copies every word into a C string and then a Go string).
		for _, w := range j.load().Tokenize(chunk, gojieba.DefaultMode, true) {
			if w.Start >= w.End || !indexable(w.Str) {
				continue
			}
			out = append(out, corpus.Token{
				Span: corpus.Span{Start: off + w.Start, End: off + w.End},
				Term: Term(w.Str),
				POS:  dict.tag(w.Str),
			})
		}
	})
	return out
}

// subwords expands words (non-overlapping, in order) into search-mode
// tokens: each word at the next position, followed by the sub-words search
// mode adds inside it, by start, longer first. cppjieba's search mode
// (QuerySegment) adds, inside a word of three or more characters, every
// 2-character dictionary word, and inside one of four or more every
// 3-character one; the dictionary lookup is done here, in Go, on the
// same dictionaries (a full-mode cut of the long words through cgo cost
// 2.35 of 56 CPU-s on xwlb).
func (j *Jieba) subwords(text string, words []corpus.Token) []corpus.Token {
	dict := j.words()
	out := make([]corpus.Token, 0, len(words)*5/4)
	var runes []rune
	var offs []int
	for i, w := range words {
		w.Pos, w.POS = i+1, ""
		out = append(out, w)
		word := text[w.Span.Start:w.Span.End]
		if len(word) < 3 {
			continue
		}
		runes, offs = runes[:0], offs[:0]
		for k, r := range word {
			runes, offs = append(runes, r), append(offs, k)
		}
		n := len(runes)
		if n < 3 {
			continue
		}
		offs = append(offs, len(word))
		for k := 0; k+1 < n; k++ {
			for _, size := range [2]int{3, 2} {
				if k+size > n || size == 3 && n < 4 || !dict.has(runes[k:k+size]) {
					continue
				}
				sub := word[offs[k]:offs[k+size]]
				if !indexable(sub) {
					continue
				}
				out = append(out, corpus.Token{
					Span: corpus.Span{Start: w.Span.Start + offs[k], End: w.Span.Start + offs[k+size]},
					Term: Term(sub),
					Pos:  w.Pos,
				})
			}
		}
	}
	return out
}

// searchMode cuts text in cppjieba's search mode, the reference that Cut's
// search tokens reproduce (tests compare the two).
func (j *Jieba) searchMode(text string) []corpus.Token {
	text = cString(text)
	var out []corpus.Token
	pos := 0
	forChunks(text, func(off int, chunk string) {
		words := j.load().Tokenize(chunk, gojieba.SearchMode, true)
		sortWords(words)
		baseEnd := -1
		for _, w := range words {
			if !indexable(w.Str) {
				continue
			}
			if w.Start >= baseEnd {
				pos++
				baseEnd = w.End
			}
			out = append(out, corpus.Token{Span: corpus.Span{Start: off + w.Start, End: off + w.End}, Term: Term(w.Str), Pos: pos})
		}
	})
	return out
}

// CutForSearch cuts text in cppjieba's search mode with gojieba's plain
// call, words as strings: the bare segmentation that baogao bench
// measures baogao against.
func (j *Jieba) CutForSearch(text string) []string {
	return j.load().CutForSearch(cString(text), true)
}

// Term folds a word for the index: full-width to half-width (x/text
// width.Fold, not NFKC, so ① and ㎡ stay themselves), then lower case.
func Term(w string) string {
	if plainTerm(w) {
		return w
	}
	return strings.ToLower(width.Fold.String(w))
}

// plainTerm reports whether w is its own term: lower-case ASCII and CJK
// unified ideographs only, which neither folding nor lower-casing change
// (most words: a run spares a string copy for each of them).
func plainTerm(w string) bool {
	for _, r := range w {
		if !(r < utf8.RuneSelf && (r < 'A' || r > 'Z') || r >= 0x4E00 && r <= 0x9FFF) {
			return false
		}
	}
	return true
}

// indexable reports whether a word holds a letter or digit; whitespace and
// punctuation runs are not words worth indexing.
func indexable(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return true
		}
	}
	return false
}

// cString returns s as a string safe for cppjieba, with the same byte
// offsets: a NUL would end the C string early, and cppjieba drops a whole
// sentence that is not UTF-8, so each NUL and each byte of an invalid
// sequence becomes a space.
func cString(s string) string {
	if strings.IndexByte(s, 0) < 0 && utf8.ValidString(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == 0 || r == utf8.RuneError && n == 1 {
			b = append(b, ' ')
		} else {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return string(b)
}

// forChunks calls fn for consecutive pieces of text of at most maxChunk
// bytes, cut after a line break where possible (else at a rune boundary),
// with each piece's byte offset.
func forChunks(text string, fn func(off int, chunk string)) {
	for off := 0; off < len(text); {
		end := len(text)
		if end-off > maxChunk {
			end = off + maxChunk
			if nl := strings.LastIndexByte(text[off:end], '\n'); nl > 0 {
				end = off + nl + 1
			} else {
				for end > off && !utf8.RuneStart(text[end]) {
					end--
				}
			}
		}
		fn(off, text[off:end])
		off = end
	}
}

// sortWords orders words by start, longer first. Search mode output is
// nearly sorted (sub-words, then their word), so insertion sort is linear
// in practice.
func sortWords(w []gojieba.Word) {
	for i := 1; i < len(w); i++ {
		for k := i; k > 0 && less(w[k], w[k-1]); k-- {
			w[k], w[k-1] = w[k-1], w[k]
		}
	}
}

func less(a, b gojieba.Word) bool {
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	return a.End > b.End
}
