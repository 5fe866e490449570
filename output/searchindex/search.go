package searchindex

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/RoaringBitmap/roaring/v2"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline/segment"
)

// BM25 parameters, the usual ones (Lucene, Elasticsearch).
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// Search runs req over the indexes together: the hits, scores and order
// are those of one index built from all their documents. Scores use the
// statistics of all of them (document count, field lengths, document
// frequencies); ties are ordered by document id.
func Search(ctx context.Context, ixs []*Index, req Request) (*Result, error) {
	start := time.Now()
	if len(ixs) == 0 {
		return nil, fmt.Errorf("searchindex: no index to search")
	}
	if !utf8.ValidString(req.Query) {
		return nil, fmt.Errorf("searchindex: %w: query %q: invalid UTF-8", ErrQuery, req.Query)
	}
	if req.N < 0 || req.From < 0 || req.Facets < 0 {
		return nil, fmt.Errorf("searchindex: negative N, From or Facets (%d, %d, %d)", req.N, req.From, req.Facets)
	}
	style, ok := styles[req.Highlight]
	if !ok {
		return nil, fmt.Errorf("searchindex: unknown highlight style %q (want %q, %q or %q)", req.Highlight, HighlightPlain, HighlightHTML, HighlightANSI)
	}
	ast, err := parseQuery(req.Query, req.Or)
	if err != nil {
		return nil, err
	}
	q, err := compile(ast, unionAnalyzer(ixs))
	if err != nil {
		return nil, err
	}
	evs := make([]*evaluation, len(ixs))
	var st stats
	for i, ix := range ixs {
		ev := &evaluation{ix: ix, ctx: ctx, q: q, matches: make([]*leafMatch, len(q.leaves))}
		m, err := ev.eval(q.root)
		if err != nil {
			return nil, err
		}
		f, err := ix.filter(req)
		if err != nil {
			return nil, err
		}
		m.And(f)
		ev.within = m
		if err := ev.scoredOnly(q.root); err != nil {
			return nil, err
		}
		evs[i] = ev
		st.add(ev, m)
	}
	var all []scored
	for _, ev := range evs {
		all = append(all, ev.scores(&st)...)
	}
	byScore := func(a, b scored) int { return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.id, b.id)) }
	// The best hits, scored again with counted frequencies; the hits
	// after the window keep their first score and order. Only the window
	// and the page need ordering.
	w := min(len(all), max(rescoreWindow, req.From+req.N))
	selectTop(all, w, byScore)
	window := all[:w]
	if len(q.leaves) > 0 {
		for i := range window {
			if err := window[i].ev.rescore(&st, &window[i]); err != nil {
				return nil, err
			}
		}
		slices.SortFunc(window, byScore)
	}
	res := &Result{Total: uint64(len(all)), Hits: []Hit{}}
	res.Initiatives, res.Years, res.Months = facets(evs, req.Facets)
	if req.From < len(all) {
		page := all[req.From:min(len(all), req.From+req.N)]
		for _, s := range page {
			h, err := s.ev.hit(s, style, labels(ixs) > 1)
			if err != nil {
				return nil, err
			}
			res.Hits = append(res.Hits, h)
		}
	}
	res.Took = time.Since(start)
	return res, nil
}

// selectTop moves the k first elements of s by cmp to its front, in
// order; the rest stays in no particular order.
func selectTop(s []scored, k int, cmp func(a, b scored) int) {
	if k >= len(s)/2 {
		slices.SortFunc(s, cmp)
		return
	}
	// Quickselect on a median pivot, then sort the front.
	lo, hi := 0, len(s)
	for hi-lo > 1 {
		p := s[lo+(hi-lo)/2]
		i, j := lo, hi-1
		for i <= j {
			for cmp(s[i], p) < 0 {
				i++
			}
			for cmp(s[j], p) > 0 {
				j--
			}
			if i <= j {
				s[i], s[j] = s[j], s[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j + 1
		case k >= i:
			lo = i
		default:
			lo = hi
		}
	}
	slices.SortFunc(s[:k], cmp)
}

// unionAnalyzer cuts queries keeping the words of every index whole.
func unionAnalyzer(ixs []*Index) Analyzer {
	if len(ixs) == 1 {
		return ixs[0].an
	}
	var words []string
	for _, ix := range ixs {
		words = append(words, ix.an.Words.List()...)
	}
	return Analyzer{Jieba: ixs[0].an.Jieba, Words: segment.NewWords(words)}
}

// filter returns the documents the request's filters keep: the date
// range and the initiatives.
func (ix *Index) filter(req Request) (*roaring.Bitmap, error) {
	out := ix.all.Clone()
	if !req.After.IsZero() || !req.Before.IsZero() {
		lo, hi := packDate(dayStart(req.After)), packDate(dayEnd(req.Before))
		dates := roaring.New()
		for ord, v := range ix.docs.Date {
			if v == 0 {
				continue
			}
			first, last := packDate(dayStart(unpackDate(v))), packDate(dayEnd(unpackDate(v)))
			// A document dated to the month lies within the range when
			// all of its month does.
			if (req.After.IsZero() || first >= lo) && (req.Before.IsZero() || last <= hi) {
				dates.Add(uint32(ord))
			}
		}
		out.And(dates)
	}
	for _, kind := range req.Kinds {
		k := slices.Index(ix.docs.KindNames, kind)
		if k < 0 {
			return roaring.New(), nil
		}
		with := roaring.New()
		for ord, ks := range ix.docs.Kinds {
			if slices.Contains(ks, uint8(k)) {
				with.Add(uint32(ord))
			}
		}
		out.And(with)
	}
	for _, name := range req.Initiatives {
		b := ix.byInit[ix.Initiative(name)]
		if b == nil {
			return roaring.New(), nil
		}
		out.And(b)
	}
	return out, nil
}

// dayStart returns the first day d covers: 2021 → 2021-01-01.
func dayStart(d corpus.Date) corpus.Date {
	if d.IsZero() {
		return d
	}
	return corpus.Date{Year: d.Year, Month: max(d.Month, 1), Day: max(d.Day, 1)}
}

// dayEnd returns the last day d covers: 2021 → 2021-12-31, 2021-02 →
// 2021-02-28.
func dayEnd(d corpus.Date) corpus.Date {
	switch {
	case d.IsZero():
		return d
	case d.Month == 0:
		return corpus.Date{Year: d.Year, Month: 12, Day: 31}
	case d.Day == 0:
		return corpus.Date{Year: d.Year, Month: d.Month, Day: daysIn(d.Year, d.Month)}
	}
	return d
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// stats are the collection statistics BM25 needs, summed over the
// indexes searched together.
type stats struct {
	docs     uint64
	fieldLen [len(searchedFields)]uint64
	// df is, per leaf and field, the documents holding it. Bonus leaves
	// are looked for only among the hits, so their df is that count.
	df map[[2]int]uint64
}

func (st *stats) add(ev *evaluation, _ *roaring.Bitmap) {
	st.docs += uint64(ev.ix.Len())
	st.fieldLen[0] += ev.ix.textLen
	st.fieldLen[1] += ev.ix.titleLen
	if st.df == nil {
		st.df = map[[2]int]uint64{}
	}
	for i, m := range ev.matches {
		if m == nil {
			continue
		}
		for f, d := range m.docs {
			if d != nil {
				st.df[[2]int{i, f}] += d.GetCardinality()
			}
		}
	}
}

// idf is BM25's inverse document frequency.
func (st *stats) idf(df uint64) float64 {
	n, d := float64(st.docs), float64(df)
	return math.Log(1 + (n-d+0.5)/(d+0.5))
}

// scored is one hit before its page is cut.
type scored struct {
	ev    *evaluation
	ord   uint32
	id    string
	score float64
}

// rescoreWindow is how many of the best hits by the first score are
// scored again with the frequencies of the leaves counted in their text:
// enough that the order of the first pages is the order BM25 gives, few
// enough that reading them costs little.
const rescoreWindow = 128

// scores scores every hit of one index by BM25 over the scored leaves:
// for each leaf and searched field where the document holds it, the
// leaf's frequency there (1 here: see rescore), its document frequency
// over all indexes, and the field's length in words. Title matches weigh
// titleBoost.
func (ev *evaluation) scores(st *stats) []scored {
	hits := ev.within
	sum := make([]float64, ev.ix.docs.len())
	for i, l := range ev.q.leaves {
		m := ev.matches[i]
		if !l.scored || m == nil {
			continue
		}
		for f := range searchedFields {
			if m.docs[f] == nil {
				continue
			}
			it := roaring.And(m.docs[f], hits).Iterator()
			for it.HasNext() {
				ord := it.Next()
				sum[ord] += ev.contribution(st, i, f, ord, 1)
			}
		}
	}
	out := make([]scored, 0, hits.GetCardinality())
	it := hits.Iterator()
	for it.HasNext() {
		ord := it.Next()
		out = append(out, scored{ev: ev, ord: ord, id: ev.ix.docs.ID[ord], score: sum[ord]})
	}
	return out
}

// rescore scores a hit again with the leaves' frequencies counted in its
// text. A bonus leaf that was only a candidate there adds nothing.
func (ev *evaluation) rescore(st *stats, s *scored) error {
	total := 0.0
	for i, l := range ev.q.leaves {
		m := ev.matches[i]
		if !l.scored || m == nil {
			continue
		}
		for f := range searchedFields {
			if m.docs[f] == nil || !m.docs[f].Contains(s.ord) {
				continue
			}
			n, err := ev.ix.occurrences(s.ord, f, l)
			if err != nil {
				return err
			}
			if n == 0 && !m.unverified {
				n = 1 // held for certain (a word jieba cut whole)
			}
			if n > 0 {
				total += ev.contribution(st, i, f, s.ord, float64(n))
			}
		}
	}
	s.score = total
	return nil
}

// contribution is BM25 of leaf i in field f of document ord, with
// frequency tf.
func (ev *evaluation) contribution(st *stats, i, f int, ord uint32, tf float64) float64 {
	sf := searchedFields[f]
	lens := ev.ix.docs.TextWords
	if sf.set == inTitle {
		lens = ev.ix.docs.TitleWords
	}
	avg := float64(st.fieldLen[f]) / float64(max(st.docs, 1))
	norm := 1 - bm25B
	if avg > 0 {
		norm += bm25B * float64(lens[ord]) / avg
	}
	return sf.boost * st.idf(st.df[[2]int{i, f}]) * tf * (bm25K1 + 1) / (tf + bm25K1*norm)
}

// facets counts the hits of all indexes by initiative (the top k), year
// and month.
func facets(evs []*evaluation, k int) (inits, years, months []Facet) {
	byInit := map[string]int{}
	byYear, byMonth := map[int32]int{}, map[int32]int{}
	for _, ev := range evs {
		docs := ev.ix.docs
		it := ev.within.Iterator()
		for it.HasNext() {
			ord := it.Next()
			if k > 0 {
				for _, id := range docs.Inits[ord] {
					byInit[docs.Names[id]]++
				}
			}
			if v := docs.Date[ord]; v != 0 {
				byYear[v/10000]++
				if m := v / 100; m%100 != 0 {
					byMonth[m]++
				}
			}
		}
	}
	inits = sortedFacets(byInit, func(a, b Facet) int { return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name)) })
	if len(inits) > k {
		inits = inits[:k]
	}
	years, months = []Facet{}, []Facet{} // lists, also when empty
	for _, y := range slices.Sorted(maps.Keys(byYear)) {
		years = append(years, Facet{fmt.Sprintf("%04d", y), byYear[y]})
	}
	for _, m := range slices.Sorted(maps.Keys(byMonth)) {
		months = append(months, Facet{fmt.Sprintf("%04d-%02d", m/100, m%100), byMonth[m]})
	}
	return inits, years, months
}

func sortedFacets(m map[string]int, order func(a, b Facet) int) []Facet {
	out := make([]Facet, 0, len(m))
	for name, n := range m {
		out = append(out, Facet{name, n})
	}
	slices.SortFunc(out, order)
	return out
}

// hit completes a scored document with its fields and snippets.
func (ev *evaluation) hit(s scored, style style, many bool) (Hit, error) {
	docs := ev.ix.docs
	h := Hit{ID: s.id, Path: docs.Path[s.ord], Title: docs.Title[s.ord], Date: unpackDate(docs.Date[s.ord]).String(), Score: s.score}
	if many {
		h.Index = ev.ix.label
	}
	text, view, err := ev.ix.text(s.ord)
	if err != nil {
		return Hit{}, err
	}
	var textLeaves, titleLeaves []leaf
	for i, l := range ev.q.leaves {
		m := ev.matches[i]
		if !l.scored || m == nil {
			continue
		}
		if m.docs[0] != nil && m.docs[0].Contains(s.ord) {
			textLeaves = append(textLeaves, l)
		}
		if m.docs[1] != nil && m.docs[1].Contains(s.ord) {
			titleLeaves = append(titleLeaves, l)
		}
	}
	if sn := snippet(text, view, textLeaves, style, snippetRunes); sn != "" {
		h.Snippets = append(h.Snippets, sn)
	}
	if len(titleLeaves) > 0 {
		if sn := snippet(h.Title, "", titleLeaves, style, utf8.RuneCountInString(h.Title)); sn != "" {
			h.Snippets = append(h.Snippets, sn)
		}
	}
	return h, nil
}

// labels counts the indexes a search names hits by: the parts of one
// index are one.
func labels(ixs []*Index) int {
	seen := map[string]bool{}
	for _, ix := range ixs {
		seen[ix.label] = true
	}
	return len(seen)
}
