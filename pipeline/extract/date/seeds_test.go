package date

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/corpustest"
)

func TestSeeds(t *testing.T) {
	_, texts := corpustest.Seeds(t)
	e := New()
	cases := []struct{ file, surface, value string }{
		{"000_50101eb0aab7898d.txt", "4月8日", "2021-04-08"},
		{"004_b755a261bd7289f8.txt", "7月29\n日", "2021-07-29"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			text, ok := texts[c.file]
			if !ok {
				t.Skipf("%s absent", c.file)
			}
			ms := e.Extract(text, ref2021)
			for _, m := range ms {
				if text[m.Span.Start:m.Span.End] == c.surface && m.Value == c.value {
					return
				}
			}
			t.Errorf("Extract(%s) = %q; want a mention %q with value %s", c.file, describeAll(text, ms), c.surface, c.value)
		})
	}
}

// TestSeedsGolden compares every mention in the seeds with
// testdata/seeds.golden; run with -update to rewrite it, then read the diff.
func TestSeedsGolden(t *testing.T) {
	names, texts := corpustest.Seeds(t)
	e := New()
	var b bytes.Buffer
	b.WriteString("# file\tstart\tend\ttext\tvalue\tgrain\trule\n")
	for _, name := range names {
		for _, m := range e.Extract(texts[name], ref2021) {
			surface := strings.ReplaceAll(texts[name][m.Span.Start:m.Span.End], "\n", `\n`)
			fmt.Fprintf(&b, "%s\t%d\t%d\t%s\t%s\t%s\t%s\n", name, m.Span.Start, m.Span.End, surface, m.Value, m.Grain, m.Rule)
		}
	}
	corpustest.Golden(t, filepath.Join("testdata", "seeds.golden"), b.String())
}

// checkMentions verifies the invariants every Extract result must keep.
func checkMentions(t *testing.T, text string, ms []corpus.Mention) {
	t.Helper()
	// Rune boundaries as range decodes them: an invalid byte is a rune of
	// its own, so a span may end just before a stray continuation byte.
	boundary := map[int]bool{len(text): true}
	for i := range text {
		boundary[i] = true
	}
	prevEnd := 0
	for i, m := range ms {
		s := m.Span
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			t.Fatalf("mention %d span %v out of bounds (len %d)", i, s, len(text))
		}
		if !boundary[s.Start] || !boundary[s.End] {
			t.Fatalf("mention %d span %v not on rune boundaries in %q", i, s, text)
		}
		if s.Start < prevEnd {
			t.Fatalf("mention %d span %v overlaps or precedes the previous one (end %d)", i, s, prevEnd)
		}
		if m.Kind != corpus.KindDate || m.Value == "" || m.Grain == "" || m.Rule == "" || m.Type == "" {
			t.Fatalf("mention %d incomplete: %+v", i, m)
		}
		// Every value is on the calendar for the typed columns, unless
		// its year or its date is unknown (--06-25, ---25, T16:00).
		if _, _, ok := Bounds(m.Value, m.Grain); !ok && m.Value[0] != '-' && m.Value[0] != 'T' {
			t.Fatalf("mention %d: Bounds(%q, %q) not ok", i, m.Value, m.Grain)
		}
		prevEnd = s.End
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"2021年6月25日", "7月29\n日", "5月11日至20日", "1—7月", "下午三点十五", "２０２１年６月２５日",
		"今年上半年", "次日", "2021-06-25 10:00", "于20210625", "0516——85707122", "\xff月3日", "\xed\xa0\x80年\xe5\xb9", "预计2023年年底",
		"下周三下午3点", "上上周", "周末", "10天后", "半小时后", "22:00~次日06:00", "2021年第3周", "十月第一个星期一",
		"5月最后三天", "上世纪九十年代末", "零九年", "22年底", "2020-05-0614:30", "07-01 08:30", "7·1", "2023 09 15",
		"春节", "2088年除夕", "儿童节下午三点", "16日24时", "晚上12点", "8~10点半", "一季度末", "前两个季度", "六七月",
	} {
		f.Add(s, 2021, 6, 25)
	}
	e := New()
	f.Fuzz(func(t *testing.T, text string, y, m, d int) {
		ref := corpus.Date{}
		if y > 0 && y < 10000 && m >= 1 && m <= 12 && d >= 1 && d <= 28 {
			ref = corpus.Date{Year: y, Month: m, Day: d}
		}
		checkMentions(t, text, e.Extract(text, ref))
		for i := range len(text) {
			r, n := decodeRune(text, i)
			if wr, wn := utf8.DecodeRuneInString(text[i:]); r != wr || n != wn {
				t.Fatalf("decodeRune(%q, %d) = %q, %d; want %q, %d", text, i, r, n, wr, wn)
			}
		}
	})
}

func TestSeedInvariants(t *testing.T) {
	names, texts := corpustest.Seeds(t)
	e := New()
	for _, name := range names {
		checkMentions(t, texts[name], e.Extract(texts[name], ref2021))
	}
}

func BenchmarkExtract(b *testing.B) {
	names, texts := corpustest.Seeds(b)
	var all strings.Builder
	for _, name := range names {
		all.WriteString(texts[name])
		all.WriteString("\n\n")
	}
	text := all.String()
	e := New()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		e.Extract(text, ref2021)
	}
}

// BenchmarkExtractXWLB runs Extract over the first 50 news transcripts,
// one document per file, so the figure is on news text and not only on
// the five seeds.
func BenchmarkExtractXWLB(b *testing.B) {
	xwlbDir := corpustest.Shared(b, "xwlb")
	entries, err := os.ReadDir(xwlbDir)
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	size := 0
	for _, e := range entries {
		if len(texts) == 50 {
			break
		}
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(xwlbDir, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += len(data)
	}
	e := New()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, text := range texts {
			e.Extract(text, ref2021)
		}
	}
}
