package searchindex

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/corpustest"
	"github.com/baogao/baogao/pipeline/segment"
)

func TestTokenizePositions(t *testing.T) {
	text := "小明硕士毕业于中国科学院计算所"
	pos := map[string]int{}
	for _, tk := range tokenize(text) {
		pos[string(tk.Term)] = tk.Position
	}
	tests := []struct {
		word string
		want int // position, equal to that of the containing word
	}{
		{"中国科学院", pos["于"] + 1},
		{"中国", pos["中国科学院"]},
		{"科学院", pos["中国科学院"]},
		{"学院", pos["中国科学院"]},
		{"计算所", pos["中国科学院"] + 1},
		{"计算", pos["计算所"]},
	}
	for _, tt := range tests {
		if got, ok := pos[tt.word]; !ok || got != tt.want {
			t.Errorf("Tokenize(%q): position of %q = %d (present %v); want %d", text, tt.word, got, ok, tt.want)
		}
	}
}

func TestTokenizeNUL(t *testing.T) {
	// A NUL would end the C string handed to cppjieba; words after it
	// must still be found at their own offsets.
	text := "医院\x00义诊"
	toks := tokenize(text)
	var got []string
	for _, tk := range toks {
		got = append(got, fmt.Sprintf("%s@%d", tk.Term, tk.Start))
	}
	if want := []string{"医院@0", "义诊@7"}; !slices.Equal(got, want) {
		t.Errorf("Tokenize(%q) = %v; want %v", text, got, want)
	}
}

func TestMergeLocations(t *testing.T) {
	loc := func(start, end uint64) *search.Location { return &search.Location{Start: start, End: end} }
	tests := []struct {
		name string
		in   search.TermLocationMap
		want []string // term@start-end, sorted
	}{
		{"nested words", search.TermLocationMap{
			"中国": {loc(0, 6)}, "科学院": {loc(6, 15)}, "中国科学院": {loc(0, 15)}, "计算所": {loc(15, 24)}, "计算": {loc(15, 21)},
		}, []string{"中国科学院@0-15", "计算所@15-24"}},
		{"crossing words", search.TermLocationMap{"ab": {loc(0, 6)}, "bc": {loc(3, 9)}}, []string{"ab@0-9"}},
		{"apart", search.TermLocationMap{"医院": {loc(0, 6), loc(30, 36)}}, []string{"医院@0-6", "医院@30-36"}},
		{"empty", search.TermLocationMap{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for term, ls := range mergeLocations(tt.in) {
				for _, l := range ls {
					got = append(got, fmt.Sprintf("%s@%d-%d", term, l.Start, l.End))
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("mergeLocations(%v) = %v; want %v", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzTokenize checks the analyzer on any text: spans in bounds, on rune
// boundaries, ordered by position then start; terms are the folded span
// text; positions start at 1 and grow by at most one.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"小明硕士毕业于中国科学院计算所", "ＡＢＣ医院，　开展ＸＹＺ活动。", "2021年\x00义诊", "\xff医院", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := tokenize(text)
		last, lastStart := 0, -1
		for _, tk := range toks {
			if tk.Start < 0 || tk.End > len(text) || tk.Start >= tk.End {
				t.Fatalf("Tokenize(%q): span %d-%d out of bounds", text, tk.Start, tk.End)
			}
			if !boundary(text, tk.Start) || !boundary(text, tk.End) {
				t.Fatalf("Tokenize(%q): span %d-%d not on rune boundaries", text, tk.Start, tk.End)
			}
			switch {
			case tk.Position == last && tk.Start < lastStart,
				tk.Position != last && tk.Position != last+1:
				t.Fatalf("Tokenize(%q): %q at position %d, start %d after position %d, start %d", text, tk.Term, tk.Position, tk.Start, last, lastStart)
			}
			if utf8.ValidString(text) {
				if want := segment.Term(text[tk.Start:tk.End]); string(tk.Term) != want {
					t.Fatalf("Tokenize(%q): term %q for span text %q; want %q", text, tk.Term, text[tk.Start:tk.End], want)
				}
			}
			last, lastStart = tk.Position, tk.Start
		}
	})
}

// boundary reports whether decoding s from the start stops at byte i; a
// byte of an invalid sequence decodes alone.
func boundary(s string, i int) bool {
	j := 0
	for j < i {
		_, n := utf8.DecodeRuneInString(s[j:])
		j += n
	}
	return j == i
}

// BenchmarkIndex indexes the seed reports into a new index per iteration:
// "seeds" once each, where creating and closing the index dominates, and
// "seeds-x40" forty times each under distinct IDs, closer to a real run.
func BenchmarkIndex(b *testing.B) {
	dir := corpustest.Shared(b, "seeds")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var seeds []*corpus.Document
	for _, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		name := filepath.Base(p)
		seeds = append(seeds, &corpus.Document{ID: name, Path: name, Text: string(text), Encoding: "utf-8"})
	}
	for _, copies := range []int{1, 40} {
		var docs []*corpus.Document
		var size int64
		for c := range copies {
			for _, d := range seeds {
				d := *d
				d.ID = fmt.Sprintf("%s#%d", d.ID, c)
				docs = append(docs, &d)
				size += int64(len(d.Text))
			}
		}
		name := "seeds"
		if copies > 1 {
			name = fmt.Sprintf("seeds-x%d", copies)
		}
		b.Run(name, func(b *testing.B) { benchmarkIndex(b, docs, size) })
	}
}

func benchmarkIndex(b *testing.B, docs []*corpus.Document, size int64) {
	b.SetBytes(size)
	b.ReportAllocs()
	tmp := b.TempDir()
	for i := 0; b.Loop(); i++ {
		w, err := Create(filepath.Join(tmp, fmt.Sprint(i)), testAnalyzer())
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range docs {
			if err := w.Add(d); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Finish(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
}
