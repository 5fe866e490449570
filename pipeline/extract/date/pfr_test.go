package date

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/corpustest"
	"github.com/baogao/baogao/corpus/numeral"
)

// pfrSentence is one sentence of the PFR TIME corpus with its gold TIME
// spans as byte offsets.
type pfrSentence struct {
	text string
	gold []corpus.Span
}

// readPFR reads the one-character-per-line BIO file.
func readPFR(t testing.TB, path string) []pfrSentence {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var (
		out  []pfrSentence
		cur  pfrSentence
		b    strings.Builder
		open = -1
	)
	closeSpan := func() {
		if open >= 0 {
			cur.gold = append(cur.gold, corpus.Span{Start: open, End: b.Len()})
			open = -1
		}
	}
	flush := func() {
		closeSpan()
		if b.Len() > 0 {
			cur.text = b.String()
			out = append(out, cur)
		}
		cur, open = pfrSentence{}, -1
		b.Reset()
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		ch, tag, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			flush()
			continue
		}
		switch {
		case tag == "B-TIME":
			closeSpan()
			open = b.Len()
		case tag == "I-TIME" && open >= 0:
		default:
			closeSpan()
		}
		b.WriteString(ch)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	flush()
	return out
}

// calendarLike reports whether a gold span writes a number: the spans a
// date extractor can be expected to find (not 目前, 上午, 春天).
func calendarLike(s string) bool {
	for _, r := range s {
		if numeral.Digit(r) >= 0 || r == '十' {
			return true
		}
	}
	return false
}

// pfrFloor is a regression guard a little under the measured recall
// (go test -v -run PFR): dev 0.990 (189/191), test 0.980 (1069/1091).
// Tune on dev; the test figure is reported, not tuned for. PFR marks
// names that hold a date (五四奖章, 五一广场) as TIME; they are no dates here.
var pfrFloor = map[string]float64{"dev": 0.96, "test": 0.97}

// TestPFRRecall measures, on the dev and the test file of the PFR TIME
// corpus, the share of calendar-like gold TIME spans that lie inside one
// extracted mention. PFR splits ４月２９日 into two spans; one mention
// covering both counts for both.
func TestPFRRecall(t *testing.T) {
	dir := corpustest.Shared(t, "annotated", "pfr1998-time-ner")
	for _, set := range []string{"dev", "test"} {
		t.Run(set, func(t *testing.T) {
			pfrRecall(t, filepath.Join(dir, set+".char.bio.tsv"), pfrFloor[set])
		})
	}
}

func pfrRecall(t *testing.T, path string, floor float64) {
	e := New()
	ref := corpus.Date{Year: 1998, Month: 1, Day: 1}
	var total, covered, found, stray int
	var missed, strays []string
	for _, s := range readPFR(t, path) {
		ms := e.Extract(s.text, ref)
		for _, m := range ms {
			found++
			if !overlapsAny(m.Span, s.gold) {
				stray++
				strays = append(strays, s.text[m.Span.Start:m.Span.End])
			}
		}
		for _, g := range s.gold {
			if !calendarLike(s.text[g.Start:g.End]) {
				continue
			}
			total++
			hit := false
			for _, m := range ms {
				if m.Span.Start <= g.Start && g.End <= m.Span.End {
					hit = true
					break
				}
			}
			if hit {
				covered++
			} else {
				missed = append(missed, s.text[max(0, g.Start-15):g.Start]+"⟦"+s.text[g.Start:g.End]+"⟧"+s.text[g.End:min(len(s.text), g.End+15)])
			}
		}
	}
	if total == 0 {
		t.Fatal("no calendar-like gold spans read")
	}
	recall := float64(covered) / float64(total)
	t.Logf("PFR calendar-like TIME span recall: %d/%d = %.3f", covered, total, recall)
	// Mentions touching no gold TIME span are mostly PFR's /m numerals
	// (一九九八年 is TIME but ４月份 may be split), so they are logged, not judged.
	t.Logf("mentions touching no gold TIME span: %d of %d", stray, found)
	if testing.Verbose() {
		t.Logf("missed: %q", missed)
		t.Logf("stray: %q", strays)
	}
	if recall < floor {
		t.Errorf("recall %.3f below floor %.2f", recall, floor)
	}
}

func overlapsAny(s corpus.Span, spans []corpus.Span) bool {
	for _, g := range spans {
		if s.Start < g.End && g.Start < s.End {
			return true
		}
	}
	return false
}
