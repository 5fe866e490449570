package layout

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Page is one printed page: its size and its lines in reading order.
type Page struct {
	Width, Height float64 // points
	Lines         []Line
}

// reach is how many pages before and after a page are compared with it
// to find its running header and footer: two, so that the headers of
// books, which alternate between left and right pages, are found too.
const reach = 2

// edgeRanks is how many lines at the top and at the bottom of a page may
// be a running header, footer or page number.
const edgeRanks = 2

// edgeBand is the outer part of the page, in points, where a line in a
// smaller type than the body is a header or footer by its place alone
// (0.75 inch: browsers and word processors print them there).
const edgeBand = 54

// Pages turns pages into page texts, one page at a time. A page's text is
// handed to the emit func once the pages after it that decide its header
// and footer are known, so Pages holds at most 2×reach+1 pages.
//
// Pages is not safe for concurrent use.
type Pages struct {
	emit func(page int, text string)
	win  []*state // the pages not yet forgotten, in order
	next int      // 0-based number of the next page Add gets
	done int      // pages emitted
}

// state is a page in the window with the lines found to be running
// headers, footers or page numbers.
type state struct {
	n    int // 0-based page number
	page Page
	top  []int // line indices nearest the top, nearest first (up to edgeRanks)
	bot  []int // the same from the bottom
	drop []bool
}

// NewPages returns a Pages that hands each page's text to emit, with the
// page's 1-based number, in page order.
func NewPages(emit func(page int, text string)) *Pages { return &Pages{emit: emit} }

// Add takes the next page.
func (ps *Pages) Add(p Page) {
	st := &state{n: ps.next, page: p, drop: make([]bool, len(p.Lines))}
	st.top, st.bot = edges(p.Lines)
	ps.next++
	ps.win = append(ps.win, st)
	if ps.next-ps.done > reach {
		ps.flush(ps.done)
	}
	// Keep the decided pages that later pages still compare with.
	for len(ps.win) > 0 && ps.win[0].n < ps.done-reach {
		ps.win = ps.win[1:]
	}
}

// Close emits the pages still waiting for the pages after them.
func (ps *Pages) Close() {
	for ps.done < ps.next {
		ps.flush(ps.done)
	}
	ps.win = nil
}

// flush decides and emits page n, which is in the window.
func (ps *Pages) flush(n int) {
	var st *state
	for _, s := range ps.win {
		if s.n == n {
			st = s
		}
	}
	m := measure(ps.win)
	ps.markEdges(st, m)
	ps.emit(n+1, pageText(st, m))
	ps.done = n + 1
}

// metrics are the body's measures over the pages of the window.
type metrics struct {
	left, right float64 // most common line start and end
	size        float64 // most common type size
}

func measure(win []*state) metrics {
	lefts, rights, sizes := map[float64]int{}, map[float64]int{}, map[float64]int{}
	for _, st := range win {
		for _, l := range st.page.Lines {
			if inEdgeBand(l, st.page.Height) {
				continue // the body is not printed there; a short page's header may outweigh it
			}
			n := utf8.RuneCountInString(l.Text)
			lefts[math.Round(l.Box.X0)]++
			rights[math.Round(l.Box.X1)]++
			sizes[math.Round(l.Size*2)/2] += n
		}
	}
	return metrics{left: mode(lefts), right: mode(rights), size: mode(sizes)}
}

// mode returns the most frequent key, the smallest on ties.
func mode(m map[float64]int) float64 {
	best, bestN := 0.0, 0
	for k, n := range m {
		if n > bestN || n == bestN && k < best {
			best, bestN = k, n
		}
	}
	return best
}

// edges returns the indices of the lines nearest the top and the bottom.
func edges(lines []Line) (top, bot []int) {
	idx := make([]int, len(lines))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmpFloat(lines[a].Box.Y0, lines[b].Box.Y0) })
	top = slices.Clone(idx[:min(edgeRanks, len(idx))])
	slices.SortStableFunc(idx, func(a, b int) int { return cmpFloat(lines[b].Box.Y1, lines[a].Box.Y1) })
	bot = slices.Clone(idx[:min(edgeRanks, len(idx))])
	return top, bot
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// markEdges marks the header, footer and page number lines of st,
// from the edge inwards: the second line from an edge only when the
// first went.
func (ps *Pages) markEdges(st *state, m metrics) {
	gap := lineGap(st.page.Lines)
	for side, ranks := range [][]int{st.top, st.bot} {
		for rank, i := range ranks {
			l := st.page.Lines[i]
			// Headers and footers stand apart from the body; lines that
			// repeat or count without that gap are body text, as the
			// numeric first rows of tables continued over pages are.
			apart := separated(st, side, rank, gap, m)
			n, decorated, _ := number(l.Text)
			switch {
			case apart && ps.repeated(st, side, rank, m):
			case decorated || apart && ps.pageNumber(st, side, rank, n):
			case inEdgeBand(l, st.page.Height) && l.Size < supSize*m.size:
			default:
				rank = edgeRanks // keep it, and the lines further in
			}
			if rank == edgeRanks {
				break
			}
			st.drop[i] = true
		}
	}
}

// lineGap returns the median white space between a page's lines, top to
// bottom.
func lineGap(lines []Line) float64 {
	ys := make([]Rect, len(lines))
	for i, l := range lines {
		ys[i] = l.Box
	}
	slices.SortFunc(ys, func(a, b Rect) int { return cmpFloat(a.Y0, b.Y0) })
	var gaps []float64
	for i := 1; i < len(ys); i++ {
		if g := ys[i].Y0 - ys[i-1].Y1; g > 0 {
			gaps = append(gaps, g)
		}
	}
	if len(gaps) < 2 {
		return 0
	}
	slices.Sort(gaps)
	return gaps[len(gaps)/2]
}

// separated reports whether the line at rank of side stands apart from
// the next line inwards by clearly more than the page's line gap.
func separated(st *state, side, rank int, gap float64, m metrics) bool {
	l, _ := edgeLine(st, side, rank)
	next, ok := edgeLine(st, side, rank+1)
	if !ok {
		ranks := st.top
		if side == 1 {
			ranks = st.bot
		}
		// Past the ranks kept: find the nearest line inwards directly.
		next, ok = nearest(st.page.Lines, l, side, ranks)
		if !ok {
			return true // alone on the page
		}
	}
	var space float64
	if side == 0 {
		space = next.Box.Y0 - l.Box.Y1
	} else {
		space = l.Box.Y0 - next.Box.Y1
	}
	return space >= math.Max(1.5*gap, 0.5*m.size)
}

// nearest returns the line nearest to l inwards from side that is not
// among skip.
func nearest(lines []Line, l Line, side int, skip []int) (Line, bool) {
	var best Line
	found := false
	for i, o := range lines {
		if slices.Contains(skip, i) {
			continue
		}
		inwards := side == 0 && o.Box.Y0 >= l.Box.Y1 || side == 1 && o.Box.Y1 <= l.Box.Y0
		if !inwards {
			continue
		}
		if !found || side == 0 && o.Box.Y0 < best.Box.Y0 || side == 1 && o.Box.Y1 > best.Box.Y1 {
			best, found = o, true
		}
	}
	return best, found
}

// edgeLine returns the line at rank of side (0 top, 1 bottom) of st.
func edgeLine(st *state, side, rank int) (Line, bool) {
	ranks := st.top
	if side == 1 {
		ranks = st.bot
	}
	if rank >= len(ranks) {
		return Line{}, false
	}
	return st.page.Lines[ranks[rank]], true
}

// repeated reports whether a page near st has a line at the same rank
// and height that reads the same but for one number (the page number).
func (ps *Pages) repeated(st *state, side, rank int, m metrics) bool {
	l, _ := edgeLine(st, side, rank)
	k, nums := key(l.Text)
	if k == "" {
		return false
	}
	tol := math.Max(0.5*m.size, 3)
	for _, o := range ps.win {
		if o == st || o.n < st.n-reach || o.n > st.n+reach {
			continue
		}
		ol, ok := edgeLine(o, side, rank)
		if !ok || math.Abs(ol.Box.Y0-l.Box.Y0) > tol {
			continue
		}
		if ok, onums := key(ol.Text); ok == k && differ(nums, onums) <= 1 {
			return true
		}
	}
	return false
}

// key is what a running header keeps from page to page: the text with
// white space dropped and each number as #; nums are the numbers.
func key(s string) (string, []string) {
	var b strings.Builder
	var nums []string
	num := -1 // start of the number being read, in s
	for i, r := range s + " " {
		switch {
		case isDigit(r):
			if num < 0 {
				num = i
				b.WriteByte('#')
			}
			continue
		case num >= 0:
			nums = append(nums, s[num:i])
			num = -1
		}
		if !unicode.IsSpace(r) {
			b.WriteRune(r)
		}
	}
	return b.String(), nums
}

// differ counts the places where two lists of numbers of the same
// length differ.
func differ(a, b []string) int {
	n := 0
	for i := range a {
		if i >= len(b) || a[i] != b[i] {
			n++
		}
	}
	return n
}

// Page number lines. decorated ones are page numbers wherever they stand
// at the top or bottom; a bare number must count with the pages.
var (
	decoratedNumber = regexp.MustCompile(`^(?:[-—–－~～·•]+\s*(\d{1,4})\s*[-—–－~～·•]+|第\s*(\d{1,4})\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*[，,]?\s*第\s*(\d{1,4})\s*页|(\d{1,4})\s*/\s*\d{1,4}|(?i:page)\s*(\d{1,4})(?:\s*(?i:of)\s*\d{1,4})?)$`)
	bareNumber      = regexp.MustCompile(`^(\d{1,4})$`)
)

// number returns the page number a line shows.
func number(text string) (n int, decorated, ok bool) {
	t := strings.TrimSpace(widthDigits(text))
	if m := decoratedNumber.FindStringSubmatch(t); m != nil {
		for _, g := range m[1:] {
			if g != "" {
				n, _ = strconv.Atoi(g)
				return n, true, true
			}
		}
	}
	if m := bareNumber.FindStringSubmatch(t); m != nil {
		n, _ = strconv.Atoi(m[1])
		return n, false, true
	}
	return 0, false, false
}

// widthDigits narrows full-width digits, which page footers use too.
func widthDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}

// pageNumber reports whether the line at rank of side, a bare number n,
// is st's page number.
func (ps *Pages) pageNumber(st *state, side, rank, n int) bool {
	l, _ := edgeLine(st, side, rank)
	if _, _, ok := number(l.Text); !ok {
		return false
	}
	if n == st.n+1 {
		return true
	}
	// A bare number that is not the page's position counts when a
	// neighbour shows a number with the same offset (front matter left
	// unnumbered).
	for _, o := range ps.win {
		if o == st || o.n < st.n-reach || o.n > st.n+reach {
			continue
		}
		if ol, ok := edgeLine(o, side, rank); ok {
			if on, _, ok := number(ol.Text); ok && on-o.n == n-st.n {
				return true
			}
		}
	}
	return false
}

func inEdgeBand(l Line, height float64) bool {
	return height > 0 && (l.Box.Y1 <= edgeBand || l.Box.Y0 >= height-edgeBand)
}

// Paragraph thresholds, in em of the body type.
const (
	minIndent   = 1   // a line starting this far in opens a paragraph
	alone       = 6   // a line starting this far in stands alone
	centreSlack = 1.5 // a line whose margins differ by less is centred
	bigType     = 1.2 // a line this many times the body size stands alone
	indent      = "\u3000\u3000"
)

// pageText writes the kept lines of st as described in the package
// comment.
func pageText(st *state, m metrics) string {
	var b strings.Builder
	blankBefore := true // at the start of the page text: no blank line needed
	for i, l := range st.page.Lines {
		text := strings.TrimSpace(l.Text)
		if st.drop[i] || text == "" {
			continue
		}
		in, out := 0.0, 0.0
		if m.size > 0 {
			in, out = (l.Box.X0-m.left)/m.size, (m.right-l.Box.X1)/m.size
		}
		centred := in >= minIndent && out >= minIndent && math.Abs(in-out) < centreSlack
		standalone := centred || in >= alone ||
			m.size > 0 && l.Size >= bigType*m.size
		switch {
		case standalone:
			if !blankBefore {
				b.WriteByte('\n')
			}
			b.WriteString(text)
			b.WriteString("\n\n")
			blankBefore = true
			continue
		case in >= minIndent:
			b.WriteString(indent)
		}
		b.WriteString(text)
		b.WriteByte('\n')
		blankBefore = false
	}
	return strings.TrimRight(b.String(), "\n")
}
