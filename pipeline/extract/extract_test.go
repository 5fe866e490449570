package extract

import (
	"fmt"
	"strings"
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
			prec := map[corpus.Kind]int{corpus.KindInitiative: 3, corpus.KindDate: 2, corpus.KindNumber: 1}
			for _, x := range resolve(tt.in, prec) {
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
	got, err := valid(text, append([]corpus.Mention{good}, bad...))
	if len(got) != 1 || got[0].Value != "2021" {
		t.Errorf("Valid kept %v; want only the 2021 mention", got)
	}
	if err == nil {
		t.Errorf("Valid dropped mentions without an error")
	}
	if _, err := valid(text, []corpus.Mention{good}); err != nil {
		t.Errorf("valid(good) = %v; want nil", err)
	}
}

func TestScore(t *testing.T) {
	text := "于2021年6月召开，参会300余人，共3天。"
	at := func(s string) corpus.Span {
		i := strings.Index(text, s)
		return corpus.Span{Start: i, End: i + len(s)}
	}
	gold := []Gold{{at("2021年6月"), "2021-06"}, {at("300余人"), "300"}, {at("3天"), "3"}}
	pred := []corpus.Mention{
		{Span: at("2021年6月"), Value: "2021-06"}, // exact, right value
		{Span: at("300余"), Value: "30"},         // overlaps, wrong value
		{Span: at("召开"), Value: "x"},            // spurious
	}
	var s Score
	s.Add("d", text, gold, pred)
	if s.Gold != 3 || s.Predicted != 3 || s.Matched != 2 || s.Exact != 1 || s.ValueRight != 1 || s.ValueJudged != 2 {
		t.Fatalf("Score = %+v", s)
	}
	if p, r := s.Precision(), s.Recall(); p != 2.0/3 || r != 2.0/3 {
		t.Errorf("precision, recall = %v, %v; want 2/3, 2/3", p, r)
	}
	var whats []string
	for _, m := range s.Misses {
		whats = append(whats, m.What+":"+m.Text)
	}
	if got, want := strings.Join(whats, " "), "spurious:召开 value:300余 missed:3天"; got != want {
		t.Errorf("misses = %s; want %s", got, want)
	}
}

func TestCountedNouns(t *testing.T) {
	text := "400多个小区划分为4类，10个面向基层，3200万名群众"
	at := func(s string) corpus.Span {
		i := strings.Index(text, s)
		return corpus.Span{Start: i, End: i + len(s)}
	}
	ms := []corpus.Mention{
		{Kind: corpus.KindNumber, Span: at("400多个"), Unit: "个", Noun: "小区划分"},
		{Kind: corpus.KindNumber, Span: at("10个"), Unit: "个", Noun: "面"},
		{Kind: corpus.KindNumber, Span: at("3200万名"), Unit: "名", Noun: "群众"},
		{Kind: corpus.KindNumber, Span: at("4类"), Unit: "类", Noun: "猜测"}, // no tag starts after it: the guess stays
		{Kind: corpus.KindNumber, Span: at("10个"), Unit: "个"},            // no guess: not a counting measure word
	}
	tag := func(s, pos string) corpus.Token { return corpus.Token{Span: at(s), Term: s, POS: pos} }
	tags := []corpus.Token{tag("小区", "n"), tag("划分", "v"), tag("面向", "v"), tag("基层", "n"), tag("群众", "n")}
	countedNouns(ms, tags)
	var got []string
	for _, m := range ms {
		got = append(got, m.Noun)
	}
	if want := "小区||群众|猜测|"; strings.Join(got, "|") != want {
		t.Errorf("nouns = %q; want %q", strings.Join(got, "|"), want)
	}
}
