package entity

import (
	"slices"
	"strings"

	"github.com/baogao/baogao/corpus"
)

// Sports clubs are named after their city and a sponsor (a place and two
// to four characters: 青山松涛, 南河远航) and written bare, without 队,
// where a report lists the teams of a league or a group: "东区6队为…、…
// 和…". Those names are organisations; jieba cuts them as a place and an
// unknown word. teamLists finds such lists by what introduces them and
// makes each place-named item an organisation. An item that is a place
// alone (a team named after its province) stays a place: that is what it
// says.

// teamListHeads introduce a list of teams.
var teamListHeads = []string{"队为", "队是", "队分别为", "队分别是", "队依次为", "队依次是", "队有", "队："}

// teamListEnds end a list (and the sentence or clause it is in).
const teamListEnds = "，。；：！？\n（(“"

// teamLists returns ms with the clubs of the team lists of text as
// organisations, replacing the mentions they overlap; sorted as ms is.
func teamLists(text string, ms []corpus.Mention) []corpus.Mention {
	if !strings.Contains(text, "队") {
		return ms // the common case
	}
	var teams []corpus.Mention
	for _, h := range teamListHeads {
		for off := 0; ; {
			k := strings.Index(text[off:], h)
			if k < 0 {
				break
			}
			start := off + k + len(h)
			off = start
			teams = append(teams, listedTeams(text, start)...)
		}
	}
	if len(teams) == 0 {
		return ms
	}
	out := ms[:0:0]
	for _, m := range ms {
		if !slices.ContainsFunc(teams, func(t corpus.Mention) bool { return m.Span.Start < t.Span.End && t.Span.Start < m.Span.End }) {
			out = append(out, m)
		}
	}
	out = append(out, teams...)
	slices.SortFunc(out, func(a, b corpus.Mention) int { return a.Span.Start - b.Span.Start })
	return slices.CompactFunc(out, func(a, b corpus.Mention) bool { return a.Span == b.Span })
}

// listedTeams reads the list starting at text[start:]: items split by 、,
// the last two by 和, 与 or 及, up to the end of the clause; a list of
// fewer than two items is none.
func listedTeams(text string, start int) []corpus.Mention {
	end := len(text)
	if k := strings.IndexAny(text[start:], teamListEnds); k >= 0 {
		end = start + k
	}
	type item struct{ start, end int }
	var items []item
	for p := start; p < end; {
		q := strings.Index(text[p:end], "、")
		if q < 0 {
			q = end - p
		}
		items = append(items, item{p, p + q})
		p += q + len("、")
	}
	if len(items) == 0 {
		return nil
	}
	// The last item holds the last two: 天津泰达 in …和天津泰达.
	last := items[len(items)-1]
	for _, and := range []string{"和", "与", "及"} {
		if k := strings.Index(text[last.start:last.end], and); k > 0 {
			items = append(items[:len(items)-1], item{last.start, last.start + k}, item{last.start + k + len(and), last.end})
			break
		}
	}
	if len(items) < 2 {
		return nil
	}
	var out []corpus.Mention
	for _, it := range items {
		w := text[it.start:it.end]
		n := runeCount(w)
		if n != hanLen(w) || n < 2 || n > 8 {
			return nil // not a list of names
		}
		p := gazetteerPrefix(w)
		if p == "" || runeCount(w)-runeCount(p) < 2 || runeCount(w)-runeCount(p) > 4 || gazetteer[w] {
			continue
		}
		out = append(out, corpus.Mention{Kind: corpus.KindOrg, Span: corpus.Span{Start: it.start, End: it.end}, Value: OrgCanonical(w), Rule: "org/team-list"})
	}
	return out
}
