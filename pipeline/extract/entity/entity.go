package entity

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
)

// orgSuffixes end organisation names (longest first matters only for the
// rule name; any suffix ends a name).
var orgSuffixes = []string{
	"社区卫生服务中心", "疾病预防控制中心", "卫生健康委员会", "街道办事处", "人民代表大会",
	"委员会", "卫健委", "管委会", "研究院", "研究所", "检察院", "保健院", "卫生院", "服务站",
	"基金会", "联合会", "电视台", "办公室", "医院", "中心", "政府", "大学", "学院", "学校",
	"党委", "支部", "总支", "公司", "集团", "协会", "学会", "日报", "报社", "法院", "银行",
	"局", "厅",
}

// roles are titles written before a person's name (市委书记钱运坤,
// 院长何建国); the role goes into the mention's Noun.
var roles = []string{
	"党委书记", "市委书记", "县委书记", "总书记", "副书记", "书记", "副院长", "院长", "副主任", "主任",
	"主任医师", "主治医师", "医师", "医生", "护士长", "记者", "通讯员", "教授", "局长", "部长", "厅长",
	"市长", "县长", "区长", "镇长", "主席", "总理", "科长", "处长", "队长", "站长", "校长",
	"总统", "首相", "外长", "大使", "秘书长", "委员长",
	"董事长", "理事长", "总经理", "经理", "负责人",
}

// surnames are the common family names; a word tagged nr without a role
// or speech verb is taken as a person only when it starts with one (jieba
// tags 幸福感 and 戈谢病 nr too).
//
// Surnames that also begin many ordinary words and place names (高水平,
// 白皮书, 龙卷风, 石家庄, 黎巴嫩, 乌克兰, 段时间 on the news corpus) are left
// out: such names are found only with a role or a speech verb.
const surnames = "王李张刘陈杨赵吴周徐孙朱胡郭何罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚姜崔钟谭陆汪范廖贾夏韦付邹孟熊秦邱尹薛闫雷侯陶贺顾毛郝龚邵钱覃戴莫孔汤习"

// notNameEndings end words jieba may tag nr that name things, not people.
const notNameEndings = "科院部区病感型周册所局处队站室组会见书风庄堡"

// notNameStarts begin words that follow a role but are no names (主席此访,
// 书记本人).
const notNameStarts = "此该其这那本各每"

// notPlaces are common nouns jieba tags ns although they name no place.
var notPlaces = map[string]bool{"城市": true, "山村": true, "农村": true, "乡村": true, "城区": true, "社区": true, "小区": true, "街道": true, "都市": true, "市区": true, "县区": true}

// speechVerbs after a name show it is a person (刘女士说, 张三表示).
var speechVerbs = map[string]bool{
	"说": true, "表示": true, "介绍": true, "指出": true, "强调": true, "认为": true, "告诉": true, "坦言": true,
}

// placeSuffixes end place names that jieba tags ns.
var placeSuffixes = []string{"自治区", "省", "市", "县", "区", "旗", "州", "镇", "乡", "村", "街道", "社区"}

// Extract returns the entities among tagged words of text. tags must be
// sorted, non-overlapping words with spans into text (segment.Jieba.Tag).
func Extract(text string, tags []corpus.Token) []corpus.Mention {
	var out []corpus.Mention
	for i := 0; i < len(tags); i++ {
		if m, n, ok := org(text, tags, i); ok {
			out = append(out, m)
			i += n - 1
			continue
		}
		if m, ok := person(text, tags, i); ok {
			out = append(out, m)
			continue
		}
		if m, ok := place(tags[i]); ok {
			out = append(out, m)
		}
	}
	return out
}

// orgStart reports whether a word may begin an organisation name: a
// place, an organisation, a proper noun, or a local prefix (市中心医院).
func orgStart(t corpus.Token) bool {
	switch t.POS {
	case "ns", "nt", "nz":
		return hanLen(t.Term) >= 2
	case "n", "j":
		return strings.HasPrefix(t.Term, "市") || strings.HasPrefix(t.Term, "县") || strings.HasPrefix(t.Term, "省")
	}
	return false
}

// orgPart reports whether a word may continue an organisation name.
func orgPart(t corpus.Token) bool {
	switch t.POS {
	case "ns", "nt", "nz", "n", "vn", "b", "j", "m", "ng":
		return hanLen(t.Term) <= 6
	}
	return t.Term == "附属"
}

// maxOrgWords bounds an organisation name: 内蒙古/医科大学/附属/医院 is
// four words; longer runs are sentences, not names.
const maxOrgWords = 6

// org reads the longest organisation name starting at tags[i]: contiguous
// name words ending in an organisation suffix. It returns the mention and
// the number of words used.
func org(text string, tags []corpus.Token, i int) (corpus.Mention, int, bool) {
	if !orgStart(tags[i]) {
		return corpus.Mention{}, 0, false
	}
	end := -1
	for k := i; k < len(tags) && k < i+maxOrgWords; k++ {
		if k > i && (tags[k].Span.Start != tags[k-1].Span.End || !orgPart(tags[k])) {
			break
		}
		if hasSuffix(tags[k].Term, orgSuffixes) {
			end = k
		}
	}
	// A single word is a name only when jieba knows it as one and it is
	// long enough to be specific (公立医院, 中心医院 are kinds, not names).
	if end < 0 || (end == i && (tags[i].POS != "nt" || hanLen(tags[i].Term) < 5)) {
		return corpus.Mention{}, 0, false
	}
	span := corpus.Span{Start: tags[i].Span.Start, End: tags[end].Span.End}
	name := text[span.Start:span.End]
	if hanLen(name) < 3 {
		return corpus.Mention{}, 0, false
	}
	return corpus.Mention{Kind: corpus.KindOrg, Span: span, Value: name, Rule: "org/suffix"}, end - i + 1, true
}

// person accepts a word tagged as a name (nr*) of two to four Han
// characters, or an unknown word (x) of two or three after a role or
// before a speech verb.
func person(text string, tags []corpus.Token, i int) (corpus.Mention, bool) {
	t := tags[i]
	n := hanLen(t.Term)
	if n != utf8.RuneCountInString(t.Term) || n < 2 || n > 4 {
		return corpus.Mention{}, false
	}
	// The role is written before the name (院长何建国) or after it
	// (习近平总书记, 王毅外长).
	role := ""
	if i > 0 && tags[i-1].Span.End == t.Span.Start {
		role = roleOf(tags[i-1].Term)
	}
	if role == "" && i+1 < len(tags) && tags[i+1].Span.Start == t.Span.End && !placeLike(t.Term) {
		role = roleOf(tags[i+1].Term)
	}
	speaks := i+1 < len(tags) && tags[i+1].Span.Start == t.Span.End && speechVerbs[tags[i+1].Term]
	rule := ""
	last, _ := utf8.DecodeLastRuneInString(t.Term)
	if strings.ContainsRune(notNameEndings, last) {
		return corpus.Mention{}, false
	}
	first, _ := utf8.DecodeRuneInString(t.Term)
	if strings.ContainsRune(notNameStarts, first) {
		return corpus.Mention{}, false
	}
	switch {
	case strings.HasPrefix(t.POS, "nr") && (role != "" || speaks):
		rule = "person/nr+context"
	case strings.HasPrefix(t.POS, "nr") && n == 3 && strings.ContainsRune(surnames, first):
		rule = "person/nr"
	case t.POS == "x" && n <= 3 && role != "":
		rule = "person/role"
	case t.POS == "x" && n <= 3 && speaks:
		rule = "person/speech"
	default:
		return corpus.Mention{}, false
	}
	return corpus.Mention{Kind: corpus.KindPerson, Span: t.Span, Value: text[t.Span.Start:t.Span.End], Noun: role, Rule: rule}, true
}

// placeLike reports whether a word ends like a country or region name:
// jieba tags some of them nr, and "乌克兰总统" puts a role right after
// them.
func placeLike(w string) bool {
	last, _ := utf8.DecodeLastRuneInString(w)
	return strings.ContainsRune("兰亚国洲岛湾", last)
}

// roleOf returns the role a word ends with (医院院长 → 院长), or "".
func roleOf(w string) string {
	for _, r := range roles {
		if strings.HasSuffix(w, r) {
			return r
		}
	}
	return ""
}

// place accepts a word tagged ns that ends like a place name; bare ns words
// without a suffix are too often mistagged (上台/ns) to trust.
func place(t corpus.Token) (corpus.Mention, bool) {
	if t.POS != "ns" || hanLen(t.Term) < 2 || !hasSuffix(t.Term, placeSuffixes) || notPlaces[t.Term] || strings.HasSuffix(t.Term, "城市") {
		return corpus.Mention{}, false
	}
	return corpus.Mention{Kind: corpus.KindPlace, Span: t.Span, Value: t.Term, Rule: "place/ns"}, true
}

func hasSuffix(w string, suffixes []string) bool {
	for _, s := range suffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

func hanLen(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

// Stage is the pipeline stage that adds entity mentions to a document,
// from the tagged words the segment stage left in doc.Tags; this package
// stays free of cgo.
type Stage struct{}

// Name implements pipeline.Stage.
func (Stage) Name() string { return "entity" }

// Process implements pipeline.Stage. It appends to doc.Mentions and keeps
// them sorted by start.
func (Stage) Process(_ context.Context, doc *corpus.Document) error {
	ms := corpus.Outside(Extract(doc.Text, doc.Tags), doc.MetaSpans)
	if len(ms) == 0 {
		return nil
	}
	doc.Mentions = append(doc.Mentions, ms...)
	corpus.SortMentions(doc.Mentions)
	return nil
}
