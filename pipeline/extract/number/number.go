package number

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline/runeset"
)

// Extractor finds quantities. Its tables are built once by New; it holds
// no state between calls and is safe for concurrent use.
type Extractor struct {
	units      wordList // classifiers and measures
	classifier map[string]bool
	prefixes   wordList // approxPrefix
	magnitudes wordList // approxMagnitude
	mids       wordList // approxMid
	posts      wordList // approxPost
	connectors wordList
	percents   wordList
	fractions  wordList
	phones     wordList
	verbs      wordList // nounVerbs
	masks      maskIndex
	starts     *runeset.Set // first runes of anything step reacts to (step asks about every rune)
}

var _ corpus.Extractor = (*Extractor)(nil)

// New builds the extractor's tables.
func New() *Extractor {
	pct := make([]string, 0, len(percentSigns))
	for k := range percentSigns {
		pct = append(pct, k)
	}
	frac := make([]string, 0, len(fractionPrefixes))
	for k := range fractionPrefixes {
		frac = append(frac, k)
	}
	e := &Extractor{
		units:      newWordList(classifiers, measures),
		classifier: set(classifiers...),
		prefixes:   newWordList(approxPrefix),
		magnitudes: newWordList(approxMagnitude),
		mids:       newWordList(approxMid),
		posts:      newWordList(approxPost),
		connectors: newWordList(rangeConnectors),
		percents:   newWordList(pct),
		fractions:  newWordList(frac),
		phones:     newWordList(phoneKeywords),
		verbs:      newWordList(nounVerbs),
		masks:      newMaskIndex(masks),
	}
	e.starts = startRunes(approxPrefix, approxMagnitude, frac, phoneKeywords, halfWords, []string{"第", "零下", "负", "-", "−", "."})
	return e
}

// startRunes collects the runes at which a quantity, a code or a phone
// keyword can start: every numeral, letter and the first rune of words.
func startRunes(words ...[]string) *runeset.Set {
	b := new(runeset.Set)
	for r := rune(0); r < 1<<16; r++ {
		if isDigit(fold(r)) || isLetter(fold(r)) || isZhNumeral(r) {
			b.Add(r)
		}
	}
	for _, ws := range words {
		for _, w := range ws {
			r, _ := utf8.DecodeRuneInString(w)
			b.Add(r)
		}
	}
	return b
}

// Extract returns the quantities in text, sorted by start and never
// overlapping: at each position the longest reading wins. ref is unused;
// it is there to satisfy corpus.Extractor.
func (e *Extractor) Extract(text string, _ corpus.Date) []corpus.Mention {
	s := scanner{e: e, text: text}
	for i := 0; i < len(text); {
		i = s.step(i)
	}
	return s.out
}

// scanner walks one text left to right.
type scanner struct {
	e    *Extractor
	text string
	out  []corpus.Mention
}

// step handles the text at byte i and returns where to continue.
func (s *scanner) step(i int) int {
	raw, size := utf8.DecodeRuneInString(s.text[i:])
	if !s.e.starts.Has(raw) {
		return i + size
	}
	r := fold(raw)
	if isLetter(r) {
		return s.skipCode(i)
	}
	if r == '.' && !s.leadingDot(i) {
		return i + size
	}
	if kw := s.e.phones.prefix(s.text[i:]); kw != "" {
		if end := s.skipPhone(i + len(kw)); end > i+len(kw) {
			return end
		}
	}
	if end := s.listNumber(i); end > i {
		return end
	}
	q, ok, skip := s.match(i)
	switch {
	case ok:
		s.out = append(s.out, q.mention(s.text))
		return q.end
	case skip > i:
		return skip
	}
	return i + size
}

// skipCode returns the end of the Latin token at i: a URL up to
// whitespace or non-ASCII text, or letters and digits joined by
// connectors (No.2021-033, COVID-19, a@b.cn, sxdaily.com.cn/pc/25).
func (s *scanner) skipCode(i int) int {
	rest := strings.ToLower(s.text[i:min(len(s.text), i+8)])
	for _, p := range []string{"http://", "https://", "ftp://", "www."} {
		if strings.HasPrefix(rest, p) {
			q := i
			for q < len(s.text) && s.text[q] > ' ' && s.text[q] < utf8.RuneSelf {
				q++
			}
			return q
		}
	}
	q := i
	for {
		r, size := runeAt(s.text, q)
		if isLetter(r) || isDigit(r) {
			q += size
			continue
		}
		c := q
		for strings.ContainsRune("._-/:@#?=&%+~", r) && size > 0 {
			c += size
			r, size = runeAt(s.text, c)
		}
		if c == q || !(isLetter(r) || isDigit(r)) {
			return q
		}
		q = c
	}
}

// skipPhone returns the end of the telephone number or code after a
// keyword such as 电话：, or p when no digits follow.
func (s *scanner) skipPhone(p int) int {
	q, digits := p, 0
	for q < len(s.text) {
		r, size := runeAt(s.text, q)
		switch {
		case isDigit(r):
			digits++
		case strings.ContainsRune(":;-—–()（）+/、 转\t", r) || r == '　':
		default:
			if digits == 0 {
				return p
			}
			return q
		}
		q += size
	}
	if digits == 0 {
		return p
	}
	return q
}

// quantity is a candidate mention being assembled.
type quantity struct {
	start, end int
	core       int // where the numeral starts, after any prefix
	n          reading
	hi         dec  // upper end of a range
	isRange    bool // n.val..hi
	denom      dec  // fraction: n.val is the denominator, num the numerator
	num        dec
	isFraction bool
	neg        bool
	ordinal    bool
	unit       string
	approx     []string
	noun       string
	rule       string
	closed     bool // a marker after the unit (左右, 以上) ends the quantity
}

// mention converts q into its Mention.
func (q *quantity) mention(text string) corpus.Mention {
	m := corpus.Mention{
		Kind:   corpus.KindNumber,
		Span:   corpus.Span{Start: q.start, End: q.end},
		Unit:   q.unit,
		Approx: strings.Join(q.approx, "+"),
		Rule:   q.rule,
		Noun:   q.noun,
		Grain:  "cardinal",
		Value:  q.n.val.signed(q.neg),
	}
	switch {
	case q.ordinal:
		m.Grain = "ordinal"
	case q.isFraction:
		m.Grain = "fraction"
		m.Value = ratio(q.num, q.denom)
	case q.isRange:
		m.Grain = "range"
		m.Value = q.n.val.signed(q.neg) + "/" + q.hi.String()
	case q.unit == "%" || q.unit == "‰" || q.unit == "‱" || q.unit == "百分点":
		m.Grain = "percent"
	}
	return m
}

// match reads the quantity starting at byte i. skip > i tells the caller
// to jump over a token that must not yield numbers (a phone, a code).
func (s *scanner) match(i int) (q quantity, ok bool, skip int) {
	t := s.text
	q.start = i
	p := i
	magnitude := false
	switch {
	case strings.HasPrefix(t[i:], "第"):
		q.ordinal, q.rule = true, "ordinal"
		p = s.ws(p + len("第")) // OCR breaks lines after 第
	case s.e.fractions.prefix(t[i:]) != "":
		return s.matchPercent(i)
	case strings.HasPrefix(t[i:], "零下"):
		q.neg, q.rule = true, "negative"
		p += len("零下")
	case strings.HasPrefix(t[i:], "负") && !tally(t, i):
		q.neg, q.rule = true, "negative"
		p = s.ws(p + len("负")) // 负 3,500
	case s.minusSign(i):
		_, size := runeAt(t, i)
		q.neg, q.rule = true, "negative"
		p += size
	default:
		if a := s.e.prefixes.prefix(t[i:]); a != "" && (s.numeralAt(i+len(a)) || halfWord(t, i+len(a)) != "") {
			q.approx = append(q.approx, a)
			p += len(a)
		} else if a := s.e.magnitudes.prefix(t[i:]); a != "" && s.numeralAt(i+len(a)) {
			q.approx = append(q.approx, a)
			p += len(a)
			magnitude = true
		}
	}
	if !q.ordinal && !q.neg && !magnitude {
		if w := halfWord(t, p); w != "" {
			return s.matchHalf(q, p, w), true, 0
		}
	}
	if p > i && !s.numeralAt(p) {
		return q, false, 0
	}
	n, ok, skip := s.numeral(p)
	if !ok {
		return q, false, skip
	}
	if magnitude && !n.bare {
		return q, false, 0
	}
	q.core, q.n, q.end = p, n, n.end
	if n.approx != "" {
		q.approx = append(q.approx, n.approx)
	}
	s.tail(&q)
	if !q.ordinal && !q.isFraction && !q.n.pair {
		s.rangeEnd(&q)
	}
	if !s.valid(&q) {
		return q, false, 0
	}
	if s.listMarker(&q) {
		return q, false, q.end
	}
	if s.notQuantity(&q) {
		return q, false, q.end
	}
	s.label(&q)
	switch {
	case s.e.classifier[q.unit]:
		q.noun = s.noun(q.end, q.unit)
	case q.unit == "" && len(q.approx) > 0 && !q.closed && q.end == q.n.end+len(q.approx[len(q.approx)-1]) &&
		(q.approx[len(q.approx)-1] == "余" || q.approx[len(q.approx)-1] == "多"):
		q.noun = s.noun(q.end, "") // 4000余职工: the noun follows the marker
	}
	if q.rule == "" {
		q.rule = baseRule(q.n)
	}
	return q, true, 0
}

// baseRule names the way the numeral itself was written.
func baseRule(n reading) string {
	switch {
	case n.pair:
		return "range-zh"
	case n.digits:
		return "chinese-digits"
	case n.zh:
		return "chinese"
	case n.exp > 0:
		return "arabic-mult"
	}
	return "arabic"
}

// minusSign reports whether the hyphen or minus at i is a sign: a digit
// follows and no digit, letter or numeral precedes (15-17 is a range).
func (s *scanner) minusSign(i int) bool {
	r, size := runeAt(s.text, i)
	if r != '-' && r != '−' {
		return false
	}
	if next, _ := runeAt(s.text, i+size); !isDigit(next) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s.text[:i])
	prev = fold(prev)
	return !(isDigit(prev) || isLetter(prev) || isZhNumeral(prev) || prev == '.' || prev == '-')
}

// numeralAt reports whether a numeral character is at p.
func (s *scanner) numeralAt(p int) bool {
	r, _ := runeAt(s.text, p)
	return isDigit(r) || isZhNumeral(r) || r == '.' && s.leadingDot(p)
}

// leadingDot reports whether the point at p starts a decimal written
// without its 0 (.25): a digit follows, and no digit, letter, point or
// path character precedes (192.168, a.25, ../25).
func (s *scanner) leadingDot(p int) bool {
	if next, _ := runeAt(s.text, p+1); !isDigit(next) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s.text[:p])
	prev = fold(prev)
	return !(isDigit(prev) || isLetter(prev) || strings.ContainsRune("./\\:-_%#@", prev))
}

// tally reports whether the 负 at i counts a loss rather than a sign: 3胜2负,
// 胜负.
func tally(text string, i int) bool {
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	return isDigit(fold(prev)) || isZhNumeral(prev) || prev == '胜' || prev == '平'
}

// numeral reads a numeral at p and rejects Arabic digits that belong to
// a date, a clock time, a phone number or a code.
func (s *scanner) numeral(p int) (reading, bool, int) {
	n, ok := scanNumeral(s.text, p)
	r, _ := runeAt(s.text, p)
	if !isDigit(r) {
		return n, ok, 0
	}
	run := p
	intDigits := 0
	for {
		r, size := runeAt(s.text, run)
		if !isDigit(r) {
			break
		}
		run += size
		intDigits++
	}
	if !ok || intDigits >= 11 {
		return n, false, s.skipChain(run)
	}
	if compactDate(s.text[p:run]) {
		return n, false, run
	}
	if first, _ := runeAt(s.text, p); first == '0' && intDigits >= 2 { // 0516, 05星, 00后
		return n, false, s.skipChain(run)
	}
	if end, bad := s.chain(p, n.end); bad {
		return n, false, end
	}
	next, _ := runeAt(s.text, n.end)
	if (isLetter(next) && !s.latinUnit(n.end)) || next == '@' || next == '_' || next == '+' && s.letterAt(n.end+1) {
		return n, false, s.skipCode(p)
	}
	return n, true, 0
}

// letterAt reports whether a Latin letter is at p (1+N is a slogan, not
// a number).
func (s *scanner) letterAt(p int) bool {
	r, _ := runeAt(s.text, p)
	return isLetter(r)
}

// latinUnit reports whether a unit in Latin letters (kg, ml) starts at p
// and ends the token.
func (s *scanner) latinUnit(p int) bool {
	u := s.e.units.prefix(s.text[p:])
	if u == "" || !latinUnits[u] {
		return false
	}
	next, _ := runeAt(s.text, p+len(u))
	return !isLetter(next) && !isDigit(next)
}

// chainSeps join digit groups into dates (2021-06-25, 2021.6.25, 5·12),
// times (7:30), phone numbers (0516-85707122) and versions (1.2.3).
const chainSeps = "-—–/.:·•+=<>×*"

// chain looks at the digit groups joined to the numeral p..end. Three or
// more groups, or two joined by anything but a dash, are never a
// quantity; neither are two dashed groups that look like a phone number.
// bad reports such a chain and end is where it stops.
func (s *scanner) chain(p, end int) (int, bool) {
	groups := [][2]int{{p, end}}
	dashOnly := true
	q := end
	for {
		r, size := runeAt(s.text, q)
		if !strings.ContainsRune(chainSeps, r) {
			break
		}
		c := q
		for strings.ContainsRune(chainSeps, r) && size > 0 {
			if !strings.ContainsRune("-—–", r) {
				dashOnly = false
			}
			c += size
			r, size = runeAt(s.text, c)
		}
		if !isDigit(r) {
			break
		}
		g := c
		for {
			r, size := runeAt(s.text, g)
			if !isDigit(r) && !(r == '.' && dashOnly) {
				break
			}
			g += size
		}
		groups = append(groups, [2]int{c, g})
		q = g
	}
	switch {
	case len(groups) == 1:
		return end, false
	case len(groups) > 2 || !dashOnly:
		return q, true
	}
	second := groups[1]
	if r, _ := runeAt(s.text, second[0]); r == '0' || second[1]-second[0] >= 7 {
		return q, true
	}
	return end, false
}

// skipChain extends a rejected digit run over the digits and separators
// joined to it, so that no part of a phone number is read later.
func (s *scanner) skipChain(q int) int {
	for {
		r, size := runeAt(s.text, q)
		if isDigit(r) || isLetter(r) {
			q += size
			continue
		}
		c := q
		for strings.ContainsRune(chainSeps+",", r) && size > 0 {
			c += size
			r, size = runeAt(s.text, c)
		}
		if c == q || !isDigit(r) {
			return q
		}
		q = c
	}
}

// ws skips spaces and at most one line break: OCR text puts spaces
// around numbers (38 个护士) and breaks lines between number and unit.
func (s *scanner) ws(p int) int {
	nl := false
	for p < len(s.text) {
		switch c := s.text[p]; {
		case c == ' ' || c == '\t' || c == '\r':
			p++
		case c == '\n' && !nl:
			nl = true
			p++
		case strings.HasPrefix(s.text[p:], "\u3000"), strings.HasPrefix(s.text[p:], "\u00a0"):
			_, size := utf8.DecodeRuneInString(s.text[p:])
			p += size
		default:
			return p
		}
	}
	return p
}

// tail reads what follows the numeral: a marker (余, 多), a fraction
// (分之), a percent sign, 成, a unit, and a marker after the unit.
func (s *scanner) tail(q *quantity) {
	t := s.text
	p := s.ws(q.end)
	if q.n.approx == "" {
		if a := s.e.mids.prefix(t[p:]); a != "" && (a != "几" || q.n.zh) {
			q.approx = append(q.approx, a)
			q.end = p + len(a)
			p = s.ws(q.end)
		}
	}
	switch {
	case strings.HasPrefix(t[p:], "分之") && !q.ordinal && !q.n.pair:
		if s.fraction(q, p+len("分之")) {
			p = s.ws(q.end)
			s.post(q, p)
		}
		return
	case s.e.percents.prefix(t[p:]) != "":
		sign := s.e.percents.prefix(t[p:])
		q.unit, q.end = percentSigns[sign], p+len(sign)
		if q.rule == "" {
			q.rule = "percent"
		}
	case s.cheng(q, p):
	case s.half(q, p):
	default:
		if u := s.unit(p); u != "" {
			// 剂／次 and 元每人 are written 剂/次 and 元/人.
			q.unit, q.end = strings.Replace(strings.ReplaceAll(u, "／", "/"), "每", "/", 1), p+len(u)
			s.money(q)
			s.half(q, q.end)
		}
	}
	s.post(q, s.ws(q.end))
}

// post reads a marker after the unit (3天左右, 60岁以上, 一个多月).
func (s *scanner) post(q *quantity, p int) {
	a := s.e.posts.prefix(s.text[p:])
	if a == "" || (p > q.end && q.unit == "") {
		return
	}
	q.approx = append(q.approx, a)
	q.end, q.closed = p+len(a), true
	if q.unit == "个" && (a == "多" || a == "余") {
		for _, u := range []string{"小时", "月", "星期"} {
			if strings.HasPrefix(s.text[q.end:], u) {
				q.unit, q.end = "个"+u, q.end+len(u)
				break
			}
		}
	}
}

// unit returns the unit or measure word at p, with a per-unit (剂/次,
// 元/人) when one follows, or "".
func (s *scanner) unit(p int) string {
	u := s.e.units.prefix(s.text[p:])
	if u == "" || latinUnits[u] && !s.latinUnit(p) || hasAnyPrefix(s.text[p+len(u):], unitWords[u]) {
		return ""
	}
	q := p + len(u)
	for _, sep := range []string{"/", "／", "每"} {
		if strings.HasPrefix(s.text[q:], sep) {
			if u2 := s.e.units.prefix(s.text[q+len(sep):]); u2 != "" && !latinUnits[u2] {
				return s.text[p : q+len(sep)+len(u2)]
			}
		}
	}
	return u
}

// cheng reads 成 (tenths) after a numeral up to ten: 三成 → 30%.
func (s *scanner) cheng(q *quantity, p int) bool {
	if !strings.HasPrefix(s.text[p:], "成") || q.ordinal {
		return false
	}
	next, _ := utf8.DecodeRuneInString(s.text[p+len("成"):])
	if chengBlocked[string(next)] || q.n.val.float() > 10 || q.n.exp > 0 {
		return false
	}
	lo, ok1 := q.n.val.shift(1)
	hi, ok2 := q.n.hi.shift(1)
	if !ok1 || !ok2 {
		return false
	}
	q.n.val, q.n.hi = lo, hi
	q.unit, q.end, q.rule = "%", p+len("成"), "cheng"
	return true
}

// fraction reads the numerator after 分之: 三分之一 → 1/3, 百分之 forms
// are handled by matchPercent.
func (s *scanner) fraction(q *quantity, p int) bool {
	if !s.numeralAt(p) {
		return false
	}
	n, ok, _ := s.numeral(p)
	if !ok || n.pair {
		return false
	}
	q.denom, q.num, q.isFraction = q.n.val, n.val, true
	q.end, q.rule = n.end, "fraction"
	return true
}

// matchPercent reads 百分之九十 (90%), 千分之五 (5‰), 百分之百 (100%).
func (s *scanner) matchPercent(i int) (quantity, bool, int) {
	pre := s.e.fractions.prefix(s.text[i:])
	q := quantity{start: i, core: i + len(pre), unit: fractionPrefixes[pre], rule: "percent-zh"}
	if !s.numeralAt(q.core) {
		return q, false, 0
	}
	n, ok, skip := s.numeral(q.core)
	if !ok || n.pair {
		return q, false, skip
	}
	q.n, q.end = n, n.end
	s.post(&q, s.ws(q.end))
	return q, true, 0
}

// rangeEnd extends q over a connector and a second quantity with the
// same unit: 15-17岁, 15 岁至 17 岁, 3-5万元 (the multiplier of the upper
// end applies to both). The lower end must be the smaller.
func (s *scanner) rangeEnd(q *quantity) {
	if q.closed {
		return // 3天左右 ends the quantity
	}
	p := s.ws(q.end)
	c := s.e.connectors.prefix(s.text[p:])
	if c == "" {
		return
	}
	p = s.ws(p + len(c))
	if !s.numeralAt(p) {
		return
	}
	n, ok, _ := s.numeral(p)
	if !ok || n.pair || n.zh != q.n.zh {
		return
	}
	q2 := quantity{start: p, core: p, n: n, end: n.end}
	s.tail(&q2)
	if q2.isFraction || q.unit != "" && q2.unit != q.unit || q.rule == "cheng" != (q2.rule == "cheng") {
		return
	}
	lo, ok := sharedUnits(q.n, q2.n)
	if !ok || q.rule == "cheng" {
		lo = q.n.val
	}
	if q.neg || lo.float() >= q2.n.val.float() {
		return
	}
	q.n.val, q.hi, q.isRange = lo, q2.n.val, true
	q.unit, q.end = q2.unit, q2.end
	q.approx = append(q.approx, q2.approx...)
	if q.rule != "cheng" {
		q.rule = "range"
	}
}

// sharedUnits returns the lower end of a range with the units its upper
// end writes and it does not: 3-5万 and 三到五万 are 30000 to 50000,
// 二百到三百万 is 2000000 to 3000000, 五到六千万 is 50000000 to
// 60000000. The lower end takes them only when it is smaller than the
// upper end without them: 1200到2万 is 1200 to 20000. ok is false when
// nothing is shared.
func sharedUnits(lo, hi reading) (dec, bool) {
	r, ok := hi.tail.beyond(lo.tail)
	if !ok || r == 0 {
		return lo.val, false
	}
	mant := hi.val.float()
	for range r {
		mant /= 10
	}
	if lo.val.float() >= mant {
		return lo.val, false
	}
	return lo.val.shift(r)
}

// valid applies the rules that keep words like 统一, 一些, 百姓 and 七一
// out: a lone Chinese digit needs a unit or marker, a bare multiplier
// needs a marker, and masked words are dropped.
func (s *scanner) valid(q *quantity) bool {
	n := q.n
	marked := len(q.approx) > 0 || q.unit != "" || q.isFraction || q.ordinal || q.neg || q.rule == "percent-zh"
	switch {
	case !n.zh:
		// Arabic numerals stand alone.
	case n.bare && !(len(q.approx) > 0 || q.ordinal || q.rule == "percent-zh" || q.unit == "年" && n.val.m <= 1000):
		return false
	case n.single && !marked:
		return false
	case n.pair && q.unit == "" && len(q.approx) == 0 && n.tail.n == 0:
		return false // 三五 alone is no quantity; 三四万 is
	case n.digits && !q.isRange && q.unit != "年" && !strings.ContainsAny(s.text[q.core:n.end], "〇零○"):
		return false
	}
	if n.pair {
		q.hi, q.isRange = n.hi, true
	}
	if q.approx != nil && q.approx[0] == "近" && timeUnits[q.unit] {
		return false // 近3年: the past three years
	}
	return !n.zh || !s.masked(q)
}

// masked reports whether q lies inside a word that only looks numeric.
func (s *scanner) masked(q *quantity) bool {
	r, _ := utf8.DecodeRuneInString(s.text[q.core:])
	for _, m := range s.e.masks[r] {
		w := q.core - m.off
		if w >= 0 && w <= q.start && q.end <= w+len(m.word) && strings.HasPrefix(s.text[w:], m.word) {
			return true
		}
	}
	return false
}

// noun returns the counted noun after a classifier: up to maxNoun Han
// characters before a particle, verb or punctuation; "" when the run is
// longer, since then it is rarely one noun, or when the classifier is
// repeated (一场场, 一件件小事).
func (s *scanner) noun(p int, unit string) string {
	if unit != "" && strings.HasPrefix(s.text[p:], unit) {
		return ""
	}
	q, count := p, 0
	for q < len(s.text) {
		r, size := utf8.DecodeRuneInString(s.text[q:])
		if !unicode.Is(unicode.Han, r) || nounStops[string(r)] || count > 0 && s.e.verbs.prefix(s.text[q:]) != "" {
			break
		}
		q += size
		count++
		if count > maxNoun {
			return ""
		}
	}
	return s.text[p:q]
}

// listMarker reports whether q numbers an item of a list rather than
// counting: "1. " or "2、" at the start of a line, "(3)" or "（3）".
func (s *scanner) listMarker(q *quantity) bool {
	if q.n.zh || q.unit != "" || len(q.approx) > 0 || q.ordinal || q.isRange || q.rule != "" {
		return false
	}
	next, _ := runeAt(s.text, q.end)
	before := strings.TrimRight(s.text[:q.start], " \t#")
	prev, _ := utf8.DecodeLastRuneInString(before)
	prev = fold(prev)
	switch {
	case prev == '(' && next == ')':
		return true
	case before == "" || prev == '\n' || prev == '>': // also <p>4.以…
		return next == '.' || next == '、' || next == ')'
	}
	return false
}

// compactDate reports whether digits are a date written YYYYMMDD
// (20240315), which the date extractor owns.
func compactDate(digits string) bool {
	if len(digits) != 8 || !(strings.HasPrefix(digits, "19") || strings.HasPrefix(digits, "20")) {
		return false
	}
	month, day := (digits[4]-'0')*10+digits[5]-'0', (digits[6]-'0')*10+digits[7]-'0'
	return month >= 1 && month <= 12 && day >= 1 && day <= 31
}

// half reads a half after the numeral of a duration: 2个半小时 (two and
// a half hours) at p before the unit, 一年半 (a year and a half) at p
// after it. It adds 0.5 to the value and reports whether it read one.
func (s *scanner) half(q *quantity, p int) bool {
	t := s.text
	if q.n.exp > 0 || q.n.pair || q.isRange || q.ordinal {
		return false
	}
	if q.unit == "" {
		if !strings.HasPrefix(t[p:], "个半") {
			return false
		}
		for _, u := range []string{"小时", "月", "星期"} {
			if strings.HasPrefix(t[p+len("个半"):], u) {
				q.n.val = q.n.val.plusHalf()
				q.unit, q.end = "个"+u, p+len("个半")+len(u)
				return true
			}
		}
		return false
	}
	if !timeUnits[q.unit] || !strings.HasPrefix(t[p:], "半") {
		return false
	}
	next, _ := utf8.DecodeRuneInString(t[p+len("半"):])
	if strings.ContainsRune("年月天日夜个小岛数径场", next) {
		return false // 一年半年, 三天半夜: 半 starts the next word
	}
	q.n.val = q.n.val.plusHalf()
	q.end = p + len("半")
	return true
}
