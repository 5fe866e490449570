package initiative

import (
	"strings"
	"testing"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline/normalize"
	"github.com/baogao/baogao/pipeline/segment"
)

// TestFamilies covers the unquoted families the issue lists, each with
// names made up in the same shapes: the value found (canonical) and, for
// traps, nothing.
func TestFamilies(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // canonical values, in order
	}{
		// National strategies written bare or with a weak head.
		{"strong nation", "加快建设交通强国，建设海洋强国。", []string{"交通强国", "海洋强国"}},
		{"strong nation in a list", "制造强国、质量强国、网络强国", []string{"制造强国", "质量强国", "网络强国"}},
		{"digital china with 建设", "推进数字中国建设，", []string{"数字中国"}},
		{"safe and beautiful china", "建设平安中国、美丽中国。", []string{"平安中国", "美丽中国"}},
		{"rule of law china", "全面推进法治中国建设。", []string{"法治中国"}},
		{"lexicon project written bare", "西气东输、西电东送、南水北调", []string{"西气东输", "西电东送", "南水北调"}},
		{"project with its head merges", "南水北调工程全线通水。", []string{"南水北调"}},
		// 健康 (and other slogans) + a place.
		{"healthy province", "全面推进健康江苏建设，", []string{"健康江苏"}},
		{"healthy province bare", "助力健康湖南。", []string{"健康湖南"}},
		{"safe city with suffix", "建设平安杭州市，", []string{"平安杭州市"}},
		{"health of a person is no programme", "祝你身体健康！", nil},
		// Honours and model titles.
		{"youth civilisation post", "急诊科荣获全国青年文明号。", []string{"全国青年文明号"}},
		{"women's post", "护理部获评巾帼文明岗，", []string{"巾帼文明岗"}},
		{"star-rated branch", "争创五星级党支部。", []string{"五星级党支部"}},
		{"model ward", "创建优质护理服务示范病区，", []string{"优质护理服务示范病区"}},
		{"pioneer post", "设立党员先锋岗，", []string{"党员先锋岗"}},
		// Short slogan-programmes, without the phrase around them.
		{"one product per village", "打造一村一品示范村。", []string{"一村一品"}},
		{"one brand per hospital", "推行一院一品，", []string{"一院一品"}},
		{"one policy per firm", "实行一企一策、一县一策。", []string{"一企一策", "一县一策"}},
		{"idiom is no slogan", "一心一意，一草一木，一点一滴。", nil},
		// Named days, weeks and months.
		{"safety month", "开展安全生产月活动，", []string{"安全生产月"}},
		{"constitution week", "举办宪法宣传周，", []string{"宪法宣传周"}},
		{"eye care day", "在全国爱眼日前后，", []string{"全国爱眼日"}},
		{"doctors' festival", "庆祝中国医师节。", []string{"中国医师节"}},
		{"open day", "举办院长开放日，", []string{"院长开放日"}},
		{"reading month", "启动全民读书月，", []string{"全民读书月"}},
		{"national people's day is a phrase", "全国各地节日气氛浓厚。", nil},
		{"holiday is no campaign day", "欢度国际劳动节，迎接中国传统节日。", nil},
		{"recently is no day", "国家统计局日前发布数据，国家医保局近日印发通知。", nil},
		{"dateline is no day", "中国驻青山国大使馆日电", nil},
		{"this year's week", "本届宣传周、今年活动周", nil},
		{"two days joined", "世界海洋日暨全国海洋宣传日", []string{"世界海洋日", "全国海洋宣传日"}},
		{"cooperation organisation is an org", "中国—上海合作组织", nil},
		// Names joined by dashes or enumeration marks.
		{"two parties cooperation", "深化中国—东盟合作。", []string{"中国—东盟合作"}},
		{"two parties summit", "出席中国—中亚峰会，", []string{"中国—中亚峰会"}},
		{"enumerated policy", "落实减税、降费、缓缴政策，", []string{"减税、降费、缓缴政策"}},
		{"enumerated measures", "推出稳岗、扩岗、保就业措施。", []string{"稳岗、扩岗、保就业措施"}},
		{"two items are a list, not a name", "落实减税、降费政策，", nil},
		// Named years of a campaign, and ceremonies that are no programme.
		{"campaign year", "全市启动营商环境提升年，开展作风建设年活动。", []string{"营商环境提升年", "作风建设年"}},
		{"year of two countries", "共同办好中俄文化年，体育交流年圆满收官。", []string{"中俄文化年", "体育交流年"}},
		{"ceremony of a quoted year", "出席“中俄媒体交流年”开幕式活动。", nil},
		{"strategy of a field is generic", "加强投资领域战略、规划对接。", nil},
		// Programmes built on a place or an institution.
		{"stroke centre", "推进青山市卒中中心建设，", []string{"青山市卒中中心建设"}},
		{"special policy of a province", "实施河西省大病保险专项政策，", []string{"河西省大病保险专项政策"}},
		// Canonical merging across spellings; a sentence never becomes a name.
		{"strategy and its region merge", "推动长江经济带发展，长江经济带生态优先。", []string{"长江经济带", "长江经济带"}},
		{"quoted policy sentence", "确保“高质量完成十四五规划”目标任务。", []string{"十四五"}},
		// False ones the issue names.
		{"enumeration of two quoted names", "统筹推进“两新”、“两重”工作。", []string{"两新", "两重"}},
		{"enumeration of quoted names before a head", "开展“净网”“清朗”专项行动。", []string{"清朗"}},
		{"event built on a named year", "出席中俄体育交流年开幕式活动。", nil},
		{"headline phrase", "我国又一超级工程投入使用", nil},
	}
	e := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range e.Extract(tt.in, corpus.Date{}) {
				got = append(got, m.Value)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Extract(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestRepairedView: the extractor is called on the repaired view; a name
// broken by an OCR hard wrap is found there, and the span maps back to
// the text as written.
func TestRepairedView(t *testing.T) {
	text := "全院职工认真学习文件精神，扎实推进党史学\n" +
		"习教育走深走实，各支部结合实际制定计划，\n" +
		"组织党员干部深入基层开展志愿服务和义诊，\n" +
		"切实把学习成果转化为为民服务的实际行动，\n" +
		"不断提升群众的获得感幸福感和安全感水平，\n" +
		"全面推动医院各项工作再上新的台阶取得实效\n"
	view := normalize.Repair(text)
	var got []string
	for _, m := range New(Options{}).Extract(view.Text, corpus.Date{}) {
		a, b := view.Orig(m.Span.Start, m.Span.End)
		got = append(got, m.Value+"="+text[a:b])
	}
	if want := "党史学习教育=党史学\n习教育"; strings.Join(got, "|") != want {
		t.Errorf("Extract(Repair(text)) = %q; want %q", got, want)
	}
}

// TestExtractTagged: jieba's words give unquoted names a left boundary
// where no listed verb stands (rule pattern+tags), and the untagged call
// keeps working.
func TestExtractTagged(t *testing.T) {
	j, err := segment.New(segment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	e := New(Options{})
	text := "卫生院同时铺开便民门诊优化专项行动。"
	var got []string
	for _, m := range e.ExtractTagged(text, corpus.Date{}, j.Tag(text, nil)) {
		got = append(got, m.Value+"/"+m.Rule)
	}
	t.Logf("tags: %v", j.Tag(text, nil))
	if want := "便民门诊优化专项行动/pattern+tags"; strings.Join(got, "|") != want {
		t.Errorf("ExtractTagged(%q) = %q; want %q", text, got, want)
	}
}

// TestIndexDash checks the byte scan against strings.IndexAny, which it
// replaces, on texts with each dash, none, and runes that share a dash's
// first byte (… and ＋ begin like — and －).
func TestIndexDash(t *testing.T) {
	for _, s := range []string{
		"", "中国—东盟合作", "a-b", "一–二", "全角－减号", "没有破折号的句子", "省略号…之后—", "全角＋加号，再－", "——双", "€5",
	} {
		if got, want := indexDash(s), strings.IndexAny(s, dashes); got != want {
			t.Errorf("indexDash(%q) = %d, want %d", s, got, want)
		}
	}
}
