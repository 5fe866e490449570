package entity

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
)

// orgSuffixes end organisation names. Any suffix ends a name; the longest
// run of name words ending in one wins.
var orgSuffixes = []string{
	"社区卫生服务中心", "疾病预防控制中心", "卫生健康委员会", "街道办事处", "人民代表大会",
	"委员会", "卫健委", "管委会", "研究院", "研究所", "检察院", "保健院", "卫生院", "服务站",
	"基金会", "联合会", "电视台", "办公室", "办公厅", "事务所", "俱乐部", "理事会", "代表处",
	"领事馆", "大使馆", "医院", "中心", "政府", "大学", "学院", "学校", "中学", "小学",
	"党委", "党组", "支部", "总支", "公司", "集团", "协会", "学会", "日报", "报社", "法院", "法庭",
	"银行", "组织", "国会", "议会", "联盟", "总署", "公署", "总会", "工会", "商会", "使团", "使馆",
	"中央", "市委", "县委", "省委", "区委", "常委会", "政治局", "书记处", "军区", "部队", "舰队",
	"红十字会", "奥委会", "杜马", "电台", "气象台", "天文台", "通讯社", "新闻社", "出版社", "杂志社", "研究会", "促进会", "联谊会", "校友会", "学生会", "科学院", "工程院",
	"女篮", "男篮", "女排", "男排", "女足", "男足",
	"足协", "科协", "作协", "文联", "妇联", "侨联", "残联", "青联", "学联", "工商联", "消协", "记协", "美协", "书协", "体协",
	"推广站", "防疫站", "气象站", "工作站", "水文站", "农技站", "兽医站", "观测站", "监测站", "检查站", "保护站", "管理站",
	"附中", "附小", "有限公司", "有限责任公司", "股份公司",
	"局", "厅", "部", "署", "委", "办", "社", "队", "厂", "所", "院", "系", "党", "团", "处",
}

// notOrgEndings end words that only look like organisations: 大局 (the
// overall situation), 格局, 布局 (layout), 大厅 (hall), 全党 (the whole
// party), 中心城区 (downtown).
var notOrgEndings = []string{"大局", "格局", "布局", "结局", "开局", "全局", "僵局", "变局", "新局",
	"大厅", "客厅", "餐厅", "展厅", "全党", "全军", "全行", "银行业", "队伍", "团队", "部分", "内部",
	"外部", "全部", "干部", "局部", "本部", "总部", "全院", "全社", "社会", "中心城区", "同行", "进行",
	"举行", "实行", "执行", "运行", "发行", "旅行", "银行卡", "机会", "工作队", "国家队", "集团军",
	"东部", "西部", "南部", "北部", "中部", "东北部", "西北部", "东南部", "西南部", "冠军队",
	"失所", "有所", "对党", "交界处", "结合部", "仍处", "正处", "地处", "身处", "所处", "位处", "市中心", "政治中心", "经济中心", "金融中心", "科创中心", "工厂",
	"大部", "所系", "实处", "会同", "主办", "承办", "协办", "举办", "创办", "开办", "筹办", "督办", "包办", "查办", "申办", "代办", "中小学",
	"财政", "部署", "当局", "男队", "女队", "好局", "军队", "学系", "体系", "好处", "到处", "之处", "难处", "用处", "长处", "短处",
	"指挥所", "深处", "各处", "此处", "住处", "出处", "相处", "判处", "惩处", "共处", "坏处", "关系", "联系", "派系", "水系", "场所", "厕所", "住所"}

// notOrgs are words jieba tags nt that name no organisation.
var notOrgs = set(strings.Fields(`
太空飞行 新兴产业 国际化 新进展 民富国强 自由贸易区 党政军 国家队 国家集训队 共产党 太空中心
党和国家 公立医院 中心医院 人民医院 大学生 研究生 国有企业 民营企业 党组织 基层党组织
委员会 联合会 管理部 农村部 社会保障部 代表团 宣讲团 编辑部 指挥部 总指挥部 俱乐部 办公室
国家机关 党政机关 卫生室 普通高校 普通高等学校 合法政府 世界政党 军乐团 科研院所
`)...)

// orgStart reports whether a word may begin an organisation name: a
// place, an organisation, a proper noun or abbreviation, a foreign name
// (西门子/nr 公司), a national or international qualifier (国际/n 红十字
// 委员会), or a local prefix (市中心医院).
func orgStart(t word) bool {
	switch t.POS {
	case "eng":
		return len(t.Term) >= 2 && len(t.Term) <= 8 // ibm/eng 公司, tcl/eng 集团
	case "ns", "nt", "nz", "j", "nrt":
		return t.han >= 2 && !notOrgStarts[t.Term] && !strings.HasSuffix(t.Term, "讯") && (!t.notPlace || orgPrefixes[t.Term])
	case "nr":
		return t.han >= 2 && t.han <= 3 && !t.notName
	}
	if team(t.Term) {
		return true // 申花队/n, 雅琪队/x
	}
	if placePrefixed(t.Term) {
		return true // 俄罗斯国家杜马/ns
	}
	switch t.POS {
	case "n", "vn":
		return (strings.HasPrefix(t.Term, "市") || strings.HasPrefix(t.Term, "县") || strings.HasPrefix(t.Term, "省")) && !t.notPlace ||
			orgPrefixes[t.Term] || ministry(t)
	}
	return t.gaz
}

// notOrgStarts are words tagged as names that only qualify what follows
// (上届冠军瑞典队: last year's champion).
var notOrgStarts = set("上届", "本届", "下届", "历届", "首届", "新一届")

// orgPrefixes are common nouns that begin national and international
// organisation names.
var orgPrefixes = set("国际", "世界", "中华", "全国", "中央", "国家", "联合国", "中共", "最高", "海关", "伊斯兰")

// orgPart reports whether a word may continue an organisation name.
func orgPart(t word) bool {
	switch t.POS {
	case "nt":
		return t.han <= 12 // 中央政治局常委/nt, 联合国开发计划署/nt
	case "m":
		return ordinal(t.Term) // 第一/m 中学, not 一位/m 农村 党支部
	case "eng":
		return len(t.Term) >= 2 && len(t.Term) <= 8 // 美国/ns ibm/eng 公司
	case "ns", "nz", "n", "vn", "b", "j", "ng", "nrt", "an":
		return t.han <= 6
	case "l":
		return t.han <= 4 && orgName(t.Term) // 交流中心/l
	case "s":
		return numberedSchool(t.Term) // 一中/s
	case "nr", "x":
		return t.han <= 4 && t.han == t.runes && !t.notName
	}
	switch t.Term {
	case "附属", "驻", "自治", "联合", "特别", "高级", "直属", "民主", "人民", "公共":
		return true
	}
	return false
}

// paperTitle reports a common noun that jieba cut from the newspaper it
// names (经济/n 日报社/nt, 法制/n 日报/n): the noun is the paper's title.
func paperTitle(tags []word, i int) bool {
	if tags[i].POS != "n" || tags[i].han != 2 || i+1 >= len(tags) || !adjacent(tags[i], tags[i+1]) {
		return false
	}
	next := tags[i+1].Term
	for _, p := range []string{"日报", "晚报", "时报", "周报"} {
		if strings.HasPrefix(next, p) {
			return true
		}
	}
	return false
}

// placePrefixed reports a word made of a listed place and an organisation
// name of two or more characters, whatever jieba's tag (俄罗斯国家杜马/ns,
// 英国议会/ns): the place's body.
func placePrefixed(w string) bool {
	if !orgName(w) || runeCount(orgSuffixSet.match(w)) < 2 || hanLen(w) != runeCount(w) {
		return false
	}
	return gazetteerPrefix(w) != ""
}

// branchAt reports a place followed by a branch (上海/ns 分行/v, 海淀/ns
// 分局/n) at tags[k], after an organisation's name.
func branchAt(tags []word, k int) bool {
	if k+1 >= len(tags) || !adjacent(tags[k], tags[k+1]) || !placeWord(tags[k]) {
		return false
	}
	b := tags[k+1].Term
	return (strings.HasPrefix(b, "分") || strings.HasPrefix(b, "支")) && runeCount(b) <= 4 && (orgSuffixSet.has(b) || strings.HasSuffix(b, "行"))
}

// ordinal reports a numeral or an ordinal (第一, 十一, 101): part of
// names of schools and hospitals (第一中学, 101中学), unlike a numeral
// with a measure word (一位).
func ordinal(w string) bool {
	w = strings.TrimPrefix(w, "第")
	if cut, ok := strings.CutSuffix(w, "届"); ok {
		w = cut // 政协/j 第十四届/m 全国委员会
	} else if cut, ok := strings.CutSuffix(w, "次"); ok {
		w = cut // 全国人大/nt 一次/m 会议 主席团
	}
	return w != "" && strings.Trim(w, "一二三四五六七八九十百零〇0123456789") == ""
}

// numberedSchool reports a school named by its number, as cities name
// their secondary and primary schools (一中, 十一中, 二小, 四十七中).
func numberedSchool(w string) bool {
	last := lastRune(w)
	return (last == '中' || last == '小') && hanLen(w) >= 2 && ordinal(strings.TrimSuffix(w, string(last)))
}

// maxOrgWords bounds an organisation name: 中国/驻/法国/斯特拉斯堡/总领事馆
// is five words, 青山/省/松林/市/杨柳/乡/农技/推广站 (a station under a
// township, a city and a province) eight; longer runs are sentences, not
// names.
const maxOrgWords = 9

// org reads the longest organisation name starting at tags[i]: contiguous
// name words ending in an organisation suffix, or a single word jieba
// tags nt that ends in one. A role glued to the end of the last word
// (中央政治局常委) is left out. It returns the mention and the number of
// words used.
func org(text string, tags []word, i int) (corpus.Mention, int, bool) {
	m, n, ok := suffixOrg(text, tags, i)
	if k, kn, kok := knownOrgAt(text, tags, i); kok && (!ok || k.Span.End > m.Span.End) {
		return k, kn, true
	}
	// A listed organisation after a place, whose first word the suffix
	// rule took for the end of a name: 中国/ns 中央/n 广播电视总台 is
	// not 中国中央.
	for j := i + 1; ok && j < i+n && placeWord(tags[j-1]); j++ {
		k, kn, kok := knownOrgAt(text, tags, j)
		if !kok || k.Span.End <= m.Span.End {
			continue
		}
		span := corpus.Span{Start: m.Span.Start, End: k.Span.End}
		name := text[span.Start:span.End]
		value := OrgCanonical(name)
		if text[span.Start:k.Span.Start] == "中国" {
			value = k.Value // China's own: the listed name says it
		}
		return corpus.Mention{Kind: corpus.KindOrg, Span: span, Value: value, Rule: "org/known"}, j - i + kn, true
	}
	return m, n, ok
}

// numberedOrg reads an organisation whose name opens with a number that
// jieba cuts in two: its dictionary holds 十国集团, so 二十国集团 (the
// G20) is cut 二/m 十国集团/nt, and the name read from the second word
// would be the G10's. A numeral word directly before a name that starts
// with a numeral belongs to it.
func numberedOrg(text string, tags []word, i int) (corpus.Mention, int, bool) {
	if tags[i].POS != "m" || !hanNumeral(tags[i].Term) || i+1 == len(tags) ||
		!adjacent(tags[i], tags[i+1]) || !hanNumeral(string(tags[i+1].first)) {
		return corpus.Mention{}, 0, false
	}
	m, n, ok := org(text, tags, i+1)
	if !ok || m.Span.Start != tags[i+1].Span.Start {
		return corpus.Mention{}, 0, false
	}
	m.Span.Start = tags[i].Span.Start
	m.Value = OrgCanonical(text[m.Span.Start:m.Span.End])
	return m, n + 1, true
}

// hanNumeral reports whether w is written in Chinese numerals only.
func hanNumeral(w string) bool {
	return w != "" && strings.Trim(w, "零〇一二两三四五六七八九十百千万") == ""
}

// suffixOrg reads the organisation name by suffix for org.
func suffixOrg(text string, tags []word, i int) (corpus.Mention, int, bool) {
	if !orgStart(tags[i]) && !paperTitle(tags, i) {
		return corpus.Mention{}, 0, false
	}
	end, endAt := -1, 0
	weak := false  // the name so far is an nt word without a suffix (中国人民解放军), which may go on (驻 香港 部队)
	bracketed := 0 // words in brackets so far: 西门子（中国）有限公司
	for k := i; k < len(tags) && k < i+maxOrgWords; k++ {
		if k > i && !adjacent(tags[k-1], tags[k]) {
			gap := text[tags[k-1].Span.End:tags[k].Span.Start]
			if !bracketGap(text, tags, k) || closing(gap) && k-1 == i {
				break // a name does not start in brackets
			}
			if opening(gap) {
				bracketed++
			}
		}
		if k > i && !orgPart(tags[k]) {
			break
		}
		if end >= 0 && end == k-1 && team(tags[end].Term) {
			break // a team has no sub-units
		}
		if end >= 0 && branchAt(tags, k) {
			end, endAt = k+1, tags[k+1].Span.End
			k++
			continue // 交通银行/nt 上海/ns 分行/v: the bank's Shanghai branch
		}
		if end >= 0 && !subUnit(tags[k]) && !(weak && (tags[k].Term == "驻" || placeWord(tags[k]) || tags[k].POS == "nt")) &&
			!(tags[end].POS == "nt" && placeWord(tags[k])) && !academicUnit(tags[end], tags[k]) {
			// 中共中央/nt 台湾/ns 工作 办公室 and 新华社/nt 北京/ns 分社 go on
			// through a place; the name ends at the last suffix.
			break // 中国女篮/nt 再负 美国队: a second name starts, not a sub-unit
		}
		if k > i && end < 0 && restarts(tags[k-1], tags[k]) {
			break // 法国/ns 足坛/n 劲旅/n 波尔多/ns 队: a description, then the name
		}
		w := tags[k].Term
		if cut := trimRole(w); cut != w && orgName(cut) {
			end, endAt = k, tags[k].Span.Start+len(cut)
			break // a role ends the name
		}
		if k > i && (hostVerbs[w] || w == "联合" && k+1 < len(tags) && placeWord(tags[k+1])) {
			break // 中国 主办 亚太经合组织: China hosts APEC
		}
		if k > i && (roleWord(w) || roleOf(w) == w && strings.HasPrefix(tags[k].POS, "n") && k+1 < len(tags) && adjacent(tags[k], tags[k+1]) &&
			(strings.HasPrefix(tags[k+1].POS, "nr") || tags[k+1].POS == "x")) {
			// 韩国/ns 总统/n 尹锡悦/x: a title and a name
			break // 青海省委/nt 原常委/n, 崔世昌/nr 常委/n: a person's title, not a unit
		}
		if k > i && runeCount(w) == 1 && tags[k-1].POS == "m" {
			break // 15/m 处: a number of places, not an office
		}
		if orgName(w) || k > i && orgSuffixSet.has(w) && !notOrgEndingSet.has(w) || k == i && team(w) {
			end, endAt, weak = k, tags[k].Span.End, false
		} else if ntName(tags[k]) && (end < 0 || weak) {
			end, endAt, weak = k, tags[k].Span.End, true
		}
	}
	if end < 0 || end-bracketed > i+1 && (strings.HasPrefix(tags[i].POS, "nr") || tags[i].POS == "x") ||
		end == i+1 && strings.HasPrefix(tags[i].POS, "nr") && !tags[i].gaz && strings.HasPrefix(tags[end].Term, "政府") {
		// 叶利钦/nr 任命 部分 政府 is a clause and 切尔诺梅尔金/nrt 政府 a
		// person's cabinet, not an organisation's name (a country's
		// government is: 塔吉克斯坦/nrt 政府).
		// A person's name starts an organisation only right before its
		// suffix (西门子/nr 公司).
		return corpus.Mention{}, 0, false
	}
	// A single word is a name only when jieba knows it as one (nt) and it
	// is not a kind (公立医院, 中心医院 are kinds, not names).
	if end == i {
		w := text[tags[i].Span.Start:endAt]
		nz := tags[i].POS == "nz" && hanLen(w) >= 3 || // 万达队/nz
			tags[i].POS == "ns" && runeCount(orgSuffixSet.match(w)) >= 2 && hanLen(w) >= 4 // 摩托罗拉公司/ns
		if tags[i].POS != "nt" && !nz && !knownOrg(w) && !ministry(tags[i]) && !team(w) && !placePrefixed(w) || notOrgs[w] || hanLen(w) < 2 {
			return corpus.Mention{}, 0, false
		}
	}
	if endAt == tags[end].Span.End && end+1 < len(tags) && adjacent(tags[end], tags[end+1]) && tags[end+1].Term == "人" {
		return corpus.Mention{}, 0, false // 中国共产党人: the party's members, not the party
	}
	span := corpus.Span{Start: tags[i].Span.Start + ordinalPrefix(tags[i]), End: endAt}
	name := text[span.Start:span.End]
	if hanLen(name) < 2 || notOrgs[name] || orgSuffixWord[name] {
		return corpus.Mention{}, 0, false
	}
	return corpus.Mention{Kind: corpus.KindOrg, Span: span, Value: OrgCanonical(name), Rule: "org/suffix"}, end - i + 1, true
}

// ntName reports a word jieba tags nt that names an organisation without
// one of the suffixes (联合国, 解放军, 中国移动, 九届全国人大): jieba's
// dictionary also tags nt disciplines (天文学), meetings (音乐会), zones and
// buildings (开发区, 北京站, 美术馆) and plain words (国际化), which their
// last character gives away.
func ntName(t word) bool {
	return t.POS == "nt" && t.han >= 3 && t.han == t.runes && !notOrgs[t.Term] &&
		!notOrgEndingSet.has(t.Term) && ntNameEndings.has(t.Term)
}

// ntNameEndings end the nt words that name an organisation without one of
// the suffixes: armies and services (解放军, 新四军, 空军航空兵), unions and
// leagues (工商联, 民主同盟), central banks and the state companies
// everyone knows by their short name. The rest of jieba's nt words
// without a suffix are fields (广播电视, 卫星通信, 国际航运), disciplines
// (天文学), meetings (音乐会) and buildings (人民大会堂).
var ntNameEndings = newSuffixSet([]string{"军", "兵", "联", "盟", "央行", "政协", "人大", "党校", "军校",
	"移动", "联通", "电信", "邮政", "民航", "国际"})

// bracketGap reports a place in brackets inside a company's name
// (西门子（中国）有限公司, 百事（中国）投资有限公司): the gap before tags[k]
// opens a bracket around a place word that the next gap closes, or closes
// one around the place word before it.
func bracketGap(text string, tags []word, k int) bool {
	gap := func(k int) string { return text[tags[k-1].Span.End:tags[k].Span.Start] }
	if opening(gap(k)) {
		return placeWord(tags[k]) && k+1 < len(tags) && closing(gap(k+1))
	}
	return closing(gap(k)) && k >= 2 && placeWord(tags[k-1]) && opening(gap(k-1))
}

func opening(s string) bool { return s == "（" || s == "(" }
func closing(s string) bool { return s == "）" || s == ")" }

// ordinalPrefix returns the bytes of a congress number jieba glues to an
// organisation (九届全国人大, 第十届全国人大): the ordinal is no part of
// the name.
func ordinalPrefix(t word) int {
	w := strings.TrimPrefix(t.Term, "第")
	k := strings.IndexRune(w, '届')
	if k <= 0 || strings.Trim(w[:k], "一二三四五六七八九十百") != "" || hanLen(w[k:]) < 3 {
		return 0
	}
	return len(t.Term) - len(w) + k + len("届")
}

// team reports a word made of a club or place name and 队 (申花队,
// 波尔多队): a team, unless what comes before 队 names a kind of team
// (国家队, 篮球队, 医疗队, 男队) rather than one.
func team(w string) bool {
	name, ok := strings.CutSuffix(w, "队")
	if !ok || hanLen(name) < 2 || hanLen(name) > 6 || hanLen(w) != runeCount(w) || notOrgEndingSet.has(w) || hasNumeral(name) {
		return false
	}
	if strings.HasSuffix(name, "球") || kindsOfTeam[name] {
		return false
	}
	for _, k := range teamKindEndings {
		if strings.HasSuffix(name, k) {
			return false
		}
	}
	return true
}

// kindsOfTeam are the words before 队 that name a kind of team, not one:
// 国家队 (the national team), 工作队 (a work team), 冠军队 (the champion).
var kindsOfTeam = set(strings.Fields(`
国家 工作 消防 施工 医疗 突击 少先 生产 游击 冠军 亚军 主场 客场 巡逻 护卫 仪仗 宣传 考察 探险 救援 搜救
科考 志愿 服务 演出 文艺 舞蹈 合唱 代表 集训 预备 后备 种子 甲级 乙级 青年 少年 国奥 联合 中国 地方 专业
职业 业余 妇女 民兵 武装 工程 勘探 地质 测绘 运输 抢险 维修 安装 打捞 护林 巡防 执法 稽查 侦察 特种 应急
警卫 表演 运动 先锋 龙舟 排长 成群结 结 列 编 组 仪 卫
`)...)

// teamKindEndings end the kinds of team: 男队 and 女队 (the men's and
// women's side of a country), 车队, 船队, 舰队, 乐队, 梯队, 军队, 部队.
var teamKindEndings = []string{"男", "女", "车", "船", "舰", "乐", "梯", "军", "部", "团", "分", "小", "大", "中", "支", "本", "该", "全", "各", "两", "强", "弱", "主", "客"}

// restarts reports whether an organisation name cannot run from word a
// into word b: a common noun before a proper name describes what follows
// (足坛/n 劲旅/n 波尔多/ns 队: the strong side of French football,
// Bordeaux), it does not begin the name.
func restarts(a, b word) bool {
	if b.POS == "nt" && a.POS == "j" && !orgPrefixes[a.Term] && !knownOrg(a.Term) {
		return true // 深化/j 国务院/nt: jieba's abbreviation tag on a verb
	}
	if orgName(b.Term) {
		return false // 农技/n 推广站/nz: the suffix, not a new name
	}
	switch b.POS {
	case "ns", "nz", "nrt":
	case "nr":
		if !hasSurname(b.Term) {
			return false // 经济/n 亚太/nr 委员会: jieba's name tag on a common word
		}
	default:
		return false
	}
	return a.POS == "n" && a.han >= 2 && !orgPrefixes[a.Term] && !orgSuffixSet.has(a.Term)
}

// The suffix lists as sets, for the tests at every word; a suffix alone
// (推广站/nz, 有限公司) names a kind of organisation, not one.
var (
	orgSuffixWord    = set(orgSuffixes...)
	orgSuffixSet     = newSuffixSet(orgSuffixes)
	notOrgEndingSet  = newSuffixSet(notOrgEndings)
	ministrySuffixes = newSuffixSet([]string{"部", "局", "署", "厅", "委员会"})
)

// ministry reports a common noun of three or more characters ending in
// a government department suffix (水利部/n, 海关总署/n): jieba knows many
// ministries but does not tag them nt.
func ministry(t word) bool {
	return t.POS == "n" && t.han >= 3 && ministrySuffixes.has(t.Term) && !notOrgEndingSet.has(t.Term)
}

// subUnit reports whether a word after a complete organisation name may
// continue it as a sub-unit (北京大学/nt 医学部/n, 市委/n 办公室/n).
func subUnit(t word) bool {
	if t.Term == "附属" || t.Term == "直属" {
		return true // 医科大学附属医院
	}
	if orgName(t.Term) && t.han == t.runes {
		switch {
		case t.han <= 3 && strings.ContainsRune("部局厅处司室办科", t.last):
			return true // 省委/nt 宣传部/nr, 联邦政府/nt 财政部/nt: a department, whatever its tag
		case strings.HasPrefix(t.Term, "分") || strings.HasPrefix(t.Term, "支"):
			return true // 中国银行/nt 分行/nt
		case t.POS == "ns" || t.POS == "j":
			return t.han <= 3 // 中央/n 工艺/n 美院/ns
		case t.POS == "nt" && strings.HasSuffix(t.Term, "委员会") && !knownOrg(t.Term):
			return true // 全国人大/nt 财政经济委员会/nt
		}
	}
	switch t.POS {
	case "n", "vn", "ng", "b", "m":
		return true
	}
	return false
}

// academicUnit reports whether t, after the university or academy u that
// ends a name so far, names one of its units: faculties, schools,
// institutes, presses and associations (复旦大学/nt 中文系/nt, 武汉大学/nt
// 法学院/nt, 东京大学/nt 中国 留学生 联谊会/nt) are the university's, not
// a second name. Another university is a second name.
func academicUnit(u, t word) bool {
	return (strings.HasSuffix(u.Term, "大学") || strings.HasSuffix(u.Term, "学院")) && // 科学院 ends in 学院
		t.han == t.runes && !notOrgs[t.Term] && !notOrgEndingSet.has(t.Term) && academicUnitEndings.has(t.Term)
}

// academicUnitEndings end the names of a university's units; a
// government (天津市/ns 人民政府/nt) or a party after a university is a
// second name.
var academicUnitEndings = newSuffixSet([]string{"系", "学院", "研究所", "研究院", "中心", "出版社", "图书馆",
	"医院", "实验室", "联谊会", "校友会", "学生会", "研究会", "附中", "附小"})

// orgName reports whether a word, by its ending, can end an organisation
// name.
func orgName(w string) bool {
	return orgSuffixSet.has(w) && !notOrgEndingSet.has(w) && !notOrgs[w] || numberedSchool(w)
}

// orgRoles are titles jieba glues to an organisation (中央政治局常委).
var orgRoles = []string{"常委", "委员", "主任", "书记", "主席", "部长", "局长", "院长"}

// hostVerbs hold events, and with the verbs of meetings and matches that
// jieba tags as nouns (战胜/n, 会见/n) they end a name: 湖北队 战胜 贵州队
// is two teams.
var hostVerbs = set("主办", "承办", "协办", "举办", "联办", "合办", "指导", "支持", "发起", "组织", "牵头",
	"战胜", "击败", "负于", "会见", "会晤", "改革", "访问", "出席", "经", "会同", "援引")

// roleWord reports a word that is only a title, with 原, 前 or 副 before it.
func roleWord(w string) bool {
	w = strings.TrimLeft(w, "原前副")
	for _, r := range orgRoles {
		if w == r {
			return true
		}
	}
	return false
}

func trimRole(w string) string {
	for _, r := range orgRoles {
		if cut, ok := strings.CutSuffix(w, r); ok && hanLen(cut) >= 2 {
			return cut
		}
	}
	if r := roleOf(w); r != "" && r != w {
		if cut := strings.TrimSuffix(w, r); hanLen(cut) >= 2 && orgName(cut) {
			return cut // 事务所律师/n, 电视台记者/n
		}
	}
	return w
}

// knownOrg reports names whose canonical form is listed.
func knownOrg(w string) bool {
	_, ok := orgAliases[w]
	return ok
}

// orgAliases maps short and informal names of national organisations to
// the canonical name, as initiatives have theirs: one row per
// organisation in entities.parquet however it is written. The canonical
// name is the full name the organisation itself uses.
var orgAliases = map[string]string{
	"中央政治局":      "中共中央政治局",
	"中央政治局常委会":   "中共中央政治局常务委员会",
	"中共中央政治局常委会": "中共中央政治局常务委员会",
	"中央书记处":      "中共中央书记处",
	"中央纪委":       "中共中央纪律检查委员会",
	"中纪委":        "中共中央纪律检查委员会",
	"中央纪律检查委员会":  "中共中央纪律检查委员会",
	"中共中央纪委":     "中共中央纪律检查委员会",
	"中央办公厅":      "中共中央办公厅",
	"中办":         "中共中央办公厅",
	"国办":         "国务院办公厅",
	"中央军委":       "中央军事委员会",
	"全国人大":       "全国人民代表大会",
	"全国人大常委会":    "全国人民代表大会常务委员会",
	"全国政协":       "中国人民政治协商会议全国委员会",
	"国新办":        "国务院新闻办公室",
	"国务院新闻办":     "国务院新闻办公室",
	"央行":         "中国人民银行",
	"人民银行":       "中国人民银行",
	"人行":         "中国人民银行",
	"市场监管总局":     "国家市场监督管理总局",
	"国家市场监管总局":   "国家市场监督管理总局",
	"国家药监局":      "国家药品监督管理局",
	"国家发改委":      "国家发展和改革委员会",
	"国家卫健委":      "国家卫生健康委员会",
	"国家卫生健康委":    "国家卫生健康委员会",
	"国资委":        "国务院国有资产监督管理委员会",
	"国务院国资委":     "国务院国有资产监督管理委员会",
	"证监会":        "中国证券监督管理委员会",
	"中国证监会":      "中国证券监督管理委员会",
	"最高法":        "最高人民法院",
	"最高检":        "最高人民检察院",
	"中科院":        "中国科学院",
	"中国科协":       "中国科学技术协会",
	"中国足协":       "中国足球协会",
	"全国总工会":      "中华全国总工会",
	"全国妇联":       "中华全国妇女联合会",
	"共青团中央":      "中国共产主义青年团中央委员会",
	"团中央":        "中国共产主义青年团中央委员会",
	"新华社":        "新华通讯社",
	"中央广播电视总台":   "中央广播电视总台",
	"总台":         "中央广播电视总台",
	"越共中央":       "越南共产党中央委员会",
	"世贸组织":       "世界贸易组织",
	"世卫组织":       "世界卫生组织",
	"联合国安理会":     "联合国安全理事会",
	"安理会":        "联合国安全理事会",
	"北约":         "北大西洋公约组织",
	"欧盟委员会":      "欧洲联盟委员会",
	"东盟":         "东南亚国家联盟",
	"上合组织":       "上海合作组织",
	"国际奥委会":      "国际奥林匹克委员会",
	"美联储":        "美国联邦储备委员会",
	"欧佩克":        "石油输出国组织",
	"国家统计局":      "国家统计局",
	"中共中央政治局":    "中共中央政治局",
	"国务院办公厅":     "国务院办公厅",
	"中共中央办公厅":    "中共中央办公厅",
	"国务院新闻办公室":   "国务院新闻办公室",
	"中国人民银行":     "中国人民银行",
	"联合国":        "联合国",
	"联大":         "联合国大会",
	"联合国大会":      "联合国大会",
	"哈马斯":        "伊斯兰抵抗运动",
	"伊斯兰抵抗运动":    "伊斯兰抵抗运动",
	"真主党":        "真主党",
	"塔利班":        "塔利班",
	"胡塞武装":       "胡塞武装",
}

// nationalOrgs are full names of national bodies that jieba cuts at a
// conjunction or between two nouns (农业/n 农村部/n, 人力资源/n 和/c
// 社会保障部/n), so the word rules miss or truncate them.
var nationalOrgs = strings.Fields(`
农业农村部 人力资源和社会保障部 住房和城乡建设部 文化和旅游部 工业和信息化部 自然资源部 生态环境部
应急管理部 退役军人事务部 国家发展和改革委员会 国家卫生健康委员会 国务院国有资产监督管理委员会
国家市场监督管理总局 国家金融监督管理总局 国家医疗保障局 国家药品监督管理局 国家知识产权局
国家广播电视总局 国家体育总局 国家统计局 国家国防科技工业局 国家乡村振兴局 国家疾病预防控制局
中国人民政治协商会议全国委员会 全国人民代表大会常务委员会 中共中央纪律检查委员会 国家监察委员会
中国证券监督管理委员会 中央军事委员会 新疆生产建设兵团 中国人民解放军 中国人民武装警察部队
`)

// knownOrgs indexes nationalOrgs and the alias table (both sides) by
// their first two runes, longest first: knownOrgAt runs at every word.
var knownOrgs = func() map[string][]string {
	seen := map[string]bool{}
	m := map[string][]string{}
	add := func(n string) {
		if !seen[n] {
			seen[n] = true
			m[prefixKey(n)] = append(m[prefixKey(n)], n)
		}
	}
	for _, n := range nationalOrgs {
		add(n)
	}
	for k, v := range orgAliases {
		add(k)
		add(v)
	}
	for _, ns := range m {
		sort.Slice(ns, func(i, j int) bool { return len(ns[i]) > len(ns[j]) || len(ns[i]) == len(ns[j]) && ns[i] < ns[j] })
	}
	return m
}()

// knownOrgFirst holds the first characters of knownOrgs' names.
var knownOrgFirst = firstRunes(knownOrgs)

// prefixKey returns the first two runes of s (all of s when shorter).
func prefixKey(s string) string {
	i := 0
	for k := 0; k < 2 && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// knownOrgAt reads a listed organisation name that starts at tags[i] and
// ends where a word ends. It returns the mention and the words used.
func knownOrgAt(text string, tags []word, i int) (corpus.Mention, int, bool) {
	start := tags[i].Span.Start
	rest := text[start:]
	if !knownOrgFirst.Has(firstRune(rest)) {
		return corpus.Mention{}, 0, false // most words
	}
	for _, n := range knownOrgs[prefixKey(rest)] {
		if !strings.HasPrefix(rest, n) {
			continue
		}
		end := start + len(n)
		for k := i; k < len(tags) && tags[k].Span.Start < end; k++ {
			if tags[k].Span.End == end {
				span := corpus.Span{Start: start, End: end}
				return corpus.Mention{Kind: corpus.KindOrg, Span: span, Value: OrgCanonical(n), Rule: "org/known"}, k - i + 1, true
			}
		}
	}
	return corpus.Mention{}, 0, false
}

// OrgCanonical returns the canonical name of an organisation: white space
// removed, short or informal names of the listed national organisations
// replaced by their full name (中央政治局 → 中共中央政治局, 央行 →
// 中国人民银行), and a country written with one character before a
// government body written out (俄国防部 → 俄罗斯国防部, 美国务院 →
// 美国国务院). Other names are returned as written.
func OrgCanonical(name string) string {
	name = strings.Join(strings.Fields(name), "")
	if c, ok := orgAliases[name]; ok {
		return c
	}
	if a, n := utf8.DecodeRuneInString(name); abbrevCountries[a] != "" && governmentBodies[name[n:]] {
		return abbrevCountries[a] + name[n:]
	}
	if rest, ok := strings.CutPrefix(name, "中国"); ok {
		if c, ok := orgAliases[rest]; ok && !strings.HasPrefix(rest, "中") {
			return c // 中国全国人大 (China's National People's Congress) is 全国人大
		}
	}
	return name
}

// abbrevCountries are the countries of countryAbbrevs that the news
// writes with one character before a government body (俄外交部), with
// their names: only the characters that stand for one country (巴 is
// Pakistan, Palestine or Brazil; 伊 Iran or Iraq; 印 India or Indonesia:
// they are left as written).
var abbrevCountries = map[rune]string{
	'俄': "俄罗斯", '美': "美国", '英': "英国", '法': "法国", '德': "德国", '日': "日本",
	'韩': "韩国", '朝': "朝鲜", '以': "以色列", '乌': "乌克兰", '叙': "叙利亚", '意': "意大利",
	'土': "土耳其", '埃': "埃及", '越': "越南", '菲': "菲律宾", '泰': "泰国", '加': "加拿大",
}

// governmentBodies are the bodies of a national government that
// abbrevCountries expand before.
var governmentBodies = set("政府", "国防部", "外交部", "国务院", "财政部", "商务部", "总统府", "议会",
	"海军", "陆军", "空军", "军方", "国防军", "央行", "总参谋部", "联邦安全局", "内阁", "国会")
