package initiative

import (
	"strings"
	"testing"
)

func TestParseLexicon(t *testing.T) {
	in := "# hospital names\n\n“暖心护航”\tservice\n清风行动\n-党史学习教育\n  一站式结算 \tmechanism\r\n"
	l, err := ParseLexicon(strings.NewReader(in))
	if err != nil {
		t.Fatalf("ParseLexicon(%q) error: %v", in, err)
	}
	for _, tt := range []struct{ name, typ string }{
		{"暖心护航", TypeService}, {"清风行动", TypeCampaign}, {"一站式结算", TypeMechanism},
	} {
		if got, ok := l.Type(tt.name); !ok || got != tt.typ {
			t.Errorf("Type(%q) = %q, %v; want %q, true", tt.name, got, ok, tt.typ)
		}
	}
	if !l.Excluded("党史学习教育") {
		t.Errorf("Excluded(%q) = false; want true", "党史学习教育")
	}
	if l.Len() != 3 {
		t.Errorf("Len() = %d; want 3", l.Len())
	}
}

func TestParseLexiconErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"unknown type", "清风行动\tprogramme\n", "line 1: unknown type"},
		{"empty exclusion", "清风行动\n-\n", "line 2: empty name"},
		{"empty name with type", "好\n\tplan\n", "line 2: empty name"},
		{"typed exclusion", "# c\n-清风行动\tplan\n", "line 2: excluded name"},
		{"too many fields", "清风行动\tplan\t来源\tx\n", "line 1: too many fields"},
		{"invalid utf8", "ok\n\xff\n", "line 2: invalid UTF-8"},
		{"too long", strings.Repeat("长", 41) + "\n", "line 1: name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseLexicon(strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseLexicon(%q) error = %v; want containing %q", tt.in, err, tt.want)
			}
		})
	}
}

// TestParseLexiconSource: the third column, where the name was taken
// from (what `baogao learn` writes as its evidence), is kept.
func TestParseLexiconSource(t *testing.T) {
	l, err := ParseLexicon(strings.NewReader("# name\ttype\tsource\n清风行动\tcampaign\tlearned: 12 documents\n"))
	if err != nil {
		t.Fatal(err)
	}
	if typ, ok := l.Type("清风行动"); !ok || typ != TypeCampaign || l.Source("清风行动") != "learned: 12 documents" {
		t.Errorf("Type(清风行动) = %q, %v, source %q; want campaign, learned: 12 documents", typ, ok, l.Source("清风行动"))
	}
	if c := l.Clone(); c.Source("清风行动") != l.Source("清风行动") {
		t.Errorf("Clone lost the source")
	}
}

func TestLexiconAddExclude(t *testing.T) {
	var l Lexicon // the zero Lexicon is usable
	l.Exclude("清风行动")
	l.Add("“清风行动”", "unknown-type")
	if got, ok := l.Type("清风行动"); !ok || got != TypeCampaign || l.Excluded("清风行动") {
		t.Errorf("after Exclude then Add: Type = %q, %v, Excluded = %v; want campaign, true, false",
			got, ok, l.Excluded("清风行动"))
	}
}

func FuzzParseLexicon(f *testing.F) {
	f.Add("清风行动\tcampaign\n-党史学习教育\n# c\n")
	f.Add("\t\n-\n\xff")
	f.Fuzz(func(t *testing.T, in string) {
		l, err := ParseLexicon(strings.NewReader(in))
		if err != nil {
			if !strings.Contains(err.Error(), "line ") && !strings.Contains(err.Error(), "lexicon:") {
				t.Errorf("ParseLexicon(%q) error %q names no line", in, err)
			}
			return
		}
		for n, typ := range l.names {
			if n == "" || n != Canonical(n) || !validType(typ) {
				t.Errorf("ParseLexicon(%q) kept name %q type %q", in, n, typ)
			}
		}
		New(Options{Lexicon: l}).Extract(in, corpusDate)
	})
}
