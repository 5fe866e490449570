package searchindex

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/RoaringBitmap/roaring/v2"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/baogao/baogao/pipeline/normalize"
)

// leaf is one string a query looks for in the text, the title or both.
type leaf struct {
	// s is the string in the form of the repaired view (unwrapped, width
	// folded, simplified); ASCII lower-cased unless exact.
	s string
	// exact: a quoted phrase, matched with its case. Otherwise a word of
	// an unquoted query, matched whatever the case of its ASCII letters.
	exact bool
	// fields says where: text, title or both.
	fields fieldSet
	// scored: the leaf adds to the score (it is not under NOT).
	scored bool
	// bonus: the leaf does not filter, it only adds to the score of the
	// documents that hold it (an unquoted run of words, as a phrase).
	bonus bool
}

type fieldSet uint8

const (
	inText fieldSet = 1 << iota
	inTitle
	inBoth = inText | inTitle
)

// The two searched fields, in the order scores add up.
var searchedFields = [...]struct {
	set          fieldSet
	words, grams string
	boost        float64
}{
	{inText, fieldWords, fieldGrams, 1},
	{inTitle, fieldTitleWords, fieldTitleGrams, titleBoost},
}

// titleBoost is how much more a match in the title weighs than one in
// the text: a title says what the document is about.
const titleBoost = 2

// expr is a compiled query: leaves and keyword sets combined by boolean
// operators.
type expr interface{}

type (
	andExpr struct{ kids []expr }
	orExpr  struct{ kids []expr }
	notExpr struct{ kid expr }
	allExpr struct{}
	// leafExpr refers to query.leaves[i].
	leafExpr struct{ i int }
	// keyExpr is a keyword field: path, initiative, year, month, id.
	keyExpr struct{ field, value string }
	// optExpr is evaluated for its score only (OR mode beside a required
	// clause); it filters nothing.
	optExpr struct{ kid expr }
)

// compiled is a query ready to run on any index.
type compiled struct {
	root   expr
	leaves []leaf
}

// compile turns the parsed query into leaves: unquoted words are cut by
// jieba (an, keeping the words the indexes were built with) into words
// that must all occur, plus the whole run as a bonus phrase; phrases are
// taken whole. Both are put in the form of the repaired view.
func compile(n node, an Analyzer) (*compiled, error) {
	c := &compiled{}
	root, err := c.expr(n, an, true)
	if err != nil {
		return nil, err
	}
	c.root = root
	return c, nil
}

func (c *compiled) expr(n node, an Analyzer, scored bool) (expr, error) {
	switch n := n.(type) {
	case allNode:
		return allExpr{}, nil
	case *andNode:
		kids, err := c.exprs(n.kids, an, scored)
		if err != nil {
			return nil, err
		}
		return &andExpr{kids}, nil
	case *orNode:
		kids, err := c.exprs(n.kids, an, scored)
		if err != nil {
			return nil, err
		}
		if allOptional(n) {
			return &optExpr{&orExpr{kids}}, nil
		}
		return &orExpr{kids}, nil
	case *notNode:
		kid, err := c.expr(n.kid, an, false)
		if err != nil {
			return nil, err
		}
		return &notExpr{kid}, nil
	case *termNode:
		e, err := c.term(n, an, scored)
		if err != nil || !n.optional {
			return e, err
		}
		return &optExpr{e}, nil
	}
	return nil, fmt.Errorf("searchindex: query node %T", n)
}

// exprs compiles the clauses of an AND or an OR.
func (c *compiled) exprs(ns []node, an Analyzer, scored bool) ([]expr, error) {
	out := make([]expr, 0, len(ns))
	for _, k := range ns {
		e, err := c.expr(k, an, scored)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

func allOptional(n node) bool {
	switch n := n.(type) {
	case *termNode:
		return n.optional
	case *andNode:
		return !slices.ContainsFunc(n.kids, func(k node) bool { return !allOptional(k) })
	case *orNode:
		return !slices.ContainsFunc(n.kids, func(k node) bool { return !allOptional(k) })
	}
	return false
}

func (c *compiled) add(l leaf) expr {
	c.leaves = append(c.leaves, l)
	return leafExpr{len(c.leaves) - 1}
}

func (c *compiled) term(n *termNode, an Analyzer, scored bool) (expr, error) {
	fields := inBoth
	switch n.field {
	case FieldText:
		fields = inText
	case FieldTitle:
		fields = inTitle
	case "":
	default:
		if n.raw == "" {
			return nil, fmt.Errorf("%w: %s: needs a value", ErrQuery, n.field)
		}
		return keyExpr{n.field, n.raw}, nil
	}
	view := normalize.Repair(n.raw).Text
	if n.phrase {
		return c.add(leaf{s: view, exact: true, fields: fields, scored: scored}), nil
	}
	var words []string
	for _, t := range an.Jieba.Tag(view, an.Words) {
		words = append(words, lowerASCII(t.Term))
	}
	switch len(words) {
	case 0:
		// Punctuation only: look for it as written.
		return c.add(leaf{s: lowerASCII(view), fields: fields, scored: scored}), nil
	case 1:
		return c.add(leaf{s: words[0], fields: fields, scored: scored}), nil
	}
	and := &andExpr{}
	for _, w := range words {
		and.kids = append(and.kids, c.add(leaf{s: w, fields: fields, scored: scored}))
	}
	if scored {
		and.kids = append(and.kids, &optExpr{c.add(leaf{s: lowerASCII(view), fields: fields, scored: true, bonus: true})})
	}
	return and, nil
}

// leafMatch is what one leaf matches in one index.
type leafMatch struct {
	// docs per searched field (text, title): the ordinals holding the
	// leaf; nil when the field is not searched.
	docs [len(searchedFields)]*roaring.Bitmap
	// unverified: docs are candidates, not verified (a bonus leaf, which
	// filters nothing: its occurrences are counted when the best hits are
	// scored again, and a candidate without any gets no bonus).
	unverified bool
}

// union returns the documents holding the leaf in any field.
func (m *leafMatch) union() *roaring.Bitmap {
	u := roaring.New()
	for _, d := range m.docs {
		if d != nil {
			u.Or(d)
		}
	}
	return u
}

// evaluation is one query run on one index.
type evaluation struct {
	ix      *Index
	ctx     context.Context
	q       *compiled
	matches []*leafMatch // per leaf, nil until evaluated
	// within restricts bonus leaves to the documents that match the rest:
	// a bonus only ranks, so it is looked for only where it can count.
	within *roaring.Bitmap
}

func (ev *evaluation) eval(e expr) (*roaring.Bitmap, error) {
	if err := ev.ctx.Err(); err != nil {
		return nil, err
	}
	switch e := e.(type) {
	case allExpr:
		return ev.ix.all.Clone(), nil
	case *andExpr:
		var acc *roaring.Bitmap
		for _, k := range e.kids {
			if _, opt := k.(*optExpr); opt {
				continue
			}
			b, err := ev.eval(k)
			if err != nil {
				return nil, err
			}
			if acc == nil {
				acc = b
			} else {
				acc.And(b)
			}
		}
		if acc == nil { // only optional clauses
			acc = roaring.New()
			for _, k := range e.kids {
				b, err := ev.eval(k.(*optExpr).kid)
				if err != nil {
					return nil, err
				}
				acc.Or(b)
			}
		}
		return acc, nil
	case *orExpr:
		acc := roaring.New()
		for _, k := range e.kids {
			b, err := ev.eval(k)
			if err != nil {
				return nil, err
			}
			acc.Or(b)
		}
		return acc, nil
	case *optExpr:
		return ev.eval(e.kid)
	case *notExpr:
		b, err := ev.eval(e.kid)
		if err != nil {
			return nil, err
		}
		return roaring.AndNot(ev.ix.all, b), nil
	case leafExpr:
		m, err := ev.leaf(e.i)
		if err != nil {
			return nil, err
		}
		return m.union(), nil
	case keyExpr:
		return ev.ix.keyword(e.field, e.value)
	}
	return nil, fmt.Errorf("searchindex: expression %T", e)
}

// scoredOnly evaluates the optional clauses the filtering skipped, so
// their leaves can score.
func (ev *evaluation) scoredOnly(e expr) error {
	switch e := e.(type) {
	case *andExpr:
		for _, k := range e.kids {
			if err := ev.scoredOnly(k); err != nil {
				return err
			}
		}
	case *orExpr:
		for _, k := range e.kids {
			if err := ev.scoredOnly(k); err != nil {
				return err
			}
		}
	case *optExpr:
		_, err := ev.eval(e.kid)
		return err
	}
	return nil
}

// leaf evaluates leaf i once.
func (ev *evaluation) leaf(i int) (*leafMatch, error) {
	if m := ev.matches[i]; m != nil {
		return m, nil
	}
	l := ev.q.leaves[i]
	m := &leafMatch{}
	for f, sf := range searchedFields {
		if l.fields&sf.set == 0 {
			continue
		}
		docs, err := ev.ix.find(ev.ctx, l, f, ev.restrict(l))
		if err != nil {
			return nil, err
		}
		m.docs[f] = docs
	}
	m.unverified = l.bonus && !planFor(lowerASCII(l.s)).exact
	ev.matches[i] = m
	return m, nil
}

func (ev *evaluation) restrict(l leaf) *roaring.Bitmap {
	if l.bonus {
		return ev.within
	}
	return nil
}

// maxIntersect is how many of a long string's pairs are intersected
// before the candidates are verified: the rarest ones (every pair's
// postings are read, to find them), which leave few candidates; reading
// the stored text of those costs less than intersecting the postings of
// frequent pairs. Intersecting stops early once fewCandidates are left.
const (
	maxIntersect  = 4
	fewCandidates = 32
)

// find returns the documents whose field f holds the leaf. One or two
// word characters are exact in the gram postings; other strings (and
// exact phrases with ASCII letters, whose case the grams fold) are
// verified in the stored text, except in documents where jieba cut the
// string as a word of its own, which hold it for certain. A bonus leaf is
// not verified (see leafMatch.unverified). within, when not nil,
// restricts the search.
func (ix *Index) find(ctx context.Context, l leaf, f int, within *roaring.Bitmap) (*roaring.Bitmap, error) {
	sf := searchedFields[f]
	key := lowerASCII(l.s)
	if key == "" {
		return roaring.New(), nil
	}
	plan := planFor(key)
	caseMatters := l.exact && key != l.s
	cand, err := ix.candidates(ctx, sf.grams, plan)
	if err != nil {
		return nil, err
	}
	if within != nil {
		cand.And(within)
	}
	if plan.exact && !caseMatters || l.bonus {
		return cand, nil
	}
	certain := roaring.New()
	if !caseMatters && utf8.RuneCountInString(key) >= minCertain && caseless(key) {
		w, err := ix.postings(ctx, sf.words, key)
		if err != nil {
			return nil, err
		}
		certain = roaring.And(w, cand)
	}
	docs := certain.Clone()
	it := roaring.AndNot(cand, certain).Iterator()
	for it.HasNext() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ord := it.Next()
		ok, err := ix.holds(ord, f, l)
		if err != nil {
			return nil, err
		}
		if ok {
			docs.Add(ord)
		}
	}
	return docs, nil
}

// holds reports whether field f of a document holds the leaf, by the
// leaf's case rule.
func (ix *Index) holds(ord uint32, f int, l leaf) (bool, error) {
	view, err := ix.fieldView(ord, f)
	if err != nil {
		return false, err
	}
	if !l.exact && hasASCIILetter(l.s) {
		view = lowerASCII(view)
	}
	return strings.Contains(view, l.s), nil
}

// occurrences counts the leaf in field f of a document, by the leaf's
// case rule.
func (ix *Index) occurrences(ord uint32, f int, l leaf) (int, error) {
	view, err := ix.fieldView(ord, f)
	if err != nil {
		return 0, err
	}
	if !l.exact && hasASCIILetter(l.s) {
		// Lower-casing changes only ASCII letters, so a string without
		// any is found as it is.
		view = lowerASCII(view)
	}
	return strings.Count(view, l.s), nil
}

func hasASCIILetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; 'a' <= c && c <= 'z' {
			return true
		}
	}
	return false
}

// candidates returns the documents that hold every gram of plan in
// field: the rarest pairs intersected (see maxIntersect); a string of no
// pair but single characters, the documents of the pairs they start;
// without grams, every document.
func (ix *Index) candidates(ctx context.Context, field string, plan queryPlan) (*roaring.Bitmap, error) {
	type gram struct {
		term  string
		count uint64
		docs  *roaring.Bitmap
	}
	gs := make([]gram, len(plan.pairs))
	for i, g := range plan.pairs {
		p, err := ix.postings(ctx, field, g)
		if err != nil {
			return nil, err
		}
		n := p.GetCardinality()
		if n == 0 {
			return p, nil
		}
		gs[i] = gram{g, n, p}
	}
	slices.SortStableFunc(gs, func(a, b gram) int {
		return cmp.Or(cmp.Compare(a.count, b.count), strings.Compare(a.term, b.term))
	})
	var cand *roaring.Bitmap
	for i, g := range gs {
		if i == maxIntersect || (cand != nil && cand.GetCardinality() < fewCandidates) {
			break
		}
		if cand == nil {
			cand = g.docs
		} else {
			cand.And(g.docs)
		}
	}
	if cand != nil {
		return cand, nil
	}
	if len(plan.singles) == 0 {
		return ix.all.Clone(), nil
	}
	// Single characters only: the rarest, through its pairs.
	for _, c := range plan.singles {
		p, err := ix.prefixPostings(field, c)
		if err != nil {
			return nil, err
		}
		if cand == nil {
			cand = p
		} else {
			cand.And(p)
		}
	}
	return cand, nil
}

// prefixPostings returns the documents with a gram of field that starts
// with prefix: for a single character, every document holding it.
func (ix *Index) prefixPostings(field, prefix string) (*roaring.Bitmap, error) {
	b, err := ix.grams.prefix(field, prefix)
	if err != nil {
		return nil, err
	}
	return ix.live(b), nil
}

// fieldView returns the repaired view of field f (text or title) of a
// document.
func (ix *Index) fieldView(ord uint32, f int) (string, error) {
	if searchedFields[f].set == inTitle {
		if v := ix.docs.TitleView[ord]; v != "" {
			return v, nil
		}
		return ix.docs.Title[ord], nil
	}
	_, view, err := ix.text(ord)
	return view, err
}

// postings returns the ordinals of the documents with term in field.
func (ix *Index) postings(ctx context.Context, field, term string) (*roaring.Bitmap, error) {
	if _, ok := gramFieldByte[field]; ok {
		b, err := ix.grams.postings(field, term)
		if err != nil {
			return nil, err
		}
		return ix.live(b), nil
	}
	r, err := ix.r.TermFieldReader(ctx, []byte(term), field, false, false, false)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	// Bits set in a dense word array, then one conversion: adding to a
	// bitmap one by one searches its containers for each document.
	words := make([]uint64, (ix.docs.len()+63)/64)
	var d index.TermFieldDoc
	for {
		td, err := r.Next(&d)
		if err != nil {
			return nil, err
		}
		if td == nil {
			return ix.live(roaring.FromDense(words, false)), nil
		}
		ord := ix.ordOf[docNum(td.ID)]
		words[ord/64] |= 1 << (ord % 64)
	}
}

// live removes the deleted documents from b and returns it.
func (ix *Index) live(b *roaring.Bitmap) *roaring.Bitmap {
	if ix.deleted != nil {
		b.AndNot(ix.deleted)
	}
	return b
}

// keyword returns the documents whose keyword field holds value.
func (ix *Index) keyword(field, value string) (*roaring.Bitmap, error) {
	out := roaring.New()
	switch field {
	case FieldInitiative:
		if b := ix.byInit[ix.Initiative(value)]; b != nil {
			out.Or(b)
		}
	case FieldPath:
		for ord, p := range ix.docs.Path {
			if strings.Contains(p, value) {
				out.Add(uint32(ord))
			}
		}
	case FieldID:
		for ord, id := range ix.docs.ID {
			if id == value {
				out.Add(uint32(ord))
			}
		}
	case FieldYear, FieldMonth:
		y, m, ok := parseYearMonth(value, field == FieldMonth)
		if !ok {
			return nil, fmt.Errorf("%w: %s:%s: want %s", ErrQuery, field, value, map[bool]string{true: "YYYY-MM", false: "YYYY"}[field == FieldMonth])
		}
		for ord, v := range ix.docs.Date {
			d := unpackDate(v)
			if d.Year == y && (m == 0 || d.Month == m) {
				out.Add(uint32(ord))
			}
		}
	default:
		return nil, fmt.Errorf("%w: unknown field %s", ErrQuery, field)
	}
	out.And(ix.all)
	return out, nil
}

// parseYearMonth reads 2024 or, when month, 2024-03.
func parseYearMonth(s string, month bool) (y, m int, ok bool) {
	ys, ms, hasMonth := strings.Cut(s, "-")
	if hasMonth != month || len(ys) != 4 {
		return 0, 0, false
	}
	y, err := strconv.Atoi(ys)
	if err != nil {
		return 0, 0, false
	}
	if month {
		if m, err = strconv.Atoi(ms); err != nil || m < 1 || m > 12 {
			return 0, 0, false
		}
	}
	return y, m, true
}
