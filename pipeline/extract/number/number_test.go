package number

import (
	"fmt"
	"strings"
	"testing"

	"github.com/baogao/baogao/corpus"
)

// show renders a mention compactly for comparison: the surface form,
// then value, grain, unit, approximation marker and noun.
func show(text string, m corpus.Mention) string {
	return fmt.Sprintf("%s=%s|%s|%s|%s|%s", text[m.Span.Start:m.Span.End], m.Value, m.Grain, m.Unit, m.Approx, m.Noun)
}

func extractShown(text string) []string {
	var got []string
	for _, m := range New().Extract(text, corpus.Date{}) {
		got = append(got, show(text, m))
	}
	return got
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		// Arabic, Chinese and mixed numerals.
		{"arabic with approx and noun", "该院现有4000余名职工。", []string{"4000余名=4000|cardinal|名|余|职工"}},
		{"chinese digit with classifier", "医院派出三名医生，", []string{"三名=3|cardinal|名||医生"}},
		{"chinese thousands with approx", "全年服务两千余人次。", []string{"两千余人次=2000|cardinal|人次|余|"}},
		{"chinese with inner zero", "累计接诊一万零四十例。", []string{"一万零四十例=10040|cardinal|例||"}},
		{"financial numerals", "合同金额为壹佰贰拾万元整。", []string{"壹佰贰拾万元整=1200000|cardinal|元||"}},
		{"chinese digits as year", "二〇二一年工作总结", []string{"二〇二一年=2021|cardinal|年||"}},
		{"colloquial chinese", "采购了三百五台设备", []string{"三百五台=350|cardinal|台||设备"}},
		{"decimal with wan", "惠及群众1.2万人。", []string{"1.2万人=12000|cardinal|人||"}},
		{"wan yuan folds into value", "投入资金30万元用于改造。", []string{"30万元=300000|cardinal|元||"}},
		{"yi yuan", "项目总投资3亿元。", []string{"3亿元=300000000|cardinal|元||"}},
		{"yi with approx before unit", "全年完成营收3.5亿余元。", []string{"3.5亿余元=350000000|cardinal|元|余|"}},
		{"approx before multiplier", "累计投入100多万元。", []string{"100多万元=1000000|cardinal|元|多|"}},
		{"full-width digits", "已接种１２３４５剂次。", []string{"１２３４５剂次=12345|cardinal|剂次||"}},
		{"thousands separators", "全年门诊量1,234,567人次。", []string{"1,234,567人次=1234567|cardinal|人次||"}},
		{"number at line start", "共计\n12家医院参加", []string{"12家=12|cardinal|家||医院"}},
		{"decimal", "圆周率取3.14计算", []string{"3.14=3.14|cardinal|||"}},
		{"trailing zeros dropped", "设备重3.50吨", []string{"3.50吨=3.5|cardinal|吨||"}},
		{"chinese decimal digits", "测得数值为一七二零点一", []string{"一七二零点一=1720.1|cardinal|||"}},
		{"chinese decimal with yi", "带动消费三点五亿元", []string{"三点五亿元=350000000|cardinal|元||"}},
		{"latin unit", "每袋重10kg左右", []string{"10kg左右=10|cardinal|kg|左右|"}},
		{"per unit", "单日最高接种800剂/次", []string{"800剂/次=800|cardinal|剂/次||"}},

		// Negatives.
		{"below zero", "夜间气温降至零下9℃。", []string{"零下9℃=-9|cardinal|℃||"}},
		{"minus sign", "最低气温为-3℃。", []string{"-3℃=-3|cardinal|℃||"}},
		{"fu", "净增长为负2个", []string{"负2个=-2|cardinal|个||"}},

		// Percentages and fractions.
		{"percent sign", "使用比例为23.35%。", []string{"23.35%=23.35|percent|%||"}},
		{"full-width percent", "满意度达９９．５％", []string{"９９．５％=99.5|percent|%||"}},
		{"percent after verb", "较去年同期增长了11.98%", []string{"11.98%=11.98|percent|%||"}},
		{"percent chinese", "覆盖率达到百分之九十", []string{"百分之九十=90|percent|%||"}},
		{"percent chinese hundred", "做到百分之百落实", []string{"百分之百=100|percent|%||"}},
		{"permille chinese", "差错率控制在千分之五以内", []string{"千分之五以内=5|percent|‰|以内|"}},
		{"cheng", "约三成患者来自农村", []string{"约三成=30|percent|%|约|"}},
		{"cheng range", "七八成床位已满", []string{"七八成=70/80|range|%||"}},
		{"fraction", "三分之一的病例", []string{"三分之一=0.3333333333333333|fraction|||"}},
		{"percentage points", "合格率提高2.5个百分点", []string{"2.5个百分点=2.5|percent|百分点||"}},
		{"percent range", "降幅在10%-20%之间", []string{"10%-20%=10/20|range|%||"}},

		// Ordinals.
		{"ordinal chinese", "召开第十届职工代表大会", []string{"第十届=10|ordinal|届||"}},
		{"ordinal arabic", "这是今年第110个义诊日", []string{"第110个=110|ordinal|个||义诊日"}},
		{"ordinal across line break", "设第\n二道门岗", []string{"第\n二道=2|ordinal|道||门岗"}},
		{"ordinal without unit", "第九党支部开展活动", []string{"第九=9|ordinal|||"}},

		// Ranges.
		{"dash range", "为15-17岁青少年接种", []string{"15-17岁=15/17|range|岁||"}},
		{"zhi range", "预计3至5天完成", []string{"3至5天=3/5|range|天||"}},
		{"spaced range with units", "为 15 岁至 17 岁学生体检", []string{"15 岁至 17 岁=15/17|range|岁||"}},
		{"adjacent digits range", "最快也要三五天", []string{"三五天=3/5|range|天||"}},
		{"two three", "只来了两三个人", []string{"两三个=2/3|range|个||人"}},
		{"range with multiplier", "每户补贴3-5万元", []string{"3-5万元=30000/50000|range|元||"}},
		{"descending is no range", "比分为5-3", []string{"5=5|cardinal|||", "3=3|cardinal|||"}},

		// Approximation markers.
		{"yue", "约3000人参加", []string{"约3000人=3000|cardinal|人|约|"}},
		{"chaoguo", "增幅超过10%", []string{"超过10%=10|percent|%|超过|"}},
		{"budao", "不到5分钟即可办结", []string{"不到5分钟=5|cardinal|分钟|不到|"}},
		{"yishang", "60岁以上老人免费", []string{"60岁以上=60|cardinal|岁|以上|"}},
		{"zuoyou", "住院3天左右", []string{"3天左右=3|cardinal|天|左右|"}},
		{"shu", "每天有数百个病人在排队", []string{"数百个=100|cardinal|个|数|病人"}},
		{"shang", "门诊量上万", []string{"上万=10000|cardinal||上|"}},
		{"shang with unit", "费用上万元", []string{"上万元=10000|cardinal|元|上|"}},
		{"ge duo yue", "历时一个多月", []string{"一个多月=1|cardinal|个月|多|"}},
		{"qian yu", "千余名志愿者参与", []string{"千余名=1000|cardinal|名|余|志愿者"}},
		{"jin with time unit is not approx", "近3年来", []string{"3年=3|cardinal|年||"}},

		// OCR spacing and line breaks.
		{"spaced digits", "设有 38 个护士，", []string{"38 个=38|cardinal|个||护士"}},
		{"line break before unit", "降至 400 多\n元一枚", []string{"400 多\n元=400|cardinal|元|多|", "一枚=1|cardinal|枚||"}},

		// Bare 一 needs a measure word.
		{"yi with classifier", "开展一次义诊", []string{"一次=1|cardinal|次||"}},
		{"yi with ming", "选派一名骨干", []string{"一名=1|cardinal|名||骨干"}},
		{"yi with ge", "建成一个中心", []string{"一个=1|cardinal|个||中心"}},
		{"bai nian", "百年党史", []string{"百年=100|cardinal|年||"}},
		{"ten with classifier", "成立十个小组", []string{"十个=10|cardinal|个||小组"}},
		{"shi fen zhong is a duration", "步行十分钟", []string{"十分钟=10|cardinal|分钟||"}},
		{"yi dian wu", "增长一点五倍", []string{"一点五倍=1.5|cardinal|倍||"}},

		// Forms listed in the issue, each with its exact reading.
		{"bare chinese digits", "编号为二〇二一", []string{"二〇二一=2021|cardinal|||"}},
		{"bare wan", "观众突破30万", []string{"30万=300000|cardinal|||"}},
		{"bare decimal wan", "人数达1.2万", []string{"1.2万=12000|cardinal|||"}},
		{"bare minus", "温差为-3", []string{"-3=-3|cardinal|||"}},
		{"yixia", "体重在50公斤以下", []string{"50公斤以下=50|cardinal|公斤|以下|"}},
		{"duo without unit", "全乡共3000多职工", []string{"3000多=3000|cardinal||多|职工"}},
		{"units ming zhang li jia xiang", "派出5名医生，发放20张卡，确诊12例，走访30家企业，落实5项措施",
			[]string{"5名=5|cardinal|名||医生", "20张=20|cardinal|张||卡", "12例=12|cardinal|例||", "30家=30|cardinal|家||企业", "5项=5|cardinal|项||措施"}},
		{"square metres", "新建用房100平方米", []string{"100平方米=100|cardinal|平方米||"}},

		// Counted nouns.
		{"noun after yu without measure word", "全院4000余职工参加", []string{"4000余=4000|cardinal||余|职工"}},
		{"noun stops at verb", "全县8个乡镇开展试点", []string{"8个=8|cardinal|个||乡镇"}},
		{"noun stops at verb shibai", "一架客机失事", []string{"一架=1|cardinal|架||客机"}},
		{"noun bumen", "民政部等27部门联合印发", []string{"27部门=27|cardinal|部门||"}},

		// Multipliers before metric units and halves.
		{"wan before kilowatt", "装机总量达到9260万千瓦", []string{"9260万千瓦=92600000|cardinal|千瓦||"}},
		{"chinese wan before kilowatt", "新增五万千瓦", []string{"五万千瓦=50000|cardinal|千瓦||"}},
		{"kilovolt", "通过500千伏线路", []string{"500千伏=500|cardinal|千伏||"}},
		{"megawatt", "300兆瓦级机组", []string{"300兆瓦=300|cardinal|兆瓦||"}},
		{"ge ban xiaoshi", "由2个半小时缩短", []string{"2个半小时=2.5|cardinal|个小时||"}},
		{"nian ban", "历时一年半完成", []string{"一年半=1.5|cardinal|年||"}},

		// Labels that rank: 届, 次 and 期 after a body name, 号.
		{"jie of a congress", "十四届全国人大四次会议", []string{"十四届=14|ordinal|届||全国人大", "四次=4|ordinal|次||"}},
		{"jie after zhengxie", "全国政协十四届一次会议", []string{"十四届=14|ordinal|届||", "一次=1|ordinal|次||"}},
		{"jie as a count", "已连续举办4届", []string{"4届=4|cardinal|届||"}},
		{"ci as a count", "共召开三次会议", []string{"三次=3|cardinal|次||"}},
		{"qi gongcheng", "项目一期工程通车", []string{"一期=1|ordinal|期||工程"}},
		{"hao designation", "8号机组投产", []string{"8号=8|ordinal|号||"}},

		// A list number is not read as a decimal with what follows; the
		// month is left for the date extractor.
		{"list number before a month", "主要内容：\n\n5.5月居民消费价格", []string{"5月=5|cardinal|月||"}},
		{"decimal after a blank line", "占病例数的\n\n45.76%", []string{"45.76%=45.76|percent|%||"}},
		{"wrapped decimal stays whole", "投入资金\n3.5亿元", []string{"3.5亿元=350000000|cardinal|元||"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := extractShown(tt.in)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Extract(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestExtractNone(t *testing.T) {
	tests := []struct{ name, in string }{
		// Phones, codes, URLs and e-mail addresses.
		{"phone with em dashes", "徐州健康热线:0516——85707122"},
		{"phone with hyphen", "请拨打0516-85707122咨询"},
		{"phone after keyword", "联系电话：85707122"},
		{"mobile", "预约请拨打13912345678"},
		{"mobile spaced after keyword", "手机：139 1234 5678"},
		{"document code", "文件编号No.2021-033已下发"},
		{"code with letters", "应对COVID-19疫情"},
		{"letter after digit", "建成5G网络和3D打印中心"},
		{"url", "详见https://www.example.cn/news/2021/06/25/123.html"},
		{"bare domain", "访问example.cn/list/2021/88查询"},
		{"email", "投稿邮箱zhang3@example.com"},
		{"email with digits", "请发送至12345@qq.com"},
		{"id number", "身份证320301199001011234"},
		{"list marker", "## 要闻\n1. 会议召开\n2、部署工作"},
		{"parenthesised list marker", "快讯（3）河南小麦"},
		{"party congress", "学习贯彻党的二十大精神"},
		// Dates and times owned by the date extractor.
		{"compact date", "《新闻联播》 (20240315)"},
		{"iso date", "发布于2021-06-25"},
		{"dotted date", "发布于2021.6.25"},
		{"clock time", "清晨7:30到岗"},
		{"dot date", "“5·12”护士节"},
		{"expression", "实现1+1>2的效果"},
		{"version", "升级到3.0T磁共振"},
		// Words whose numeral is not a quantity.
		{"yi ma dang xian", "党员一马当先冲在前"},
		{"yi yan yi xing", "规范一言一行"},
		{"yi bu yi ge jiao yin", "一步一个脚印地干"},
		{"yi gang shuang ze", "落实一岗双责"},
		{"yi xin yi yi", "一心一意为群众"},
		{"san xin er yi", "不能三心二意"},
		{"yi zhi yi ye", "一枝一叶总关情"},
		{"tong yi", "统一规划建设"},
		{"yi xie", "一些患者"},
		{"yi qi", "大家一起努力"},
		{"yi zhi", "一直坚持"},
		{"yi ding", "增加了一定号源"},
		{"yi qie", "一切为了患者"},
		{"wei yi", "唯一的办法"},
		{"di yi shi jian", "第一时间赶到"},
		{"wan yi", "万一出现意外"},
		{"yi dan", "一旦发现"},
		{"yi ban", "一般情况下"},
		{"jin yi bu", "进一步规范"},
		{"yi ti hua", "一体化管理"},
		{"yi xian", "奋战在一线"},
		{"di yi xian", "奋战在第一线"},
		{"yi xi lie", "一系列活动"},
		{"yi ci xing", "一次性告知"},
		{"yi ba shou", "一把手工程"},
		{"shi fen", "十分重要"},
		{"bai xing", "老百姓满意"},
		{"qi yi", "七一重要讲话"},
		{"shi yi wu", "十一五规划"},
		{"yi shi", "一是加强学习"},
		{"ling cha jia", "执行零差价制"},
		{"san wu cheng qun", "三五成群地聚集"},
		{"yi cheng bu bian", "一成不变"},
		{"qian wan", "千万不要大意"},
		{"wan ren", "万人空巷"},
		{"jin ri", "近日召开会议"},
		// Forms listed in the issue.
		{"phone with one em dash", "热线0516—85707122"},
		{"plan name", "“十四五”时期"},
		{"plan name unquoted", "十四五规划"},
		{"initiative numerals stay inside the quotes", "开展“323”健康问题攻坚行动"},
		{"id-like code", "证号320301199001011234"},
		{"url www", "访问www.example.gov.cn了解"},
		// Systematic false quantities found in news transcripts.
		{"one china", "坚持一个中国原则"},
		{"delta", "推进长三角一体化"},
		{"same day", "同一天，会议召开"},
		{"eight-point rules", "违反中央八项规定精神"},
		{"double digit", "保持两位数增长"},
		{"solar terms", "二十四节气"},
		{"g20", "出席二十国集团峰会"},
		{"spacecraft name", "神舟十七号航天员乘组"},
		{"central document one", "中央一号文件"},
		{"quoted slogan", "坚决做到“两个维护”"},
		{"quoted slogan zhong", "准确运用“四种形态”"},
		{"quoted hotline", "开通“12356”热线"},
		{"hotline", "拨打12345热线反映"},
		{"yidao adverb", "愿同各方一道，推动合作"},
		{"yidao adverb before verb", "同中方一道努力"},
		{"distributive pair", "做到一户一策"},
		{"one on one", "开展“一对一”帮扶"},
		{"reduplicated measure", "一株株玉米苗"},
		{"year in an event name", "2023中国国际智能产业博览会开幕"},
		{"generation", "“90后”潜水员"},
		{"leading zero code", "遥感卫星02组"},
		{"financial numeral alone", "实现登陆月球"},
		{"xiangmu", "这一项目被冻结"},
		{"party congress fourteen", "中共十四大正式提出"},
		{"third party", "第三方测评"},
		{"list number after a tag", "</p><p>4.以高质量发展"},
		{"recent period", "最近一段时间"},
		{"quoted numbered name", "“猎鹰9”火箭残骸"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := extractShown(tt.in); len(got) != 0 {
				t.Errorf("Extract(%q) = %q; want none", tt.in, got)
			}
		})
	}
}

func TestExtractMention(t *testing.T) {
	text := "该院3.5亿余元。"
	got := New().Extract(text, corpus.Date{})
	want := corpus.Mention{
		Kind:   corpus.KindNumber,
		Span:   corpus.Span{Start: len("该院"), End: len("该院3.5亿余元")},
		Value:  "350000000",
		Grain:  "cardinal",
		Unit:   "元",
		Approx: "余",
		Rule:   "arabic-mult",
	}
	if len(got) != 1 || got[0] != want {
		t.Errorf("Extract(%q) = %+v; want [%+v]", text, got, want)
	}
}

func ExampleExtractor_Extract() {
	text := "全院4000余名职工参加，满意度达99.5%，三五天内完成。"
	for _, m := range New().Extract(text, corpus.Date{}) {
		fmt.Printf("%s value=%s grain=%s unit=%s approx=%s noun=%s\n",
			text[m.Span.Start:m.Span.End], m.Value, m.Grain, m.Unit, m.Approx, m.Noun)
	}
	// Output:
	// 4000余名 value=4000 grain=cardinal unit=名 approx=余 noun=职工
	// 99.5% value=99.5 grain=percent unit=% approx= noun=
	// 三五天 value=3/5 grain=range unit=天 approx= noun=
}
