package entity

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline/runeset"
)

// roles are titles written before a person's name (市委书记钱运坤,
// 院长何建国) or after it (习近平总书记); the role goes into the mention's
// Noun.
var roles = []string{
	"党委书记", "市委书记", "县委书记", "总书记", "副书记", "书记", "副院长", "院长", "副主任", "主任",
	"主任医师", "主治医师", "医师", "医生", "护士长", "记者", "通讯员", "教授", "局长", "部长", "厅长",
	"市长", "县长", "区长", "镇长", "主席", "副主席", "总理", "副总理", "科长", "处长", "队长", "站长",
	"校长", "总统", "副总统", "首相", "外长", "大使", "秘书长", "委员长", "国务委员", "总干事",
	"董事长", "理事长", "总经理", "经理", "负责人", "博士", "先生", "女士", "同志", "教练", "主教练",
	"议长", "国王", "亲王", "王储", "省长", "州长", "参赞", "领事", "特使", "代表",
	"外相", "藏相", "大臣", "社长", "会长", "总裁", "行长", "主帅", "知事", "议员", "参议员", "众议员",
	"将军", "司令", "司令员", "政委", "发言人", "主编", "总编辑", "作家", "诗人", "画家", "演员", "导演",
	"歌手", "运动员", "选手", "队员", "球员", "棋手", "老师", "厂长", "村长", "支书", "党支书", "工程师",
	"研究员", "院士", "律师", "法官", "民警", "教练员", "领队", "团长", "组长", "馆长", "所长", "行长",
	"夫人", "小姐", "大使衔", "首席代表", "总监", "主任委员", "审判长", "检察长", "庭长", "参谋长", "师傅",
}

// bylineRoles are written before a name only: 日讯记者汪大昭 puts 记者
// after the dateline, not after a name.
var bylineRoles = set("记者", "通讯员")

// surnames are the common family names; a word tagged nr or unknown (x)
// without a role or speech verb is taken as a person only when it starts
// with one (jieba tags 幸福感 and 戈谢病 nr too).
//
// Surnames that also begin many ordinary words and place names (高水平,
// 白皮书, 龙卷风, 石家庄, 黎巴嫩, 乌克兰, 段时间 on the news corpus) are left
// out: such names are found only with a role or a speech verb.
const surnames = coreSurnames + moreSurnames

// coreSurnames start two-character names too (王毅, 雷锋); moreSurnames
// only three-character ones: 马方 (the Malaysian side), 文旅 (culture and
// tourism), 金山 (a place) are words.
const (
	coreSurnames = "王李张刘陈杨赵吴周徐孙朱胡郭何罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚姜崔钟谭陆汪范廖贾夏韦付邹孟熊秦邱尹薛闫雷侯陶贺顾毛郝龚邵钱覃戴莫孔汤习"
	moreSurnames = "倪艾殷申宣翟庞黎滕阮严薄邢蒲逯芦岳娄樊柴史施林马文金"
)

// rareSurnames are family names that begin too many words to be taken
// alone (黄河, 万元, 高度, 林业, 马上) but mark a name right after a role
// (主席/n 万钢/x, 代表/n 傅聪/x).
const rareSurnames = "黄高林马万苗靳傅卢祝白石龙伍易乔温向欧聂关包牛鲁葛段武康齐柳宁车颜房纪舒屈项俞景凌"

// oneInName reports a three-character name whose only numeral is 一
// (赵一德, 陈一新): 一 is a common given-name character, other numerals
// make congresses and plans (二十大, 十四五).
func oneInName(w string) bool {
	return runeCount(w) == 3 && hasSurname(w) && !strings.ContainsAny(w, "二三四五六七八九十百千")
}

// compoundSurnames are two-character family names (欧阳修, 司马光).
var compoundSurnames = []string{"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "尉迟", "长孙", "慕容"}

// compoundFirst holds their first characters: hasSurname runs at most words.
var compoundFirst = func() *runeset.Set {
	m := new(runeset.Set)
	for _, c := range compoundSurnames {
		m.Add(firstRune(c))
	}
	return m
}()

// notNameEndings end words jieba may tag nr that name things, not people.
const notNameEndings = "科院部区病感型周册所局处队站室组会见书风庄堡性率生员们家者界乡镇村县岛"

// notNameStarts begin words that follow a role but are no names (主席此访,
// 书记本人).
const notNameStarts = "此该其这那本各每"

// taggedNames are names of persons that jieba's dictionary holds under
// another tag (普京/ns), so that no rule for names sees them: read as
// persons wherever they stand, as the gazetteer's places are. Keep it to
// names that mean no one else.
var taggedNames = set("普京")

// notNames are words jieba tags nr, nrt or x that are common words: verbs
// and adjectives (明白, 令人), people by kind (青少年, 保姆, 师生).
var notNames = set(strings.Fields(`
夏收 贺词 明白 王道 日讯 令人 保姆 青少年 师生 同胞 老乡 伯伯 顾问 亚军 冠军 东道主 卫冕 公正 友谊 文明 智慧 阳光
蓝天 蓝图 祝福 荣幸 爱戴 道谢 通达 光辉 高潮 高达 高扬 凌云 明珠 红梅 玉兰 金达莱 吉祥物
望远镜 卫星 宇航 弘扬 封锁 洪水 梅花 周年 周边 周末 周期 王国 王牌 王者 张力 李子 陈列 陈述
宋体 唐装 高度 高端 高峰 高效 高考 高校 高铁 万岁 于是 江山 江河 石油 金融 金牌 金额 余额
吕剧 胡同 胡须 苏醒 魏碑 钟表 钟声 彭湃 罗盘 罗列 曹操 潘多拉 谢谢 谢幕 许多 许可 何时 何况
何等 何必 孙子 郑重 包括 程序 程度 康复 康乐 安康 丁香 毛病 毛巾 邵阳 龚滩 叶片
林火 林田湖 管党 黎以 海马斯 王储 欧佩克 夏粮 贺信 贺电 雷达 陆军 宣言 科普 崇高 育人 祥和 施策 哈马斯 胡塞 真主党 塔利班 拉赫 卡桑 杰哈德 派别 多达 王宫 崇高威望 任命 任期 任职 特战 运维 残奥 冬奥
`)...)

// speechVerbs after a name show it is a person (刘女士说, 张三表示).
var speechVerbs = set("说", "表示", "介绍", "指出", "强调", "认为", "告诉", "坦言", "说道", "称", "介绍说", "表示祝贺")

// translit holds the characters transliterated foreign names are written
// with (阿拉法特, 内塔尼亚胡, 别列佐夫斯基): a run of words made only of them
// is a foreign name even when jieba cuts it into pieces.
const translit = "龙娃济古捷申别佐延夫坚南冯皮阿埃艾安昂奥澳巴拜班邦鲍贝本比彼毕边宾波伯勃博布采查达戴丹道德登迪蒂丁东杜敦多厄恩尔" +
	"法菲费芬丰弗伏福富盖甘冈高戈格根贡古瓜圭哈海汉豪赫黑亨洪胡华霍吉基加贾杰金卡凯坎康考柯科克肯" +
	"库夸奎昆拉莱赖兰郎朗劳勒雷蕾里利莉列林琳隆卢鲁路伦罗洛马玛迈麦曼梅美门蒙米密明莫默姆穆纳娜" +
	"奈内尼涅宁纽努诺欧帕潘庞佩彭皮珀普齐奇恰乔切钦丘屈萨塞赛桑瑟森沙莎舍什施史斯松苏索塔泰坦汤" +
	"特提廷通图托瓦万旺威韦维温沃乌武西希锡谢辛休叙雅亚扬耶伊因英尤于约泽扎詹佐兹"

// translitRunes, surnameRunes and coreSurnameRunes are translit, surnames
// and coreSurnames as sets: the rules test them at every word.
var translitRunes, surnameRunes, coreSurnameRunes = runeset.Of(translit), runeset.Of(surnames), runeset.Of(coreSurnames)

func isTranslit(w string) bool { return w != "" && allIn(w, translitRunes) }

// gluedAfterName are characters jieba's unknown words carry after a
// name: a photo credit (摄), a conjunction or a verb.
const gluedAfterName = "摄及等说于在和与称将是也以作到因愿"

// gluedBeforeName are prepositions and conjunctions jieba's unknown words
// carry before a name (同王毅/x, 与李强/x).
const gluedBeforeName = "同与和向对给被将把从让跟"

// countryAbbrevs are the one-character names of countries that news
// strings together (美英法德, 美以, 中俄): such a run is no foreign name.
const countryAbbrevs = "中美英法德俄日韩朝以巴伊叙印越澳加意西葡荷比瑞挪丹芬希土埃沙乌欧非"

func countryRun(w string) bool {
	for _, r := range w {
		if !strings.ContainsRune(countryAbbrevs, r) {
			return false
		}
	}
	return w != ""
}

// mostlyTranslit reports an unknown, transliterated or name-tagged word
// of two or more characters most of which are transliteration characters
// (谢年科/x after 阿克/nrt, 连斯基/nr after 泽/nr): jieba's piece of a
// foreign name.
func mostlyTranslit(t word) bool {
	if t.POS != "x" && t.POS != "nrt" && t.POS != "nr" { // 泽/nr 连斯基/nr
		return false
	}
	n, k := 0, 0
	for _, r := range t.Term {
		n++
		if translitRunes.Has(r) {
			k++
		}
	}
	return n >= 2 && 3*k >= 2*n && !strings.ContainsRune(gluedAfterName, t.last)
}

// halfTranslit reports a word at least half of whose characters are
// transliteration characters: jieba tags some common words nrt (崇高威望).
func halfTranslit(w string) bool {
	n, k := 0, 0
	for _, r := range w {
		n++
		if translitRunes.Has(r) {
			k++
		}
	}
	return 2*k >= n
}

// nameDots join the parts of a foreign name (冯·皮勒, 海因里希·冯·皮勒).
const nameDots = "·•‧・"

// dottedPerson reads a foreign name written with a middle dot whose
// first dot follows tags[i] or a transliterated run starting there
// (海因里希·冯·皮勒, 吉恩·赛尔南): the words between dots whatever their tags,
// and transliterated words before the first dot and after the last. A
// hyphen joins parts too (迪亚斯-卡内尔) when every part is transliterated
// and a role or a speech verb stands beside the name. It returns the
// mention and the words used.
func dottedPerson(text string, tags []word, i int) (corpus.Mention, int, bool) {
	if !tags[i].translit && !(i+1 < len(tags) && dotBetween(text, tags[i], tags[i+1])) {
		return corpus.Mention{}, 0, false // the common case: no dot follows, no run starts here
	}
	if i > 0 && adjacent(tags[i-1], tags[i]) && tags[i-1].translit && tags[i].translit {
		return corpus.Mention{}, 0, false // not the start of the run
	}
	k := i // last word before the first dot
	for k+1 < len(tags) && adjacent(tags[k], tags[k+1]) && tags[k].translit && tags[k+1].translit {
		k++
	}
	if k > i && !tags[i].translit || tags[i].han != tags[i].runes {
		return corpus.Mention{}, 0, false
	}
	seps, hyphens, end := 0, 0, k // dots and hyphens after the first part
	for end+1 < len(tags) && tags[end+1].han == tags[end+1].runes {
		ok, hyphen := separatorBetween(text, tags[end], tags[end+1])
		if !ok {
			break
		}
		if hyphen {
			hyphens++
		}
		seps++
		end++
		// The part after a dot: its first word, then transliterated words.
		for end+1 < len(tags) && adjacent(tags[end], tags[end+1]) && tags[end+1].translit && !speechVerbs[tags[end+1].Term] {
			end++
		}
	}
	for k := i; k <= end; k++ {
		// A first part jieba tags as a place, not a listed one, is one
		// before a transliterated part (西摩/ns·赫什/nrt); 中国·唐 is a
		// title, 爱达·花城号 a ship.
		placePart := k == i && tags[k].POS == "ns" && !tags[k].gaz && tags[k].runes >= 2 &&
			k+1 <= end && (tags[k+1].POS == "nrt" || tags[k+1].translit && tags[k+1].runes >= 2)
		if !tags[k].translit && !strings.HasPrefix(tags[k].POS, "nr") && tags[k].POS != "x" && !placePart {
			return corpus.Mention{}, 0, false // 婚姻·家庭: a pair of words, not a name
		}
	}
	if seps == 0 || runeCount(text[tags[i].Span.Start:tags[end].Span.End]) > 16 {
		return corpus.Mention{}, 0, false
	}
	span := corpus.Span{Start: tags[i].Span.Start, End: tags[end].Span.End}
	if hyphens > 0 && (!translitParts(text[span.Start:span.End]) || !namedByContext(tags, i, end)) {
		// 沙特-伊朗 and 达沃-萨马尔岛 are pairs of places; a hyphenated
		// name needs a role or a speech verb beside it.
		return corpus.Mention{}, 0, false
	}
	return corpus.Mention{Kind: corpus.KindPerson, Span: span, Value: text[span.Start:span.End], Rule: "person/dotted"}, end - i + 1, true
}

// nameHyphens join the parts of some foreign names (迪亚斯-卡内尔) and
// much else (中-美, 京-沪): a name with one is transliterated throughout.
const nameHyphens = "-－‐"

// separatorBetween reports whether exactly one name dot or hyphen
// separates words a and b, and whether it is a hyphen.
func separatorBetween(text string, a, b word) (ok, hyphen bool) {
	if dotBetween(text, a, b) {
		return true, false
	}
	gap := text[a.Span.End:b.Span.Start]
	ok = utf8.RuneCountInString(gap) == 1 && strings.Contains(nameHyphens, gap)
	return ok, ok
}

// roleNameRest extends a name read after a role, m at tags[i], by the
// word after it when jieba cut the name in two: an unknown word of two
// characters after one when the role is Japan's (日本首相 高市/x 早苗/x,
// a Japanese name of four; after 院长, 杨晶/x 领建/x is a name and a
// verb), or one transliterated character that continues a
// transliteration (总理 欧尔/ns 班/n).
func roleNameRest(text string, tags []word, i int, m corpus.Mention) (corpus.Mention, int, bool) {
	if i+1 == len(tags) || !adjacent(tags[i], tags[i+1]) {
		return m, 1, true
	}
	t, next := tags[i], tags[i+1]
	x2 := func(w word) bool { return w.POS == "x" && w.han == 2 && w.runes == 2 }
	japanese := i > 0 && (strings.HasPrefix(tags[i-1].Term, "日本") || i > 1 && adjacent(tags[i-2], tags[i-1]) && tags[i-2].Term == "日本")
	if japanese && x2(t) && x2(next) && !next.notName ||
		t.translit && next.runes == 1 && next.translit && !speechVerbs[next.Term] && !functionWord(next.POS) {
		m.Span.End = next.Span.End
		m.Value = text[m.Span.Start:m.Span.End]
		return m, 2, true
	}
	return m, 1, true
}

// namedByContext reports whether the words tags[i..end] have a role
// right before them, or a role or a speech verb right after.
func namedByContext(tags []word, i, end int) bool {
	if i > 0 && adjacent(tags[i-1], tags[i]) && roleBefore(tags[i-1].Term) != "" {
		return true
	}
	if end+1 < len(tags) && adjacent(tags[end], tags[end+1]) {
		next := tags[end+1].Term
		return speechVerbs[next] || roleOf(next) != ""
	}
	return false
}

// translitParts reports whether every part of a name between its dots
// and hyphens is transliterated, at least two characters long and no
// listed place (沙特-伊朗 is a pair of countries).
func translitParts(name string) bool {
	for _, p := range strings.FieldsFunc(name, func(r rune) bool { return strings.ContainsRune(nameDots+nameHyphens, r) }) {
		if runeCount(p) < 2 || !isTranslit(p) || gazetteer[p] {
			return false
		}
	}
	return true
}

// dotBetween reports whether exactly one name dot separates words a and b.
func dotBetween(text string, a, b word) bool {
	gap := text[a.Span.End:b.Span.Start]
	return utf8.RuneCountInString(gap) == 1 && strings.Contains(nameDots, gap)
}

// person reads a person's name at tags[i]. Chinese names: a word tagged
// as a name (nr*) or an unknown word (x) of two to four Han characters,
// taken when it starts with a common surname, or when a role or a speech
// verb stands beside it. Foreign names: words tagged nrt (transliterated
// names) and runs of transliteration characters that jieba cut apart
// (阿克/nrt 谢年科/x). It returns the mention and the words used.
func person(text string, tags []word, i int) (corpus.Mention, int, bool) {
	t := tags[i]
	n := t.han
	if n != t.runes || t.notName || t.gaz {
		return corpus.Mention{}, 0, false
	}
	if m, k, ok := japaneseName(text, tags, i); ok {
		return m, k, true
	}
	if t.taggedName {
		return corpus.Mention{Kind: corpus.KindPerson, Span: t.Span, Value: t.Term, Rule: "person/listed"}, 1, true
	}
	if n == 1 {
		if m, k, ok := splitName(text, tags, i); ok {
			return m, k, true
		}
		if m, k, ok := translitRun(text, tags, i); ok {
			return m, k, true // 古/a 特雷斯/nr, 佩/zg 斯科夫/nr
		}
		return aloneName(text, tags, i)
	}
	if !strings.HasPrefix(t.POS, "nr") && t.POS != "x" && !t.translit {
		return roleName(text, tags, i) // the common case: no name tag, no foreign name
	}
	if t.translit && foreignThing(tags, i) {
		return corpus.Mention{}, 0, false // 四亿/m 图格里克 (a currency), 阿尔卡特/nrt 杯 (a sponsor's cup)
	}
	if followedBySuffix(tags, i) && !t.translit {
		return corpus.Mention{}, 0, false // 杨柳/nr 乡/n: a township
	}
	if t.translit && translitPlace(t.Term) {
		return corpus.Mention{}, 0, false // 库尔斯克, 波克罗夫斯克: Russian and Ukrainian towns
	}
	if hasNumeral(t.Term) && !oneInName(t.Term) || strings.HasSuffix(t.Term, "人") && placeLike(strings.TrimSuffix(t.Term, "人")) {
		return corpus.Mention{}, 0, false // 二十大 (the 20th congress), 巴勒斯坦人 (Palestinians)
	}
	// The role is written before the name (院长何建国) or after it
	// (习近平总书记, 王毅外长).
	role := ""
	if i > 0 && adjacent(tags[i-1], t) {
		role = roleBefore(tags[i-1].Term)
	}
	if role == "" && i+1 < len(tags) && adjacent(t, tags[i+1]) && !placeLike(t.Term) {
		if r := roleOf(tags[i+1].Term); !bylineRoles[r] {
			role = r
		}
	}
	speaks := i+1 < len(tags) && adjacent(t, tags[i+1]) && speechVerbs[tags[i+1].Term]
	first, last := t.first, t.last

	if strings.ContainsRune(notNameStarts, first) {
		return corpus.Mention{}, 0, false
	}
	surname := hasSurname(t.Term)
	mention := func(span corpus.Span, rule string) (corpus.Mention, int, bool) {
		return corpus.Mention{Kind: corpus.KindPerson, Span: span, Value: text[span.Start:span.End], Noun: role, Rule: rule}, 1, true
	}
	if m, n, ok := translitRun(text, tags, i); ok {
		return m, n, true
	}
	if strings.ContainsRune(gluedBeforeName, first) && t.POS == "x" && n >= 3 && n <= 4 {
		// A preposition glued before the name: 同王毅/x 主任 (with
		// director Wang Yi), 与李强/x.
		if rest := t.Term[len(string(first)):]; hasSurname(rest) && !notNames[rest] {
			span := corpus.Span{Start: t.Span.Start + len(string(first)), End: t.Span.End}
			return corpus.Mention{Kind: corpus.KindPerson, Span: span, Value: rest, Noun: role, Rule: "person/x"}, 1, true
		}
	}
	if strings.ContainsRune(gluedAfterName, last) && t.POS == "x" && n >= 3 && n <= 5 {
		// A credit, a list or a verb glued to the name: 杨振武摄 (photo
		// by), 郑梦九及, 张平说, 穆萨于.
		if rest := strings.TrimSuffix(t.Term, string(last)); hasSurname(rest) || isTranslit(rest) ||
			role != "" && runeCount(rest) == 2 && strings.ContainsRune(rareSurnames, first) {
			return mention(corpus.Span{Start: t.Span.Start, End: t.Span.End - utf8.RuneLen(last)}, "person/x")
		}
	}
	if n == 2 && t.POS == "x" && strings.ContainsRune(notGivenNames, last) {
		return corpus.Mention{}, 0, false // 韩时, 钱为, 余人: a surname-like character and a function word
	}
	if m, n, ok := aloneName(text, tags, i); ok {
		return m, n, true
	}
	if strings.ContainsRune(notNameEndings, last) && t.POS != "nrt" && !(t.translit && n >= 3) {
		return corpus.Mention{}, 0, false
	}
	switch {
	case t.POS == "x" && n == 2 && surname && i+1 < len(tags) && adjacent(t, tags[i+1]) && givenChar(tags[i+1]):
		// A three-character name jieba cut after two: 王成/x 喜/v.
		m, _, ok := mention(corpus.Span{Start: t.Span.Start, End: tags[i+1].Span.End}, "person/x")
		return m, 2, ok
	case strings.HasPrefix(t.POS, "nr") && n <= 4 && (role != "" || speaks) && (n > 2 || surname || t.translit || strings.ContainsRune(rareSurnames, first)):
		return mention(t.Span, "person/nr+context")
	case t.POS == "nrfg" && n <= 4 && (n > 2 || surname):
		return mention(t.Span, "person/nrfg")
	case t.POS == "nrt" && n <= 8 && (n > 2 && halfTranslit(t.Term) || t.translit) && !placeLike(t.Term) && !followedBySuffix(tags, i) && !diseaseAfter(tags, i):
		return mention(t.Span, "person/nrt")
	case t.POS == "nr" && n == 3 && surname:
		return mention(t.Span, "person/nr")
	case t.POS == "nr" && n == 2 && surname && !strings.ContainsRune(notGivenNames, last):
		return mention(t.Span, "person/nr")
	case t.POS == "nr" && n >= 3 && t.translit && !placeLike(t.Term) && !followedBySuffix(tags, i) && !countryRun(t.Term):
		return mention(t.Span, "person/nr-translit") // 曼德拉, 佩尔森
	case t.POS == "ns" && n <= 3 && i > 0 && adjacent(tags[i-1], t) && roleBefore(tags[i-1].Term) != "" && !bylineRoles[roleOf(tags[i-1].Term)]:
		m, _, _ := mention(t.Span, "person/role")
		return roleNameRest(text, tags, i, m) // 前总统里根: a place tag after a role
	case t.POS == "x" && n <= 3 && role != "" && (n == 3 || surname || t.translit || strings.ContainsRune(rareSurnames, first)):
		m, _, _ := mention(t.Span, "person/role")
		return roleNameRest(text, tags, i, m) // not 民警/n 辅警/x (auxiliary police)
	case t.POS == "x" && n <= 3 && speaks:
		return mention(t.Span, "person/speech")
	case t.POS == "x" && n >= 4 && n <= 8 && t.translit && (role != "" || speaks) && !placeLike(t.Term) && !translitPlace(t.Term):
		return mention(t.Span, "person/translit") // 总统 佩泽希齐扬/x: a foreign name jieba did not cut
	case t.POS == "x" && n <= 3 && surname:
		return mention(t.Span, "person/x")
	}
	return corpus.Mention{}, 0, false
}

// roleName reads a Chinese name jieba tagged as a common word, a
// numeral or a place (代总理/n 金钟泌/n, 记者/n 许立群/m): two or three
// characters starting with a surname, right after a role and before a
// break, a function word or a verb.
func roleName(text string, tags []word, i int) (corpus.Mention, int, bool) {
	t := tags[i]
	switch t.POS {
	case "n", "nz", "m", "j", "ns", "ng", "t":
	default:
		return corpus.Mention{}, 0, false
	}
	if n := len(t.Term); n < 6 || n > 9 { // two or three Han characters, tested cheaply first
		return corpus.Mention{}, 0, false
	}
	if !hasSurname(t.Term) && !(t.han == 2 && strings.ContainsRune(rareSurnames, t.first)) || t.han > 3 || t.notName || placeLike(t.Term) ||
		hasNumeral(t.Term[len(string(t.first)):]) || strings.ContainsRune(notNameEndings, t.last) {
		return corpus.Mention{}, 0, false
	}
	role := ""
	if i > 0 && adjacent(tags[i-1], t) {
		role = roleBefore(tags[i-1].Term)
	}
	if role == "" && t.han == 3 && i+1 < len(tags) && adjacent(t, tags[i+1]) && roleOf(tags[i+1].Term) == tags[i+1].Term &&
		!bylineRoles[tags[i+1].Term] {
		// 周恩来/t 总理/n: a name jieba's dictionary tags as a time, then its title.
		return corpus.Mention{Kind: corpus.KindPerson, Span: t.Span, Value: t.Term, Noun: tags[i+1].Term, Rule: "person/role"}, 1, true
	}
	if role == "" {
		return corpus.Mention{}, 0, false
	}
	if i+1 < len(tags) && adjacent(t, tags[i+1]) {
		next := tags[i+1]
		if !functionWord(next.POS) && next.POS != "v" && !speechVerbs[next.Term] && next.POS != "t" {
			return corpus.Mention{}, 0, false
		}
	}
	return corpus.Mention{Kind: corpus.KindPerson, Span: t.Span, Value: t.Term, Noun: role, Rule: "person/role"}, 1, true
}

// wordPerson reads a person's name at the start of a word jieba did not
// cut (周恩来故居/ns, 孙中山诞辰/nr): a name of three characters with a
// surname, and a place or a day of the person. A doctrine named after a
// person (邓小平理论, 毛泽东思想) is one name, as the PFR annotation has it.
func wordPerson(text string, t word) (corpus.Mention, bool) {
	if t.runes < 4 || !namedAfterLast.Has(t.last) || t.han != t.runes {
		return corpus.Mention{}, false
	}
	name := prefixRunes(t.Term, 3)
	if !namedAfter[t.Term[len(name):]] || !hasSurname(name) || notNames[name] || gazetteer[name] {
		return corpus.Mention{}, false
	}
	span := corpus.Span{Start: t.Span.Start, End: t.Span.Start + len(name)}
	return corpus.Mention{Kind: corpus.KindPerson, Span: span, Value: name, Rule: "person/word"}, true
}

// namedAfter are what jieba glues to the name of a person: a residence, a
// birthday, a statue.
var namedAfter = set("故居", "旧居", "诞辰", "同志", "纪念馆", "铜像", "塑像", "墓")

var namedAfterLast = func() *runeset.Set {
	m := new(runeset.Set)
	for w := range namedAfter {
		m.Add(lastRune(w))
	}
	return m
}()

// foreignThing reports a transliterated word that names a thing, not a
// person: after a number it is a currency or a unit (四亿/m 图格里克),
// before 杯, 号 or 计划 a cup, a ship or a programme (阿波罗 计划).
func foreignThing(tags []word, i int) bool {
	if i > 0 && adjacent(tags[i-1], tags[i]) && tags[i-1].POS == "m" {
		return true
	}
	if i+1 < len(tags) && adjacent(tags[i], tags[i+1]) {
		next := tags[i+1]
		if next.POS == "m" && !dateAfter(tags, i+1) || strings.HasPrefix(next.Term, "杯") || strings.HasPrefix(next.Term, "号") || next.Term == "计划" ||
			next.Term == "公司" || next.Term == "集团" || next.Term == "大区" || next.Term == "地区" {
			return true
		}
	}
	return false
}

// japaneseSurnames are common Japanese family names that are not also
// Chinese words or places (中山, 和田, 山下, 丰田 are left out). jieba
// tags Japanese names as anything (桥本龙太郎/n, 村山富市/ns) or cuts them
// after the surname (铃木/nr 一郎/x, 田中/nr 真/d 纪子/n).
var japaneseSurnames = newSuffixSet(strings.Fields(`
佐藤 铃木 高桥 田中 渡边 伊藤 山本 中村 小林 加藤 吉田 山田 佐佐木 山口 松本 井上 木村 清水 山崎
森田 池田 桥本 石川 前田 藤田 小川 冈田 后藤 长谷川 石井 村上 近藤 坂本 远藤 青木 藤井 西村 福田
三浦 藤原 冈本 松田 中野 小野 田村 竹内 柴田 酒井 工藤 横山 宫本 内田 高木 安藤 岛田 谷口 丸山
今井 河野 藤本 村田 武田 上野 杉山 增田 大塚 菅原 久保 松井 岩崎 樱井 野口 松尾 菊地 野村 渡部
小渊 村山 细川 羽田 宫泽 竹下 海部 中曾根 鸠山 安倍 麻生 小泉 野田 岸田 高村 奥田 小泽 土井 黑泽
盛田 稻盛 川端 东条 吉野 桥龙 堤 小仓 片山 宇野 三木 佐川 中岛 北岛 浅井 永野 长野 大平
`))

// japaneseName reads a Japanese name at tags[i]: a word starting with a
// listed surname and three to five characters long, or the surname alone
// followed by one or two words of a given name (one to three characters)
// before a break, a function word, a verb or a role.
func japaneseName(text string, tags []word, i int) (corpus.Mention, int, bool) {
	t := tags[i]
	sn := japaneseSurname(t.Term)
	if sn == "" || t.han != t.runes {
		return corpus.Mention{}, 0, false
	}
	end := i
	if t.Term == sn {
		given := 0
		for k := i + 1; k < len(tags) && k <= i+2 && adjacent(tags[k-1], tags[k]); k++ {
			w := tags[k].Term
			if hanLen(w) != runeCount(w) || !givenPOS(tags[k].POS) || notGiven(w) {
				break
			}
			given += runeCount(w)
			end = k
		}
		if given == 0 || given > 3 {
			return corpus.Mention{}, 0, false
		}
	}
	span := corpus.Span{Start: t.Span.Start, End: tags[end].Span.End}
	w := text[span.Start:span.End]
	n := runeCount(w)
	if n < 3 || n > 5 || isSuffixWord(string(lastRune(w))) || orgName(w) || strings.ContainsRune(notNameEndings+"河江山湖港场町岸", lastRune(w)) ||
		facilitySet.has(w) {
		return corpus.Mention{}, 0, false
	}
	if end+1 < len(tags) && adjacent(tags[end], tags[end+1]) {
		next := tags[end+1]
		if !functionWord(next.POS) && next.POS != "v" && roleOf(next.Term) == "" && !speechVerbs[next.Term] && next.POS != "m" && next.POS != "t" {
			return corpus.Mention{}, 0, false
		}
	}
	return corpus.Mention{Kind: corpus.KindPerson, Span: span, Value: w, Rule: "person/japanese"}, end - i + 1, true
}

// japaneseSurname returns the listed Japanese surname w starts with, or "".
func japaneseSurname(w string) string {
	if !japaneseFirst.Has(firstRune(w)) {
		return ""
	}
	for _, n := range []int{3, 2, 1} {
		if p := prefixRunes(w, n); p != "" && japaneseSurnameSet[p] {
			return p
		}
	}
	return ""
}

// japaneseFirst holds the first characters of the Japanese surnames: the
// rule runs at every word.
var japaneseFirst = func() *runeset.Set {
	m := new(runeset.Set)
	for w := range japaneseSurnameSet {
		m.Add(firstRune(w))
	}
	return m
}()

var japaneseSurnameSet = func() map[string]bool {
	m := map[string]bool{}
	for _, ws := range japaneseSurnames.byLast {
		for _, w := range ws {
			m[w] = true
		}
	}
	return m
}()

// prefixRunes returns the first n runes of w, or "" when w is shorter.
func prefixRunes(w string, n int) string {
	i := 0
	for k := 0; k < n; k++ {
		if i >= len(w) {
			return ""
		}
		_, size := utf8.DecodeRuneInString(w[i:])
		i += size
	}
	return w[:i]
}

// dateAfter reports whether the number at tags[k] is a day or a month
// (阿拉法特 29/m 日: Arafat on the 29th), not the number of a thing
// (阿波罗 17: Apollo 17).
func dateAfter(tags []word, k int) bool {
	if k+1 >= len(tags) || !adjacent(tags[k], tags[k+1]) {
		return false
	}
	w := tags[k+1].Term
	return strings.HasPrefix(w, "日") || strings.HasPrefix(w, "月") || strings.HasPrefix(w, "年")
}

// givenChar reports a one-character word that can end a given name:
// not a function word, numeral, measure word or direction.
func givenChar(t word) bool {
	if t.runes != 1 || t.han != 1 || strings.ContainsRune(notGivenNames+gluedAfterName, t.first) {
		return false
	}
	switch {
	case t.POS == "", functionWord(t.POS), strings.HasPrefix(t.POS, "m"), t.POS == "q", t.POS == "f", t.POS == "r":
		return false
	}
	return true
}

// notGivenNames are characters that end a two-character unknown word
// without making it a name.
const notGivenNames = "时为中把人了的在是后前里上下和与对向从被给让又也都就才着过得地"

// notGiven reports a word after a surname that is no given name: a role
// (习 主席), an organisation or a place (黎 政府: the Lebanese
// government), a word for all or each (周 全国).
func notGiven(w string) bool {
	return roleOf(w) != "" || aboutACountry[w] || orgName(w) || gazetteer[w] || isSuffixWord(w) || strings.ContainsRune(notNameStarts+"全", firstRune(w)) ||
		speechVerbs[w] || runeCount(w) == 2 && strings.ContainsRune(gluedAfterName, lastRune(w)) ||
		runeCount(w) == 1 && strings.ContainsRune(gluedAfterName+notGivenNames, firstRune(w))
}

// aboutACountry follow a country's one-character short name, which is
// also a surname (黎 媒体 the Lebanese media, 韩 方面, 美 军方): no given
// names.
var aboutACountry = set("媒体", "方面", "军方", "官员", "民众", "网友", "舆论", "专家", "学者", "盟友", "经济", "股市")

// looseSurnames are surnames that are also adverbs, verbs or a country's
// short name (曾 once, 周 week, 任 appoint, 黎 Lebanon, 韩 Korea, 越
// Vietnam): a name starting with one needs a break before it.
const looseSurnames = "曾周任黎韩越陆朝金石林高苏"

// givenPOS reports the tags jieba gives the pieces of a given name it
// cut from the surname (宁/j, 婷婷/z, 振国/ns, 薛祥/x): not verbs, times,
// numbers or function words.
func givenPOS(pos string) bool {
	switch pos {
	case "v", "vn", "t", "f", "m", "q", "r", "s", "vd", "ad":
		return false
	}
	return !functionWord(pos)
}

// translitRun reads a foreign name that jieba cut into pieces (阿克/nrt
// 谢年科/x, 赫里斯/nr 坚科/x): adjacent words of transliteration
// characters, at least one tagged as a name or unknown, three characters
// or more, and not a place.
func translitRun(text string, tags []word, i int) (corpus.Mention, int, bool) {
	if !tags[i].translit || i > 0 && adjacent(tags[i-1], tags[i]) && tags[i-1].translit || tags[i].POS == "m" {
		return corpus.Mention{}, 0, false
	}
	end, named := i, false
	for k := i; k < len(tags); k++ {
		t := tags[k]
		if k > i && (!adjacent(tags[k-1], t) || !t.translit && !mostlyTranslit(t)) || t.gaz || speechVerbs[t.Term] ||
			k > i && (t.POS == "v" || t.POS == "ns" && t.runes > 1 || functionWord(t.POS)) {
			break
		}
		named = named || strings.HasPrefix(t.POS, "nr") || t.POS == "x"
		end = k
	}
	span := corpus.Span{Start: tags[i].Span.Start, End: tags[end].Span.End}
	if g, ok := gluedTail(tags, end); ok {
		span.End = g // 克莱/nrt 塞斯/nrt 基以/x: the name ends before 以 (by)
	}
	w := text[span.Start:span.End]
	if end > i && (translitPlace(w) || gazetteer[w]) {
		// 波克罗/夫斯/克: a town jieba cut apart is one place, not three names.
		return corpus.Mention{Kind: corpus.KindPlace, Span: span, Value: w, Rule: "place/translit"}, end - i + 1, true
	}
	if end == i || !named || runeCount(w) < 3 || placeLike(w) || translitPlace(w) || notNames[w] || followedBySuffix(tags, end) || countryRun(w) || diseaseAfter(tags, end) {
		return corpus.Mention{}, 0, false
	}
	return corpus.Mention{Kind: corpus.KindPerson, Span: span, Value: w, Rule: "person/translit"}, end - i + 1, true
}

// gluedTail returns where a foreign name ends inside the unknown word
// after tags[end] when that word is the name's last syllables with a
// preposition or conjunction glued on (基以/x, 斯基和/x).
func gluedTail(tags []word, end int) (int, bool) {
	if end+1 >= len(tags) || !adjacent(tags[end], tags[end+1]) || tags[end+1].POS != "x" {
		return 0, false
	}
	w := tags[end+1].Term
	last := lastRune(w)
	body := strings.TrimSuffix(w, string(last))
	if body == "" || !isTranslit(body) || !strings.ContainsRune(gluedAfterName, last) {
		return 0, false
	}
	return tags[end+1].Span.Start + len(body), true
}

// functionWord reports the tags of words that follow a name but never
// continue it: adverbs (d), prepositions (p), conjunctions (c),
// particles (u…).
func functionWord(pos string) bool {
	return pos != "" && strings.ContainsRune("dpcu", rune(pos[0]))
}

// hasNumeral reports a Chinese numeral in w: names do not hold one,
// congresses and plans do (二十大, 十四五).
func hasNumeral(w string) bool { return strings.ContainsAny(w, "一二三四五六七八九十百千") }

// hasSurname reports whether a name starts with a family name and has one
// or two characters after it.
func hasSurname(w string) bool {
	n := runeCount(w)
	if compoundFirst.Has(firstRune(w)) {
		for _, c := range compoundSurnames {
			if strings.HasPrefix(w, c) {
				return n >= 3 && n <= 4
			}
		}
	}
	if n == 2 {
		return coreSurnameRunes.Has(firstRune(w))
	}
	return n == 3 && surnameRunes.Has(firstRune(w))
}

// translitTowns end transliterated town names, each with the fewest
// characters a town so ending has: -sk (库尔斯克), -grad (伏尔加格勒),
// -burg (叶卡捷琳堡), -pol (马里乌波尔), -stan, -ovo (库拉霍沃; 德沃 is
// as often a name).
var translitTowns = map[string]int{"斯克": 0, "格勒": 0, "堡": 0, "波尔": 0, "斯坦": 0, "沃": 4}

// translitPlace reports a transliterated word ending like a town name.
func translitPlace(w string) bool {
	for end, least := range translitTowns {
		if strings.HasSuffix(w, end) && runeCount(w) >= least {
			return true
		}
	}
	return false
}

// diseaseAfter reports a disease or its virus named after tags[i]:
// 埃博拉 疫情, 寨卡 病毒 are no people.
func diseaseAfter(tags []word, i int) bool {
	return i+1 < len(tags) && adjacent(tags[i], tags[i+1]) && diseaseWords[tags[i+1].Term]
}

var diseaseWords = set("疫情", "病毒", "出血热", "热", "病", "病例", "疫苗", "感染")

// followedBySuffix reports whether the word after tags[i] is a place
// suffix: 阿尔泰/nr 省 is a place.
func followedBySuffix(tags []word, i int) bool {
	return i+1 < len(tags) && adjacent(tags[i], tags[i+1]) && isSuffixWord(tags[i+1].Term)
}

// listLabel reports the number of an item in a list (4./m, 12．): a
// break before a name, as a line's start is. A number alone is none: 200
// 张 床位 counts beds.
func listLabel(t word) bool {
	n := strings.TrimRight(t.Term, ".．")
	return n != t.Term && n != "" && strings.Trim(n, "0123456789") == ""
}

// afterNameRoles follow a name and never precede it (杨振宁先生, 李女士):
// the word after 先生 is what he did (先生/n 有言/x), not his name.
var afterNameRoles = set("先生", "女士", "同志", "小姐", "夫人")

// roleBefore returns the role a word written before a name ends with, or "".
func roleBefore(w string) string {
	if r := roleOf(w); !afterNameRoles[r] {
		return r
	}
	return ""
}

// roleOf returns the role a word ends with (医院院长 → 院长), or "".
func roleOf(w string) string { return roleSet.match(w) }

// roleSet is roles indexed by last rune, longest first within each rune
// so 副院长 wins over 院长.
var roleSet = func() suffixSet {
	m := newSuffixSet(roles)
	for _, rs := range m.byLast {
		sort.SliceStable(rs, func(i, j int) bool { return len(rs[i]) > len(rs[j]) })
	}
	return m
}()

// aloneName reads a Chinese name standing alone between non-Han
// characters, as bylines and lists write them ((马宏伟), ——刘士尧（河北）):
// a run of two or three Han characters, in whole words, starting with a
// common surname, and no place.
func aloneName(text string, tags []word, i int) (corpus.Mention, int, bool) {
	t := tags[i]
	if i > 0 && adjacent(tags[i-1], t) || !surnameRunes.Has(t.first) {
		return corpus.Mention{}, 0, false
	}
	if prev, _ := utf8.DecodeLastRuneInString(text[:t.Span.Start]); isHanRune(prev) {
		return corpus.Mention{}, 0, false
	}
	for k := i; k < len(tags) && k <= i+2; k++ {
		if k > i && (!adjacent(tags[k-1], tags[k]) || speechVerbs[tags[k].Term]) {
			return corpus.Mention{}, 0, false // 韩凯/x 说/v is a name and a verb
		}
		end := tags[k].Span.End
		w := text[t.Span.Start:end]
		n := runeCount(w)
		if n > 3 || hanLen(w) != n {
			return corpus.Mention{}, 0, false
		}
		next, _ := utf8.DecodeRuneInString(text[end:])
		if n >= 2 && (k+1 == len(tags) || !adjacent(tags[k], tags[k+1])) && !isHanRune(next) {
			if gazetteer[w] || notNames[w] || placeLike(w) || hasNumeral(w) || isSuffixWord(string(lastRune(w))) {
				return corpus.Mention{}, 0, false
			}
			span := corpus.Span{Start: t.Span.Start, End: end}
			return corpus.Mention{Kind: corpus.KindPerson, Span: span, Value: w, Rule: "person/alone"}, k - i + 1, true
		}
	}
	return corpus.Mention{}, 0, false
}

func isHanRune(r rune) bool { return unicode.Is(unicode.Han, r) }

// splitName reads a Chinese name that jieba cut into a surname and the
// given name (倪/nr 宁/j, 胡/nr 天堂/n): a one-character surname tagged nr
// followed by one or two characters in whole words, standing alone
// between non-Han characters (a byline （倪宁）, a list ——刘士尧（河北）)
// or between a role and a speech verb.
func splitName(text string, tags []word, i int) (corpus.Mention, int, bool) {
	t := tags[i]
	if t.runes != 1 || !surnameRunes.Has(t.first) {
		return corpus.Mention{}, 0, false
	}
	// jieba tags the surname nr when it sees a name it cannot join; a
	// surname tagged otherwise (刘/zg 文光/n, 韩/j 振国/ns) needs a role or
	// a break before it.
	named := t.POS == "nr" || i+1 < len(tags) && adjacent(t, tags[i+1]) && (tags[i+1].POS == "nr" || tags[i+1].POS == "nrfg") &&
		!notGiven(tags[i+1].Term) // 工人/n 刘/zg 宝山/nr: the given name tagged as one
	if !named && !strings.ContainsRune(coreSurnames, t.first) {
		return corpus.Mention{}, 0, false
	}
	strict := i == 0 || !adjacent(tags[i-1], t) || roleBefore(tags[i-1].Term) != "" || listLabel(tags[i-1])
	loose := !strict && named && !strings.ContainsRune(looseSurnames, t.first) &&
		(functionWord(tags[i-1].POS) || tags[i-1].POS == "r" || tags[i-1].han >= 2 && !bylineRoles[tags[i-1].Term])
	if !strict && !loose {
		return corpus.Mention{}, 0, false
	}
	given := 0
	for k := i + 1; k < len(tags) && k <= i+2 && adjacent(tags[k-1], tags[k]); k++ {
		w := tags[k].Term
		given += runeCount(w)
		if hanLen(w) != runeCount(w) || given > 2 || notGiven(w) ||
			!givenPOS(tags[k].POS) && !(strict && runeCount(w) == 1 && tags[k].POS == "v") && !(runeCount(w) == 1 && tags[k].POS == "t") ||
			tags[k].POS == "ns" && isSuffixWord(string(lastRune(w))) {
			break // not 韩/j 调查/vn (Korea investigates), 苏/j 梅州/ns (Sumy oblast)
		}
		right := k+1 == len(tags) || !adjacent(tags[k], tags[k+1]) || speechVerbs[tags[k+1].Term] || roleOf(tags[k+1].Term) != "" ||
			functionWord(tags[k+1].POS) || tags[k+1].POS == "r" || tags[k+1].POS == "t" && tags[k+1].runes >= 2 ||
			k == i+1 && runeCount(w) == 2 && (tags[k].POS == "x" || tags[k].POS == "nr") && (tags[k+1].POS == "v" || hostVerbs[tags[k+1].Term]) || // 丁/nr 薛祥/x 出席/v, 会见/n
			// A surname jieba tags as a name before an unknown word of two
			// characters is a whole name, whatever follows (丁/nr 薛祥/x
			// 出席会议/l, 2/x 日): read alone, the word would be a name cut
			// after its first character.
			k == i+1 && runeCount(w) == 2 && t.POS == "nr" && tags[k].POS == "x"
		if right {
			span := corpus.Span{Start: t.Span.Start, End: tags[k].Span.End}
			return corpus.Mention{Kind: corpus.KindPerson, Span: span, Value: text[span.Start:span.End], Rule: "person/split"}, k - i + 1, true
		}
	}
	return corpus.Mention{}, 0, false
}
