package extract

import (
	"fmt"
	"testing"

	"github.com/baogao/baogao/corpus"
)

func m(k corpus.Kind, s, e int, v string) corpus.Mention {
	return corpus.Mention{Kind: k, Span: corpus.Span{Start: s, End: e}, Value: v}
}

func TestResolve(t *testing.T) {
	tests := []struct {
		name string
		in   []corpus.Mention
		want string
	}{
		{"date claims its year number",
			[]corpus.Mention{m(corpus.KindNumber, 0, 4, "2021"), m(corpus.KindDate, 0, 10, "2021-06")},
			"[date 0-10 2021-06]"},
		{"initiative claims its numerals",
			[]corpus.Mention{m(corpus.KindInitiative, 3, 30, "323"), m(corpus.KindNumber, 6, 9, "323")},
			"[initiative 3-30 323]"},
		{"initiative beats an overlapping date",
			[]corpus.Mention{m(corpus.KindDate, 10, 14, "x"), m(corpus.KindInitiative, 0, 12, "y")},
			"[initiative 0-12 y]"},
		{"adjacent mentions both stay",
			[]corpus.Mention{m(corpus.KindNumber, 10, 14, "7"), m(corpus.KindDate, 0, 10, "2021-07")},
			"[date 0-10 2021-07 number 10-14 7]"},
		{"entities may overlap anything",
			[]corpus.Mention{m(corpus.KindOrg, 0, 20, "o"), m(corpus.KindNumber, 3, 5, "1")},
			"[org 0-20 o number 3-5 1]"},
		{"long initiative far before",
			[]corpus.Mention{m(corpus.KindInitiative, 0, 900, "i"), m(corpus.KindNumber, 800, 803, "9"), m(corpus.KindNumber, 900, 903, "8")},
			"[initiative 0-900 i number 900-903 8]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, x := range Resolve(tt.in) {
				got = append(got, fmt.Sprintf("%v %d-%d %s", x.Kind, x.Span.Start, x.Span.End, x.Value))
			}
			if s := fmt.Sprint(got); s != tt.want {
				t.Errorf("Resolve = %s; want %s", s, tt.want)
			}
		})
	}
}

func TestValid(t *testing.T) {
	text := "于2021年召开"
	good := m(corpus.KindDate, 3, 10, "2021")
	bad := []corpus.Mention{
		m(corpus.KindDate, 1, 10, "mid-rune"),
		m(corpus.KindDate, 3, 99, "past the end"),
		m(corpus.KindDate, 5, 5, "empty"),
		m(corpus.KindDate, -1, 3, "negative"),
	}
	got, err := Valid(text, append([]corpus.Mention{good}, bad...))
	if len(got) != 1 || got[0].Value != "2021" {
		t.Errorf("Valid kept %v; want only the 2021 mention", got)
	}
	if err == nil {
		t.Errorf("Valid dropped mentions without an error")
	}
	if _, err := Valid(text, []corpus.Mention{good}); err != nil {
		t.Errorf("Valid(good) = %v; want nil", err)
	}
}
