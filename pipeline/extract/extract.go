package extract

import (
	"fmt"
	"slices"
	"sort"
	"sync/atomic"
	"time"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline/normalize"
)

// Input is what an extractor sees of one document.
type Input struct {
	// Text is the repaired view of the document (normalize.Repair: hard
	// wraps joined, width folded, traditional script simplified). The
	// spans of the mentions an extractor returns are byte offsets into it.
	Text string
	// Ref is the document's own date, maybe partial or zero: the
	// reference for missing years and relative expressions.
	Ref corpus.Date
	// Tags are the words of Text from one jieba cut, with part-of-speech
	// tags, spans into Text; nil when the text was not segmented.
	Tags []corpus.Token
}

// Extractor finds mentions in one document. It is pure (no I/O, no error;
// no match is an empty result) and safe for concurrent use.
type Extractor interface {
	Extract(in *Input) []corpus.Mention
}

// Func adapts a function to Extractor.
type Func func(in *Input) []corpus.Mention

// Extract implements Extractor.
func (f Func) Extract(in *Input) []corpus.Mention { return f(in) }

// Registration puts an extractor into a Set.
type Registration struct {
	// Name names the extractor: problems of its stage are "extract/Name",
	// its time is reported under that name.
	Name string
	// Kinds are the kinds its mentions have.
	Kinds []corpus.Kind
	// Precedence decides overlaps between kinds: a mention that overlaps
	// one of a kind of higher precedence is dropped (a named initiative
	// claims its numerals: “323”健康问题攻坚行动; a date its year). Kinds of
	// precedence 0 are a layer of their own that overlaps anything
	// (entities). Mentions of one extractor never overlap each other.
	Precedence int
	Extractor  Extractor
	// Explain, when set, adds kind-specific steps to the audit trail of a
	// mention (`baogao extract -explain`).
	Explain func(m corpus.Mention) []string
}

// Set is the registered extractors of a run.
//
// Concurrency: Mentions is safe for concurrent use; the registrations are
// fixed by NewSet.
type Set struct {
	regs  []Registration
	prec  map[corpus.Kind]int
	kinds map[corpus.Kind]int // kind → index of its registration
	spent []atomic.Int64      // nanoseconds per registration
}

// NewSet returns the set of regs, run in this order. Two registrations
// may not yield the same kind.
func NewSet(regs ...Registration) (*Set, error) {
	s := &Set{regs: regs, prec: map[corpus.Kind]int{}, kinds: map[corpus.Kind]int{}, spent: make([]atomic.Int64, len(regs))}
	for i, r := range regs {
		if r.Name == "" || r.Extractor == nil || len(r.Kinds) == 0 {
			return nil, fmt.Errorf("extract: registration %d needs a name, an extractor and its kinds", i)
		}
		for _, k := range r.Kinds {
			if j, dup := s.kinds[k]; dup {
				return nil, fmt.Errorf("extract: kind %s registered by %s and %s", k, regs[j].Name, r.Name)
			}
			s.kinds[k] = i
			s.prec[k] = r.Precedence
		}
	}
	return s, nil
}

// Kinds returns the kinds the set extracts, in registration order.
func (s *Set) Kinds() []corpus.Kind {
	var out []corpus.Kind
	for _, r := range s.regs {
		out = append(out, r.Kinds...)
	}
	return out
}

// Names returns the names of the registrations, in order.
func (s *Set) Names() []string {
	out := make([]string, len(s.regs))
	for i, r := range s.regs {
		out[i] = r.Name
	}
	return out
}

// Explain returns the kind-specific steps of m's audit trail, if its
// registration has any.
func (s *Set) Explain(m corpus.Mention) []string {
	i, ok := s.kinds[m.Kind]
	if !ok || s.regs[i].Explain == nil {
		return nil
	}
	return s.regs[i].Explain(m)
}

// Spent returns the time spent in each extractor so far, summed over
// goroutines, keyed "extract/NAME".
func (s *Set) Spent() map[string]time.Duration {
	out := make(map[string]time.Duration, len(s.regs))
	for i, r := range s.regs {
		out["extract/"+r.Name] = time.Duration(s.spent[i].Load())
	}
	return out
}

// Mentions runs every extractor on in (in.Text is view.Text, the repaired
// view of text) and returns the mentions with spans mapped back into text,
// overlaps resolved, sorted by start, end and kind. Counted nouns are set
// from in.Tags. A mention whose span does not fit (an extractor bug) is
// dropped and reported in the error, a *corpus.Problem of stage
// "extract/NAME", so it cannot corrupt the tables.
func (s *Set) Mentions(text string, view *normalize.View, in *Input) ([]corpus.Mention, error) {
	var bad error
	found := make([][]corpus.Mention, len(s.regs))
	n := 0
	for i, r := range s.regs {
		t := time.Now()
		ms, err := valid(in.Text, r.Extractor.Extract(in))
		if err != nil && bad == nil {
			bad = &corpus.Problem{Stage: "extract/" + r.Name, Reason: "invalid mention span", Err: err}
		}
		countedNouns(ms, in.Tags)
		found[i], n = ms, n+len(ms)
		s.spent[i].Add(int64(time.Since(t)))
	}
	all := make([]corpus.Mention, 0, n) // mentions are large: one allocation, not a doubling slice
	for _, ms := range found {
		for _, m := range ms {
			vs, ve := m.Span.Start, m.Span.End
			m.Span.Start, m.Span.End = view.Orig(vs, ve)
			if in.Text != text && m.Span.In(text) && in.Text[vs:ve] != text[m.Span.Start:m.Span.End] {
				m.Matched = in.Text[vs:ve]
			}
			all = append(all, m)
		}
	}
	return s.resolve(all), bad
}

// countedNouns corrects the counted noun the number extractor guessed from
// characters alone (it guesses only after measure words that count
// things): the word jieba tagged right after the number replaces it when
// it is a noun (8个⟨乡镇⟩ for the guess 乡镇开展), or clears it when it is
// not (10个⟨面向/v⟩). The guess stays where no tagged word starts at the
// number's end. Spans of ms and tags are in the same text; tags sorted.
func countedNouns(ms []corpus.Mention, tags []corpus.Token) {
	if len(tags) == 0 {
		return
	}
	for i := range ms {
		m := &ms[i]
		if m.Kind != corpus.KindNumber || m.Noun == "" {
			continue
		}
		k := sort.Search(len(tags), func(k int) bool { return tags[k].Span.Start >= m.Span.End })
		if k == len(tags) || tags[k].Span.Start != m.Span.End {
			continue
		}
		m.Noun = ""
		switch tags[k].POS {
		case "n", "nz", "ng", "nt", "ns":
			m.Noun = tags[k].Term
		}
	}
}

// valid keeps the mentions whose spans fit text (corpus.Span.In) and
// returns an error describing the first one dropped, or nil.
func valid(text string, ms []corpus.Mention) ([]corpus.Mention, error) {
	keep := ms[:0]
	var err error
	for _, m := range ms {
		if !m.Span.In(text) {
			if err == nil {
				err = fmt.Errorf("%v mention %q (rule %s): span [%d,%d) does not fit the text of %d bytes; dropped",
					m.Kind, m.Value, m.Rule, m.Span.Start, m.Span.End, len(text))
			}
			continue
		}
		keep = append(keep, m)
	}
	return keep, err
}

// resolve drops every mention that overlaps one of a kind of higher
// precedence and sorts the rest by start, then end, then kind. Extractors
// return no overlaps within their own kind, so the spans of one kind,
// sorted, can be binary-searched.
func (s *Set) resolve(ms []corpus.Mention) []corpus.Mention {
	return resolve(ms, s.prec)
}

func resolve(ms []corpus.Mention, prec map[corpus.Kind]int) []corpus.Mention {
	corpus.SortMentions(ms)
	byKind := map[corpus.Kind][]corpus.Span{}
	for _, m := range ms {
		if prec[m.Kind] > 0 {
			byKind[m.Kind] = append(byKind[m.Kind], m.Span)
		}
	}
	// Kinds in a fixed order, so the work does not depend on map order.
	kinds := make([]corpus.Kind, 0, len(byKind))
	for k := range byKind {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	keep := ms[:0]
	for _, m := range ms {
		if !dominated(m, kinds, byKind, prec) {
			keep = append(keep, m)
		}
	}
	return keep
}

// dominated reports whether m overlaps a mention of a kind of higher
// precedence.
func dominated(m corpus.Mention, kinds []corpus.Kind, byKind map[corpus.Kind][]corpus.Span, prec map[corpus.Kind]int) bool {
	r := prec[m.Kind]
	if r == 0 {
		return false
	}
	for _, k := range kinds {
		if prec[k] <= r {
			continue
		}
		spans := byKind[k]
		i := sort.Search(len(spans), func(i int) bool { return spans[i].End > m.Span.Start })
		if i < len(spans) && spans[i].Start < m.Span.End {
			return true
		}
	}
	return false
}
