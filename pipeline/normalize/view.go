package normalize

import (
	"sort"
	"unicode/utf8"
)

// View is a transformed copy of an original text with a map back to it.
//
// A View is immutable and safe for concurrent use.
type View struct {
	// Text is the transformed text. Offsets into it are bytes.
	Text string

	orig string // the text this view was made from
	// bps are the pieces of the map, sorted by v: piece i covers
	// Text[bps[i].v:bps[i+1].v] and orig[bps[i].o:bps[i+1].o], the last
	// piece ending at (len(Text), len(orig)). A piece of equal lengths on
	// both sides maps byte for byte; any other piece maps as a whole. Nil
	// means every byte maps to itself.
	bps []breakpoint
	// parent is the view whose Text is orig, nil when orig is the first
	// original. Orig maps through the chain.
	parent *View
}

// breakpoint starts a piece of the map: view offset v corresponds to
// original offset o.
type breakpoint struct{ v, o int }

// Identity returns a view equal to orig. It allocates no map.
func Identity(orig string) *View { return &View{Text: orig, orig: orig} }

// Orig maps the half-open byte span [start, end) of v.Text to the smallest
// span of the first original text that covers it: start rounds down and end
// rounds up, to rune boundaries of the original. Offsets out of range are
// clamped to [0, len(v.Text)], and end to at least start, so Orig never
// panics. The original is assumed to be valid UTF-8, as Document.Text is.
func (v *View) Orig(start, end int) (int, int) {
	start = clamp(start, 0, len(v.Text))
	end = clamp(end, start, len(v.Text))
	for w := v; w != nil; w = w.parent {
		start, end = w.origOne(start, end)
	}
	return start, end
}

// origOne maps a span of v.Text to v.orig, one step of the chain.
func (v *View) origOne(start, end int) (int, int) {
	s, e := start, end
	if v.bps != nil {
		s = v.mapStart(start)
		e = s
		if end > start {
			e = max(v.mapEnd(end), s)
		}
	}
	return runeFloor(v.orig, s), runeCeil(v.orig, e)
}

// piece returns the view and original spans of piece i.
func (v *View) piece(i int) (vs, ve, os, oe int) {
	vs, os = v.bps[i].v, v.bps[i].o
	ve, oe = len(v.Text), len(v.orig)
	if i+1 < len(v.bps) {
		ve, oe = v.bps[i+1].v, v.bps[i+1].o
	}
	return vs, ve, os, oe
}

// mapStart maps the view offset p, taken as the start of a span: it belongs
// to the last piece starting at or before p, which skips pieces deleted at p.
func (v *View) mapStart(p int) int {
	i := sort.Search(len(v.bps), func(i int) bool { return v.bps[i].v > p }) - 1
	vs, ve, os, oe := v.piece(i)
	switch {
	case ve-vs == oe-os:
		return os + (p - vs)
	case p >= ve: // only at the end of the text
		return oe
	default:
		return os
	}
}

// mapEnd maps the view offset p > 0, taken as the end of a span: it belongs
// to the piece holding byte p-1.
func (v *View) mapEnd(p int) int {
	i := sort.Search(len(v.bps), func(i int) bool { return v.bps[i].v >= p }) - 1
	vs, ve, os, oe := v.piece(i)
	if ve-vs == oe-os {
		return os + (p - vs)
	}
	return oe
}

// Then applies f to v.Text and returns the result as a view of v's
// original: a view of a view maps back to the first original.
func (v *View) Then(f func(string) *View) *View { return v.then(f(v.Text)) }

// then puts w, a view of v.Text, on top of v.
func (v *View) then(w *View) *View {
	switch {
	case v.isIdentity():
		return w
	case w.isIdentity():
		return v
	}
	c := *w // w may be shared by its maker: never modify it
	if c.parent == nil {
		c.parent = v
	} else {
		c.parent = v.then(c.parent)
	}
	return &c
}

// isIdentity reports whether v maps every offset to itself.
func (v *View) isIdentity() bool {
	return v.bps == nil && v.parent == nil && len(v.Text) == len(v.orig) && v.Text == v.orig
}

func clamp(x, lo, hi int) int { return min(max(x, lo), hi) }

// runeFloor moves i back to the start of the rune holding s[i].
func runeFloor(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// runeCeil moves i forward to the next rune start in s.
func runeCeil(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}

// builder makes a View by copying an original text and replacing parts of
// it. It allocates nothing until the first replacement, so a transform that
// changes nothing returns an Identity view.
type builder struct {
	orig string
	buf  []byte
	bps  []breakpoint
	o    int // orig[:o] has been copied or replaced
}

// replace copies the original up to at, then writes s in place of
// orig[at:at+n]. Calls must come in increasing order of at.
func (b *builder) replace(at, n int, s string) {
	if b.buf == nil {
		b.buf = make([]byte, 0, len(b.orig)+len(s))
		b.bps = []breakpoint{{0, 0}}
	}
	b.copyTo(at)
	if len(s) != n {
		b.push() // a piece mapped as a whole
	} else if !b.lastLinear() {
		b.push()
	}
	b.buf = append(b.buf, s...)
	b.o += n
}

// copyTo copies the original up to at, unchanged.
func (b *builder) copyTo(at int) {
	if at <= b.o {
		return
	}
	if !b.lastLinear() {
		b.push()
	}
	b.buf = append(b.buf, b.orig[b.o:at]...)
	b.o = at
}

// lastLinear reports whether the last piece so far maps byte for byte, so
// that more equal-length text can extend it.
func (b *builder) lastLinear() bool {
	last := b.bps[len(b.bps)-1]
	return len(b.buf)-last.v == b.o-last.o
}

// push starts a new piece at the current offsets.
func (b *builder) push() {
	bp := breakpoint{len(b.buf), b.o}
	if last := &b.bps[len(b.bps)-1]; last.v == bp.v && last.o == bp.o {
		return // the last piece is empty: reuse it
	}
	b.bps = append(b.bps, bp)
}

// view finishes the copy and returns the view.
func (b *builder) view() *View {
	if b.buf == nil {
		return Identity(b.orig)
	}
	b.copyTo(len(b.orig))
	bps := b.bps
	if len(bps) == 1 && len(b.buf) == len(b.orig) { // equal-length replacements only
		bps = nil
	}
	return &View{Text: string(b.buf), orig: b.orig, bps: bps}
}
