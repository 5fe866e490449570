package number

import (
	"testing"

	"github.com/baogao/baogao/corpus"
)

func TestValues(t *testing.T) {
	tests := []struct {
		in        string
		low, high float64
		exact, ok bool
	}{
		{"4000", 4000, 4000, true, true},
		{"-3.5", -3.5, -3.5, true, true},
		{"0.25", 0.25, 0.25, true, true},
		{"300000000", 3e8, 3e8, true, true},
		{"15/17", 15, 17, false, true},
		{"30000/50000", 30000, 50000, false, true},
		{"-5/3", -5, 3, false, true},
		{"", 0, 0, false, false},
		{"1e5", 0, 0, false, false},
		{"NaN", 0, 0, false, false},
		{"Inf", 0, 0, false, false},
		{"0x10", 0, 0, false, false},
		{"3/", 0, 0, false, false},
		{"1.2.3", 0, 0, false, false},
		{"乡村振兴", 0, 0, false, false},
	}
	for _, tt := range tests {
		low, high, exact, ok := Values(tt.in)
		if low != tt.low || high != tt.high || exact != tt.exact || ok != tt.ok {
			t.Errorf("Values(%q) = %v, %v, %v, %v; want %v, %v, %v, %v", tt.in, low, high, exact, ok, tt.low, tt.high, tt.exact, tt.ok)
		}
	}
}

// TestValuesOfEveryMention: every Value the extractor writes on the seeds
// converts, and ranges convert with the lower end first.
func TestValuesOfEveryMention(t *testing.T) {
	e := New()
	for _, text := range fuzzSeeds {
		for _, m := range e.Extract(text, corpus.Date{}) {
			low, high, exact, ok := Values(m.Value)
			if !ok || low > high || exact != (m.Grain != "range") {
				t.Errorf("Values(%q) of %q = %v, %v, %v, %v", m.Value, text, low, high, exact, ok)
			}
		}
	}
}
