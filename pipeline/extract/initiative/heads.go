package initiative

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/baogao/baogao/pipeline/runeset"
)

// The initiative types, the Type of every mention.
const (
	TypeActivity  = "activity"
	TypeCampaign  = "campaign"
	TypeProject   = "project"
	TypeMechanism = "mechanism"
	TypePlan      = "plan"
	TypeService   = "service"
	TypeStrategy  = "strategy"
	TypeEducation = "education"
	TypeSlogan    = "slogan"
	TypeHonour    = "honour"
)

// Types lists the valid initiative types in a stable order.
var Types = []string{TypeActivity, TypeCampaign, TypeProject, TypeMechanism,
	TypePlan, TypeService, TypeStrategy, TypeEducation, TypeSlogan, TypeHonour}

func validType(t string) bool {
	for _, x := range Types {
		if x == t {
			return true
		}
	}
	return false
}

// A head is a generic noun that, written after a name, says what kind of
// initiative the name is (“我为群众办实事”实践活动).
type head struct {
	word string
	typ  string
	// weak heads (服务, 项目, 模式, 教育) are common nouns in their own
	// right, so after a quotation they need a right boundary: a non-Han
	// character, a function character or another head.
	weak bool
	// pattern heads are distinctive enough to end an unquoted name.
	pattern bool
	// selfOnly heads end a quoted name (“两票制”) but never follow one.
	selfOnly bool
	// right heads end an unquoted name only before a non-Han or function
	// character: 战略 is mostly an adjective (战略定力, strategic resolve).
	right bool
	// whole heads are names by themselves after a boundary: 争创五星级党支部,
	// 荣获巾帼文明岗.
	whole bool
	// short heads take a core of two characters (院长开放日, 全民读书月,
	// 党员先锋岗): their own words are specific enough.
	short bool
	// verb heads end an unquoted name only after a verb boundary
	// (实施…战略, 入选…工程): after punctuation they mostly close a
	// sentence about construction works or diplomacy.
	verb bool
}

var heads = sortHeads([]head{
	{word: "活动", typ: TypeActivity},
	{word: "实践活动", typ: TypeActivity},
	{word: "主题活动", typ: TypeActivity},
	{word: "系列活动", typ: TypeActivity},
	{word: "主题党日活动", typ: TypeActivity},
	{word: "专项活动", typ: TypeActivity},
	{word: "行动", typ: TypeCampaign},
	{word: "专项行动", typ: TypeCampaign, pattern: true},
	{word: "攻坚行动", typ: TypeCampaign, pattern: true},
	{word: "主题行动", typ: TypeCampaign},
	{word: "整改行动", typ: TypeCampaign},
	{word: "提升行动", typ: TypeCampaign, pattern: true},
	{word: "三年行动", typ: TypeCampaign, pattern: true},
	{word: "五年行动", typ: TypeCampaign, pattern: true},
	{word: "专项整治", typ: TypeCampaign, pattern: true},
	{word: "攻坚战", typ: TypeCampaign, pattern: true},
	{word: "工程", typ: TypeProject, pattern: true, verb: true},
	{word: "示范工程", typ: TypeProject, pattern: true, verb: true},
	{word: "项目", typ: TypeProject, weak: true},
	{word: "制度", typ: TypeMechanism},
	{word: "政策", typ: TypeMechanism, weak: true},
	{word: "机制", typ: TypeMechanism},
	{word: "长效机制", typ: TypeMechanism},
	{word: "工作法", typ: TypeMechanism},
	{word: "模式", typ: TypeMechanism, weak: true},
	{word: "责任制", typ: TypeMechanism},
	{word: "制", typ: TypeMechanism, selfOnly: true},
	{word: "计划", typ: TypePlan},
	{word: "行动计划", typ: TypePlan, pattern: true},
	{word: "规划", typ: TypePlan},
	{word: "规划纲要", typ: TypePlan, pattern: true},
	{word: "纲要", typ: TypePlan},
	{word: "服务", typ: TypeService, weak: true},
	{word: "志愿服务", typ: TypeService, weak: true},
	{word: "战略", typ: TypeStrategy, pattern: true, right: true, verb: true},
	{word: "倡议", typ: TypeStrategy, pattern: true, verb: true},
	{word: "教育", typ: TypeEducation, weak: true},
	{word: "主题教育", typ: TypeEducation, pattern: true, verb: true},
	// Programmes built on a place or an institution: 青山市卒中中心建设,
	// 河西省大病保险专项政策.
	{word: "中心建设", short: true, typ: TypeProject, pattern: true},
	{word: "专项政策", typ: TypeMechanism, pattern: true},
	{word: "示范区建设", typ: TypeProject, pattern: true},
	// Honours and model titles that units compete for: 青年文明号,
	// 巾帼文明岗, 五星级党支部, 优质护理服务示范病区.
	{word: "文明号", short: true, typ: TypeHonour, pattern: true},
	{word: "文明岗", short: true, typ: TypeHonour, pattern: true},
	{word: "先锋号", short: true, typ: TypeHonour, pattern: true},
	{word: "先锋岗", short: true, typ: TypeHonour, pattern: true},
	{word: "示范岗", short: true, typ: TypeHonour, pattern: true},
	{word: "示范病区", typ: TypeHonour, pattern: true},
	{word: "示范科室", typ: TypeHonour, pattern: true},
	{word: "星级党支部", typ: TypeHonour, pattern: true},
	{word: "五星级党支部", whole: true, short: true, typ: TypeHonour, pattern: true},
	{word: "四星级党支部", whole: true, short: true, typ: TypeHonour, pattern: true},
	{word: "三星级党支部", whole: true, short: true, typ: TypeHonour, pattern: true},
	{word: "巾帼文明岗", whole: true, short: true, typ: TypeHonour, pattern: true},
	{word: "青年文明号", whole: true, short: true, typ: TypeHonour, pattern: true},
	{word: "工人先锋号", whole: true, short: true, typ: TypeHonour, pattern: true},
	{word: "红旗党支部", typ: TypeHonour, pattern: true},
	{word: "示范党支部", typ: TypeHonour, pattern: true},
	// Named days, weeks and months of a campaign: 安全生产月, 宪法宣传周,
	// 院长开放日.
	{word: "宣传周", short: true, typ: TypeActivity, pattern: true},
	{word: "宣传月", short: true, typ: TypeActivity, pattern: true},
	{word: "宣传日", short: true, typ: TypeActivity, pattern: true},
	{word: "活动周", short: true, typ: TypeActivity, pattern: true},
	{word: "活动月", short: true, typ: TypeActivity, pattern: true},
	{word: "活动日", short: true, typ: TypeActivity, pattern: true},
	{word: "开放日", short: true, typ: TypeActivity, pattern: true},
	{word: "服务月", short: true, typ: TypeActivity, pattern: true},
	{word: "服务周", short: true, typ: TypeActivity, pattern: true},
	{word: "服务日", short: true, typ: TypeActivity, pattern: true},
	{word: "主题日", short: true, typ: TypeActivity, pattern: true},
	{word: "生产月", short: true, typ: TypeActivity, pattern: true},
	{word: "质量月", short: true, typ: TypeActivity, pattern: true},
	{word: "科技周", short: true, typ: TypeActivity, pattern: true},
	{word: "读书月", short: true, typ: TypeActivity, pattern: true},
	// Named years of a campaign and of two countries: 作风建设年, 基层减负落
	// 实年, 中俄文化年, 中柬友好年.
	{word: "文化年", short: true, typ: TypeActivity, pattern: true},
	{word: "友好年", short: true, typ: TypeActivity, pattern: true},
	{word: "交流年", short: true, typ: TypeActivity, pattern: true},
	{word: "旅游年", short: true, typ: TypeActivity, pattern: true},
	{word: "建设年", short: true, typ: TypeCampaign, pattern: true},
	{word: "提升年", short: true, typ: TypeCampaign, pattern: true},
	{word: "攻坚年", short: true, typ: TypeCampaign, pattern: true},
	{word: "落实年", short: true, typ: TypeCampaign, pattern: true},
	{word: "突破年", short: true, typ: TypeCampaign, pattern: true},
	{word: "学习教育", typ: TypeEducation, pattern: true, verb: true},
})

// titleHeads end a 《…》 title that names a plan or policy rather than a
// book (《“健康中国2030”规划纲要》 but not 《中国共产党简史》).
var titleHeads = []string{"规划纲要", "规划", "纲要", "行动计划", "计划", "实施方案", "方案", "行动", "工程"}

// headFirst holds the first rune of every head, a cheap filter for headAt,
// which runs at every Han rune of the text.
var headFirst = func() (b runeset.Set) {
	for _, h := range heads {
		r, _ := utf8.DecodeRuneInString(h.word)
		b.Add(r)
	}
	return b
}()

// sortHeads orders heads longest first so the first match is the longest.
func sortHeads(hs []head) []head {
	sort.SliceStable(hs, func(i, j int) bool { return len(hs[i].word) > len(hs[j].word) })
	return hs
}

// headAt returns the longest head starting at s[i:] that is not followed by
// a blocker (服务队, 工程师, 战略伙伴: the head is part of a longer noun).
// selfOnly heads are skipped unless self is set.
func headAt(s string, i int, self bool) (head, bool) {
	rest := s[i:]
	r, _ := utf8.DecodeRuneInString(rest)
	if !headFirst.Has(r) {
		return head{}, false
	}
	for _, h := range headsByFirst[r] {
		if h.selfOnly && !self {
			continue
		}
		if strings.HasPrefix(rest, h.word) && !blockedAfter(rest[len(h.word):]) {
			return h, true
		}
	}
	return head{}, false
}

// headsByFirst indexes heads by their first rune, longest first.
var headsByFirst = func() map[rune][]head {
	m := map[rune][]head{}
	for _, h := range heads {
		r, _ := utf8.DecodeRuneInString(h.word)
		m[r] = append(m[r], h)
	}
	return m
}()

// headChain reports whether s consists only of heads (志愿服务活动), which
// Canonical strips after a quotation.
func headChain(s string) (string, bool) {
	typ := ""
	for s != "" {
		h, ok := headAt(s, 0, false)
		if !ok {
			return "", false
		}
		typ = h.typ
		s = s[len(h.word):]
	}
	return typ, typ != ""
}

// blockers are words that, right after a head, show the head is the first
// half of a longer common noun: 服务队 (service team), 工程师 (engineer),
// 战略伙伴 (strategic partner), 项目台账 (project ledger).
var blockers = []string{
	"队", "点", "站", "处", "室", "部", "组", "师", "员", "者", "院", "局", "厅",
	"中心", "基地", "平台", "能力", "水平", "质量", "流程", "体系", "窗口", "对象",
	"经费", "资金", "场所", "阵地", "台账", "名片", "理念", "态度", "品质", "意识",
	"伙伴", "合作", "对话", "互信", "沟通", "协作", "性", "意义", "高度", "定力",
	"机遇", "全局", "部署", "安排", "目标", "导弹", "弹道", "武器", "核", "资源",
	"储备", "支点", "层面", "思维", "眼光", "重点", "方向", "任务", "举措", "布局",
	"不便", "生育", "费", "券", "包", "商", "方", "人", "区", "车", "库", "设施",
	"建设", "系统", "学", "领域", "奖", "类", "书", "对接", "自信", "主动", "优势",
	"支撑", "谋划", "考量", "判断", "科技", "机构",
}

func blockedAfter(rest string) bool {
	for _, b := range blockers {
		if strings.HasPrefix(rest, b) {
			return true
		}
	}
	return false
}
