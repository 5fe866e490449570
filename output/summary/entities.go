package summary

import (
	"cmp"
	"slices"
	"strings"

	"github.com/baogao/baogao/corpus"
)

// EntityRow is one row of entities.parquet: one canonical organisation,
// person or place across the whole run.
type EntityRow struct {
	Kind string `parquet:"kind,dict"` // org, person, place
	Name string `parquet:"name"`      // canonical name, as in mentions.value
	// Aliases are the distinct surface forms written in the corpus, line
	// breaks removed, sorted: 中央政治局 and 中共中央政治局 for the row
	// named 中共中央政治局.
	Aliases   []string `parquet:"aliases,list"`
	Documents int64    `parquet:"documents"` // documents mentioning it
	Mentions  int64    `parquet:"mentions"`  // mentions in all documents
}

// entityKey names one entity: names are canonical within a kind only (a
// place and an organisation may share one).
type entityKey struct {
	kind corpus.Kind
	name string
}

type entityAgg struct {
	aliases        map[string]bool
	docs, mentions int64
	lastDoc        string
}

// entities aggregates the entity mentions of a run. Memory grows with
// the number of distinct entities, not with the corpus.
type entities map[entityKey]*entityAgg

func isEntity(k corpus.Kind) bool {
	return k == corpus.KindOrg || k == corpus.KindPerson || k == corpus.KindPlace
}

func (en entities) add(doc *DocumentRow, ms []MentionRow) {
	for _, m := range ms {
		kind := corpus.Kind(m.Kind)
		if !isEntity(kind) || m.Value == nil {
			continue
		}
		key := entityKey{kind, *m.Value}
		a := en[key]
		if a == nil {
			a = &entityAgg{aliases: map[string]bool{}}
			en[key] = a
		}
		a.mentions++
		a.aliases[strings.Join(strings.Fields(m.Text), "")] = true
		if a.lastDoc != doc.ID {
			a.lastDoc = doc.ID
			a.docs++
		}
	}
}

// rows returns the table sorted by kind, then documents and mentions
// (both descending), then name: the most widespread entities of each
// kind first.
func (en entities) rows() []EntityRow {
	out := make([]EntityRow, 0, len(en))
	for k, a := range en {
		out = append(out, EntityRow{Kind: k.kind.String(), Name: k.name, Aliases: sortedKeys(a.aliases),
			Documents: a.docs, Mentions: a.mentions})
	}
	slices.SortFunc(out, func(a, b EntityRow) int {
		return cmp.Or(strings.Compare(a.Kind, b.Kind), cmp.Compare(b.Documents, a.Documents),
			cmp.Compare(b.Mentions, a.Mentions), strings.Compare(a.Name, b.Name))
	})
	return out
}

// size estimates the bytes buffered for the row.
func (r *EntityRow) size() int64 {
	return int64(len(r.Kind)+len(r.Name)+32) + listBytes(r.Aliases)
}
