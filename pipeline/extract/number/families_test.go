package number

import (
	"strings"
	"testing"
)

// The families of forms of issue 11, each with cases written for this
// test: "surface=value|grain|unit|approx|noun", as TestExtract.
func TestExtractFamilies(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		// A multiplier or unit after the upper end of a range applies to
		// the lower end when the lower end is smaller than the upper one
		// without it.
		{"zh range wan", "每户补助三到五万元", []string{"三到五万元=30000/50000|range|元||"}},
		{"zh range qianwan", "总投资五到六千万元", []string{"五到六千万元=50000000/60000000|range|元||"}},
		{"zh range bai wan", "年产值二百到三百万元", []string{"二百到三百万元=2000000/3000000|range|元||"}},
		{"zh range shi wan", "奖励十到二十万元", []string{"十到二十万元=100000/200000|range|元||"}},
		{"zh range yi", "融资两到三亿元", []string{"两到三亿元=200000000/300000000|range|元||"}},
		{"zh range zhi", "预计七至八千人", []string{"七至八千人=7000/8000|range|人||"}},
		{"arabic range yi", "需要2至3亿元", []string{"2至3亿元=200000000/300000000|range|元||"}},
		{"arabic decimal range", "单价1.5-2万元", []string{"1.5-2万元=15000/20000|range|元||"}},
		{"arabic range ten wan", "补贴5-10万元", []string{"5-10万元=50000/100000|range|元||"}},
		{"lower end already larger", "从1200到2万元不等", []string{"1200到2万元=1200/20000|range|元||"}},
		{"lower end in hundreds", "价格500-1万元", []string{"500-1万元=500/10000|range|元||"}},
		{"both ends written", "每亩3万至5万元", []string{"3万至5万元=30000/50000|range|元||"}},
		{"different units are not shared", "两千到三万人", []string{"两千到三万人=2000/30000|range|人||"}},
		{"hundreds written at both ends", "三百到五百人", []string{"三百到五百人=300/500|range|人||"}},

		// The colloquial omission of 一 before 十, and zeros.
		{"one thousand and twelve", "共一千零十二名学生", []string{"一千零十二名=1012|cardinal|名||学生"}},
		{"one hundred fifteen", "一百十五人参加", []string{"一百十五人=115|cardinal|人||"}},
		{"two hundred ten", "新建二百十个站点", []string{"二百十个=210|cardinal|个||站点"}},
		{"thousand and ten", "捐款一千零十元", []string{"一千零十元=1010|cardinal|元||"}},

		// Mixed Arabic and Chinese in one value.
		{"wan and hundreds", "奖金3万500元", []string{"3万500元=30500|cardinal|元||"}},
		{"wan zero thousands", "筹集20万零八千元", []string{"20万零八千元=208000|cardinal|元||"}},
		{"yi and wan", "营收1亿2000万元", []string{"1亿2000万元=120000000|cardinal|元||"}},
		{"wan and thousands", "观众3万5千人", []string{"3万5千人=35000|cardinal|人||"}},
		{"wan and four digits", "共计12万3456人次", []string{"12万3456人次=123456|cardinal|人次||"}},
		{"wan and one digit is not a sum", "约3万5", []string{"约3万=30000|cardinal||约|", "5=5|cardinal|||"}},
		{"range from arabic to wan", "从1200到2万元", []string{"1200到2万元=1200/20000|range|元||"}},

		// Decimals in Chinese and without the leading zero.
		{"chinese hundreds point", "得分三百点五", []string{"三百点五=300.5|cardinal|||"}},
		{"zero point zero five", "误差零点零五", []string{"零点零五=0.05|cardinal|||"}},
		{"leading point", "系数为.25", []string{".25=0.25|cardinal|||"}},
		{"leading point with unit", "厚度仅.5毫米", []string{".5毫米=0.5|cardinal|毫米||"}},
		{"point inside an address is no decimal", "访问192.168", []string{"192.168=192.168|cardinal|||"}},

		// Money: financial numerals, 元 角 分, 块 毛, 个亿, currencies.
		{"financial with jiao", "收到贰佰叁拾元伍角", []string{"贰佰叁拾元伍角=230.5|cardinal|元||"}},
		{"kuai mao", "每斤八块五毛", []string{"八块五毛=8.5|cardinal|元||"}},
		{"kuai mao qian", "花了十二块三毛钱", []string{"十二块三毛钱=12.3|cardinal|元||"}},
		{"yuan jiao fen", "单价三元二角五分", []string{"三元二角五分=3.25|cardinal|元||"}},
		{"yuan zero fen", "每度电零元零五分", []string{"零元零五分=0.05|cardinal|元||"}},
		{"arabic yuan jiao", "票价5元5角", []string{"5元5角=5.5|cardinal|元||"}},
		{"yuan zheng", "计人民币壹万圆整", []string{"壹万圆整=10000|cardinal|元||"}},
		{"kuai alone is a measure word", "切成八块蛋糕", []string{"八块=8|cardinal|块||蛋糕"}},
		{"ge yi", "投入三个亿", []string{"三个亿=300000000|cardinal|||"}},
		{"ge yi yuan", "亏损两个亿元", []string{"两个亿元=200000000|cardinal|元||"}},
		{"hong kong dollars", "筹得5000港元", []string{"5000港元=5000|cardinal|港元||"}},
		{"euros", "罚款12亿欧元", []string{"12亿欧元=1200000000|cardinal|欧元||"}},
		{"yen", "约合300万日元", []string{"300万日元=3000000|cardinal|日元||"}},
		{"us dollars", "出口额8.6亿美元", []string{"8.6亿美元=860000000|cardinal|美元||"}},
		{"new taiwan dollars", "售价999新台币", []string{"999新台币=999|cardinal|新台币||"}},
		{"renminbi", "折合4000人民币", []string{"4000人民币=4000|cardinal|人民币||"}},
		{"won", "损失50亿韩元", []string{"50亿韩元=5000000000|cardinal|韩元||"}},

		// Contracted tens, traditional forms, zeros and two.
		{"nian", "廿一人", []string{"廿一人=21|cardinal|人||"}},
		{"sa", "卅五名", []string{"卅五名=35|cardinal|名||"}},
		{"xi", "卌二岁", []string{"卌二岁=42|cardinal|岁||"}},
		{"traditional financial", "金額參拾萬元", []string{"參拾萬元=300000|cardinal|元||"}},
		{"traditional two", "貳仟元", []string{"貳仟元=2000|cardinal|元||"}},
		{"circle zero", "二○二一", []string{"二○二一=2021|cardinal|||"}},
		{"liang", "两万人", []string{"两万人=20000|cardinal|人||"}},

		// Negatives.
		{"fu chinese", "增速为负五", []string{"负五=-5|cardinal|||"}},
		{"fu spaced with separator", "差额负 3,500", []string{"负 3,500=-3500|cardinal|||"}},
		{"fu percent", "增长负3.2%", []string{"负3.2%=-3.2|percent|%||"}},
		{"below zero", "气温零下12℃", []string{"零下12℃=-12|cardinal|℃||"}},
		{"a loss is not a sign", "3胜2负", []string{"3=3|cardinal|||", "2=2|cardinal|||"}},

		// Fractions and halves.
		{"quarter", "四分之一的人", []string{"四分之一=0.25|fraction|||"}},
		{"two fifths", "占五分之二", []string{"五分之二=0.4|fraction|||"}},
		{"two thirds", "三分之二以上", []string{"三分之二以上=0.6666666666666666|fraction||以上|"}},
		{"one eighth", "八分之一", []string{"八分之一=0.125|fraction|||"}},
		{"half", "有一半来自农村", []string{"一半=0.5|fraction|||"}},
		{"more than half", "一半以上", []string{"一半以上=0.5|fraction||以上|"}},
		{"the greater part", "大半来自外地", []string{"大半=0.5|fraction||大|"}},
		{"over half", "过半企业", []string{"过半=0.5|fraction||过|"}},
		{"half the number", "超过半数", []string{"超过半数=0.5|fraction||超过|"}},
		{"nearly half", "近一半", []string{"近一半=0.5|fraction||近|"}},
		{"dead of night is no half", "大半夜", nil},
		{"most of a year is no half", "大半年", nil},

		// Juxtaposed digits with a shared multiplier.
		{"three four wan", "三四万", []string{"三四万=30000/40000|range|||"}},
		{"five six qian yuan", "五六千元", []string{"五六千元=5000/6000|range|元||"}},
		{"two three bai", "两三百人", []string{"两三百人=200/300|range|人||"}},

		// Kinds counted with 类 stay numbers; 个 before 万亿级 counts.
		{"six kinds", "六类企业", []string{"六类=6|cardinal|类||企业"}},
		{"two trillion-level industries", "两个万亿级产业", []string{"两个=2|cardinal|个||"}},
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

// TestExtractNotNumbers: grades, set terms, cohorts, codes, slogans and
// hotlines name or label; none is a quantity.
func TestExtractNotNumbers(t *testing.T) {
	for _, in := range []string{
		"三级甲等医院", "二级医院", "创建三级医院", "启动一级响应", "三类手术", "二类疫苗", "二类水质", "三等奖", "荣立二等功", "一档收费",
		"一站式服务", "一把手负责", "双一流建设", "一流学科", "一网统管", "一票否决",
		"2022级新生", "2023届毕业生", "2021级研究生",
		"4G网络", "5G基站", "H7N9流感", "COVID-19", "A股",
		"1+N政策体系", "“1+X”证书",
		"拨打12345热线", "拨打12345", "请致电12315", "服务热线96118",
	} {
		if got := extractShown(in); len(got) != 0 {
			t.Errorf("Extract(%q) = %q; want none", in, got)
		}
	}
}
