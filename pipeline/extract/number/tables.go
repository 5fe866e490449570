package number

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// classifiers are measure words that count things; the noun they count
// usually follows (38个护士, 200余名学生), so Noun is looked for after them.
var classifiers = []string{
	"个", "名", "位", "人", "家", "项", "例", "张", "台", "套", "件", "只",
	"条", "支", "座", "所", "间", "栋", "幢", "辆", "架", "艘", "批", "场",
	"户", "份", "本", "册", "篇", "部", "种", "类", "株", "头", "匹", "棵",
	"颗", "粒", "片", "盒", "瓶", "袋", "包", "箱", "桶", "枚", "根", "块",
	"床", "处", "门", "节", "课", "轮", "组", "队", "对", "双", "副", "首",
	"封", "笔", "起", "宗", "剂", "针", "道", "届", "期", "所", "章", "条",
	"款", "册", "卷", "集", "幅", "顶", "扇", "辆", "列", "趟", "份", "支",
	"段", "句", "桩", "题", "侧", "者", "球",
	"名次", "人次", "场次", "批次", "户次", "例次", "台次", "架次", "车次",
}

// measures are units after which no counted noun is expected.
var measures = []string{
	"元", "圆", "美元", "欧元", "港元", "港币", "澳门元", "日元", "韩元", "英镑", "澳元", "加元",
	"新加坡元", "新台币", "人民币", "卢布", "卢比", "泰铢", "法郎", "瑞士法郎", "美金", "角", "块钱",
	"秒", "分", "分钟", "小时", "个小时", "天", "日", "周", "星期", "个星期",
	"月", "个月", "年", "周年", "年度", "个年度", "季度", "个季度", "世纪",
	"岁", "周岁", "代", "次", "遍", "回", "号", "点", "版", "层", "楼",
	"公里", "千米", "米", "厘米", "毫米", "平方米", "平米", "平方公里",
	"平方千米", "立方米", "亩", "公顷",
	"吨", "千克", "公斤", "克", "毫克", "斤", "升", "毫升",
	"千瓦", "千瓦时", "兆瓦", "兆瓦时", "瓦", "千伏", "伏", "千帕", "百帕", "千焦", "千卡", "赫兹", "字节",
	"℃", "°C", "度", "倍", "档", "级", "分贝", "摄氏度",
	"剂次", "针次", "床位", "家次", "部门",
	"kg", "g", "mg", "ml", "mL", "L", "km", "m", "cm", "mm", "kW", "kWh",
	"MW", "GB", "MB", "TB", "KB", "Mbps", "mmHg", "kPa", "Pa",
}

// timeUnits make 近 mean "the past" rather than "nearly": 近3年 is the
// last three years, not about three years.
var timeUnits = set("年", "个月", "月", "天", "日", "周", "个星期", "星期",
	"小时", "个小时", "季度", "个季度", "年度", "周年", "分钟", "秒")

// latinUnits are the units written in Latin letters; any other letter
// after a digit makes the token a code (5G, 3D, 3.0T).
var latinUnits = set("kg", "g", "mg", "ml", "mL", "L", "km", "m", "cm", "mm",
	"kW", "kWh", "MW", "GB", "MB", "TB", "KB", "Mbps", "mmHg", "kPa", "Pa")

// Approximation markers, by where they are written.
var (
	// approxPrefix come before the numeral: 约3000人, 超过10%, 不到5分钟.
	approxPrefix = []string{"大约", "约", "将近", "接近", "近", "超过", "超",
		"逾", "不到", "不足", "至少"}
	// approxMagnitude come before a bare multiplier only: 上万, 数百, 几十.
	approxMagnitude = []string{"上", "数", "几"}
	// approxMid come between numeral and unit: 4000余名, 400多元, 十几个.
	approxMid = []string{"余", "多", "几"}
	// approxPost come after the unit: 3天左右, 60岁以上, 一个多月.
	approxPost = []string{"以上", "以下", "左右", "以内", "之多", "余", "多"}
)

// rangeConnectors join the two ends of a range: 15-17岁, 3至5天.
var rangeConnectors = []string{"——", "—", "–", "－", "-", "~", "～", "〜", "至", "到"}

// percentSigns map a sign after a numeral to the unit reported.
var percentSigns = map[string]string{
	"%": "%", "％": "%", "‰": "‰", "‱": "‱", "个百分点": "百分点", "百分点": "百分点",
}

// fractionPrefixes are 百分之 and friends: written before the numerator.
var fractionPrefixes = map[string]string{"百分之": "%", "千分之": "‰", "万分之": "‱"}

// chengBlocked are characters after 成 that make it part of a word
// (三成员, 一成不变), not "tenths".
var chengBlocked = set("员", "立", "为", "本", "果", "绩", "效", "功", "熟", "交",
	"长", "就", "都", "品", "型", "分", "年", "人", "群", "不", "了", "的")

// phoneKeywords announce a telephone number or code: the digits after
// them are not a quantity.
var phoneKeywords = []string{"电话号码", "联系电话", "咨询电话", "电话", "热线", "拨打", "致电",
	"手机号", "手机", "传真", "座机", "邮编", "邮政编码", "编号", "账号", "卡号",
	"号码", "文号", "Tel", "TEL", "tel", "QQ"}

// rankUnits after a single Chinese digit make it a grade, not a count:
// 三级医院 (a tertiary hospital), 二级响应 (a level-two response), 一档
// (the first bracket).
var rankUnits = set("级", "档")

// rankAfterClass are the words after N类 that make it a class rather than
// a number of kinds: 三类手术 (class-three surgery), 二类疫苗, 一类苗,
// 二类水质; 六类人才 counts six kinds of talent.
var rankAfterClass = []string{"手术", "疫苗", "苗", "水", "传染病", "地区", "医疗器械", "资质"}

// nounStops end the counted noun after a classifier: particles, verbs
// and prepositions that follow a counted noun (200余名学生进行 → 学生).
var nounStops = set(
	"的", "了", "在", "和", "与", "及", "或", "等", "进", "参", "到", "为",
	"被", "把", "将", "从", "对", "以", "是", "有", "里", "增", "降", "达",
	"至", "共", "均", "已", "都", "也", "还", "就", "才", "又", "再", "并",
	"而", "向", "给", "让", "使", "由", "于", "比", "每", "各", "该", "其",
	"这", "那", "之", "来", "做", "左", "右", "余", "多", "接", "获", "得",
	"占", "完", "受", "累", "即", "便", "因", "若", "如", "着", "过", "去",
	"走", "次", "近", "约", "超", "逾",
	"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万", "亿", "两", "零",
)

// maxNoun is the longest counted noun reported, in runes: longer runs are
// rarely one noun (105家国内知名三甲医院), and an empty Noun is better than
// a wrong one.
const maxNoun = 4

// masks are words that contain a numeral which is not a quantity. A
// candidate that lies within a mask is dropped; one that runs past it
// is kept (十分 "very" vs 十分钟 "ten minutes").
var masks = []string{
	// Idioms and set phrases.
	"一马当先", "一言一行", "一步一个脚印", "一岗双责", "一心一意", "三心二意",
	"一枝一叶", "一帆风顺", "一目了然", "一如既往", "一丝不苟", "一鼓作气",
	"一成不变", "一举两得", "一石二鸟", "一分为二", "独一无二", "一清二楚",
	"接二连三", "三番五次", "九牛一毛", "一针见血", "一视同仁", "一往无前",
	"一劳永逸", "一概而论", "十全十美", "千方百计", "千家万户", "千军万马",
	"千言万语", "千辛万苦", "万众一心", "万无一失", "一五一十", "三三两两",
	"七上八下", "乱七八糟", "四面八方", "五湖四海", "百花齐放", "百家争鸣",
	"百折不挠", "三五成群", "一年一度", "一张蓝图", "一件接着一件", "一年接着一年",
	"一茬接着一茬", "一抓到底", "一竿子插到底", "一条心", "一条龙", "一盘棋",
	"一门心思", "一口气", "一家人", "一块儿", "一阵子", "一次性", "一把手",
	"一带一路", "一国两制", "两学一做", "三严三实", "两手抓", "两手硬",
	"一揽子", "一刀切", "一站式", "一网通办", "一体化", "一系列", "一方面",
	"另一方面", "一部分", "一样", "一起", "一同", "一点", "一时", "一度",
	"一路", "一行", "一举", "一手", "一线", "第一线", "第一时间", "进一步",
	"统一", "唯一", "万一", "十分", "万分", "一些", "一直", "一定", "一切",
	"一旦", "一般", "一致", "一律", "一向", "一贯", "一再", "一边", "一下",
	"一番", "一味", "一流", "一头", "一面", "不一", "一一", "逐一", "同一",
	"单一", "专一", "划一", "合一", "归一", "其一", "之一", "二手", "百度",
	"一个个", "一次次", "一批批", "一代代", "一天天", "一步步", "两岸", "两会",
	"十八大", "十九大", "二十大", "千万不要", "千万别", "千万要", "三番两次", "一把", "一套班子", "一声令下",
	// Names and set terms found in news text (xwlb audit).
	"一个中国", "长三角", "珠三角", "三角洲", "同一天", "同一时间", "同一个",
	"八项规定", "五项原则", "两位数", "三位数", "百年变局", "百年未有",
	"二十四节气", "二十国集团", "一段时间", "近一段时间", "新一届", "第三方",
	"十二大", "十三大", "十四大", "十五大", "十六大", "十七大",
	// Set terms of policy and education.
	"双一流", "一流大学", "一流学科", "一流本科", "一网统管", "一码通", "一卡通", "一票否决",
}

// nounVerbs end the counted noun where a verb or adverb follows it
// without a particle (8个乡镇开展 → 乡镇, 一架客机失事 → 客机).
var nounVerbs = []string{
	"开展", "参加", "参与", "进行", "实施", "完成", "实现", "获得", "建成", "成立",
	"组织", "提供", "发生", "出现", "接受", "签约", "签署", "落地", "入驻", "投入",
	"投产", "开工", "启动", "受益", "受到", "受伤", "死亡", "遇难", "失踪", "失事",
	"坠毁", "正在", "纷纷", "全部", "分别", "共同", "相继", "先后", "陆续", "同时",
	"已经", "通过", "获评", "入选", "确诊", "治愈", "出院", "感染", "立案", "涉及",
	"覆盖", "达到", "超过", "突破", "增长", "下降", "提高", "减少", "同比", "累计",
	"昨天", "今天", "明天", "目前", "当天", "正式", "首次", "集中", "联合", "携手",
	"发布", "举行", "举办", "召开", "亮相", "开通", "运行", "投运", "报名", "获奖",
	"表示", "认为", "指出", "称赞", "前往", "来自", "位于", "分布", "拥有", "具有",
	"成功", "顺利", "全面", "积极", "主动", "自愿", "免费", "实行", "享受", "申请",
	"努力", "推动", "落实", "出席", "凝聚", "推进", "加强", "深化", "维护", "构建",
	"通车", "竣工",
}

// ordinalAfterJie follow a numeral with 届 when it names a session, not
// a count: 十四届全国人大 (the 14th NPC), 二十届四中全会.
var ordinalAfterJie = []string{"全国", "中央", "中共", "常委", "人大", "政协", "军委", "历次", "领导"}

// sessionWords follow a numeral with 次 when it names a session of a
// body (人大一次会议, the first session), if a body name precedes.
var sessionWords = []string{"会议", "全会", "全体会议", "常委会", "大会"}

// wordList is a set of words looked up by their first rune, longest first,
// for leftmost-longest matching at a position.
type wordList map[rune][]string

func newWordList(words ...[]string) wordList {
	w := wordList{}
	seen := map[string]bool{}
	for _, ws := range words {
		for _, s := range ws {
			if seen[s] {
				continue
			}
			seen[s] = true
			r, _ := utf8.DecodeRuneInString(s)
			w[r] = append(w[r], s)
		}
	}
	for _, l := range w {
		sort.Slice(l, func(i, j int) bool { return len(l[i]) > len(l[j]) })
	}
	return w
}

// prefix returns the longest word that s starts with, or "".
func (w wordList) prefix(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	for _, word := range w[r] {
		if strings.HasPrefix(s, word) {
			return word
		}
	}
	return ""
}

// maskRef places a mask word around a numeral: the numeral's rune sits
// off bytes into word.
type maskRef struct {
	word string
	off  int
}

// maskIndex finds the masks containing a rune, for every rune of every
// mask, so a candidate is checked only against words that contain it.
type maskIndex map[rune][]maskRef

func newMaskIndex(words []string) maskIndex {
	x := maskIndex{}
	for _, w := range words {
		for off, r := range w {
			x[r] = append(x[r], maskRef{w, off})
		}
	}
	return x
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// unitWords are words that begin with a measure word: 这一项目 is "this
// project", not one item of 目. The measure word is not read there.
var unitWords = map[string][]string{
	"项": {"目"}, "名": {"单", "称", "义", "字", "额"}, "期": {"间", "待", "望", "限"},
	"条": {"件", "例", "约"}, "次": {"日"}, "道": {"路", "理"}, "部": {"分", "署", "长", "队"},
	"场": {"所", "景", "地"}, "批": {"准", "示"}, "起": {"来", "草"}, "支": {"持", "撑"},
	"门": {"户", "槛"}, "台": {"阶", "湾"}, "处": {"理", "长"}, "家": {"庭", "乡"},
}
