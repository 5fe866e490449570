package initiative

import (
	"fmt"
	"testing"

	"github.com/baogao/baogao/corpus"
)

var corpusDate = corpus.Date{}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"扎实开展“我为群众办实事”实践活动，推进党史学习教育。",
		"“四线”“四色”行动、“‘暖医先锋’志愿者服务队进社区”活动",
		"‘我为群众’\n\n办实事’实践活动《“健康中国2030”规划纲要》【我为师生办实事】",
		`"双减""“”《》【】‘’「」『』`,
		"党\n史学习教育\n\n开展医疗流程优化专项行动",
		"\xff“\xfe”行动",
		"建设交通强国、健康江苏建设，打造一村一品，全国爱眼日，世界肾脏日义诊活动",
		"深化中国—东盟合作——，落实减税、降费、缓缴政策、，荣获青年文明号",
	} {
		f.Add(s)
	}
	e := New(Options{})
	f.Fuzz(func(t *testing.T, text string) {
		ms := e.Extract(text, corpusDate)
		if q, want := e.Quoted(text), quotedOf(ms); fmt.Sprint(q) != fmt.Sprint(want) {
			t.Fatalf("Quoted(%q) = %v; want the quotations of Extract %v", text, q, want)
		}
		starts := runeStarts(text)
		prevEnd := 0
		for _, m := range ms {
			s := m.Span
			if s.Start < prevEnd || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("Extract(%q): span %v out of order, empty or out of bounds (prev end %d)", text, s, prevEnd)
			}
			if !starts[s.Start] || !starts[s.End] {
				t.Fatalf("Extract(%q): span %v not on rune boundaries", text, s)
			}
			if m.Kind != corpus.KindInitiative || m.Value == "" || m.Rule == "" || !validType(m.Type) {
				t.Fatalf("Extract(%q): bad mention %+v", text, m)
			}
			prevEnd = s.End
		}
	})
}

// runeStarts marks the offsets where range decoding starts a rune (an
// invalid byte is a rune of its own), plus len(s).
func runeStarts(s string) map[int]bool {
	m := map[int]bool{len(s): true}
	for i := range s {
		m[i] = true
	}
	return m
}
