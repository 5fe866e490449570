package initiative

import (
	"strings"
	"unicode/utf8"
)

// Bounds of the quotation scanner, in runes.
const (
	maxQuoteScan = 48 // an opening mark further than this from its closing mark is unpaired
	maxGapRunes  = 10 // modifier characters between a quotation and its head: “暖医先锋”志愿者服务队进社区活动
	maxRepair    = 8  // text after a quotation broken by a stray closing mark and a line break
	maxGroup     = 30 // adjacent quotations before one head, all cores together
)

// quote is one quotation in view coordinates: the opening mark at start,
// the closing mark ending at end.
type quote struct {
	start, end int
	style      quoteStyle
}

// core returns the name inside the quotation, without marks and spaces.
func (q quote) core(s string) string { return stripMarks(stripSpace(s[q.start:q.end])) }

// inner returns the raw text between the marks.
func (q quote) inner(s string) string {
	_, o := utf8.DecodeRuneInString(s[q.start:])
	_, c := utf8.DecodeLastRuneInString(s[:q.end])
	if q.start+o > q.end-c {
		return ""
	}
	return s[q.start+o : q.end-c]
}

// stopRunes end the modifier gap between a quotation and its head and
// give a weak head its right boundary: function characters that do not
// occur inside names.
const stopRunes = "的是为在和与及等中了将把被对向从以由让使给要已也都还又并而或但就作这那其之上下里后前"

// quoted adds candidates from quotations of every style.
func (e *Extractor) quoted(s string, cs []candidate) []candidate {
	qs := findQuotes(s)
	seen := make(map[string]string)
	var alone []quote
	for i := 0; i < len(qs); {
		j := groupEnd(s, qs, i)
		if j-i > 1 && e.anyKnown(s, qs[i:j]) {
			j = i + 1 // “两新”、“两重”: an enumeration of names, not one name
		}
		if c, ok := e.quotedHead(s, qs[i:j]); ok {
			cs = append(cs, c)
			seen[Canonical(s[qs[i].start:qs[j-1].end])] = c.typ
			i = j
			continue
		}
		alone = append(alone, qs[i])
		i++
	}
	for _, q := range alone {
		if c, ok := e.quotedAlone(s, q, seen); ok {
			cs = append(cs, c)
		}
	}
	return cs
}

// anyKnown reports whether a quotation of the group is a lexicon name by
// itself: the group then enumerates names instead of spelling one.
func (e *Extractor) anyKnown(s string, g []quote) bool {
	for _, q := range g {
		if _, ok := e.lex.Type(q.core(s)); ok {
			return true
		}
	}
	return false
}

// findQuotes pairs opening and closing marks. Every opening mark is tried,
// so quotations nested in others (‘暖医先锋’ inside “…”) are found too.
func findQuotes(s string) []quote {
	var qs []quote
	ascii := map[rune]bool{}
	for i, r := range s {
		q, ok := styleOpening(r)
		if !ok {
			continue
		}
		if q.open == q.close { // "…": pair each mark with the next on the line
			if ascii[r] {
				ascii[r] = false
				continue
			}
			ascii[r] = true
		}
		if end, ok := closeAt(s, i, q); ok {
			qs = append(qs, quote{start: i, end: repair(s, end, q), style: q})
		} else if q.open == q.close {
			ascii[r] = false
		}
	}
	return qs
}

// closeAt finds the closing mark of the quotation opening at s[open:]. It
// gives up after maxQuoteScan runes or at a second opening mark of the same
// style; ASCII quotations end at the line. Blank lines are allowed: layout
// tools break quotations across paragraphs.
func closeAt(s string, open int, q quoteStyle) (int, bool) {
	i := open + utf8.RuneLen(q.open)
	for n := 0; n < maxQuoteScan && i < len(s); n++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == q.close:
			return i + size, true
		case r == q.open, r == '\n' && q.open == q.close:
			return 0, false
		}
		i += size
	}
	return 0, false
}

// repair extends a quotation broken by a stray closing mark before a line
// break: ‘我为群众’\n\n办实事’实践活动 is one quotation. The continuation must
// be a short Han run ending in the same closing mark.
func repair(s string, end int, q quoteStyle) int {
	if q.open == q.close {
		return end
	}
	rest := s[end:]
	trimmed := strings.TrimLeft(rest, " \t\r\n\u3000")
	if len(trimmed) == len(rest) || !strings.Contains(rest[:len(rest)-len(trimmed)], "\n") {
		return end
	}
	i := len(s) - len(trimmed)
	for n := 0; n <= maxRepair && i < len(s); n++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == q.close && n > 0 {
			return i + size
		}
		if !isHan(r) {
			return end
		}
		i += size
	}
	return end
}

// groupEnd returns the index after the run of adjacent plain quotations
// starting at qs[i] (“四线”“四色”, also “四线”、“四色”).
func groupEnd(s string, qs []quote, i int) int {
	j := i + 1
	for j < len(qs) && qs[j].style.kind == kindQuote && qs[j-1].style.kind == kindQuote {
		if qs[j].start < qs[j-1].end { // nested, not adjacent
			break
		}
		between := s[qs[j-1].end:qs[j].start]
		if between != "" && between != "、" {
			break
		}
		j++
	}
	return j
}

// quotedHead tries the rule quoted+head on a group of adjacent quotations.
func (e *Extractor) quotedHead(s string, g []quote) (candidate, bool) {
	first, last := g[0], g[len(g)-1]
	if first.style.kind != kindQuote || isSpeech(s, first.start) {
		return candidate{}, false
	}
	total := 0
	for _, q := range g {
		if !nameLike(q.core(s), q.inner(s)) {
			return candidate{}, false
		}
		total += runeLen(q.core(s))
	}
	if total > maxGroup {
		return candidate{}, false
	}
	if strongOrg(first.core(s)) {
		return candidate{}, false
	}
	end, typ, ok := headAfter(s, last.end)
	if !ok || genericGap(s[last.end:end]) {
		return candidate{}, false
	}
	return candidate{start: first.start, end: end, typ: typ, rule: RuleQuotedHead, prio: prioQuoted}, true
}

// genericGaps are qualifiers that, between a quotation and its head, make
// the phrase a class of things rather than a name: “一带一路”重点项目 (key
// projects of the Belt and Road) is about 一带一路, which the quotation
// alone then names.
var genericGaps = []string{"重点", "重大", "标志性", "合作", "旗舰", "相关", "有关", "配套"}

// genericGap reports whether the text from a quotation's end through its
// head is a generic qualifier followed by heads only.
func genericGap(rest string) bool {
	for _, g := range genericGaps {
		if after, ok := strings.CutPrefix(rest, g); ok {
			if _, ok := headChain(after); ok {
				return true
			}
		}
	}
	return false
}

// nameLike applies the filters every quoted name passes: length, no
// sentence punctuation, not an emphasis or generic word.
func nameLike(core, inner string) bool {
	n := runeLen(core)
	return n >= minCoreRunes && n <= maxCoreRunes && !hasSentencePunct(inner) &&
		!emphasisWords[core] && !genericNames[core] &&
		!strings.HasSuffix(core, "的") // “有针对性的”: an adjective phrase, not a name
}

// headAfter finds a head after a quotation ending at s[end:], allowing up
// to maxGapRunes modifier characters before it. Heads directly following
// each other chain (志愿服务活动). It returns the end of the last head.
func headAfter(s string, end int) (int, string, bool) {
	pos := end
	for gap := 0; gap <= maxGapRunes && pos < len(s); gap++ {
		if h, ok := headAt(s, pos, false); ok {
			stop, typ, weak := pos+len(h.word), h.typ, h.weak
			for {
				h2, ok := headAt(s, stop, false)
				if !ok {
					break
				}
				stop, typ, weak = stop+len(h2.word), h2.typ, h2.weak
			}
			if !weak || rightBoundary(s, stop) {
				return stop, typ, true
			}
		}
		r, size := utf8.DecodeRuneInString(s[pos:])
		if !isHan(r) || strings.ContainsRune(stopRunes, r) || gapStop(s[pos:]) {
			return 0, "", false
		}
		pos += size
	}
	return 0, "", false
}

// gapStops end the modifier gap: time words, verbs and negative words show
// the text after the quotation is a new clause or not a programme
// (“考古中国”今天发布重大项目, “台独”分裂活动), and ceremonies are events
// held for a programme, not the programme (“中俄友好年”开幕式活动).
var gapStops = []string{"今天", "昨天", "明天", "今年", "发布", "启动", "举行", "开展", "召开",
	"开幕式", "闭幕式", "仪式", "典礼", "招待会",
	"正式", "宣布", "分裂", "违法", "犯罪", "恐怖", "非法", "走私", "诈骗", "挑衅"}

func gapStop(rest string) bool {
	for _, w := range gapStops {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

func rightBoundary(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i >= len(s) || !isHan(r) || strings.ContainsRune(stopRunes, r)
}

// quotedAlone tries the rules for a quotation without a head.
func (e *Extractor) quotedAlone(s string, q quote, seen map[string]string) (candidate, bool) {
	core := q.core(s)
	if !nameLike(core, q.inner(s)) || isSpeech(s, q.start) || ceremonyAfter(s[q.end:]) {
		return candidate{}, false
	}
	c := candidate{start: q.start, end: q.end, prio: prioQuoted}
	known := func() bool {
		if t, ok := e.lex.Type(core); ok {
			c.typ = t
			return true
		}
		if familyName(core) {
			c.typ = TypeCampaign
			return true
		}
		return false
	}
	switch q.style.kind {
	case kindTag:
		if known() {
			c.rule = RuleTag
			return c, true
		}
		if t, ok := seen[core]; ok {
			c.typ, c.rule = t, RuleTag
			return c, true
		}
	case kindTitle:
		if known() {
			c.rule = RuleQuotedLexicon
			return c, true
		}
		if _, ok := headChain(core); ok {
			return candidate{}, false // 《规划纲要》: the short title of a plan named earlier
		}
		for _, h := range titleHeads {
			if strings.HasSuffix(core, h) && runeLen(core)-runeLen(h) >= minCoreRunes {
				c.typ, c.rule = titleType(h), RuleQuotedSelf
				return c, true
			}
		}
	default:
		switch {
		case known():
			c.rule = RuleQuotedLexicon
		case seen[core] != "" && !modifierUse(s, q.end, core):
			c.typ, c.rule = seen[core], RuleQuotedSeen
		case orgLike(core):
			return candidate{}, false
		case selfHead(core, &c):
			c.rule = RuleQuotedSelf
		case numberSlogan(core):
			c.typ, c.rule = TypeSlogan, RuleQuotedNumber
		default:
			return candidate{}, false
		}
		return c, true
	}
	return candidate{}, false
}

// modifierUse reports a bare quotation that names a thing, not the
// programme seen elsewhere with a head: ships and devices (“梦想”号,
// “华龙一号”), holidays (“五一”假期), one-stop words (“一站式”办理平台).
func modifierUse(s string, end int, core string) bool {
	next, _ := utf8.DecodeRuneInString(s[end:])
	if next == '号' || strings.HasSuffix(core, "号") || sayings[core] {
		return true
	}
	n := 0
	for _, r := range core {
		if !strings.ContainsRune(numerals, r) {
			return false
		}
		n++
	}
	second, _ := utf8.DecodeLastRuneInString(core)
	return n == 2 && second == '一' // 五一, 七一, 八一: dates
}

// selfHead reports whether a quoted name ends in its own head (“一把手工程”,
// “两票制”). Weak heads other than 项目 are too common to count.
func selfHead(core string, c *candidate) bool {
	if startsWithVerb(core) || verbInside(core) {
		return false // “实施健康优先发展战略”, “高质量完成十四五规划” quote a policy sentence
	}
	for _, h := range heads {
		if h.weak && h.word != "项目" {
			continue
		}
		minName := minCoreRunes
		if h.weak {
			minName = minPatternRunes // “中国项目” is not a name
		}
		if strings.HasSuffix(core, h.word) && runeLen(core)-runeLen(h.word) >= minName {
			c.typ = h.typ
			return true
		}
	}
	return false
}

func startsWithVerb(core string) bool { return verbAt(core, 0) != "" }

// verbInside reports a left-boundary verb of two or more runes after the
// first rune of core, followed by at least two runes: a sentence with a
// subject or an adverb before its verb (高质量完成…规划).
func verbInside(core string) bool {
	for i := range core {
		if v := verbAt(core, i); i > 0 && v != "" && runeLen(core[i+len(v):]) >= 2 {
			return true
		}
	}
	return false
}

func titleType(h string) string {
	switch h {
	case "行动":
		return TypeCampaign
	case "工程":
		return TypeProject
	}
	return TypePlan
}
