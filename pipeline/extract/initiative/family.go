package initiative

import (
	"strings"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline/extract/entity"
	"github.com/baogao/baogao/pipeline/runeset"
)

// families adds candidates for unquoted names of shapes that carry no head
// noun, or a head too common to end a name alone (rule family):
//
//	national slogans    交通强国, 海洋强国, 数字中国(建设), 平安中国
//	a slogan + a place  健康江苏, 平安湖南(建设), 美丽青山市
//	one-X-one-Y         一村一品, 一院一品, 一企一策 (the four characters only)
//	named days          全国爱眼日, 世界读书日, 中国医师节
//	two parties         中国—东盟合作, 澜湄—东盟博览会
//	enumerations        减税、降费、缓缴政策
func (e *Extractor) families(s string, tags []corpus.Token, cs []candidate) []candidate {
	places := placeWords(s, tags)
	nextEnum := -1 // offset of the next 、 at or after i
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isHan(r) {
			i += size
			continue
		}
		if familyFirst.Has(r) {
			if c, ok := sloganName(s, i, places); ok {
				cs = append(cs, c)
				i = c.end
				continue
			}
			if c, ok := oneEach(s, i); ok {
				cs = append(cs, c)
				i = c.end
				continue
			}
			if c, ok := namedDay(s, i); ok {
				cs = append(cs, c)
				i = c.end
				continue
			}
		}
		// An enumeration has its first 、 within five characters.
		if nextEnum < i {
			if k := strings.Index(s[i:], "、"); k >= 0 {
				nextEnum = i + k
			} else {
				nextEnum = len(s)
			}
		}
		if nextEnum-i > 5*utf8.UTFMax {
			i += size
			continue
		}
		if c, ok := enumeration(s, i); ok {
			cs = append(cs, c)
			i = c.end
			continue
		}
		i += size
	}
	return dashNames(s, cs)
}

// firstIndex holds the qualifier lists indexed by first rune.
var firstIndex = func() map[*string]map[rune][]string {
	m := map[*string]map[rune][]string{}
	for _, ws := range [][]string{strongNation, slogans, dayScopes} {
		idx := map[rune][]string{}
		for _, w := range ws {
			r, _ := utf8.DecodeRuneInString(w)
			idx[r] = append(idx[r], w)
		}
		m[&ws[0]] = idx
	}
	return m
}()

// byFirst returns the index of one of the qualifier lists.
func byFirst(ws []string) map[rune][]string { return firstIndex[&ws[0]] }

// familyFirst holds the first runes of the words that open a family
// name, a cheap filter run at every Han character.
var familyFirst = func() (b runeset.Set) {
	for _, ws := range [][]string{strongNation, slogans, dayScopes, {"一"}} {
		for _, w := range ws {
			r, _ := utf8.DecodeRuneInString(w)
			b.Add(r)
		}
	}
	return b
}()

// placeWords returns the spans of words jieba tagged as places (ns), by
// start offset.
func placeWords(s string, tags []corpus.Token) map[int]int {
	var m map[int]int
	for _, t := range tags {
		if t.POS == "ns" && runeLen(s[t.Span.Start:t.Span.End]) >= 2 {
			if m == nil {
				m = map[int]int{}
			}
			m[t.Span.Start] = t.Span.End
		}
	}
	return m
}

// strongNation are the qualifiers of 强国 (a strong nation in X) that
// name national strategies: 交通强国, 海洋强国, 制造强国.
var strongNation = []string{"知识产权", "海洋", "交通", "制造", "网络", "科技", "质量", "航天", "教育",
	"文化", "体育", "农业", "贸易", "金融", "人才", "航运", "标准", "数字", "能源"}

// slogans are the qualifiers that, before 中国 or a place, name a
// programme: 健康中国, 平安江苏, 美丽乡村 is not one (乡村 is no place).
var slogans = []string{"健康", "美丽", "平安", "数字", "法治", "书香", "清廉", "智慧", "诚信", "幸福"}

// sloganName reads 交通强国, 数字中国, 健康江苏 at s[i:], with a following
// 建设 (building) kept in the span; Canonical and the lexicon strip it
// from the value.
func sloganName(s string, i int, places map[int]int) (candidate, bool) {
	rest := s[i:]
	end := -1
	typ := TypeStrategy
	r, _ := utf8.DecodeRuneInString(rest)
	for _, q := range byFirst(strongNation)[r] {
		if after, ok := strings.CutPrefix(rest, q); ok && strings.HasPrefix(after, "强国") {
			end = i + len(q) + len("强国")
			break
		}
	}
	if end < 0 {
		for _, q := range byFirst(slogans)[r] {
			after, ok := strings.CutPrefix(rest, q)
			if !ok {
				continue
			}
			p := i + len(q)
			switch {
			case strings.HasPrefix(after, "中国"):
				end = p + len("中国")
			case places[p] > p:
				end = places[p]
			default:
				end = placeAt(s, p)
			}
			if end < 0 {
				end = beforeBuilding(s, p) // 健康河西建设: a place the gazetteer does not know
			}
			if end > p {
				typ = TypeCampaign
				if strings.HasPrefix(after, "中国") {
					typ = TypeStrategy
				}
			}
			break
		}
	}
	if end < 0 || end <= i || leftHan(s, i, "") && !boundaryVerbBefore(s, i) {
		return candidate{}, false
	}
	if strings.HasPrefix(s[end:], "建设") {
		end += len("建设")
	}
	if !rightBoundary(s, end) && !headStarts(s, end) {
		return candidate{}, false
	}
	return candidate{start: i, end: end, typ: typ, rule: RuleFamily, prio: prioPattern}, true
}

// beforeBuilding returns the end of two or three Han characters at s[p:]
// that 建设 (building) follows, or -1.
func beforeBuilding(s string, p int) int {
	q := p
	for n := 1; n <= 3 && q < len(s); n++ {
		r, size := utf8.DecodeRuneInString(s[q:])
		if !isHan(r) || strings.ContainsRune(stopRunes, r) {
			return -1
		}
		q += size
		if n >= 2 && strings.HasPrefix(s[q:], "建设") {
			return q
		}
	}
	return -1
}

// placeAt returns the end of the longest gazetteer place name starting at
// s[p:], with a 省/市/县 suffix, or -1.
func placeAt(s string, p int) int {
	end := -1
	q := p
	for n := 0; n < 6 && q < len(s); n++ {
		r, size := utf8.DecodeRuneInString(s[q:])
		if !isHan(r) {
			break
		}
		q += size
		if entity.IsPlaceName(s[p:q]) {
			end = q
		}
	}
	if end > 0 {
		for _, suf := range []string{"省", "市", "县", "区"} {
			if strings.HasPrefix(s[end:], suf) {
				return end + len(suf)
			}
		}
	}
	return end
}

// boundaryVerbBefore reports whether one of the left-boundary words ends
// right before s[i:] (开展, 建设, 推进), so a name may start there although
// a Han character precedes it.
func boundaryVerbBefore(s string, i int) bool {
	_, ok := boundaryBefore(s, i)
	return ok || strings.HasSuffix(s[:i], "建设") || strings.HasSuffix(s[:i], "打造")
}

// headStarts reports whether a head noun starts at s[i:] (健康江苏行动).
func headStarts(s string, i int) bool {
	_, ok := headAt(s, i, false)
	return ok
}

// eachUnits are the units a one-X-one-Y slogan shares out (一村一品 one
// product per village, 一企一策 one policy per firm).
const eachUnits = "村院县乡镇企校科区人户岗街社馆园家室站店厂所局部队组班科业城地市岗楼"

// oneEach reads 一X一Y at s[i:], where X is a unit: the slogan without the
// phrase around it (打造一村一品示范村 → 一村一品).
func oneEach(s string, i int) (candidate, bool) {
	if !strings.HasPrefix(s[i:], "一") {
		return candidate{}, false
	}
	rs := []rune(prefixRunes(s[i:], 4))
	if len(rs) != 4 || rs[0] != '一' || rs[2] != '一' || !strings.ContainsRune(eachUnits, rs[1]) ||
		!isHan(rs[3]) || strings.ContainsRune(numerals+stopRunes, rs[3]) {
		return candidate{}, false
	}
	if prev, _ := utf8.DecodeLastRuneInString(s[:i]); strings.ContainsRune(numerals+"第", prev) {
		return candidate{}, false
	}
	end := i + len(string(rs))
	return candidate{start: i, end: end, typ: TypeSlogan, rule: RuleFamily, prio: prioPattern}, true
}

func prefixRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// dayScopes open the names of days, weeks and festivals set by a national
// or international body: 全国爱眼日, 世界读书日, 中国医师节, 国家宪法日.
var dayScopes = []string{"全国", "世界", "国际", "中国", "国家"}

// notDayCore are characters that show the run before 日/周/月/节 is a
// phrase, not a name: 全国各地节日, 中国人民的节日.
const notDayCore = "的了各每等年月号天人们这那其是在和与有"

// namedDay reads a named day, week, month or festival at s[i:]: a scope,
// two to eight Han characters, and 日, 周, 月 or 节 before a boundary.
func namedDay(s string, i int) (candidate, bool) {
	scope := ""
	r, _ := utf8.DecodeRuneInString(s[i:])
	for _, sc := range byFirst(dayScopes)[r] {
		if strings.HasPrefix(s[i:], sc) {
			scope = sc
			break
		}
	}
	if scope == "" || leftHan(s, i, "") && !boundaryVerbBefore(s, i) {
		return candidate{}, false
	}
	p := i + len(scope)
	for n := 1; n <= 9 && p < len(s); n++ {
		r, size := utf8.DecodeRuneInString(s[p:])
		if !isHan(r) || strings.ContainsRune(notDayCore, r) {
			return candidate{}, false
		}
		p += size
		if n < 3 || !strings.ContainsRune("日周月节", r) || notDay(s[i+len(scope):p], s[p:]) {
			continue
		}
		if rightBoundary(s, p) || headStarts(s, p) || strings.HasPrefix(s[p:], "期间") || strings.HasPrefix(s[p:], "暨") {
			return candidate{start: i, end: p, typ: TypeActivity, rule: RuleFamily, prio: prioPattern}, true
		}
		// A day with its activity: 世界肾脏日义诊活动.
		if end, _, ok := headAfter(s, p); ok && runeLen(s[p:end]) <= 6 && strings.HasSuffix(s[:end], "活动") {
			return candidate{start: i, end: end, typ: TypeActivity, rule: RuleFamily, prio: prioPattern}, true
		}
	}
	return candidate{}, false
}

// holidays are public holidays and festivals, not campaign days:
// 国际劳动节 (May Day), 中国传统节日.
var holidays = []string{"劳动节", "儿童节", "妇女节", "青年节", "建军节", "国庆节", "春节", "元宵节",
	"端午节", "中秋节", "重阳节", "清明节", "七夕节", "节日", "佳节", "元旦"}

// notDay reports a run ending in 日/周/月/节 that names no campaign day: a
// holiday, an organisation followed by 日前 or 近日 (国家统计局日前, recently),
// or a dateline (中国驻朝鲜大使馆日电).
func notDay(core, after string) bool {
	for _, h := range holidays {
		if strings.HasSuffix(core, h) {
			return true
		}
	}
	if strings.Contains(core, "传统") {
		return true
	}
	if next, _ := utf8.DecodeRuneInString(after); strings.ContainsRune("前内起电讯报晚", next) {
		return true
	}
	body := strings.TrimSuffix(strings.TrimSuffix(core, "日"), "近")
	last, _ := utf8.DecodeLastRuneInString(body)
	return strings.ContainsRune("委局署馆会部院行办处所厅府司", last)
}

// enumHeads end an enumeration of measures that together name one policy:
// 减税、降费、缓缴政策.
var enumHeads = []string{"政策", "措施", "行动", "工程"}

// enumeration reads two to four items of two to four Han characters joined
// by 、 and ending in an enumeration head, at s[i:] after a boundary.
func enumeration(s string, i int) (candidate, bool) {
	if _, ok := boundaryBefore(s, i); !ok {
		return candidate{}, false
	}
	// The first item may start with the verb that opens the phrase:
	// 落实减税、降费 starts the name at 减税.
	if b := verbAt(s, i); b != "" {
		i += len(b)
	}
	p, items := i, 0
	for items < 4 {
		q, n := p, 0
		for q < len(s) && n < 5 {
			r, size := utf8.DecodeRuneInString(s[q:])
			if !isHan(r) {
				break
			}
			q += size
			n++
		}
		if n < 2 {
			return candidate{}, false
		}
		items++
		if !strings.HasPrefix(s[q:], "、") {
			for _, h := range enumHeads {
				if items >= 3 && n > runeLen(h) && strings.HasSuffix(s[p:q], h) && runeLen(s[p:q])-runeLen(h) <= 3 {
					return candidate{start: i, end: q, typ: TypeMechanism, rule: RuleFamily, prio: prioPattern}, true
				}
			}
			return candidate{}, false
		}
		if n > 4 {
			return candidate{}, false
		}
		p = q + len("、")
	}
	return candidate{}, false
}

// dashHeads end names of cooperation between two parties joined by a
// dash: 中国—东盟合作, 中国—中亚峰会.
var dashHeads = []string{"合作机制", "合作论坛", "合作", "自由贸易区", "自贸区", "博览会", "峰会", "经济走廊"}

const dashes = "—－–-"

// indexDash returns the index of the first of dashes in s, or -1: a scan
// of bytes (strings.IndexAny decodes every rune of s to look for runes
// beyond ASCII, and texts have few dashes).
func indexDash(s string) int {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '-':
			return i
		case c == 0xe2 || c == 0xef: // the first byte of —, – and －
			for _, d := range []string{"—", "－", "–"} {
				if strings.HasPrefix(s[i:], d) {
					return i
				}
			}
		}
	}
	return -1
}

// dashNames adds 中国—东盟合作: a place, a dash, two to six Han
// characters and a dash head.
func dashNames(s string, cs []candidate) []candidate {
	for i := 0; i < len(s); {
		k := indexDash(s[i:])
		if k < 0 {
			break
		}
		i += k
		_, size := utf8.DecodeRuneInString(s[i:])
		after := i + size
		for strings.HasPrefix(s[after:], "—") { // a double dash ——
			after += len("—")
		}
		start := -1
		for p := i; p > 0 && i-p < 6*utf8.UTFMax; {
			r, sz := utf8.DecodeLastRuneInString(s[:p])
			if !isHan(r) {
				break
			}
			p -= sz
			if entity.IsPlaceName(s[p:i]) {
				start = p
			}
		}
		if start >= 0 {
			q := after
			for n := 0; n < 8 && q < len(s); n++ {
				found := false
				for _, h := range dashHeads {
					if n >= 2 && strings.HasPrefix(s[q:], h) && !strings.HasPrefix(s[q+len(h):], "组织") {
						cs = append(cs, candidate{start: start, end: q + len(h), typ: TypeStrategy, rule: RuleFamily, prio: prioPattern})
						found = true
						break
					}
				}
				r, sz := utf8.DecodeRuneInString(s[q:])
				if found || !isHan(r) {
					break
				}
				q += sz
			}
		}
		i = after
	}
	return cs
}
