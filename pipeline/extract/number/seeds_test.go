package number

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/corpustest"
)

func TestSeedFeatureCount(t *testing.T) {
	_, texts := corpustest.Seeds(t)
	text, ok := texts["000_50101eb0aab7898d.txt"]
	if !ok {
		t.Skip("seed 000 absent")
	}
	for _, m := range New().Extract(text, corpus.Date{}) {
		if strings.HasPrefix(text[m.Span.Start:m.Span.End], "4000余") {
			if m.Value != "4000" || m.Approx != "余" {
				t.Errorf("mention %q: Value %q Approx %q; want 4000, 余", text[m.Span.Start:m.Span.End], m.Value, m.Approx)
			}
			return
		}
	}
	t.Errorf("Extract(seed 000) has no mention 4000余")
}

func TestSeedPhone(t *testing.T) {
	_, texts := corpustest.Seeds(t)
	text, ok := texts["003_04b2cdd8770e71ea.txt"]
	if !ok {
		t.Skip("seed 003 absent")
	}
	start := strings.Index(text, "0516")
	if start < 0 {
		t.Fatal("seed 003: phone number not found")
	}
	end := start
	for end < len(text) && (text[end] >= '0' && text[end] <= '9' || strings.HasPrefix(text[end:], "—")) {
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size
	}
	for _, m := range New().Extract(text, corpus.Date{}) {
		if m.Span.Start < end && start < m.Span.End {
			t.Errorf("mention %q at %v overlaps the phone number %q", text[m.Span.Start:m.Span.End], m.Span, text[start:end])
		}
	}
}

// TestSeedsGolden compares every mention in the seeds with
// testdata/seeds.golden; regenerate with -update and read the diff.
func TestSeedsGolden(t *testing.T) {
	names, texts := corpustest.Seeds(t)
	var b strings.Builder
	e := New()
	for _, name := range names {
		text := texts[name]
		for _, m := range e.Extract(text, corpus.Date{}) {
			fmt.Fprintf(&b, "%s\t%d\t%d\t%q\t%s\t%s\t%s\t%s\n", name, m.Span.Start, m.Span.End,
				text[m.Span.Start:m.Span.End], m.Value, m.Unit, m.Approx, m.Rule)
		}
	}
	corpustest.Golden(t, filepath.Join("testdata", "seeds.golden"), b.String())
}

// minRecall is the floor for TestRecallUD, a little under the measured
// 0.858 (go test -v -run RecallUD) so that regressions fail.
const minRecall = 0.84

// TestRecallUD measures the share of UD NUM tokens (numerals in Chinese
// Wikipedia sentences) that lie inside a mention.
func TestRecallUD(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpustest.Shared(t, "annotated", "ud-zh-gsdsimp"), "*.conllu"))
	if len(files) == 0 {
		t.Fatal("no .conllu files in ud-zh-gsdsimp")
	}
	e := New()
	var total, covered int
	var missed []string
	for _, f := range files {
		sents, err := readCoNLLU(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range sents {
			ms := e.Extract(s.text, corpus.Date{})
			for _, tok := range s.nums {
				total++
				if coveredBy(tok, ms) {
					covered++
				} else if len(missed) < 40 {
					missed = append(missed, fmt.Sprintf("%q in %q", s.text[tok.Start:tok.End], around(s.text, tok)))
				}
			}
		}
	}
	if total == 0 {
		t.Fatal("no NUM tokens found")
	}
	recall := float64(covered) / float64(total)
	t.Logf("UD NUM recall: %d/%d = %.3f", covered, total, recall)
	if testing.Verbose() {
		for _, m := range missed {
			t.Logf("missed %s", m)
		}
	}
	if recall < minRecall {
		t.Errorf("UD NUM recall %.3f; want >= %.3f", recall, minRecall)
	}
}

func coveredBy(tok corpus.Span, ms []corpus.Mention) bool {
	for _, m := range ms {
		if m.Span.Start <= tok.Start && tok.End <= m.Span.End {
			return true
		}
	}
	return false
}

func around(text string, sp corpus.Span) string {
	a, b := max(0, sp.Start-12), min(len(text), sp.End+12)
	for a > 0 && !utf8.RuneStart(text[a]) {
		a--
	}
	for b < len(text) && !utf8.RuneStart(text[b]) {
		b++
	}
	return text[a:b]
}

// udSentence is one CoNLL-U sentence: its raw text and the byte spans of
// its NUM tokens, located by scanning the text in token order.
type udSentence struct {
	text string
	nums []corpus.Span
}

func readCoNLLU(path string) ([]udSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []udSentence
	var cur udSentence
	pos := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# text = "):
			cur, pos = udSentence{text: strings.TrimPrefix(line, "# text = ")}, 0
		case line == "":
			if cur.text != "" {
				out = append(out, cur)
			}
			cur = udSentence{}
		case strings.HasPrefix(line, "#"):
		default:
			cols := strings.Split(line, "\t")
			if len(cols) < 4 || strings.ContainsAny(cols[0], "-.") {
				continue // multiword ranges and empty nodes have no text of their own
			}
			i := strings.Index(cur.text[pos:], cols[1])
			if i < 0 {
				continue
			}
			sp := corpus.Span{Start: pos + i, End: pos + i + len(cols[1])}
			pos = sp.End
			if cols[3] == "NUM" {
				cur.nums = append(cur.nums, sp)
			}
		}
	}
	if cur.text != "" {
		out = append(out, cur)
	}
	return out, sc.Err()
}

func BenchmarkExtract(b *testing.B) {
	names, texts := corpustest.Seeds(b)
	var all strings.Builder
	for _, n := range names {
		all.WriteString(texts[n])
	}
	text := all.String()
	e := New()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		e.Extract(text, corpus.Date{})
	}
}
