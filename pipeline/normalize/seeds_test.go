package normalize

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/baogao/baogao/corpus/corpustest"
)

// sharedDir returns a directory of ../shared/corpus.
func sharedDir(tb testing.TB, elem ...string) string { return corpustest.Shared(tb, elem...) }

func readFile(tb testing.TB, dir, name string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// seedNames lists the seed reports in order.
func seedNames(tb testing.TB) (string, []string) {
	dir := sharedDir(tb, "seeds")
	entries, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".txt") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		tb.Skip("no seeds")
	}
	return dir, names
}

func readSeeds(tb testing.TB) []string {
	dir, names := seedNames(tb)
	texts := make([]string, len(names))
	for i, n := range names {
		texts[i] = readFile(tb, dir, n)
	}
	return texts
}

func TestSeedsUnwrap(t *testing.T) {
	dir, names := seedNames(t)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			text := readFile(t, dir, name)
			v := Unwrap(text)
			isOCR := strings.HasPrefix(name, "004_")
			if changed := v.Text != text; changed != isOCR {
				t.Fatalf("Unwrap(%s) changed = %v; want %v", name, changed, isOCR)
			}
			if !isOCR {
				return
			}
			// The OCR page splits a date over a line break.
			if !strings.Contains(text, "7月29\n日") {
				t.Fatalf("seed %s no longer holds the split date", name)
			}
			i := strings.Index(v.Text, "7月29日")
			if i < 0 {
				t.Fatalf("Unwrap(%s) lacks 7月29日", name)
			}
			if s, e := v.Orig(i, i+len("7月29日")); text[s:e] != "7月29\n日" {
				t.Errorf("Orig of 7月29日 = %q; want %q", text[s:e], "7月29\n日")
			}
			// Paragraph breaks stay; only single breaks go.
			if got, want := strings.Count(v.Text, "\n\n"), strings.Count(text, "\n\n"); got != want {
				t.Errorf("Unwrap(%s) has %d blank-line breaks; want %d", name, got, want)
			}
		})
	}
}

func TestSeedsRepair(t *testing.T) {
	dir, names := seedNames(t)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			text := readFile(t, dir, name)
			if IsTraditional(text) {
				t.Errorf("IsTraditional(%s) = true; the seeds are simplified", name)
			}
			if got := T2S(text); strings.Count(got.Text, "\n") != strings.Count(text, "\n") {
				t.Errorf("T2S(%s) changed the line count", name)
			}
			v := Repair(text)
			checkSpans(t, v, text)
			// Every rune of the view maps back into the original, and
			// unchanged runes map to themselves.
			for i, r := range v.Text {
				s, e := v.Orig(i, i+len(string(r)))
				if got := text[s:e]; r < 0x80 && r != '\n' && r != ' ' && got != string(r) && Fold(got).Text != string(r) {
					t.Fatalf("Repair(%s): rune %q at %d maps to %q", name, r, i, got)
				}
			}
		})
	}
}

// checkSpans is the cheap form of checkView for long texts: every line of
// the view and a sample of spans.
func checkSpans(t *testing.T, v *View, orig string) {
	t.Helper()
	bounds := runeStarts(v.Text)
	step := max(1, len(bounds)/200)
	for i := 0; i < len(bounds); i += step {
		for j := i; j < len(bounds); j += step * 7 {
			s, e := v.Orig(bounds[i], bounds[j])
			if s < 0 || e > len(orig) || s > e || !onRune(orig, s) || !onRune(orig, e) {
				t.Fatalf("Orig(%d, %d) = %d, %d; invalid for an original of %d bytes", bounds[i], bounds[j], s, e, len(orig))
			}
		}
	}
}

func benchmarkSeeds(b *testing.B, f func(string) *View) {
	texts := readSeeds(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			f(t)
		}
	}
}

func BenchmarkFold(b *testing.B)   { benchmarkSeeds(b, Fold) }
func BenchmarkUnwrap(b *testing.B) { benchmarkSeeds(b, Unwrap) }
func BenchmarkT2S(b *testing.B)    { converter(); benchmarkSeeds(b, T2S) }
func BenchmarkRepair(b *testing.B) { converter(); benchmarkSeeds(b, Repair) }

// BenchmarkIsTraditional measures the check Repair runs on every document.
func BenchmarkIsTraditional(b *testing.B) {
	converter()
	benchmarkSeeds(b, func(s string) *View { IsTraditional(s); return nil })
}

// BenchmarkT2STraditional converts a traditional text, where most runes
// change and the map grows.
func BenchmarkT2STraditional(b *testing.B) {
	text := readFile(b, sharedDir(b, "encodings", "golang-text"), "sunzi-bingfa-traditional-utf-8.txt")
	converter()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		T2S(text)
	}
}
