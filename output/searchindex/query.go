package searchindex

import (
	"fmt"
	"slices"
	"time"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/baogao/baogao/corpus"
)

// parseQuery parses bleve query-string syntax. An empty query matches
// every document, so filters alone can list documents.
func (a Analyzer) parseQuery(s string) (query.Query, error) {
	if s == "" {
		return query.NewMatchAllQuery(), nil
	}
	q, err := query.NewQueryStringQuery(s).Parse()
	if err != nil {
		return nil, fmt.Errorf("searchindex: %w %q: %w", ErrQuery, s, err)
	}
	return a.withDefaultFields(q), nil
}

// withDefaultFields rewrites q, in place where it can: words and phrases
// of jieba fields become jieba phrases (see phrase), and the remaining
// text queries without a field become a disjunction over defaultFields.
func (a Analyzer) withDefaultFields(q query.Query) query.Query {
	switch q := q.(type) {
	case *query.BooleanQuery:
		q.Must = a.rewriteOptional(q.Must)
		q.Should = a.rewriteOptional(q.Should)
		q.MustNot = a.rewriteOptional(q.MustNot)
		q.Filter = a.rewriteOptional(q.Filter)
	case *query.ConjunctionQuery:
		for i, c := range q.Conjuncts {
			q.Conjuncts[i] = a.withDefaultFields(c)
		}
	case *query.DisjunctionQuery:
		for i, d := range q.Disjuncts {
			q.Disjuncts[i] = a.withDefaultFields(d)
		}
	case *query.MatchQuery:
		// Fuzziness (word~1) is ignored on jieba fields: their words are
		// cut here, never by bleve's analyzer.
		if jiebaField(q.FieldVal) {
			return a.phrase(q.Match, q.FieldVal, q.BoostVal)
		}
		if q.FieldVal == "" {
			return fanOut(func(f string) query.Query { c := *q; c.SetField(f); return &c })
		}
	case *query.MatchPhraseQuery:
		if jiebaField(q.FieldVal) {
			return a.phrase(q.MatchPhrase, q.FieldVal, q.BoostVal)
		}
		if q.FieldVal == "" {
			return fanOut(func(f string) query.Query { c := *q; c.SetField(f); return &c })
		}
	case *query.WildcardQuery:
		if q.FieldVal == "" {
			return fanOut(func(f string) query.Query { c := *q; c.SetField(f); return &c })
		}
	case *query.RegexpQuery:
		if q.FieldVal == "" {
			return fanOut(func(f string) query.Query { c := *q; c.SetField(f); return &c })
		}
	}
	return q
}

// jiebaField reports whether field (or the default fields, for "") is
// analysed with jieba.
func jiebaField(field string) bool {
	return field == "" || slices.Contains(defaultFields, field)
}

// phrase returns the query for a quoted phrase or an unquoted word of a
// jieba field; field "" searches defaultFields.
//
// The text is cut like the documents: at each position a word and the
// sub-words search mode finds inside it. Like bleve's MatchPhraseQuery,
// it becomes a multi-phrase query, any word of a position at that
// position, so 科学院计算所 finds 中国科学院计算所 and 京都大学深造
// ("further study at Kyoto University") finds 日本京都大学深造, where
// 京都大学 itself is no indexed word. A position matched through a
// sub-word alone is loose, though: 日本京都大学 would match any 日本. So
// every sub-word must also occur in the document, as a filter that adds
// neither score nor highlights.
//
// Unquoted words become phrases too: Chinese is typed without spaces, and
// 义诊活动 ("free clinic activity") as a bleve match query would find every
// document with 活动 alone.
func (a Analyzer) phrase(text, field string, boost *query.Boost) query.Query {
	alts, subs := phraseTerms(tokenStream(a.Tokens(text)))
	if len(alts) == 0 {
		return query.NewMatchNoneQuery()
	}
	build := func(field string) query.Query {
		mp := query.NewMultiPhraseQuery(alts, field)
		if len(subs) == 0 {
			if boost != nil {
				mp.SetBoost(boost.Value())
			}
			return mp
		}
		terms := make([]query.Query, len(subs))
		for i, s := range subs {
			t := query.NewTermQuery(s)
			t.SetField(field)
			terms[i] = t
		}
		b := query.NewBooleanQuery([]query.Query{mp}, nil, nil)
		b.AddFilter(query.NewConjunctionQuery(terms))
		if boost != nil {
			b.SetBoost(boost.Value())
		}
		return b
	}
	if field != "" {
		return build(field)
	}
	return fanOut(build)
}

// phraseTerms groups tokens by position: alts[i] holds the words at the
// i-th position, the containing word first; subs are the distinct
// sub-words (every word after the first at its position), sorted.
func phraseTerms(toks analysis.TokenStream) (alts [][]string, subs []string) {
	last := 0
	for _, t := range toks {
		if t.Position != last || len(alts) == 0 {
			alts = append(alts, []string{string(t.Term)})
			last = t.Position
			continue
		}
		i := len(alts) - 1
		alts[i] = append(alts[i], string(t.Term))
		subs = append(subs, string(t.Term))
	}
	slices.Sort(subs)
	return alts, slices.Compact(subs)
}

// rewriteOptional rewrites q unless it is nil (an absent clause).
func (a Analyzer) rewriteOptional(q query.Query) query.Query {
	if q == nil {
		return nil
	}
	return a.withDefaultFields(q)
}

// fanOut returns the disjunction of one query per default field.
func fanOut(build func(field string) query.Query) query.Query {
	qs := make([]query.Query, len(defaultFields))
	for i, f := range defaultFields {
		qs[i] = build(f)
	}
	return query.NewDisjunctionQuery(qs)
}

// filters returns the queries every hit must also match: the date range
// and one term query per initiative.
func filters(req *Request) []query.Query {
	var out []query.Query
	if !req.After.IsZero() || !req.Before.IsZero() {
		out = append(out, dateRange(req.After, req.Before))
	}
	for _, name := range req.Initiatives {
		t := query.NewTermQuery(name)
		t.SetField(FieldInitiative)
		out = append(out, t)
	}
	return out
}

// dateRange matches doc_date within [after, before], whole days, either
// end open when zero.
func dateRange(after, before corpus.Date) query.Query {
	inclusive := true
	q := query.NewDateRangeInclusiveQuery(timeOrZero(after, dayStart), timeOrZero(before, dayEnd), &inclusive, &inclusive)
	q.SetField(FieldDocDate)
	return q
}

// timeOrZero converts d with conv, or returns the zero time (an open end
// for bleve) for the zero Date.
func timeOrZero(d corpus.Date, conv func(corpus.Date) time.Time) time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return conv(d)
}
