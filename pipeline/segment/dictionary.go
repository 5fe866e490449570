package segment

import (
	"strings"
	"unicode/utf8"
)

// dictionary holds the words of the jieba dictionaries with their
// part-of-speech tags, as cppjieba's DictTrie holds them, for what cutting
// does in Go: Tag looks each word of cppjieba's Cut up here instead of
// calling cppjieba's Tag, which costs 1.5 to 1.8 times its Cut (it decodes
// every word again, walks its trie and builds a "word/tag" string for
// each), and subwords finds the dictionary words inside a word here.
//
// Words are stored by length, so that the common short words are found
// without hashing strings: a table by rune for one character, integer
// keys for two and three; a tag is an index into tags (0: no tag). A
// dictionary never changes after newDictionary.
type dictionary struct {
	tags  []string          // tag names; tags[0] is ""
	one   []uint32          // tag of each one-character word below 0x10000
	short map[uint64]uint32 // two- and three-character words (shortKey)
	long  map[string]uint32 // longer words, and single runes beyond 0xFFFF
}

// newDictionary reads the main dictionary, then the user one, in the order
// cppjieba loads them. The long words are substrings of the data.
func newDictionary(main, user string) *dictionary {
	d := &dictionary{
		tags:  []string{""},
		one:   make([]uint32, 0x10000),
		short: make(map[uint64]uint32, 1<<18),
		long:  make(map[string]uint32, 1<<17),
	}
	index := map[string]uint32{"": 0}
	for i, data := range []string{main, user} {
		for len(data) > 0 {
			line := data
			if k := strings.IndexByte(data, '\n'); k >= 0 {
				line, data = data[:k], data[k+1:]
			} else {
				data = ""
			}
			word, tag, ok := dictLine(line, i > 0)
			if !ok {
				continue
			}
			t, ok := index[tag]
			if !ok {
				t = uint32(len(d.tags))
				index[tag] = t
				d.tags = append(d.tags, tag)
			}
			d.add(word, t)
		}
	}
	return d
}

// dictLine reads one dictionary line as cppjieba's DictTrie does: fields
// split at each single space (two spaces make an empty field), the last
// field keeping any '\r'; the main dictionary's lines are "word freq tag",
// a user dictionary's "word", "word tag" or "word freq tag" (other lines
// are dropped, and a user word without a tag has the empty tag). cppjieba
// inserts no empty or undecodable word.
func dictLine(line string, user bool) (word, tag string, ok bool) {
	if user && line == "" {
		return "", "", false
	}
	f := strings.Split(line, " ")
	if n := len(f); n > 1 && f[n-1] == "" {
		f = f[:n-1] // limonp::Split adds no empty field after a final separator
	}
	switch {
	case len(f) == 3:
		word, tag = f[0], f[2]
	case user && len(f) == 2:
		word, tag = f[0], f[1]
	case user && len(f) == 1:
		word = f[0]
	default:
		return "", "", false
	}
	return word, tag, word != "" && utf8.ValidString(word)
}

// add sets a word's tag: a later line of a word replaces an earlier one,
// as a later trie insert does.
func (d *dictionary) add(word string, tag uint32) {
	var rs [4]rune
	n := runesOf(word, &rs)
	switch {
	case n == 1 && rs[0] < 0x10000:
		d.one[rs[0]] = tag
	case n == 2 || n == 3:
		d.short[shortKey(rs[:n])] = tag
	default:
		d.long[word] = tag
	}
}

// runesOf puts the first runes of w in rs and returns how many w has, up to
// len(rs)+1 (more than len(rs) when w is longer).
func runesOf(w string, rs *[4]rune) int {
	n := 0
	for _, r := range w {
		if n == len(rs) {
			return n + 1
		}
		rs[n], n = r, n+1
	}
	return n
}

// shortKey packs two or three runes in a uint64, 21 bits a rune (every
// rune fits), the top bit marking two.
func shortKey(rs []rune) uint64 {
	if len(rs) == 2 {
		return 1<<63 | uint64(rs[0])<<21 | uint64(rs[1])
	}
	return uint64(rs[0])<<42 | uint64(rs[1])<<21 | uint64(rs[2])
}

// has reports whether the two or three runes are a dictionary word, with
// or without a tag.
func (d *dictionary) has(rs []rune) bool {
	_, ok := d.short[shortKey(rs)]
	return ok
}

// tag returns the tag of a word of a cut, as cppjieba's PosTagger
// LookupTag does: the dictionary's tag, else (unknown or without a tag)
// "m" when the ASCII it counts are all digits, "eng" when they hold a
// letter and "x" when there are none. Like cppjieba it stops counting once
// ASCII runes reach half the word's runes (integer division), so a word of
// one ASCII character is "x".
func (d *dictionary) tag(w string) string {
	t, n := d.find(w)
	if t != 0 {
		return d.tags[t]
	}
	m, eng := 0, 0
	for _, r := range w {
		if eng >= n/2 {
			break
		}
		if r < utf8.RuneSelf {
			eng++
			if '0' <= r && r <= '9' {
				m++
			}
		}
	}
	switch {
	case eng == 0:
		return "x"
	case m == eng:
		return "m"
	}
	return "eng"
}

// find returns the tag index of w (0: not a word, or a word without a
// tag) and its number of runes.
func (d *dictionary) find(w string) (tag uint32, runes int) {
	var rs [4]rune
	n := runesOf(w, &rs)
	switch {
	case n == 1 && rs[0] < 0x10000:
		return d.one[rs[0]], 1
	case n == 2 || n == 3:
		return d.short[shortKey(rs[:n])], n
	case n > len(rs):
		n = utf8.RuneCountInString(w)
	}
	return d.long[w], n
}
