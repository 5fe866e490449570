package entity

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/corpustest"
	"github.com/baogao/baogao/pipeline/normalize"
	"github.com/baogao/baogao/pipeline/segment"
)

// pfrSet picks the PFR file TestPFR scores: tune on dev, report test once.
var pfrSet = flag.String("pfr", "dev", "PFR 1998 set TestPFR scores: dev or test")

// pfrHalf scores one half of the sentences by index: tune the rules on
// even, check on odd that a change generalises before keeping it.
var pfrHalf = flag.String("pfr-half", "all", "sentences TestPFR scores: all, even or odd (by index)")

// pfrMisses lists this many misses per kind with -v (0: none).
var pfrMisses = flag.Int("pfr-misses", 0, "misses per kind TestPFR logs")

// pfrFloors guard the span-exact F1 of each kind on all of dev a little
// under what was measured (person 0.871, place 0.916, org 0.847); a
// regression below fails the test. The goal is 0.80 for each on test.
var pfrFloors = map[corpus.Kind]float64{corpus.KindPerson: 0.85, corpus.KindPlace: 0.90, corpus.KindOrg: 0.82}

// pfrKinds maps the PFR labels to mention kinds.
var pfrKinds = map[string]corpus.Kind{"PER": corpus.KindPerson, "LOC": corpus.KindPlace, "ORG": corpus.KindOrg}

// labelled is one sentence of a character-per-line BIO file with its gold
// spans (bytes into text) per kind.
type labelled struct {
	text string
	gold map[corpus.Kind][]corpus.Span
}

// readBIO reads "char<TAB>tag" lines, blank lines between sentences,
// keeping the spans of the labels in kinds.
func readBIO(t testing.TB, path string, kinds map[string]corpus.Kind) []labelled {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	var b strings.Builder
	cur := labelled{gold: map[corpus.Kind][]corpus.Span{}}
	open, openKind := -1, corpus.Kind("")
	end := func() {
		if open >= 0 {
			cur.gold[openKind] = append(cur.gold[openKind], corpus.Span{Start: open, End: b.Len()})
		}
		open = -1
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		ch, tag, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			end()
			if b.Len() > 0 {
				cur.text = b.String()
				out = append(out, cur)
			}
			b.Reset()
			cur = labelled{gold: map[corpus.Kind][]corpus.Span{}}
			continue
		}
		bio, label, _ := strings.Cut(tag, "-")
		k, known := kinds[label]
		if bio != "I" || !known || k != openKind {
			end()
		}
		if bio == "B" && known {
			open, openKind = b.Len(), k
		}
		b.WriteString(ch)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	end()
	if b.Len() > 0 {
		cur.text = b.String()
		out = append(out, cur)
	}
	return out
}

// f1 counts span-exact matches of one kind.
type f1 struct {
	gold, pred, hit int
	missed, wrong   []string
}

func (s *f1) add(text string, gold, pred []corpus.Span) {
	s.gold += len(gold)
	s.pred += len(pred)
	g := map[corpus.Span]bool{}
	for _, sp := range gold {
		g[sp] = true
	}
	p := map[corpus.Span]bool{}
	for _, sp := range pred {
		p[sp] = true
		if g[sp] {
			s.hit++
		} else {
			s.wrong = append(s.wrong, around(text, sp))
		}
	}
	for _, sp := range gold {
		if !p[sp] {
			s.missed = append(s.missed, around(text, sp))
		}
	}
}

func around(text string, sp corpus.Span) string {
	before := []rune(text[:sp.Start])
	after := []rune(text[sp.End:])
	return string(before[max(0, len(before)-6):]) + "⟦" + text[sp.Start:sp.End] + "⟧" + string(after[:min(6, len(after))])
}

func (s *f1) score() (p, r, f float64) {
	if s.pred > 0 {
		p = float64(s.hit) / float64(s.pred)
	}
	if s.gold > 0 {
		r = float64(s.hit) / float64(s.gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// TestPFR scores Extract on the PFR 1998 People's Daily sentences,
// span-exact, per kind (PER, LOC, ORG → person, place, org), the way the
// run calls it: on the repaired view, with jieba's tags of that view,
// spans mapped back to the sentence. It logs jieba's own tags (nr, ns,
// nt) as the baseline and fails when a kind's F1 on dev falls below
// its floor.
//
//	go test ./pipeline/extract/entity -run PFR -v              # dev
//	go test ./pipeline/extract/entity -run PFR -v -pfr-half odd # held-out half
//	go test ./pipeline/extract/entity -run PFR -v -pfr test    # test, once
func TestPFR(t *testing.T) {
	if *pfrSet != "dev" && *pfrSet != "test" {
		t.Fatalf("-pfr %q: want dev or test", *pfrSet)
	}
	path := filepath.Join(corpustest.Shared(t, "annotated", "pfr1998-time-ner"), *pfrSet+".char.bio.tsv")
	sents := readBIO(t, path, pfrKinds)
	if *pfrHalf != "all" {
		if *pfrHalf != "even" && *pfrHalf != "odd" {
			t.Fatalf("-pfr-half %q: want all, even or odd", *pfrHalf)
		}
		var half []labelled
		for i, s := range sents {
			if (i%2 == 0) == (*pfrHalf == "even") {
				half = append(half, s)
			}
		}
		sents = half
	}
	j, err := segment.New(segment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	ours := map[corpus.Kind]*f1{}
	base := map[corpus.Kind]*f1{}
	for _, k := range pfrKinds {
		ours[k], base[k] = &f1{}, &f1{}
	}
	baseKind := map[string]corpus.Kind{"nr": corpus.KindPerson, "ns": corpus.KindPlace, "nt": corpus.KindOrg}
	for _, s := range sents {
		view := normalize.Repair(s.text)
		tags := j.Tag(view.Text, nil)
		pred := map[corpus.Kind][]corpus.Span{}
		for _, m := range Extract(view.Text, tags) {
			a, b := view.Orig(m.Span.Start, m.Span.End)
			pred[m.Kind] = append(pred[m.Kind], corpus.Span{Start: a, End: b})
		}
		jb := map[corpus.Kind][]corpus.Span{}
		for _, tg := range tags {
			if k, ok := baseKind[tg.POS]; ok {
				a, b := view.Orig(tg.Span.Start, tg.Span.End)
				jb[k] = append(jb[k], corpus.Span{Start: a, End: b})
			}
		}
		for _, k := range pfrKinds {
			ours[k].add(s.text, s.gold[k], pred[k])
			base[k].add(s.text, s.gold[k], jb[k])
		}
	}
	kinds := []corpus.Kind{corpus.KindPerson, corpus.KindPlace, corpus.KindOrg}
	for _, k := range kinds {
		p, r, f := ours[k].score()
		_, _, bf := base[k].score()
		t.Logf("%s/%s %-6v gold %4d predicted %4d  precision %.3f recall %.3f F1 %.3f  (jieba tags alone F1 %.3f)",
			*pfrSet, *pfrHalf, k, ours[k].gold, ours[k].pred, p, r, f, bf)
		fmt.Fprintf(os.Stdout, "pfr %s %v F1 %.3f\n", *pfrSet, k, f)
		if *pfrMisses > 0 {
			logTop(t, "missed", ours[k].missed, *pfrMisses)
			logTop(t, "wrong", ours[k].wrong, *pfrMisses)
		}
		if *pfrSet == "dev" && *pfrHalf == "all" && f < pfrFloors[k] {
			t.Errorf("%v F1 on dev = %.3f; want ≥ %.2f", k, f, pfrFloors[k])
		}
	}
}

func logTop(t *testing.T, what string, items []string, n int) {
	sort.Strings(items)
	for i, it := range items {
		if i == n {
			t.Logf("    … %d more %s", len(items)-n, what)
			break
		}
		t.Logf("    %s %s", what, it)
	}
}

// BenchmarkExtract runs the entity rules over the first 40 xwlb news
// transcripts, repaired and tagged once outside the timer: the rules'
// own cost, to compare with segmentation (BenchmarkExtractVsSegment in
// cmd/baogao).
func BenchmarkExtract(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(corpustest.Shared(b, "xwlb"), "*.md"))
	j, err := segment.New(segment.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer j.Close()
	type doc struct {
		text string
		tags []corpus.Token
	}
	var docs []doc
	size := 0
	for _, p := range paths[:min(40, len(paths))] {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		v := normalize.Repair(string(raw))
		docs = append(docs, doc{v.Text, j.Tag(v.Text, nil)})
		size += len(v.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			Extract(d.text, d.tags)
		}
	}
}
