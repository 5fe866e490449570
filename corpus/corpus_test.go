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
	p := Problem{Path: "a/b.txt", Stage: "read", Offset: 14, Err: errString("bad byte")}
	if got, want := p.Error(), "a/b.txt:14: read: bad byte"; got != want {
		t.Errorf("Error() = %q; want %q", got, want)
	}
	p.Offset = -1
	if got, want := p.Error(), "a/b.txt: read: bad byte"; got != want {
		t.Errorf("Error() = %q; want %q", got, want)
	}
}

type errString string

func (e errString) Error() string { return string(e) }
