package searchindex

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline/normalize"
	"github.com/baogao/baogao/pipeline/segment"
)

func TestParseQuery(t *testing.T) {
	tests := []struct {
		q, want string
		or      bool
	}{
		{q: "", want: "ALL"},
		{q: "习近平 李强", want: "AND(习近平 李强)"},
		{q: "习近平 李强", or: true, want: "OR(习近平 李强)"},
		{q: "+习近平 李强", or: true, want: "AND(习近平 ?李强)"},
		{q: "习近平 AND 李强", want: "AND(习近平 李强)"},
		{q: "习近平 AND 李强", or: true, want: "AND(习近平 李强)"},
		{q: "a OR b c", want: "OR(a AND(b c))"},
		{q: "NOT 急诊", want: "NOT(急诊)"},
		{q: "经济 -疫情", want: "AND(经济 NOT(疫情))"},
		{q: "(粮食 OR 农业) AND 安全", want: "AND(OR(粮食 农业) 安全)"},
		{q: `"AND" 和`, want: `AND("AND" 和)`},
		{q: `title:"工作报告" text:义诊`, want: `AND(title:"工作报告" text:义诊)`},
		{q: "“乡村振兴”战略", want: `AND("乡村振兴" 战略)`},
		{q: "5G+工业互联网", want: "5G+工业互联网"},
		{q: "2021-06 -疫情", want: "AND(2021-06 NOT(疫情))"},
		{q: "（北京 OR 上海）冬奥", want: "AND(OR(北京 上海) 冬奥)"},
		{q: "ratio:1 x", want: "AND(ratio:1 x)"},
	}
	for _, tt := range tests {
		n, err := parseQuery(tt.q, tt.or)
		if err != nil {
			t.Errorf("parseQuery(%q) error: %v", tt.q, err)
			continue
		}
		if got := n.String(); got != tt.want {
			t.Errorf("parseQuery(%q, or=%v) = %s; want %s", tt.q, tt.or, got, tt.want)
		}
	}
}

func TestParseQueryErrors(t *testing.T) {
	tests := []struct {
		q      string
		column int
		msg    string
	}{
		{`"未闭合`, 1, "unterminated"},
		{`义诊 "未闭合`, 4, "unterminated"},
		{"a AND (b", 7, "unclosed parenthesis"},
		{"a)", 2, "unbalanced"},
		{"AND a", 1, "AND needs a clause before it"},
		{"a AND", 3, "AND needs a clause after it"},
		{"a OR", 3, "OR needs a clause after it"},
		{"NOT", 1, "NOT needs a clause after it"},
		{"()", 2, "empty parentheses"},
		{`""`, 1, "empty quotation"},
		{"title:", 7, "needs a word"},
	}
	for _, tt := range tests {
		_, err := parseQuery(tt.q, false)
		var qe *QueryError
		if !errors.As(err, &qe) || !errors.Is(err, ErrQuery) {
			t.Errorf("parseQuery(%q) = %v; want a QueryError", tt.q, err)
			continue
		}
		if qe.Column != tt.column || !strings.Contains(qe.Msg, tt.msg) {
			t.Errorf("parseQuery(%q) = column %d %q; want column %d %q", tt.q, qe.Column, qe.Msg, tt.column, tt.msg)
		}
	}
}

func TestGrams(t *testing.T) {
	var got []string
	eachGram("中国5g，c中国", func(g string, end bool) {
		if end {
			g += endMark
		}
		got = append(got, g)
	})
	if want := []string{"中国", "国5", "5g", "g" + endMark, "c中", "中国", "国" + endMark}; !slices.Equal(got, want) {
		t.Errorf("eachGram = %q, want %q", got, want)
	}
	var l gramLists
	n := l.add(7, "中国5g，c中国")
	var terms []string
	for _, p := range l.pairs {
		if off := p & (1<<gramOrdBits - 1); off != 7 {
			t.Errorf("gramLists.add: pair %x holds document %d, want 7", p, off)
		}
		terms = append(terms, gramOf(p>>gramOrdBits))
	}
	if want := []string{"5g", "c中", "g" + endMark, "中国", "国" + endMark, "国5"}; n != 6 || !slices.Equal(terms, want) {
		t.Errorf("gramLists.add = %d %q, want the 6 distinct grams in key order %q", n, terms, want)
	}
	for _, c := range []struct {
		s             string
		pairs, single []string
		exact         bool
	}{
		{"党", nil, []string{"党"}, true},
		{"发展", []string{"发展"}, nil, true},
		{"新质生产力", []string{"新质", "质生", "生产", "产力"}, nil, false},
		{"pm2.5", []string{"pm", "m2"}, []string{"5"}, false},
		{"。", nil, nil, false},
		{"，新", nil, []string{"新"}, false},
	} {
		p := planFor(c.s)
		if !slices.Equal(p.pairs, c.pairs) || !slices.Equal(p.singles, c.single) || p.exact != c.exact {
			t.Errorf("planFor(%q) = %+v; want pairs %q singles %q exact %v", c.s, p, c.pairs, c.single, c.exact)
		}
	}
}

// TestRanking: a document holding the query as a phrase ranks above one
// with its words apart; a title match weighs more than one in the text;
// more occurrences rank higher.
func TestRanking(t *testing.T) {
	ix := buildIndex(t, []*corpus.Document{
		{ID: "apart", Path: "apart.txt", Text: "今年，全县产量创新高，粮食丰收。水利工程同步推进，群众满意。"},
		{ID: "phrase", Path: "phrase.txt", Text: "今年，全县粮食产量创新高。水利工程同步推进，群众满意。"},
		{ID: "title", Path: "title.txt", Title: "全县粮食生产总结", Text: "今年，全县农田水利工程同步推进，产量创新高，群众满意，粮食丰收。"},
		{ID: "twice", Path: "twice.txt", Text: "全县粮食产量创新高。今年全县粮食种植面积稳定，水利工程推进。"},
	})
	// 全县粮食: jieba cuts it into 全县 and 粮食, both required; the
	// documents holding the run as it is typed rank first.
	res, err := ix.Search(context.Background(), Request{Query: "全县粮食", N: 10})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range res.Hits {
		got = append(got, h.ID)
	}
	if want := []string{"title", "twice", "phrase", "apart"}; !slices.Equal(got, want) {
		t.Errorf("Search(全县粮食) = %v; want %v", got, want)
	}
}

func TestFacetsByDate(t *testing.T) {
	ix := buildIndex(t, []*corpus.Document{
		{ID: "a", Path: "a", Text: "义诊", Date: corpus.Date{Year: 2021, Month: 5, Day: 3}},
		{ID: "b", Path: "b", Text: "义诊", Date: corpus.Date{Year: 2021, Month: 5}},
		{ID: "c", Path: "c", Text: "义诊", Date: corpus.Date{Year: 2022}},
		{ID: "d", Path: "d", Text: "义诊"},
	})
	res, err := ix.Search(context.Background(), Request{Query: "义诊"})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(res.Years) != "[{2021 2} {2022 1}]" || fmt.Sprint(res.Months) != "[{2021-05 2}]" || res.Total != 4 {
		t.Errorf("facets years %v months %v total %d", res.Years, res.Months, res.Total)
	}
	for _, c := range []struct {
		q    string
		want int
	}{{"year:2021", 2}, {"month:2021-05", 2}, {"year:2022 义诊", 1}, {"path:c", 1}, {"id:d", 1}} {
		res, err := ix.Search(context.Background(), Request{Query: c.q})
		if err != nil || int(res.Total) != c.want {
			t.Errorf("Search(%s) = %v, %v; want %d hits", c.q, res, err, c.want)
		}
	}
	if _, err := ix.Search(context.Background(), Request{Query: "year:21"}); !errors.Is(err, ErrQuery) {
		t.Errorf("year:21 = %v; want ErrQuery", err)
	}
}

func TestSelectTop(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	byScore := func(a, b scored) int { return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.id, b.id)) }
	for trial := range 50 {
		n := 1 + rng.IntN(500)
		s := make([]scored, n)
		for i := range s {
			s[i] = scored{id: fmt.Sprintf("%04d", i), score: float64(rng.IntN(20))}
		}
		want := slices.Clone(s)
		slices.SortFunc(want, byScore)
		k := rng.IntN(n + 1)
		selectTop(s, k, byScore)
		for i := range k {
			if s[i].id != want[i].id {
				t.Fatalf("trial %d: selectTop(%d of %d)[%d] = %s; want %s", trial, k, n, i, s[i].id, want[i].id)
			}
		}
	}
}

// TestContentCacheBounded: the content store keeps at most its limit of
// decompressed blocks, and reads the same bytes after eviction.
func TestContentCacheBounded(t *testing.T) {
	dir := t.TempDir()
	w, err := newContentWriter(filepath.Join(dir, contentFile))
	if err != nil {
		t.Fatal(err)
	}
	var where [][2]uint32
	texts := make([]string, 200)
	for i := range texts {
		texts[i] = strings.Repeat(fmt.Sprintf("第%d号文件，", i), 600)
		b, off, err := w.add(texts[i])
		if err != nil {
			t.Fatal(err)
		}
		where = append(where, [2]uint32{b, off})
	}
	blocks, err := w.close()
	if err != nil {
		t.Fatal(err)
	}
	r, err := openContent(filepath.Join(dir, contentFile), blocks)
	if err != nil {
		t.Fatal(err)
	}
	defer r.close()
	r.limit = 3 * blockTarget
	for pass := range 2 {
		for i, wh := range where {
			b, err := r.block(wh[0])
			if err != nil {
				t.Fatal(err)
			}
			if got := b[wh[1] : int(wh[1])+len(texts[i])]; got != texts[i] {
				t.Fatalf("pass %d: text %d read back wrong", pass, i)
			}
			if r.bytes > r.limit+2*blockTarget {
				t.Fatalf("cache holds %d bytes; limit %d", r.bytes, r.limit)
			}
		}
	}
}

func TestOpenNotIndex(t *testing.T) {
	plain := filepath.Join(t.TempDir(), "plain")
	if err := os.MkdirAll(plain, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(plain, "report.txt"), []byte("医院工作报告"), 0o644)
	for _, dir := range []string{plain, filepath.Join(t.TempDir(), "missing")} {
		if ix, err := Open(dir, testJieba); err == nil || !errors.Is(err, ErrNotIndex) || !strings.Contains(err.Error(), dir) {
			if ix != nil {
				ix.Close()
			}
			t.Errorf("Open(%s) = %v; want ErrNotIndex naming the directory", dir, err)
		}
	}
}

func TestFinishTwiceAndAddAfter(t *testing.T) {
	w, err := Create(filepath.Join(t.TempDir(), "index"), testAnalyzer())
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Add(&corpus.Document{ID: "a", Text: "义诊"}); err != nil {
		t.Fatal(err)
	}
	if err := w.Finish(); err != nil {
		t.Fatalf("first Finish: %v", err)
	}
	if err := w.Finish(); err != nil {
		t.Errorf("second Finish: %v; want nil", err)
	}
	if err := w.Add(&corpus.Document{ID: "b", Text: "义诊"}); !errors.Is(err, ErrFinished) {
		t.Errorf("Add after Finish = %v; want ErrFinished", err)
	}
	if _, err := Create(t.TempDir(), testAnalyzer()); err == nil {
		t.Errorf("Create on an existing directory succeeded")
	}
}

// TestIndexesOwnTheirWords: two indexes built with different kept words,
// open in one process over one Jieba, cut their queries each as its own
// documents were cut.
func TestIndexesOwnTheirWords(t *testing.T) {
	text := "县里推广健康守门人计划，覆盖全县。"
	build := func(words []string) *Index {
		dir := filepath.Join(t.TempDir(), "index")
		an := Analyzer{Jieba: testJieba, Words: segment.NewWords(words)}
		w, err := Create(dir, an)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Add(&corpus.Document{ID: "d", Path: "d.txt", Text: text, Tokens: an.Tokens(text)}); err != nil {
			t.Fatal(err)
		}
		if err := w.Finish(); err != nil {
			t.Fatal(err)
		}
		ix, err := Open(dir, testJieba)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
		return ix
	}
	kept, plain := build([]string{"健康守门人计划"}), build(nil)
	if got := kept.Words().List(); !slices.Equal(got, []string{"健康守门人计划"}) {
		t.Fatalf("kept index words = %v", got)
	}
	if toks := kept.an.Tokens("健康守门人计划"); len(toks) == 0 || toks[0].Term != "健康守门人计划" {
		t.Errorf("kept index cuts its query as %v; want the name whole", toks)
	}
	if toks := plain.an.Tokens("健康守门人计划"); len(toks) > 0 && toks[0].Term == "健康守门人计划" {
		t.Errorf("plain index keeps the name whole: %v", toks)
	}
	for name, ix := range map[string]*Index{"kept": kept, "plain": plain} {
		for _, q := range []string{`"健康守门人计划"`, "健康守门人计划", `"守门人计划"`, "守门人"} {
			if res, err := ix.Search(context.Background(), Request{Query: q, N: 10}); err != nil || res.Total != 1 {
				t.Errorf("%s index: Search(%s) = %v, %v; want the document", name, q, res, err)
			}
		}
	}
}

func TestHighlightStyles(t *testing.T) {
	ix := buildIndex(t, []*corpus.Document{{ID: "x", Path: "x.txt", Text: "医院<新闻>：开展义诊&健康讲座"}})
	for style, want := range map[string]string{
		HighlightHTML:  "医院&lt;新闻&gt;：开展<mark>义诊</mark>&amp;健康讲座",
		HighlightPlain: "医院<新闻>：开展⟦义诊⟧&健康讲座",
		HighlightANSI:  "医院<新闻>：开展\x1b[43m义诊\x1b[0m&健康讲座",
	} {
		res, err := ix.Search(context.Background(), Request{Query: "义诊", N: 1, Highlight: style})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != 1 || !slices.Equal(res.Hits[0].Snippets, []string{want}) {
			t.Errorf("style %q: %+v; want %q", style, res.Hits, want)
		}
	}
	if _, err := ix.Search(context.Background(), Request{Query: "义诊", Highlight: "pdf"}); err == nil {
		t.Errorf("unknown style accepted")
	}
}

// TestSnippetWindow: the snippet holds the most matches that fit, starts
// at a sentence when one is near, marks every occurrence in it, and
// maps the repaired view's matches back to the text as written.
func TestSnippetWindow(t *testing.T) {
	st := styles[HighlightPlain]
	text := strings.Repeat("无关的句子写在前面。", 10) + "县医院开展义诊。义诊服务群众三百人。" + strings.Repeat("后面还有别的内容。", 10)
	got := snippet(text, "", []leaf{{s: "义诊"}}, st, 40)
	if !strings.HasPrefix(got, "…县医院开展⟦义诊⟧。⟦义诊⟧服务群众") {
		t.Errorf("snippet = %q", got)
	}
	// A hard-wrapped OCR text: the view joins 义⏎诊; the mark covers the
	// text as written.
	wrapped := strings.Repeat("医院党委深入开展学习活动\n", 6) + "医院持续深入推进开展的义\n诊活动走深走实的工作\n" + strings.Repeat("医院党委深入开展学习活动\n", 3)
	view := normalize.Repair(wrapped).Text
	if view == wrapped || !strings.Contains(view, "义诊") {
		t.Fatalf("the fixture is not unwrapped: %q", view)
	}
	if got := snippet(wrapped, view, []leaf{{s: "义诊"}}, st, 40); !strings.Contains(got, "⟦义\n诊⟧") {
		t.Errorf("snippet of wrapped text = %q", got)
	}
}

// FuzzParseQuery: any query parses or fails with a QueryError whose
// column lies within it; never a panic.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{`习近平 AND (李强 OR "国务院")`, `NOT -+a`, `title:"x" year:2024`, "“乡村振兴”战略", "((", `"`, "a AND", "）（"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, or := range []bool{false, true} {
			n, err := parseQuery(q, or)
			var qe *QueryError
			switch {
			case err == nil && n == nil:
				t.Fatalf("parseQuery(%q) = nil, nil", q)
			case err != nil && !errors.As(err, &qe):
				t.Fatalf("parseQuery(%q) error %v is not a QueryError", q, err)
			case err != nil && (qe.Column < 1 || qe.Column > utf8.RuneCountInString(q)+1):
				t.Fatalf("parseQuery(%q) column %d out of the query", q, qe.Column)
			}
		}
	})
}

func TestKindFilter(t *testing.T) {
	ix := buildIndex(t, []*corpus.Document{
		{ID: "p", Path: "p", Text: "张伟主持义诊", Mentions: []corpus.Mention{{Kind: corpus.KindPerson, Span: corpus.Span{Start: 0, End: 6}, Value: "张伟"}}},
		{ID: "n", Path: "n", Text: "义诊300人", Mentions: []corpus.Mention{{Kind: corpus.KindNumber, Span: corpus.Span{Start: 6, End: 10}, Value: "300"}}},
		{ID: "x", Path: "x", Text: "义诊"},
	})
	for _, c := range []struct {
		kinds []string
		want  uint64
	}{{nil, 3}, {[]string{"person"}, 1}, {[]string{"person", "number"}, 0}, {[]string{"number"}, 1}, {[]string{"toy"}, 0}} {
		res, err := ix.Search(context.Background(), Request{Query: "义诊", Kinds: c.kinds})
		if err != nil || res.Total != c.want {
			t.Errorf("Search(义诊, kinds %v) = %v, %v; want %d", c.kinds, res, err, c.want)
		}
	}
}

// TestIndexOneSegment: an index written in many batches is merged into
// one segment file, nothing left beside it, and answers as one written in
// a single batch.
func TestIndexOneSegment(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "reports", "docs", "*.txt"))
	if err != nil || len(paths) < 3 {
		t.Fatalf("need documents in testdata/reports/docs: %v", err)
	}
	var docs []*corpus.Document
	for _, p := range paths {
		docs = append(docs, readDoc(t, p))
	}
	dir := filepath.Join(t.TempDir(), "index")
	w, err := Create(dir, testAnalyzer())
	if err != nil {
		t.Fatal(err)
	}
	w.limit = 1 // a batch, and so a segment, per document
	for _, d := range docs {
		if err := w.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Finish(); err != nil {
		t.Fatal(err)
	}
	zaps, _ := filepath.Glob(filepath.Join(dir, bleveDir, "store", "*.zap"))
	if len(zaps) != 1 {
		t.Errorf("%d segment files after Finish: %v", len(zaps), zaps)
	}
	many, err := Open(dir, testJieba)
	if err != nil {
		t.Fatal(err)
	}
	defer many.Close()
	one := buildIndex(t, docs)
	for _, d := range docs {
		for _, q := range []string{`"` + string([]rune(d.Text)[:4]) + `"`, d.Title} {
			a, err := many.Search(context.Background(), Request{Query: q, N: 10})
			if err != nil {
				t.Fatal(err)
			}
			b, _ := one.Search(context.Background(), Request{Query: q, N: 10})
			if a.Total == 0 || a.Total != b.Total || !slices.EqualFunc(a.Hits, b.Hits, func(x, y Hit) bool { return x.ID == y.ID && x.Score == y.Score }) {
				t.Errorf("%s: many batches %v, one batch %v", q, a.Hits, b.Hits)
			}
		}
	}
}
