package numeral

import "testing"

func TestDigit(t *testing.T) {
	tests := []struct {
		r    rune
		want int
	}{
		{'0', 0}, {'7', 7}, {'９', 9}, {'〇', 0}, {'零', 0}, {'○', 0},
		{'一', 1}, {'壹', 1}, {'两', 2}, {'兩', 2}, {'贰', 2}, {'貳', 2},
		{'叁', 3}, {'參', 3}, {'叄', 3}, {'肆', 4}, {'伍', 5}, {'陆', 6}, {'陸', 6},
		{'柒', 7}, {'捌', 8}, {'玖', 9}, {'九', 9},
		{'十', -1}, {'廿', -1}, {'万', -1}, {'a', -1}, {'年', -1},
	}
	for _, tt := range tests {
		if got := Digit(tt.r); got != tt.want {
			t.Errorf("Digit(%q) = %d; want %d", tt.r, got, tt.want)
		}
	}
}

func TestUnitAndTens(t *testing.T) {
	units := map[rune]int{'十': 1, '拾': 1, '百': 2, '佰': 2, '千': 3, '仟': 3, '万': 4, '萬': 4, '亿': 8, '億': 8, '一': 0, '兆': 0}
	for r, want := range units {
		if got := Unit(r); got != want {
			t.Errorf("Unit(%q) = %d; want %d", r, got, want)
		}
	}
	tens := map[rune]int{'廿': 2, '卅': 3, '卌': 4, '十': 0}
	for r, want := range tens {
		if got := Tens(r); got != want {
			t.Errorf("Tens(%q) = %d; want %d", r, got, want)
		}
	}
}

func TestClasses(t *testing.T) {
	for _, r := range "〇○零一两壹貳參十百千万亿萬億廿卅卌" {
		if !IsChinese(r) {
			t.Errorf("IsChinese(%q) = false; want true", r)
		}
	}
	for _, r := range "1１年a月" {
		if IsChinese(r) {
			t.Errorf("IsChinese(%q) = true; want false", r)
		}
	}
	for _, r := range "壹贰貳叁參陆陸拾佰仟" {
		if !Financial(r) {
			t.Errorf("Financial(%q) = false; want true", r)
		}
	}
	for _, r := range "一二三十百千万" {
		if Financial(r) {
			t.Errorf("Financial(%q) = true; want false", r)
		}
	}
}

func TestChinese(t *testing.T) {
	tests := []struct {
		in   string
		want uint64
		ok   bool
	}{
		{"三", 3, true},
		{"两", 2, true},
		{"零", 0, true},
		{"十", 10, true},
		{"十五", 15, true},
		{"二十", 20, true},
		{"二十五", 25, true},
		{"廿", 20, true},
		{"廿一", 21, true},
		{"卅", 30, true},
		{"卅一", 31, true},
		{"卌五", 45, true},
		{"一百零五", 105, true},
		{"一百一十五", 115, true},
		{"一百十五", 115, true},
		{"三百一十", 310, true},
		{"一千零十二", 1012, true},
		{"一千零五十", 1050, true},
		{"两千", 2000, true},
		{"一万零四十", 10040, true},
		{"三百五", 350, true},
		{"两千三", 2300, true},
		{"一万五", 15000, true},
		{"一亿三", 130000000, true},
		{"十万", 100000, true},
		{"二十万零八千", 208000, true},
		{"一亿五千万", 150000000, true},
		{"五万亿", 5000000000000, true},
		{"壹佰贰拾万", 1200000, true},
		{"贰佰叁拾", 230, true},
		{"參拾萬", 300000, true},
		{"貳仟零壹拾", 2010, true},
		{"百", 100, true},
		{"千", 1000, true},
		{"万", 10000, true},
		{"", 0, false},
		{"三五", 0, false},
		{"二〇二一", 0, false},
		{"万一", 0, false},
		{"一百百", 0, false},
		{"十十", 0, false},
		{"3万", 0, false},
		{"一万亿亿亿", 0, false},
		{"九千九百九十九亿亿", 0, false},
	}
	for _, tt := range tests {
		got, ok := Chinese(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Chinese(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDigitByDigit(t *testing.T) {
	tests := []struct {
		in   string
		want uint64
		ok   bool
	}{
		{"二〇二一", 2021, true},
		{"二○二一", 2021, true},
		{"二零零三", 2003, true},
		{"一九九八", 1998, true},
		{"九八", 98, true},
		{"零九", 9, true},
		{"两", 2, true},
		{"两三", 0, false},
		{"十二", 0, false},
		{"2021", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, ok := DigitByDigit(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("DigitByDigit(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestSmall(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"25", 25, true},
		{"２５", 25, true},
		{"2021", 2021, true},
		{"07", 7, true},
		{"二〇二一", 2021, true},
		{"二○二一", 2021, true},
		{"九八", 98, true},
		{"六", 6, true},
		{"十", 10, true},
		{"十二", 12, true},
		{"二十五", 25, true},
		{"三十一", 31, true},
		{"廿五", 25, true},
		{"卅一", 31, true},
		{"", 0, false},
		{"一百", 0, false},
		{"2十", 0, false},
		{"一二十", 0, false},
		{"1234567890", 0, false},
	}
	for _, tt := range tests {
		got, ok := Small(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Small(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func FuzzChinese(f *testing.F) {
	for _, s := range []string{"一万零四十", "三百五", "廿一", "二〇二一", "万一", "九千九百九十九亿亿"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if n, ok := Chinese(s); ok && n >= MaxExact {
			t.Fatalf("Chinese(%q) = %d; not below MaxExact", s, n)
		}
		if n, ok := DigitByDigit(s); ok && n >= MaxExact {
			t.Fatalf("DigitByDigit(%q) = %d; not below MaxExact", s, n)
		}
		Small(s)
	})
}
