package initiative

import "testing"

func TestCanonical(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"quoted with head", "“我为群众办实事”实践活动", "我为群众办实事"},
		{"bare name", "我为群众办实事", "我为群众办实事"},
		{"quoted alone", "“我为群众办实事”", "我为群众办实事"},
		{"line break", "“我为群众\n办实事”", "我为群众办实事"},
		{"blank line", "“我为群众\n\n办实事”", "我为群众办实事"},
		{"stray closing mark", "‘我为群众’\n\n办实事’实践活动", "我为群众办实事"},
		{"adjacent quotations", "“四线”“四色”行动", "四线、四色"},
		{"adjacent quotations with comma", "“一对一”、“点对点”服务", "一对一、点对点"},
		{"head chain", "“我帮你”志愿服务活动", "我帮你"},
		{"modifier keeps head", "“323”健康问题攻坚行动", "323健康问题攻坚行动"},
		{"nested quotation", "“‘暖医先锋’志愿者服务队进社区”活动", "暖医先锋志愿者服务队进社区"},
		{"plan title", "《“健康中国2030”规划纲要》", "健康中国2030规划纲要"},
		{"unquoted keeps head", "医疗流程优化专项行动", "医疗流程优化专项行动"},
		{"ideographic space", "乡村振兴\u3000战略", "乡村振兴战略"},
		{"column tag", "【我为师生办实事】", "我为师生办实事"},
		{"single ascii quote", `"双减`, "双减"},
		{"empty", " \n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Canonical(tt.in); got != tt.want {
				t.Errorf("Canonical(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}
