package searchindex

import (
	"bytes"
	"cmp"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// newsSpill is the gram writer's bound in the news index: small enough
// that the news documents spill to several runs.
const newsSpill = 100_000

// eachGram calls fn with each gram of s (already lower-cased) in order,
// repeats included, as grams.go defines them: the reference the store is
// checked against, written from the runs queries are planned with.
func eachGram(s string, fn func(g string, end bool)) {
	runs(s, func(starts []int) {
		n := len(starts) - 1 // runes in the run
		for k := 0; k+1 < n; k++ {
			fn(s[starts[k]:starts[k+2]], false)
		}
		fn(s[starts[n-1]:starts[n]], true)
	})
}

// TestGramStoreSpills checks that a store written through spilled runs
// (and runs merged into one past maxRuns) is byte for byte the store
// written from memory, and that the runs are removed.
func TestGramStoreSpills(t *testing.T) {
	n := loadNews(t)
	build := func(limit int) (store []byte, runs int) {
		dir := filepath.Join(t.TempDir(), "index")
		w, err := Create(dir, n.ix.an)
		if err != nil {
			t.Fatal(err)
		}
		w.grams.limit = limit
		for _, d := range n.docs {
			if err := w.Add(d); err != nil {
				t.Fatal(err)
			}
		}
		runs = w.grams.made
		if len(w.grams.runs) > maxRuns {
			t.Errorf("limit %d: %d runs kept, more than %d", limit, len(w.grams.runs), maxRuns)
		}
		if err := w.Finish(); err != nil {
			t.Fatal(err)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, gramsFile+".run*")); len(left) > 0 {
			t.Errorf("runs left after Finish: %q", left)
		}
		b, err := os.ReadFile(filepath.Join(dir, gramsFile))
		if err != nil {
			t.Fatal(err)
		}
		return b, runs
	}
	whole, runs := build(gramSpillPairs)
	if runs != 0 {
		t.Fatalf("%d runs spilled under the default bound from %d documents", runs, len(n.docs))
	}
	for _, limit := range []int{1, 5_000, newsSpill} {
		spilled, runs := build(limit)
		if runs < 2 || limit == 1 && runs <= maxRuns+1 {
			t.Errorf("limit %d: %d runs made; want several (and for 1, runs merged past %d)", limit, runs, maxRuns)
		}
		if !bytes.Equal(spilled, whole) {
			t.Errorf("limit %d (%d runs): store of %d bytes differs from the one written whole (%d bytes)", limit, runs, len(spilled), len(whole))
		}
	}
}

// TestGramStorePostings checks every gram the store answers for against
// the documents' texts: a pair is held by exactly the documents whose
// lower-cased view contains it, a prefix by those holding a pair it
// starts.
func TestGramStorePostings(t *testing.T) {
	n := loadNews(t)
	want := map[string][]uint32{} // text gram → ordinals
	for ord, d := range n.docs {
		text, _ := views(d)
		eachGram(lowerASCII(text), func(g string, end bool) {
			if end {
				g += endMark
			}
			if o := want[g]; len(o) == 0 || o[len(o)-1] != uint32(ord) {
				want[g] = append(o, uint32(ord))
			}
		})
	}
	grams := make([]string, 0, len(want))
	for g := range want {
		grams = append(grams, g)
	}
	slices.Sort(grams)
	for i, g := range grams {
		if i%7 != 0 && !strings.ContainsAny(g, "0123456789abcdefghijklmnopqrstuvwxyz") {
			continue // a sample, and every gram with ASCII
		}
		b, err := n.ix.grams.postings(fieldGrams, g)
		if err != nil {
			t.Fatal(err)
		}
		if got := b.ToArray(); !slices.Equal(got, want[g]) {
			t.Fatalf("postings(%q) = %d documents, want %d", g, len(got), len(want[g]))
		}
	}
	stored := 0
	it, err := n.ix.grams.fst.Iterator([]byte{gramFieldByte[fieldGrams]}, []byte{gramFieldByte[fieldGrams] + 1})
	for err == nil {
		stored++
		err = it.Next()
	}
	if stored != len(want) {
		t.Errorf("the store holds %d text grams, the texts %d", stored, len(want))
	}
	if b, _ := n.ix.grams.postings(fieldGrams, "\uffff\uffff"); !b.IsEmpty() {
		t.Errorf("a gram no document holds has %d documents", b.GetCardinality())
	}
	// The prefix of one character: the union of the grams it starts.
	for _, c := range []string{"中", "国", "5", "g"} {
		var union []uint32
		for _, g := range grams {
			if strings.HasPrefix(g, c) {
				union = append(union, want[g]...)
			}
		}
		slices.Sort(union)
		union = slices.Compact(union)
		b, err := n.ix.grams.prefix(fieldGrams, c)
		if err != nil {
			t.Fatal(err)
		}
		if got := b.ToArray(); !slices.Equal(got, union) {
			t.Errorf("prefix(%q) = %d documents, want %d", c, len(got), len(union))
		}
	}
}

func TestPrefixEnd(t *testing.T) {
	for _, c := range []struct{ p, want []byte }{
		{[]byte{1, 'a'}, []byte{1, 'b'}},
		{[]byte{1, 0xff}, []byte{2}},
		{[]byte{0xff, 0xff}, nil},
	} {
		if got := prefixEnd(c.p); !bytes.Equal(got, c.want) {
			t.Errorf("prefixEnd(%v) = %v, want %v", c.p, got, c.want)
		}
	}
}

// TestSortKeys: the radix sort of gram keys orders like slices.Sort, for
// lists short and long, with duplicates and the largest keys, its buffer
// reused across calls of every size; sorting (gram, document) pairs by
// their keys alone keeps each key's documents in the order they came.
func TestSortKeys(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var buf []uint64
	for _, n := range []int{0, 1, 511, 512, 513, 5000, 30000, 700, 100000, 2} {
		keys := make([]uint64, n)
		for i := range keys {
			switch i % 4 {
			case 0:
				keys[i] = gramKey(rune(rng.IntN(0x110000)), rune(rng.IntN(0x110000)))
			case 1:
				keys[i] = gramKey(rune(0x4E00+rng.IntN(300)), rune(0x4E00+rng.IntN(300))) // duplicates
			case 2:
				keys[i] = gramKey(0x10FFFF, rune(rng.IntN(3))) // the largest runes, an end mark
			default:
				keys[i] = gramKey(rune(rng.IntN(128)), 0)
			}
		}
		want := slices.Clone(keys)
		slices.Sort(want)
		pairs := make([]uint64, n)
		for i, k := range keys {
			pairs[i] = k<<gramOrdBits | uint64(i%(1<<gramOrdBits))
		}
		wantPairs := slices.Clone(pairs)
		slices.SortStableFunc(wantPairs, func(a, b uint64) int { return cmp.Compare(a>>gramOrdBits, b>>gramOrdBits) })
		buf = sortKeys(keys, buf, 0)
		if !slices.Equal(keys, want) {
			t.Fatalf("sortKeys of %d keys: not in order", n)
		}
		buf = sortKeys(pairs, buf, gramOrdBits)
		if !slices.Equal(pairs, wantPairs) {
			t.Fatalf("sortKeys of %d pairs by key: not in order, or documents out of order", n)
		}
	}
}

// TestGramStoreOrdinalRange: pairs hold a document's ordinal counted from
// the first in memory, in gramOrdBits; documents further apart than that
// (documents without grams between them, or a long corpus under a loose
// bound) are spilled to separate runs and keep their ordinals.
func TestGramStoreOrdinalRange(t *testing.T) {
	path := filepath.Join(t.TempDir(), gramsFile)
	w := newGramWriter(path)
	docs := []struct {
		ord  uint32
		text string
	}{
		{3, "中国"}, {1<<gramOrdBits + 2, "中国人"}, {1<<gramOrdBits + 3, ""}, {1<<(gramOrdBits+1) + 9, "国人"}, {1 << 31, "人"},
	}
	for _, d := range docs {
		if err := w.add(fieldGrams, d.ord, d.text); err != nil {
			t.Fatal(err)
		}
	}
	if w.made < 2 {
		t.Errorf("%d runs made for ordinals %d apart; want a run for each range", w.made, 1<<gramOrdBits)
	}
	if err := w.finish(); err != nil {
		t.Fatal(err)
	}
	r, err := openGrams(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.close()
	for gram, want := range map[string][]uint32{
		"中国":          {3, 1<<gramOrdBits + 2},
		"国人":          {1<<gramOrdBits + 2, 1<<(gramOrdBits+1) + 9},
		"人" + endMark: {1<<gramOrdBits + 2, 1<<(gramOrdBits+1) + 9, 1 << 31},
		"国" + endMark: {3},
	} {
		b, err := r.postings(fieldGrams, gram)
		if err != nil {
			t.Fatal(err)
		}
		if got := b.ToArray(); !slices.Equal(got, want) {
			t.Errorf("postings of %q = %v, want %v", gram, got, want)
		}
	}
}
