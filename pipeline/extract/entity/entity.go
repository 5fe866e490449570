package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline/runeset"
)

// Extract returns the entities among the tagged words of text: the
// repaired view of a document and jieba's words of that same text
// (segment.Jieba.Tag), sorted, non-overlapping, spans into text. Mentions
// are sorted by start and do not overlap: an organisation claims the place
// or person inside its name (西门子/nr 公司), a person the foreign name
// parts jieba tags as places; the clubs of a list of teams are
// organisations (teams.go).
func Extract(text string, tokens []corpus.Token) []corpus.Mention {
	tags := words(tokens)
	out := make([]corpus.Mention, 0, len(tags)/16)
	for i := 0; i < len(tags); {
		m, n, ok := facility(text, tags, i)
		if !ok {
			m, n, ok = numberedOrg(text, tags, i)
		}
		if !ok {
			m, n, ok = org(text, tags, i)
		}
		if !ok {
			m, n, ok = dottedPerson(text, tags, i)
		}
		if !ok {
			m, n, ok = person(text, tags, i)
		}
		if !ok {
			m, n, ok = place(text, tags, i)
		}
		if !ok {
			if m, ok := wordPerson(text, tags[i]); ok {
				out = append(out, m)
			} else {
				out = append(out, wordPlaces(text, tags[i])...)
			}
			i++
			continue
		}
		out = append(out, m)
		i += n
	}
	return teamLists(text, provinceRegions(text, listedPlaces(text, out)))
}

// provinceAbbrevs are the one-character names of China's provinces,
// municipalities and special regions.
var provinceAbbrevs = runeset.Of("京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔贵滇云藏陕秦甘陇青宁新港澳台")

// provinceRegions joins a place written as provinces' abbreviations to
// the region that directly follows it: 粤港澳/ns 大湾区 is one place, the
// Greater Bay Area, not Guangdong–Hong Kong–Macao and a bay area.
func provinceRegions(text string, ms []corpus.Mention) []corpus.Mention {
	out := ms[:0]
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		if k+1 < len(ms) && m.Kind == corpus.KindPlace && ms[k+1].Kind == corpus.KindPlace && m.Span.End == ms[k+1].Span.Start &&
			runeCount(m.Value) >= 2 && allIn(m.Value, provinceAbbrevs) && !gazetteer[m.Value] && // 辽宁 is a province, 辽宁两省区 no region
			strings.HasSuffix(ms[k+1].Value, "区") && !hasNumeral(ms[k+1].Value) {
			m.Span.End = ms[k+1].Span.End
			m.Value, m.Rule = text[m.Span.Start:m.Span.End], "place/region"
			k++
		}
		out = append(out, m)
	}
	return out
}

// allIn reports whether every rune of w is in set.
func allIn(w string, set *runeset.Set) bool {
	for _, r := range w {
		if !set.Has(r) {
			return false
		}
	}
	return true
}

// listedPlaces makes a place of each name read as a person from its
// surname alone (rule person/x: no role, no speech verb) that an
// enumeration mark joins to a place: lists are of one kind, and such a
// name is most often a foreign town jieba does not know (在苏梅、哈尔科夫
// 方向: Sumy, beside Kharkiv).
func listedPlaces(text string, ms []corpus.Mention) []corpus.Mention {
	joined := func(a, b corpus.Mention) bool { return text[a.Span.End:b.Span.Start] == "、" }
	for k := range ms {
		m := &ms[k]
		if m.Kind != corpus.KindPerson || m.Rule != "person/x" {
			continue
		}
		if k > 0 && ms[k-1].Kind == corpus.KindPlace && joined(ms[k-1], *m) ||
			k+1 < len(ms) && ms[k+1].Kind == corpus.KindPlace && joined(*m, ms[k+1]) {
			*m = corpus.Mention{Kind: corpus.KindPlace, Span: m.Span, Value: m.Value, Rule: "place/listed"}
		}
	}
	return ms
}

// word is a tagged word with the facts about its term that the rules
// test at nearly every word, found once: the seven rules ask them about
// twenty times a word, a map lookup or a scan of the term each time.
type word struct {
	*corpus.Token      // the caller's: a copy would treble what Extract allocates
	han, runes    int  // Han characters and runes in Term
	first, last   rune // Term's first and last runes (RuneError if empty)
	gaz           bool // gazetteer[Term]
	notName       bool // notNames[Term]
	notPlace      bool // notPlaces[Term]
	taggedName    bool // taggedNames[Term]
	translit      bool // isTranslit(Term)
}

func words(tags []corpus.Token) []word {
	ws := make([]word, len(tags))
	for i := range tags {
		t := &tags[i]
		han, runes := 0, 0
		first, last := utf8.RuneError, utf8.RuneError
		for _, r := range t.Term {
			if runes == 0 {
				first = r
			}
			last = r
			runes++
			if isHan(r) {
				han++
			}
		}
		f := termFacts[t.Term]
		ws[i] = word{Token: t, han: han, runes: runes, first: first, last: last, gaz: f&factGaz != 0,
			notName: f&factNotName != 0, notPlace: f&factNotPlace != 0, taggedName: f&factTaggedName != 0, translit: isTranslit(t.Term)}
	}
	return ws
}

// termFacts holds, for each word of the gazetteer, notNames, notPlaces
// and taggedNames, which of them it is in: one lookup a word instead of
// four.
var termFacts = func() map[string]uint8 {
	m := map[string]uint8{}
	for _, s := range []struct {
		words map[string]bool
		fact  uint8
	}{{gazetteer, factGaz}, {notNames, factNotName}, {notPlaces, factNotPlace}, {taggedNames, factTaggedName}} {
		for w, ok := range s.words {
			if ok {
				m[w] |= s.fact
			}
		}
	}
	return m
}()

const (
	factGaz uint8 = 1 << iota
	factNotName
	factNotPlace
	factTaggedName
)

// adjacent reports whether word b directly follows word a in the text.
func adjacent(a, b word) bool { return a.Span.End == b.Span.Start }

// suffixSet is a list of word endings indexed by last rune: the rules
// test the long lists (organisation suffixes, roles) at every word, and
// the set of last runes turns most words away before the map.
type suffixSet struct {
	last   *runeset.Set
	byLast map[rune][]string
}

func newSuffixSet(words []string) suffixSet {
	m := suffixSet{last: new(runeset.Set), byLast: map[rune][]string{}}
	for _, w := range words {
		r := lastRune(w)
		if r >= runeset.BMP {
			panic("entity: an ending beyond U+FFFF: " + w) // the filter would miss it
		}
		m.last.Add(r)
		m.byLast[r] = append(m.byLast[r], w)
	}
	return m
}

// match returns the first listed ending of w, in list order, or "".
func (m suffixSet) match(w string) string {
	r := lastRune(w)
	if !m.last.Has(r) {
		return ""
	}
	for _, s := range m.byLast[r] {
		if strings.HasSuffix(w, s) {
			return s
		}
	}
	return ""
}

func (m suffixSet) has(w string) bool { return m.match(w) != "" }

// firstRunes returns the set of the first runes of a map's keys, a bit
// test that turns most words away before a lookup in the map. Every key
// must start below runeset.BMP.
func firstRunes[V any](m map[string]V) *runeset.Set {
	b := new(runeset.Set)
	for k := range m {
		r := firstRune(k)
		if r >= runeset.BMP {
			panic("entity: a word beyond U+FFFF: " + k) // the filter would miss it
		}
		b.Add(r)
	}
	return b
}

func hanLen(s string) int {
	n := 0
	for _, r := range s {
		if isHan(r) {
			n++
		}
	}
	return n
}

func isHan(r rune) bool {
	// The common block first: unicode.Is walks a table at every rune.
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && unicode.Is(unicode.Han, r)
}

func runeCount(s string) int { return utf8.RuneCountInString(s) }

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
