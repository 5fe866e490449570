package number

import "testing"

func TestParse(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"300000", "300000", true},
		{"23.35", "23.35", true},
		{"3.50", "3.5", true},
		{"1,234,567", "1234567", true},
		{"１２３４５", "12345", true},
		{"-3", "-3", true},
		{"负3", "-3", true},
		{"-0", "0", true},
		{"三", "3", true},
		{"十", "10", true},
		{"十五", "15", true},
		{"二十", "20", true},
		{"两千", "2000", true},
		{"一万零四十", "10040", true},
		{"一百零五", "105", true},
		{"一千零五十", "1050", true},
		{"三百五", "350", true},
		{"一万五", "15000", true},
		{"十万", "100000", true},
		{"一亿五千万", "150000000", true},
		{"五万亿", "5000000000000", true},
		{"壹佰贰拾万", "1200000", true},
		{"二〇二一", "2021", true},
		{"一七二零点一", "1720.1", true},
		{"三十五点五", "35.5", true},
		{"零点五", "0.5", true},
		{"三点五亿", "350000000", true},
		{"1.2万", "12000", true},
		{"30万", "300000", true},
		{"3亿", "300000000", true},
		{"5千", "5000", true},
		{"0.014", "0.014", true},
		{"百", "100", true},
		{"", "", false},
		{"abc", "", false},
		{"三五", "", false},
		{"十一五", "", false},
		{"万一", "", false},
		{"3个", "", false},
		{"1.2.3", "", false},
		{"99999999999999999999", "", false},
		{"一百百", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := Parse(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Parse(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}
