package initiative

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/baogao/baogao/pipeline/prefix"
)

// Lexicon holds known initiative names with their types, and names that
// must never be reported. The zero Lexicon is empty and ready to use. A
// Lexicon is not safe for concurrent mutation; New copies it, so an
// Extractor is unaffected by later changes.
type Lexicon struct {
	names    map[string]string // canonical name → type
	excluded map[string]bool   // canonical names never reported
	sources  map[string]string // canonical name → where it was taken from (lexicon files)
	scan     *prefix.Index     // the names, for scanning; nil until index
	maxRunes int               // longest name in runes
}

// maxNameRunes bounds lexicon names: longer entries are almost certainly
// whole sentences pasted by mistake.
const maxNameRunes = 40

// ParseLexicon reads a lexicon: one name per line, optionally followed by a
// TAB and a type (one of Types; default campaign), optionally followed by
// a TAB and the source the name was taken from (free text, kept by
// Source). A line starting with '-'
// excludes the name that follows; '#' starts a comment line; blank lines are
// skipped. Errors name the 1-based line number.
func ParseLexicon(r io.Reader) (*Lexicon, error) {
	l := &Lexicon{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if err := l.parseLine(sc.Text()); err != nil {
			return nil, fmt.Errorf("initiative: lexicon line %d: %w", n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("initiative: lexicon: %w", err)
	}
	return l, nil
}

func (l *Lexicon) parseLine(line string) error {
	line = strings.TrimRight(line, "\r")
	if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
		return nil
	}
	if !utf8.ValidString(line) {
		return fmt.Errorf("invalid UTF-8")
	}
	name, typ, hasType := strings.Cut(line, "\t")
	typ, source, _ := strings.Cut(typ, "\t")
	name = strings.TrimSpace(name)
	typ = strings.TrimSpace(typ)
	source = strings.TrimSpace(source)
	exclude := strings.HasPrefix(name, "-")
	if exclude {
		name = strings.TrimSpace(name[1:])
	}
	if strings.Contains(source, "\t") {
		return fmt.Errorf("too many fields")
	}
	if err := checkName(name); err != nil {
		return err
	}
	if exclude {
		if hasType {
			return fmt.Errorf("excluded name %q takes no type", name)
		}
		l.Exclude(name)
		return nil
	}
	if !hasType || typ == "" {
		typ = TypeCampaign
	}
	if !validType(typ) {
		return fmt.Errorf("unknown type %q (want one of %s)", typ, strings.Join(Types, ", "))
	}
	l.Add(name, typ)
	if source != "" {
		if l.sources == nil {
			l.sources = make(map[string]string)
		}
		l.sources[Canonical(name)] = source
	}
	return nil
}

// Source returns where a known name was taken from, as its lexicon line
// says, or "".
func (l *Lexicon) Source(name string) string { return l.sources[name] }

func checkName(name string) error {
	c := Canonical(name)
	switch {
	case c == "":
		return fmt.Errorf("empty name")
	case utf8.RuneCountInString(c) > maxNameRunes:
		return fmt.Errorf("name %q longer than %d characters", name, maxNameRunes)
	}
	return nil
}

// Add records name (normalised with Canonical) as a known initiative of
// type typ; an empty or unknown typ means campaign. Adding a name lifts an
// earlier exclusion of it.
func (l *Lexicon) Add(name, typ string) {
	c := Canonical(name)
	if c == "" {
		return
	}
	if !validType(typ) {
		typ = TypeCampaign
	}
	if l.names == nil {
		l.names = make(map[string]string)
	}
	l.names[c] = typ
	delete(l.excluded, c)
	l.scan = nil
}

// Exclude records name (normalised with Canonical) as never an initiative,
// whichever rule finds it.
func (l *Lexicon) Exclude(name string) {
	c := Canonical(name)
	if c == "" {
		return
	}
	if l.excluded == nil {
		l.excluded = make(map[string]bool)
	}
	l.excluded[c] = true
	delete(l.names, c)
	l.scan = nil
}

// Names returns the known names, sorted.
func (l *Lexicon) Names() []string {
	out := make([]string, 0, len(l.names))
	for n := range l.names {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Len returns the number of known names.
func (l *Lexicon) Len() int { return len(l.names) }

// Type returns the type of a known canonical name.
func (l *Lexicon) Type(name string) (string, bool) {
	t, ok := l.names[name]
	return t, ok
}

// Excluded reports whether the canonical name is excluded.
func (l *Lexicon) Excluded(name string) bool { return l.excluded[name] }

// merge copies other into l: other's names and types win, other's
// exclusions remove l's names.
func (l *Lexicon) merge(other *Lexicon) {
	if other == nil {
		return
	}
	for n, t := range other.names {
		l.Add(n, t)
		if src, ok := other.sources[n]; ok {
			if l.sources == nil {
				l.sources = map[string]string{}
			}
			l.sources[n] = src
		}
	}
	for n := range other.excluded {
		l.Exclude(n)
	}
}

// Clone returns an independent copy of l.
func (l *Lexicon) Clone() *Lexicon {
	c := &Lexicon{}
	c.merge(l)
	return c
}

// ExcludedNames returns the excluded names, sorted.
func (l *Lexicon) ExcludedNames() []string {
	out := make([]string, 0, len(l.excluded))
	for n := range l.excluded {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// index builds the index used by scan.
func (l *Lexicon) index() {
	names := make([]string, 0, len(l.names))
	l.maxRunes = 0
	for n := range l.names {
		names = append(names, n)
		l.maxRunes = max(l.maxRunes, utf8.RuneCountInString(n))
	}
	l.scan = prefix.New(names)
}

// longestAt returns the longest known name that starts at s[i:].
func (l *Lexicon) longestAt(s string, i int) (string, bool) {
	n := l.scan.LongestAt(s, i)
	return n, n != ""
}

// variantHeads are heads that writers add to or drop from a known name
// without changing what it names: 乡村振兴 and 乡村振兴战略, “三北”工程
// and 三北工程, “一带一路”倡议 and 一带一路倡议, 数字中国 and 数字中国建设,
// 长江经济带 and 长江经济带发展.
var variantHeads = []string{"战略", "工程", "倡议", "规划", "建设", "发展"}

// variantVerbs are verbs fused with a known name in set phrases: 共建“一带
// 一路” (jointly building the Belt and Road).
var variantVerbs = []string{"共建"}

// variant links a canonical name to its lexicon form. A name that is a
// known name plus a variant head, or a variant verb plus a known name,
// becomes the known name: 乡村振兴战略 → 乡村振兴, 三北工程 → 三北,
// 共建一带一路 → 一带一路. The shorter form is canonical because it is
// what a quotation with a head already yields (“一带一路”倡议 → 一带一路),
// so all spellings meet in one row. Names whose head is inside the
// quotation and not a variant of a shorter known name (“千万工程”) keep it.
func (l *Lexicon) variant(name string) string {
	for _, h := range variantHeads {
		if short, ok := strings.CutSuffix(name, h); ok {
			if _, known := l.names[short]; known {
				return short
			}
		}
	}
	for _, v := range variantVerbs {
		if short, ok := strings.CutPrefix(name, v); ok {
			if _, known := l.names[short]; known {
				return short
			}
		}
	}
	return name
}

// builtin is the shipped lexicon: national and provincial programmes,
// each with the public text it was found in (see the file's header).
//
//go:embed lexicon.tsv
var builtin string

// DefaultLexicon returns a new copy of the built-in lexicon.
func DefaultLexicon() *Lexicon {
	l, err := ParseLexicon(strings.NewReader(builtin))
	if err != nil {
		panic(err) // the embedded file is tested: TestBuiltinLexicon
	}
	return l
}
