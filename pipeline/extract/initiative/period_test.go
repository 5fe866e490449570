package initiative

import "testing"

func TestPlanPeriod(t *testing.T) {
	tests := []struct{ name, want string }{
		{"十四五", "2021/2025"},
		{"十五五", "2026/2030"},
		{"十三五规划", "2016/2020"},
		{"十四五发展规划", "2021/2025"},
		{"一五", "1953/1957"},
		{"二五计划", "1958/1962"},
		{"三五", "1966/1970"},
		{"十一五时期", "2006/2010"},
		{"十四五规划编制工作", ""},
		{"我为群众办实事", ""},
		{"五位一体", ""},
		{"十大工程", ""},
	}
	for _, tt := range tests {
		if got := PlanPeriod(tt.name); got != tt.want {
			t.Errorf("PlanPeriod(%q) = %q; want %q", tt.name, got, tt.want)
		}
	}
}
