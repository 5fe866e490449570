package summary

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/baogao/baogao/corpus"
)

// InitiativeRow is one row of initiatives.parquet: one canonical named
// initiative across the whole run.
type InitiativeRow struct {
	Name string `parquet:"name"`
	// Type is the type most of its mentions carry (campaign, activity,
	// project, ...); ties go to the alphabetically first.
	Type *string `parquet:"type,optional,dict"`
	// Aliases are the distinct surface forms written in the corpus, line
	// breaks removed, sorted.
	Aliases   []string `parquet:"aliases,list"`
	Documents int64    `parquet:"documents"` // documents mentioning it
	Mentions  int64    `parquet:"mentions"`  // mentions in all documents
	// FirstDate and LastDate are the earliest and latest full document
	// dates among those documents (DATE), nil when none is known to the day.
	FirstDate *int32 `parquet:"first_date,date"`
	LastDate  *int32 `parquet:"last_date,date"`
	// FirstYear and LastYear count documents dated to the year only too.
	FirstYear *int32 `parquet:"first_year"`
	LastYear  *int32 `parquet:"last_year"`
}

// initiativeAgg accumulates one initiative while documents stream by.
type initiativeAgg struct {
	types             map[string]int
	aliases           map[string]bool
	docs, mentions    int64
	lastDoc           string
	first, last       corpus.Date // full dates only
	firstYear, lastYr int
}

// initiatives aggregates the initiative mentions of a run. Memory grows
// with the number of distinct initiatives, not with the corpus.
type initiatives map[string]*initiativeAgg

func (in initiatives) add(doc *DocumentRow, ms []MentionRow) {
	d := rowDate(doc)
	for _, m := range ms {
		if m.Kind != string(corpus.KindInitiative) || m.Value == nil {
			continue
		}
		a := in[*m.Value]
		if a == nil {
			a = &initiativeAgg{types: map[string]int{}, aliases: map[string]bool{}}
			in[*m.Value] = a
		}
		a.mentions++
		if m.Type != nil {
			a.types[*m.Type]++
		}
		a.aliases[strings.Join(strings.Fields(m.Text), "")] = true
		if a.lastDoc == doc.ID {
			continue
		}
		a.lastDoc = doc.ID
		a.docs++
		if d.IsZero() {
			continue
		}
		if a.firstYear == 0 || d.Year < a.firstYear {
			a.firstYear = d.Year
		}
		a.lastYr = max(a.lastYr, d.Year)
		if d.Full() {
			if a.first.IsZero() || dateLess(d, a.first) {
				a.first = d
			}
			if a.last.IsZero() || dateLess(a.last, d) {
				a.last = d
			}
		}
	}
}

// rowDate is the document date as its row holds it: the day when
// doc_date has it, else the year alone.
func rowDate(doc *DocumentRow) corpus.Date {
	if doc.DocDate != nil {
		t := time.Unix(int64(*doc.DocDate)*86400, 0).UTC()
		return corpus.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
	}
	if doc.DocYear != nil {
		return corpus.Date{Year: int(*doc.DocYear)}
	}
	return corpus.Date{}
}

func dateLess(a, b corpus.Date) bool {
	return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(a.Month, b.Month), cmp.Compare(a.Day, b.Day)) < 0
}

// rows returns the table sorted by documents, then mentions (both
// descending), then name: the most widespread initiatives first.
func (in initiatives) rows() []InitiativeRow {
	out := make([]InitiativeRow, 0, len(in))
	for name, a := range in {
		r := InitiativeRow{Name: name, Documents: a.docs, Mentions: a.mentions,
			Type: nullable(topType(a.types)), Aliases: sortedKeys(a.aliases)}
		if !a.first.IsZero() {
			r.FirstDate, r.LastDate = epochDays(a.first), epochDays(a.last)
		}
		if a.firstYear != 0 {
			r.FirstYear, r.LastYear = year(corpus.Date{Year: a.firstYear}), year(corpus.Date{Year: a.lastYr})
		}
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b InitiativeRow) int {
		return cmp.Or(cmp.Compare(b.Documents, a.Documents), cmp.Compare(b.Mentions, a.Mentions), strings.Compare(a.Name, b.Name))
	})
	return out
}

func topType(types map[string]int) string {
	best, n := "", 0
	for t, c := range types {
		if c > n || c == n && t < best {
			best, n = t, c
		}
	}
	return best
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// size estimates the bytes buffered for the row.
func (r *InitiativeRow) size() int64 {
	return int64(len(r.Name)+strLen(r.Type)+64) + listBytes(r.Aliases)
}

// listBytes counts the bytes of a list column's strings.
func listBytes(ss []string) int64 {
	var n int64
	for _, s := range ss {
		n += int64(len(s))
	}
	return n
}
