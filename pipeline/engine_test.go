package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/format"
	"github.com/baogao/baogao/pipeline/extract"
	"github.com/baogao/baogao/pipeline/extract/initiative"
)

var (
	sharedEngine *Engine
	engineOnce   sync.Once
)

// engine loads one engine with the default options for the tests that do
// not change it: loading takes a second.
func engine(t testing.TB) *Engine {
	engineOnce.Do(func() {
		e, err := New(Options{})
		if err != nil {
			t.Fatalf("New: %v", err)
		}
		sharedEngine = e
	})
	return sharedEngine
}

func analyze(e *Engine, text string) *corpus.Document {
	doc := &corpus.Document{ID: "d", Path: "d.txt", Text: text, Date: corpus.Date{Year: 2021, Month: 6, Day: 25}}
	e.Analyze(doc)
	return doc
}

// TestToyKind: a new kind of mention is one registration; its mentions
// come back with spans into the text as written, whatever the repaired
// view changed, and take part in overlap resolution by precedence.
func TestToyKind(t *testing.T) {
	const toy corpus.Kind = "toy"
	e, err := New(Options{NoEntities: true, Extractors: []extract.Registration{{
		Name: "toy", Kinds: []corpus.Kind{toy}, Precedence: 4,
		Extractor: extract.Func(func(in *extract.Input) []corpus.Mention {
			var out []corpus.Mention
			for i := 0; ; {
				k := strings.Index(in.Text[i:], "义诊")
				if k < 0 {
					return out
				}
				i += k
				out = append(out, corpus.Mention{Kind: toy, Span: corpus.Span{Start: i, End: i + len("义诊")}, Value: "free clinic", Rule: "toy"})
				i += len("义诊")
			}
		}),
	}}})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	text := "縣醫院開展義診３天；“义诊”行动"
	doc := analyze(e, text)
	var toys []string
	for _, m := range doc.Mentions {
		if m.Kind == toy {
			toys = append(toys, text[m.Span.Start:m.Span.End])
		}
		if m.Kind == corpus.KindInitiative {
			t.Errorf("initiative %q survived the toy of higher precedence inside it", text[m.Span.Start:m.Span.End])
		}
	}
	if strings.Join(toys, " ") != "義診 义诊" {
		t.Errorf("toy mentions = %q; want 義診 (written traditional) and 义诊", toys)
	}
	if _, err := New(Options{Extractors: []extract.Registration{{Name: "dup", Kinds: []corpus.Kind{corpus.KindDate}, Extractor: extract.Func(func(*extract.Input) []corpus.Mention { return nil })}}}); err == nil {
		t.Errorf("a second extractor of kind date was accepted")
	}
}

// TestBadSpanIsProblem: an extractor that returns a span outside the text
// loses that mention, not the document.
func TestBadSpanIsProblem(t *testing.T) {
	e, err := New(Options{NoEntities: true, Extractors: []extract.Registration{{
		Name: "broken", Kinds: []corpus.Kind{"broken"},
		Extractor: extract.Func(func(in *extract.Input) []corpus.Mention {
			return []corpus.Mention{{Kind: "broken", Span: corpus.Span{Start: 1, End: len(in.Text) + 10}}}
		}),
	}}})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	doc := analyze(e, "2021年5月，县医院开展义诊。")
	if len(doc.Problems) != 1 || doc.Problems[0].Stage != "extract/broken" || doc.Problems[0].Reason != "invalid mention span" {
		t.Fatalf("problems = %+v; want one of stage extract/broken", doc.Problems)
	}
	if len(doc.Mentions) == 0 {
		t.Errorf("the other extractors' mentions were lost")
	}
}

// TestAnalyzeRepairedView: dates, numbers and entities are found on the
// repaired view, spans pointing into the text as written; tokens too.
func TestAnalyzeRepairedView(t *testing.T) {
	text := "北京市醫院院長張偉說，７月２９日醫院為４０００餘名職工體檢。"
	doc := analyze(engine(t), text)
	got := map[corpus.Kind][]string{}
	for _, m := range doc.Mentions {
		got[m.Kind] = append(got[m.Kind], text[m.Span.Start:m.Span.End]+"="+m.Value)
		if !m.Span.In(text) {
			t.Fatalf("mention %+v does not fit the text", m)
		}
	}
	if !strings.Contains(strings.Join(got[corpus.KindDate], " "), "７月２９日=2021-07-29") {
		t.Errorf("dates = %v; want ７月２９日 = 2021-07-29", got[corpus.KindDate])
	}
	if !strings.Contains(strings.Join(got[corpus.KindNumber], " "), "４０００餘名=4000") {
		t.Errorf("numbers = %v; want ４０００餘名 = 4000", got[corpus.KindNumber])
	}
	for _, tk := range doc.Tokens {
		if !tk.Span.In(text) {
			t.Fatalf("token %+v does not fit the text", tk)
		}
	}
	found := false
	for _, tk := range doc.Tokens {
		found = found || tk.Term == "医院" && text[tk.Span.Start:tk.Span.End] == "醫院"
	}
	if !found {
		t.Errorf("no token 医院 over the written 醫院: %v", doc.Tokens)
	}
}

// TestLearnSeesRepairedView: names quoted in traditional script are
// learned in the simplified form the run matches, and then found unquoted.
func TestLearnSeesRepairedView(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "縣醫院啟動“健康守門人計劃”工程，服務群眾。")
	write("b.txt", "今年，全县推广健康守门人计划，覆盖所有乡镇。")
	e, err := New(Options{NoEntities: true})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	learned, _, err := e.Learn(context.Background(), e.Source([]string{dir}), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(learned) != 1 || learned[0].Name != "健康守门人计划" || learned[0].Documents != 1 || !strings.HasSuffix(learned[0].FirstPath, "a.txt") {
		t.Fatalf("learned %+v; want 健康守门人计划 from a.txt", learned)
	}
	before := e.Hash()
	e.UseLexicon(learned.Lexicon())
	if e.Hash() == before {
		t.Errorf("the hash did not change with the lexicon")
	}
	doc := analyze(e, "今年，全县推广健康守门人计划，覆盖所有乡镇。")
	var names []string
	for _, m := range doc.Mentions {
		if m.Kind == corpus.KindInitiative {
			names = append(names, m.Value)
		}
	}
	if strings.Join(names, " ") != "健康守门人计划" {
		t.Errorf("initiatives after learning = %v; want 健康守门人计划 unquoted", names)
	}
	kept := false
	for _, tk := range doc.Tokens {
		kept = kept || tk.Term == "健康守门人计划"
	}
	if !kept {
		t.Errorf("the learned name is not kept whole by the segmenter")
	}
	var b strings.Builder
	if err := learned.WriteTSV(&b); err != nil {
		t.Fatal(err)
	}
	lex, err := initiative.ParseLexicon(strings.NewReader(b.String()))
	if err != nil || lex.Len() != 1 {
		t.Errorf("the written lexicon does not read back: %v, %d names\n%s", err, lex.Len(), b.String())
	}
}

// TestHash: equal options give equal hashes; what changes the outputs
// changes the hash; what does not (workers) does not.
func TestHash(t *testing.T) {
	base := Options{Version: "v1"}
	hash := func(o Options) string {
		e, err := New(o)
		if err != nil {
			t.Fatal(err)
		}
		defer e.Close()
		return e.Hash()
	}
	h := hash(base)
	if hash(base) != h {
		t.Fatalf("hash not stable")
	}
	same := base
	same.Workers = 7
	if hash(same) != h {
		t.Errorf("workers changed the hash")
	}
	for name, o := range map[string]Options{
		"version": {Version: "v2"},
		"split":   {Version: "v1", Read: ReadOptions{Format: formatOptions("### ")}},
		"lexicon": {Version: "v1", Lexicon: lexicon("清风行动")},
		"learn":   {Version: "v1", Learn: true},
		"kinds":   {Version: "v1", NoEntities: true},
	} {
		if hash(o) == h {
			t.Errorf("changing %s left the hash the same", name)
		}
	}
}

// TestAnalyzeConcurrent: one engine analyses documents from many
// goroutines with the same results as one at a time.
func TestAnalyzeConcurrent(t *testing.T) {
	e := engine(t)
	texts := []string{"2021年5月，县医院开展“健康守门人”义诊，服务群众300余人。", "北京市卫健委主任张伟说，全市已建成社区卫生服务中心12个。"}
	want := make([]int, len(texts))
	for i, s := range texts {
		want[i] = len(analyze(e, s).Mentions)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 20 {
				i := (g + k) % len(texts)
				if got := len(analyze(e, texts[i]).Mentions); got != want[i] {
					t.Errorf("concurrent Analyze: %d mentions; want %d", got, want[i])
				}
			}
		}()
	}
	wg.Wait()
}

func formatOptions(split string) format.Options { return format.Options{Split: split} }

func lexicon(names ...string) *initiative.Lexicon {
	l := &initiative.Lexicon{}
	for _, n := range names {
		l.Add(n, "")
	}
	return l
}
