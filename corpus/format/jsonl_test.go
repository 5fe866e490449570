package format

import (
	"errors"
	"testing"

	"github.com/baogao/baogao/corpus"
)

func TestJSONLDateField(t *testing.T) {
	tests := []struct {
		name, line string
		want       corpus.Date
		warn       bool
	}{
		{"full date", `{"text": "今年3月开展义诊。", "date": "2022-03-05"}`, corpus.Date{Year: 2022, Month: 3, Day: 5}, false},
		{"date-time", `{"text": "今年3月开展义诊。", "date": "2022-03-05T08:00:00+08:00"}`, corpus.Date{Year: 2022, Month: 3, Day: 5}, false},
		{"year only", `{"text": "今年3月开展义诊。", "date": "2022"}`, corpus.Date{Year: 2022}, false},
		{"year and month", `{"text": "今年3月开展义诊。", "date": "2022-03"}`, corpus.Date{Year: 2022, Month: 3}, false},
		{"chinese month", `{"text": "今年3月开展义诊。", "date": "2022年3月"}`, corpus.Date{Year: 2022, Month: 3}, false},
		{"slash month", `{"text": "今年3月开展义诊。", "date": "2022/11"}`, corpus.Date{Year: 2022, Month: 11}, false},
		{"not a date", `{"text": "今年3月开展义诊。", "date": "last spring"}`, corpus.Date{}, true},
		{"month 13", `{"text": "今年3月开展义诊。", "date": "2022-13"}`, corpus.Date{}, true},
		{"empty date", `{"text": "今年3月开展义诊。", "date": ""}`, corpus.Date{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, errs := Parse("r.jsonl", tt.line+"\n", Options{})
			if len(errs) != 0 || len(recs) != 1 {
				t.Fatalf("Parse(%s) = %v, %v; want one record", tt.line, recs, errs)
			}
			rec := recs[0]
			if tt.want.IsZero() {
				if rec.DateSource == "field" {
					t.Errorf("Parse(%s) date %v from the field; want none", tt.line, rec.Date)
				}
			} else if rec.Date != tt.want || rec.DateSource != "field" {
				t.Errorf("Parse(%s) date = %v (%s); want %v (field)", tt.line, rec.Date, rec.DateSource, tt.want)
			}
			if got := len(rec.Warnings) > 0; got != tt.warn {
				t.Fatalf("Parse(%s) warnings = %v; want warning %v", tt.line, rec.Warnings, tt.warn)
			}
			if tt.warn && !errors.Is(rec.Warnings[0], ErrDateField) {
				t.Errorf("warning %v does not wrap ErrDateField", rec.Warnings[0])
			}
		})
	}
}
