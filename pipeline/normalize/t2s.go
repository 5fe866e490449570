package normalize

import (
	"fmt"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/liuzl/da"
	"github.com/longbridgeapp/opencc"

	"github.com/baogao/baogao/pipeline/runeset"
)

// T2S returns text converted from traditional to simplified Chinese with
// OpenCC's "t2s" dictionaries (醫院 → 医院, 瞭解 → 了解).
//
// It walks the dictionaries itself rather than calling OpenCC.Convert, with
// the same rules (at each rune, the longest phrase of at most ten runes
// found in the first dictionary that has one; else the rune unchanged), so
// that it knows which source runes each output came from. A phrase whose
// rune count is unchanged maps rune by rune, any other as a whole. The
// dictionaries load on first use, about 10 ms; see converter.
func T2S(text string) *View {
	t := converter()
	v := Identity(text)
	for i, g := range t.cc.DictChains {
		v = v.Then(func(s string) *View { return convertGroup(s, g.Dicts, &t.starts[i]) })
	}
	return v
}

// IsTraditional reports whether text looks like traditional Chinese: at
// least traditionalShare of its first maxSampleHan Han characters change
// under T2S's character dictionary. It costs a bit test per Han character,
// so Repair can run it on every document and skip T2S on simplified ones.
func IsTraditional(text string) bool {
	t := converter()
	han, changed := 0, 0
	for _, r := range text {
		if !isHan(r) {
			continue
		}
		han++
		if r < bmp {
			if t.changes.Has(r) {
				changed++
			}
		} else if changesRune(t.charDict(), r) {
			changed++
		}
		if han == maxSampleHan {
			break
		}
	}
	return han > 0 && float64(changed) >= traditionalShare*float64(han)
}

// traditionalShare lies between what simplified and traditional texts score:
// the seeds and xwlb transcripts 0, the simplified Sunzi 0.03 (characters
// such as 乾 and 著 are also simplified), the traditional Sunzi 0.26.
const (
	traditionalShare = 0.10
	maxSampleHan     = 1000 // enough to decide; keeps the check cheap on long files
)

// maxPhraseRunes is OpenCC's look-ahead: phrases are at most ten runes.
const maxPhraseRunes = 10

// tables is OpenCC's t2s converter with two lookup sets over the Basic
// Multilingual Plane, computed once from its dictionaries so that the runes
// no dictionary knows, most of any text, cost a bit test instead of trie
// walks.
type tables struct {
	cc      *opencc.OpenCC
	starts  []runeset.Set // per group of the chain: runes some key starts with
	changes runeset.Set   // runes the character dictionary changes
}

var (
	loadOnce sync.Once
	loaded   *tables
)

// converter loads the t2s dictionaries once, about 10 ms. OpenCC builds its
// tries from dictionaries embedded in its package, so loading needs no files
// and can only fail if that package is broken: a panic, like a bad
// regexp.MustCompile. After loading, the tries are only read (cedar's Jump
// and Value), so one converter serves every goroutine without a lock.
func converter() *tables {
	loadOnce.Do(func() {
		cc, err := opencc.New("t2s")
		if err != nil {
			panic(fmt.Sprintf("normalize: load opencc t2s: %v", err))
		}
		t := &tables{cc: cc, starts: make([]runeset.Set, len(cc.DictChains))}
		var enc [utf8.UTFMax]byte
		for r := rune(0); r < bmp; r++ {
			if utf16.IsSurrogate(r) {
				continue
			}
			key := enc[:utf8.EncodeRune(enc[:], r)]
			for i, g := range cc.DictChains {
				for _, d := range g.Dicts {
					if hasPrefix(d, key) {
						t.starts[i].Add(r)
					}
				}
			}
			if changesRune(t.charDict(), r) {
				t.changes.Add(r)
			}
		}
		loaded = t
	})
	return loaded
}

// charDict is the character dictionary: the last of the first group, after
// the phrases.
func (t *tables) charDict() *da.Dict {
	dicts := t.cc.DictChains[0].Dicts
	return dicts[len(dicts)-1]
}

// bmp bounds runeSet: runes above it are rare and always walk the tries.
const bmp = 0x10000

// mayHave reports whether r may start a key of a group: runes of s, and
// every rune from bmp on, which walks the tries.
func mayHave(s *runeset.Set, r rune) bool { return r >= bmp || s.Has(r) }

// convertGroup converts text with one group of OpenCC's conversion chain.
func convertGroup(text string, dicts []*da.Dict, starts *runeset.Set) *View {
	b := builder{orig: text}
	var src []byte // the text as the tries want it, made at the first key rune
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !mayHave(starts, r) {
			i += size
			continue
		}
		if src == nil {
			src = []byte(text)
		}
		window := src[i : runeOffset(src[i:], maxPhraseRunes)+i]
		n, out := 0, ""
		for _, d := range dicts {
			var ok bool
			if n, out, ok = longestMatch(d, window); ok {
				break
			}
		}
		if n == 0 { // no phrase: keep one rune
			i += size
			continue
		}
		if out != text[i:i+n] {
			replaceRunes(&b, i, text[i:i+n], out)
		}
		i += n
	}
	return b.view()
}

// replaceRunes replaces in with out at offset at, rune by rune when both
// have as many runes, so that a span inside a converted phrase maps back to
// just its own characters.
func replaceRunes(b *builder, at int, in, out string) {
	if utf8.RuneCountInString(in) != utf8.RuneCountInString(out) {
		b.replace(at, len(in), out)
		return
	}
	for len(in) > 0 {
		_, n := utf8.DecodeRuneInString(in)
		_, m := utf8.DecodeRuneInString(out)
		if in[:n] != out[:m] {
			b.replace(at, n, out[:m])
		}
		at, in, out = at+n, in[n:], out[m:]
	}
}

// longestMatch returns the length in bytes and the first conversion of the
// longest key of d that is a prefix of key, walking the trie byte by byte
// as da.Dict.PrefixMatch does, without its map.
func longestMatch(d *da.Dict, key []byte) (int, string, bool) {
	n, value, from := 0, -1, 0
	for i := range key {
		to, err := d.Trie.Jump(key[i:i+1], from)
		if err != nil {
			break
		}
		if v, err := d.Trie.Value(to); err == nil {
			n, value = i+1, v
		}
		from = to
	}
	if value < 0 || len(d.Values[value]) == 0 {
		return 0, "", false
	}
	return n, d.Values[value][0], true
}

// changesRune reports whether the character dictionary d converts r.
func changesRune(d *da.Dict, r rune) bool {
	var enc [utf8.UTFMax]byte
	key := enc[:utf8.EncodeRune(enc[:], r)]
	_, out, ok := longestMatch(d, key)
	return ok && out != string(r)
}

// hasPrefix reports whether some key of d starts with key.
func hasPrefix(d *da.Dict, key []byte) bool {
	from := 0
	for i := range key {
		to, err := d.Trie.Jump(key[i:i+1], from)
		if err != nil {
			return false
		}
		from = to
	}
	return true
}

// runeOffset returns the byte offset of the n-th rune of s, or len(s).
func runeOffset(s []byte, n int) int {
	off := 0
	for ; n > 0 && off < len(s); n-- {
		_, size := utf8.DecodeRune(s[off:])
		off += size
	}
	return off
}

// isHan reports whether r is a Han character, testing the block of common
// ideographs before the table.
func isHan(r rune) bool {
	return 0x4E00 <= r && r <= 0x9FFF || r >= 0x2E80 && unicode.Is(unicode.Han, r)
}
