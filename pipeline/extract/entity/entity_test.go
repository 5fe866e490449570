package entity

import (
	"fmt"
	"strings"
	"testing"

	"github.com/baogao/baogao/corpus"
)

// tagged builds a text and its tags from "word/pos" items; a bare "，"
// item is punctuation, kept in the text but not tagged, as segment.Tag does.
func tagged(items ...string) (string, []corpus.Token) {
	var b strings.Builder
	var tags []corpus.Token
	for _, it := range items {
		w, pos, ok := strings.Cut(it, "/")
		start := b.Len()
		b.WriteString(w)
		if ok {
			tags = append(tags, corpus.Token{Span: corpus.Span{Start: start, End: b.Len()}, Term: w, POS: pos})
		}
	}
	return b.String(), tags
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name  string
		items []string
		want  string
	}{
		{"place then hospital is one org", []string{"青山市/ns", "中心医院/nt", "开展/v", "义诊/n"}, "[org:青山市中心医院]"},
		{"local prefix org", []string{"市中心/n", "医院/n", "党委/n", "召开/v"}, "[org:市中心医院党委]"},
		{"university hospital with 附属", []string{"南河/ns", "医科大学/nt", "附属/v", "医院/n"}, "[org:南河医科大学附属医院]"},
		{"generic single word is no org", []string{"公立医院/nt", "改革/vn"}, "[]"},
		{"punctuation breaks an org", []string{"青山市/ns", "，", "医院/n"}, "[place:青山市]"},
		{"role before unknown word", []string{"院长/n", "何建国/x", "介绍/v"}, "[person:何建国(院长)]"},
		{"unknown word before speech verb", []string{"林晓雯/x", "说/v"}, "[person:林晓雯]"},
		{"unknown word alone is nothing", []string{"林晓雯/x", "来到/v"}, "[]"},
		{"three-char nr with surname", []string{"周海峰/nr", "来到/v"}, "[person:周海峰]"},
		{"nr ending like a department is no person", []string{"麻醉科/nr"}, "[]"},
		{"nr without surname is no person", []string{"幸福感/nr"}, "[]"},
		{"surname that starts ordinary words needs context", []string{"高水平/nr", "乌克兰/nr", "白皮书/nr"}, "[]"},
		{"role after the name", []string{"王晓东/nr", "总书记/n", "指出/v"}, "[person:王晓东(总书记)]"},
		{"country before a role is no person", []string{"乌克兰/nr", "总统/n"}, "[]"},
		{"demonstrative after a role is no name", []string{"主席/n", "此访/x"}, "[]"},
		{"place needs a suffix", []string{"上台/ns", "东湖镇/ns"}, "[place:东湖镇]"},
		{"generic place noun", []string{"城市/ns", "文明城市/ns"}, "[]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, tags := tagged(tt.items...)
			var got []string
			for _, m := range Extract(text, tags) {
				if text[m.Span.Start:m.Span.End] != m.Value {
					t.Errorf("span of %v does not slice to its value", m)
				}
				s := fmt.Sprintf("%v:%s", m.Kind, m.Value)
				if m.Noun != "" {
					s += "(" + m.Noun + ")"
				}
				got = append(got, s)
			}
			if fmt.Sprint(got) != tt.want {
				t.Errorf("Extract(%q) = %v; want %v", text, got, tt.want)
			}
		})
	}
}
