package segment

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/width"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/corpustest"
)

var (
	shared     *Jieba
	sharedOnce sync.Once
)

// jieba loads the dictionaries once for all tests: loading takes a second.
func jieba(t testing.TB) *Jieba {
	sharedOnce.Do(func() {
		j, err := New(Options{})
		if err != nil {
			t.Fatalf("New: %v", err)
		}
		j.Wait() // benchmarks time cuts, not the loading
		shared = j
	})
	return shared
}

// search returns the search tokens of Cut.
func search(t testing.TB, text string, keep *Words) []corpus.Token {
	s, _ := jieba(t).Cut(text, keep)
	return s
}

func TestSearchSubwordsSharePosition(t *testing.T) {
	text := "小明毕业于中国科学院计算所"
	toks := search(t, text, nil)
	pos := map[string]int{}
	for _, tk := range toks {
		if got := text[tk.Span.Start:tk.Span.End]; got != tk.Term {
			t.Errorf("token %q has span text %q", tk.Term, got)
		}
		pos[tk.Term] = tk.Pos
	}
	for _, sub := range []string{"中国", "科学", "学院", "科学院"} {
		p, ok := pos[sub]
		if !ok {
			t.Errorf("Search(%q) lacks sub-word %q; got %v", text, sub, toks)
			continue
		}
		if p != pos["中国科学院"] {
			t.Errorf("position of %q = %d; want %d (that of 中国科学院)", sub, p, pos["中国科学院"])
		}
	}
	if pos["计算所"] != pos["中国科学院"]+1 {
		t.Errorf("position of 计算所 = %d; want %d", pos["计算所"], pos["中国科学院"]+1)
	}
}

func TestSearchFoldsAndDropsPunctuation(t *testing.T) {
	text := "ＡＢＣ医院，　开展ＸＹＺ活动。"
	for _, tk := range search(t, text, nil) {
		if !indexable(tk.Term) {
			t.Errorf("punctuation token %q indexed", tk.Term)
		}
		if strings.ContainsAny(tk.Term, "ＡＢＣＸＹＺ") {
			t.Errorf("term %q not width-folded", tk.Term)
		}
	}
}

func TestTagOffsets(t *testing.T) {
	text := "徐州市中心医院院长张三在北京说：\n“我们开展了4000余次义诊。”"
	toks := jieba(t).Tag(text, nil)
	if len(toks) == 0 {
		t.Fatal("Tag returned no tokens")
	}
	last := 0
	for _, tk := range toks {
		if tk.Span.Start < last {
			t.Fatalf("tokens out of order at %v", tk)
		}
		last = tk.Span.End
		if got := Term(text[tk.Span.Start:tk.Span.End]); got != tk.Term {
			t.Errorf("token %q has span text %q", tk.Term, got)
		}
		if tk.POS == "" {
			t.Errorf("token %q has no POS", tk.Term)
		}
	}
}

func TestChunksKeepOffsets(t *testing.T) {
	line := strings.Repeat("医院开展义诊活动", 500) + "\n"                 // 12 KB a line
	text := strings.Repeat(line, 12) + strings.Repeat("群众", 40000) // > maxChunk with and without newlines
	var n int
	forChunks(text, func(off int, chunk string) {
		if text[off:off+len(chunk)] != chunk {
			t.Fatalf("chunk at %d does not match the text", off)
		}
		if len(chunk) > maxChunk {
			t.Fatalf("chunk of %d bytes", len(chunk))
		}
		n += len(chunk)
	})
	if n != len(text) {
		t.Fatalf("chunks cover %d bytes; want %d", n, len(text))
	}
}

func TestDictErrors(t *testing.T) {
	good, _, _, _ := dictDir("")
	copyDir := func(t *testing.T) string {
		dir := t.TempDir()
		for _, f := range dictFiles {
			b, err := os.ReadFile(filepath.Join(good, f.name))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, f.name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	tests := []struct {
		name   string
		break_ func(dir string) string // returns the path the error must name
	}{
		{"missing", func(dir string) string {
			p := filepath.Join(dir, "hmm_model.utf8")
			os.Remove(p)
			return p
		}},
		{"empty", func(dir string) string {
			p := filepath.Join(dir, "jieba.dict.utf8")
			os.WriteFile(p, nil, 0o644)
			return p
		}},
		{"garbled", func(dir string) string {
			p := filepath.Join(dir, "idf.utf8")
			os.WriteFile(p, []byte("\x00\x01\x02 not a dictionary\n"), 0o644)
			return p
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyDir(t)
			want := tt.break_(dir)
			j, err := New(Options{DictDir: dir})
			if err == nil {
				j.Close()
				t.Fatalf("New with %s dictionary: no error", tt.name)
			}
			if !errors.Is(err, ErrDict) || !strings.Contains(err.Error(), want) {
				t.Errorf("New error = %v; want ErrDict naming %s", err, want)
			}
		})
	}
	t.Run("env", func(t *testing.T) {
		t.Setenv(EnvDictDir, filepath.Join(t.TempDir(), "nowhere"))
		if _, err := New(Options{}); err == nil || !strings.Contains(err.Error(), "nowhere") {
			t.Errorf("New with %s pointing nowhere = %v; want an error naming the path", EnvDictDir, err)
		}
	})
}

func BenchmarkCut(b *testing.B) {
	j := jieba(b)
	text := strings.Repeat("内蒙古医科大学附属医院党委创新形式，把党史学习教育第一课设在故居。", 200)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		j.Cut(text, nil)
	}
}

// TestCutMatchesSearchMode: the single tagged cut gives exactly the tokens
// cppjieba's search mode gives, at the same positions, on the seed reports
// (words jieba found by HMM included: 铭初心 holds the dictionary word 初心).
func TestCutMatchesSearchMode(t *testing.T) {
	names, texts := corpustest.Seeds(t)
	// And every 20th news transcript: Latin letters, digits, names.
	xwlb := corpustest.Shared(t, "xwlb")
	entries, err := os.ReadDir(xwlb)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range entries {
		if i%20 != 0 || !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(xwlb, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, e.Name())
		texts[e.Name()] = string(b)
	}
	j := jieba(t)
	for _, name := range names {
		text := texts[name]
		search, tagged := j.Cut(text, nil)
		type key struct {
			span corpus.Span
			term string
			pos  int
		}
		have := map[key]bool{}
		for _, tk := range search {
			have[key{tk.Span, tk.Term, tk.Pos}] = true
		}
		want := j.searchMode(text)
		missing := 0
		for _, tk := range want {
			if !have[key{tk.Span, tk.Term, tk.Pos}] {
				missing++
				if missing <= 3 {
					t.Errorf("%s: Cut lacks %q at %v pos %d", name, tk.Term, tk.Span, tk.Pos)
				}
			}
		}
		if extra := len(search) - (len(want) - missing); extra != 0 {
			t.Errorf("%s: Cut adds %d tokens to search mode's %d", name, extra, len(want))
		}
		if corpus.Words(search) != len(tagged) {
			t.Errorf("%s: %d positions for %d tagged words", name, corpus.Words(search), len(tagged))
		}
		for _, tk := range tagged {
			if tk.POS == "" || Term(text[tk.Span.Start:tk.Span.End]) == "" {
				t.Fatalf("%s: tagged word %+v without POS or text", name, tk)
			}
		}
	}
}

// TestWordsKeptWhole: words of a Words value are cut whole, with their
// sub-words at their position, the text around them cut as usual; two
// Words values cut the same text differently with one Jieba, at the same
// time, and neither changes the Jieba.
func TestWordsKeptWhole(t *testing.T) {
	text := "县里启动“健康守门人”工程，健康守门人工程覆盖全县。"
	guards := NewWords([]string{"健康守门人"})
	other := NewWords([]string{"守门人工程"})
	terms := func(toks []corpus.Token) []string {
		var out []string
		for _, tk := range toks {
			out = append(out, fmt.Sprintf("%s@%d", tk.Term, tk.Pos))
		}
		return out
	}
	var wg sync.WaitGroup
	results := make([][]string, 3)
	for i, w := range []*Words{guards, other, nil} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				results[i] = terms(search(t, text, w))
			}
		}()
	}
	wg.Wait()
	has := func(got []string, term string) bool {
		for _, g := range got {
			if strings.HasPrefix(g, term+"@") {
				return true
			}
		}
		return false
	}
	if !has(results[0], "健康守门人") || has(results[0], "守门人工程") || !has(results[0], "工程") {
		t.Errorf("with 健康守门人 kept: %v; want it whole, 工程 after it", results[0])
	}
	if !has(results[1], "守门人工程") || has(results[1], "健康守门人") {
		t.Errorf("with 守门人工程 kept: %v; want it whole", results[1])
	}
	if has(results[2], "健康守门人") || has(results[2], "守门人工程") {
		t.Errorf("with no words kept: %v; want neither name whole (the Jieba unchanged)", results[2])
	}
	// Sub-words of a kept word share its position.
	pos := map[string]int{}
	for _, g := range results[0] {
		term, p, _ := strings.Cut(g, "@")
		if _, seen := pos[term]; !seen {
			n, _ := strconv.Atoi(p)
			pos[term] = n
		}
	}
	if pos["健康"] != pos["健康守门人"] {
		t.Errorf("sub-word 健康 at position %d; want %d, that of 健康守门人 (%v)", pos["健康"], pos["健康守门人"], results[0])
	}
	tags := jieba(t).Tag(text, guards)
	for _, tk := range tags {
		if tk.Term == "健康守门人" && tk.POS != "nz" {
			t.Errorf("kept word tagged %q; want nz", tk.POS)
		}
	}
}

func TestCutNUL(t *testing.T) {
	// A NUL would end the C string handed to cppjieba; words after it
	// must still be found at their own offsets.
	text := "医院\x00义诊\xff活动"
	var got []string
	for _, tk := range search(t, text, nil) {
		got = append(got, fmt.Sprintf("%s@%d", tk.Term, tk.Span.Start))
	}
	if want := []string{"医院@0", "义诊@7", "活动@14"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Cut(%q) = %v; want %v", text, got, want)
	}
}

// TestTermFastPath: the words Term returns unchanged are exactly those
// folding and lower-casing leave alone.
func TestTermFastPath(t *testing.T) {
	words := []string{"医院", "abc", "ABC", "Ａｂｃ", "１２３", "ｶﾀｶﾅ", "㎡", "①", "İstanbul", "ß", "中国ＧＤＰ", "　", "x\u0301", "\u9fff", "\u4e00", "\u3400", "\U00020BB7"}
	for r := rune(0); r < 0x30000; r += 7 {
		words = append(words, string(r), "中"+string(r))
	}
	for _, w := range words {
		want := strings.ToLower(width.Fold.String(w))
		if got := Term(w); got != want {
			t.Errorf("Term(%q) = %q; want %q", w, got, want)
		}
	}
}

func FuzzTerm(f *testing.F) {
	f.Add("医院ABC")
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := Term(w), strings.ToLower(width.Fold.String(w)); got != want {
			t.Errorf("Term(%q) = %q; want %q", w, got, want)
		}
	})
}

// cppTag is Tag as it was before tags were looked up in Go: cppjieba's own
// Tag through gojieba, "word/tag" strings found back in the text.
func cppTag(j *Jieba, text string) []corpus.Token {
	text = cString(text)
	var out []corpus.Token
	forChunks(text, func(off int, chunk string) {
		cur := 0
		for _, wt := range j.load().Tag(chunk) {
			i := strings.LastIndexByte(wt, '/')
			if i < 0 {
				continue
			}
			w, tag := wt[:i], wt[i+1:]
			k := strings.Index(chunk[cur:], w)
			if k < 0 || w == "" {
				continue
			}
			start := cur + k
			cur = start + len(w)
			if indexable(w) {
				out = append(out, corpus.Token{Span: corpus.Span{Start: off + start, End: off + cur}, Term: Term(w), POS: tag})
			}
		}
	})
	return out
}

// tagCases are texts whose words are unknown to the dictionary or mix
// ASCII with other characters, where cppjieba's fallback rule decides the
// tag, and text around the user dictionary's words of TestTagMatchesCppjieba.
var tagCases = []string{
	"a", "5", "12", "a1b2", "1a2b", "ab12", "ABC", "3.5%", "iPhone15发布", "ＡＢＣ１２３", "Ｘ光",
	"COVID-19疫情", "5G网络和4K电视", "𠀀𠀁abc𠀂", "😀表情包😀", "第1期第22届", "H7N9与G20峰会", "No.1",
	"二〇二三年12月", "CPU占用率99%", "x86架构", "μ子和α粒子", "В Москве", "東京都の人口",
	"巴尔特松与达瓦里希在哈萨克斯坦", "量子纠缠测试词很长的未登录词", "测试词甲乙丙和测试词丁，还有测试词戊己",
}

// TestTagMatchesCppjieba: Tag's tags, looked up in Go, are the tags
// cppjieba's Tag gives, word for word, on the seeds, every tenth news
// transcript and the cases above, with the embedded dictionaries and with
// a user dictionary of every line form cppjieba reads.
func TestTagMatchesCppjieba(t *testing.T) {
	names, texts := corpustest.Seeds(t)
	paths, _ := filepath.Glob(filepath.Join(corpustest.Shared(t, "xwlb"), "*.md"))
	for i, p := range paths {
		if i%10 != 0 {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, filepath.Base(p))
		texts[filepath.Base(p)] = string(b)
	}
	for i, c := range tagCases {
		name := fmt.Sprintf("case %d", i)
		names = append(names, name)
		texts[name] = c
	}
	// A copy of the dictionaries with a user dictionary of its own.
	dir, _ := jieba(t).Dir()
	withDir := t.TempDir()
	for _, f := range []string{"jieba.dict.utf8", "hmm_model.utf8", "idf.utf8", "stop_words.utf8"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(withDir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	user := filepath.Join(withDir, "user.dict.utf8")
	lines := []string{
		"测试词甲乙丙 nz",       // word tag
		"测试词丁 5 ns",       // word freq tag
		"测试词戊己",           // no tag: the fallback rule
		"北京",              // a dictionary word given no tag: the fallback rule too
		"中国 9 nt",         // a dictionary word given another tag
		"量子纠缠测试词  nr",     // two spaces: an empty field, so freq "" and tag nr
		"巴尔特松 3 nr\r",     // CRLF: the tag keeps its '\r', as cppjieba reads it
		"达瓦里希 1 nr extra", // four fields: dropped
		"",                // empty: skipped
	}
	if err := os.WriteFile(user, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	withUser, err := New(Options{DictDir: withDir})
	if err != nil {
		t.Fatal(err)
	}
	defer withUser.Close()
	for _, j := range []*Jieba{jieba(t), withUser} {
		words, unknown := 0, 0
		for _, name := range names {
			got, want := j.Tag(texts[name], nil), cppTag(j, texts[name])
			if len(got) != len(want) {
				t.Fatalf("%s: Tag gives %d words, cppjieba %d", name, len(got), len(want))
			}
			for k := range got {
				if got[k] != want[k] {
					t.Errorf("%s: Tag word %d = %+v; cppjieba %+v", name, k, got[k], want[k])
				}
				if tag, _ := j.words().find(texts[name][got[k].Span.Start:got[k].Span.End]); tag == 0 {
					unknown++
				}
			}
			words += len(got)
		}
		if words < 100000 || unknown < 1000 {
			t.Errorf("compared %d words, %d of them unknown to the dictionary; want the test to see more", words, unknown)
		}
	}
}
