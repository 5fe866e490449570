package entity

import (
	"testing"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/pipeline/segment"
)

// FuzzExtract runs Extract on any text with jieba's tags, as the run
// does: no panic, and mentions in order, not overlapping, on rune
// boundaries, of the three kinds, with a value.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"青山市中心医院党委书记王晓东主持会议，南河医科大学附属医院院长何建国介绍。",
		"东区６队为杭州飞燕、成都蓝鲸和武汉金帆；西区两队为，",
		"西门子（中国）有限公司与中国中央广播电视总台在北京签约。",
		"（中国）投资有限公司\xff（）队：、",
		"海因里希·冯·皮勒先生、纳扎尔巴耶夫总统和吉尔吉斯斯坦政府",
		"周明同志因病逝世。总统罗德里-卡萨尔、日本首相高田早苗出席二十国集团峰会，在苏林、哈尔科夫。",
	} {
		f.Add(s)
	}
	j, err := segment.New(segment.Options{})
	if err != nil {
		f.Fatal(err)
	}
	defer j.Close()
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, m := range Extract(text, j.Tag(text, nil)) {
			s := m.Span
			if s.Start < end || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("Extract(%q): span %v out of order, empty or out of bounds (previous end %d)", text, s, end)
			}
			if !runeStart(text, s.Start) || !runeStart(text, s.End) {
				t.Fatalf("Extract(%q): span %v not on rune boundaries", text, s)
			}
			if m.Kind != corpus.KindOrg && m.Kind != corpus.KindPerson && m.Kind != corpus.KindPlace || m.Value == "" || m.Rule == "" {
				t.Fatalf("Extract(%q): bad mention %+v", text, m)
			}
			end = s.End
		}
	})
}

// runeStart reports whether range decoding starts a rune at i of s (or i
// is its end).
func runeStart(s string, i int) bool {
	if i == len(s) {
		return true
	}
	for k := range s {
		if k == i {
			return true
		}
		if k > i {
			break
		}
	}
	return false
}
