package searchindex

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/corpustest"
	"github.com/baogao/baogao/corpus/format"
	"github.com/baogao/baogao/pipeline"
	"github.com/baogao/baogao/pipeline/normalize"
)

// newsIndex is an index of the first xwlbFiles transcripts of
// ../shared/corpus/xwlb split per item, analysed by the engine exactly as
// a run does, with the documents it holds.
type newsIndex struct {
	ix   *Index
	docs []*corpus.Document
}

const xwlbFiles = 60

var (
	newsOnce sync.Once
	news     *newsIndex
	newsErr  error
)

func loadNews(t *testing.T) *newsIndex {
	t.Helper()
	dir := corpustest.Shared(t, "xwlb")
	newsOnce.Do(func() {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.md"))
		tmp, err := os.MkdirTemp("", "baogao-news-")
		if err != nil {
			newsErr = err
			return
		}
		root := filepath.Join(tmp, "xwlb")
		os.Mkdir(root, 0o755)
		for _, p := range paths[:min(xwlbFiles, len(paths))] {
			b, _ := os.ReadFile(p)
			os.WriteFile(filepath.Join(root, filepath.Base(p)), b, 0o644)
		}
		e, err := pipeline.New(pipeline.Options{Read: pipeline.ReadOptions{Format: formatSplit("### ")}, Learn: true})
		if err != nil {
			newsErr = err
			return
		}
		learned, _, err := e.Learn(context.Background(), e.Source([]string{root}), nil)
		if err != nil {
			newsErr = err
			return
		}
		e.UseLexicon(learned.Lexicon())
		w, err := Create(filepath.Join(tmp, "index"), Analyzer{Jieba: e.Jieba(), Words: e.Words()})
		if err != nil {
			newsErr = err
			return
		}
		w.grams.limit = newsSpill // the phrases are found through merged runs
		n := &newsIndex{}
		_, err = e.Run(context.Background(), e.Source([]string{root}), func(d *corpus.Document) error {
			if d.Skip == "" {
				n.docs = append(n.docs, d)
			}
			return w.Add(d)
		})
		if err == nil {
			err = w.Finish()
		}
		if err != nil {
			newsErr = err
			return
		}
		n.ix, newsErr = Open(filepath.Join(tmp, "index"), e.Jieba())
		news = n
	})
	if newsErr != nil {
		t.Fatal(newsErr)
	}
	return news
}

// views returns the repaired views of a document's text and title: what
// phrases are matched against.
func views(d *corpus.Document) (text, title string) {
	text = d.View
	if text == "" {
		text = d.Text
	}
	return text, normalize.Repair(d.Title).Text
}

// scan returns the ids of the documents whose text or title view contains
// s: the answer a phrase search must give.
func (n *newsIndex) scan(s string) []string {
	var ids []string
	for _, d := range n.docs {
		text, title := views(d)
		if strings.Contains(text, s) || strings.Contains(title, s) {
			ids = append(ids, d.ID)
		}
	}
	slices.Sort(ids)
	return ids
}

// hitIDs returns the sorted ids of every hit of query.
func (n *newsIndex) hitIDs(t *testing.T, query string) []string {
	t.Helper()
	res, err := n.ix.Search(context.Background(), Request{Query: query, N: len(n.docs) + 1})
	if err != nil {
		t.Fatalf("Search(%s): %v", query, err)
	}
	if int(res.Total) != len(res.Hits) {
		t.Fatalf("Search(%s): total %d, %d hits", query, res.Total, len(res.Hits))
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	slices.Sort(ids)
	return ids
}

// quote quotes s for the query language with quotation marks it does not
// contain; "" when it contains every kind.
func quote(s string) string {
	for open, close := range map[string]string{`"`: `"`, "“": "”", "「": "」", "『": "』"} {
		if !strings.Contains(s, close) {
			return open + s + close
		}
	}
	return ""
}

// sample returns n random substrings of the documents' views, of 1 to 8
// characters (mostly 2 to 8), from texts and titles.
func (n *newsIndex) sample(rng *rand.Rand, count int) []string {
	var out []string
	for len(out) < count {
		d := n.docs[rng.IntN(len(n.docs))]
		text, title := views(d)
		src := text
		if rng.IntN(10) == 0 {
			src = title
		}
		starts := runeStarts(src)
		if len(starts) < 3 {
			continue
		}
		size := 2 + rng.IntN(7)
		if rng.IntN(20) == 0 {
			size = 1
		}
		i := rng.IntN(len(starts) - 1)
		k := min(i+size, len(starts)-1)
		s := src[starts[i]:starts[k]]
		if strings.TrimSpace(s) == "" || quote(s) == "" {
			continue
		}
		out = append(out, s)
	}
	return out
}

// TestPhrasesExact: a quoted phrase finds exactly the documents whose
// repaired view (text or title) contains it, wherever jieba's words fall:
// random substrings of real news, cut anywhere, with punctuation, Latin
// letters and digits, measured against a plain substring scan. Recall and
// precision must both be 1.
func TestPhrasesExact(t *testing.T) {
	n := loadNews(t)
	rng := rand.New(rand.NewPCG(10, 20))
	qs := n.sample(rng, 600)
	// The families the issue lists, as this corpus writes them.
	qs = append(qs, "新质生产力", "新冠肺炎疫情", "5G", "粮食安全", "全国人民代表大会常务委员会", "村振兴", "带一", "PM2.5", "C919", "的", "。", "，新")
	missed, extra := 0, 0
	for _, s := range qs {
		want := n.scan(s)
		got := n.hitIDs(t, quote(s))
		if slices.Equal(got, want) {
			continue
		}
		m, x := diff(want, got)
		missed += m
		extra += x
		t.Errorf("%s: %d documents contain it, search finds %d (%d missed, %d without it)", quote(s), len(want), len(got), m, x)
	}
	t.Logf("%d phrases: %d missed, %d found without the phrase", len(qs), missed, extra)
}

// TestPhrasesAsWritten: a query typed full-width or in traditional script
// finds what its repaired form finds.
func TestPhrasesAsWritten(t *testing.T) {
	n := loadNews(t)
	for _, c := range []struct{ typed, repaired string }{
		{width.Widen.String("5G"), "5G"},
		{width.Widen.String("G20"), "G20"},
		{"經濟", "经济"},
		{"國務院", "国务院"},
		{"醫療", "医疗"},
	} {
		want := n.scan(c.repaired)
		if got := n.hitIDs(t, quote(c.typed)); !slices.Equal(got, want) {
			t.Errorf("%s: %d hits; want the %d of %s", quote(c.typed), len(got), len(want), c.repaired)
		}
	}
}

// TestWordsRequired: unquoted words are all required, each found as
// written (case aside) wherever jieba cut it, and precision is 1: every
// hit holds every word.
func TestWordsRequired(t *testing.T) {
	n := loadNews(t)
	an := n.ix.an
	for _, q := range []string{"习近平 李强", "新质生产力", "乡村振兴 农业", "5g 网络", "村振兴", "粮食安全"} {
		var words []string
		for _, chunk := range strings.Fields(q) {
			for _, tk := range an.Jieba.Tag(normalize.Repair(chunk).Text, an.Words) {
				words = append(words, lowerASCII(tk.Term))
			}
		}
		var want []string
		for _, d := range n.docs {
			text, title := views(d)
			all := true
			for _, w := range words {
				if !strings.Contains(lowerASCII(text), w) && !strings.Contains(lowerASCII(title), w) {
					all = false
				}
			}
			if all {
				want = append(want, d.ID)
			}
		}
		slices.Sort(want)
		if got := n.hitIDs(t, q); !slices.Equal(got, want) {
			m, x := diff(want, got)
			t.Errorf("%s (words %q): %d hits, want %d (%d missed, %d extra)", q, words, len(got), len(want), m, x)
		}
	}
}

// TestBooleanAgainstScan: AND, OR, NOT, parentheses, + and - compose as
// sets, checked against the scan of their phrases.
func TestBooleanAgainstScan(t *testing.T) {
	n := loadNews(t)
	set := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, id := range n.scan(s) {
			m[id] = true
		}
		return m
	}
	all := map[string]bool{}
	for _, d := range n.docs {
		all[d.ID] = true
	}
	a, b, c := set("经济"), set("发展"), set("美国")
	tests := []struct {
		query string
		want  func(id string) bool
	}{
		{`"经济" AND "发展"`, func(id string) bool { return a[id] && b[id] }},
		{`"经济" "发展"`, func(id string) bool { return a[id] && b[id] }},
		{`"经济" OR "发展"`, func(id string) bool { return a[id] || b[id] }},
		{`"经济" NOT "美国"`, func(id string) bool { return a[id] && !c[id] }},
		{`"经济" -"美国"`, func(id string) bool { return a[id] && !c[id] }},
		{`NOT "经济"`, func(id string) bool { return !a[id] }},
		{`("经济" OR "美国") AND NOT "发展"`, func(id string) bool { return (a[id] || c[id]) && !b[id] }},
		{`+"经济" "发展" -"美国"`, func(id string) bool { return a[id] && b[id] && !c[id] }},
	}
	for _, tt := range tests {
		var want []string
		for id := range all {
			if tt.want(id) {
				want = append(want, id)
			}
		}
		slices.Sort(want)
		if got := n.hitIDs(t, tt.query); !slices.Equal(got, want) {
			t.Errorf("%s: %d hits; want %d", tt.query, len(got), len(want))
		}
	}
	// OR mode: juxtaposed terms are alternatives; + requires.
	res, err := n.ix.Search(context.Background(), Request{Query: `"经济" "美国"`, Or: true, N: 0})
	if err != nil {
		t.Fatal(err)
	}
	union := 0
	for id := range all {
		if a[id] || c[id] {
			union++
		}
	}
	if int(res.Total) != union {
		t.Errorf("OR mode: %d hits; want %d", res.Total, union)
	}
	res, _ = n.ix.Search(context.Background(), Request{Query: `+"经济" "美国"`, Or: true, N: 0})
	if int(res.Total) != len(a) {
		t.Errorf("OR mode with +: %d hits; want the %d of the required term", res.Total, len(a))
	}
}

// TestSeveralIndexes: two indexes searched together give the hits,
// scores and order of one index of all their documents.
func TestSeveralIndexes(t *testing.T) {
	n := loadNews(t)
	half := len(n.docs) / 2
	an := n.ix.an
	build := func(docs []*corpus.Document) *Index {
		dir := filepath.Join(t.TempDir(), "index")
		w, err := Create(dir, an)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			if err := w.Add(d); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Finish(); err != nil {
			t.Fatal(err)
		}
		ix, err := Open(dir, an.Jieba)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
		return ix
	}
	first, second := build(n.docs[:half]), build(n.docs[half:])
	for _, q := range []string{"习近平 李强", `"新质生产力"`, "经济 -美国", `"村振兴" OR 农业`, "发展", "title:会议"} {
		req := Request{Query: q, N: 50, Facets: 10}
		one, err := n.ix.Search(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		two, err := Search(context.Background(), []*Index{first, second}, req)
		if err != nil {
			t.Fatal(err)
		}
		if one.Total != two.Total || len(one.Hits) != len(two.Hits) {
			t.Fatalf("%s: one index %d hits (%d on the page), two %d (%d)", q, one.Total, len(one.Hits), two.Total, len(two.Hits))
		}
		for i := range one.Hits {
			a, b := one.Hits[i], two.Hits[i]
			if a.ID != b.ID || a.Score != b.Score {
				t.Errorf("%s: hit %d is %s (%v) in one index, %s (%v) in two", q, i, a.ID, a.Score, b.ID, b.Score)
				break
			}
		}
		if fmt.Sprint(one.Initiatives, one.Years, one.Months) != fmt.Sprint(two.Initiatives, two.Years, two.Months) {
			t.Errorf("%s: facets differ: %v %v / %v %v", q, one.Initiatives, one.Years, two.Initiatives, two.Years)
		}
	}
}

// TestHighlightsMarkMatches: snippets mark the matched occurrences, whole,
// and nothing else: every marked passage is the phrase (or a word of an
// unquoted query) as the view writes it.
func TestHighlightsMarkMatches(t *testing.T) {
	n := loadNews(t)
	for _, c := range []struct {
		query string
		marks []string // what a mark may cover
	}{
		{`"高质量发展"`, []string{"高质量发展"}},
		{`"村振兴"`, []string{"村振兴"}},
		{`习近平 李强`, []string{"习近平", "李强"}},
		{`"5G"`, []string{"5G"}},
	} {
		res, err := n.ix.Search(context.Background(), Request{Query: c.query, N: 10})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 {
			t.Fatalf("%s: no hits", c.query)
		}
		for _, h := range res.Hits {
			if len(h.Snippets) == 0 {
				t.Errorf("%s: hit %s without a snippet", c.query, h.ID)
				continue
			}
			for _, sn := range h.Snippets {
				marks := 0
				for rest := sn; ; {
					i := strings.Index(rest, MarkStart)
					if i < 0 {
						break
					}
					j := strings.Index(rest[i:], MarkEnd)
					marked := rest[i+len(MarkStart) : i+j]
					if !slices.Contains(c.marks, marked) {
						t.Errorf("%s: snippet %q marks %q", c.query, sn, marked)
					}
					marks++
					rest = rest[i+j+len(MarkEnd):]
				}
				if marks == 0 {
					t.Errorf("%s: snippet %q marks nothing", c.query, sn)
				}
				if utf8.RuneCountInString(strings.NewReplacer(MarkStart, "", MarkEnd, "", "…", "").Replace(sn)) > 2*snippetRunes {
					t.Errorf("%s: snippet of %d characters", c.query, utf8.RuneCountInString(sn))
				}
			}
		}
	}
}

// diff counts the ids of want missing from got, and those of got not in
// want.
func diff(want, got []string) (missed, extra int) {
	w := map[string]bool{}
	for _, id := range want {
		w[id] = true
	}
	g := map[string]bool{}
	for _, id := range got {
		g[id] = true
		if !w[id] {
			extra++
		}
	}
	for _, id := range want {
		if !g[id] {
			missed++
		}
	}
	return missed, extra
}

func formatSplit(prefix string) format.Options { return format.Options{Split: prefix} }

// runeStarts returns the byte offsets where the runes of s start, and
// len(s) last.
func runeStarts(s string) []int {
	out := make([]int, 0, len(s)/2+1)
	for i := range s {
		out = append(out, i)
	}
	return append(out, len(s))
}
