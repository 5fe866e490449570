package date

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/corpustest"
)

// maxFarInferred is the ceiling for TestXWLBInferredNearDocDate, a little
// over the measured count (go test -v -run XWLBInferred): 510 before
// dates were anchored only on plausible previous dates (state.anchor),
// 174 after, nearly all of them announced plans (将于4月11日至15日举办,
// 7月1日起施行), which are right.
const maxFarInferred = 180

// TestXWLBInferredNearDocDate counts, over every news transcript, the
// dates whose year or month the extractor filled in (type inferred) that
// start more than 60 days after the broadcast. A transcript mostly reports
// what happened, so such a date is often a bare day or month anchored on
// the wrong context (the far end of a plan's range, a target year, a
// future date in the previous item); the rest are plans it announces.
func TestXWLBInferredNearDocDate(t *testing.T) {
	dir := corpustest.Shared(t, "xwlb")
	paths, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no transcripts in %s: %v", dir, err)
	}
	e := New()
	far, inferred := 0, 0
	var samples []string
	for _, p := range paths {
		day, err := time.Parse("20060102", strings.TrimSuffix(filepath.Base(p), ".md"))
		if err != nil {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		ref := corpus.Date{Year: day.Year(), Month: int(day.Month()), Day: day.Day()}
		for _, m := range e.Extract(text, ref) {
			if m.Type != "inferred" {
				continue
			}
			inferred++
			start, _, ok := Bounds(m.Value, m.Grain)
			if !ok || start.Sub(day) <= 60*24*time.Hour {
				continue
			}
			far++
			if len(samples) < 100 {
				a, b := max(0, m.Span.Start-60), min(len(text), m.Span.End+30)
				for a > 0 && !utf8RuneStart(text[a]) {
					a--
				}
				for b < len(text) && !utf8RuneStart(text[b]) {
					b++
				}
				samples = append(samples, filepath.Base(p)+" "+m.Value+" "+m.Rule+": "+strings.ReplaceAll(text[a:m.Span.Start]+"⟦"+text[m.Span.Start:m.Span.End]+"⟧"+text[m.Span.End:b], "\n", " "))
			}
		}
	}
	t.Logf("inferred dates more than 60 days after the document date: %d of %d inferred", far, inferred)
	if testing.Verbose() {
		for _, s := range samples {
			t.Log(s)
		}
	}
	if far > maxFarInferred {
		t.Errorf("%d inferred dates lie more than 60 days after their transcript's date; want at most %d", far, maxFarInferred)
	}
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }
