package initiative

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/corpustest"
	"github.com/baogao/baogao/pipeline/normalize"
)

func TestSeeds(t *testing.T) {
	names, texts := corpustest.Seeds(t)
	e := New(Options{})
	values := map[string]string{} // canonical value → type
	var all []string
	for _, n := range names {
		for _, m := range extractView(e, texts[n]) {
			values[m.Value] = m.Type
			all = append(all, m.Value)
		}
	}
	mustFind := []struct{ value, typ string }{
		{"我为群众办实事", TypeCampaign},
		{"党史学习教育", TypeEducation},
		{"一把手工程", TypeProject},
		{"四线、四色", TypeCampaign},
		{"医疗流程优化专项行动", TypeCampaign},
		{"323健康问题攻坚行动", TypeCampaign},
		{"双报到、双报告", TypeMechanism},
		{"暖医先锋志愿者服务队进社区", TypeActivity},
		{"世界狼疮日义诊活动", TypeActivity},
		{"十四五", TypePlan},
	}
	for _, w := range mustFind {
		t.Run("finds "+w.value, func(t *testing.T) {
			if got, ok := values[w.value]; !ok || got != w.typ {
				t.Errorf("Extract(seeds) values = %v; want %q of type %q (got type %q)", all, w.value, w.typ, got)
			}
		})
	}
	mustNot := []string{"徐州市中心医院", "义诊活动", "志愿服务", "专题学习", "讲台", "打卡", "救命钱",
		"急难愁盼", "中国共产党简史", "卡脖子", "以患者为中心", "淮海经济区名医会诊中心", "编者按"}
	for _, bad := range mustNot {
		t.Run("skips "+bad, func(t *testing.T) {
			if _, ok := values[bad]; ok {
				t.Errorf("Extract(seeds) values = %v; want no %q", all, bad)
			}
		})
	}
}

// TestSeedsGolden compares every mention in the seeds with
// testdata/seeds.golden; run with -update to rewrite it, then read the diff.
func TestSeedsGolden(t *testing.T) {
	names, texts := corpustest.Seeds(t)
	e := New(Options{})
	var b strings.Builder
	b.WriteString("# file\tstart\tend\ttext\tvalue\ttype\trule\n")
	for _, n := range names {
		for _, m := range extractView(e, texts[n]) {
			fmt.Fprintf(&b, "%s\t%d\t%d\t%s\t%s\t%s\t%s\n", n, m.Span.Start, m.Span.End,
				strconv.Quote(texts[n][m.Span.Start:m.Span.End]), m.Value, m.Type, m.Rule)
		}
	}
	corpustest.Golden(t, filepath.Join("testdata", "seeds.golden"), b.String())
}

// extractView extracts as the engine does: on the repaired view of text,
// spans mapped back to text.
func extractView(e *Extractor, text string) []corpus.Mention {
	view := normalize.Repair(text)
	ms := e.Extract(view.Text, corpus.Date{})
	for i := range ms {
		ms[i].Span.Start, ms[i].Span.End = view.Orig(ms[i].Span.Start, ms[i].Span.End)
	}
	return ms
}

// TestNews checks national initiatives in 《新闻联播》 transcripts.
func TestNews(t *testing.T) {
	tests := []struct{ file, value, typ string }{
		{"20221222.md", "乡村振兴", TypeStrategy}, // written 乡村振兴战略: one canonical name
		{"20221222.md", "一带一路", TypeStrategy},
		{"20230105.md", "国企改革三年行动", TypeCampaign},
		{"20230105.md", "粤港澳大湾区建设", TypeStrategy},
	}
	e := New(Options{})
	for _, tt := range tests {
		t.Run(tt.file+" "+tt.value, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(corpustest.Shared(t, "xwlb"), tt.file))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range extractView(e, string(b)) {
				if m.Value == tt.value && m.Type == tt.typ {
					return
				}
				got = append(got, m.Value)
			}
			t.Errorf("Extract(%s) = %v; want %q of type %q", tt.file, got, tt.value, tt.typ)
		})
	}
}

func BenchmarkExtract(b *testing.B) {
	names, texts := corpustest.Seeds(b)
	e := New(Options{})
	size := 0
	for _, n := range names {
		size += len(texts[n])
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range names {
			e.Extract(texts[n], corpus.Date{})
		}
	}
}

// BenchmarkExtractNews runs the extractor over the first 80 xwlb news
// transcripts (about 2 MB), split per news item as `baogao run -split '### '`
// does, the register where most initiatives are found unquoted.
func BenchmarkExtractNews(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(corpustest.Shared(b, "xwlb"), "*.md"))
	var items []string
	size := 0
	for _, p := range paths[:min(80, len(paths))] {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		for _, it := range strings.Split(string(data), "\n### ") {
			items = append(items, it)
			size += len(it)
		}
	}
	e := New(Options{})
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, it := range items {
			e.Extract(it, corpus.Date{})
		}
	}
}

// TestQuoted checks that Quoted returns exactly the quotation mentions of
// Extract (what the learning pass relies on) over the seeds and 300 xwlb
// transcripts, each split per news item as `run -split '### '` does and
// whole.
func TestQuoted(t *testing.T) {
	names, texts := corpustest.Seeds(t)
	var docs []string
	for _, n := range names {
		docs = append(docs, texts[n])
	}
	paths, _ := filepath.Glob(filepath.Join(corpustest.Shared(t, "xwlb"), "*.md"))
	for _, p := range paths[:min(300, len(paths))] {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, string(data))
		docs = append(docs, strings.Split(string(data), "\n### ")...)
	}
	lex := &Lexicon{}
	lex.Add("健康守门人", TypeProject) // a known name changes which quotations enumerate
	for _, e := range []*Extractor{New(Options{}), New(Options{Lexicon: lex})} {
		quotations := 0
		for _, d := range docs {
			view := normalize.Repair(d).Text
			want := quotedOf(e.Extract(view, corpus.Date{}))
			got := e.Quoted(view)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("Quoted(%.60q…) = %v; want the quotations of Extract %v", view, got, want)
			}
			quotations += len(got)
		}
		if quotations < 1000 {
			t.Errorf("Quoted found %d quotations in %d documents; want the test to see at least 1,000", quotations, len(docs))
		}
	}
}

// quotedOf keeps the mentions of the quotation rules.
func quotedOf(ms []corpus.Mention) []corpus.Mention {
	var out []corpus.Mention
	for _, m := range ms {
		if strings.HasPrefix(m.Rule, "quoted") || m.Rule == RuleTag {
			out = append(out, m)
		}
	}
	return out
}
