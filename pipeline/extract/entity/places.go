package entity

import (
	"strings"

	"github.com/baogao/baogao/corpus"
)

// gazetteer holds place names jieba often tags as something else
// (伊拉克/nrt, 莫斯科/nr, 平壤/n, 河内/s): the countries, continents and
// regions of the world, the Chinese provinces in their full and short
// forms, and capitals and large cities. They are general knowledge, written
// here from the standard Chinese names; a word equal to one is a place
// whatever its tag. With them come the prefectures.
var gazetteer = func() map[string]bool {
	m := set(strings.Fields(placeNames)...)
	for p := range prefectures {
		m[p] = true
	}
	return m
}()

// prefectures are the Chinese prefecture-level cities, except those that
// are also common words (大同 great harmony, 安康 well-being, 日照
// sunshine, 白银 silver, 来宾 guest, 中山 Sun Yat-sen, 长治, 大庆, 朝阳);
// jieba tags many of them nr (玉林/nr). 驻马店 地区 is one place, as a
// prefecture once was.
var prefectures = set(strings.Fields(`
邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 秦皇岛 阳泉 晋城 朔州 晋中 运城 忻州 临汾 吕梁 包头 乌海
赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭
葫芦岛 四平 辽源 通化 白城 松原 齐齐哈尔 鸡西 鹤岗 双鸭山 伊春 七台河 牡丹江 绥化 佳木斯 徐州 常州
南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 芜湖 蚌埠 淮南
马鞍山 淮北 铜陵 安庆 滁州 阜阳 宿州 六安 亳州 池州 宣城 淄博 枣庄 潍坊 济宁 泰安 威海 临沂 聊城
滨州 菏泽 东营 德州 三明 南平 龙岩 宁德 莆田 泉州 漳州 九江 景德镇 萍乡 新余 鹰潭 赣州 上饶 抚州
宜春 吉安 开封 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 黄石
十堰 宜昌 襄阳 鄂州 孝感 荆州 黄冈 咸宁 随州 荆门 株洲 湘潭 衡阳 邵阳 岳阳 张家界 益阳 郴州 怀化
娄底 常德 永州 韶关 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 潮州 揭阳 云浮 柳州 梧州
防城港 钦州 贵港 玉林 百色 贺州 河池 崇左 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山
宜宾 广安 达州 雅安 巴中 资阳 遵义 六盘水 安顺 毕节 铜仁 曲靖 玉溪 保山 昭通 丽江 普洱 临沧 宝鸡
咸阳 渭南 汉中 榆林 商洛 铜川 嘉峪关 金昌 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 海东 石嘴山 吴忠
固原 中卫 克拉玛依 吐鲁番 哈密 阿克苏 和田 黑河 大兴安岭
`)...)

const placeNames = `
秦岭 夏威夷
中国 中华人民共和国 美国 英国 法国 德国 俄罗斯 日本 韩国 朝鲜 印度 巴西 加拿大 澳大利亚
新西兰 意大利 西班牙 葡萄牙 荷兰 比利时 卢森堡 瑞士 奥地利 瑞典 挪威 丹麦 芬兰 冰岛 爱尔兰
波兰 捷克 斯洛伐克 匈牙利 罗马尼亚 保加利亚 希腊 塞尔维亚 克罗地亚 斯洛文尼亚 黑山 波黑
北马其顿 阿尔巴尼亚 乌克兰 白俄罗斯 摩尔多瓦 立陶宛 拉脱维亚 爱沙尼亚 格鲁吉亚 亚美尼亚
阿塞拜疆 土耳其 伊朗 伊拉克 叙利亚 黎巴嫩 约旦 以色列 巴勒斯坦 沙特 沙特阿拉伯 阿联酋 卡塔尔
科威特 巴林 阿曼 也门 埃及 利比亚 突尼斯 阿尔及利亚 摩洛哥 苏丹 南苏丹 埃塞俄比亚 肯尼亚
坦桑尼亚 乌干达 卢旺达 刚果 刚果（金） 刚果（布） 安哥拉 赞比亚 津巴布韦 莫桑比克 马达加斯加
南非 纳米比亚 博茨瓦纳 尼日利亚 加纳 科特迪瓦 塞内加尔 马里 尼日尔 乍得 喀麦隆 加蓬 几内亚
塞拉利昂 利比里亚 贝宁 多哥 布基纳法索 毛里塔尼亚 索马里 吉布提 厄立特里亚 毛里求斯 塞舌尔
巴基斯坦 阿富汗 孟加拉国 斯里兰卡 尼泊尔 不丹 马尔代夫 哈萨克斯坦 乌兹别克斯坦 吉尔吉斯斯坦
塔吉克斯坦 土库曼斯坦 蒙古 蒙古国 越南 老挝 柬埔寨 泰国 缅甸 马来西亚 新加坡 印度尼西亚 印尼
菲律宾 文莱 东帝汶 墨西哥 古巴 危地马拉 洪都拉斯 萨尔瓦多 尼加拉瓜 哥斯达黎加 巴拿马 牙买加
海地 多米尼加 阿根廷 智利 秘鲁 哥伦比亚 委内瑞拉 厄瓜多尔 玻利维亚 巴拉圭 乌拉圭 圭亚那
苏里南 斐济 巴布亚新几内亚 所罗门群岛 萨摩亚 汤加 瓦努阿图 基里巴斯
亚洲 欧洲 非洲 美洲 北美洲 南美洲 拉丁美洲 拉美 大洋洲 南极洲 北极 南极 中东 中亚 东亚 南亚
东南亚 西亚 北非 东欧 西欧 中东欧 北欧 南欧 加勒比 太平洋 大西洋 印度洋 北冰洋 地中海
北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南
广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门
北京市 天津市 上海市 重庆市 河北省 山西省 辽宁省 吉林省 黑龙江省 江苏省 浙江省 安徽省 福建省
江西省 山东省 河南省 湖北省 湖南省 广东省 海南省 四川省 贵州省 云南省 陕西省 甘肃省 青海省
台湾省 内蒙古自治区 广西壮族自治区 西藏自治区 宁夏回族自治区 新疆维吾尔自治区
香港特别行政区 澳门特别行政区
石家庄 太原 呼和浩特 沈阳 长春 哈尔滨 南京 杭州 合肥 福州 南昌 济南 郑州 武汉 长沙 广州
海口 成都 贵阳 昆明 拉萨 西安 兰州 西宁 银川 乌鲁木齐 南宁 台北 深圳 大连 青岛 宁波 厦门
苏州 无锡 温州 东莞 佛山 珠海 汕头 烟台 唐山 洛阳 桂林 三亚 延安 雄安 喀什 伊犁
东京 大阪 首尔 汉城 平壤 莫斯科 圣彼得堡 伦敦 巴黎 柏林 罗马 马德里 里斯本 维也纳 布鲁塞尔
阿姆斯特丹 日内瓦 苏黎世 斯德哥尔摩 奥斯陆 哥本哈根 赫尔辛基 华沙 布拉格 布达佩斯 雅典
贝尔格莱德 基辅 明斯克 安卡拉 伊斯坦布尔 德黑兰 巴格达 大马士革 贝鲁特 安曼 耶路撒冷
特拉维夫 加沙 利雅得 多哈 迪拜 阿布扎比 开罗 内罗毕 约翰内斯堡 比勒陀利亚 开普敦 拉各斯
阿布贾 亚的斯亚贝巴 新德里 孟买 伊斯兰堡 喀布尔 达卡 科伦坡 加德满都 阿斯塔纳 塔什干 比什凯克
杜尚别 阿什哈巴德 乌兰巴托 河内 胡志明市 万象 金边 曼谷 仰光 吉隆坡 雅加达 马尼拉
华盛顿 纽约 洛杉矶 芝加哥 旧金山 休斯敦 波士顿 费城 西雅图 迈阿密 渥太华 多伦多 温哥华
墨西哥城 哈瓦那 巴西利亚 里约热内卢 圣保罗 布宜诺斯艾利斯 圣地亚哥 利马 波哥大 加拉加斯
堪培拉 悉尼 墨尔本 惠灵顿 顿涅茨克 卢甘斯克 哈尔科夫 扎波罗热 赫尔松 马里乌波尔 巴赫穆特 敖德萨
库尔斯克 别尔哥罗德 阿夫杰耶夫卡 恰索夫亚尔 加沙 拉法 汗尤尼斯 约旦河西岸 约旦河 戈兰高地 尼斯 里昂 马赛 慕尼黑 法兰克福 汉堡
莱索托 斯威士兰 埃斯瓦蒂尼 马拉维 布隆迪 中非共和国 赤道几内亚 几内亚比绍 佛得角 冈比亚 科摩罗
哈拉雷 卢萨卡 达累斯萨拉姆 多多马 坎帕拉 基加利 金沙萨 布拉柴维尔 罗安达 马普托 温得和克 哈博罗内
阿克拉 达喀尔 巴马科 尼亚美 阿比让 雅温得 利伯维尔 科纳克里 弗里敦 蒙罗维亚 洛美 科托努 瓦加杜古
努瓦克肖特 摩加迪沙 喀土穆 朱巴 阿斯马拉 的黎波里 阿尔及尔 拉巴特 卡萨布兰卡 塔那那利佛 路易港
马累 廷布 科威特城 麦纳麦 马斯喀特 萨那 亚丁 巴库 第比利斯 埃里温 基希讷乌 维尔纽斯 里加 塔林
布加勒斯特 索非亚 地拉那 斯科普里 萨拉热窝 波德戈里察 萨格勒布 卢布尔雅那 布拉迪斯拉发 瓦莱塔
雷克雅未克 都柏林 爱丁堡 曼彻斯特 伯明翰 利物浦 金边 内比都 斯里巴加湾 帝力 苏瓦 莫尔兹比港
危地马拉城 圣萨尔瓦多 特古西加尔巴 马那瓜 圣何塞 巴拿马城 金斯敦 太子港 圣多明各 基多 拉巴斯
亚松森 蒙得维的亚 马耳他 塞浦路斯 摩纳哥 列支敦士登 安道尔 圣马力诺 梵蒂冈 诺曼底 文尼察 白宫 克里姆林宫 五角大楼 香格里拉 阿勒泰 钟祥
斯图加特 科隆 杜塞尔多夫 汉诺威 德累斯顿 莱比锡 纽伦堡 不来梅 波恩
阿拉伯 米兰 威尼斯 巴塞罗那 鹿特丹 迪拜 新德里 班加罗尔 釜山 名古屋 横滨 札幌 冲绳
`

// notPlaces are words jieba tags ns that name no particular place: kinds
// of places (城市 city, 山区 mountain area, 新区 new district), directions
// and pairs (东西, 南北, 中欧 when it means China–Europe), and ordinary
// words that merely start like a place (上市 go public, 长达 as long as,
// 爱国 patriotic, 台风 typhoon).
var notPlaces = set(strings.Fields(`
城市 山村 农村 乡村 城区 社区 小区 街道 都市 市区 县区 城镇 新区 山区 湾区 景区 园区 郊区 多国 数国
省市 热烈祝贺 开河 午休 千里马 苦咸水 密林 中雪 开春 环海 麦收区 一封封 山门 力争 新鲜度 撒肥 总结暨 天南地北 大江南北 长龙 无人区 驻港 驻澳 山竹 边境 大部 惠及 局部 沿岸 老区 边区 库区 牧区 林区 矿区 灾区 特区 片区 辖区 省区 市县 县市 乡镇 村镇 小镇 古镇 大县
小县 强县 大省 强省 小国 大国 强国 四国 两国 第三国 回国 本国 外国 各国 全国 东西 南北 北南
东区 西区 南区 北区 中欧 英美 美德 上市 上门 上马 长达 高达 多达 爱国 台风 内河 河水 泉水
平原 高原 山河 江海 冰海 沧桑 欢庆 喜庆 兴旺 安宁 福利 青春 深度 广度 庆典 嘉宾 朝野 华夏
临海 沿海 内地 大关 大桥 建国 叙旧 扬威 黑马 上台 下台 三角洲 美丽 新春 海洋 普京
平原 英雄 朝廷 太阳 哥哥 湖泊 太庙 江湖 大街 王国 开国 共和国 京城 阿哥 南路 山脉 治安 新鲜 古城 海峡 河口
冰川 长度 山水 长大 莫非 琉璃瓦 普及 古典 阴阳 高山 大海 山坡 河谷 太平 日志 云集 三国 莲蓬 神圣 桥头堡
中路 新建 法西斯 中断 山洞 都城 关联 海湾 上半场 湖水 广义 大圣 上山 兴国 江水 南门 新港 新城 海关 舞美
大洋 山峰 内城 石桥 中密度 北门 下山 山寨 西洋 契约 二哥 入口 入市 金牙 路桥 伊斯兰 苏格拉底 中兴 广布
古都 诸国 重阳 重镇 英特尔 江中 山口 大山 千古 城堡 中道 深山 江河 伦理 城垣 大河 大湖 大江 治国 天黑
法典 诸州 四中 三中 长河 山镇 池塘 天桥 加盟 登山 密封 上门 黄沙 立马 海滨 莫大 湖区 城南 沿河 海滩 西路
牡丹 西瓜 贵宾 东路 滨海 沧海 入海 屯田 海港 马克思列宁主义 亚历山大 罗马帝国 渡江 卫国 大都
中非 中美 中俄 中日 中韩 中法 中德 中英 中澳 中巴 中印 中越 中老 中柬 中泰 中蒙 中哈 中阿 中拉 港口城市 沿海地区 中华文明
`)...)

// placeSuffixes end place names: 阿尔泰 + 省, 胡志明 + 市; a word that is
// only a suffix continues the place before it.
var placeSuffixes = []string{"特别行政区", "自治区", "自治州", "自治县", "省", "市", "县", "区",
	"州", "镇", "乡", "村", "旗", "盟", "岛", "港"}

// placeLike reports whether a word ends like a country or region name:
// jieba tags some of them nr, and "乌克兰总统" puts a role right after
// them.
func placeLike(w string) bool {
	if gazetteer[w] {
		return true
	}
	last := lastRune(w)
	return strings.ContainsRune("兰亚国洲岛湾", last) || strings.HasSuffix(w, "斯坦")
}

// place reads a place starting at tags[i]: a word tagged ns or in the
// gazetteer, extended by a following suffix word (阿尔泰/nr 省/n). It
// returns the mention and the number of words used.
func place(text string, tags []word, i int) (corpus.Mention, int, bool) {
	t := tags[i]
	n := t.han
	if t.POS == "ns" && wordPlaces(text, t) != nil {
		return corpus.Mention{}, 0, false // 中国台北/ns, 美洲国家/ns: Extract takes the places inside
	}
	rule := ""
	switch {
	case t.gaz:
		rule = "place/gazetteer"
	case t.POS == "ns" && n >= 2 && n == t.runes && !t.notPlace && !genericPlace(t.Term) &&
		!strings.HasSuffix(t.Term, "城市") && !regionAbbrev(t.Term):
		rule = "place/ns"
	case (t.POS == "nr" || t.POS == "nrt" || t.POS == "ns") && n >= 2 && i+1 < len(tags) && !t.notPlace &&
		adjacent(tags[i], tags[i+1]) && isSuffixWord(tags[i+1].Term):
		rule = "place/suffix"
	case n >= 2 && n <= 3 && n == t.runes && i+1 < len(tags) && adjacent(tags[i], tags[i+1]) &&
		localSuffix[tags[i+1].Term] && (t.POS == "n" && n == 3 || t.POS == "nz" || t.POS == "x" || t.POS == "nr") &&
		!t.notPlace && !kindsOfPlace[t.Term]:
		rule = "place/suffix" // 半壁店/n 村/zg: a village jieba does not know
	case township(t) && (t.POS != "n" || i > 0 && adjacent(tags[i-1], t) && placeWord(tags[i-1])):
		rule = "place/township" // 罗庄乡/nr, 河南省 焦作市/n
	default:
		return corpus.Mention{}, 0, false
	}
	end := i
	if end+1 < len(tags) && adjacent(tags[end], tags[end+1]) && isSuffixWord(tags[end+1].Term) {
		end++
	} else if (rule == "place/ns" || prefectures[t.Term]) && end+1 < len(tags) && adjacent(tags[end], tags[end+1]) && tags[end+1].Term == "地区" {
		end++ // 驻马店/ns 地区: a Chinese prefecture; 中东 地区 is the gazetteer's, and stays 中东
	}
	span := corpus.Span{Start: t.Span.Start, End: tags[end].Span.End}
	return corpus.Mention{Kind: corpus.KindPlace, Span: span, Value: text[span.Start:span.End], Rule: rule}, end - i + 1, true
}

// localSuffix are the suffixes of villages and townships written as
// their own word after a name jieba does not know (半壁店/n 村/zg).
var localSuffix = set("村", "乡", "镇", "屯", "寨")

// township reports a word of three or four characters ending in 乡, 镇,
// 村 or 县 that jieba tags as a name, an unknown word or a noun (罗庄乡/nr,
// 麻洋镇/x, 焦作市/n): a local place, unless the first characters say
// which kind (贫困县, 示范村, 重点镇).
func township(t word) bool {
	n := t.han
	if n < 3 || n > 4 || n != t.runes || t.notPlace {
		return false
	}
	switch t.POS {
	case "nr", "x", "nz", "n", "nrt":
	default:
		return false
	}
	last := t.last
	if !strings.ContainsRune("乡镇村县市区旗岛", last) || last == '岛' && t.POS == "n" {
		return false // an unknown X岛 is an island (毛伊岛/x); a noun X岛 a kind of one
	}
	if t.POS != "n" && strings.ContainsRune("市区", last) || t.POS == "n" && strings.ContainsRune("区村", last) {
		return false // 罗庄乡/nr and 焦作市/n are places; an unknown X区 is as often a zone, a noun X村 a kind of village
	}
	head := strings.TrimSuffix(t.Term, string(last))
	return !kindsOfPlace[head] && !hasNumeral(head)
}

// kindsOfPlace are qualifiers before 县, 村, 镇 that name a kind of place:
// 贫困县 (a poor county), 示范村 (a model village), 重点镇.
var kindsOfPlace = set(strings.Fields(`
小山 山 新型 开 美丽 和美 宜居 乡村 贫困 示范 文明 小康 专业 重点 中心 建制 特色 先进 试点 边远 偏远 产粮 农业 工业 经济 旅游 城中 自然 行政
全国 百强 十强 富裕 落后 山区 平原 沿海 边境 民族 老区 革命 移民 生态 卫生 明星 样板 新农 城关 开发 保护
`)...)

// placeWord reports a word that is a place by tag or by the gazetteer.
func placeWord(t word) bool {
	return t.gaz || t.POS == "ns" && !t.notPlace
}

// regionAbbrev reports an abbreviation of several places (亚太 Asia-Pacific,
// 港澳 Hong Kong and Macao, 苏东 the Soviet Union and Eastern Europe):
// the PFR annotation tags them j and counts them as no place.
func regionAbbrev(w string) bool {
	for _, p := range []string{"亚太", "港澳", "港台", "苏东", "欧美", "亚非", "亚欧", "欧亚", "拉美"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// wordPlaces reads places at the start of a word jieba did not cut
// (德国总理/nr, 英国首相/nz, 延安精神/nr, 中国台北/ns): the PFR annotation
// and researchers count the country in "the German chancellor". A word
// that is two listed places (中国台北) gives both; the full name of a
// state (越南社会主义共和国) is one place.
func wordPlaces(text string, t word) []corpus.Mention {
	if t.han != t.runes || t.gaz {
		return nil
	}
	g := gazetteerPrefix(t.Term)
	if g == "" {
		return nil
	}
	rest := t.Term[len(g):]
	at := func(start int, w, rule string) corpus.Mention {
		span := corpus.Span{Start: start, End: start + len(w)}
		return corpus.Mention{Kind: corpus.KindPlace, Span: span, Value: text[span.Start:span.End], Rule: rule}
	}
	if gazetteer[rest] && !isSuffixWord(string(lastRune(rest))) {
		// 马里兰州 (Maryland) is no 马里 (Mali) and 兰州 (Lanzhou).
		return []corpus.Mention{at(t.Span.Start, g, "place/word"), at(t.Span.Start+len(g), rest, "place/word")}
	}
	if states.has(t.Term) {
		span := t.Span // 越南社会主义共和国/nt: the state's full name is one place
		return []corpus.Mention{{Kind: corpus.KindPlace, Span: span, Value: text[span.Start:span.End], Rule: "place/word"}}
	}
	if !(placeHeads[rest] || roleOf(rest) == rest || rest == "站") || t.POS == "ns" && !placeHeads[rest] {
		return nil
	}
	return []corpus.Mention{at(t.Span.Start, g, "place/word")}
}

// gazetteerPrefix returns the longest listed place of two to five
// characters that w starts with and is longer than, or "".
func gazetteerPrefix(w string) string {
	if !gazetteerFirst.Has(firstRune(w)) || !gazetteerStarts[prefixRunes(w, 2)] {
		return "" // the common case, tested at every word
	}
	for _, n := range []int{5, 4, 3, 2} {
		if p := prefixRunes(w, n); p != "" && p != w && gazetteer[p] && !ambiguousPrefix[p] {
			return p
		}
	}
	return ""
}

// gazetteerFirst holds the first character of the listed places: a bit
// test that turns most words away before the map.
var gazetteerFirst = firstRunes(gazetteer)

// gazetteerStarts holds the first two characters of the listed places.
var gazetteerStarts = func() map[string]bool {
	m := map[string]bool{}
	for p := range gazetteer {
		m[prefixRunes(p, 2)] = true
	}
	return m
}()

// states end the full names of states (越南社会主义共和国, 大不列颠及北爱尔兰联合王国).
var states = newSuffixSet([]string{"共和国", "王国", "公国", "合众国", "酋长国"})

// ambiguousPrefix are listed places that begin words about something
// else: 北极熊 (the polar bear), 中东部 (the middle east of a country),
// 阿拉伯语 (Arabic), 南极洲 is listed whole; 拉美 is an abbreviation, and
// the PFR annotation counts no abbreviation as a place.
var ambiguousPrefix = set("拉美", "北极", "南极", "中东", "阿拉伯", "加沙", "拉法", "尼斯", "黑山", "中亚", "东亚", "南亚",
	"西亚", "北非", "东欧", "西欧", "北欧", "南欧", "加勒比")

// placeHeads follow a place inside a word (美洲国家, 延安精神, 台湾当局):
// the place's people, state, spirit and parts. With the roles (英国首相)
// and 站 (北京站, the station of Beijing) they are the only rests taken:
// a place glued to anything else is a word about its people, language or
// goods (中国人, 英国式, 蒙古包).
var placeHeads = set(strings.Fields(`
国家 人民 政府 同胞 精神 方面 境内 全境 各地 沿海 当局 首都 西岸 东岸 南岸 北岸 沿岸 一带 边境 上空 海域 境外
`)...)

// facilities end names of buildings and sites, which the PFR annotation
// and researchers treat as places: 玉溪博物馆, 乐天宾馆, 北京工人体育场.
var facilities = []string{"博物馆", "纪念馆", "宾馆", "饭店", "酒店", "体育场", "体育馆", "火车站",
	"机场", "广场", "公园", "陵园", "大厦", "大桥",
	"网球中心", "体育中心", "博览中心", "展览中心", "会展中心", "会议中心", "购物中心", "游泳馆", "展览馆",
	"球场", "高尔夫球场", "网球场", "大剧院", "剧院", "音乐厅", "大礼堂", "会堂"}

var facilitySet = newSuffixSet(facilities)

// facility reads a place name followed by words ending in a facility
// suffix, at most four words in all. It returns the mention and the words
// used.
func facility(text string, tags []word, i int) (corpus.Mention, int, bool) {
	t := tags[i]
	if !(t.POS == "ns" || t.gaz || t.POS == "nz" || t.POS == "nr" || t.POS == "nt") || t.han < 2 || t.notPlace {
		return corpus.Mention{}, 0, false
	}
	for k := i; k < len(tags) && k < i+4; k++ {
		if k > i && (!adjacent(tags[k-1], tags[k]) || tags[k].han != tags[k].runes || !facilityPart(tags[k])) {
			break // 领导人/n 来到/v 人民大会堂: a verb ends the name
		}
		if w := text[t.Span.Start:tags[k].Span.End]; facilitySet.has(w) && (k > i || t.POS == "ns" || t.POS == "nt" && hanLen(w) >= 4) {
			span := corpus.Span{Start: t.Span.Start, End: tags[k].Span.End}
			return corpus.Mention{Kind: corpus.KindPlace, Span: span, Value: text[span.Start:span.End], Rule: "place/facility"}, k - i + 1, true
		}
	}
	return corpus.Mention{}, 0, false
}

// facilityPart reports a word that may continue a facility's name: nouns
// and names, not verbs, adjectives or function words (伦敦 著名景点
// 大英博物馆 is the British Museum, a famous sight of London).
func facilityPart(t word) bool {
	switch t.POS {
	case "n", "ns", "nz", "nt", "nr", "nrt", "j":
		return true
	}
	return false
}

// isSuffixWord reports whether a word is a lone place suffix.
func isSuffixWord(w string) bool {
	for _, s := range placeSuffixes {
		if w == s {
			return true
		}
	}
	return false
}

// genericPlace reports a two-character word made of a qualifier and a
// place suffix (新区, 全省, 本市, 该县), which names a kind of place or
// refers back to one, not a place.
func genericPlace(w string) bool {
	if runeCount(w) != 2 {
		return false
	}
	first := firstRune(w)
	return strings.ContainsRune("新老本该全各外此我贵我其大小山城郊景园", first) &&
		isSuffixWord(strings.TrimPrefix(w, string(first)))
}

// IsPlaceName reports whether w is a place name of the gazetteer: a
// country, a Chinese province (full or short form), a capital or a large
// city. The initiative rules use it for names built on a place (健康江苏).
func IsPlaceName(w string) bool { return gazetteer[w] }
