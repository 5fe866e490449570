package charset

import (
	"strings"
	"testing"
)

func TestVerdict(t *testing.T) {
	tests := []struct {
		name, text string
		ok         bool
	}{
		{"report", "今年以来，全区新建社区卫生服务站六个，家庭医生签约率达到百分之七十五。", true},
		{"classical", strings.Repeat("兵者，国之大事，死生之地，存亡之道，不可不察也。", 3), true},
		{"rare han only", strings.Repeat("龘靐齉齾爩鱻麤", 10), false},
		{"a few replacements", strings.Repeat("全年完成", 20) + "\uFFFD\uFFFD\uFFFD", true},
		{"short text, two replacements", "caf\uFFFD \uFFFD", true},
		{"many replacements", strings.Repeat("全年完成\uFFFD", 20), false},
		{"private use", strings.Repeat("工作\uE000\uE001\uE002总结", 10), false},
		{"controls", strings.Repeat("报告\x01\x02", 20), false},
		{"lines and tabs", "第一条\t说明\r\n第二条\f附则\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := measure(tt.text)
			if why := s.verdict(); (why == "") != tt.ok {
				t.Errorf("measure(%q).verdict() = %q; want ok=%v", tt.text, why, tt.ok)
			}
		})
	}
}

// TestCommonTable guards the tables: about a thousand simplified characters,
// all in the basic Han block the bitset covers, none repeated.
func TestCommonTable(t *testing.T) {
	seen := map[rune]bool{}
	for _, r := range commonSimplified + commonTraditional {
		if r < 0x4E00 || r > 0x9FFF || seen[r] {
			t.Errorf("common table: %q (U+%04X) outside U+4E00–U+9FFF or repeated", r, r)
		}
		seen[r] = true
		if !isCommon(r) {
			t.Errorf("isCommon(%q) = false; want true", r)
		}
	}
	if n := len([]rune(commonSimplified)); n < 900 || n > 1100 {
		t.Errorf("len(commonSimplified) = %d; want about 1000", n)
	}
	for _, r := range "龘靐齉" {
		if isCommon(r) {
			t.Errorf("isCommon(%q) = true; want false", r)
		}
	}
}
