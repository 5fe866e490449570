package initiative

import (
	"fmt"
	"strings"
	"testing"

	"github.com/baogao/baogao/corpus"
)

// marked strips ⟦ ⟧ markers from s and returns the text and the marked
// byte spans.
func marked(s string) (string, []corpus.Span) {
	var b strings.Builder
	var spans []corpus.Span
	start := -1
	for _, r := range s {
		switch r {
		case '⟦':
			start = b.Len()
		case '⟧':
			spans = append(spans, corpus.Span{Start: start, End: b.Len()})
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), spans
}

// got renders mentions as "surface=value/type/rule" for failure messages.
func render(text string, ms []corpus.Mention) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = fmt.Sprintf("%s=%s/%s/%s", text[m.Span.Start:m.Span.End], m.Value, m.Type, m.Rule)
	}
	return "[" + strings.Join(parts, " ") + "]"
}

type want struct{ value, typ, rule string }

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		in   string // ⟦⟧ marks every expected mention, in order
		want []want
	}{
		{"quoted with head", "医院扎实开展⟦“我为群众办实事”实践活动⟧。",
			[]want{{"我为群众办实事", TypeCampaign, RuleQuotedHead}}},
		{"quoted name of a policy", "各地加力推进⟦“以旧换新”政策⟧，销售额稳步增长。",
			[]want{{"以旧换新", TypeMechanism, RuleQuotedHead}}},
		{"policy as a common noun after a quote is not a head", "他说“这很好”政策性强。", nil},
		{"quoted lexicon alone", "院党委发布⟦“我为群众办实事”⟧倡议书。",
			[]want{{"我为群众办实事", TypeCampaign, RuleQuotedLexicon}}},
		{"line break inside quotation", "今年开展⟦“我为群众\n办实事”⟧的成效明显。",
			[]want{{"我为群众办实事", TypeCampaign, RuleQuotedLexicon}}},
		{"blank line inside quotation", "扎实开展⟦“我为群众\n\n办实事”实践活动⟧。",
			[]want{{"我为群众办实事", TypeCampaign, RuleQuotedHead}}},
		{"stray mark before blank line", "宣传好⟦‘我为群众’\n\n办实事’实践活动⟧，",
			[]want{{"我为群众办实事", TypeCampaign, RuleQuotedHead}}},
		{"unquoted lexicon", "全院推进⟦党史学习教育⟧走深走实。",
			[]want{{"党史学习教育", TypeEducation, RuleLexicon}}},
		{"no unwrapping of its own: the caller repairs the view", "全力推进党史学\n习教育。", nil},
		{"quoted self head", "将⟦“一把手工程”⟧落到实处。",
			[]want{{"一把手工程", TypeProject, RuleQuotedSelf}}},
		{"adjacent quotations one head", "本院开展⟦“四线”“四色”行动⟧，成效好。",
			[]want{{"四线、四色", TypeCampaign, RuleQuotedHead}}},
		{"adjacent quotations with comma", "推行⟦“一对一”、“点对点”服务⟧，",
			[]want{{"一对一、点对点", TypeService, RuleQuotedHead}}},
		{"pattern after verb", "医院开展⟦医疗流程优化专项行动⟧，效果明显。",
			[]want{{"医疗流程优化专项行动", TypeCampaign, RulePattern}}},
		{"pattern after counter", "一场⟦门诊服务提升专项行动⟧迅速展开",
			[]want{{"门诊服务提升专项行动", TypeCampaign, RulePattern}}},
		{"modifier before head", "积极开展⟦“323”健康问题攻坚行动⟧。",
			[]want{{"323健康问题攻坚行动", TypeCampaign, RuleQuotedHead}}},
		{"mechanism head", "深化⟦“双报到、双报告”制度⟧，推动党员下沉。",
			[]want{{"双报到、双报告", TypeMechanism, RuleQuotedHead}}},
		{"nested quotation", "开展⟦“‘暖医先锋’志愿者服务队进社区”活动⟧。",
			[]want{{"暖医先锋志愿者服务队进社区", TypeActivity, RuleQuotedHead}}},
		{"long modifier before head", "开展⟦“暖医先锋”志愿者服务队进社区活动⟧。",
			[]want{{"暖医先锋志愿者服务队进社区活动", TypeActivity, RuleQuotedHead}}},
		{"day with free clinic", "举办⟦“世界狼疮日”义诊活动⟧，普及知识。",
			[]want{{"世界狼疮日义诊活动", TypeActivity, RuleQuotedHead}}},
		{"five year plan", "今年是⟦“十四五”⟧开局之年。",
			[]want{{"十四五", TypePlan, RuleQuotedLexicon}}},
		{"five year plan with head", "编制⟦“十四五”规划⟧。",
			[]want{{"十四五", TypePlan, RuleQuotedHead}}},
		{"strategy in news", "全面实施⟦乡村振兴战略⟧，",
			[]want{{"乡村振兴", TypeStrategy, RuleLexicon}}},
		{"variant without head", "村里把⟦乡村振兴⟧当作头等大事。",
			[]want{{"乡村振兴", TypeStrategy, RuleLexicon}}},
		{"variant quoted with head", "我们种树支援⟦“三北”工程⟧，也学习⟦三北工程⟧的经验。",
			[]want{{"三北", TypeProject, RuleQuotedHead}, {"三北", TypeProject, RuleLexicon}}},
		{"variant with verb", "两国愿⟦共建一带一路⟧。",
			[]want{{"一带一路", TypeStrategy, RuleLexicon}}},
		{"verb 打好 before battle", "全县上下坚决打好⟦河湖清淤攻坚战⟧，",
			[]want{{"河湖清淤攻坚战", TypeCampaign, RulePattern}}},
		{"verb 好 complement", "我们要落实好⟦山区道路畅通提升行动⟧。",
			[]want{{"山区道路畅通提升行动", TypeCampaign, RulePattern}}},
		{"head continues into plan", "市里印发⟦老街巷保护三年行动计划⟧，",
			[]want{{"老街巷保护三年行动计划", TypePlan, RulePattern}}},
		{"rectification campaign", "两部门开展⟦农机配件质量专项整治行动⟧，",
			[]want{{"农机配件质量专项整治行动", TypeCampaign, RulePattern}}},
		{"study campaign after verb", "全系统深入开展⟦节约粮食学习教育⟧，",
			[]want{{"节约粮食学习教育", TypeEducation, RulePattern}}},
		{"generic qualifier between quote and head", "这条公路是共建⟦“一带一路”⟧重点项目。",
			[]want{{"一带一路", TypeStrategy, RuleQuotedLexicon}}},
		{"quoted seen, then used for a ship", "⟦“远航”计划⟧启动后，“远航”号科考船出海。",
			[]want{{"远航", TypePlan, RuleQuotedHead}}},
		{"initiative in news", "借助⟦“一带一路”倡议⟧，企业走出去。",
			[]want{{"一带一路", TypeStrategy, RuleQuotedHead}}},
		{"unknown strategy by pattern", "大力实施⟦区域性医疗中心战略⟧，",
			[]want{{"区域性医疗中心战略", TypeStrategy, RulePattern}}},
		{"plan title", "印发⟦《“健康中国2030”规划纲要》⟧。",
			[]want{{"健康中国2030规划纲要", TypePlan, RuleQuotedSelf}}},
		{"numbered slogan", "落实⟦“一岗双责”⟧要求。",
			[]want{{"一岗双责", TypeSlogan, RuleQuotedNumber}}},
		{"quoted alone seen with head elsewhere", "⟦“我帮你”志愿服务活动⟧开始后，⟦“我帮你”⟧服务点很忙。",
			[]want{{"我帮你", TypeActivity, RuleQuotedHead}, {"我帮你", TypeActivity, RuleQuotedSeen}}},
		{"column tag of the campaign family", "⟦【我为师生办实事】⟧一附院：把健康放在第一位",
			[]want{{"我为师生办实事", TypeCampaign, RuleTag}}},
		{"ascii quotes", `落实⟦"双减"政策⟧要求`,
			[]want{{"双减", TypeMechanism, RuleQuotedHead}}},
		{"ascii quotes with head", `开展⟦"光明行"活动⟧。`,
			[]want{{"光明行", TypeActivity, RuleQuotedHead}}},
		{"corner brackets", "开展⟦「健康进万家」行动⟧。",
			[]want{{"健康进万家", TypeCampaign, RuleQuotedHead}}},

		// Negatives.
		{"organisation", "徐州市中心医院召开会议。", nil},
		{"generic activity noun", "皮肤科开展义诊活动，党员参加志愿服务和专题学习。", nil},
		{"speech after colon", `院长强调：“要把群众的事办好。”`, nil},
		{"speech with short quote", `他说：“我为大家服务”`, nil},
		{"emphasis word", "第一课的“讲台”设在村里。", nil},
		{"emphasis clock in", "专家准时来到急诊科“打卡”。", nil},
		{"emphasis money", "守护个人“救命钱”。", nil},
		{"emphasis before non-head noun", "解决群众“急难愁盼”问题。", nil},
		{"book title", "购买《中国共产党简史》等教材。", nil},
		{"long quoted sentence", "“原想着做上这个检查最快也要三五天，没想到第二天就做了”", nil},
		{"date in quotes", "学习“七一”重要讲话精神。", nil},
		{"numbered idiom", "做到“十全十美”。", nil},
		{"organisation before head", "“某某抵抗组织”联合行动", nil},
		{"column tag", "【编者按】本报讯", nil},
		{"clause after quotation", "“我帮他”今天发布新项目", nil},
		{"pattern without boundary", "这是基层医疗卫生机构服务能力水平质量提升示范工程", nil},
		{"strategy adjective", "保持战略定力，实施战略合作。", nil},
		{"construction works", "开工建设水利工程。", nil},
		{"generation", "“90后”医生", nil},
		{"study campaign subject swallowed", "会后，本地区各单位已建立学习教育台账。", nil},
		{"batch of a study campaign", "确保第二批主题教育取得实效。", nil},
		{"generic national strategy", "企业要主动服务国家战略，对接各自发展战略。", nil},
		{"both sides' strategy", "这符合中老双方战略利益。", nil},
		{"raised to a national strategy", "⟦全民阅读⟧上升为国家战略。",
			[]want{{"全民阅读", TypeCampaign, RuleLexicon}}},
		{"this battle", "我们一定要坚决打好这场攻坚战。", nil},
		{"numbered metaphor", "制度的“四梁八柱”已经建立。", nil},
		{"flood season", "北方进入“七下八上”主汛期。", nil},
		{"festival date", "侗族同胞欢度“二月二”。", nil},
		{"short plan title", "要确保《规划纲要》落地。", nil},
		{"quoted adjective phrase", "开展“有针对性的”帮扶行动。", nil},
	}
	e := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, spans := marked(tt.in)
			got := e.Extract(text, corpus.Date{})
			ok := len(got) == len(tt.want) && (tt.want != nil || len(spans) == 0)
			for i := 0; ok && i < len(got); i++ {
				w, m := tt.want[i], got[i]
				ok = m.Span == spans[i] && m.Value == w.value && m.Type == w.typ && m.Rule == w.rule &&
					m.Kind == corpus.KindInitiative
			}
			if tt.want == nil && len(spans) > 0 {
				ok = len(got) == 0 // a marked negative: the marks show the trap
			}
			if !ok {
				t.Errorf("Extract(%q) = %s; want %v at %v", text, render(text, got), tt.want, spans)
			}
		})
	}
}

func TestExtractUserLexicon(t *testing.T) {
	lex, err := ParseLexicon(strings.NewReader("暖心护航\tservice\n-党史学习教育\n"))
	if err != nil {
		t.Fatal(err)
	}
	e := New(Options{Lexicon: lex})
	text := "推进党史学习教育，开展“暖心护航”。"
	got := e.Extract(text, corpus.Date{})
	if len(got) != 1 || got[0].Value != "暖心护航" || got[0].Type != TypeService || got[0].Rule != RuleQuotedLexicon {
		t.Errorf("Extract(%q) = %s; want [“暖心护航”=暖心护航/service/quoted-lexicon]", text, render(text, got))
	}
	// The lexicon is copied: later additions do not change e.
	lex.Add("党史", TypeEducation)
	if again := e.Extract(text, corpus.Date{}); len(again) != 1 {
		t.Errorf("after Lexicon.Add, Extract(%q) = %s; want the extractor unchanged", text, render(text, again))
	}
}
