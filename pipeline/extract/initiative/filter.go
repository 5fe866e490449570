package initiative

import (
	"strings"
	"unicode/utf8"
)

// Length limits of a name, in runes, without quotation marks and spaces.
const (
	minCoreRunes = 2
	maxCoreRunes = 20
)

// speechVerbs introduce reported speech: 院长强调：“…” quotes words, not a
// name.
var speechVerbs = []string{"说", "表示", "强调", "指出", "称", "道", "问", "认为",
	"介绍", "坦言", "感慨", "回忆", "告诉记者", "写道", "提到", "说道", "要求"}

// isSpeech reports whether the quotation opening at s[open:] reports speech:
// a speech verb followed by a colon or comma, or 说/道 directly.
func isSpeech(s string, open int) bool {
	before := strings.TrimRight(s[:open], " \t\u3000")
	colon := false
	for _, p := range []string{"：", ":", "，", ","} {
		if strings.HasSuffix(before, p) {
			before = strings.TrimRight(before[:len(before)-len(p)], " \t\u3000")
			colon = true
			break
		}
	}
	for _, v := range speechVerbs {
		if strings.HasSuffix(before, v) && (colon || v == "说" || v == "道" || v == "说道") {
			return true
		}
	}
	return false
}

// sentencePunct inside a quotation means a quoted sentence, not a name.
const sentencePunct = "，。；！？：…,;!?"

func hasSentencePunct(core string) bool { return strings.ContainsAny(core, sentencePunct) }

// emphasisWords are ordinary words the seeds and news quote for emphasis.
// They are dropped even when a rule would keep them, as a last guard.
var emphasisWords = set("讲台", "打卡", "救命钱", "急难愁盼", "卡脖子", "接力", "补药",
	"磨刀石", "让位", "家门口", "门岗哨兵", "临终关怀", "亮身份", "快节奏", "进门难",
	"排头兵", "暖心事", "舒心事", "脱钩", "长牙", "走访", "第一", "码", "关口前移",
	"以患者为中心", "以人民为中心", "两个一百年", "三位一体", "一马当先", "一举两得",
	"一心一意", "三心二意", "七上八下", "四面八方", "五湖四海", "千方百计", "一视同仁",
	"十全十美", "一门三杰", "台独", "港独", "藏独", "疆独")

// sayings are numbered idioms and metaphors that news quotes without a
// head: 四梁八柱 (the main framework), 七下八上 (late July to early August,
// the flood season), 一对一 (one-to-one). With a head (“一对一”服务) they
// still name a service.
var sayings = set("四梁八柱", "七下八上", "一对一", "点对点", "十年磨一剑", "一亩三分地",
	"一穷二白", "一石二鸟", "一步一景", "一箭三星", "一府两院", "两岸一家亲", "一盘棋",
	"一张网", "一站式", "一条龙", "一揽子", "三区三州", "一锤定音", "三天两头", "七上八下")

// genericNames are head nouns and generic activity phrases without a name:
// 义诊活动 (free clinic activity), 志愿服务 (volunteer service).
var genericNames = set("义诊活动", "志愿服务", "专题学习", "主题教育", "学习教育",
	"实践活动", "专项行动", "攻坚行动", "主题活动", "系列活动", "志愿服务活动",
	"重大工程", "重点工程", "系统工程", "民生工程", "政绩工程", "形象工程", "面子工程",
	"基础工程", "水利工程", "国家战略", "重大战略", "发展战略", "总体战略", "全球战略",
	"主题党日活动", "党日活动", "公益活动", "宣传活动", "文化活动", "体育活动",
	"专项整治", "三年行动", "行动计划", "工作计划", "发展规划", "总体规划",
	"实际行动", "联合行动", "军事行动", "医疗服务", "便民服务", "优质服务",
	"线上服务", "公共服务", "政务服务", "延时服务", "服务", "伟大工程", "政府工程",
	"国家重大战略", "区域重大战略", "重大项目", "重点项目")

// orgSuffixes end names of organisations, places and buildings, which
// quotations often hold (“淮海经济区名医会诊中心”) but are not initiatives.
var orgSuffixes = []string{"医院", "中心", "委员会", "小组", "大学", "学院", "学校", "公司",
	"集团", "联盟", "协会", "学会", "基地", "病房", "党支部", "支部", "团委", "科室",
	"社区", "村", "局", "厅", "部", "处", "室", "站", "所", "网", "号", "奖", "队",
	"共同体", "平台", "门诊"}

// strongOrgSuffixes end organisation names even before a head noun
// (“伊斯兰抵抗组织”联合行动 is an organisation's operation).
var strongOrgSuffixes = []string{"组织", "医院", "委员会", "公司", "集团", "大学", "政府", "部队", "武装"}

func strongOrg(name string) bool {
	for _, suf := range strongOrgSuffixes {
		if strings.HasSuffix(name, suf) {
			return true
		}
	}
	return false
}

func orgLike(name string) bool {
	for _, suf := range orgSuffixes {
		if strings.HasSuffix(name, suf) {
			return true
		}
	}
	return false
}

// numerals counted by the numbered-slogan rule.
const numerals = "一二三四五六七八九十百千万两双"

// numberSlogan reports whether name looks like a numbered slogan: 3–8 Han
// runes starting with a Chinese numeral, with a second numeral after a
// non-numeral (一岗双责, 两在两同, 三必查一询问一登记), and not an idiom.
// Adjacent numerals are dates or names (五四宪法, 七一), digits are
// generations (90后).
func numberSlogan(name string) bool {
	n := runeLen(name)
	if n < 3 || n > 8 || emphasisWords[name] || sayings[name] {
		return false
	}
	_, size := utf8.DecodeRuneInString(name)
	if second, _ := utf8.DecodeRuneInString(name[size:]); second == '月' || second == '丈' {
		return false // dates and measures: 二月二 (a festival), 三丈三
	}
	first, _ := utf8.DecodeRuneInString(name)
	if !strings.ContainsRune(numerals, first) {
		return false
	}
	prevNum, again := true, false
	for i, r := range name {
		isNum := strings.ContainsRune(numerals, r)
		switch {
		case !isHan(r):
			return false
		case i > 0 && isNum && prevNum:
			return false
		case isNum:
			again = again || i > 0
		}
		prevNum = isNum
	}
	return again
}

// familyName reports names of the 2021 campaign family 我为X办实事 (I do
// practical things for X), which hospitals and schools adapt:
// 我为群众办实事, 我为师生办实事, 我为职工办实事.
func familyName(name string) bool {
	mid, ok := strings.CutPrefix(name, "我为")
	if !ok {
		return false
	}
	mid, ok = strings.CutSuffix(mid, "办实事")
	n := utf8.RuneCountInString(mid)
	return ok && n >= 1 && n <= 4
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
