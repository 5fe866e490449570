package extract

import (
	"context"
	"fmt"
	"sort"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline/normalize"
)

// Stage is the pipeline stage that fills doc.Mentions.
//
// Concurrency: Process is safe for concurrent use when the extractors are.
type Stage struct {
	// Extractors run in order on the repaired view of the text.
	Extractors []corpus.Extractor
	// Repair builds the view extractors match on. Nil: normalize.Repair.
	Repair func(text string) *normalize.View
}

// Name implements pipeline.Stage.
func (Stage) Name() string { return "extract" }

// Process implements pipeline.Stage. Mentions inside the document's
// metadata lines (doc.MetaSpans) are dropped: those values are in
// doc.Meta. A mention whose span does not fit the text (an extractor bug)
// is dropped and reported as the stage's error, so it becomes a Problem
// and cannot corrupt the tables.
func (s Stage) Process(_ context.Context, doc *corpus.Document) error {
	ms, bad := Valid(doc.Text, s.Extract(doc.Text, doc.Date))
	doc.Mentions = corpus.Outside(ms, doc.MetaSpans)
	countedNouns(doc.Mentions, doc.Tags)
	return bad
}

// countedNouns corrects the counted noun the number extractor guessed from
// characters alone (it guesses only after measure words that count
// things): the word jieba tagged right after the number replaces it when
// it is a noun (8个⟨乡镇⟩ for the guess 乡镇开展), or clears it when it is
// not (10个⟨面向/v⟩). The guess stays where no tagged word starts at the
// number's end. tags are sorted, from the segment stage.
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

// Valid keeps the mentions whose spans fit text (corpus.Span.In) and
// returns an error describing the first one dropped, or nil.
func Valid(text string, ms []corpus.Mention) ([]corpus.Mention, error) {
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

// Extract returns the mentions of text, spans into text, overlaps
// resolved, sorted by start, then end, then kind.
func (s Stage) Extract(text string, ref corpus.Date) []corpus.Mention {
	repair := s.Repair
	if repair == nil {
		repair = normalize.Repair
	}
	view := repair(text)
	var all []corpus.Mention
	for _, ex := range s.Extractors {
		for _, m := range ex.Extract(view.Text, ref) {
			vs, ve := m.Span.Start, m.Span.End
			m.Span.Start, m.Span.End = view.Orig(vs, ve)
			if view.Text != text && 0 <= vs && vs <= ve && ve <= len(view.Text) && m.Span.In(text) &&
				view.Text[vs:ve] != text[m.Span.Start:m.Span.End] {
				m.Matched = view.Text[vs:ve]
			}
			all = append(all, m)
		}
	}
	return Resolve(all)
}

// rank orders the kinds that may not overlap: a named initiative claims its
// numerals (“323”健康问题攻坚行动), a date claims its year and day numbers.
// Entities are a separate layer and may overlap these.
var rank = map[corpus.Kind]int{
	corpus.KindInitiative: 3,
	corpus.KindDate:       2,
	corpus.KindNumber:     1,
}

// Resolve drops every date, number or initiative that overlaps one of a
// stronger kind (initiative > date > number) and sorts the rest by start,
// then end, then kind. Extractors return no overlaps within their own kind,
// so the spans of one kind, sorted, can be binary-searched.
func Resolve(ms []corpus.Mention) []corpus.Mention {
	corpus.SortMentions(ms)
	byKind := map[corpus.Kind][]corpus.Span{}
	for _, m := range ms {
		if rank[m.Kind] > 1 {
			byKind[m.Kind] = append(byKind[m.Kind], m.Span)
		}
	}
	keep := ms[:0]
	for _, m := range ms {
		if !dominated(m, byKind) {
			keep = append(keep, m)
		}
	}
	return keep
}

// dominated reports whether m overlaps a mention of a kind ranked above it.
func dominated(m corpus.Mention, byKind map[corpus.Kind][]corpus.Span) bool {
	r := rank[m.Kind]
	if r == 0 {
		return false
	}
	for k, spans := range byKind {
		if rank[k] <= r {
			continue
		}
		i := sort.Search(len(spans), func(i int) bool { return spans[i].End > m.Span.Start })
		if i < len(spans) && spans[i].Start < m.Span.End {
			return true
		}
	}
	return false
}
