package normalize

import (
	"strings"
	"testing"
)

// wrapped is a hard-wrapped paragraph, twelve runes a line, with a date
// split over a break, as an OCR page gives it.
const wrapped = "今年以来，县人民医院党委以\n" +
	"办实事为重点，组织医务人员\n" +
	"深入乡镇开展义诊活动，于8\n" +
	"月12日在城关镇设立义诊点，\n" +
	"为群众测量血压血糖，发放健\n" +
	"康手册三百余份。\n" +
	"\n" +
	"下一步，医院将继续推进便民\n" +
	"服务，优化就诊流程，缩短群\n" +
	"众排队等候时间，切实把实事\n" +
	"办到群众心坎上。\n"

func TestUnwrap(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{
			"hard-wrapped paragraphs",
			wrapped,
			"今年以来，县人民医院党委以办实事为重点，组织医务人员深入乡镇开展义诊活动，于8月12日在城关镇设立义诊点，为群众测量血压血糖，发放健康手册三百余份。\n" +
				"\n" +
				"下一步，医院将继续推进便民服务，优化就诊流程，缩短群众排队等候时间，切实把实事办到群众心坎上。\n",
		},
		{
			"one paragraph per line unchanged",
			"县人民医院召开党史学习教育总结会\n" +
				"6月25日上午，县人民医院召开党史学习教育总结大会，全院中层以上干部参加会议。\n" +
				"会议指出，要把学习成果转化为为民办实事的实际行动。\n" +
				"\n" +
				"会上，院长通报了上半年为民办实事项目的完成情况，共完成实事12件。\n" +
				"会议要求，各科室要对照清单逐项落实。\n",
			"",
		},
		{
			"sentence ends and list items kept",
			"医院开展了以下工作，主要有\n" +
				"三个方面的内容，具体如下：\n" +
				"一、优化门诊流程，减少排队\n" +
				"二、延长检查时间，方便群众\n" +
				"三、加强后勤保障，提升服务\n" +
				"▲医务人员为群众测量血压。\n" +
				"（四）开展义诊活动，服务群\n" +
				"众健康需求，取得良好效果。\n",
			"医院开展了以下工作，主要有三个方面的内容，具体如下：\n" +
				"一、优化门诊流程，减少排队\n" +
				"二、延长检查时间，方便群众\n" +
				"三、加强后勤保障，提升服务\n" +
				"▲医务人员为群众测量血压。\n" +
				"（四）开展义诊活动，服务群众健康需求，取得良好效果。\n",
		},
		{
			"indented line starts a paragraph",
			"医院把党史学习教育同践行\n" +
				"为民宗旨结合起来，直面患\n" +
				"者最关心的实际问题，拿出\n" +
				"  解决问题的硬招实招，展\n" +
				"现良好形象，赢得群众好评\n",
			"医院把党史学习教育同践行为民宗旨结合起来，直面患者最关心的实际问题，拿出\n" +
				"  解决问题的硬招实招，展现良好形象，赢得群众好评\n",
		},
		{
			"short line ends a paragraph",
			"全院职工积极参与志愿服务\n" +
				"活动，累计服务时长超过两\n" +
				"千小时\n" +
				"市中心医院供稿整理发布\n" +
				"通讯员将持续跟踪报道进展\n",
			"全院职工积极参与志愿服务活动，累计服务时长超过两千小时\n" +
				"市中心医院供稿整理发布通讯员将持续跟踪报道进展\n",
		},
		{
			"latin words joined with a space",
			"The hospital opened a new\n" +
				"clinic for the elderly in\n" +
				"June and treated over 300\n" +
				"patients in its first week\n" +
				"according to the director\n",
			"The hospital opened a new clinic for the elderly in June and treated over 300 patients in its first week according to the director\n",
		},
		{
			"number split over a break",
			"截至目前，累计接种疫苗共3\n" +
				"8万余剂次，其中老年人接种\n" +
				"两万余剂次，接种率达到九成\n" +
				"以上，为全市疫情防控工作作\n" +
				"出了积极贡献，受到群众好评\n",
			"截至目前，累计接种疫苗共38万余剂次，其中老年人接种两万余剂次，接种率达到九成以上，为全市疫情防控工作作出了积极贡献，受到群众好评\n",
		},
		{"too few lines", "医院开展义诊活动\n服务群众健康", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			if want == "" {
				want = tt.in
			}
			v := Unwrap(tt.in)
			if v.Text != want {
				t.Errorf("Unwrap(%q) =\n%s\nwant\n%s", tt.in, v.Text, want)
			}
			checkView(t, v, tt.in)
		})
	}
}

func TestUnwrapSpans(t *testing.T) {
	v := Unwrap(wrapped)
	tests := []struct{ name, find, want string }{
		{"date over the break", "8月12日", "8\n月12日"},
		{"word over the break", "健康手册", "健\n康手册"},
		{"inside a line", "城关镇", "城关镇"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := strings.Index(v.Text, tt.find)
			if s < 0 {
				t.Fatalf("Unwrap(...).Text lacks %q:\n%s", tt.find, v.Text)
			}
			os, oe := v.Orig(s, s+len(tt.find))
			if wrapped[os:oe] != tt.want {
				t.Errorf("Orig of %q = %q; want %q", tt.find, wrapped[os:oe], tt.want)
			}
		})
	}
}

// TestUnwrapLines: a page whose short lines (title, table rows, headings)
// fail Unwrap's document gate still has its paragraphs joined, and its
// table rows (tab-separated cells) are not joined to each other.
func TestUnwrapLines(t *testing.T) {
	text := strings.Join([]string{
		"表1 主要指标",
		"指标\t2022年\t2023年",
		"门诊量\t43.2\t48.6",
		"出院\t1.96\t2.13",
		"住院手术\t6120\t6850",
		"一、基本情况",
		"\u3000\u3000全年完成门诊量48.6万人次同比增长",
		"百分之十二点四出院病人二点一三万人",
		"次同比增长百分之八点七住院手术685",
		"0台。",
		"二、主要工作",
	}, "\n")
	if v := Unwrap(text); v.Text != text {
		t.Fatalf("Unwrap joined a page that does not look wrapped:\n%s", v.Text)
	}
	want := strings.Replace(text, "同比增长\n百分之十二点四出院病人二点一三万人\n次同比增长百分之八点七住院手术685\n0台。",
		"同比增长百分之十二点四出院病人二点一三万人次同比增长百分之八点七住院手术6850台。", 1)
	v := UnwrapLines(text)
	if v.Text != want {
		t.Errorf("UnwrapLines =\n%s\nwant\n%s", v.Text, want)
	}
	// Offsets map back: 6850 in the view covers 685⏎0 in the text.
	i := strings.LastIndex(v.Text, "6850")
	s, e := v.Orig(i, i+4)
	if got := text[s:e]; got != "685\n0" {
		t.Errorf("Orig(6850) = %q; want %q", got, "685\n0")
	}
}
