package initiative

import (
	"strings"
	"unicode/utf8"
)

// maxPatternRunes bounds the name before a pattern head: 全国百所疑难病症诊治
// 能力提升工程 needs 14. Without a left boundary within it, the run is
// probably a subject plus a name and is dropped.
const maxPatternRunes = 16

// leftBoundaries end the text before an unquoted name: verbs that take an
// initiative as object (医院开展医疗流程优化专项行动: the hospital carries out
// the ... campaign), counters (一场), and function characters.
var leftBoundaries = []string{
	"开展", "推进", "实施", "启动", "深化", "落实", "参加", "参与", "组织", "推动",
	"加强", "开启", "发起", "举办", "部署", "贯彻", "围绕", "入选", "助力", "聚焦",
	"结合", "一场", "一项", "此次", "本次", "这项", "该项", "积极", "全面", "深入",
	"扎实", "持续", "大力", "坚持", "通过", "依托", "借助", "作为", "筹备", "提出",
	"纳入", "列入", "申报", "承担", "牵头", "完成", "打造", "制定", "出台", "印发",
	"发布", "打赢", "决战", "启用", "统筹", "融入", "对接",
	"共建", "践行", "重温", "巩固", "拓展", "弘扬", "掀起", "迎接", "庆祝", "随着",
	"经过", "加快", "赢得", "保持", "坚定", "提供", "符合", "实现", "接见",
	"地处", "做好", "取消", "标志着", "参观", "考察", "视察", "调研", "建成",
	"开工", "竣工", "投产", "完工", "参建", "支持", "响应", "倡导", "宣布", "签署",
	"关于", "这次", "成为", "进行", "对于", "荣获", "获评", "获得", "争创", "创建", "创成", "设立",
	"评为", "授予", "命名", "推出", "推行", "开设", "谋划", "健全", "出席", "办好",
	"打好", "抓好", "确保", "检验", "上升为", "总结", "树立和践行",
	"的", "了", "在", "是", "把", "将", "被", "等", "并", "着", "及", "与", "要", "对", "以",
	"到", "好", "就", "暨", "举行", "和",
}

// maxLooseRunes bounds a name whose left boundary is punctuation or a
// function character rather than a verb: a long run after a comma is
// usually a subject plus a name (辽宁彰武地处三北工程).
const maxLooseRunes = 10

// minPatternRunes is the shortest unquoted name before a head: two-rune
// cores are mostly generic (水利工程 water works, 全球倡议 global
// initiative); the real ones (探月工程) belong in the lexicon.
const minPatternRunes = 3

// patterns adds candidates for unquoted names ending in a pattern head.
func (e *Extractor) patterns(sc scan, cs []candidate) []candidate {
	s := sc.s
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !headFirst.Has(r) { // every head starts with a Han rune
			i += size
			continue
		}
		h, ok := headAt(s, i, false)
		if !ok || !h.pattern {
			i += size
			continue
		}
		if h.right && !rightBoundary(s, i+len(h.word)) {
			i += len(h.word)
			continue
		}
		minCore := minPatternRunes
		if h.short {
			minCore = minCoreRunes
		}
		if h.short && ceremonyAfter(s[i+len(h.word):]) {
			i += len(h.word) // 中俄友好年开幕式活动: the ceremony of a year, an event
			continue
		}
		start, tagged, ok := leftEdge(sc, i, minCore, h.verb)
		if !ok && h.whole {
			_, ok = boundaryBefore(s, i)
			start = i
		}
		if ok {
			// A head may continue into a longer one: 三年行动 + 计划 names
			// the plan (…三年行动计划), 专项整治 + 行动 the campaign.
			end, typ := i+len(h.word), h.typ
			for !h.short && !h.whole {
				h2, ok := headAt(s, end, false)
				if !ok || h2.weak {
					break
				}
				end, typ = end+len(h2.word), h2.typ
			}
			rule := RulePattern
			if tagged {
				rule = RulePatternTags
			}
			cs = append(cs, candidate{start: start, end: end, typ: typ, rule: rule, prio: prioPattern})
			i = end
			continue
		}
		i += len(h.word)
	}
	return cs
}

// ceremonyAfter reports a ceremony right after a named day or year, or
// after the quotation holding it.
func ceremonyAfter(rest string) bool {
	rest = strings.TrimLeftFunc(rest, isQuoteMark)
	for _, c := range []string{"开幕式", "闭幕式", "启动仪式", "仪式", "开幕", "闭幕"} {
		if strings.HasPrefix(rest, c) {
			return true
		}
	}
	return false
}

// leftEdge walks left from a head at s[head:] to the start of the name: the
// first left boundary, at least minCore and at most maxPatternRunes runes
// away (maxLooseRunes unless the boundary is a verb; needVerb requires a
// verb). When no listed boundary is found and tags are given, a second
// walk also stops after a word that cannot be part of a name (a
// preposition, conjunction, particle, pronoun or adverb) or after a verb
// of two or more characters (推行/v 便民门诊优化专项行动); tagged reports that
// such a word ended the name.
func leftEdge(sc scan, head, minCore int, needVerb bool) (start int, tagged, ok bool) {
	if p, ok := walkLeft(sc, head, minCore, needVerb, false); ok {
		return p, false, true
	}
	if sc.words == nil {
		return 0, false, false
	}
	p, ok := walkLeft(sc, head, minCore, needVerb, true)
	return p, ok, ok
}

func walkLeft(sc scan, head, minCore int, needVerb, useTags bool) (int, bool) {
	s := sc.s
	p := head
	for n := 0; n <= maxPatternRunes; n++ {
		verb, ok := boundaryBefore(s, p)
		if useTags && !ok && runeLen(s[p:head]) >= minCore {
			if pos := sc.tagAt(p); functionWord(pos) {
				ok = true
			} else if pos == "v" && sc.wordRunes(p) >= 2 {
				ok, verb = true, true
			}
		}
		if ok {
			p = trimMeasure(s, p, head)
			name := s[p:head]
			n = runeLen(name)
			if n < minCore || !verb && (needVerb || n > maxLooseRunes) || genericCore(name) {
				return 0, false
			}
			return p, true
		}
		_, size := utf8.DecodeLastRuneInString(s[:p])
		if size == 0 {
			return 0, false
		}
		p -= size
	}
	return 0, false
}

// functionWord reports jieba tags of words that do not occur inside a
// name: prepositions (p), conjunctions (c), particles (u, uj, ul, ...),
// pronouns (r) and adverbs (d).
func functionWord(pos string) bool {
	if pos == "" {
		return false
	}
	switch pos[0] {
	case 'p', 'c', 'u', 'r', 'd':
		return true
	}
	return false
}

// boundaryBefore reports whether a name may start at s[p:], and whether
// the boundary is a verb of two or more runes (which allows longer names).
func boundaryBefore(s string, p int) (verb, ok bool) {
	r, _ := utf8.DecodeLastRuneInString(s[:p])
	if p == 0 || !isHan(r) {
		return false, true
	}
	for _, b := range boundariesByLast[r] {
		if strings.HasSuffix(s[:p], b) {
			return len(b) > utf8.UTFMax, true
		}
	}
	return false, false
}

// verbAt returns the left-boundary verb of two or more runes that starts
// at s[i:], or "".
func verbAt(s string, i int) string {
	r, _ := utf8.DecodeRuneInString(s[i:])
	for _, b := range boundariesByFirst[r] {
		if strings.HasPrefix(s[i:], b) {
			return b
		}
	}
	return ""
}

// boundariesByFirst indexes the left-boundary verbs of two or more runes
// by their first rune.
var boundariesByFirst = func() map[rune][]string {
	m := map[rune][]string{}
	for _, b := range leftBoundaries {
		if len(b) > utf8.UTFMax {
			r, _ := utf8.DecodeRuneInString(b)
			m[r] = append(m[r], b)
		}
	}
	return m
}()

// boundariesByLast indexes leftBoundaries by their last rune, in list
// order: boundaryBefore runs at every step of every walk to the left.
var boundariesByLast = func() map[rune][]string {
	m := map[rune][]string{}
	for _, b := range leftBoundaries {
		r, _ := utf8.DecodeLastRuneInString(b)
		m[r] = append(m[r], b)
	}
	return m
}()

// trimMeasure drops measure words left between a number and a name:
// 150项节水供水重大水利工程 → 节水供水重大水利工程.
func trimMeasure(s string, p, head int) int {
	for {
		r, size := utf8.DecodeRuneInString(s[p:])
		if !strings.ContainsRune("项个批类座条家年月日号届", r) || runeLen(s[p+size:head]) < minCoreRunes {
			return p
		}
		p += size
	}
}

// genericCore reports names before a head that only count or qualify it:
// 一批重大 (a batch of major), 两大, 各项, 二期 (phase two).
func genericCore(name string) bool {
	if genericNames[name] {
		return true
	}
	for _, w := range genericEdges {
		if strings.HasSuffix(name, w) || strings.HasPrefix(name, w) {
			return true
		}
	}
	for _, w := range genericStarts {
		if strings.HasPrefix(name, w) {
			return true
		}
	}
	for _, w := range subjectWords {
		if strings.Contains(name, w) {
			return true
		}
	}
	for _, r := range name {
		if !strings.ContainsRune("一二三四五六七八九十百两几多各这那该此本大项个类批期重点重要系统", r) {
			return false
		}
	}
	return true
}

// genericEdges start or end cores that qualify a head instead of naming
// it (国家重大工程 national major works, 一系列新战略, 三期扩建工程) or that
// name construction works rather than initiatives.
var genericEdges = []string{"重大", "重点", "重要", "伟大", "全球", "具体", "相关", "许多", "又一", "超级",
	"系列", "主体", "关键", "控制性", "地区", "总统", "大型", "骨干", "新", "期", "扩建",
	"水利", "灌溉", "水库", "输电", "联网", "电网", "交流", "调水", "提水", "防洪", "排水",
	"供水", "管道", "隧道", "桥梁", "铁路", "公路", "机场", "港口", "电站", "枢纽", "航道",
	"改造", "维修", "土建", "基建", "我国", "广大", "各类", "有关", "这些", "多项", "第", "领域"}

// genericStarts begin cores that refer to someone's initiatives rather
// than naming one: 各自发展战略 (their respective strategies), 各国…战略,
// 更多惠民工程 (more works for the people), 一系列…专项整治, 本地区…学习教育.
var genericStarts = []string{"各自", "各国", "各地", "更多", "一系列", "本地区", "本部门",
	"本单位", "部分", "自身", "服务", "其他", "有关", "全党", "国家重大", "国家发展", "和",
	"本届", "本次", "今年", "明年", "去年", "一个", "一起", "观看", "世纪", "他", "她", "这一"}

// subjectWords inside a core show a subject or a clause swallowed into the
// name: 中土双方战略 (both sides' strategy), 苏州已建立学习教育 (Suzhou has
// set up … study campaign), 山东两省主题教育.
var subjectWords = []string{"双方", "两国", "两省", "已", "正在", "部队", "系统", "各项",
	"第一批", "第二批", "开幕式", "闭幕式", "仪式", "典礼", "又一", "这一"}

// lexicon adds candidates for unquoted lexicon names. Quoted occurrences
// are found by the quotation rules and win the overlap.
func (e *Extractor) lexicon(s string, cs []candidate) []candidate {
	for i := 0; i < len(s); {
		n, ok := e.lex.longestAt(s, i)
		if ok && !leftHan(s, i, n) {
			cs = append(cs, candidate{start: i, end: i + len(n), typ: e.lex.names[n], rule: RuleLexicon, prio: prioLexicon})
			i += len(n)
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return cs
}

// leftHan guards short names against matching inside longer words: a name
// of two runes (双减) preceded by a Han character is not taken.
func leftHan(s string, i int, name string) bool {
	if runeLen(name) > 2 {
		return false
	}
	r, size := utf8.DecodeLastRuneInString(s[:i])
	return size > 0 && isHan(r)
}
