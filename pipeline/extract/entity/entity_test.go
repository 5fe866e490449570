package entity

import (
	"fmt"
	"strings"
	"testing"

	"github.com/baogao/baogao/corpus"
)

// tagged builds a text and its tags from "word/pos" items; a bare "，"
// item is punctuation, kept in the text but not tagged, as segment.Tag does.
func tagged(items ...string) (string, []corpus.Token) {
	var b strings.Builder
	var tags []corpus.Token
	for _, it := range items {
		w, pos, ok := strings.Cut(it, "/")
		start := b.Len()
		b.WriteString(w)
		if ok {
			tags = append(tags, corpus.Token{Span: corpus.Span{Start: start, End: b.Len()}, Term: w, POS: pos})
		}
	}
	return b.String(), tags
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name  string
		items []string
		want  string
	}{
		{"a country's government is an org whatever jieba's tag", []string{"吉尔吉斯斯坦/nrt", "政府/n", "表示/v"}, "[org:吉尔吉斯斯坦政府]"},
		{"a leader's government is the leader", []string{"马卡洛夫/nrt", "政府/n", "下台/v"}, "[person:马卡洛夫]"},
		{"a country in brackets inside a company's name", []string{"西门子/nr", "（", "中国/ns", "）", "有限公司/n", "成立/v"}, "[org:西门子（中国）有限公司]"},
		{"a name does not start in brackets", []string{"（", "中国/ns", "）", "投资/vn", "有限公司/n"}, "[place:中国]"},
		{"a place in brackets after a name is a place", []string{"长城/ns", "医院/n", "（", "北京/ns", "）", "开展/v"}, "[org:长城医院 place:北京]"},
		{"a listed org after its country is one org", []string{"中国/ns", "中央/n", "广播电视/nt", "总台/n", "与/p"}, "[org:中央广播电视总台=中国中央广播电视总台]"},
		{"kinds of units are no orgs", []string{"军乐团/nt", "和/c", "科研院所/nt", "、", "俄军/j", "指挥所/n"}, "[]"},
		{"a virus named by a transliteration is no person", []string{"抗击/vn", "寨卡/nrt", "病毒/n", "和/c", "马尔代/nrt", "疫情/n"}, "[]"},
		{"an unknown word ending in 岛 is an island", []string{"前往/v", "图瓦岛/x", "西部/f"}, "[place:图瓦岛]"},
		{"a transliterated -ovo town is a place", []string{"在/p", "伊万/nrt", "诺沃/x", "方向/n"}, "[place:伊万诺沃]"},
		{"a short name ending in 沃 after a role is a person", []string{"议长/n", "卡沃/nrt", "会见/v"}, "[person:卡沃(议长)]"},
		{"many countries is no place", []string{"亚洲/ns", "多国/ns", "和/c", "数国/ns"}, "[place:亚洲]"},
		{"a name cut after its surname, after a list number", []string{"5./m", "丁/nr", "建华/x", "参加/v", "审议/v"}, "[person:丁建华]"},
		{"a number before a measure word is no list label", []string{"增加/v", "200/m", "张/nr", "床位/x", "建设/v"}, "[]"},
		{"a country's short name and its media are no name", []string{"9./m", "黎/nr", "媒体/n", "称/v"}, "[]"},
		{"a name cut after its surname, before a verb tagged as a noun", []string{"会后/t", "，", "蒋/nr", "立新/x", "会见/n", "了/ul"}, "[person:蒋立新]"},
		{"place then hospital is one org", []string{"青山市/ns", "中心医院/nt", "开展/v", "义诊/n"}, "[org:青山市中心医院]"},
		{"local prefix org", []string{"市中心/n", "医院/n", "党委/n", "召开/v"}, "[org:市中心医院党委]"},
		{"university hospital with 附属", []string{"南河/ns", "医科大学/nt", "附属/v", "医院/n"}, "[org:南河医科大学附属医院]"},
		{"generic single word is no org", []string{"公立医院/nt", "改革/vn"}, "[]"},
		{"punctuation breaks an org", []string{"青山市/ns", "，", "医院/n"}, "[place:青山市]"},
		{"role before unknown word", []string{"院长/n", "何建国/x", "介绍/v"}, "[person:何建国(院长)]"},
		{"unknown word before speech verb", []string{"林晓雯/x", "说/v"}, "[person:林晓雯]"},
		{"unknown word without a surname is nothing", []string{"晓雯/x", "来到/v"}, "[]"},
		{"three-char nr with surname", []string{"周海峰/nr", "来到/v"}, "[person:周海峰]"},
		{"nr ending like a department is no person", []string{"麻醉科/nr"}, "[]"},
		{"nr without surname is no person", []string{"幸福感/nr"}, "[]"},
		{"surname that starts ordinary words needs context", []string{"高水平/nr", "白皮书/nr"}, "[]"},
		{"role after the name", []string{"王晓东/nr", "总书记/n", "指出/v"}, "[person:王晓东(总书记)]"},
		{"country before a role is a place, not a person", []string{"乌克兰/nr", "总统/n"}, "[place:乌克兰]"},
		{"demonstrative after a role is no name", []string{"主席/n", "此访/x"}, "[]"},
		{"ns word that is a verb is no place", []string{"上台/ns", "东湖镇/ns"}, "[place:东湖镇]"},
		{"generic place noun", []string{"城市/ns", "文明城市/ns"}, "[]"},
		{"bare provinces and countries are places", []string{"新疆/ns", "和/c", "美国/ns", "、", "北京/ns"}, "[place:新疆 place:美国 place:北京]"},
		{"kinds of places are no places", []string{"上市/ns", "城镇/ns", "新区/ns", "山区/ns", "全省/ns"}, "[]"},
		{"gazetteer wins over a wrong tag", []string{"抵达/v", "莫斯科/nr", "和/c", "河内/s"}, "[place:莫斯科 place:河内]"},
		{"name tagged nr before a place suffix", []string{"阿尔泰/nr", "省/n", "农民/n"}, "[place:阿尔泰省]"},
		{"foreign name with a middle dot", []string{"主席/n", "海因里希/nrt", "·", "冯/nr", "·", "皮勒/nr", "先生/n"}, "[person:海因里希·冯·皮勒]"},
		{"a dotted name whose first part jieba tags as a place", []string{"记者/n", "东摩/ns", "·", "加德纳/nrt", "爆料/n"}, "[person:东摩·加德纳]"},
		{"a dateline of place and place is no name", []string{"中国/ns", "·", "杭州/ns", "报道/v"}, "[place:中国 place:杭州]"},
		{"a hyphenated transliterated name", []string{"主席/n", "罗德里/nr", "-", "卡/n", "萨尔/nrt", "会见/v"}, "[person:罗德里-卡萨尔]"},
		{"a dotted title of a place and a character is no name", []string{"“", "中国/ns", "·", "唐/nr", "——"}, "[place:中国]"},
		{"a hyphen between countries is no name", []string{"沙特/ns", "-", "伊朗/ns", "和解/v"}, "[place:沙特 place:伊朗]"},
		{"a foreign name cut after a one-character piece tagged as a name", []string{"总统/n", "泽/nr", "连诺夫/nr", "表示/v"}, "[person:泽连诺夫]"},
		{"a long transliterated unknown word after a role", []string{"总统/n", "佩雷希齐扬/x", "说/v"}, "[person:佩雷希齐扬(总统)]"},
		{"a long transliterated unknown word alone is no name", []string{"佩雷希齐扬/x", "的/uj"}, "[]"},
		{"a Japanese name of two unknown words after a Japanese title", []string{"日本首相/n", "高田/x", "早苗/x", "的/uj"}, "[place:日本 person:高田早苗(首相)]"},
		{"a Japanese name of two unknown words after Japan and a title", []string{"日本/ns", "外相/n", "高田/x", "早苗/x", "的/uj"}, "[place:日本 person:高田早苗(外相)]"},
		{"a name first in the text with its role after it", []string{"周明/x", "同志/n", "因病/d", "逝世/v"}, "[person:周明(同志)]"},
		{"a name and an unknown verb after a title", []string{"院长/n", "杨明/x", "领建/x", "的/uj"}, "[person:杨明(院长)]"},
		{"a transliterated name with a last character cut off after a role", []string{"总理/n", "欧尔/ns", "班/n", "表示/v"}, "[person:欧尔班(总理)]"},
		{"a name jieba's dictionary tags as a place", []string{"总统/n", "普京/ns", "会见/n", "，", "普京/ns", "表示/v"}, "[person:普京 person:普京]"},
		{"a surname-led unknown word listed with places is a place", []string{"在/p", "苏林/x", "、", "哈尔科夫/nrt", "方向/n"}, "[place:苏林 place:哈尔科夫]"},
		{"a surname-led unknown word listed with persons stays a person", []string{"苏林/x", "、", "周海峰/nr", "来到/v"}, "[person:苏林 person:周海峰]"},
		{"provinces' abbreviations before a region are one place", []string{"推进/v", "京津/ns", "大湾/ns", "区/n", "建设/vn"}, "[place:京津大湾区]"},
		{"dotted pair of words is no name", []string{"婚姻/n", "·", "家庭/n"}, "[]"},
		{"foreign name cut into pieces", []string{"部长/n", "阿克/nrt", "萨科夫/x", "是/v"}, "[person:阿克萨科夫]"},
		{"transliterated name alone", []string{"纳扎尔巴耶夫/nrt", "访问/v"}, "[person:纳扎尔巴耶夫]"},
		{"unknown word with a surname", []string{"记者/n", "，", "林晓燕/x", "来到/v"}, "[person:林晓燕]"},
		{"photo credit glued to the name", []string{"（", "周建平摄/x", "）"}, "[person:周建平]"},
		{"surname and given name cut apart in a byline", []string{"（", "倪/nr", "宁/j", "）"}, "[person:倪宁]"},
		{"surname-like word with a function character", []string{"访/v", "韩时/x", "，"}, "[]"},
		{"org alias gets its canonical value", []string{"中央政治局/nt", "召开/v", "会议/n"}, "[org:中共中央政治局=中央政治局]"},
		{"role glued to an org is left out", []string{"中共/j", "中央政治局常委/nt", "、"}, "[org:中共中央政治局]"},
		{"a numeral cut off a numbered group belongs to it", []string{"出席/v", "二/m", "十国集团/nt", "峰会/n"}, "[org:二十国集团]"},
		{"a numbered group jieba keeps whole", []string{"七十七国集团/nt", "和/c", "八国集团/nt"}, "[org:七十七国集团 org:八国集团]"},
		{"a numeral before a named unit whose name has none stays out", []string{"两/m", "国务院/nt", "部门/n"}, "[org:国务院]"},
		{"a surname tagged as a name before an unknown given name, before a phrase", []string{"副局长/n", "丁/nr", "明远/x", "出席会议/l"}, "[person:丁明远]"},
		{"a surname tagged as a name before an unknown given name, before a date", []string{"局长/n", "丁/nr", "明远/x", "2/x", "日/m"}, "[person:丁明远]"},
		{"a delegation is no org", []string{"周海峰/nr", "一行/m", "抵达/v"}, "[person:周海峰]"},
		{"ministry tagged as a common noun", []string{"经/p", "水利部/n", "审批/v"}, "[org:水利部]"},
		{"national body cut at a conjunction", []string{"人力资源/n", "和/c", "社会保障部/n", "发布/v"}, "[org:人力资源和社会保障部]"},
		{"national body cut between nouns", []string{"农业/n", "农村部/n", "印发/v"}, "[org:农业农村部]"},
		{"known org continued by a suffix", []string{"中国人民解放军/nt", "军乐团/n", "演奏/v"}, "[org:中国人民解放军军乐团]"},
		{"congress is no person", []string{"党的/x", "二十大/nrt", "精神/n"}, "[]"},
		{"nationality is no person", []string{"巴勒斯坦人/nrt", "说/v"}, "[]"},
		{"dictionary junk tagged nr", []string{"林火/nr", "、", "夏粮/nr", "、", "陆军/nr"}, "[]"},
		{"war-zone city tagged nrt is a place", []string{"顿涅茨克/nrt", "地区/n"}, "[place:顿涅茨克]"},
		{"museum is a place", []string{"参观/v", "玉溪/nr", "博物馆/n"}, "[place:玉溪博物馆]"},
		{"two teams are two names", []string{"中国女篮/nt", "再负/x", "美国队/nt"}, "[org:中国女篮 org:美国队]"},
		{"sub-unit continues an org", []string{"北京大学/nt", "医学部/n", "教授/n"}, "[org:北京大学医学部]"},
		{"title of last year is no part of the team", []string{"淘汰/v", "上届/j", "冠军/n", "瑞典队/nt"}, "[org:瑞典队]"},
		{"a person's cabinet is no org", []string{"原/b", "切尔诺梅尔金/nrt", "政府/n", "成员/n"}, "[person:切尔诺梅尔金]"},
		{"three-character name cut after two", []string{"画家/n", "王成/x", "喜/v", "访台/v"}, "[person:王成喜(画家)]"},
		{"transliterated name tagged nr", []string{"演说/v", "后/f", "，", "曼德拉/nr", "来到/v"}, "[person:曼德拉]"},
		{"name alone in a byline", []string{"（", "马/n", "宏伟/a", "）"}, "[person:马宏伟]"},
		{"place alone in brackets is no name", []string{"（", "江西/ns", "）"}, "[place:江西]"},
		{"town cut apart is one place", []string{"控制/v", "波克罗/nrt", "夫斯/x", "克/nr"}, "[place:波克罗夫斯克]"},
		{"a transliterated organisation", []string{"欧佩克/nrt", "宣布/v", "增产/v"}, "[org:石油输出国组织=欧佩克]"},
		{"foreign name starting with a one-character word", []string{"秘书长/n", "古/a", "特雷斯/nr", "在/p"}, "[person:古特雷斯]"},
		{"listed town cut apart", []string{"在/p", "巴赫/nr", "穆特/nrt", "击退/v"}, "[place:巴赫穆特]"},
		{"an nt word without a suffix is an org", []string{"联合国/nt", "秘书长/n", "发表/v"}, "[org:联合国]"},
		{"a discipline tagged nt is no org", []string{"研究/v", "天文学/nt", "和/c", "交易会/nt"}, "[]"},
		{"congress number is no part of the name", []string{"在/p", "十届全国人大/nt", "一次/m", "会议/n"}, "[org:全国人民代表大会=全国人大]"},
		{"club and 队 in one unknown word", []string{"的/uj", "飞虎队/x", "在/p", "主场/n"}, "[org:飞虎队]"},
		{"kinds of teams are no orgs", []string{"篮球队/n", "、", "医疗队/n", "、", "国家队/n"}, "[]"},
		{"men's side of a country is the country", []string{"荷兰/ns", "男队/n", "获胜/v"}, "[place:荷兰]"},
		{"a description before a team name", []string{"意大利/ns", "足坛/n", "劲旅/n", "佛罗伦萨/ns", "队/n"}, "[place:意大利 org:佛罗伦萨队]"},
		{"department after a party committee", []string{"河东省委/nt", "宣传部/nr", "部长/n"}, "[org:河东省委宣传部]"},
		{"party members are no party", []string{"中国共产党/nt", "人/n", "认为/v"}, "[]"},
		{"a country glued to a title", []string{"英国首相/nz", "布朗/nr", "说/v"}, "[place:英国 person:布朗(首相)]"},
		{"two places in one word", []string{"来自/v", "中国台北/ns", "的/uj"}, "[place:中国 place:台北]"},
		{"a place glued to its spirit", []string{"发扬/v", "井冈山精神/nr"}, "[]"},
		{"a province glued to its spirit", []string{"发扬/v", "延安精神/nr"}, "[place:延安]"},
		{"a yurt is no place", []string{"三座/m", "蒙古包/nz"}, "[]"},
		{"full name of a state is one place", []string{"越南社会主义共和国/nt", "国旗/n"}, "[place:越南社会主义共和国]"},
		{"school named by its number", []string{"考入/v", "青山市/ns", "十一中/s", "读书/v"}, "[org:青山市十一中]"},
		{"sports centre is a place", []string{"在/p", "青山/ns", "网球/n", "中心/n", "举行/v"}, "[place:青山网球中心]"},
		{"a suffix alone is no org", []string{"农技/n", "推广站/nz", "的/uj"}, "[]"},
		{"a measure word breaks an org", []string{"青山县/ns", "一位/m", "农村/n", "党支部/j", "书记/n"}, "[place:青山县]"},
		{"Japanese name in one word", []string{"首相/n", "桥本义雄/n", "说/v"}, "[person:桥本义雄]"},
		{"Japanese name cut after the surname", []string{"铃木/nr", "春男/x", "在/p", "会上/t"}, "[person:铃木春男]"},
		{"Japanese city is no name", []string{"松本市/ns", "的/uj"}, "[place:松本市]"},
		{"name tagged as a numeral after a byline role", []string{"记者/n", "许卫群/m", "报道/v"}, "[person:许卫群(记者)]"},
		{"name tagged as a noun after a title", []string{"代总理/n", "金德洙/n", "今天/t"}, "[person:金德洙(总理)]"},
		{"what a gentleman did is no name", []string{"王明/nr", "先生/n", "有言/x", "在先/d"}, "[person:王明(先生)]"},
		{"surname tagged otherwise after a break", []string{"，", "刘/zg", "文斌/n", "在/p"}, "[person:刘文斌]"},
		{"surname tagged nr after a noun", []string{"女儿/n", "吴/nr", "丽丽/z", "本该/d"}, "[person:吴丽丽]"},
		{"foreign name with a preposition glued on", []string{"最后/f", "克莱/nrt", "默斯/nrt", "基以/x", "2/x"}, "[person:克莱默斯基]"},
		{"a currency after a number is no name", []string{"四亿/m", "图格里克/nrt"}, "[]"},
		{"a name before a date is a name", []string{"主席/n", "阿拉法特/nrt", "29/m", "日/m"}, "[person:阿拉法特(主席)]"},
		{"a verb with a surname-like first character", []string{"一只/m", "戴着/x", "一对/m"}, "[]"},
		{"the West Bank is one place", []string{"从/p", "约旦河西岸/ns", "撤军/v"}, "[place:约旦河西岸]"},
		{"a continent before its states", []string{"美洲国家/ns", "首脑/n"}, "[place:美洲]"},
		{"a week is no surname", []string{"宣传/vn", "周/nr", "启动/v"}, "[]"},
		{"a role is no given name", []string{"习/v", "主席/n", "指出/v"}, "[]"},
		{"an airport is no Japanese name", []string{"羽田/nr", "机场/n", "起飞/v"}, "[place:羽田机场]"},
		{"Maryland is no Mali", []string{"马里兰州/ns", "州长/n"}, "[place:马里兰州]"},
		{"China's congress is the congress", []string{"中国/ns", "全国人大/nt", "愿/v", "同/p"}, "[org:全国人民代表大会=中国全国人大]"},
		{"a prefecture is one place", []string{"青松/ns", "地区/n", "已/d"}, "[place:青松地区]"},
		{"a region's abbreviation is no place", []string{"在/p", "亚太地区/ns", "的/uj"}, "[]"},
		{"a township jieba tags as a name", []string{"去年/t", "杨柳乡/nr", "农民/n"}, "[place:杨柳乡]"},
		{"a city tagged as a noun after its province", []string{"河南省/ns", "新野市/n", "的/uj"}, "[place:河南省 place:新野市]"},
		{"a kind of county is no place", []string{"全省/n", "贫困县/n", "和/c", "示范村/nz"}, "[]"},
		{"a village cut from its suffix", []string{"说/v", "柳树湾/n", "村/zg", "现有/b"}, "[place:柳树湾村]"},
		{"a noun glued to a newspaper", []string{"法制/n", "日报社/nt", "记者/n"}, "[org:法制日报社]"},
		{"a bank's branch in a city", []string{"交通银行/nt", "青山/ns", "分行/v", "行长/n"}, "[org:交通银行青山分行]"},
		{"a country's parliament in one word", []string{"俄罗斯国家杜马/ns", "通过/v"}, "[org:俄罗斯国家杜马]"},
		{"a rare surname after a role", []string{"主席/n", "万凯/x", "、"}, "[person:万凯(主席)]"},
		{"a rare surname alone is no name", []string{"万凯/x", "、"}, "[]"},
		{"one is a given-name character", []string{"　", "赵一明/x", "　"}, "[person:赵一明]"},
		{"because glued to a name", []string{"市长/n", "靳明因/x", "工作/vn"}, "[person:靳明(市长)]"},
		{"a master is no given name", []string{"的/uj", "尹/nr", "师傅/nr", "叫/v"}, "[]"},
		{"auxiliary police are no name", []string{"民警/n", "辅警/x", "深入/v"}, "[]"},
		{"a foreign name cut before 龙", []string{"总统/n", "马克/nr", "龙/n", "代表/n"}, "[person:马克龙]"},
		{"a former title ends a committee", []string{"青山省委/nt", "原常委/n", "、"}, "[org:青山省委]"},
		{"a title after a name is no org", []string{"、", "周海峰/nr", "常委/n", "、"}, "[person:周海峰]"},
		{"a famous sight is no part of a museum's name", []string{"伦敦/ns", "著名/a", "景点/n", "大英博物馆/nt"}, "[place:伦敦 place:大英博物馆]"},
		{"a common word tagged nrt", []string{"享有/v", "崇高威望/nrt"}, "[]"},
		{"a split name before a time", []string{"党员/n", "李/nr", "春明/n", "今年/t"}, "[person:李春明]"},
		{"a given name tagged nr after a surname tagged otherwise", []string{"工人/n", "刘/zg", "宝华/nr", "获得/v"}, "[person:刘宝华]"},
		{"a name tagged as a time before its title", []string{"周海峰/t", "总理/n"}, "[person:周海峰(总理)]"},
		{"a name glued to a residence", []string{"参观/v", "周海峰故居/nr"}, "[person:周海峰]"},
		{"a residence tagged as a place is a place", []string{"参观/v", "周海峰故居/ns"}, "[place:周海峰故居]"},
		{"a doctrine named after a person is no person", []string{"以/p", "周海峰理论/nr", "为/p"}, "[]"},
		{"UN bodies go on through a place", []string{"中共中央/nt", "青山/ns", "工作/vn", "办公室/n"}, "[org:中共中央青山工作办公室]"},
		{"Hamas is an org", []string{"哈马斯/nrt", "领导人/n"}, "[org:伊斯兰抵抗运动=哈马斯]"},
		{"two teams and a match", []string{"青山队/nt", "战胜/n", "松林/ns", "队/n"}, "[org:青山队 org:松林队]"},
		{"a meeting verb tagged as a noun ends a name", []string{"在/p", "巴黎/ns", "会见/n", "国际奥委会/nt", "主席/n"}, "[place:巴黎 org:国际奥林匹克委员会=国际奥委会]"},
		{"a name cut into three single characters", []string{"、", "陈/nr", "文/n", "清/t", "、"}, "[person:陈文清]"},
		{"a prefecture jieba tags as a name", []string{"柳州/nr", "并/c", "不/d"}, "[place:柳州]"},
		{"a listed prefecture and 地区", []string{"商丘/ns", "地区/n", "已/d"}, "[place:商丘地区]"},
		{"a country and 地区 stays the country", []string{"中东/ns", "地区/n", "局势/n"}, "[place:中东]"},
		{"a station under a township, a city and a province", []string{"青山/ns", "省/n", "松林/ns", "市/n", "杨柳/nr", "乡/n", "农技/n", "推广站/nz", "的/uj"}, "[org:青山省松林市杨柳乡农技推广站]"},
		{"a name before a township suffix is a township", []string{"去年/t", "杨柳/nr", "乡/n", "农民/n"}, "[place:杨柳乡]"},
		{"a title and a name end no organisation", []string{"韩国/ns", "总统/n", "金德洙/x", "2/x", "日到/x", "中国/ns", "驻/v", "韩国/ns", "使馆/n"}, "[place:韩国 person:金德洙(总统) org:中国驻韩国使馆]"},
		{"working with another country ends a name", []string{"青山/ns", "电视台/n", "联合/v", "俄罗斯/ns", "国家/n", "电视/n", "公司/n"}, "[org:青山电视台 org:俄罗斯国家电视公司]"},
		{"a company in Latin letters", []string{"美国/ns", "XYZ/eng", "公司/n", "宣布/v"}, "[org:美国XYZ公司]"},
		{"Latin letters alone are no org", []string{"用/p", "xyz/eng", "电脑/n"}, "[]"},
		{"a company jieba tags as a place", []string{"青松电器公司/ns", "宣布/v"}, "[org:青松电器公司]"},
		{"a role glued to an office", []string{"青山/ns", "律师/n", "事务所律师/n", "王明/nr"}, "[org:青山律师事务所 person:王明(律师)]"},
		{"a preposition glued before a name", []string{"来华/v", "同周海峰/x", "主任/b", "的/uj"}, "[person:周海峰(主任)]"},
		{"a name and a speech verb in a byline", []string{"（", "韩明/x", "说/v", "）"}, "[person:韩明]"},
		{"country abbreviations are no foreign name", []string{"在/p", "美/ns", "英法德/nr", "推动/v"}, "[]"},
		{"a number before a nationality is no name", []string{"110/m", "万/m", "巴勒斯坦人/nrt", "在/p"}, "[]"},
		{"a common word tagged nr after a title", []string{"总书记/n", "希冀/nr", "科技/n"}, "[]"},
		{"a university's department is the university's", []string{"据/p", "青山大学/nt", "中文系/nt", "教授/n"}, "[org:青山大学中文系]"},
		{"a university's students' association through a country", []string{"青山大学/nt", "中国/ns", "留学生/n", "联谊会/nt", "会长/n"}, "[org:青山大学中国留学生联谊会]"},
		{"an alumni association", []string{"通过/p", "松林学院/nt", "校友会/n", "联系/n"}, "[org:松林学院校友会]"},
		{"a government after a university is a second name", []string{"由/p", "青山大学/nt", "松林市/ns", "人民政府/nt", "共建/v"}, "[org:青山大学 org:松林市人民政府]"},
		{"a university after a university is a second name", []string{"青山大学/nt", "松林大学/nt", "联合/v"}, "[org:青山大学 org:松林大学]"},
		{"overall situation is no bureau", []string{"党和国家/nt", "工作/vn", "大局/n"}, "[]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, tags := tagged(tt.items...)
			var got []string
			for _, m := range Extract(text, tags) {
				if m.Kind != corpus.KindOrg && text[m.Span.Start:m.Span.End] != m.Value {
					t.Errorf("span of %v does not slice to its value", m)
				}
				s := fmt.Sprintf("%v:%s", m.Kind, m.Value)
				if surface := text[m.Span.Start:m.Span.End]; surface != m.Value {
					s += "=" + surface // a canonical name: the text as written too
				}
				if m.Noun != "" {
					s += "(" + m.Noun + ")"
				}
				got = append(got, s)
			}
			if fmt.Sprint(got) != tt.want {
				t.Errorf("Extract(%q) = %v; want %v", text, got, tt.want)
			}
		})
	}
}

// TestOrgCanonical: informal names get the listed full name, and a
// country written with one character gets its name before a government
// body, only where the character stands for one country.
func TestOrgCanonical(t *testing.T) {
	for in, want := range map[string]string{
		"中央政治局":   "中共中央政治局",
		"俄国防部":    "俄罗斯国防部",
		"美国务院":    "美国国务院",
		"美政府":     "美国政府",
		"美国政府":    "美国政府",
		"日外务省":    "日外务省",
		"巴政府":     "巴政府",
		"伊外交部":    "伊外交部",
		"俄军":      "俄军",
		"以 国防部":   "以色列国防部",
		"青山市人民医院": "青山市人民医院",
	} {
		if got := OrgCanonical(in); got != want {
			t.Errorf("OrgCanonical(%q) = %q; want %q", in, got, want)
		}
	}
}
