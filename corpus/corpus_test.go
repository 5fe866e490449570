package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCharIndex(t *testing.T) {
	text := strings.Repeat("a中文b𠀀，", 200) + "末"
	x := NewCharIndex(text)
	for off := 0; off <= len(text); off++ {
		if off < len(text) && !utf8.RuneStart(text[off]) {
			continue
		}
		if got, want := x.Char(off), utf8.RuneCountInString(text[:off]); got != want {
			t.Fatalf("Char(%d) = %d; want %d", off, got, want)
		}
	}
}

func TestProblemError(t *testing.T) {
	p := Problem{Path: "a/b.jsonl", Stage: "parse", Offset: 120, Line: 14, Err: errString("bad json")}
	if got, want := p.Error(), "a/b.jsonl:14: parse: bad json"; got != want {
		t.Errorf("Error() = %q; want %q", got, want)
	}
	p = Problem{Path: "a/b.txt", Stage: "read", Offset: 14, Err: errString("bad byte")}
	if got, want := p.Error(), "a/b.txt: read: bad byte"; got != want {
		t.Errorf("Error() = %q; want %q", got, want)
	}
}

type errString string

func (e errString) Error() string { return string(e) }

func TestOutside(t *testing.T) {
	m := func(s, e int) Mention { return Mention{Span: Span{s, e}} }
	got := Outside([]Mention{m(0, 3), m(5, 8), m(9, 12), m(15, 17), m(20, 22)}, []Span{{4, 6}, {12, 20}})
	if len(got) != 3 || got[0].Span != (Span{0, 3}) || got[1].Span != (Span{9, 12}) || got[2].Span != (Span{20, 22}) {
		t.Errorf("Outside = %v; want the mentions at [0,3), [9,12) and [20,22): half-open spans that only touch do not overlap", got)
	}
}

func TestDocumentPage(t *testing.T) {
	// Three pages; the second is blank and starts where the third does.
	d := &Document{Text: "第一页。\n第三页。", Pages: []int{0, len("第一页。\n"), len("第一页。\n")}}
	tests := []struct{ off, want int }{
		{0, 1}, {len("第一"), 1}, {len("第一页。"), 1}, {len("第一页。\n"), 3}, {len(d.Text), 3},
	}
	for _, tt := range tests {
		if got := d.Page(tt.off); got != tt.want {
			t.Errorf("Page(%d) = %d; want %d", tt.off, got, tt.want)
		}
	}
	if got := (&Document{Text: "无页码"}).Page(3); got != 0 {
		t.Errorf("Page of a document without pages = %d; want 0", got)
	}
}
