package searchindex

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline/segment"
)

// marked finds the highlighted passages of a snippet in each style.
var marked = map[string]*regexp.Regexp{
	HighlightPlain: regexp.MustCompile(`⟦(.*?)⟧`),
	HighlightHTML:  regexp.MustCompile(`<mark>(.*?)</mark>`),
	HighlightANSI:  regexp.MustCompile("\x1b\\[43m(.*?)\x1b\\[0m"),
}

// queryWords returns the terms the analyzer makes of q.
func queryWords(q string) []string {
	var out []string
	for _, t := range tokenize(q) {
		out = append(out, string(t.Term))
	}
	return out
}

func TestHighlight(t *testing.T) {
	ix := buildCase(t, "phrase")
	tests := []struct {
		name, query, style, id string
		want                   []string // the marked words in the best text snippet, in order
	}{
		{"phrase", `"中国科学院计算所"`, HighlightPlain, "cas", []string{"中国科学院", "计算所"}},
		{"phrase through sub-word", `"科学院计算所"`, HighlightPlain, "cas", []string{"科学院", "计算所"}},
		{"word with sub-words", `中国科学院`, HighlightPlain, "cas", []string{"中国科学院"}},
		{"html", `"中国科学院计算所"`, HighlightHTML, "cas", []string{"中国科学院", "计算所"}},
		{"ansi", `"大学深造"`, HighlightANSI, "cas", []string{"大学", "深造"}},
		{"two words", `计算所 人民医院`, HighlightPlain, "cas", []string{"计算所", "人民", "医院"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(context.Background(), Request{Query: tt.query, N: 10, Highlight: tt.style})
			if err != nil {
				t.Fatalf("Search(%q): %v", tt.query, err)
			}
			i := slices.IndexFunc(res.Hits, func(h Hit) bool { return h.ID == tt.id })
			if i < 0 || len(res.Hits[i].Snippets) == 0 {
				t.Fatalf("Search(%q) = %+v; want a hit %s with a snippet", tt.query, res.Hits, tt.id)
			}
			snippet := res.Hits[i].Snippets[0]
			var got []string
			for _, m := range marked[tt.style].FindAllStringSubmatch(snippet, -1) {
				got = append(got, m[1])
				// The brief: each mark covers one whole query word.
				if !slices.Contains(queryWords(tt.query), m[1]) {
					t.Errorf("Search(%q) snippet %q marks %q, not a word of the query %v", tt.query, snippet, m[1], queryWords(tt.query))
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Search(%q) snippet %q marks %q; want %q", tt.query, snippet, got, tt.want)
			}
		})
	}
}

func TestHighlightHTMLEscapes(t *testing.T) {
	ix := buildIndex(t, []*corpus.Document{{ID: "x", Path: "x.txt", Text: "医院<新闻>：开展义诊&健康讲座"}})
	res, err := ix.Search(context.Background(), Request{Query: "义诊", N: 10, Highlight: HighlightHTML})
	if err != nil {
		t.Fatal(err)
	}
	want := "医院&lt;新闻&gt;：开展<mark>义诊</mark>&amp;健康讲座"
	if len(res.Hits) != 1 || !slices.Equal(res.Hits[0].Snippets, []string{want}) {
		t.Errorf("Search(义诊, html) = %+v; want one hit with snippet %q", res.Hits, want)
	}
}

func TestHitFields(t *testing.T) {
	ix := buildCase(t, "reports")
	tests := []struct {
		query string
		want  Hit // Score and Snippets not compared
	}{
		{"title:工作报告", Hit{ID: "c", Path: "docs/c.txt", Title: "市政府2022年工作报告", Date: "2022-02-15"}},
		{"志愿者", Hit{ID: "d", Path: "docs/d.txt", Title: "医院志愿者服务队简介"}},
	}
	for _, tt := range tests {
		t.Run(tt.want.ID, func(t *testing.T) {
			res, err := ix.Search(context.Background(), Request{Query: tt.query, N: 10})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Hits) != 1 {
				t.Fatalf("Search(%q) = %+v; want one hit", tt.query, res.Hits)
			}
			got := res.Hits[0]
			if got.Score <= 0 {
				t.Errorf("Search(%q) score = %v; want > 0", tt.query, got.Score)
			}
			got.Score, got.Snippets = 0, nil
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Search(%q) = %+v; want %+v", tt.query, got, tt.want)
			}
		})
	}
}

func TestFacets(t *testing.T) {
	ix := buildCase(t, "reports")
	tests := []struct {
		name  string
		req   Request
		total uint64
		want  []Facet
	}{
		{"all documents", Request{Facets: 5}, 4, []Facet{{"乡村振兴战略", 2}, {"健康中国行动", 2}}},
		{"top one", Request{Facets: 1, Query: "义诊"}, 3, []Facet{{"乡村振兴战略", 1}}},
		{"over every page", Request{Facets: 5, Query: "义诊", N: 1}, 3, []Facet{{"乡村振兴战略", 1}, {"健康中国行动", 1}}},
		{"filtered", Request{Facets: 5, Initiatives: []string{"健康中国行动"}}, 2, []Facet{{"健康中国行动", 2}, {"乡村振兴战略", 1}}},
		{"none asked", Request{Query: "义诊", N: 10}, 3, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(context.Background(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != tt.total || !slices.Equal(res.Initiatives, tt.want) {
				t.Errorf("Search(%+v) = total %d, facets %v; want %d, %v", tt.req, res.Total, res.Initiatives, tt.total, tt.want)
			}
		})
	}
}

func TestPaging(t *testing.T) {
	ix := buildCase(t, "reports")
	var got []string
	for from := 0; from < 4; from += 2 {
		res, err := ix.Search(context.Background(), Request{Query: "义诊", N: 2, From: from})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 3 {
			t.Errorf("Search(义诊, From %d).Total = %d; want 3", from, res.Total)
		}
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
	}
	if want := []string{"b", "d", "a"}; !slices.Equal(got, want) {
		t.Errorf("pages of Search(义诊) = %v; want %v", got, want)
	}
}

// TestCountOnly: N 0 gives the total and the facets, no hits.
func TestCountOnly(t *testing.T) {
	ix := buildCase(t, "reports")
	res, err := ix.Search(context.Background(), Request{Query: "义诊", Facets: 5})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 3 || len(res.Hits) != 0 || len(res.Initiatives) == 0 {
		t.Errorf("Search(义诊, N 0) = total %d, %d hits, facets %v; want 3, none, some", res.Total, len(res.Hits), res.Initiatives)
	}
}

func TestQueryErrorIsErrQuery(t *testing.T) {
	ix := buildCase(t, "reports")
	if _, err := ix.Search(context.Background(), Request{Query: `"未闭合`, N: 10}); !errors.Is(err, ErrQuery) {
		t.Errorf("Search(unclosed quote) = %v; want ErrQuery", err)
	}
}

func TestSearchErrors(t *testing.T) {
	ix := buildCase(t, "reports")
	tests := []struct {
		name string
		req  Request
	}{
		{"syntax", Request{Query: `"未闭合`}},
		{"style", Request{Query: "义诊", Highlight: "pdf"}},
		{"negative page", Request{Query: "义诊", N: -1}},
		{"invalid utf-8", Request{Query: "义\xff诊"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if res, err := ix.Search(context.Background(), tt.req); err == nil {
				t.Errorf("Search(%+v) = %+v; want an error", tt.req, res)
			}
		})
	}
}

func TestWriterSkipsAndBatches(t *testing.T) {
	// More documents than one batch holds, and a skipped one.
	var docs []*corpus.Document
	for i := range 300 {
		docs = append(docs, &corpus.Document{ID: fmt.Sprintf("n%03d", i), Path: fmt.Sprintf("n%03d.txt", i),
			Text: fmt.Sprintf("第%d号通知：医院开展义诊活动。", i)})
	}
	docs = append(docs, &corpus.Document{ID: "skipped", Path: "skipped.bin", Text: "医院开展义诊活动", Skip: "binary"})
	dir := filepath.Join(t.TempDir(), "index")
	w, err := Create(dir, testAnalyzer())
	if err != nil {
		t.Fatal(err)
	}
	w.limit = 1000 // about 20 documents a batch
	batches := 0
	for _, d := range docs {
		before := w.batch.Size()
		if err := w.Add(d); err != nil {
			t.Fatal(err)
		}
		if w.batch.Size() < before {
			batches++
		}
	}
	if err := w.Finish(); err != nil {
		t.Fatal(err)
	}
	if batches < 10 {
		t.Errorf("%d batches flushed by bytes; want at least 10", batches)
	}
	ix, err := Open(dir, testJieba)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	res, err := ix.Search(context.Background(), Request{Query: "义诊", N: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 300 {
		t.Errorf("Search(义诊).Total = %d; want 300", res.Total)
	}
	for _, h := range res.Hits {
		if h.ID == "skipped" {
			t.Errorf("skipped document indexed: %+v", h)
		}
	}
}

func TestFinishTwice(t *testing.T) {
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
}

func TestCreateExisting(t *testing.T) {
	dir := t.TempDir()
	if w, err := Create(dir, testAnalyzer()); err == nil {
		w.Finish()
		t.Errorf("Create(%s) on an existing directory succeeded; want an error", dir)
	}
}

func TestOpenNotIndex(t *testing.T) {
	plain := filepath.Join(t.TempDir(), "plain")
	if err := os.MkdirAll(plain, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(plain, "report.txt"), []byte("医院工作报告"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A bleve index of someone else's: no baogao marker.
	foreign := filepath.Join(t.TempDir(), "foreign")
	idx, err := bleve.New(foreign, bleve.NewIndexMapping())
	if err != nil {
		t.Fatal(err)
	}
	idx.Close()
	for _, dir := range []string{plain, filepath.Join(t.TempDir(), "missing"), foreign} {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			ix, err := Open(dir, testJieba)
			if err == nil {
				ix.Close()
				t.Fatalf("Open(%s) succeeded; want ErrNotIndex", dir)
			}
			if !errors.Is(err, ErrNotIndex) || !strings.Contains(err.Error(), dir) {
				t.Errorf("Open(%s) = %v; want ErrNotIndex naming the directory", dir, err)
			}
		})
	}
}

// TestWriterReusesTokens: the Writer indexes the tokens the segment stage
// put in doc.Tokens instead of segmenting again. The document carries one
// token jieba would never produce; finding it proves the reuse.
func TestWriterReusesTokens(t *testing.T) {
	text := "青山医院开展义诊"
	doc := &corpus.Document{ID: "d", Path: "d.txt", Text: text, Tokens: []corpus.Token{
		{Span: corpus.Span{Start: 0, End: len("青山医院")}, Term: "zzqx", Pos: 1},
	}}
	ix := buildIndex(t, []*corpus.Document{doc})
	res, err := ix.Search(context.Background(), Request{Query: "text:zzqx", N: 10})
	if err != nil || res.Total != 1 {
		t.Fatalf("Search(text:zzqx) = %+v, %v; want the document indexed from doc.Tokens", res, err)
	}
}

// TestIndexesOwnTheirWords: two indexes built with different kept words,
// open in one process over one Jieba, cut their queries each as its own
// documents were cut: a phrase over a kept word finds its document in the
// index that kept it.
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
	kept := build([]string{"健康守门人计划"})
	plain := build(nil)
	if got := kept.Words().List(); !slices.Equal(got, []string{"健康守门人计划"}) {
		t.Fatalf("kept index words = %v", got)
	}
	for name, ix := range map[string]*Index{"kept": kept, "plain": plain} {
		for _, q := range []string{`"健康守门人计划"`, "健康守门人计划", `"推广健康守门人计划"`} {
			res, err := ix.Search(context.Background(), Request{Query: q, N: 10})
			if err != nil || res.Total != 1 {
				t.Errorf("%s index: Search(%s) = %v hits, %v; want the document", name, q, res, err)
			}
		}
	}
	// The query of the kept index holds the name as one word.
	toks := kept.an.Tokens("健康守门人计划")
	if len(toks) == 0 || toks[0].Term != "健康守门人计划" {
		t.Errorf("kept index cuts its query as %v; want the name whole first", toks)
	}
	if toks := plain.an.Tokens("健康守门人计划"); len(toks) > 0 && toks[0].Term == "健康守门人计划" {
		t.Errorf("plain index keeps the name whole: %v", toks)
	}
}
