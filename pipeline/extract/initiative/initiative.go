package initiative

import (
	"sort"

	"github.com/baogao/baogao/corpus"
)

// The rules, the Rule of every mention.
const (
	RuleQuotedHead    = "quoted+head"
	RuleQuotedSelf    = "quoted-self"
	RuleQuotedLexicon = "quoted-lexicon"
	RuleQuotedSeen    = "quoted-seen"
	RuleQuotedNumber  = "quoted-number"
	RuleTag           = "tag"
	RulePattern       = "pattern"
	RuleLexicon       = "lexicon"
)

// Options configures an Extractor. The zero Options uses the built-in
// lexicon only.
type Options struct {
	// Lexicon adds known names (and exclusions) to the built-in lexicon;
	// its types override the built-in ones. nil means built-in only.
	Lexicon *Lexicon
}

// Extractor finds named initiatives. It is immutable after New and safe
// for concurrent use.
type Extractor struct {
	lex *Lexicon
}

var _ corpus.Extractor = (*Extractor)(nil)

// New returns an Extractor using the built-in lexicon merged with
// opts.Lexicon. The lexicon is copied: later changes to opts.Lexicon have no
// effect.
func New(opts Options) *Extractor {
	lex := DefaultLexicon()
	lex.merge(opts.Lexicon)
	lex.index()
	return &Extractor{lex: lex}
}

// candidate is a possible mention in view coordinates.
type candidate struct {
	start, end int // bytes into the view
	typ, rule  string
	prio       int // higher wins an overlap: quotations, then lexicon, then pattern
}

const (
	prioPattern = iota + 1
	prioLexicon
	prioQuoted
)

// Extract returns the named initiatives in text, sorted by Start and
// non-overlapping. ref is unused: names do not depend on the date.
func (e *Extractor) Extract(text string, ref corpus.Date) []corpus.Mention {
	v := newView(text)
	var cs []candidate
	cs = e.quoted(v.s, cs)
	cs = e.patterns(v.s, cs)
	cs = e.lexicon(v.s, cs)
	cs = resolve(cs)
	out := make([]corpus.Mention, 0, len(cs))
	for _, c := range cs {
		start, end := v.span(c.start, c.end)
		value := e.Name(text[start:end])
		if e.lex.Excluded(value) {
			continue
		}
		typ := c.typ
		if t, ok := e.lex.Type(value); ok {
			typ = t
		}
		out = append(out, corpus.Mention{
			Kind:   corpus.KindInitiative,
			Span:   corpus.Span{Start: start, End: end},
			Value:  value,
			Rule:   c.rule,
			Type:   typ,
			Period: PlanPeriod(value),
		})
	}
	return out
}

// Name returns the canonical name of a written form of an initiative, as
// Extract gives it: quotation marks, spacing and a head noun after the
// quotation removed (Canonical), and a known name's variant linked to it
// (乡村振兴战略 → 乡村振兴).
func (e *Extractor) Name(surface string) string {
	return e.lex.variant(Canonical(surface))
}

// resolve keeps the best of overlapping candidates (higher priority, then
// longer, then earlier) and returns the survivors sorted by start.
func resolve(cs []candidate) []candidate {
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.prio != b.prio {
			return a.prio > b.prio
		}
		if la, lb := a.end-a.start, b.end-b.start; la != lb {
			return la > lb
		}
		return a.start < b.start
	})
	var kept []candidate
	for _, c := range cs {
		if c.end <= c.start {
			continue
		}
		ok := true
		for _, k := range kept {
			if c.start < k.end && k.start < c.end {
				ok = false
				break
			}
		}
		if ok {
			kept = append(kept, c)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	return kept
}
